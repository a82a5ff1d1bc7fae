"""Datasette plugin: datasette-search-all's search page, with its "Search all tables" menu link found in the
served file's schema.

datasette-search-all adds the link to every page's menu when a visitor may view a searchable table. To find
one, it looks up the tables of every database, Datasette's own ``_internal`` one first (its tables, then each
table's full-text table: seven trips to a database thread, 0.7 ms of CPU a page). No table of ``_internal`` is
ever searchable, and the served file's schema is kept for each state of the file (kb/schema_cache.py), so the
plugin is registered again, under its package's name (where Datasette finds its template and script), with its
search page and home page list as they are and a menu link that looks only in the databases Datasette serves
(0.34 ms, most of it Datasette's permission checks).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import datasette_search_all
from datasette import Forbidden, hookimpl
from datasette.plugins import pm

INTERNAL = "_internal"  # Datasette's own database of the others' schemas


class SearchAll:
    """datasette-search-all's search page and home page list, with the menu link below. Named as its package, in
    which Datasette finds the page's template and script."""

    def __init__(self) -> None:
        self.__name__ = datasette_search_all.__name__

    register_routes = staticmethod(datasette_search_all.register_routes)
    extra_template_vars = staticmethod(datasette_search_all.extra_template_vars)

    @staticmethod
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


if pm.has_plugin("search_all"):
    pm.unregister(name="search_all")
pm.register(SearchAll(), name="search_all")
