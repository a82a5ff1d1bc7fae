"""Publish the knowledge base with Datasette: metadata, canned queries, dashboards, home page.

``python -m kb.serve DB`` (what ``kb serve`` runs) serves it from one process per core: Datasette
renders each page in Python under one interpreter lock, so one process uses one core however many
requests wait (docs/publishing.md). With more than one process, each answer closes its connection, so that
the next request is accepted by whichever process is free rather than queued behind the one that accepted
its client's connection.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import secrets
import sys
import weakref
from collections.abc import Callable
from pathlib import Path

import uvicorn
import yaml
from datasette.app import Datasette

from kb.counts import SummaryCountedDatabase
from kb.schema import FACT_COLUMNS, summary_indexes
from kb.schema_cache import SchemaCachedDatabase
from kb.summaries import SUMMARIES, SUMMARIZED, Summary

HERE = Path(__file__).parent
METADATA = HERE / "metadata.yml"
QUERIES = HERE / "queries.yml"
DASHBOARDS = HERE / "dashboards.yml"
TEMPLATES = HERE / "templates"
PLUGINS = HERE / "plugins"
# Arbitrary SQL stays allowed (Datasette runs it read-only) but time-limited; a table page shows 25 facts (each
# with its evidence, several screens already; Datasette's rendering, not SQL, is most of a page's time); long page
# text is cut in HTML tables; the configured facets stand in for suggested ones, which cost a second a page on a
# large file (docs/publishing.md).
SETTINGS = {
    "sql_time_limit_ms": 3000,
    "default_page_size": 25,
    "facet_time_limit_ms": 500,
    "suggest_facets": False,
    "truncate_cells_html": 600,
}


def _read_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def database_name(db: str) -> str:
    """The name Datasette gives the served file (its stem), used in URLs."""
    return Path(db).stem


def load_metadata(db: str) -> dict:
    """The project's metadata, canned queries and dashboards, attached to ``db``'s name."""
    metadata = _read_yaml(METADATA)
    name = database_name(db)
    common, table_notes, database = metadata.pop("fact_columns"), metadata.pop("fact_table"), metadata.pop("database")
    tables = database["tables"]
    for table in FACT_COLUMNS:
        tables[table] = {**table_notes, **tables[table], "columns": {**tables[table]["columns"], **common}}
        tables[f"current_{table}"] = current_view(table, tables[table])
    tables["wage_claims"]["columns"] = {**tables["wages"]["columns"], **tables["wage_claims"]["columns"]}
    for view, summarized in SUMMARIZED.items():
        tables[view]["sortable_columns"] = sortable_columns(summarized.table)
    for summary in SUMMARIES:
        tables[summary.name] = {"hidden": True, "description": summary_description(summary)}
    database["queries"] = _read_yaml(QUERIES)
    metadata["databases"] = {name: database}
    metadata.setdefault("plugins", {})["datasette-dashboards"] = load_dashboards(name)
    return metadata


def summary_description(summary: Summary) -> str:
    return (f"How many {summary.table} facts (current or not) share each {', '.join(summary.columns)}; kept current "
            "by triggers on every write (docs/schema.md).")


def sortable_columns(table: str) -> list[str]:
    """The columns a large table can be sorted by: those an index begins with (kb.schema.summary_indexes).

    Sorting a million facts by any other column would sort them all for each page, and be cut off."""
    return [columns[0] for columns in summary_indexes(table)]


def current_view(table: str, described: dict) -> dict:
    """Metadata for the ``current_<table>`` view: the table's, minus what a view cannot do."""
    view = {key: value for key, value in described.items() if key not in ("label_column",)}
    view["description"] = f"The rows of {table} still stated on their page (retracted_at is null). " + (
        described.get("description") or ""
    )
    return copy.deepcopy(view)


def load_dashboards(name: str) -> dict:
    """The dashboards' configuration, every chart reading the database called ``name``."""
    dashboards = _read_yaml(DASHBOARDS)
    for dashboard in dashboards.values():
        for dashboard_filter in dashboard.get("filters", {}).values():
            if "query" in dashboard_filter:
                dashboard_filter["db"] = name
        for chart in dashboard["charts"].values():
            if chart["library"] == "markdown":
                chart["display"] = chart["display"].replace("{database}", name)
            else:
                chart["db"] = name
    return dashboards


def datasette_command(db: str, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    """The command line that serves ``db`` as ``kb serve`` does."""
    return [sys.executable, "-m", "kb.serve", db, "--host", host, "--port", str(port)]


# The metadata of each instance make_datasette built, which kb/plugins/metadata.py gives it (not as Datasette's own
# metadata, which Datasette 0.65.5 copies whole for every table permission check).
SERVED_METADATA: weakref.WeakKeyDictionary[Datasette, dict] = weakref.WeakKeyDictionary()


class ServedDatabase(SchemaCachedDatabase, SummaryCountedDatabase):
    """The served file: its schema looked up once for each state of the file (kb/schema_cache.py), its table
    pages counted from the summaries and full-text indexes (kb/counts.py)."""


def make_datasette(db: str, immutable: bool = False, inspect_file: str | None = None,
                   secret: str | None = None) -> Datasette:
    """A Datasette instance configured exactly like ``kb serve``, for tests and embedding.

    ``immutable`` serves a published copy that never changes (opened without locking), ``inspect_file`` gives
    its table counts as ``datasette inspect`` wrote them (docs/scaling.md).
    """
    inspect_data = json.loads(Path(inspect_file).read_text(encoding="utf-8")) if inspect_file else None
    datasette = Datasette(
        [] if immutable else [db], immutables=[db] if immutable else [], inspect_data=inspect_data,
        settings=SETTINGS, template_dir=str(TEMPLATES), plugins_dir=str(PLUGINS), secret=secret,
    )
    SERVED_METADATA[datasette] = load_metadata(db)
    datasette.remove_database(database_name(db))
    datasette.add_database(ServedDatabase(datasette, db, is_mutable=not immutable), name=database_name(db))
    return datasette


CONFIG = "KB_SERVE"  # the environment variable that hands the command line's choices to each worker process


def app() -> object:
    """The ASGI application each worker process serves (uvicorn calls this factory once per process)."""
    config = json.loads(os.environ[CONFIG])
    workers = config.pop("workers", 1)
    served = make_datasette(**config).app()
    return closing_connections(served) if workers > 1 else served


def closing_connections(app: Callable) -> Callable:
    """``app`` with ``Connection: close`` on every HTTP answer.

    The worker processes share one listening socket, and a kept-alive connection stays with the process that
    accepted it: ten clients' connections, opened together, were all accepted by one of two processes while the
    other sat idle. A request on a new connection is accepted by a process waiting for work.
    """

    async def closing(scope: dict, receive: Callable, send: Callable) -> None:
        async def send_closing(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (b"connection", b"close")]}
            await send(message)

        await app(scope, receive, send_closing if scope["type"] == "http" else send)

    return closing


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m kb.serve", description="Serve a knowledge base as kb serve does.")
    parser.add_argument("db", help="the knowledge base file")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001, help="0: any free port")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (default: one per core)")
    parser.add_argument("--immutable", action="store_true", help="the file never changes (a published copy)")
    parser.add_argument("--inspect-file", help="table counts written by `datasette inspect` for an immutable copy")
    args = parser.parse_args(argv)
    # One signing secret for all workers, so that whatever one signs (a CSRF token) another accepts.
    os.environ[CONFIG] = json.dumps({"db": args.db, "immutable": args.immutable, "inspect_file": args.inspect_file,
                                     "secret": secrets.token_hex(32), "workers": args.workers})
    uvicorn.run("kb.serve:app", factory=True, host=args.host, port=args.port, workers=args.workers, lifespan="on")


if __name__ == "__main__":
    main()
