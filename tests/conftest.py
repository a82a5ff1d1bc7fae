"""Shared fixtures: the demo site served on 127.0.0.1 and a knowledge base crawled from it."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kb.serve import make_datasette
from kb.sitehost import QuietHandler, serve_directory

ROOT = Path(__file__).resolve().parent.parent
DEMO_SITE = ROOT / "demo" / "site"
KB = str(Path(sys.executable).with_name("kb"))


@dataclass
class Site:
    """A served folder and every path a client asked it for."""

    base: str
    requested: list[str] = field(default_factory=list)


def recording_handler(requested: list[str]) -> type[QuietHandler]:
    class Recording(QuietHandler):
        def do_GET(self) -> None:
            requested.append(self.path)
            super().do_GET()

    return Recording


@pytest.fixture(scope="session")
def demo_expected() -> dict:
    return json.loads((ROOT / "demo" / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def demo_site() -> Iterator[Site]:
    requested: list[str] = []
    with serve_directory(DEMO_SITE, handler_class=recording_handler(requested)) as base:
        yield Site(base, requested)


def kb(*args: str) -> subprocess.CompletedProcess:
    """Run the ``kb`` command as a user would, failing the test with its output if it fails."""
    result = subprocess.run([KB, *args], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    return result


@pytest.fixture(scope="session")
def demo_db(demo_site: Site, demo_expected: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site crawled once, plus one non-HTML start URL that must be skipped."""
    db = tmp_path_factory.mktemp("kb") / "kb.db"
    pdf = demo_expected["non_html"][0]
    kb("crawl", "--start-url", f"{demo_site.base}/index.html", "--start-url", f"{demo_site.base}{pdf}", "--db", str(db))
    return db


def copy_db(source: Path, target: Path) -> Path:
    """``target``, a copy of the SQLite file ``source`` made with SQLite's backup API."""
    with sqlite3.connect(source) as reader, sqlite3.connect(target) as writer:
        reader.backup(writer)
    reader.close()
    writer.close()
    return target


@pytest.fixture
def kb_copy(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo knowledge base (still named kb) that a test may change."""
    return copy_db(demo_db, tmp_path / "kb.db")


def get_json(db: Path, path: str) -> dict:
    """A JSON page of Datasette on ``db``, asked through its own client."""
    async def fetch() -> dict:
        response = await make_datasette(str(db)).client.get(path)
        assert response.status_code == 200, response.text[:500]
        return response.json()

    return asyncio.run(fetch())
