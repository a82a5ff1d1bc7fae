"""What a hostile site and a careless operator found, each case against a real site served on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from crawler.sniff import binary_type
from kb.schema import ensure_schema
from kb.sitehost import free_port, wait_for_http
from tests.conftest import KB, kb
from tests.hardsite import Route, links_page, page, serve, wage_page
from tests.test_refresh import wait_for_pages


def rows(db: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def crawl(base: str, db: Path, *extra: str) -> subprocess.CompletedProcess:
    return kb("crawl", "--start-url", f"{base}/index.html", "--db", str(db), *extra)


def refresh(base: str, db: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[sites]]\nname = "{base.removeprefix("http://")}"\nstart_urls = ["{base}/index.html"]\n')
    return kb("refresh", "--db", str(db), "--sources", str(sources))


def current_wages(db: Path, url: str) -> list[float]:
    return sorted(a for (a,) in rows(db, "select amount from wages where page_url = ? and retracted_at is null", url))


# 2. Deeply nested HTML is parsed completely.

@pytest.mark.parametrize("depth", [3_000, 20_000])
def test_text_nested_past_libxml2_s_limit_and_after_it_is_kept(depth, tmp_path):
    nested = "<div>" * depth + "<p>Billing specialists earned a median of $46,000 per year in May 2023.</p>" + \
        "</div>" * depth
    body = nested + "<p>Medical coders earned a median of $52,000 per year in May 2023, the BLS says.</p>"
    routes = {"/index.html": Route(body=links_page("/deep.html")), "/deep.html": Route(body=page("Deep", body))}
    with serve(routes) as site:
        crawl(site.base, tmp_path / "kb.db")
    [(text,)] = rows(tmp_path / "kb.db", "select text from pages where url = ?", f"{site.base}/deep.html")
    assert "$46,000" in text and "$52,000" in text
    assert current_wages(tmp_path / "kb.db", f"{site.base}/deep.html") == [46_000, 52_000]


# 3. Binary bodies labelled text/html are skipped, and never replace a good page.

PDF = b"%PDF-1.4\n1 0 obj << /Length 60 >> stream\nBT (Coders earn a median of $48,000 per year) Tj ET\nendstream\n"
PNG = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0" + bytes(range(256)) * 4
NUL_FILLED = b"<html>" + b"\0\x01\x02\x03 Coders earn $48,000 a year " * 200


@pytest.mark.parametrize(("body", "named"), [(PDF, "application/pdf"), (PNG, "image/png"), (NUL_FILLED, "binary")])
def test_a_binary_body_labelled_html_is_skipped_and_the_stored_page_kept(body, named, tmp_path):
    db = tmp_path / "kb.db"
    routes = {"/index.html": Route(body=links_page("/guide.html")),
              "/guide.html": Route(body=wage_page("Guide", 51_000))}
    with serve(routes) as site:
        crawl(site.base, db)
        before = rows(db, "select text, content_hash from pages where url = ?", f"{site.base}/guide.html")
        routes["/guide.html"] = Route(body=body)
        refresh(site.base, db, tmp_path)
    url = f"{site.base}/guide.html"
    assert rows(db, "select text, content_hash from pages where url = ?", url) == before
    assert current_wages(db, url) == [51_000]
    assert not rows(db, "select amount from wages where amount = 48000")
    [(kind, message)] = rows(db, "select kind, message from crawl_errors where url = ?", url)
    assert kind == "not_html" and named in message
    assert rows(db, "select skipped from crawl_runs where command = 'refresh'") == [(1,)]


@pytest.mark.parametrize("body", [
    b"<html><body><p>Coders\x0b earn\x1b more</p>" + b"<p>Coders review charts.</p>" * 20 + b"</body></html>",
    "<html><body><p>Coders earn more</p></body></html>".encode("utf-16"),
    b"",
])
def test_text_bodies_are_not_taken_for_binary(body):
    assert binary_type(body) is None


# 4. A canonical link cannot put one page's content under another's URL.

def canonical_to(path: str) -> str:
    return f'<link rel="canonical" href="{path}">'


@pytest.mark.parametrize("linked", [("/copy.html", "/guide.html"), ("/guide.html", "/copy.html"), ("/copy.html",)])
def test_a_page_naming_another_as_canonical_never_writes_under_its_url(linked, tmp_path):
    """In either crawl order, and when only the copy links to it, the original is stored from its own response."""
    db = tmp_path / "kb.db"
    routes = {"/index.html": Route(body=links_page(*linked)),
              "/guide.html": Route(body=wage_page("Guide", 51_000)),
              "/copy.html": Route(body=wage_page("Copy", 999_999, head=canonical_to("/guide.html")))}
    with serve(routes) as site:
        crawl(site.base, db)
        refresh(site.base, db, tmp_path)
    assert current_wages(db, f"{site.base}/guide.html") == [51_000]
    assert not rows(db, "select * from wages where amount = 999999")
    assert not rows(db, "select * from pages where url = ? or text like '%999,999%'", f"{site.base}/copy.html")
    assert {kind for (kind,) in rows(db, "select kind from crawl_errors where url = ?", f"{site.base}/copy.html")} \
        == {"duplicate"}


@pytest.mark.parametrize("circle", [("/a.html", "/b.html"), ("/b.html", "/a.html"), ("/a.html", "/b.html", "/c.html")])
def test_pages_naming_each_other_as_canonical_store_one_of_them(circle, tmp_path):
    """Each page of the circle names the next as its canonical URL: one is stored, the others are duplicates."""
    db = tmp_path / "kb.db"
    routes = {"/index.html": Route(body=links_page(*circle))}
    for number, path in enumerate(circle):
        routes[path] = Route(body=wage_page(path, 50_000 + number, head=canonical_to(circle[number - 1])))
    with serve(routes) as site:
        crawl(site.base, db)
    stored = rows(db, "select url from pages where url != ?", f"{site.base}/index.html")
    assert len(stored) == 1 and len(current_wages(db, stored[0][0])) == 1
    assert rows(db, "select kind from crawl_errors") == [("duplicate",)] * (len(circle) - 1)


# 5. Every URL the crawl gives up on has a crawl_errors row that says why.

def redirect(to: str, status: int = 302) -> Route:
    return Route(status, b"", {"Location": to})


def test_every_url_given_up_on_has_a_row_that_says_why(tmp_path):
    db = tmp_path / "kb.db"
    long = "/long?q=" + "a" * 2100  # over Scrapy's URLLENGTH_LIMIT
    with serve({}) as other:
        routes = {
            "/loop-a": redirect("/loop-b"), "/loop-b": redirect("/loop-c"), "/loop-c": redirect("/loop-a"),
            "/self": redirect("/self", 301), "/old": redirect("/guide.html", 301),
            "/other-host": redirect("http://localhost/guide.html"), "/other-port": redirect(f"{other.base}/x"),
            "/other-scheme": redirect("ftp://127.0.0.1/guide.html"),
            "/private/page.html": Route(body=wage_page("Private", 1)),
            "/refresh.html": Route(body=wage_page("Refreshes itself", 47_000,
                                                  head='<meta http-equiv="refresh" content="0; url=/refresh.html">')),
            "/guide.html": Route(body=wage_page("Guide", 51_000)),
            "/robots.txt": Route(body=b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}),
        }
        routes["/index.html"] = Route(body=links_page("/guide.html", "/loop-a", "/self", "/old", "/other-host",
                                                      "/other-port", "/other-scheme", "/private/page.html",
                                                      "/refresh.html", long))
        with serve(routes) as site:
            crawl(site.base, db)
    kinds = {url.removeprefix(site.base): kind for url, kind in rows(db, "select url, kind from crawl_errors")}
    assert kinds == {
        "/loop-a": "redirect_loop", "/self": "redirect_loop", "/old": "duplicate",
        "/other-host": "offsite_redirect", "/other-port": "offsite_redirect", "/other-scheme": "offsite_redirect",
        "/private/page.html": "robots_txt", long: "url_too_long",
    }
    assert all(message for (message,) in rows(db, "select message from crawl_errors"))
    assert current_wages(db, f"{site.base}/refresh.html") == [47_000]  # a page that refreshes to itself is a page
    assert not [path for _, path in other.requests]


def test_a_start_url_given_up_on_is_named_with_its_reason(tmp_path):
    with serve({"/self": redirect("/self", 301)}) as site:
        result = subprocess.run([KB, "crawl", "--start-url", f"{site.base}/self", "--db", str(tmp_path / "kb.db")],
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert f"{site.base}/self: redirect_loop, redirects back to {site.base}/self" in result.stderr
    assert rows(tmp_path / "kb.db", "select kind from crawl_errors") == [("redirect_loop",)]


# 6. Bad input: one line that names the problem, a non-zero exit, and the existing file untouched.

BAD_SOURCES = {
    "single.toml": b'[sites]\nname = "x"\nstart_urls = ["http://127.0.0.1:9/"]\n',
    "types.toml": b'[[sites]]\nname = "x"\nstart_urls = "http://127.0.0.1:9/"\n',
    "name.toml": b'[[sites]]\nname = 5\nstart_urls = ["http://127.0.0.1:9/"]\n',
    "latin1.toml": b'[[sites]]\nname = "caf\xe9"\nstart_urls = ["http://127.0.0.1:9/"]\n',
    "scheme.toml": b'[[sites]]\nname = "x"\nstart_urls = ["ftp://127.0.0.1/"]\n',
}


@pytest.fixture
def existing_db(tmp_path: Path) -> Path:
    db = tmp_path / "kb.db"
    with sqlite_utils.Database(db) as kb_file:
        ensure_schema(kb_file)
    return db


@pytest.mark.parametrize(("args", "problem"), [
    (["crawl", "--start-url", "http://127.0.0.1:9/", "--db", "{tmp}/missing/kb.db"], "does not exist"),
    (["crawl", "--start-url", "http://127.0.0.1:9/", "--db", "{tmp}/notes.txt"], "not a SQLite file"),
    (["crawl", "--start-url", "http://127.0.0.1:9/", "--db", "{tmp}/notes.txt/kb.db"], "is not a folder"),
    (["serve", "--db", "{tmp}/notes.txt", "--port", "0"], "not a SQLite file"),
    (["crawl", "--start-url", "http://127.0.0.1:9/", "--db", "{db}", "--set", "DOWNLOAD_TIMEOUT=abc"],
     "DOWNLOAD_TIMEOUT takes a number"),
    (["crawl", "--start-url", "http://127.0.0.1:9/", "--db", "{db}", "--set", "ROBOTSTXT_OBEY=perhaps"],
     "ROBOTSTXT_OBEY takes true or false"),
    *((["crawl", "--sources", f"{{tmp}}/{name}", "--db", "{db}"], problem) for name, problem in [
        ("single.toml", "[[sites]]"), ("types.toml", "start_urls must be a list of strings"),
        ("name.toml", "name must be a string"), ("latin1.toml", "not UTF-8"), ("scheme.toml", "not an http(s) URL")]),
])
def test_bad_input_gets_one_line_a_non_zero_exit_and_leaves_the_file_alone(args, problem, existing_db, tmp_path):
    (tmp_path / "notes.txt").write_text("not a database\n")
    for name, content in BAD_SOURCES.items():
        (tmp_path / name).write_bytes(content)
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    result = subprocess.run([KB, *(arg.format(tmp=tmp_path, db=existing_db) for arg in args)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and problem in lines[0], result.stderr[-2000:]
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before


def test_serve_on_a_port_in_use_says_so_in_one_line(existing_db):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = subprocess.run([KB, "serve", "--db", str(existing_db), "--port", str(port)],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: cannot listen on 127.0.0.1:{port} (Address already in use); is another server using it? "
        "Choose another with --port"]


# 7. A resumed run does not fetch again what the killed one stored.

def test_a_page_stored_before_the_page_that_linked_it_is_not_fetched_again_on_resume(tmp_path):
    """The long page's extraction outlasts the fetch and extraction of the short page it links to, so the short
    page is written first, before the link to it is queued: it must still count as done when the run resumes.
    (Two extraction workers, and room for the long page in Scrapy's scraper, let the short page overtake it.)"""
    db = tmp_path / "kb.db"
    gate = threading.Event()
    long_text = "<p>Medical coders review charts and assign codes to every diagnosis and procedure.</p>" * 40_000
    routes = {"/index.html": Route(body=page("Index", long_text + '<a href="/short.html">Short</a>'
                                            '<a href="/gated.html">Gated</a>')),
              "/short.html": Route(body=wage_page("Short", 51_000)),
              "/gated.html": Route(body=wage_page("Gated", 52_000), gate=gate)}
    with serve(routes) as site:
        settings = ["--set", "KB_BATCH_PAGES=1", "--set", "KB_EXTRACT_WORKERS=2",
                    "--set", "SCRAPER_SLOT_MAX_ACTIVE_SIZE=100000000"]
        command = [KB, "crawl", "--start-url", f"{site.base}/index.html", "--db", str(db), *settings]
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            wait_for_pages(db, minimum=2)
        finally:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        gate.set()
        del site.requests[:]
        crawl(site.base, db, *settings)
        assert sorted(path for _, path in site.requests if path != "/robots.txt") == ["/gated.html"]
    assert rows(db, "select status, count(*) from crawl_runs") == [("ok", 1)]


# 8. Politeness: Crawl-delay, Retry-After, robots.txt that answers 5xx, other ports, a contact in the user agent.

ROBOTS_TYPE = {"Content-Type": "text/plain"}


def page_times(site, paths: list[str]) -> list[float]:
    return sorted(at for at, path in site.requests if path in paths)


def test_crawl_delay_spaces_the_requests_to_a_site(tmp_path):
    guides = [f"/guide-{n}.html" for n in range(3)]
    routes = {"/robots.txt": Route(body=b"User-agent: *\nCrawl-delay: 1\n", headers=ROBOTS_TYPE),
              "/index.html": Route(body=links_page(*guides)),
              **{path: Route(body=wage_page(path, 50_000 + n)) for n, path in enumerate(guides)}}
    with serve(routes) as site:
        crawl(site.base, tmp_path / "kb.db")
    times = page_times(site, ["/index.html", *guides])
    assert len(times) == 4
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.95


def test_a_short_retry_after_holds_every_request_to_the_site_then_retries(tmp_path):
    """The slow page answers after the 503 and links the guide: no request may go out before the wait is over."""
    routes = {"/index.html": Route(body=links_page("/busy.html", "/slow.html")),
              "/busy.html": [Route(503, b"busy", {"Retry-After": "2"}), Route(body=wage_page("Busy", 48_000))],
              "/slow.html": Route(body=links_page("/guide.html"), delay=0.5),
              "/guide.html": Route(body=wage_page("Guide", 51_000))}
    with serve(routes) as site:
        crawl(site.base, tmp_path / "kb.db")
    [refused, retried] = page_times(site, ["/busy.html"])
    assert retried - refused >= 1.9
    assert min(page_times(site, ["/guide.html"])) - refused >= 1.9
    assert current_wages(tmp_path / "kb.db", f"{site.base}/busy.html") == [48_000]


def test_a_long_retry_after_leaves_the_site_to_a_later_run_with_a_reason(tmp_path):
    db = tmp_path / "kb.db"
    routes = {"/index.html": Route(body=links_page("/busy.html", "/slow.html")),
              "/busy.html": Route(503, b"busy", {"Retry-After": "3600"}),
              "/slow.html": Route(body=links_page("/guide.html"), delay=0.5),
              "/guide.html": Route(body=wage_page("Guide", 51_000))}
    with serve(routes) as site:
        crawl(site.base, db)
    assert sorted(path for _, path in site.requests) == ["/busy.html", "/index.html", "/robots.txt", "/slow.html"]
    assert {url.removeprefix(site.base): kind for url, kind in rows(db, "select url, kind from crawl_errors")} == \
        {"/busy.html": "retry_after", "/guide.html": "retry_after"}  # asked once; the guide never sent


def test_a_robots_txt_answering_5xx_disallows_the_whole_site(tmp_path):
    db = tmp_path / "kb.db"
    routes = {"/robots.txt": Route(503, b"down", ROBOTS_TYPE), "/index.html": Route(body=links_page("/guide.html"))}
    with serve(routes) as site:
        result = subprocess.run([KB, "crawl", "--start-url", f"{site.base}/index.html", "--db", str(db)],
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "robots.txt answered HTTP 503" in result.stderr
    assert {path for _, path in site.requests} == {"/robots.txt"}
    assert rows(db, "select kind from crawl_errors") == [("robots_unavailable",)]


def test_a_link_to_another_port_of_the_same_host_is_another_site(tmp_path):
    with serve({"/guide.html": Route(body=wage_page("Elsewhere", 99_000))}) as other:
        routes = {"/index.html": Route(body=links_page("/guide.html", f"{other.base}/guide.html")),
                  "/guide.html": Route(body=wage_page("Guide", 51_000))}
        with serve(routes) as site:
            crawl(site.base, tmp_path / "kb.db")
    assert not other.requests
    assert rows(tmp_path / "kb.db", "select url, site from pages where url like '%guide.html'") == \
        [(f"{site.base}/guide.html", site.base.removeprefix("http://"))]


def test_a_public_crawl_needs_a_contact_url_and_sends_it(tmp_path):
    refused = subprocess.run([KB, "crawl", "--start-url", "https://example.org/guide", "--db", str(tmp_path / "a.db")],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1 and not (tmp_path / "a.db").exists()
    assert refused.stderr.strip().splitlines() == [
        "Error: crawling public sites (https://example.org/guide, ...) needs a contact for their owners in the user "
        "agent: add --set KB_CONTACT_URL=https://your.site/contact (or mailto:you@your.site)"]
    with serve({"/index.html": Route(body=wage_page("Guide", 51_000))}) as site:
        crawl(site.base, tmp_path / "b.db", "--set", "KB_CONTACT_URL=mailto:crawls@example.org")
    assert site.agents == {"codingkb/0.1 (+mailto:crawls@example.org; medical billing and coding career knowledge "
                           "base)"}


# 9. The published SQL stays open, within limits.

@pytest.fixture
def served(existing_db: Path) -> Iterator[tuple[str, int]]:
    """``kb serve`` on the file, as published: its base URL and its process id."""
    port = free_port()
    server = subprocess.Popen([KB, "serve", "--db", str(existing_db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/-/versions.json")
        yield base, server.pid
    finally:
        server.terminate()
        server.wait(30)


def sql(base: str, query: str) -> tuple[int, dict]:
    url = f"{base}/kb.json?" + urllib.parse.urlencode({"sql": query})
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def resident_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))) / 1024


ROWS_OF_A_MEGABYTE = ("with recursive n(i) as (select 1 union all select i + 1 from n where i < 300) "
                      "select printf('%.*c', 1000000, 'x') from n")


@pytest.mark.parametrize(("query", "refusal"), [
    ("select randomblob(267000000)", "string or blob too big"),
    (ROWS_OF_A_MEGABYTE, "the answer is over 64 MB"),
    ("select fts3_tokenizer('simple')", "not authorized"),
    ("select file from pragma_database_list", "prohibited"),
])
def test_a_hostile_query_is_refused_without_the_server_growing(query, refusal, served):
    base, pid = served
    before = resident_mb(pid)
    status, answer = sql(base, query)
    assert status == 400 and refusal in answer["error"]
    assert resident_mb(pid) - before < 100


def test_analysts_keep_arbitrary_sql_and_the_path_stays_private(served, existing_db):
    base, _ = served
    assert sql(base, "select count(*) from pages")[1]["rows"] == [[0]]
    status, answer = sql(base, "select name from pragma_table_info('wages') where name = 'amount'")
    assert status == 200 and answer["rows"] == [["amount"]]
    assert sql(base, "select length(randomblob(1000)), length(printf('%.*c', 100000, 'x'))")[1]["rows"] == \
        [[1000, 100000]]
    with pytest.raises(urllib.error.HTTPError) as hidden:
        urllib.request.urlopen(f"{base}/-/databases.json", timeout=30)
    assert hidden.value.code == 404
    assert str(existing_db) not in urllib.request.urlopen(f"{base}/kb", timeout=30).read().decode()
