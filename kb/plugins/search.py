"""Datasette plugin: a full-text search keeps its matches by the condition cheapest for their number (kb/searches.py).

Datasette's own search filter builds the search's condition; this one counts the search's matches in the full-text
index, up to a little past kb.searches.FEW (under a millisecond), and puts the condition that number calls for in
its place. A search with many matches that is its page's only condition, on a page's first rows, is first tried
along the page's order, under a time limit (kb.searches.walk). The count is noted in the
request (kb.searches.MATCHES), so that facets are not counted from the rows of a search with many matches
(kb/plugins/facets.py). Datasette's other two filters (?_where=, ?_through=) live in the
module whose registration this one takes over, and are registered again unchanged.
"""

from __future__ import annotations

import re
from typing import Any

import datasette.filters as datasette_filters
from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.filters import FilterArguments
from datasette.plugins import pm
from datasette.utils import await_me_maybe, escape_sqlite

from kb import searches

if pm.has_plugin("datasette.filters"):
    pm.unregister(name="datasette.filters")

where_filters = datasette_filters.where_filters
through_filters = datasette_filters.through_filters


@hookimpl(specname="filters_from_request")
def search_filters(request: Any, database: str, table: str, datasette: Any) -> Any:
    async def inner() -> FilterArguments:
        found = await await_me_maybe(datasette_filters.search_filters(request, database, table, datasette))
        where = []
        for clause in found.where_clauses:
            search = searches.DATASETTE.fullmatch(clause)
            if search is not None:
                db = datasette.get_database(database)
                query = searches.matches_query(search["fts"], search["match"])
                matches = (await db.execute(query, found.params)).single_value()
                request.scope[searches.MATCHES] = matches
                many = matches > searches.FEW
                walked = await walked_in_order(datasette, db, request, table, search, found.params) if many else None
                clause = walked or searches.condition(clause, matches)
            where.append(clause)
        return FilterArguments(where, found.params, found.human_descriptions, found.extra_context)

    return inner


# Arguments of a table page that asks for its first rows in an order by one column.
IN_ORDER_ARGS = {
    "_search", "_searchmode", "_size", "_sort", "_sort_desc", "_facet", "_facet_size", "_facet_array", "_facet_date",
    "_col", "_nocol", "_labels", "_label", "_shape", "_nl", "_json", "_json_infinity", "_nofacet", "_nocount",
    "_nosuggest", "_context", "_trace", "_ttl", "_timelimit", "_dl", "_stream",
}


async def walked_in_order(datasette: Any, db: Any, request: Any, table: str, search: re.Match[str],
                          params: dict) -> str | None:
    """Datasette's ``search`` condition as a test of each row read in the page's order, if its page is found so
    in time."""
    if not set(request.args.keys()) <= IN_ORDER_ARGS or not await db.table_exists(table):
        return None
    order, rows = page_order(datasette, db.name, table, request.args), page_rows(datasette, request.args.get("_size"))
    if order is None or rows is None:
        return None
    rows_in_table = (await db.execute(f"select max(rowid) from {escape_sqlite(table)}")).single_value() or 0
    share = rows_in_table // searches.WALK_SHARE
    if share <= searches.FEW or (await db.execute(searches.matches_query(search["fts"], search["match"], share),
                                                  params)).single_value() < share:
        return None
    walked = searches.walk(search[0], escape_sqlite(table))
    try:
        await db.execute(searches.walk_query(escape_sqlite(table), walked, order, rows), params,
                         custom_time_limit=searches.WALK_MS)
    except QueryInterrupted:
        return None
    return walked


def page_order(datasette: Any, database: str, table: str, args: Any) -> str | None:
    """The ORDER BY of a table page's first rows as Datasette writes it, from ``?_sort=`` or ``?_sort_desc=`` or
    else the table's sort, if it has one."""
    described = datasette.metadata(database=database, table=table) or {}
    sort = {key: args[key] for key in ("_sort", "_sort_desc") if key in args}
    sort = sort or {f"_{key}": described[key] for key in ("sort", "sort_desc") if key in described}
    if len(sort) != 1:
        return None
    ((key, column),) = sort.items()
    return f"{escape_sqlite(column)} desc" if key == "_sort_desc" else escape_sqlite(column)


def page_rows(datasette: Any, size: str | None) -> int | None:
    """How many rows Datasette reads for a page of ``size`` (``?_size=``): the page and one more."""
    if size is None:
        return datasette.setting("default_page_size") + 1
    if size == "max":
        return datasette.setting("max_returned_rows") + 1
    return int(size) + 1 if size.isdigit() else None
