"""The SQL conditions that keep a full-text search's matches, chosen by how many matches there are.

Datasette keeps a search's rows with ``rowid in (select rowid from <fts> where <fts> match ...)``, and SQLite reads
that one way: it looks up every match's row and sorts them all into the page's order, about 0.35 µs a match. For
a word in a few thousand facts that is a few milliseconds; for one in half a million facts it is a third of a
second for the page's rows, and as much again for its count. The same matches can be kept two other ways:

- ``+rowid in (...)``: the rowid hidden from the planner, SQLite builds the set of matches once (0.1 µs a match)
  and reads the page's sort index in order, keeping the rows in the set;
- ``exists (... and rowid = <table>.rowid)``: each row read in the page's order is looked up in the full-text
  index itself (13-40 µs a row), which is cheapest when most rows match, as a page of fifty is then found
  within a few hundred rows.

``condition`` picks one by the number of matches; ``count`` reads a search's count from the full-text index.
"""

from __future__ import annotations

import re

from datasette.utils import escape_sqlite

# Datasette's condition for ?_search= (datasette/filters.py, search_filters).
DATASETTE = re.compile(r"rowid in \(select rowid from (?P<fts>\S+) where (?P=fts) match (?P<match>[\w(:)]+)\)")
# The conditions below, as they appear in the SQL of a page: any of them, with its full-text table and match.
KEPT = re.compile(r"(?:\+?rowid in \(select rowid from (?P<fts>\S+) where (?P=fts) match (?P<match>[\w(:)]+)\)"
                  r"|exists \(select 1 from (?P<fts2>\S+) where (?P=fts2) match (?P<match2>[\w(:)]+)"
                  r" and rowid = \S+\))")
# Up to this many matches Datasette's own condition is the cheapest (a few milliseconds); past it facets are not
# counted from the page's rows (kb/plugins/facets.py).
FEW = 10_000
# From this many matches on, most rows of any page hold one (in the benchmark's million facts, one in ten or more).
MANY = 100_000


def matches_query(fts: str, match: str, limit: int) -> str:
    """SQL that counts a search's matches, up to ``limit``."""
    return f"select count(*) from (select rowid from {fts} where {fts} match {match} limit {limit})"


def condition(clause: str, table: str, matches: int) -> str:
    """Datasette's search ``clause`` on ``table`` as the condition cheapest for ``matches`` matches."""
    found = DATASETTE.fullmatch(clause)
    if found is None or matches <= FEW:
        return clause
    fts, match = found["fts"], found["match"]
    if matches < MANY:
        return f"+rowid in (select rowid from {fts} where {fts} match {match})"
    return f"exists (select 1 from {fts} where {fts} match {match} and rowid = {escape_sqlite(table)}.rowid)"


def count(table: str, conditions: list[str]) -> str | None:
    """SQL for the count of a page whose ``conditions`` hold one search: read from the full-text index when the
    search is its only condition, else with Datasette's condition (whose plan SQLite picks by the other ones)."""
    searches = [KEPT.fullmatch(c) for c in conditions]
    found = [s for s in searches if s is not None]
    if len(found) != 1:
        return None
    fts, match = found[0]["fts"] or found[0]["fts2"], found[0]["match"] or found[0]["match2"]
    if len(conditions) == 1:
        return f"select count(*) from {fts} where {fts} match {match}"
    # With many matches the other conditions' index, checked against the set of matches, reads fewer rows.
    many = "+" if not DATASETTE.fullmatch(next(c for c, s in zip(conditions, searches, strict=True) if s)) else ""
    kept = [f"{many}rowid in (select rowid from {fts} where {fts} match {match})" if s else c
            for c, s in zip(conditions, searches, strict=True)]
    return f"select count(*) from {escape_sqlite(table)} where {' and '.join(kept)}"


# Where a table page's request notes how many matches its search has (kb/plugins/search.py), up to MANY.
MATCHES = "kb.search_matches"
