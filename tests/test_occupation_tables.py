"""The published registries: occupations with their counts kept by every write, credentials with their history,
and the facets that show an occupation by its title."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from pathlib import Path

import pytest

from kb.occupations import registry_rows
from kb.store import Store
from tests.conftest import get_json
from tests.occupation_facts import item, outlook, wage, write_comparison_db
from tests.test_summaries import fetch_html

RUN = 1


def truth(conn: sqlite3.Connection) -> tuple[list[tuple], list[tuple]]:
    """Per occupation, current facts and pages as counting the facts gives them, and as the table holds them."""
    counted = conn.execute(
        "select o.code, count(f.page_url), count(distinct f.page_url) from occupations o left join ("
        " select occupation_code, page_url from wages where retracted_at is null union all"
        " select occupation_code, page_url from outlook where retracted_at is null) f on f.occupation_code = o.code"
        " group by o.code order by o.code").fetchall()
    held = conn.execute("select code, facts, pages from occupations order by code").fetchall()
    return counted, held


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "kb.db")
    store.write_registries()
    store.db["crawl_runs"].insert({"id": RUN, "command": "test", "status": "running"})
    yield store
    store.close()


def counts(store: Store) -> dict[str, tuple[int, int]]:
    return {code: (facts, pages) for code, facts, pages in
            store.db.execute("select code, facts, pages from occupations where facts or pages")}


def test_occupation_counts_follow_a_write_and_a_rewrite(store):
    store.write_batch(RUN, [
        item("a", {"wages": [wage("29-2072", "median", 48780, "2023", "BLS"), wage("29-2072", "mean", 51000, "2023",
                                                                                   "BLS"),
                             wage("43-3021", "median", 45000, "2023", "BLS"), wage(None, "median", 1, "2023", "X")],
                   "outlook": [outlook("29-2072", "employment", 194600, 2023)]}),
        item("b", {"wages": [wage("29-2072", "median", 48780, "2023", "BLS")]}),
    ])
    assert counts(store) == {"29-2072": (4, 2), "43-3021": (1, 1)}
    # page a again: one figure gone (retracted), the biller figure now said of another occupation (updated in place)
    store.write_batch(RUN, [item("a", {"wages": [wage("29-2072", "median", 48780, "2023", "BLS"),
                                                 wage("43-6013", "median", 45000, "2023", "BLS")],
                                       "outlook": [outlook("29-2072", "employment", 194600, 2023)]})])
    assert counts(store) == {"29-2072": (3, 2), "43-6013": (1, 1)}
    store.write_batch(RUN, [item("a", {}), item("b", {})])  # both pages now state nothing
    assert counts(store) == {}
    assert store.db["occupation_pages"].count == 0
    truth_counted, held = truth(store.db.conn)
    assert truth_counted == held


def test_occupation_counts_hold_what_counting_the_facts_gives_after_every_kind_of_write(tmp_path):
    db = write_comparison_db(tmp_path / "kb.db")
    conn = sqlite3.connect(db)
    rng = random.Random(19)
    codes = ["29-2071", "29-2072", "43-3021", None, "99-9999"]  # 99-9999: a code the registry lacks
    for _ in range(300):
        table = rng.choice(["wages", "outlook"])
        rowid = rng.choice([r for (r,) in conn.execute(f"select rowid from [{table}]")])
        code = rng.choice(codes)
        sql, params = rng.choice([
            (f"update [{table}] set retracted_at = '2030-01-01' where rowid = ?", [rowid]),
            (f"update [{table}] set retracted_at = null where rowid = ?", [rowid]),
            (f"update [{table}] set occupation_code = ? where rowid = ?", [code, rowid]),
            (f"update [{table}] set page_url = (select url from pages order by random() limit 1) where rowid = ?",
             [rowid]),
            (f"update [{table}] set last_seen = '2030-01-02' where rowid = ?", [rowid]),
            (f"insert into [{table}] select * from [{table}] where rowid = ? on conflict (id) do update set "
             "retracted_at = null, occupation_code = ?", [rowid, code]),
            (f"insert into [{table}] (id, page_url, occupation_code, evidence) select id || '-' || abs(random()), "
             f"page_url, occupation_code, evidence from [{table}] where rowid = ?", [rowid]),
            (f"delete from [{table}] where rowid = ? and (select count(*) from [{table}]) > 2", [rowid]),
        ])
        with conn:
            conn.execute(sql, params)
        counted, held = truth(conn)
        assert counted == held, sql
    pages = conn.execute("select code, page_url, n from occupation_pages order by 1, 2").fetchall()
    assert pages == conn.execute(
        "select occupation_code, page_url, count(*) from (select occupation_code, page_url from wages "
        "where retracted_at is null union all select occupation_code, page_url from outlook "
        "where retracted_at is null) where occupation_code is not null group by 1, 2 order by 1, 2").fetchall()


def test_an_occupation_added_to_the_registry_counts_the_facts_written_before(store):
    store.write_batch(RUN, [item("a", {"wages": [wage("29-9999", "median", 1, "2023", "BLS")]})])
    assert counts(store) == {}
    occupations, roles = registry_rows()
    store.write_occupations([*occupations, {"code": "29-9999", "title": "Test Occupation", "classification": 2018,
                                            "series": "29-9999"}], roles)
    assert counts(store) == {"29-9999": (1, 1)}


def test_the_registry_is_published_with_its_history_and_the_roles_without_a_code(store):
    occupation = store.db["occupations"].get("29-2071")
    assert (occupation["classification"], occupation["series"]) == (2010, "29-2072")
    assert json.loads(occupation["replaced_by"]) == ["29-2072", "29-9021"]
    assert "medical coder" in json.loads(occupation["names"])
    assert json.loads(store.db["occupations"].get("29-2072")["replaces"]) == ["29-2071"]
    assert "coding auditor" in {row["name"] for row in store.db["occupation_roles"].rows}


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_comparison_db(tmp_path_factory.mktemp("comparison") / "kb.db")


TITLES = {"29-2071": "Medical Records and Health Information Technicians", "29-2072": "Medical Records Specialists",
          "43-3021": "Billing and Posting Clerks"}


@pytest.mark.parametrize("table", ["wages", "current_wages", "wage_claims", "outlook", "current_outlook"])
def test_the_occupation_facet_shows_titles(comparison, table):
    facet = get_json(comparison, f"/kb/{table}.json?_size=0&_facet=occupation_code")["facet_results"]["occupation_code"]
    shown = {value["value"]: value["label"] for value in facet["results"]}
    assert shown and shown == {code: TITLES[code] for code in shown}
    html = fetch_html(comparison, f"/kb/{table}?_facet=occupation_code")
    listed = re.search(r'data-column="occupation_code".*?</ul>', html, re.S).group(0)
    assert re.findall(r'<li><a href="[^"]*">([^<]+)</a>', listed) == [TITLES[v["value"]] for v in facet["results"]]


def test_wage_claims_facet_by_canonical_occupation_puts_a_2010_code_with_its_successor(comparison):
    data = get_json(comparison, "/kb/wage_claims.json?_size=0&_facet=canonical_occupation&_facet=classification")
    canonical = {v["value"]: v["count"] for v in data["facet_results"]["canonical_occupation"]["results"]}
    assert canonical == {"Medical Records Specialists": 9, "Billing and Posting Clerks": 1}
    assert {v["value"]: v["count"] for v in data["facet_results"]["classification"]["results"]} == {2018: 9, 2010: 1}
    rows = get_json(comparison, "/kb/wage_claims.json?_shape=objects&canonical_occupation=Medical+Records+Specialists"
                                "&classification=2010")["rows"]
    assert [(r["occupation_code"], r["amount"], r["occupation_title"]) for r in rows] == [
        ("29-2071", 34160, TITLES["29-2071"])]


def test_occupations_page_shows_counts_and_links_the_series_by_title(comparison):
    rows = get_json(comparison, "/kb/occupations.json?_shape=objects&_labels=on&facts__gt=0")["rows"]
    found = {r["code"]: (r["facts"], r["pages"], r["series"]["label"]) for r in rows}
    assert found == {"29-2071": (2, 2, "Medical Records Specialists"), "29-2072": (9, 3, "Medical Records Specialists"),
                     "43-3021": (1, 1, "Billing and Posting Clerks")}


def test_a_former_credential_shows_its_successor_and_the_year(comparison):
    row = get_json(comparison, "/kb/credentials.json?_shape=objects&_labels=on&code=CPC-H")["rows"][0]
    assert (row["status"], row["changed"], row["successor"]) == (
        "renamed", 2016, {"value": "COC", "label": "Certified Outpatient Coder"})
    retired = get_json(comparison, "/kb/credentials.json?_shape=objects&status=retired")["rows"]
    assert {r["code"] for r in retired} >= {"CPC-P", "CPC-I"} and not any(r["successor"] for r in retired)
    mentions = get_json(comparison, "/kb/credential_mentions.json?_shape=objects&code=COC")["rows"]
    assert sorted(r["page_code"] for r in mentions) == ["COC", "CPC-H"]
