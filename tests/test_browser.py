"""The knowledge base as an analyst sees it: ``kb serve`` in a real process, Debian's Chromium in front."""

from __future__ import annotations

import os
import re
import selectors
import sqlite3
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from datasette.utils import tilde_encode
from playwright.sync_api import sync_playwright

from kb.sitehost import wait_for_http
from tests.conftest import KB, copy_db

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update",
                 "--no-first-run"]
# README's screenshots are refreshed with `KB_SCREENSHOTS=docs/screenshots make test`; otherwise they go to a
# temporary folder, so that a test run leaves the working tree as it found it.
SCREENSHOTS = Path(os.environ.get("KB_SCREENSHOTS") or tempfile.mkdtemp(prefix="kb-screenshots-")).resolve()
HOSTILE_URL = "http://127.0.0.1:9/hostile-guide.html"
SCRIPT = "<script>window.kbPwned = 'script'; alert('script ran')</script>"
IMAGE = "<img src=x onerror=\"window.kbPwned = 'img'; alert('onerror ran')\">"
HOSTILE_TEXT = f"Coders earn more with a CPC. {SCRIPT} Ask about the {IMAGE} hostile fee."

# `make test` installs Chromium first; elsewhere the test is skipped without it, but never on CI.
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="needs Debian's chromium (make test installs it)"
)


def add_hostile_page(db: Path) -> None:
    """A page whose title, text and facts carry markup that must never run."""
    with sqlite3.connect(db) as conn:
        conn.execute(
            "insert into pages (url, site, title, text, fetched_at, content_hash, status, first_seen) "
            "values (?, 'hostile', ?, ?, '2030-01-01T00:00:00+00:00', 'x', 200, '2030-01-01T00:00:00+00:00')",
            [HOSTILE_URL, f"Hostile {SCRIPT} guide", HOSTILE_TEXT],
        )
        conn.execute(
            "insert into wages (id, page_url, occupation, statistic, amount, period, as_of, attributed_to, qualifier, "
            "evidence, first_seen, last_seen) values ('hostile-wage', ?, ?, 'median', 50000, 'annual', '2030', ?, ?, "
            "?, '2030-01-01', '2030-01-01')",
            [HOSTILE_URL, f"coder {IMAGE}", f"X{SCRIPT}", f"state: {IMAGE}", HOSTILE_TEXT],
        )
        conn.execute(
            "insert into exams (id, page_url, credential, attribute, value, unit, qualifier, evidence, first_seen, "
            "last_seen) values ('hostile-exam', ?, 'CPC', 'fee', 1, 'USD', ?, ?, '2030-01-01', '2030-01-01')",
            [HOSTILE_URL, IMAGE, HOSTILE_TEXT],
        )


@contextmanager
def kb_serve(db: Path) -> Iterator[str]:
    """``kb serve`` as a real process on a free 127.0.0.1 port; yields its base URL."""
    process = subprocess.Popen([KB, "serve", "--db", str(db), "--port", "0"], stderr=subprocess.PIPE, bufsize=0)
    log: list[str] = []
    try:
        url = wait_for_url(process, log)
        # Keep reading the server's log so that it never blocks on a full pipe.
        threading.Thread(target=lambda: log.extend(line.decode() for line in process.stderr), daemon=True).start()
        wait_for_http(f"{url}/-/versions.json")  # the port is bound before the worker processes accept on it
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def served(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo knowledge base, served as a visitor would find it."""
    with kb_serve(copy_db(demo_db, tmp_path_factory.mktemp("browser") / "kb.db")) as url:
        yield url


@pytest.fixture(scope="module")
def served_hostile(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo knowledge base plus a page whose text carries markup."""
    db = copy_db(demo_db, tmp_path_factory.mktemp("hostile") / "kb.db")
    add_hostile_page(db)
    with kb_serve(db) as url:
        yield url


def wait_for_url(process: subprocess.Popen, log: list[str], timeout: float = 60) -> str:
    """The address Uvicorn reports once it listens, read from the server's log line by line as it is written."""
    selector = selectors.DefaultSelector()
    selector.register(process.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and selector.select(deadline - time.monotonic()):
        line = process.stderr.readline().decode()  # unbuffered: nothing waits in a buffer the selector cannot see
        if not line:
            break
        log.append(line)
        found = re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", line)
        if found:
            return found.group(1)
    process.kill()
    raise AssertionError("kb serve did not start:\n" + "".join(log))


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser) -> Iterator:
    """A fresh tab that records every dialog and console error; dialogs are dismissed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.dialogs, tab.errors = [], []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


def screenshot(tab, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def test_home_page_orients_a_first_time_visitor(served, page):
    page.goto(served + "/")
    assert page.locator("h1").first.inner_text() == "Medical billing and coding careers knowledge base"
    assert "How fresh: last crawl" in page.locator("#kb-freshness").inner_text()
    assert page.locator("#kb-where-to-start a").count() >= 9
    assert page.locator("#kb-what-is-here tbody tr").count() >= 9
    screenshot(page, "home")
    assert not page.dialogs and not page.errors


def test_search_box_finds_facts_across_tables(served, page):
    page.goto(served + "/")
    page.fill("#search-all-q", "exam fee")
    page.locator("#kb-search input[type=submit]").click()
    page.wait_for_url("**/-/search?q=exam+fee")
    page.locator("#search-all-results h2", has_text="kb: exams").wait_for()
    page.locator("#search-all-results h2", has_text="kb: pages").wait_for()
    page.locator("#search-all-results h2", has_text="kb: exams").evaluate("h2 => h2.scrollIntoView()")
    screenshot(page, "search")
    assert not page.dialogs and not page.errors


def test_canned_query_with_a_parameter_then_a_facet(served, page):
    page.goto(served + "/kb/credential_profile")
    page.fill("input[name=code]", "CCS")
    page.locator("form.sql input[type=submit]").click()
    page.wait_for_url("**/kb/credential_profile?code=CCS*")
    credentials = page.locator("table.rows-and-columns td.col-credential").all_inner_texts()
    assert credentials and set(credentials) == {"CCS"}
    screenshot(page, "canned-query")

    page.goto(served + "/kb/wages")
    page.locator(".facet-info[data-column=attributed_to] a", has_text="BLS").first.click()
    page.wait_for_url("**/kb/wages?*attributed_to=BLS*")
    sources = page.locator("table.rows-and-columns td.col-attributed_to").all_inner_texts()
    assert sources and set(sources) == {"BLS"}
    page.locator("h3", has_text="where attributed_to").evaluate("heading => heading.scrollIntoView()")
    screenshot(page, "facet")
    assert not page.dialogs and not page.errors


def test_dashboard_draws_its_charts(served, page):
    page.goto(served + "/-/dashboards/careers")
    for chart in ("wages-over-time", "wage-by-credentials", "growth-by-period"):
        page.locator(f"#chart-{chart} canvas, #chart-{chart} svg").first.wait_for()
    drawn = page.locator("#chart-growth-by-period canvas, #chart-growth-by-period svg").first
    assert drawn.bounding_box()["height"] > 50
    screenshot(page, "dashboard")
    assert not page.dialogs and not page.errors


@pytest.mark.parametrize("path", [
    "/kb/pages/{pk}",
    "/kb/wages?page_url={url}",
    "/kb/exams?_search=hostile",
    "/-/search?q=hostile",
    "/kb/facts_of_page?url={url}",
    "/-/dashboards/careers",
])
def test_markup_in_scraped_text_is_shown_not_run(served_hostile, page, path):
    page.goto(served_hostile + path.format(pk=tilde_encode(HOSTILE_URL), url=quote(HOSTILE_URL, safe="")))
    page.wait_for_load_state("networkidle")
    if "search" in path and "_search" not in path:
        page.locator("#search-all-results h2").first.wait_for()
    if "dashboards" not in path:
        page.get_by_text("<script>window.kbPwned", exact=False).first.wait_for()
    if path.startswith("/kb/facts_of_page"):
        page.locator("table.rows-and-columns").evaluate("table => table.scrollIntoView()")
        screenshot(page, "escaped-markup")
    assert page.evaluate("window.kbPwned") is None
    assert page.dialogs == []
    assert page.locator("img[src=x]").count() == 0


def test_wages_facet_by_occupation_shows_titles_and_filters_by_code(served, page):
    page.goto(served + "/kb/wages")
    shown = page.locator(".facet-info[data-column=occupation_code] li a").all_inner_texts()
    assert "Medical Records Specialists" in shown and not any(re.fullmatch(r"\d\d-\d{4}", s) for s in shown)
    page.locator(".facet-info[data-column=occupation_code]").evaluate("facet => facet.scrollIntoView()")
    screenshot(page, "occupation-facet")
    page.locator(".facet-info[data-column=occupation_code] li a", has_text="Medical Records Specialists").click()
    page.wait_for_url("**/kb/wages?*occupation_code=29-2072*")
    codes = page.locator("table.rows-and-columns td.col-occupation_code").all_inner_texts()
    assert codes and all("Medical Records Specialists" in code for code in codes)
    assert not page.dialogs and not page.errors


def test_occupation_profile_gathers_a_2010_code_with_its_successor(served, page):
    page.goto(served + "/kb/occupation_profile")
    page.fill("input[name=soc]", "29-2071")
    page.locator("form.sql input[type=submit]").click()
    page.wait_for_url("**/kb/occupation_profile?soc=29-2071*")
    codes = set(page.locator("table.rows-and-columns td.col-occupation_code").all_inner_texts())
    assert {"29-2071", "29-2072"} <= codes
    assert "wage" in page.locator("table.rows-and-columns td.col-kind").all_inner_texts()
    screenshot(page, "occupation-profile")
    assert not page.dialogs and not page.errors


def test_occupation_dashboard_opens_on_medical_records_specialists(served, page):
    page.goto(served + "/-/dashboards/occupation")
    page.wait_for_url("**/-/dashboards/occupation?soc=29-2072*")
    for chart in ("median-wage-over-years", "jobs-over-years"):
        page.locator(f"#chart-{chart} canvas, #chart-{chart} svg").first.wait_for()
    drawn = page.locator("#chart-median-wage-over-years canvas, #chart-median-wage-over-years svg").first
    assert drawn.bounding_box()["height"] > 50
    screenshot(page, "occupation-dashboard")
    assert not page.dialogs and not page.errors


def test_former_credentials_show_their_successor_and_year(served, page):
    page.goto(served + "/kb/credentials?status__not=current")
    codes = page.locator("table.rows-and-columns td.col-code").all_inner_texts()
    assert {"CPC-H", "CPC-P", "ART"} <= set(codes)
    successor = page.locator("table.rows-and-columns tr", has_text="CPC-H").first.locator("td.col-successor")
    assert "Certified Outpatient Coder" in successor.inner_text()
    screenshot(page, "credential-history")
    assert not page.dialogs and not page.errors
