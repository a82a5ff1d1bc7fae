"""Datasette plugin: a range filter that keeps few facts leads its page's query.

SQLite's planner has no figures for how many rows a range keeps (Debian's SQLite is built without STAT4), so a
fact page in another column's order (every page has one: wages open newest first) is read along that column's
index, each row checked against the range. When the range keeps few rows or none ("amount over 100000"), that
reads the whole table: three seconds on a million facts, and the page is cut off. So each range filter
(``__gt``, ``__gte``, ``__lt``, ``__lte``) on a column that leads an index is counted through that index, up to
RANGE_ROWS rows (a millisecond at most); when it keeps no more, the page also keeps only the ids of those rows,
which SQLite reads first and sorts (a few milliseconds). Ranges that keep many rows are left as they are: the
page's first rows then come early in its order.
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.filters import FilterArguments

from kb.schema import FACT_COLUMNS, summary_indexes
from kb.summaries import SUMMARIZED

RANGES = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}
RANGE_ROWS = 10_000


def fact_table(table: str) -> str | None:
    """The fact table a table or view page reads (wages for current_wages and wage_claims), or None."""
    if table in SUMMARIZED:
        return SUMMARIZED[table].table
    return table if table in FACT_COLUMNS else None


@hookimpl(specname="filters_from_request")
def narrow_ranges(request: Any, database: str, table: str, datasette: Any) -> Any:
    async def inner() -> FilterArguments | None:
        facts = fact_table(table)
        if facts is None:
            return None
        leading = {columns[0] for columns in summary_indexes(facts)} if facts in SUMMARIZED else set()
        db = datasette.get_database(database)
        where, params = [], {}
        for n, key in enumerate(request.args):
            column, _, lookup = key.rpartition("__")
            if lookup not in RANGES or column not in leading:
                continue
            condition = f"[{column}] {RANGES[lookup]} :kb_range_{n}"
            value = {f"kb_range_{n}": request.args[key]}
            counted = f"select count(*) from (select 1 from [{facts}] where {condition} limit {RANGE_ROWS + 1})"
            if (await db.execute(counted, value)).single_value() <= RANGE_ROWS:
                where.append(f"[id] in (select id from [{facts}] where {condition})")
                params.update(value)
        return FilterArguments(where, params)

    return inner
