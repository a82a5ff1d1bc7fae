"""Repeated reads come from memory; any write to the file empties the cache."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from kb.serve import make_datasette


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


def test_requests_with_cookies_are_never_cached(kb_copy: Path):
    async def scenario() -> list[str | None]:
        ds = make_datasette(str(kb_copy))
        responses = [await ds.client.get("/kb/pages.json", cookies={"ds_actor": "x"}) for _ in range(2)]
        return [r.headers.get("x-kb-cache") for r in responses]

    assert asyncio.run(scenario()) == [None, None]
