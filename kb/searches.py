"""The SQL condition that keeps a full-text search's matches, chosen by how many matches there are.

Datasette keeps a search's rows with ``rowid in (select rowid from <fts> where <fts> match ...)``, and SQLite reads
that one way: it looks up every match's row and sorts them all into the page's order, about 0.35 µs a match. For
a word in a few thousand facts that is a few milliseconds; for one in half a million facts it is a third of a
second for the page's rows, and as much again for its count. With the rowid hidden from the planner
(``+rowid in (...)``), SQLite builds the set of matches once (0.1 µs a match) and reads the page's sort index in
order, keeping the rows in the set, so the page costs its matches once, at a third of the price, and at most one
read of that index however the matches fall in the page's order.

Asking the full-text index about each row read in the page's order (``walk``: ``exists (... and rowid =
<table>.rowid)``) costs 13-40 µs a row, but a word in a large share of the facts has its first page near the
start of any order: "coding", in 678,701 of a million facts, after a few dozen rows (about 1 ms, where the set of
its matches took 70 ms). A word whose matches come late in the order reads for as long as it takes ("median wage"
sorted by amount read for three seconds). So a search with many matches that is its page's only condition, on a
first page, is read that way only if it matches one row in ``WALK_SHARE`` or more of the table and its page is
found so within ``WALK_MS``; if not, the set of matches is built. Words in fewer rows, or whose matches come
later in the order, would read for longer than their set takes to build (0.1 µs a match).

``condition`` picks the condition by the number of matches; ``count`` reads a search's count from the full-text
index. A search with more than FEW matches and another filter is not counted (``uncountable``): its count would
build the set of matches again and read every row the filter keeps against it, 25-150 ms of CPU on a million facts
(a common word with a source), cut off at kb.counts.COUNT_TIME_LIMIT_MS under load after spending most of it.
"""

from __future__ import annotations

import re

# Datasette's condition for ?_search= (datasette/filters.py, search_filters), and the ones kept in its place.
DATASETTE = re.compile(r"rowid in \(select rowid from (?P<fts>\S+) where (?P=fts) match (?P<match>[\w(:)]+)\)")
WALKED = re.compile(r"exists \(select 1 from (?P<fts>\S+) where (?P=fts) match (?P<match>[\w(:)]+) "
                    r"and rowid = (?P<table>\S+)\.rowid\)")
KEPT = re.compile(r"\+?" + DATASETTE.pattern)
# Up to this many matches Datasette's own condition is the cheapest (a few milliseconds).
FEW = 10_000
# A search is read along the page's order (``walk``) only if it matches at least one row in WALK_SHARE of the
# table, and only if its page is found so within WALK_MS; else its set of matches is built.
WALK_SHARE = 8
WALK_MS = 8
# Where a table page's request notes how many matches its search has (kb/plugins/search.py), up to FEW + 1.
MATCHES = "kb.search_matches"


def matches_query(fts: str, match: str, limit: int = FEW + 1) -> str:
    """SQL that counts a search's matches, up to ``limit``."""
    return f"select count(*) from (select rowid from {fts} where {fts} match {match} limit {limit})"


def condition(clause: str, matches: int) -> str:
    """Datasette's search ``clause`` as the condition cheapest for ``matches`` matches."""
    return f"+{clause}" if matches > FEW and DATASETTE.fullmatch(clause) else clause


def walk(clause: str, table: str) -> str:
    """Datasette's search ``clause`` as a test of each row read, in whatever order the page reads them."""
    fts, match = DATASETTE.fullmatch(clause).group("fts", "match")
    return f"exists (select 1 from {fts} where {fts} match {match} and rowid = {table}.rowid)"


def walk_query(table: str, condition: str, order: str, rows: int) -> str:
    """SQL that reads the first ``rows`` rows of a page kept by ``condition`` in ``order``, and counts them."""
    return f"select count(*) from (select 1 from {table} where {condition} order by {order} limit {rows})"


def kept(condition: str) -> re.Match | None:
    """``condition`` read as a search's condition (Datasette's own, or one that took its place), or None."""
    return KEPT.fullmatch(condition) or WALKED.fullmatch(condition)


def uncountable(conditions: list[str]) -> bool:
    """Whether a page's conditions are a search with more than FEW matches and another filter."""
    return len(conditions) > 1 and any(c.startswith(("+", "exists")) and kept(c) for c in conditions)


def count(conditions: list[str]) -> str | None:
    """SQL for the count of a page whose only condition is a search, read from the full-text index, or None."""
    found = kept(conditions[0]) if len(conditions) == 1 else None
    if found is None:
        return None
    return f"select count(*) from {found['fts']} where {found['fts']} match {found['match']}"
