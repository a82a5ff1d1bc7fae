"""A real crawl of the demo site served on 127.0.0.1."""

from __future__ import annotations

import inspect
import sqlite3
import subprocess
import sys
from pathlib import Path

from scrapy.utils.misc import is_generator_with_return_value

from crawler.spiders.articles import ArticlesSpider
from kb.schema import FACT_COLUMNS, SCHEMA_VERSION
from kb.sitehost import serve_directory
from tests.conftest import Site, kb, recording_handler


def pages(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("select url, text from pages"))


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"select count(*) from [{t}]").fetchone()[0] for t in ["pages", *FACT_COLUMNS]}


def test_every_content_page_is_stored(demo_db, demo_site: Site, demo_expected):
    stored = pages(demo_db)
    missing = [p for p in demo_expected["content_pages"] if demo_site.base + p not in stored]
    assert not missing


def test_site_chrome_is_absent_from_page_text(demo_db, demo_expected):
    markers = demo_expected["chrome_markers"] + demo_expected["script_markers"]
    leaks = {url: m for url, text in pages(demo_db).items() for m in markers if m in text}
    assert not leaks


def test_robots_disallowed_page_is_never_fetched(demo_db, demo_site: Site, demo_expected):
    assert not any(path.startswith("/private/") for path in demo_site.requested)
    assert not any(demo_expected["trap_phrase"] in text for text in pages(demo_db).values())


def test_robots_txt_binds_every_request_queued_before_it_arrives(demo_site: Site, demo_expected, tmp_path):
    """A refresh or a resumed run queues many requests at once; all of them wait for robots.txt and obey it."""
    paths = ["/guides/blog.html", "/programs/index.html", "/certifications/credentials-overview.html",
             "/private/trap.html"]
    db = tmp_path / "kb.db"
    kb("crawl", "--db", str(db), "--depth", "0", *(arg for p in paths for arg in ("--start-url", demo_site.base + p)))
    assert not any(path.startswith("/private/") for path in demo_site.requested)
    assert not any(demo_expected["trap_phrase"] in text for text in pages(db).values())


def test_non_html_response_is_skipped(demo_db, demo_site: Site, demo_expected):
    pdf = demo_expected["non_html"][0]
    assert pdf in demo_site.requested
    assert demo_site.base + pdf not in pages(demo_db)


def test_declared_charset_is_decoded(demo_db, demo_site: Site, demo_expected):
    page = demo_expected["windows_1252_page"]
    assert page["text"] in pages(demo_db)[demo_site.base + page["path"]]


def test_second_crawl_leaves_row_counts_unchanged(demo_db, demo_site: Site):
    before = counts(demo_db)
    kb("crawl", "--start-url", f"{demo_site.base}/index.html", "--db", str(demo_db))
    assert counts(demo_db) == before


def test_links_to_other_hosts_are_not_followed(tmp_path: Path):
    """A link to another host (localhost, not 127.0.0.1) must not be requested."""
    other_requests: list[str] = []
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "elsewhere.html").write_text("<html><body><p>Another host.</p></body></html>")
    with serve_directory(tmp_path / "other", handler_class=recording_handler(other_requests)) as other:
        port = other.rsplit(":", 1)[1]
        (tmp_path / "index.html").write_text(
            "<html><head><title>Hub</title></head><body><main><h1>Hub</h1>"
            f"<p>Read the <a href='http://localhost:{port}/elsewhere.html'>other site</a> "
            "or our <a href='/own.html'>own page</a>.</p></main></body></html>"
        )
        (tmp_path / "own.html").write_text("<html><body><main><p>Our own page.</p></main></body></html>")
        with serve_directory(tmp_path) as base:
            db = tmp_path / "kb.db"
            kb("crawl", "--start-url", f"{base}/index.html", "--db", str(db))
    assert other_requests == []
    assert set(pages(db)) == {f"{base}/index.html", f"{base}/own.html"}


def test_database_records_schema_version_and_run(demo_db):
    with sqlite3.connect(demo_db) as conn:
        assert conn.execute("select version from schema_version").fetchone() == (SCHEMA_VERSION,)
        assert conn.execute("pragma journal_mode").fetchone() == ("wal",)
        assert conn.execute("select status from crawl_runs order by id limit 1").fetchone() == ("ok",)


def test_crawl_without_network_fails_with_a_clear_message(tmp_path: Path):
    import subprocess

    from tests.conftest import KB

    sources = tmp_path / "sources.toml"
    sources.write_text('[[sites]]\nname = "nowhere"\nstart_urls = ["https://no-such-host.invalid/guide"]\n')
    result = subprocess.run([KB, "crawl", "--sources", str(sources), "--db", str(tmp_path / "kb.db"),
                             "--set", "KB_CONTACT_URL=https://example.org/crawler"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "cannot resolve" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_crawlers_process_leaves_the_extractors_to_the_worker():
    """Cleaning and extraction patterns load in the extraction worker only, not in the crawler or writer."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, kb.cli, kb.crawl, kb.writer, kb.pipelines, crawler.pipelines,"
         "crawler.spiders.articles;"
         "print(' '.join(sorted(m for m in sys.modules if m.startswith('pipeline.'))))"],
        capture_output=True, text=True, check=True).stdout.split()
    assert "pipeline.page" in loaded
    assert not {"pipeline.process", "pipeline.extract", "pipeline.clean", "pipeline.wages"} & set(loaded)


def test_no_spider_callback_is_a_generator_that_returns_a_value():
    """Scrapy's check of this on every response is off (WARN_ON_GENERATOR_RETURN_VALUE): it cost 0.5 ms a response."""
    generators = [method for method in vars(ArticlesSpider).values() if inspect.isgeneratorfunction(method)]
    assert len(generators) >= 2
    assert not [method.__name__ for method in generators if is_generator_with_return_value(method)]
