"""The knowledge base's tables: the public contract downstream apps read."""

from __future__ import annotations

import sqlite_utils

SCHEMA_VERSION = 1

PAGE_COLUMNS = {
    "url": str,
    "site": str,
    "title": str,
    "text": str,
    "fetched_at": str,
    "content_hash": str,
    "status": int,
    "etag": str,
    "last_modified": str,
}

# Every fact table has an ``id`` (stable hash of what the row says) and ``page_url``
# ahead of these columns, and ends with ``evidence``.
FACT_COLUMNS: dict[str, dict[str, type]] = {
    "wages": {
        "occupation": str, "statistic": str, "amount": float, "period": str, "as_of": str,
        "attributed_to": str, "qualifier": str,
    },
    "outlook": {
        "occupation": str, "measure": str, "value": float, "start_year": int, "end_year": int,
        "attributed_to": str, "qualifier": str,
    },
    "credential_mentions": {"code": str, "issuer": str},
    "requirements": {"credential": str, "type": str, "description": str, "months": float, "recommended": int},
    "exams": {"credential": str, "attribute": str, "value": float, "unit": str, "qualifier": str},
    "programs": {
        "institution": str, "credential_awarded": str, "accreditors": str, "online": int, "cost_usd": float,
        "credits": float, "duration_months": float, "prepares_for": str,
    },
    "program_norms": {
        "credential_awarded": str, "duration_months_min": float, "duration_months_max": float,
        "cost_usd_min": float, "cost_usd_max": float,
    },
    "mentions": {"kind": str, "name": str},
}

CRAWL_RUN_COLUMNS = {
    "id": int,
    "command": str,
    "started_at": str,
    "finished_at": str,
    "status": str,
    "pages_fetched": int,
    "pages_stored": int,
    "skipped": int,
    "failed": int,
    "facts_stored": int,
}


def fact_columns(table: str) -> dict[str, type]:
    """All columns of a fact table, in order."""
    return {"id": str, "page_url": str, **FACT_COLUMNS[table], "evidence": str}


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create whatever tables, indexes and search indexes the file lacks."""
    db.enable_wal()
    if not db["pages"].exists():
        db["pages"].create(PAGE_COLUMNS, pk="url", not_null={"site", "text"})
        db["pages"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
        db["pages"].create_index(["site"])
    for table in FACT_COLUMNS:
        if not db[table].exists():
            db[table].create(fact_columns(table), pk="id", foreign_keys=[("page_url", "pages", "url")])
            db[table].create_index(["page_url"])
    if not db["credentials"].exists():
        db["credentials"].create({"code": str, "name": str, "issuer": str}, pk="code")
    if not db["crawl_runs"].exists():
        db["crawl_runs"].create(CRAWL_RUN_COLUMNS, pk="id")
    if not db["schema_version"].exists():
        db["schema_version"].insert({"version": SCHEMA_VERSION})
