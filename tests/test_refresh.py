"""Scheduled refreshes: unchanged pages cost nothing, history is kept, runs resume and exclude each other."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.runs import lock
from kb.schema import FACT_COLUMNS
from kb.sitehost import QuietHandler, free_port, serve_directory, wait_for_http
from tests.conftest import DEMO_SITE, KB, kb

SALARY_PAGE = "/guides/medical-coder-salary-by-state.html"
CERT_PREFIX = "/certifications/"


class GatedHandler(QuietHandler):
    """Static files; requests under /certifications/ wait for ``gate`` and announce themselves on ``reached``."""

    gate = threading.Event()
    reached = threading.Event()
    requested: list[str] = []

    def do_GET(self) -> None:
        self.requested.append(self.path)
        if self.path.startswith(CERT_PREFIX):
            self.reached.set()
            self.gate.wait(120)
        super().do_GET()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """A copy of the demo site served on 127.0.0.1, with a sources file naming it."""
    root = tmp_path / "site"
    shutil.copytree(DEMO_SITE, root)
    GatedHandler.gate.set()
    GatedHandler.reached.clear()
    GatedHandler.requested = []
    with serve_directory(root, handler_class=GatedHandler) as base:
        sources = tmp_path / "sources.toml"
        sources.write_text(f'[[sites]]\nname = "demo"\nstart_urls = ["{base}/index.html"]\n')
        yield root, base, sources
    GatedHandler.gate.set()


def refresh(db: Path, sources: Path, *extra: str) -> subprocess.CompletedProcess:
    return kb("refresh", "--db", str(db), "--sources", str(sources), *extra)


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    tables = ["pages", *FACT_COLUMNS]
    return {t: query(db, f"select * from [{t}] order by rowid") for t in tables}


def last_run(db: Path) -> dict:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return dict(conn.execute("select * from crawl_runs order by id desc limit 1").fetchone())


def test_unchanged_refresh_adds_and_rewrites_nothing(site, tmp_path):
    _, _, sources = site
    db = tmp_path / "kb.db"
    refresh(db, sources)
    before = snapshot(db)
    refresh(db, sources)
    assert snapshot(db) == before
    run = last_run(db)
    assert run["status"] == "ok"
    assert run["unchanged"] == len(before["pages"])
    assert run["new"] == run["changed"] == run["facts_added"] == run["facts_updated"] == run["facts_retracted"] == 0


def test_edited_page_keeps_the_old_fact_as_retracted(site, tmp_path):
    root, base, sources = site
    db = tmp_path / "kb.db"
    refresh(db, sources)
    html = (root / SALARY_PAGE.lstrip("/")).read_text(encoding="utf-8")
    amounts = [a for (a,) in query(db, "select amount from wages where page_url = ?", base + SALARY_PAGE)]
    old = next(a for a in amounts if f"${a:,.0f}" in html)
    new = old + 1234
    (root / SALARY_PAGE.lstrip("/")).write_text(html.replace(f"${old:,.0f}", f"${new:,.0f}"), encoding="utf-8")
    refresh(db, sources)
    rows = query(db, "select amount, retracted_at from wages where page_url = ? and amount in (?, ?)",
                 base + SALARY_PAGE, old, new)
    assert {(amount, retracted is None) for amount, retracted in rows} == {(old, False), (new, True)}
    assert not query(db, "select 1 from current_wages where amount = ? and page_url = ?", old, base + SALARY_PAGE)
    run = last_run(db)
    assert (run["changed"], run["facts_added"] >= 1, run["facts_retracted"] >= 1) == (1, True, True)


def test_deleted_page_is_marked_gone_and_keeps_its_facts(site, tmp_path):
    root, base, sources = site
    db = tmp_path / "kb.db"
    refresh(db, sources)
    facts_before = query(db, "select count(*) from wages where page_url = ?", base + SALARY_PAGE)
    (root / SALARY_PAGE.lstrip("/")).unlink()
    refresh(db, sources)
    [(gone_at,)] = query(db, "select gone_at from pages where url = ?", base + SALARY_PAGE)
    assert gone_at
    assert query(db, "select count(*) from current_wages where page_url = ?", base + SALARY_PAGE) == facts_before
    assert last_run(db)["gone"] == 1


def test_second_run_on_the_same_file_exits_at_once(site, tmp_path):
    _, _, sources = site
    db = tmp_path / "kb.db"
    held = lock(db)
    try:
        result = subprocess.run([KB, "refresh", "--db", str(db), "--sources", str(sources)],
                                capture_output=True, text=True, timeout=60)
    finally:
        held.close()
    assert result.returncode == 1
    assert "already writing" in result.stderr
    assert "Traceback" not in result.stderr


def test_killed_run_resumes_without_refetching_or_duplicates(site, tmp_path):
    _, base, sources = site
    db = tmp_path / "kb.db"
    GatedHandler.gate.clear()
    command = [KB, "refresh", "--db", str(db), "--sources", str(sources), "--set", "KB_BATCH_PAGES=1"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        assert GatedHandler.reached.wait(60)
        stored_before = wait_for_pages(db, minimum=5)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the crawl and its extraction workers, as a machine crash would
        proc.wait()
    GatedHandler.requested = requested_after = []
    GatedHandler.gate.set()
    refresh(db, sources, "--set", "KB_BATCH_PAGES=1")
    refetched = {base + path for path in requested_after} & stored_before
    assert not refetched
    urls = [url for (url,) in query(db, "select url from pages")]
    assert len(urls) == len(set(urls)) == len(list(DEMO_SITE.rglob("*.html"))) - 1  # all but the robots trap
    assert query(db, "select count(*), status from crawl_runs") == [(1, "ok")]
    assert query(db, "pragma integrity_check") == [("ok",)]


def wait_for_pages(db: Path, minimum: int, timeout: float = 60) -> set[str]:
    """The pages committed so far, once there are at least ``minimum`` of them."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urls = {url for (url,) in query(db, "select url from pages")}
        except sqlite3.OperationalError:
            urls = set()
        if len(urls) >= minimum:
            return urls
        time.sleep(0.05)
    raise AssertionError(f"fewer than {minimum} pages stored in {timeout} s")


def test_datasette_answers_throughout_a_refresh_and_never_shows_a_mix(site, tmp_path):
    root, base, sources = site
    db = tmp_path / "kb.db"
    refresh(db, sources)
    page = base + SALARY_PAGE
    before = sorted(a for (a,) in query(db, "select amount from current_wages where page_url = ?", page))
    html = (root / SALARY_PAGE.lstrip("/")).read_text(encoding="utf-8")
    (root / SALARY_PAGE.lstrip("/")).write_text(html.replace("$", "$1"), encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([KB, "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/kb/current_wages.json?_shape=array&_col=amount&page_url={page}"
    try:
        wait_for_http(f"http://127.0.0.1:{port}/-/versions.json")
        writer = subprocess.Popen([KB, "refresh", "--db", str(db), "--sources", str(sources), "--full"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seen = []
        for _ in range(5000):
            with urllib.request.urlopen(url, timeout=10) as response:
                assert response.status == 200
                seen.append(sorted(row["amount"] for row in json.load(response)))
            if writer.poll() is not None:
                break
        assert writer.wait(300) == 0
    finally:
        server.terminate()
        server.wait()
    after = sorted(a for (a,) in query(db, "select amount from current_wages where page_url = ?", page))
    assert after != before
    assert all(amounts in (before, after) for amounts in seen)
