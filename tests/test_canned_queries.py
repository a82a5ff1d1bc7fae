"""The canned queries, run through Datasette's JSON API as ``kb serve`` configures it."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
import yaml

from kb.serve import QUERIES, make_datasette
from tests.conftest import copy_db
from tests.occupation_facts import url, write_comparison_db

QUERY_NAMES = list(yaml.safe_load(QUERIES.read_text(encoding="utf-8")))


def get(db: Path, path: str, **params: str) -> dict:
    async def fetch() -> dict:
        response = await make_datasette(str(db)).client.get(path, params=params)
        assert response.status_code == 200, response.text[:800]
        return response.json()

    return asyncio.run(fetch())


def run_query(db: Path, name: str, **params: str) -> list[dict]:
    data = get(db, f"/kb/{name}.json", _shape="objects", **params)
    return data["rows"]


def busiest_page(db: Path) -> str:
    return run_query(db, "facts_per_page")[0]["url"]


def sensible_params(db: Path, name: str) -> dict[str, str]:
    """Values a first-time visitor would type into the queries that need one; the others run with none."""
    if name == "credential_profile":
        return {"code": "CPC"}
    if name in ("occupation_profile", "median_wage_over_years", "latest_median_wage_per_source"):
        return {"soc": "29-2072"}
    if name == "facts_of_page":
        return {"url": busiest_page(db)}
    return {}


def test_at_least_eight_canned_queries_are_served_each_titled_and_described(demo_db):
    queries = {q["name"]: q for q in get(demo_db, "/kb.json")["queries"]}
    assert set(queries) == set(QUERY_NAMES)
    assert len(queries) >= 8
    for name, query in queries.items():
        assert query["title"] and query["description"], name


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_canned_query_returns_rows_on_the_demo_database(demo_db, name):
    rows = run_query(demo_db, name, **sensible_params(demo_db, name))
    assert rows, name


def test_credential_profile_keeps_to_the_credential_asked_for(demo_db):
    rows = run_query(demo_db, "credential_profile", code="cpc")
    assert {row["kind"] for row in rows} == {"registry", "requirement", "exam", "wage", "program", "mention"}
    assert {row["credential"] for row in rows} == {"CPC"}
    assert all(row["evidence"] for row in rows if row["kind"] != "registry")


def test_programs_filter_by_accreditor_and_delivery(demo_db):
    everything = run_query(demo_db, "programs_compared")
    chosen = run_query(demo_db, "programs_compared", accreditor="hlc", online="1")
    assert 0 < len(chosen) < len(everything)
    assert all('"HLC"' in row["accreditors"] and row["delivery"] == "online" for row in chosen)
    costs = [row["cost_usd"] for row in everything if row["cost_usd"] is not None]
    assert costs == sorted(costs)


def test_disagreements_list_a_fee_stated_two_ways_and_not_one_stated_alike(kb_copy):
    page = busiest_page(kb_copy)
    with sqlite3.connect(kb_copy) as conn:
        conn.executemany(
            "insert into exams (id, page_url, credential, attribute, value, unit, qualifier, evidence, first_seen) "
            "values (?, ?, 'ZZQ', 'fee', ?, 'USD', ?, 'made up for the test', '2000-01-01')",
            [("t1", page, 100, "member"), ("t2", page, 150, "member"), ("t3", page, 90, "student"),
             ("t4", page, 90, "student")],
        )
    subjects = {row["subject"]: row for row in run_query(kb_copy, "disagreements")}
    assert (subjects["ZZQ (member)"]["values_stated"], subjects["ZZQ (member)"]["sources"]) == ("100,150", 1)
    assert "ZZQ (student)" not in subjects


def test_issuer_attribution_singles_out_a_page_that_names_another_issuer(kb_copy):
    page = busiest_page(kb_copy)
    with sqlite3.connect(kb_copy) as conn:
        conn.execute("insert or replace into credentials (code, name, issuer) values ('ZZQ', 'Test', 'AAPC')")
        conn.execute(
            "insert into credential_mentions (id, page_url, code, issuer, evidence, first_seen) "
            "values ('m1', ?, 'ZZQ', 'AHIMA', 'ZZQ, offered by AHIMA', '2000-01-01')",
            [page],
        )
    rows = run_query(kb_copy, "issuer_attribution", verdict="differs")
    assert [(r["code"], r["registry_issuer"], r["page_issuer"]) for r in rows if r["code"] == "ZZQ"] == [
        ("ZZQ", "AAPC", "AHIMA")
    ]
    assert {r["verdict"] for r in rows} == {"differs"}
    assert run_query(kb_copy, "issuer_attribution")[0]["verdict"] == "differs"


def test_last_refresh_reports_a_retracted_fact_and_not_older_history(kb_copy):
    with sqlite3.connect(kb_copy) as conn:
        started = conn.execute("select max(started_at) from crawl_runs").fetchone()[0]
        fact = conn.execute("select id, page_url from wages order by id limit 1").fetchone()
        conn.execute("update wages set retracted_at = ? where id = ?", [started, fact[0]])
        conn.execute("update mentions set first_seen = '2000-01-01T00:00:00+00:00'")
    rows = run_query(kb_copy, "changes_in_last_refresh")
    assert rows[0]["what"].startswith("run ")
    assert ("wages", "retracted", fact[1]) in {(r["what"], r["change"], r["page_url"]) for r in rows}
    assert "mentions" not in {r["what"] for r in rows}


def test_facts_of_page_agree_with_facts_per_page(demo_db):
    page = run_query(demo_db, "facts_per_page")[0]
    facts = run_query(demo_db, "facts_of_page", url=page["url"])
    assert len(facts) == page["total"]
    assert all(fact["evidence"] for fact in facts)


# What the canned queries that read summaries count, counted from the facts themselves.
FROM_THE_FACTS = {
    "wage_claims_by_source_and_year": (
        "select coalesce(attributed_to, '(not attributed)') as source,"
        " coalesce(substr(as_of, 1, 4), 'undated') as year, statistic, period, count(*) as claims,"
        " min(amount) as lowest_usd, max(amount) as highest_usd,"
        " round(avg(amount), 2) as average_usd from current_wages"
        " where (:statistic = '' or statistic = :statistic) and (:period = '' or period = :period)"
        " group by 1, 2, 3, 4 order by source, year desc, statistic, period",
        [{"statistic": "", "period": ""}, {"statistic": "median", "period": ""}, {"statistic": "", "period": "annual"}],
    ),
    "facts_per_page": (
        "select p.url, " + ", ".join(f"(select count(*) from current_{t} f where f.page_url = p.url) as {t}"
                                     for t in ("wages", "outlook", "credential_mentions", "requirements", "exams",
                                               "programs", "program_norms", "mentions"))
        + " from pages p where (:site = '' or p.site = :site) order by url",
        [{"site": ""}],
    ),
    "latest_median_wage_per_source": (
        "select soc, s.title as occupation, substr(as_of, 1, 4) as year, attributed_to as source,"
        " min(amount) as median_usd, max(amount) as highest_usd, count(*) as facts, as_of, qualifier, occupation_code"
        " from (select w.*, o.series as soc,"
        " rank() over (partition by o.series, attributed_to order by as_of desc) as recency"
        " from current_wages w join occupations o on o.code = w.occupation_code"
        " where statistic = 'median' and period = 'annual' and as_of is not null and attributed_to is not null)"
        " join occupations s on s.code = soc"
        " where recency = 1 and (:soc = '' or soc = (select series from occupations where code = :soc))"
        " group by soc, source, occupation_code, qualifier"
        " order by soc, source, qualifier is not null, qualifier, occupation_code",
        [{"soc": ""}, {"soc": "29-2071"}],
    ),
    "median_wage_over_years": (
        "select o.series as soc, s.title as occupation, cast(substr(as_of, 1, 4) as integer) as year,"
        " coalesce(attributed_to, '(not attributed)') as source, group_concat(distinct occupation_code) as codes,"
        " count(*) as figures, min(amount) as lowest_usd, max(amount) as highest_usd,"
        " round(avg(amount), 2) as average_usd"
        " from current_wages w join occupations o on o.code = w.occupation_code join occupations s on s.code = o.series"
        " where statistic = 'median' and period = 'annual' and as_of is not null and qualifier is null"
        " and (:soc = '' or o.series = (select series from occupations where code = :soc))"
        " group by 1, 3, 4 order by 1, 3, 4",
        [{"soc": ""}, {"soc": "29-2071"}],
    ),
}


@pytest.mark.parametrize("name", sorted(FROM_THE_FACTS))
def test_queries_read_from_summaries_agree_with_the_facts_after_writes(kb_copy, name):
    with sqlite3.connect(kb_copy) as conn:  # a refresh's kind of writes: a retraction, a new fact, a changed figure
        conn.execute("update wages set retracted_at = '2030-01-01' where rowid = (select min(rowid) from wages)")
        conn.execute("update wages set amount = amount * 2 where rowid = (select max(rowid) from wages)")
        conn.execute("insert into wages (id, page_url, statistic, amount, period, attributed_to, as_of, evidence) "
                     "select 'new', page_url, 'median', 1, 'annual', 'BLS', '2031', 'new' from wages limit 1")
    sql, cases = FROM_THE_FACTS[name]
    conn = sqlite3.connect(kb_copy)
    conn.row_factory = sqlite3.Row
    for params in cases:
        expected = [dict(row) for row in conn.execute(sql, params)]
        served = run_query(kb_copy, name, **params)
        served = [{k: row[k] for k in expected[0]} for row in served]
        if name == "facts_per_page":
            served = sorted(served, key=lambda row: row["url"])
        assert expected and served == expected, params


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small knowledge base of figures about the registry's occupations (tests/occupation_facts.py)."""
    return write_comparison_db(tmp_path_factory.mktemp("comparison") / "kb.db")


def test_latest_median_per_source_gives_each_figure_once_with_the_national_figure_first(comparison):
    rows = [(r["soc"], r["source"], r["year"], r["median_usd"], r["highest_usd"], r["facts"], r["qualifier"],
             r["page_url"]) for r in run_query(comparison, "latest_median_wage_per_source", soc="")]
    assert rows == [
        ("29-2072", "AAPC", "2023", 54000, 54000, 1, None, url("guide-a")),
        ("29-2072", "BLS", "2023", 46660, 48780, 3, None, url("guide-b")),  # three pages, its lowest figure's
        ("29-2072", "BLS", "2023", 44000, 44000, 1, "state: Texas", url("bls-2023")),
        ("43-3021", "BLS", "2023", 45000, 45000, 1, None, url("billers")),
    ]
    one = run_query(comparison, "latest_median_wage_per_source", soc="29-2071")  # a 2010 code: its series
    assert {r["soc"] for r in one} == {"29-2072"} and len(one) == 3


def test_latest_median_per_source_quotes_a_current_fact_of_each_figure(comparison):
    with sqlite3.connect(comparison) as conn:
        stated = set(conn.execute("select page_url, evidence, amount, attributed_to, as_of, qualifier "
                                  "from current_wages where statistic = 'median' and period = 'annual'"))
    for r in run_query(comparison, "latest_median_wage_per_source", soc=""):
        assert (r["page_url"], r["evidence"], r["median_usd"], r["source"], r["as_of"], r["qualifier"]) in stated


@pytest.mark.parametrize("soc", ["29-2071", "29-2072", "29-2072 Medical Records Specialists"])
def test_median_wage_over_years_lines_up_a_2010_code_with_its_2018_successor(comparison, soc):
    rows = [(r["year"], r["source"], r["codes"], r["figures"], r["lowest_usd"], r["highest_usd"])
            for r in run_query(comparison, "median_wage_over_years", soc=soc)]
    assert rows == [
        (2014, "BLS", "29-2071", 1, 34160, 34160),
        (2022, "AAPC", "29-2072", 1, 52000, 52000),
        (2023, "AAPC", "29-2072", 1, 54000, 54000),
        (2023, "BLS", "29-2072", 3, 46660, 48780),  # the Texas figure, the hourly one and the retracted one left out
    ]


def test_disagreements_compare_wages_by_soc_series_and_year_from_the_summary(comparison):
    wages = [r for r in run_query(comparison, "disagreements") if r["quantity"].startswith("wage")]
    assert [(r["quantity"], r["subject"], r["year"], r["sources"], r["facts"], r["lowest"], r["highest"])
            for r in wages] == [
        ("wage median annual", "Medical Records Specialists (29-2072)", "2023", 2, 4, 46660, 54000)]
    assert set(wages[0]["values_stated"].split("; ")) == {"AAPC 54000", "BLS 46660–48780"}


def test_disagreements_read_the_wages_summary_not_the_wages(comparison, tmp_path):
    """A few summary rows per figure however many pages restate it: the query answers without the wages table."""
    before = run_query(comparison, "disagreements")
    bare = copy_db(comparison, tmp_path / "kb.db")
    with sqlite3.connect(bare) as conn:
        conn.execute("drop table wages")
    assert run_query(bare, "disagreements") == before


def test_occupation_profile_gathers_the_series_of_a_code(comparison):
    rows = run_query(comparison, "occupation_profile", soc="29-2071")
    registry = [r for r in rows if r["kind"] == "registry"]
    assert {r["occupation_code"] for r in registry} == {"29-2071", "29-2072", "29-2098"}
    assert "replaced by 29-2072, 29-9021" in next(r["detail"] for r in registry if r["occupation_code"] == "29-2071")
    wages = [r for r in rows if r["kind"] == "wage"]
    with sqlite3.connect(comparison) as conn:
        figures = conn.execute(  # each source's latest date for each statistic, period and qualifier
            "select occupation_code, statistic || ' ' || period, min(amount), count(*) from ("
            " select *, rank() over (partition by occupation_code, statistic, period, attributed_to, qualifier"
            " order by as_of desc) as recency from current_wages where occupation_code in ('29-2071', '29-2072'))"
            " where recency = 1 group by occupation_code, statistic, period, attributed_to, qualifier").fetchall()
        stated = set(conn.execute("select page_url, evidence from current_wages"))
        pages = conn.execute("select count(*) from occupation_pages where code in ('29-2071', '29-2072')").fetchone()[0]
    assert sorted((r["occupation_code"], r["attribute"], r["value"]) for r in wages) == sorted(f[:3] for f in figures)
    assert [r["detail"] for r in wages if r["value"] == 46660] == [
        "BLS 2023-05 (medical coders; code from the statement): 3 facts, up to 48780"]
    assert all((r["page_url"], r["evidence"]) in stated for r in wages)
    kinds = [r["kind"] for r in rows]  # the short parts first, so that a long list of wages hides none of them
    assert list(dict.fromkeys(kinds)) == ["registry", "outlook", "pages", "page", "wage"]
    assert next(r["value"] for r in rows if r["kind"] == "pages") == pages == kinds.count("page") == 5


def test_occupation_profile_lists_the_pages_stating_most_facts_about_it(comparison, tmp_path):
    bigger = copy_db(comparison, tmp_path / "kb.db")
    with sqlite3.connect(bigger) as conn:  # forty more pages, stating one to forty facts about it
        added = [(f"http://127.0.0.1/more-{n}.html", n) for n in range(1, 41)]
        conn.executemany("insert into pages (url, site, title, text) values (?, 'test', 'more', '')",
                         [(u,) for u, _ in added])
        conn.executemany("insert into occupation_pages (code, page_url, n) values ('29-2072', ?, ?)", added)
    pages = [r for r in run_query(bigger, "occupation_profile", soc="29-2072") if r["kind"] == "page"]
    assert len(pages) == 25 and [r["value"] for r in pages] == sorted((r["value"] for r in pages), reverse=True)
    assert pages[0]["value"] == 40


FACT_TABLES = ("wages", "outlook", "credential_mentions", "requirements", "exams", "programs", "program_norms",
               "mentions")


def test_last_refresh_counts_every_change_and_lists_the_first_of_each(kb_copy):
    plain, facts = {}, set()
    with sqlite3.connect(kb_copy) as conn:  # every fact new in the last run, a third of them retracted in it
        started = conn.execute("select max(started_at) from crawl_runs").fetchone()[0]
        for table in FACT_TABLES:
            conn.execute(f"update {table} set first_seen = ?", [started])
            conn.execute(f"update {table} set retracted_at = ? where rowid % 3 = 0", [started])
            plain.update(((table, change), n) for change, n in conn.execute(
                f"select case when retracted_at >= ? then 'retracted' else 'added' end, count(*) from {table}"
                " where first_seen >= ? or retracted_at >= ? group by 1", [started] * 3))
            facts.update((table, *row) for row in conn.execute(f"select page_url, evidence from {table}"))
    rows = [r for r in run_query(kb_copy, "changes_in_last_refresh") if r["what"] in FACT_TABLES]
    counted = {(r["what"], r["change"]): int(r["detail"].split(",")[0]) for r in rows if r["page_url"] is None}
    assert counted == plain and max(plain.values()) > 50
    listed = [(r["what"], r["change"]) for r in rows if r["page_url"]]
    assert {key: listed.count(key) for key in plain} == {key: min(n, 50) for key, n in plain.items()}
    assert all((r["what"], r["page_url"], r["evidence"]) in facts for r in rows if r["page_url"])


@pytest.mark.parametrize(("code", "named"), [("COC", {"COC", "CPC-H"}), ("CPC-H", {"CPC-H"})])
def test_credential_profile_lists_mentions_by_former_codes(comparison, code, named):
    rows = run_query(comparison, "credential_profile", code=code)
    assert {r["credential"] for r in rows if r["kind"] == "mention"} == named
    registry = next(r for r in rows if r["kind"] == "registry")
    if code == "COC":
        assert [(r["credential"], r["attribute"]) for r in rows if r["kind"] == "former code"] == [
            ("CPC-H", "renamed in 2016")]
    else:
        assert registry["detail"] == "Certified Professional Coder-Hospital (renamed in 2016: now COC)"
