"""Publish the knowledge base with Datasette, with the project's metadata."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import yaml
from datasette.app import Datasette

from kb.schema import FACT_COLUMNS

METADATA = Path(__file__).with_name("metadata.yml")
SETTINGS = {"sql_time_limit_ms": 3000, "default_page_size": 50, "facet_time_limit_ms": 500}


def load_metadata(db: str) -> dict:
    """The project's metadata, with its per-database part attached to ``db``'s name."""
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    common, database = metadata.pop("fact_columns"), metadata.pop("database")
    for table in FACT_COLUMNS:
        database["tables"][table]["columns"] = {**common, **database["tables"][table]["columns"]}
    metadata["databases"] = {Path(db).stem: database}
    return metadata


def datasette_command(db: str, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    """The command line that serves ``db`` as ``kb serve`` does."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", prefix="kb-metadata-", delete=False) as f:
        json.dump(load_metadata(db), f)
    command = [sys.executable, "-m", "datasette", "serve", db, "--metadata", f.name]
    command += ["--host", host, "--port", str(port)]
    for name, value in SETTINGS.items():
        command += ["--setting", name, str(value)]
    return command


def make_datasette(db: str) -> Datasette:
    """A Datasette instance configured exactly like ``kb serve``, for tests and embedding."""
    return Datasette([db], metadata=load_metadata(db), settings=SETTINGS)
