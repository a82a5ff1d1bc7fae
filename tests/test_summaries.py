"""The fact tables' summaries: always what counting the facts gives, and what Datasette's facets show."""

from __future__ import annotations

import asyncio
import random
import re
import sqlite3
from pathlib import Path
from urllib.parse import urlencode

import pytest
import sqlite_utils
from datasette.facets import ColumnFacet
from datasette.utils.asgi import Request

from kb.schema import ensure_schema, refresh_statistics, summary_indexes
from kb.serve import load_metadata, make_datasette
from kb.summaries import SUMMARIES, SUMMARIZED, SUMMARY_COLUMNS
from tests.conftest import copy_db, get_json


def counted(conn: sqlite3.Connection, summary) -> list[tuple]:
    """The summary's rows as counting the facts gives them, and as the summary holds them."""
    names = ", ".join(f"[{c}]" for c in summary.columns)
    m = summary.measure
    figures = f", count([{m}]), round(sum([{m}]), 6), min([{m}]), max([{m}])" if m else ""
    truth = conn.execute(f"select {names}, retracted_at is null, count(*){figures} from [{summary.table}] "
                         f"group by {names}, retracted_at is null").fetchall()
    held = conn.execute(f"select {names}, current, n{', measured, round(total, 6), lowest, highest' if m else ''} "
                        f"from [{summary.name}]").fetchall()
    return sorted(truth, key=repr), sorted(held, key=repr)


def fetch_html(db: Path, path: str) -> str:
    async def go() -> str:
        return (await make_datasette(str(db)).client.get(path)).text

    return asyncio.run(go())


def test_summaries_hold_what_counting_the_facts_gives_after_every_kind_of_write(kb_copy):
    conn = sqlite3.connect(kb_copy)
    for summary in SUMMARIES:
        truth, held = counted(conn, summary)
        assert truth == held, summary.name
    rng = random.Random(18)
    rowids = {table: [r for (r,) in conn.execute(f"select rowid from [{table}]")] for table in SUMMARY_COLUMNS}
    writes = [
        "update [{t}] set retracted_at = '2030-01-01' where rowid = ?",
        "update [{t}] set retracted_at = null where rowid = ?",
        "update [{t}] set last_seen = '2030-01-02' where rowid = ?",
        "delete from [{t}] where rowid = ?",
        "insert into [{t}] select * from [{t}] where rowid = ? on conflict (id) do update set "
        "retracted_at = null, evidence = excluded.evidence || ' again'",
        "insert into [{t}] (id, page_url, evidence) "
        "select id || '-' || abs(random()), page_url, evidence from [{t}] where rowid = ?",
    ]
    columns = {"wages": ("amount", 1), "outlook": ("value", None), "exams": ("credential", "CPC"),
               "mentions": ("kind", "skill"), "programs": ("online", 1), "requirements": ("type", "exam")}
    with conn:
        for _ in range(400):
            table = rng.choice(sorted(rowids))
            rowid = rng.choice(rowids[table])
            if table in columns and rng.random() < 0.3:
                column, value = columns[table]
                conn.execute(f"update [{table}] set [{column}] = ? where rowid = ?", [value, rowid])
            else:
                conn.execute(rng.choice(writes).format(t=table), [rowid])
    for summary in SUMMARIES:
        truth, held = counted(conn, summary)
        assert truth == held, summary.name


def facet_cases(db: Path) -> list[tuple[str, dict[str, str]]]:
    """Pages of every summarized table and view, with no filter, one, or two, on values the file holds."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    cases = []
    for name, summarized in SUMMARIZED.items():
        columns = SUMMARY_COLUMNS[summarized.table]
        row = conn.execute(f"select {', '.join(columns)} from [{summarized.table}] "
                           f"where {' and '.join(f'{c} is not null' for c in columns[:2])} limit 1").fetchone()
        cases.append((name, {}))
        if row:
            cases += [(name, {c: str(v) for c, v in zip(columns[:n], row, strict=False)}) for n in (1, 2)]
    return cases


def test_facets_counted_from_summaries_equal_counts_of_the_rows(demo_db):
    conn = sqlite3.connect(f"file:{demo_db}?mode=ro", uri=True)
    checked = 0
    for name, filters in facet_cases(demo_db):
        summarized = SUMMARIZED[name]
        facets = [*SUMMARY_COLUMNS[summarized.table], *summarized.computed]
        query = urlencode([*filters.items(), *(("_facet", c) for c in facets)])
        shown = get_json(demo_db, f"/kb/{name}.json?_size=1&{query}")
        where = " and ".join(f"[{c}] = ?" for c in filters) or "1"
        assert shown["filtered_table_rows_count"] == conn.execute(
            f"select count(*) from [{name}] where {where}", list(filters.values())).fetchone()[0]
        for facet in (f for f in shown["facet_results"].values() if f["type"] == "column"):
            column = facet["name"]
            expected = conn.execute(f"select [{column}], count(*) from [{name}] where {where} "
                                    f"and [{column}] is not null group by 1 order by 2 desc, 1 limit 30",
                                    list(filters.values())).fetchall()
            assert [(v["value"], v["count"]) for v in facet["results"]] == expected, (name, filters, column)
            checked += 1
    assert checked > 100


def test_facets_and_the_row_count_are_read_from_the_summary(kb_copy):
    before = get_json(kb_copy, "/kb/wages.json?_size=1&statistic=median")
    with sqlite3.connect(kb_copy) as conn:
        conn.execute("update wages_counts set n = n * 10")
    after = get_json(kb_copy, "/kb/wages.json?_size=1&statistic=median")
    assert after["filtered_table_rows_count"] == before["filtered_table_rows_count"] * 10
    for name, facet in before["facet_results"].items():
        tenfold = [v["count"] for v in after["facet_results"][name]["results"]]
        assert [v["count"] * 10 for v in facet["results"]] == tenfold, name


def test_a_fact_written_is_counted_on_the_next_request(kb_copy):
    path = "/kb/current_wages.json?_size=1&attributed_to=BLS&_facet=statistic"
    before = get_json(kb_copy, path)
    with sqlite3.connect(kb_copy) as conn:
        page = conn.execute("select url from pages limit 1").fetchone()[0]
        conn.execute("insert into wages (id, page_url, statistic, amount, period, attributed_to, evidence) "
                     "values ('written', ?, 'p90', 99999, 'annual', 'BLS', 'A new figure.')", [page])
    added = get_json(kb_copy, path)
    assert added["filtered_table_rows_count"] == before["filtered_table_rows_count"] + 1
    assert {"value": "p90", "count": 1} in [{k: v[k] for k in ("value", "count")}
                                            for v in added["facet_results"]["statistic"]["results"]]
    with sqlite3.connect(kb_copy) as conn:
        conn.execute("update wages set retracted_at = '2030-01-01' where id = 'written'")
    retracted = get_json(kb_copy, path)
    assert retracted["filtered_table_rows_count"] == before["filtered_table_rows_count"]
    assert "p90" not in [v["value"] for v in retracted["facet_results"]["statistic"]["results"]]


def grow(db: Path, rows: int, word: str, prefix: str = "grown", as_of: str = "2024") -> None:
    """Add ``rows`` wage facts saying ``word``, skewed as real facts are: most are one source's medians."""
    with sqlite3.connect(db) as conn:
        page = conn.execute("select url from pages limit 1").fetchone()[0]
        conn.execute(
            "insert into wages (id, page_url, statistic, amount, period, attributed_to, as_of, evidence) "
            "with recursive n(i) as (select 1 union all select i + 1 from n where i < ?) "
            "select ? || '-' || i, ?, case when i % 10 = 0 then 'mean' else 'median' end, 40000 + i % 997, "
            "'annual', case when i % 10 = 0 then 'AAPC' else 'BLS' end, ?, ? || ' figure ' || i from n",
            [rows, prefix, page, as_of, word])


def test_a_page_with_too_many_rows_to_facet_quickly_reports_its_facets_as_timed_out(kb_copy):
    grow(kb_copy, 25_000, "quokka")
    many = get_json(kb_copy, "/kb/wages.json?_size=1&_search=quokka")
    assert many["filtered_table_rows_count"] == 25_000
    assert many["facet_results"] == {}
    html = fetch_html(kb_copy, "/kb/wages?_search=quokka")
    timed_out = re.search(r'<p class="facets-timed-out">These facets timed out: (.*?)</p>', html).group(1)
    assert set(timed_out.split(", ")) == {"attributed_to", "statistic", "period", "as_of", "occupation_code",
                                          "occupation"}
    few = get_json(kb_copy, "/kb/wages.json?_size=1&_search=" + "%22quokka figure 17%22")
    assert few["filtered_table_rows_count"] == 1
    assert few["facet_results"]["statistic"]["results"][0]["count"] == 1


def test_statistics_steer_a_filtered_sorted_page_to_read_an_index_in_order(kb_copy):
    grow(kb_copy, 5_000, "figure")
    db = sqlite_utils.Database(kb_copy)
    ensure_schema(db)  # a writer opening the file gathers statistics for the grown table
    stats = dict(db.execute("select idx, stat from sqlite_stat1 where tbl = 'wages'").fetchall())
    led_by_statistic = "idx_wages_" + "_".join(summary_indexes("wages")[1])
    most = db.execute("select max(n) from (select count(*) as n from wages group by statistic)").fetchone()[0]
    assert stats[led_by_statistic].split()[1] == str(most) and stats[led_by_statistic].endswith("noskipscan")
    plan = " ".join(row[3] for row in db.execute(
        "explain query plan select * from current_wages where statistic = 'median' order by amount limit 51"))
    assert "TEMP B-TREE" not in plan and "amount" in plan
    db.execute("update sqlite_stat1 set stat = stat || ' unchanged' where idx = ?", [led_by_statistic])
    refresh_statistics(db)  # nothing has doubled since: the statistics are left as they are
    assert db.execute("select stat from sqlite_stat1 where idx = ?", [led_by_statistic]).fetchone()[0].endswith(
        " unchanged")


@pytest.mark.parametrize("table", sorted(SUMMARY_COLUMNS))
def test_every_sortable_column_leads_an_index(demo_db, table):
    metadata = load_metadata(str(demo_db))["databases"]["kb"]["tables"]
    leading = {index.columns[0] for index in sqlite_utils.Database(demo_db)[table].indexes}
    for name, summarized in SUMMARIZED.items():
        if summarized.table == table:
            assert set(metadata[name]["sortable_columns"]) <= leading, name
            default = metadata[name].get("sort") or metadata[name].get("sort_desc")
            assert default is None or default in metadata[name]["sortable_columns"], name


@pytest.mark.parametrize("path", ["/kb/wages.json?statistic=median&_facet=qualifier",
                                  "/kb/current_wages.json?attributed_to=BLS&statistic=median",
                                  "/kb/wage_claims.json?_facet=statistic&statistic=mean"])
def test_facets_from_a_summary_are_what_datasette_gives_without_one(demo_db, tmp_path, path):
    """Values, counts, labels, toggle links and all: the same answer as Datasette's own counting."""
    bare = copy_db(demo_db, tmp_path / "kb.db")
    with sqlite3.connect(bare) as conn:
        conn.execute("drop table wages_counts")  # as in a file no kb writer has opened since summaries were added
    summarized, counted = get_json(demo_db, path)["facet_results"], get_json(bare, path)["facet_results"]
    assert summarized and summarized == counted


def test_facets_counted_from_the_rows_in_one_query_are_what_datasettes_own_facet_counts(demo_db):
    """A page no summary holds (a range filter, a facet by page): all its facets counted in one query, as Datasette's
    column facet counts each (values, counts, labels, toggle links)."""
    path = "/kb/wages.json?amount__gt=20000&_facet=page_url&_facet=qualifier&_size=1"
    ours = get_json(demo_db, path)

    async def datasettes() -> dict:
        datasette = make_datasette(str(demo_db))
        facet = ColumnFacet(datasette, Request.fake(path), "kb", sql='select * from wages where "amount" > :p0',
                            params={"p0": "20000"}, table="wages", metadata=datasette.table_metadata("kb", "wages"),
                            row_count=ours["filtered_table_rows_count"])
        results, timed_out = await facet.facet_results()
        assert timed_out == []
        return {result["name"]: result for result in results}

    theirs = asyncio.run(datasettes())
    assert {"attributed_to", "statistic", "occupation_code", "page_url", "qualifier"} <= set(theirs)
    assert ours["facet_results"] == theirs
