"""Sources files: allow and deny patterns, sitemaps, limits, and how the crawler introduces itself."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crawler.settings import USER_AGENT
from crawler.sources import SourcesError, load_sources
from kb.sitehost import QuietHandler, serve_directory
from tests.conftest import kb

PAGE = "<html><head><title>{0}</title></head><body><main><h1>{0}</h1><p>{1}</p></main></body></html>"


class RecordingHandler(QuietHandler):
    """Static files; remembers each request's path and User-Agent."""

    seen: list[tuple[str, str]] = []

    def do_GET(self) -> None:
        self.seen.append((self.path, self.headers.get("User-Agent", "")))
        super().do_GET()


@pytest.fixture
def site(tmp_path: Path):
    """A hub linking to guides and to a print version; an orphan page only the sitemap names."""
    root = tmp_path / "site"
    (root / "guides").mkdir(parents=True)
    (root / "print").mkdir()
    links = "".join(f'<a href="/guides/g{n}.html">guide {n}</a> <a href="/print/g{n}.html">print</a> '
                    for n in range(5))
    (root / "index.html").write_text(PAGE.format("Hub", links))
    for n in range(5):
        (root / "guides" / f"g{n}.html").write_text(PAGE.format(f"Guide {n}", f"Guide number {n} explains coding."))
        (root / "print" / f"g{n}.html").write_text(PAGE.format(f"Print {n}", "A printable copy."))
    (root / "guides" / "orphan.html").write_text(PAGE.format("Orphan", "Only the sitemap links here."))
    RecordingHandler.seen = []
    with serve_directory(root, handler_class=RecordingHandler) as base:
        (root / "sitemap.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}/guides/orphan.html</loc></url></urlset>")
        yield base, tmp_path


def stored(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {url for (url,) in conn.execute("select url from pages")}


def test_deny_patterns_and_sitemaps_shape_the_crawl(site):
    base, tmp = site
    sources = tmp / "sources.toml"
    sources.write_text(f'[[sites]]\nname = "local"\nstart_urls = ["{base}/index.html"]\n'
                       f'deny = ["/print/"]\nsitemap_urls = ["{base}/sitemap.xml"]\n')
    kb("crawl", "--sources", str(sources), "--db", str(tmp / "kb.db"))
    urls = stored(tmp / "kb.db")
    assert f"{base}/guides/orphan.html" in urls
    assert {f"{base}/guides/g{n}.html" for n in range(5)} <= urls
    assert not any("/print/" in path for path, _ in RecordingHandler.seen)


def test_allow_patterns_limit_what_is_followed(site):
    base, tmp = site
    sources = tmp / "sources.toml"
    sources.write_text(f'[[sites]]\nname = "local"\nstart_urls = ["{base}/index.html"]\nallow = ["g[01]\\\\.html"]\n')
    kb("crawl", "--sources", str(sources), "--db", str(tmp / "kb.db"))
    assert stored(tmp / "kb.db") == {f"{base}/index.html", f"{base}/guides/g0.html", f"{base}/guides/g1.html",
                                     f"{base}/print/g0.html", f"{base}/print/g1.html"}


def test_depth_limit_stops_at_the_start_page(site):
    base, tmp = site
    kb("crawl", "--start-url", f"{base}/index.html", "--depth", "0", "--db", str(tmp / "kb.db"))
    assert stored(tmp / "kb.db") == {f"{base}/index.html"}


def test_page_limit_caps_the_responses(site):
    base, tmp = site
    kb("crawl", "--start-url", f"{base}/index.html", "--max-pages", "3", "--set", "CONCURRENT_REQUESTS=1",
       "--db", str(tmp / "kb.db"))
    assert 1 <= len(stored(tmp / "kb.db")) <= 3


def test_crawler_sends_the_project_user_agent_with_the_contact_url_it_is_given(site):
    base, tmp = site
    kb("crawl", "--start-url", f"{base}/index.html", "--db", str(tmp / "kb.db"),
       "--set", "KB_CONTACT_URL=https://example.org/crawler")
    agents = {agent for _, agent in RecordingHandler.seen}
    assert agents == {USER_AGENT.replace(" (", " (+https://example.org/crawler; ", 1)}


def test_default_sources_file_lists_the_real_sites():
    names = {site.name for site in load_sources()}
    assert {"bls-ooh", "aapc", "ahima", "nha"} <= names
    assert all(url.startswith("https://") for site in load_sources() for url in site.start_urls)


def test_sources_file_errors_are_clear(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[sites]]\nstart_urls = ["https://example.org/"]\n')
    with pytest.raises(SourcesError, match="lacks name"):
        load_sources(bad)
    bad.write_text('[[sites]]\nname = "x"\nstart_urls = ["https://example.org/"]\ndeny = ["("]\n')
    with pytest.raises(SourcesError, match="bad pattern"):
        load_sources(bad)
