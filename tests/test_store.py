"""The writer keeps history: stable ids, first and last seen, retractions, gone pages."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from crawler.items import FAILED, FETCHED, GONE, PageItem
from kb.store import Store
from pipeline.page import Block, CleanPage, ProcessedPage

URL = "http://127.0.0.1/guide.html"


def wage(amount: float, evidence: str = "Coders earned a median of money.") -> dict:
    return {"occupation": "medical coders", "statistic": "median", "amount": amount, "period": "annual",
            "as_of": "2023", "attributed_to": "BLS", "qualifier": None, "evidence": evidence}


def item(*wages: dict, text: str = "Coders earned a median of money.") -> PageItem:
    page = CleanPage(URL, "Guide", [Block("paragraph", text)])
    processed = ProcessedPage(page.title, page.text, page.content_hash, unchanged=False, facts={"wages": list(wages)})
    return PageItem(url=URL, site="local", outcome=FETCHED, status=200, fetched_at="2026-01-01T00:00:00",
                    page=processed)


@pytest.fixture
def store(tmp_path: Path) -> tuple[Store, int]:
    store = Store(tmp_path / "kb.db")
    run_id = store.db["crawl_runs"].insert({"command": "test", "status": "running"}).last_pk
    yield store, run_id
    store.close()


def wages(store: Store) -> dict[float, dict]:
    return {row["amount"]: row for row in store.db["wages"].rows}


def test_same_fact_keeps_its_row_and_first_seen(store):
    store, run = store
    assert store.write_batch(run, [item(wage(48780))])["facts_added"] == 1
    first = wages(store)[48780]
    counts = store.write_batch(run, [item(wage(48780))])
    assert (counts["facts_added"], counts["facts_updated"], counts["facts_retracted"]) == (0, 0, 0)
    again = wages(store)[48780]
    assert again["id"] == first["id"] and again["first_seen"] == first["first_seen"]


def test_reworded_evidence_updates_the_fact_in_place(store):
    store, run = store
    store.write_batch(run, [item(wage(48780))])
    counts = store.write_batch(run, [item(wage(48780, "The median was money, said BLS."))])
    assert counts["facts_updated"] == 1
    assert wages(store)[48780]["evidence"] == "The median was money, said BLS."


def test_changed_value_retracts_the_old_fact_and_adds_the_new(store):
    store, run = store
    store.write_batch(run, [item(wage(48780))])
    counts = store.write_batch(run, [item(wage(51230), text="New text.")])
    assert (counts["facts_added"], counts["facts_retracted"], counts["changed"]) == (1, 1, 1)
    rows = wages(store)
    assert rows[48780]["retracted_at"] is not None and rows[51230]["retracted_at"] is None
    assert [r["amount"] for r in store.db["current_wages"].rows] == [51230]


def test_fact_that_comes_back_is_current_again(store):
    store, run = store
    store.write_batch(run, [item(wage(48780))])
    store.write_batch(run, [item(text="Nothing here.")])
    assert store.write_batch(run, [item(wage(48780))])["facts_updated"] == 1
    assert wages(store)[48780]["retracted_at"] is None


def test_gone_page_keeps_its_facts(store):
    store, run = store
    store.write_batch(run, [item(wage(48780))])
    gone = PageItem(url=URL, site="local", outcome=GONE, status=404)
    assert store.write_batch(run, [gone])["gone"] == 1
    assert store.db["pages"].get(URL)["gone_at"] is not None
    assert store.db["current_wages"].count == 1


def test_failed_url_is_one_error_row_and_counted(store):
    store, run = store
    failed = PageItem(url=URL, site="local", outcome=FAILED, error_kind="http_503", error="HTTP 503, after retries")
    store.write_batch(run, [failed])
    assert [(r["url"], r["kind"]) for r in store.db["crawl_errors"].rows] == [(URL, "http_503")]
    assert store.db["crawl_runs"].get(run)["failed"] == 1


def test_a_batch_is_all_or_nothing(store):
    store, run = store
    broken = item(wage(48780))
    broken.page.facts["wages"].append({"amount": 1})  # no evidence: the whole batch must roll back
    with pytest.raises(KeyError):
        store.write_batch(run, [item(wage(1000)), broken])
    assert store.db["pages"].count == 0 and store.db["wages"].count == 0


def test_a_batch_sqlite_refuses_late_leaves_nothing_behind(store):
    store, run = store
    written = dataclasses.replace(item(wage(1000)), url="http://127.0.0.1/other.html")
    refused = dataclasses.replace(item(wage(48780)), links=[{"href": "/next.html"}])  # queued after pages and facts
    with pytest.raises(sqlite3.ProgrammingError):
        store.write_batch(run, [written, refused])
    store.write_batch(run, [item(wage(52000))])
    assert [row["url"] for row in store.db["pages"].rows] == [URL]
    assert list(wages(store)) == [52000]
