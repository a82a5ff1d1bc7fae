"""Row counts of table pages read from the summaries (kb/summaries.py) instead of counted from the rows.

Above each table page Datasette shows how many rows the page's filters keep, counted with ``select count(*)``
over those rows: on a million facts, a common filter value reads half a million index entries, more than
everything else on the page together. Datasette 0.65 has no hook for that count (simonw/datasette#1183 asks
for counts kept by triggers to be read instead), so ``kb serve`` opens the file as a ``SummaryCountedDatabase``
(kb.serve.ServedDatabase): a count of a summarized table or view whose every condition tests the value of one
column its summary holds (an equality, a prefix, a range, a pattern, a null) is answered from the summary, which
triggers keep current in the transaction of every write: all the facts of a summary row hold the same value of
that column, so a condition keeps or leaves out the whole row, and the sum of the rows it keeps is the count
(``wages?as_of__startswith=2021``, 53,174 facts, read the whole table in 240 ms; from the summary 1.4 ms). A
search's count is read from its full-text index (kb/searches.py); a search with many matches and another filter
is not counted at all. Any other count is given up after COUNT_TIME_LIMIT_MS, and the page is shown without it.
A row page's counts of the rows that link to it ("Links from other tables") are read from the summaries too,
where a summary holds the linking column: an occupation's page counted its wages from the index, 330,000 entries
for 29-2072, 177 ms. Every other query runs as it is.
"""

from __future__ import annotations

import re
from typing import Any

from datasette.database import Database, QueryInterrupted, Results

from kb import searches
from kb.summaries import SUMMARIZED, Summarized

# The count Datasette's table page runs (datasette/views/table.py): its table or view and its filters' conditions.
PAGE_COUNT = re.compile(r"select count\(\*\) from (?P<table>\w+|\[\w+\])(?: where (?P<where>.+?))? ?")
# A count no summary holds is given up after this long: the page is shown without it (Datasette leaves out a count
# that is cut off) rather than kept waiting for it.
COUNT_TIME_LIMIT_MS = 100
# A row page's count of the rows of another table that link to it (datasette/views/row.py, foreign_key_tables).
LINKING_COUNT = re.compile(r"\(select count\(\*\) from (?P<table>\w+|\[\w+\]) where (?P<column>\w+|\[\w+\])=:id\)")
# A filter's condition on the value of one column (datasette/filters.py: exact, not, contains, endswith,
# startswith, gt, gte, lt, lte, like, notlike, glob, isnull, notnull).
COLUMN_TEST = re.compile(
    r'"(?P<column>\w+)" (?P<test>(?:=|!=|>|>=|<|<=|like|not like|glob) :\w+|is null|is not null)')
# A range filter's rows, which kb/plugins/ranges.py has the page's query read first: a test of one column's value too.
NARROWED = re.compile(
    r"\[id\] in \(select id from \[(?P<table>\w+)\] where \[(?P<column>\w+)\] (?P<test>[<>]=? :\w+)\)")


def page_count(sql: str) -> tuple[str, list[str]] | None:
    """The table or view a table page's count reads, and its conditions."""
    found = PAGE_COUNT.fullmatch(sql)
    if found is None:
        return None
    return found["table"].strip("[]"), conditions(found["where"] or "")


def conditions(where: str) -> list[str]:
    """The conditions ``and`` joins at the top level of ``where`` (joined again, they give ``where`` back)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(where):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and where.startswith(" and ", i):
            parts.append(where[start:i])
            start = i + len(" and ")
    return [*parts, where[start:]] if where else []


def summary_conditions(conditions: list[str], summarized: Summarized) -> list[str] | None:
    """The conditions as SQL over ``summarized``'s summary rows, when each tests the value of a column it holds."""
    tests = []
    for condition in conditions:
        found = COLUMN_TEST.fullmatch(condition) or NARROWED.fullmatch(condition)
        if found and found.groupdict().get("table", summarized.table) != summarized.table:
            return None
        expression = summarized.expression(found["column"]) if found else None
        if expression is None:
            return None
        tests.append(f"{expression} {found['test']}")
    return tests


class SummaryCountedDatabase(Database):
    """A served file whose table pages' counts are read from the summaries or full-text indexes that hold them."""

    async def execute(self, sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Results:
        page = page_count(sql)
        if page is not None:
            table, where = page
            summary = await self.summary_count(table, where, params)
            if summary is not None:
                sql, params = summary
            elif searches.uncountable(where):
                raise QueryInterrupted(None, sql, params)  # Datasette shows the page without a count
            else:
                sql = searches.count(where) or sql
                kwargs["custom_time_limit"] = min(kwargs.get("custom_time_limit") or COUNT_TIME_LIMIT_MS,
                                                  COUNT_TIME_LIMIT_MS)
        elif sql.startswith("select (select count(*) from "):
            sql = await self.linking_counts(sql)
        return await super().execute(sql, params, *args, **kwargs)

    async def linking_counts(self, sql: str) -> str:
        """A row page's counts of its linking rows, each a sum over the summary that holds its column, if one does."""
        summed = {}
        for found in LINKING_COUNT.finditer(sql):
            table, column = found["table"].strip("[]"), found["column"].strip("[]")
            summarized = SUMMARIZED.get(table)
            expression = summarized.expression(column) if summarized and summarized.table == table else None
            if expression is not None and await self.table_exists(summarized.summary):
                summed[found[0]] = f"(select coalesce(sum(n), 0) from [{summarized.summary}] where {expression} = :id)"
        return LINKING_COUNT.sub(lambda found: summed.get(found[0], found[0]), sql)

    async def summary_count(self, table: str, where: list[str], params: Any) -> tuple[str, Any] | None:
        """The summary's SQL for a table page's count, or None when the summary cannot answer it."""
        summarized = SUMMARIZED.get(table)
        tests = summary_conditions(where, summarized) if summarized is not None else None
        if tests is None or not await self.table_exists(summarized.summary):
            return None
        return summarized.count_where(tests), params
