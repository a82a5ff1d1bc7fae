"""Datasette plugin: datasette-search-all's search page, with its "Search all tables" menu link found in the
served file's schema.

datasette-search-all adds the link to every page's menu when a visitor may view a searchable table. To find
one, it looks up the tables of every database, Datasette's own ``_internal`` one first (its tables, then each
table's full-text table: seven trips to a database thread, about 1.4 ms, a quarter of a row page's CPU). No
table of ``_internal`` is ever searchable, and the served file's schema is kept for each state of the file
(kb/schema_cache.py), so the plugin is registered again with its search page and its home page list as they
are, and a menu link that looks only in the databases Datasette serves (/-/plugins lists this module in its
place).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import datasette_search_all
from datasette import Forbidden, hookimpl
from datasette.plugins import pm

if pm.has_plugin("search_all"):
    pm.unregister(name="search_all")

INTERNAL = "_internal"  # Datasette's own database of the others' schemas


@hookimpl
def register_routes() -> list:
    return datasette_search_all.register_routes()


@hookimpl
def extra_template_vars(template: str, datasette: Any, request: Any) -> Any:
    return datasette_search_all.extra_template_vars(template, datasette, request)


@hookimpl
def menu_links(datasette: Any, request: Any) -> Callable[[], Awaitable[list[dict] | None]]:
    async def inner() -> list[dict] | None:
        if request is None:
            return None
        async for _ in searchable_tables(datasette, request):
            return [{"href": datasette.urls.path("/-/search"), "label": "Search all tables"}]
        return None

    return inner


async def searchable_tables(datasette: Any, request: Any) -> AsyncIterator[tuple[str, str]]:
    """The tables with a full-text index that the visitor may view, in the databases Datasette serves."""
    for name, database in datasette.databases.items():
        if name == INTERNAL:
            continue
        hidden = set(await database.hidden_table_names())
        for table in await database.table_names():
            if table in hidden or table.endswith("_fts") or not await database.fts_table(table):
                continue
            try:
                await datasette.ensure_permissions(
                    request.actor, [("view-table", (name, table)), ("view-database", name), "view-instance"])
            except Forbidden:
                continue
            yield name, table
