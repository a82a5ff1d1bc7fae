"""What ``kb serve`` publishes besides tables: home page, search, dashboards, and nothing writable."""

from __future__ import annotations

import asyncio
import json
import os
import re
import sqlite3
import subprocess
import time
from pathlib import Path

import httpx
import pytest
import sqlite_utils
import yaml

from bench.measure import process_tree, tree_cpu_seconds
from kb.schema import FACT_COLUMNS, INDEXED_COLUMNS
from kb.serve import DASHBOARDS, METADATA, SETTINGS, datasette_command, load_metadata, make_datasette
from kb.sitehost import free_port, wait_for_http


def fetch(db: Path, path: str, method: str = "GET", **kwargs) -> httpx.Response:
    async def go() -> httpx.Response:
        client = make_datasette(str(db)).client
        return await (client.post(path, **kwargs) if method == "POST" else client.get(path, **kwargs))

    return asyncio.run(go())


def test_home_page_says_how_fresh_the_file_is_and_where_to_start(demo_db):
    with sqlite3.connect(demo_db) as conn:
        run_id, finished = conn.execute("select id, finished_at from crawl_runs order by id desc limit 1").fetchone()
    queries = list(load_metadata(str(demo_db))["databases"]["kb"]["queries"])
    html = fetch(demo_db, "/").text
    freshness = re.search(r'<div class="kb-fresh" id="kb-freshness">(.*?)</div>', html, re.S).group(1)
    assert f"run {run_id}" in freshness and finished in freshness
    for name in queries:
        assert f'href="/kb/{name}"' in html, name
    assert 'href="/-/dashboards/careers"' in html
    assert 'action="/-/search"' in html


def test_home_page_counts_current_facts_only(kb_copy):
    with sqlite3.connect(kb_copy) as conn:
        total = conn.execute("select count(*) from wages").fetchone()[0]
        conn.execute("update wages set retracted_at = '2030-01-01' where rowid in (select rowid from wages limit 2)")
    html = fetch(kb_copy, "/").text
    assert re.search(rf'>wages</a></td>\s*<td>{total - 2:,}</td>', html)


def test_search_all_covers_pages_and_the_evidence_of_every_fact_table(demo_db):
    html = fetch(demo_db, "/-/search?q=fee").text
    listed = json.loads(re.search(r"var searchable_tables = (\[.*?\]);", html, re.S).group(1))
    assert {t["table"] for t in listed} >= {"pages", *FACT_COLUMNS}
    found = fetch(demo_db, "/kb/exams.json?_search=fee&_shape=objects").json()["rows"]
    assert found and all("fee" in row["evidence"].lower() for row in found)


@pytest.mark.parametrize("path", ["/kb/wages", "/kb/pages", "/kb"])
def test_every_page_links_to_search_all_tables(demo_db, path):
    assert '<li><a href="/-/search">Search all tables</a></li>' in fetch(demo_db, path).text


def test_evidence_search_follows_inserts_and_updates(kb_copy):
    db = sqlite_utils.Database(kb_copy)
    page = db.execute("select url from pages limit 1").fetchone()[0]
    db["mentions"].insert({"id": "x1", "page_url": page, "kind": "skill", "name": "x", "evidence": "quokka ledger"})
    assert [r["id"] for r in fetch(kb_copy, "/kb/mentions.json?_search=quokka&_shape=objects").json()["rows"]] == ["x1"]
    db["mentions"].update("x1", {"evidence": "wombat ledger"})
    db.close()
    assert fetch(kb_copy, "/kb/mentions.json?_search=quokka&_shape=objects").json()["rows"] == []
    assert len(fetch(kb_copy, "/kb/mentions.json?_search=wombat&_shape=objects").json()["rows"]) == 1


def test_every_chart_query_returns_rows_on_the_demo_database(demo_db):
    for dashboard in yaml.safe_load(DASHBOARDS.read_text(encoding="utf-8")).values():
        defaults = {key: f["default"] for key, f in dashboard.get("filters", {}).items() if "default" in f}
        for slug, chart in dashboard["charts"].items():
            if chart["library"] == "markdown":
                continue
            sql = re.sub(r"\[\[.*?\]\]", "", chart["query"], flags=re.S)  # as opened: optional filters unset
            response = fetch(demo_db, "/kb.json", params={"sql": sql, "_shape": "objects", **defaults})
            assert response.status_code == 200 and response.json()["rows"], slug
    page = fetch(demo_db, "/-/dashboards/careers")
    assert page.status_code == 200 and "renderChart('wages-over-time'" in page.text
    page = fetch(demo_db, "/-/dashboards/occupation?soc=29-2072+Medical+Records+Specialists")
    assert page.status_code == 200 and "renderChart('median-wage-over-years'" in page.text


def test_no_write_path_is_published(kb_copy):
    before = sqlite3.connect(kb_copy).execute("select count(*) from pages").fetchone()[0]
    for sql in ("delete from pages", "insert into crawl_runs (command) values ('x')", "drop table wages"):
        response = fetch(kb_copy, "/kb.json", params={"sql": sql})
        assert response.status_code == 400, sql
    for path in ("/kb/wage_claims_by_source_and_year", "/kb", "/-/messages", "/kb/pages"):
        assert fetch(kb_copy, path, method="POST", data={"sql": "delete from pages"}).status_code == 405, path
    assert sqlite3.connect(kb_copy).execute("select count(*) from pages").fetchone()[0] == before
    assert not any(query.get("write") for query in load_metadata(str(kb_copy))["databases"]["kb"]["queries"].values())
    plugins = {p["name"] for p in fetch(kb_copy, "/-/plugins.json").json()}
    assert {"datasette_search_all", "datasette-dashboards", "home.py", "read_only.py"} <= plugins


def test_every_facet_column_of_a_table_is_indexed(demo_db):
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))["database"]["tables"]
    db = sqlite_utils.Database(demo_db)
    for table in ["pages", *FACT_COLUMNS]:
        indexed = {index.columns[0] for index in db[table].indexes}
        facets = [f for f in metadata[table].get("facets", []) if isinstance(f, str)]
        assert set(facets) <= indexed, (table, set(facets) - indexed)
        assert set(INDEXED_COLUMNS.get(table, ())) <= indexed
        assert "page_url" in indexed or table == "pages"


def test_serve_command_serves_the_embedded_instance_from_a_process_per_core(demo_db):
    """kb serve and make_datasette (what the tests use) share metadata, settings, templates and plugins."""
    port = free_port()
    server = subprocess.Popen(datasette_command(str(demo_db), port=port), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_http(f"{base}/-/versions.json")
        served = {path: httpx.get(base + path).json() for path in ("/-/metadata.json", "/-/settings.json")}
        workers = [p for p in process_tree(server.pid) if p != server.pid]
    finally:
        server.terminate()
        server.wait()
    embedded = {path: fetch(demo_db, path).json() for path in served}
    assert served == embedded
    assert served["/-/settings.json"] == {**served["/-/settings.json"], **SETTINGS}
    assert len(workers) >= (2 if (os.cpu_count() or 1) > 1 else 0)


@pytest.mark.parametrize("workers", [1, 2])
def test_with_several_processes_each_answer_closes_its_connection_so_any_free_process_takes_the_next(demo_db,
                                                                                                    workers):
    port = free_port()
    server = subprocess.Popen([*datasette_command(str(demo_db), port=port), "--workers", str(workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        started = 0
        for line in server.stderr:  # uvicorn says so once a process has made its Datasette instance
            started += "Application startup complete" in line
            if started == workers:
                break
        processes = [p for p in process_tree(server.pid) if b"spawn_main" in Path(f"/proc/{p}/cmdline").read_bytes()]
        processes = processes or [server.pid]  # one worker serves from the server's own process
        before = {p: tree_cpu_seconds(p) for p in processes}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:  # keeps its connection alive if it may
            answers = [client.get(f"/kb/wages?_size={size}") for size in range(1, 41)]  # each a page not cached
        used = [tree_cpu_seconds(p) - before[p] for p in processes]
    finally:
        server.terminate()
        server.wait()
    assert {a.status_code for a in answers} == {200}
    assert {a.headers.get("connection") for a in answers} == ({"close"} if workers > 1 else {None})
    assert len(used) == workers and min(used) > 0.1 * sum(used)


def test_every_table_and_view_page_renders_with_its_configured_facets(demo_db):
    listing = fetch(demo_db, "/kb.json").json()
    names = [t["name"] for t in listing["tables"] if not t["hidden"]] + [v["name"] for v in listing["views"]]
    assert "current_wages" in names and "wage_claims" in names
    for name in names:
        response = fetch(demo_db, f"/kb/{name}.json?_size=1")
        assert response.status_code == 200, (name, response.text[:300])
        configured = load_metadata(str(demo_db))["databases"]["kb"]["tables"].get(name, {}).get("facets", [])
        shown = set(response.json().get("facet_results", {}))
        expected = {f if isinstance(f, str) else f["array"] for f in configured}
        assert expected <= shown, (name, expected - shown)


def test_a_slow_query_is_cut_off_while_other_pages_answer(demo_db):
    endless = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"

    async def timed(client: httpx.AsyncClient, path: str, **params: str) -> tuple[httpx.Response, float]:
        began = time.perf_counter()
        response = await client.get(path, params=params)
        return response, time.perf_counter() - began

    async def scenario() -> list[tuple[httpx.Response, float]]:
        client = make_datasette(str(demo_db)).client
        slow = asyncio.ensure_future(timed(client, "/kb.json", sql=endless))
        await asyncio.sleep(0.2)  # the endless query holds a database thread from now on
        pages = [await timed(client, path) for path in ("/kb/wages", "/kb/current_wages?statistic=median", "/kb")]
        return [await slow, *pages]

    (slow, slow_took), *pages = asyncio.run(scenario())
    limit = SETTINGS["sql_time_limit_ms"] / 1000
    assert slow.status_code == 400 and "took too long" in slow.text
    assert limit <= slow_took < limit + 5
    assert all(response.status_code == 200 and took < limit for response, took in pages)


def test_a_query_page_shows_its_first_hundred_rows_and_its_json_and_csv_give_them_all(demo_db):
    sql = "with recursive n(i) as (select 1 union all select i + 1 from n where i < 150) select i from n"
    html = fetch(demo_db, "/kb", params={"sql": sql}).text
    assert len(re.findall(r'<td class="col-i">', html)) == 100
    assert ("This page shows the first 100 of the 150 rows the query returns; its JSON and CSV links give all 150."
            in html)
    assert len(fetch(demo_db, "/kb.json", params={"sql": sql, "_shape": "array"}).json()) == 150
    assert fetch(demo_db, "/kb.csv", params={"sql": sql}).text.splitlines()[1:] == [str(i) for i in range(1, 151)]
    few = fetch(demo_db, "/kb", params={"sql": "select 1 as i"}).text
    assert len(re.findall(r'<td class="col-i">', few)) == 1 and "This page shows the first" not in few


def test_no_column_is_rendered_as_markdown(demo_db):
    html = fetch(demo_db, "/kb", params={"sql": "select '**bold** [link](https://example.com)' as note_markdown"}).text
    assert "**bold** [link](https://example.com)" in html
    assert "<strong>" not in html


def test_a_table_s_allow_block_in_the_metadata_still_governs_who_sees_it(demo_db):
    """kb serve's metadata reaches Datasette through get_metadata (kb/plugins/metadata.py), whose answer for the
    key "tables" holds only each table's allow and facet_size: a table denied there stays denied."""
    from kb.serve import SERVED_METADATA

    async def go() -> dict[str, int]:
        datasette = make_datasette(str(demo_db))
        tables = SERVED_METADATA[datasette]["databases"]["kb"]["tables"]
        tables["exams"]["allow"] = {"id": "nobody"}
        tables["wages"]["facet_size"] = 2
        paths = ("/kb/exams", "/kb/exams.json", "/kb/pages", "/kb/wages.json?_facet=statistic")
        answers = {path: await datasette.client.get(path) for path in paths}
        assert "Pay figures as pages state them" in (await datasette.client.get("/kb/wages")).text
        assert len(answers["/kb/wages.json?_facet=statistic"].json()["facet_results"]["statistic"]["results"]) <= 2
        return {path: response.status_code for path, response in answers.items()}

    assert asyncio.run(go()) == {"/kb/exams": 403, "/kb/exams.json": 403, "/kb/pages": 200,
                                 "/kb/wages.json?_facet=statistic": 200}
