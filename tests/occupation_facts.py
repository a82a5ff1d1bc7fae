"""A small knowledge base about the registry's occupations, written by the real writer: figures in our own words
from several sources and years, some restated, one misquoted, one retracted, one with no SOC code."""

from __future__ import annotations

import hashlib
from pathlib import Path

from crawler.items import FETCHED, PageItem
from kb.store import Store
from pipeline.page import ProcessedPage

BASE = "http://127.0.0.1:9/"


def wage(code: str | None, statistic: str, amount: float, as_of: str | None, source: str | None,
         period: str = "annual", qualifier: str | None = None, occupation: str = "medical coders") -> dict:
    return {"occupation": occupation, "occupation_code": code, "occupation_basis": "statement" if code else None,
            "statistic": statistic, "amount": amount, "period": period, "as_of": as_of, "attributed_to": source,
            "qualifier": qualifier, "evidence": f"{occupation}: {statistic} {period} {amount} ({source}, {as_of})."}


def outlook(code: str, measure: str, value: float, end_year: int, source: str = "BLS") -> dict:
    return {"occupation": "medical records specialists", "occupation_code": code, "occupation_basis": "heading",
            "measure": measure, "value": value, "start_year": None, "end_year": end_year, "attributed_to": source,
            "qualifier": None, "evidence": f"{measure} {value} in {end_year}."}


def mention(code: str, page_code: str) -> dict:
    return {"code": code, "page_code": page_code, "issuer": "AAPC", "evidence": f"The {page_code} credential."}


RETRACTED = wage("29-2072", "median", 99999, "2023-05", "BLS")
PAGES: dict[str, dict[str, list[dict]]] = {
    "bls-2014": {"wages": [wage("29-2071", "median", 34160, "2014-05", "BLS",
                                occupation="medical records and health information technicians")]},
    "bls-2023": {"wages": [wage("29-2072", "median", 48780, "2023-05", "BLS"),
                           wage("29-2072", "median", 23.45, "2023-05", "BLS", period="hourly"),
                           wage("29-2072", "mean", 51000, "2023-05", "BLS"),
                           wage("29-2072", "median", 44000, "2023-05", "BLS", qualifier="state: Texas")],
                 "outlook": [outlook("29-2072", "employment", 194600, 2023)]},
    "guide-a": {"wages": [wage("29-2072", "median", 48780, "2023-05", "BLS"),
                          wage("29-2072", "median", 54000, "2023", "AAPC"),
                          wage(None, "median", 40000, "2023", "AAPC", occupation="billing folks")],
                "credential_mentions": [mention("COC", "CPC-H"), mention("COC", "COC")]},
    "guide-b": {"wages": [wage("29-2072", "median", 46660, "2023-05", "BLS"),
                          wage("29-2072", "median", 52000, "2022", "AAPC")],
                "outlook": [outlook("29-2071", "employment", 186300, 2014)]},
    "billers": {"wages": [wage("43-3021", "median", 45000, "2023-05", "BLS", occupation="medical billers")]},
}


def url(name: str) -> str:
    return f"{BASE}{name}.html"


def item(name: str, facts: dict[str, list[dict]]) -> PageItem:
    text = "\n".join(row["evidence"] for rows in facts.values() for row in rows)
    page = ProcessedPage(f"Page {name}", text, hashlib.sha256(text.encode()).hexdigest(), unchanged=False, facts=facts)
    return PageItem(url=url(name), site="local", outcome=FETCHED, status=200, fetched_at="2026-01-01T00:00:00",
                    page=page)


def write_comparison_db(path: Path) -> Path:
    """The knowledge base: every page written, then guide-a written again without a figure it stated at first."""
    store = Store(path)
    store.write_registries()
    run = store.db["crawl_runs"].insert({"command": "crawl", "status": "ok"}).last_pk
    first = {**PAGES["guide-a"], "wages": [*PAGES["guide-a"]["wages"], RETRACTED]}
    store.write_batch(run, [item(name, first if name == "guide-a" else facts) for name, facts in PAGES.items()])
    store.write_batch(run, [item("guide-a", PAGES["guide-a"])])
    store.close()
    return path
