"""The count above a table page, as kb serve gives it: from a summary, from the full-text index, or left out."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from kb import counts, serve
from kb.serve import make_datasette
from tests.conftest import get_json
from tests.test_summaries import grow


def trace(db: Path, path: str) -> tuple[dict, list[str]]:
    """A JSON page and the SQL Datasette ran for it (``?_trace=1``, on with Datasette's trace_debug setting)."""
    async def fetch() -> dict:
        response = await make_datasette(str(db)).client.get(path + "&_trace=1")
        assert response.status_code == 200, response.text[:500]
        return response.json()

    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(serve.SETTINGS, "trace_debug", True)
        page = asyncio.run(fetch())
    return page, [t["sql"] for t in page["_trace"]["traces"] if t.get("type") == "sql"]


@pytest.mark.parametrize("path, where, params", [
    ("/kb/wages.json?statistic=median", "statistic = ?", ["median"]),
    ("/kb/current_wages.json?period=annual&attributed_to=BLS", "period = ? and attributed_to = ?", ["annual", "BLS"]),
    ("/kb/wage_claims.json?as_of_year=2024", "as_of_year = 2024", []),
    ("/kb/current_exams.json?credential=CPC", "credential = ?", ["CPC"]),
    ("/kb/wages.json?as_of__startswith=2024", "as_of like ?", ["2024%"]),
    ("/kb/current_wages.json?as_of__gte=2023&as_of__lt=2025&statistic__not=median", "as_of >= ? and as_of < ? "
     "and statistic != ?", ["2023", "2025", "median"]),
    ("/kb/wages.json?qualifier__isnull=1&attributed_to__contains=bl", "qualifier is null and attributed_to like ?",
     ["%bl%"]),
    ("/kb/wage_claims.json?as_of_year__gt=2022", "as_of_year > 2022", []),
])
def test_a_filtered_page_is_counted_from_its_summary_and_the_count_is_the_rows(kb_copy, path, where, params):
    page, sql = trace(kb_copy, path + "&_size=1")
    table = path.split("/")[2].split(".")[0]
    with sqlite3.connect(kb_copy) as conn:
        expected = conn.execute(f"select count(*) from [{table}] where {where}", params).fetchone()[0]
    assert page["filtered_table_rows_count"] == expected
    assert any("_counts]" in s and "sum(n)" in s for s in sql)
    assert not any(s.startswith(f"select count(*) from {table} ") for s in sql)  # the page's own count


def test_a_count_from_the_summary_follows_each_write_on_the_next_request(kb_copy):
    path = "/kb/current_wages.json?_size=1&statistic=median&period=annual"
    where = "statistic = 'median' and period = 'annual'"
    before = get_json(kb_copy, path)["filtered_table_rows_count"]
    conn = sqlite3.connect(kb_copy, isolation_level=None)
    page = conn.execute("select url from pages limit 1").fetchone()[0]
    conn.execute("insert into wages (id, page_url, statistic, amount, period, evidence) "
                 "values ('new-1', ?, 'median', 41000, 'annual', 'A new figure.')", [page])
    assert get_json(kb_copy, path)["filtered_table_rows_count"] == before + 1
    conn.execute(f"update wages set retracted_at = '2030-01-01' where rowid in "
                 f"(select rowid from wages where {where} limit 2)")
    truth = conn.execute(f"select count(*) from current_wages where {where}").fetchone()[0]
    assert get_json(kb_copy, path)["filtered_table_rows_count"] == truth == before - 1


def test_a_count_no_summary_holds_is_left_out_when_slow_and_the_page_says_so(kb_copy, monkeypatch):
    grow(kb_copy, 25_000, "figure")
    monkeypatch.setattr(counts, "COUNT_TIME_LIMIT_MS", 1)
    page = get_json(kb_copy, "/kb/wages.json?amount__gt=0&_size=3")
    assert page["filtered_table_rows_count"] is None
    assert len(page["rows"]) == 3
    html = asyncio.run(make_datasette(str(kb_copy)).client.get("/kb/wages?amount__gt=0")).text
    assert "Not counted: more rows match than can be counted quickly." in html
    monkeypatch.setattr(counts, "COUNT_TIME_LIMIT_MS", 10_000)
    with sqlite3.connect(kb_copy) as conn:
        expected = conn.execute("select count(*) from wages where amount > 0").fetchone()[0]
    assert get_json(kb_copy, "/kb/wages.json?amount__gt=0&_size=1")["filtered_table_rows_count"] == expected


@pytest.mark.parametrize("sql, parsed", [
    ("select count(*) from wages ", ("wages", [])),
    ('select count(*) from [current_wages] where "period" = :p0 ', ("current_wages", ['"period" = :p0'])),
    ("select count(*) from wages where a = 1 and exists (select 1 from f where f match :q and rowid = wages.rowid) ",
     ("wages", ["a = 1", "exists (select 1 from f where f match :q and rowid = wages.rowid)"])),
    ("select count(*) from [current_wages]", ("current_wages", [])),
    ("select count(*) from wages where 1", ("wages", ["1"])),
    ("select count(*), 1 from wages ", None),
])
def test_a_page_count_is_read_as_its_table_and_conditions(sql, parsed):
    assert counts.page_count(sql) == parsed


def test_a_row_page_counts_its_linking_facts_from_the_summaries_and_the_counts_are_the_rows(kb_copy):
    with sqlite3.connect(kb_copy) as conn:
        code = conn.execute("select occupation_code from wages where occupation_code is not null "
                            "group by 1 order by count(*) desc limit 1").fetchone()[0]
        conn.execute("update wages set retracted_at = '2030-01-01' where rowid in "
                     "(select rowid from wages where occupation_code = ? limit 1)", [code])  # retracted ones count
    page, sql = trace(kb_copy, f"/kb/occupations/{code}.json?_extras=foreign_key_tables")
    counted = {(fk["other_table"], fk["other_column"]): fk["count"] for fk in page["foreign_key_tables"]}
    with sqlite3.connect(kb_copy) as conn:
        for table in ("wages", "outlook"):
            expected = conn.execute(f"select count(*) from {table} where occupation_code = ?", [code]).fetchone()[0]
            assert counted[(table, "occupation_code")] == expected
    assert counted[("wages", "occupation_code")] > 0
    linking = next(s for s in sql if s.startswith("select (select count(*)"))
    assert "from [wages_counts] where [occupation_code] = :id" in linking
    assert "from wages where" not in linking
