"""Datasette plugin: what the home page needs to orient a first-time visitor."""

from __future__ import annotations

from typing import Any

from datasette import hookimpl

# The tables a visitor is pointed at, in the order the home page lists them.
FACT_TABLES = ("wages", "outlook", "occupations", "credentials", "credential_mentions", "requirements", "exams",
               "programs", "program_norms", "mentions")


@hookimpl
def extra_template_vars(template: str, datasette: Any, request: Any) -> Any:
    if template != "index.html":
        return None

    async def inner() -> dict[str, Any]:
        databases = [db for db in datasette.databases.values() if db.name != "_internal"]
        if len(databases) != 1:
            return {}
        database = databases[0]
        tables = set(await database.table_names())
        if "pages" not in tables:
            return {}
        return {
            "kb_database": database.name,
            "kb_last_run": await last_run(database, tables),
            "kb_counts": [
                {**row, "description": datasette.table_metadata(database.name, row["table"]).get("description")}
                for row in await counts(database, tables)
            ],
            "kb_queries": list(
                (await datasette.get_canned_queries(database.name, request.actor if request else None)).values()
            ),
            "kb_dashboards": datasette.plugin_config("datasette-dashboards") or {},
        }

    return inner


async def last_run(database: Any, tables: set[str]) -> dict[str, Any] | None:
    """The latest crawl or refresh, as a dict, or None before the first."""
    if "crawl_runs" not in tables:
        return None
    rows = (await database.execute("select * from crawl_runs order by id desc limit 1")).rows
    return dict(rows[0]) if rows else None


async def counts(database: Any, tables: set[str]) -> list[dict[str, Any]]:
    """Pages and current facts per table; facts that vanished from their page are not counted."""
    found = [{"table": "pages", "rows": await _count(database, "select count(*) from pages")}]
    for table in FACT_TABLES:
        if table not in tables:
            continue
        current = table != "credentials" and f"current_{table}" in await database.view_names()
        sql = f"select count(*) from [{'current_' + table if current else table}]"
        found.append({"table": table, "rows": await _count(database, sql)})
    return found


async def _count(database: Any, sql: str) -> int:
    return (await database.execute(sql)).rows[0][0]
