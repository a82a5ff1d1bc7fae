"""``scrapy crawl articles`` from the repo root: the contract's second way to crawl, with the same input checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from tests.conftest import ROOT
from tests.hardsite import Route, serve, wage_page

SCRAPY = str(Path(sys.executable).with_name("scrapy"))


def scrapy_crawl(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([SCRAPY, "crawl", "articles", *arguments], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize(("arguments", "message"), [
    (["-a", "start_url=https://example.org/guide"],
     "error: crawling public sites (https://example.org/guide, ...) needs a contact for their owners in the user "
     "agent: add --set KB_CONTACT_URL=https://your.site/contact (or mailto:you@your.site)"),
    (["-a", "start_url=ftp://127.0.0.1/guide"], "error: not an http(s) URL: 'ftp://127.0.0.1/guide'"),
    (["-a", "sources=/nonexistent/sources.toml"],
     "error: cannot read sources file /nonexistent/sources.toml: [Errno 2] No such file or directory: "
     "'/nonexistent/sources.toml'"),
    (["-a", "start_url=https://example.org/guide", "-s", "KB_CONTACT_URL=example.org"],
     "error: KB_CONTACT_URL must be an http(s) or mailto: URL, got 'example.org'"),
])
def test_bad_arguments_are_one_line_and_exit_2(tmp_path, arguments, message):
    result = scrapy_crawl(*arguments, "-s", f"KB_DB={tmp_path / 'kb.db'}", "-s", "LOG_LEVEL=WARNING")
    assert (result.returncode, result.stderr.splitlines()) == (2, [message])
    assert not (tmp_path / "kb.db").exists()


def test_a_local_crawl_writes_the_page_and_its_wage(tmp_path):
    with serve({"/guide.html": Route(body=wage_page("Coder pay", 48_000))}) as site:
        result = scrapy_crawl("-a", f"start_url={site.base}/guide.html", "-s", f"KB_DB={tmp_path / 'kb.db'}")
    assert result.returncode == 0, result.stderr[-2000:]
    db = sqlite_utils.Database(tmp_path / "kb.db")
    assert [(row["amount"], row["period"]) for row in db["wages"].rows] == [(48000.0, "annual")]
