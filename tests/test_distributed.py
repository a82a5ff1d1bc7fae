"""Shared crawls: workers on one Redis frontier, one ingest writing the file, the same result as one process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from crawler.runstate import RunState
from crawler.sharedcrawl import SharedCrawl
from kb.schema import FACT_COLUMNS
from kb.sitehost import serve_directory
from kb.worker import announce
from tests.bigsite import build_site
from tests.conftest import KB, copy_db, kb
from tests.test_refresh import free_port, query, wait_for_pages

TIMESTAMPS = {"fetched_at", "first_seen", "last_seen", "retracted_at"}


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """2,021 generated pages served on 127.0.0.1: the base URL and every page's path."""
    root = tmp_path_factory.mktemp("bigsite")
    paths = build_site(root)
    with serve_directory(root) as base:
        yield base, paths


@pytest.fixture(scope="module")
def single_db(big_site: tuple[str, list[str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site crawled by one `kb crawl` process, to compare shared crawls with."""
    base, _ = big_site
    db = tmp_path_factory.mktemp("single") / "kb.db"
    kb("crawl", "--start-url", f"{base}/index.html", "--db", str(db))
    return db


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A Redis server of its own on 127.0.0.1, gone with the test."""
    port = free_port()
    server = subprocess.Popen(["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
                               "--appendonly", "no", "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 30
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(30)


def start_workers(count: int, logs: Path, *command: str) -> list[subprocess.Popen]:
    """``kb`` worker processes running ``command``, each the leader of its own process group (with its extraction
    processes) and logging to ``logs``."""
    return [subprocess.Popen([KB, *command], stdout=subprocess.DEVNULL, stderr=open(logs / f"worker{n}.log", "w"),  # noqa: SIM115
                             start_new_session=True) for n in range(count)]


def crawl_workers(redis_url: str, base: str, count: int, logs: Path) -> list[subprocess.Popen]:
    """Workers of a shared crawl of the site at ``base`` that give up on a silent worker after 3 s."""
    return start_workers(count, logs, "crawl", "--redis", redis_url, "--start-url", f"{base}/index.html",
                         "--set", "KB_WORKER_TIMEOUT=3")


def content(db: Path) -> dict[str, list[tuple]]:
    """Pages and facts, without the columns that say when they were written."""
    tables = {}
    for table in ["pages", *FACT_COLUMNS]:
        columns = [row[1] for row in query(db, f"pragma table_info([{table}])") if row[1] not in TIMESTAMPS]
        tables[table] = sorted(query(db, f"select {', '.join(columns)} from [{table}]"), key=repr)
    return tables


def assert_same_as_single_process(db: Path, single_db: Path, base: str, paths: list[str]) -> None:
    urls = [url for (url,) in query(db, "select url from pages")]
    assert sorted(urls) == sorted(base + path for path in paths)
    assert query(db, "select count(*) from wages group by page_url having count(*) > 1") == []
    assert query(db, "select count(*) from wages") == [(len(paths) - 21,)]  # one fact per guide
    [(status, fetched, new)] = query(db, "select status, fetched, new from crawl_runs")
    assert (status, fetched, new) == ("ok", len(paths), len(paths))  # every URL reported and written once
    assert content(db) == content(single_db)


def stop(workers: list[subprocess.Popen]) -> None:
    for worker in workers:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()


def test_three_workers_and_one_ingest_build_what_one_process_builds(big_site, single_db, redis_url, tmp_path):
    base, paths = big_site
    db = tmp_path / "kb.db"
    workers = crawl_workers(redis_url, base, 3, tmp_path)
    try:
        kb("ingest", "--redis", redis_url, "--db", str(db))
        assert [worker.wait(60) for worker in workers] == [0, 0, 0]
    finally:
        stop(workers)
    assert_same_as_single_process(db, single_db, base, paths)
    assert redis.Redis.from_url(redis_url).keys("articles:*") == []


def test_a_killed_worker_s_requests_are_finished_by_the_others(big_site, single_db, redis_url, tmp_path):
    base, paths = big_site
    db = tmp_path / "kb.db"
    shared = SharedCrawl.from_url(redis_url)
    workers = crawl_workers(redis_url, base, 3, tmp_path)
    ingest = subprocess.Popen([KB, "ingest", "--redis", redis_url, "--db", str(db)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    try:
        wait_for_pages(db, minimum=300)
        victim = workers[0]
        leases = shared.leases(f"{socket.gethostname()}:{victim.pid}")
        deadline = time.monotonic() + 30
        while not shared.server.hlen(leases):
            assert time.monotonic() < deadline, "the worker never held a request"
            time.sleep(0.01)
        os.killpg(victim.pid, signal.SIGKILL)
        _, log = ingest.communicate(timeout=300)
        assert ingest.returncode == 0, log[-3000:]
        assert [worker.wait(60) for worker in workers[1:]] == [0, 0]
    finally:
        stop(workers)
        ingest.kill()
        ingest.wait()
    assert "requests of stopped workers back to the queue" in log
    assert_same_as_single_process(db, single_db, base, paths)


def test_a_shared_refresh_of_an_unchanged_site_rewrites_nothing(big_site, single_db, redis_url, tmp_path):
    base, paths = big_site
    db = tmp_path / "kb.db"
    copy_db(single_db, db)
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[sites]]\nname = "{base.removeprefix("http://")}"\nstart_urls = ["{base}/index.html"]\n')
    workers = start_workers(2, tmp_path, "refresh", "--redis", redis_url, "--sources", str(sources))
    try:
        kb("ingest", "--redis", redis_url, "--db", str(db))
        assert [worker.wait(60) for worker in workers] == [0, 0]
    finally:
        stop(workers)
    run = query(db, "select status, fetched, unchanged, new, changed, facts_added from crawl_runs where command = ?",
                "refresh")
    assert run == [("ok", len(paths), len(paths), 0, 0, 0)]
    assert content(db) == content(single_db)


def test_a_worker_refuses_a_crawl_announced_with_other_arguments_without_a_traceback(redis_url):
    announce(redis_url, ["http://127.0.0.1:9/index.html"], None, max_pages=5)
    refused = subprocess.run([KB, "crawl", "--redis", redis_url, "--start-url", "http://127.0.0.1:9/index.html"],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1
    assert "holds another crawl" in refused.stderr and "Traceback" not in refused.stderr
    assert SharedCrawl.from_url(redis_url).announced().args["max_pages"] == 5


def test_a_worker_refuses_a_db_it_would_not_write(redis_url, tmp_path):
    refused = subprocess.run([KB, "crawl", "--redis", redis_url, "--db", str(tmp_path / "kb.db"), "--start-url",
                              "http://127.0.0.1:9/index.html"], capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and "kb ingest" in refused.stderr
    assert SharedCrawl.from_url(redis_url).announced() is None and not (tmp_path / "kb.db").exists()


def test_a_shared_crawl_stops_at_its_page_limit_counted_over_all_workers(big_site, redis_url, tmp_path):
    base, _ = big_site
    db = tmp_path / "kb.db"
    workers = start_workers(2, tmp_path, "crawl", "--redis", redis_url, "--start-url", f"{base}/index.html",
                            "--max-pages", "60")
    try:
        kb("ingest", "--redis", redis_url, "--db", str(db))
        assert [worker.wait(60) for worker in workers] == [0, 0]
    finally:
        stop(workers)
    assert query(db, "select count(*) from pages") == [(60,)]
    assert query(db, "select status, fetched from crawl_runs") == [("ok", 60)]
    shared = SharedCrawl.from_url(redis_url)
    assert shared.server.llen(shared.items) == 0  # pages past the limit are not left queued


def test_a_worker_that_has_not_seen_its_run_finish_leaves_nothing_of_it_in_redis(redis_url):
    shared = SharedCrawl.from_url(redis_url)
    shared.publish(RunState(7, False, {}, set(), [("http://127.0.0.1:9/", "127.0.0.1:9", 0)]))
    assert shared.beat("w1", 7, timeout=30)
    shared.idle("w1", 7)
    assert shared.is_quiet(7)
    shared.finish()
    assert not shared.beat("w1", 7, timeout=30)  # the worker's next heartbeat: it stops
    shared.idle("w1", 7)  # and went idle before it stopped
    shared.leave("w1")
    assert shared.server.keys("articles:*") == []


def test_a_run_is_not_quiet_on_the_seeded_mark_of_another_run(redis_url):
    shared = SharedCrawl.from_url(redis_url)
    shared.publish(RunState(7, False, {}, set(), []))
    shared.idle("w1", 7)
    shared.publish(RunState(8, True, {}, set(), []))  # resumed: Redis keeps the run's frontier
    assert not shared.is_quiet(8)
    shared.idle("w1", 7)  # a worker of the earlier run
    assert not shared.is_quiet(8)
    shared.idle("w2", 8)
    assert shared.is_quiet(8)
