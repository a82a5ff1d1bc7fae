"""Scrapyd: the project deployed with scrapyd-deploy, a refresh scheduled as deploy/crontab-scrapyd does."""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DEMO_SITE, ROOT, Site
from tests.test_refresh import free_port, query, wait_for_http

BIN = Path(sys.executable).parent
PROJECT_FILES = ["crawler", "kb", "pipeline", "codingkb_scrapyd.py", "pyproject.toml", "setup.py", "scrapy.cfg",
                 "README.md"]


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[str]:
    """Scrapyd with the project's deploy/scrapyd.conf, on a free port of 127.0.0.1, in a folder of its own."""
    home = tmp_path / "scrapyd"
    home.mkdir()
    config = configparser.ConfigParser()
    config.read(ROOT / "deploy" / "scrapyd.conf")
    port = free_port()
    config["scrapyd"].update(http_port=str(port), poll_interval="0.2", eggs_dir=str(home / "eggs"),
                             logs_dir=str(home / "logs"), dbs_dir=str(home / "dbs"))
    with open(home / "scrapyd.conf", "w") as handle:
        config.write(handle)
    server = subprocess.Popen([BIN / "scrapyd"], cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for_http(url + "daemonstatus.json")
        yield url
    finally:
        server.terminate()
        server.wait(30)


def deploy(url: str, tmp_path: Path) -> str:
    """Deploy a copy of the project (so that building the egg leaves the work tree alone); returns the response."""
    project = tmp_path / "project"
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / name)
    result = subprocess.run([BIN / "scrapyd-deploy", "remote"], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "SCRAPYD_URL": url}, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def cron_arguments(sources: Path, db: Path) -> list[tuple[str, str]]:
    """The schedule.json arguments of deploy/crontab-scrapyd, with this test's sources file, database and contact
    URL (the line's placeholder, which an operator replaces)."""
    line = next(line for line in (ROOT / "deploy" / "crontab-scrapyd").read_text().splitlines()
                if line and not line.startswith("#"))
    ours = {"sources": str(sources), "KB_DB": str(db), "KB_CONTACT_URL": "https://example.org/crawler"}
    arguments = []
    for argument in re.findall(r" -d (\S+)", line):
        name, _, value = argument.partition("=")
        if name == "setting":
            setting, _, value = value.partition("=")
            arguments.append((name, f"{setting}={ours.pop(setting)}"))
        else:
            arguments.append((name, ours.pop(name, value)))
    assert not ours  # the line names the database and the contact URL
    return arguments


def api(url: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data else None
    with urllib.request.urlopen(url, data=body, timeout=30) as response:
        return json.load(response)


def finished_job(url: str, project: str, job: str, timeout: float = 180) -> dict:
    """The job, once listjobs.json lists it as finished."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = api(f"{url}listjobs.json?project={project}")
        if finished := [entry for entry in jobs["finished"] if entry["id"] == job]:
            return finished[0]
        time.sleep(0.2)
    raise AssertionError(f"job {job} did not finish in {timeout} s")


def test_refresh_scheduled_through_scrapyd_fills_the_database(scrapyd: str, demo_site: Site, tmp_path: Path):
    assert json.loads(deploy(scrapyd, tmp_path))["spiders"] == 1
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[sites]]\nname = "demo"\nstart_urls = ["{demo_site.base}/index.html"]\n')
    db = tmp_path / "kb.db"
    arguments = cron_arguments(sources, db)
    scheduled = api(scrapyd + "schedule.json", arguments)
    assert scheduled["status"] == "ok"
    finished_job(scrapyd, dict(arguments)["project"], scheduled["jobid"])
    urls = [url for (url,) in query(db, "select url from pages")]
    assert len(urls) == len(set(urls)) == len(list(DEMO_SITE.rglob("*.html"))) - 1  # all but the robots trap
    assert query(db, "select command, status from crawl_runs") == [("refresh", "ok")]
