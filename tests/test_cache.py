"""Repeated reads come from memory; any write to the file empties the cache."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from kb.serve import make_datasette
from kb.sitehost import free_port, wait_for_http


def test_repeated_read_is_served_from_cache_until_the_file_changes(kb_copy: Path):
    async def scenario() -> list[tuple[str, int]]:
        ds = make_datasette(str(kb_copy))
        path = "/kb/pages.json?_shape=array&_col=title&_size=max"
        await ds.client.get("/kb.json")  # opening the file creates its write-ahead log: a change of state
        seen = []
        for step in ("first", "again", "after write"):
            if step == "after write":
                with sqlite3.connect(kb_copy) as conn:
                    conn.execute("update pages set title = 'Retitled' where rowid = 1")
            response = await ds.client.get(path)
            titles = [row["title"] for row in response.json()]
            seen.append((response.headers["x-kb-cache"], titles.count("Retitled")))
        return seen

    assert asyncio.run(scenario()) == [("miss", 0), ("hit", 0), ("miss", 1)]


@pytest.mark.parametrize("credentials", [{"cookies": {"ds_actor": "x"}}, {"headers": {"Authorization": "Bearer x"}}])
def test_requests_with_credentials_are_never_cached(kb_copy: Path, credentials: dict):
    async def scenario() -> list[str | None]:
        ds = make_datasette(str(kb_copy))
        responses = [await ds.client.get("/kb/pages.json", **credentials) for _ in range(2)]
        return [r.headers.get("x-kb-cache") for r in responses]

    assert asyncio.run(scenario()) == [None, None]


FORGED = {"Host": "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https",
          "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Port": "443"}


@pytest.mark.parametrize("path", ["/kb/wages?_size=1", "/kb/wages.json?_size=1"])
def test_an_answer_to_a_forged_host_never_reaches_an_ordinary_visitor(kb_copy: Path, path: str):
    port = free_port()
    # one worker, so that the forged request and the ordinary ones share one cache
    server = subprocess.Popen([sys.executable, "-m", "kb.serve", str(kb_copy), "--port", str(port), "--workers", "1"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/-/versions.json")
        forged = httpx.get(base + path, headers=FORGED)
        assert "https://evil.example/kb/wages" in forged.text + forged.headers["link"]  # what it would poison
        ordinary = [httpx.get(base + path) for _ in range(2)]
    finally:
        server.terminate()
        server.wait()
    for response in ordinary:
        seen = response.text + str(response.headers)
        assert "evil.example" not in seen and f"https://127.0.0.1:{port}" not in seen
        assert f"http://127.0.0.1:{port}/kb/wages" in seen
    assert [r.headers["x-kb-cache"] for r in ordinary] == ["miss", "hit"]
