"""Publish the knowledge base with Datasette: metadata, canned queries, dashboards, home page."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

import yaml
from datasette.app import Datasette

from kb.schema import FACT_COLUMNS

HERE = Path(__file__).parent
METADATA = HERE / "metadata.yml"
QUERIES = HERE / "queries.yml"
DASHBOARDS = HERE / "dashboards.yml"
TEMPLATES = HERE / "templates"
PLUGINS = HERE / "plugins"
# Arbitrary SQL stays allowed (Datasette runs it read-only) but time-limited; long page text is cut in HTML
# tables; the configured facets stand in for suggested ones, which cost a second a page on a large file
# (docs/publishing.md).
SETTINGS = {
    "sql_time_limit_ms": 3000,
    "default_page_size": 50,
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
    database["queries"] = _read_yaml(QUERIES)
    metadata["databases"] = {name: database}
    metadata.setdefault("plugins", {})["datasette-dashboards"] = load_dashboards(name)
    return metadata


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
    command = [sys.executable, "-m", "datasette", "serve", db, "--metadata", str(write_metadata(db))]
    command += ["--template-dir", str(TEMPLATES), "--plugins-dir", str(PLUGINS)]
    command += ["--host", host, "--port", str(port)]
    for name, value in SETTINGS.items():
        command += ["--setting", name, str(value)]
    return command


def write_metadata(db: str) -> Path:
    """Write ``db``'s merged metadata for a Datasette command line; one file per database, replaced on each start."""
    key = hashlib.sha256(str(Path(db).resolve()).encode("utf-8")).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"kb-metadata-{key}.json"
    with tempfile.NamedTemporaryFile("w", dir=path.parent, prefix=path.stem, suffix=".part", delete=False) as f:
        json.dump(load_metadata(db), f)
    os.replace(f.name, path)  # a server starting meanwhile reads the old file or the new one, never half of one
    return path


def make_datasette(db: str) -> Datasette:
    """A Datasette instance configured exactly like ``kb serve``, for tests and embedding."""
    return Datasette(
        [db], metadata=load_metadata(db), settings=SETTINGS, template_dir=str(TEMPLATES), plugins_dir=str(PLUGINS)
    )
