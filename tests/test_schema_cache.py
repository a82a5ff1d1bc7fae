"""kb serve looks the schema up once for each state of the file, and sees a changed schema on the next request."""

from __future__ import annotations

import asyncio
import sqlite3

from kb.serve import make_datasette


def test_a_schema_changed_by_a_write_is_seen_on_the_next_request(kb_copy):
    datasette = make_datasette(str(kb_copy))

    async def tables() -> set[str]:
        return {t["name"] for t in (await datasette.client.get("/kb.json")).json()["tables"]}

    async def columns(table: str) -> list[str]:
        return (await datasette.client.get(f"/kb/{table}.json?_size=1")).json()["columns"]

    before = asyncio.run(tables())
    assert "wages" in before and "quokkas" not in before
    assert "note" not in asyncio.run(columns("credentials"))
    with sqlite3.connect(kb_copy) as conn:
        conn.execute("create table quokkas (name text primary key)")
        conn.execute("alter table credentials add column note text")
    assert asyncio.run(tables()) == before | {"quokkas"}
    assert asyncio.run(columns("credentials"))[-1] == "note"


def test_each_page_gets_its_own_copy_of_a_schema_answer(kb_copy):
    database = make_datasette(str(kb_copy)).get_database("kb")
    first = asyncio.run(database.table_columns("wages"))
    first.append("changed by a caller")
    assert "changed by a caller" not in asyncio.run(database.table_columns("wages"))
