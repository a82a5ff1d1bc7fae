"""Datasette plugin: a range filter that keeps few facts leads its page's query.

SQLite's planner has no figures for how many rows a range keeps (Debian's SQLite is built without STAT4), so a
fact page in another column's order (every page has one: wages open newest first) is read along that column's
index, each row checked against the range. When the range keeps few rows or none ("amount over 100000"), that
reads the whole table: three seconds on a million facts, and the page is cut off. So each range filter
(``__gt``, ``__gte``, ``__lt``, ``__lte``) on a column that leads an index is counted through that index, up to
RANGE_ROWS rows (a millisecond at most); when it keeps no more, the page also keeps only the ids of those rows,
which SQLite reads first and sorts (a few milliseconds). Ranges that keep many rows are left as they are: the
page's first rows then come early in its order.

A prefix filter (``__startswith``, which Datasette writes as ``like``) uses no index, so a page of facts as of
"2016" read every later date first. Where the prefix holds no letter (``like`` ignores their case) and no
wildcard, on a text column that leads an index, the range it stands for is added beside it ("2016" keeps what
is at least "2016" and below "2017"): the same rows, read through the index.
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
            if column not in leading:
                continue
            if lookup == "startswith":
                prefix = prefix_range(facts, column, request.args[key], f"kb_prefix_{n}")
                if prefix:
                    where.append(prefix[0])
                    params.update(prefix[1])
                continue
            if lookup not in RANGES:
                continue
            condition = f"[{column}] {RANGES[lookup]} :kb_range_{n}"
            value = {f"kb_range_{n}": request.args[key]}
            counted = f"select count(*) from (select 1 from [{facts}] where {condition} limit {RANGE_ROWS + 1})"
            if (await db.execute(counted, value)).single_value() <= RANGE_ROWS:
                where.append(f"[id] in (select id from [{facts}] where {condition})")
                params.update(value)
        return FilterArguments(where, params)

    return inner


def prefix_range(facts: str, column: str, prefix: str, name: str) -> tuple[str, dict[str, str]] | None:
    """The range a ``like`` prefix on a text column stands for, or None where ``like`` would keep other rows."""
    if (not prefix or FACT_COLUMNS[facts].get(column) is not str or any(c.isascii() and c.isalpha() for c in prefix)
            or "%" in prefix or "_" in prefix):
        return None
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    # Written as Datasette writes a filter's condition, which kb/counts.py reads from the summary.
    return f'"{column}" >= :{name}_from and "{column}" < :{name}_to', {f"{name}_from": prefix, f"{name}_to": upper}
