"""The SQL condition that keeps a full-text search's matches, chosen by how many matches there are.

Datasette keeps a search's rows with ``rowid in (select rowid from <fts> where <fts> match ...)``, and SQLite reads
that one way: it looks up every match's row and sorts them all into the page's order, about 0.35 µs a match. For
a word in a few thousand facts that is a few milliseconds; for one in half a million facts it is a third of a
second for the page's rows, and as much again for its count. With the rowid hidden from the planner
(``+rowid in (...)``), SQLite builds the set of matches once (0.1 µs a match) and reads the page's sort index in
order, keeping the rows in the set, so the page costs its matches once, at a third of the price, and at most one
read of that index however the matches fall in the page's order.

(Asking the full-text index about each row read in order, ``exists (... and rowid = <table>.rowid)``, finds a
page of a common word in a few milliseconds, but costs 13-40 µs a row: a common word whose matches come late in
the page's order, such as "median wage" sorted by amount, read for three seconds and was cut off.)

``condition`` picks the condition by the number of matches; ``count`` reads a search's count from the full-text
index. A search with more than FEW matches and another filter is not counted (``uncountable``): its count would
build the set of matches again and read every row the filter keeps against it, 25-150 ms of CPU on a million facts
(a common word with a source), cut off at kb.counts.COUNT_TIME_LIMIT_MS under load after spending most of it.
"""

from __future__ import annotations

import re

# Datasette's condition for ?_search= (datasette/filters.py, search_filters), and the one kept in its place.
DATASETTE = re.compile(r"rowid in \(select rowid from (?P<fts>\S+) where (?P=fts) match (?P<match>[\w(:)]+)\)")
KEPT = re.compile(r"\+?" + DATASETTE.pattern)
# Up to this many matches Datasette's own condition is the cheapest (a few milliseconds).
FEW = 10_000
# Where a table page's request notes how many matches its search has (kb/plugins/search.py), up to FEW + 1.
MATCHES = "kb.search_matches"


def matches_query(fts: str, match: str) -> str:
    """SQL that counts a search's matches, up to FEW + 1."""
    return f"select count(*) from (select rowid from {fts} where {fts} match {match} limit {FEW + 1})"


def condition(clause: str, matches: int) -> str:
    """Datasette's search ``clause`` as the condition cheapest for ``matches`` matches."""
    return f"+{clause}" if matches > FEW and DATASETTE.fullmatch(clause) else clause


def uncountable(conditions: list[str]) -> bool:
    """Whether a page's conditions are a search kept by the set of its matches (more than FEW) and another filter."""
    return len(conditions) > 1 and any(c.startswith("+") and KEPT.fullmatch(c) for c in conditions)


def count(conditions: list[str]) -> str | None:
    """SQL for the count of a page whose only condition is a search, read from the full-text index, or None."""
    found = KEPT.fullmatch(conditions[0]) if len(conditions) == 1 else None
    if found is None:
        return None
    return f"select count(*) from {found['fts']} where {found['fts']} match {found['match']}"
