"""DEPTH_LIMIT: a page at the limit follows no link, so a link to its targets from a shallower page still counts."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.sitehost import QuietHandler, serve_directory
from tests.conftest import KB, kb

# With DEPTH_LIMIT=1 and a crawl from /index.html, /hub.html is at the limit and /beyond.html one link past it;
# from /late.html, another start URL, /beyond.html is within it.
PAGES = {
    "index.html": ["hub.html", "slow.html"],
    "slow.html": [],
    "hub.html": ["beyond.html"],
    "late.html": ["beyond.html"],
    "beyond.html": [],
}


class GatedHandler(QuietHandler):
    """Static files; a request for a path in ``gated`` waits for ``gate``."""

    gate = threading.Event()
    gated: set[str] = set()
    requested: list[str] = []

    def do_GET(self) -> None:
        self.requested.append(self.path)
        if self.path in self.gated:
            self.gate.wait(120)
        super().do_GET()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    """The pages of ``PAGES`` served on 127.0.0.1, each a short article linking to its targets."""
    for name, targets in PAGES.items():
        links = " ".join(f"<a href='/{target}'>{target}</a>" for target in targets)
        (tmp_path / name).write_text(f"<html><head><title>{name}</title></head><body><main><h1>{name}</h1>"
                                     f"<p>Medical coders read {name} and follow {links or 'nothing'}.</p>"
                                     "</main></body></html>")
    GatedHandler.gate.clear()
    GatedHandler.gated = set()
    GatedHandler.requested = []
    with serve_directory(tmp_path, handler_class=GatedHandler) as base:
        yield base
    GatedHandler.gate.set()


def stored(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {url for (url,) in conn.execute("select url from pages")}


def wait_for_done(db: Path, url: str, timeout: float = 60) -> None:
    """Return once what became of ``url`` is committed to ``db`` (done in the run's frontier)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with sqlite3.connect(db) as conn:
                if conn.execute("select 1 from crawl_queue where url = ? and done = 1", [url]).fetchone():
                    return
        except sqlite3.OperationalError:  # the file or its tables are not there yet
            pass
        time.sleep(0.05)
    raise AssertionError(f"{url} not done in {timeout} s")


def crawl_args(base: str, starts: list[str], db: Path, depth_limit: int) -> list[str]:
    return ["crawl", *(arg for path in starts for arg in ("--start-url", base + path)), "--db", str(db),
            "--set", f"DEPTH_LIMIT={depth_limit}", "--set", "KB_BATCH_PAGES=1"]


def start_crawl(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([KB, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


@pytest.mark.parametrize("canonical", [False, True], ids=["a link", "a canonical link"])
def test_page_past_the_limit_from_a_page_at_it_is_still_crawled_from_a_shallower_page_later(site, tmp_path, canonical):
    """/hub.html (at the limit) names /beyond.html before /late.html (a start URL) links to it."""
    db = tmp_path / "kb.db"
    if canonical:  # then /hub.html is a copy, not stored; /beyond.html is fetched if it can be
        (tmp_path / "hub.html").write_text("<html><head><link rel='canonical' href='/beyond.html'></head><body><main>"
                                           "<p>Medical coders read a copy of beyond.html.</p></main></body></html>")
    GatedHandler.gated = {"/late.html"}
    crawl = start_crawl(crawl_args(site, ["/index.html", "/late.html"], db, depth_limit=1))
    try:
        wait_for_done(db, f"{site}/hub.html")
    finally:
        GatedHandler.gate.set()
        _, stderr = crawl.communicate(timeout=120)
    assert crawl.returncode == 0, stderr[-3000:]
    assert stored(db) == {f"{site}/{name}" for name in PAGES if not (canonical and name == "hub.html")}


@pytest.mark.parametrize("first_limit", [1, 2], ids=["same limit", "lower limit on resume"])
def test_resumed_run_fetches_nothing_past_the_limit(site, tmp_path, first_limit):
    """A run killed once /hub.html is stored, resumed with DEPTH_LIMIT=1, never asks for /beyond.html."""
    db = tmp_path / "kb.db"
    GatedHandler.gated = {"/slow.html", "/beyond.html"}
    crawl = start_crawl(crawl_args(site, ["/index.html"], db, first_limit))
    try:
        wait_for_done(db, f"{site}/hub.html")
    finally:
        os.killpg(crawl.pid, signal.SIGKILL)  # the crawl and its extraction workers, as a machine crash would
        crawl.wait()
    GatedHandler.requested = resumed = []
    GatedHandler.gate.set()
    kb(*crawl_args(site, ["/index.html"], db, depth_limit=1))
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*), status from crawl_runs").fetchall() == [(1, "ok")]  # resumed
    assert "/slow.html" in resumed
    assert "/beyond.html" not in resumed
    assert stored(db) == {f"{site}/{name}" for name in ("index.html", "hub.html", "slow.html")}
