"""A crawl of a misbehaving site completes, records each bad URL once and stores every good page."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from kb.sitehost import serve_directory
from tests.conftest import kb
from tests.faultsite import BAD, GOOD_PAGES, FaultHandler


@pytest.fixture(scope="module")
def fault_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, str]:
    tmp = tmp_path_factory.mktemp("faults")
    db = tmp / "kb.db"
    FaultHandler.release.clear()
    with serve_directory(tmp, handler_class=FaultHandler) as base:
        try:
            result = kb("crawl", "--start-url", f"{base}/index.html", "--db", str(db),
                              "--set", "DOWNLOAD_TIMEOUT=5", "--set", "RETRY_TIMES=1")
        finally:
            FaultHandler.release.set()
    return base, db, result.stderr


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_every_good_page_is_stored(fault_db):
    base, db, _ = fault_db
    stored = {url for (url,) in rows(db, "select url from pages")}
    wanted = {base + p for p in [*GOOD_PAGES, "/index.html", "/dup-a", "/latin1", "/hostile"]}
    assert wanted <= stored


def test_each_bad_url_has_one_clear_error_row(fault_db):
    base, db, _ = fault_db
    errors = rows(db, "select url, kind, message from crawl_errors")
    by_url = Counter(url for url, _, _ in errors)
    assert all(n == 1 for n in by_url.values()), by_url
    kinds = {url.removeprefix(base).split("?")[0]: kind for url, kind, _ in errors}
    assert kinds == {**BAD, "/dup-b": "duplicate"}
    assert all(message for _, _, message in errors)


def test_canonical_link_wins_over_a_duplicate_url(fault_db):
    base, db, _ = fault_db
    stored = {url for (url,) in rows(db, "select url from pages")}
    assert base + "/dup-a" in stored and base + "/dup-b" not in stored


def test_wrong_charset_and_invalid_bytes_are_decoded_not_fatal(fault_db):
    base, db, _ = fault_db
    [(text,)] = rows(db, f"select text from pages where url = '{base}/latin1'")
    assert "earns" in text and "an hour" in text


def test_hostile_markup_is_stored_without_scripts(fault_db):
    base, db, _ = fault_db
    [(text,)] = rows(db, f"select text from pages where url = '{base}/hostile'")
    assert "hostile page" in text
    assert "$55,555" not in text and "$77,777" not in text
    assert not rows(db, "select url from pages where url like 'javascript:%'")


def test_chrome_figures_are_never_extracted(fault_db):
    _, db, _ = fault_db
    assert not rows(db, "select amount from wages where amount in (99999, 55555, 77777)")


def test_database_is_intact_and_the_run_recorded(fault_db):
    _, db, _ = fault_db
    assert rows(db, "pragma integrity_check") == [("ok",)]
    [(status, failed, skipped)] = rows(db, "select status, failed, skipped from crawl_runs")
    assert status == "ok"
    assert failed + skipped == len(BAD) + 1  # and /dup-b, a duplicate of /dup-a
