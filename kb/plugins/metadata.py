"""Datasette plugin: kb serve's metadata, given through Datasette's get_metadata hook.

Datasette 0.65.5 checks that a visitor may view a table by deep-copying every source of metadata to read the
table's ``allow`` blocks (``_table_permission_allows``), three or four times a page. kb serve's metadata describes
every column of every table and holds the canned queries and the dashboards: 0.47 ms a copy, about 2 ms of a row
page's 7. So ``kb.serve.make_datasette`` gives Datasette no metadata of its own and this hook gives it the served
file's (kb.serve.SERVED_METADATA): all of it for every key but "tables", and for "tables", which only the table
permission check and the facets' size read in Datasette 0.65, only each table's ``allow`` and ``facet_size``.
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl

from kb.serve import SERVED_METADATA

# What Datasette 0.65 reads of a table's metadata under the key "tables" (app.py, facets.py).
TABLE_KEYS = ("allow", "facet_size")


@hookimpl
def get_metadata(datasette: Any, key: str | None, database: str | None, table: str | None) -> dict | None:
    served = SERVED_METADATA.get(datasette)
    if served is None or key != "tables":
        return served
    return {"databases": {name: {"tables": tables_for_permissions(described.get("tables", {}))}
                          for name, described in served.get("databases", {}).items()}}


def tables_for_permissions(tables: dict) -> dict:
    """Each table's metadata as Datasette reads it under the key "tables": its allow and facet size."""
    return {name: {k: v for k, v in table.items() if k in TABLE_KEYS} for name, table in tables.items()}
