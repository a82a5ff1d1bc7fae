"""The knowledge base's tables: the public contract downstream apps read."""

from __future__ import annotations

import sqlite_utils

from kb.fulltext import ensure_search

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
    "first_seen": str,
    "gone_at": str,
}

# Every fact table has an ``id`` (stable hash of what the row says) and ``page_url``
# ahead of these columns, and ends with ``evidence`` and its history (HISTORY_COLUMNS).
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

# What a fact says: its id hashes these with its page, so a re-extracted fact that says the
# same thing keeps its id (and its other columns are updated), while a changed value is a
# new fact and the old one is retracted.
FACT_KEYS: dict[str, tuple[str, ...]] = {
    "wages": ("statistic", "amount", "period", "as_of", "qualifier"),
    "outlook": ("measure", "value", "start_year", "end_year", "qualifier"),
    "credential_mentions": ("code",),
    "requirements": ("credential", "type", "description", "months", "recommended"),
    "exams": ("credential", "attribute", "value", "qualifier"),
    "programs": ("institution", "credential_awarded", "cost_usd", "credits", "duration_months"),
    "program_norms": ("credential_awarded", "duration_months_min", "duration_months_max", "cost_usd_min",
                      "cost_usd_max"),
    "mentions": ("kind", "name"),
}
HISTORY_COLUMNS = {"first_seen": str, "last_seen": str, "retracted_at": str}
# Columns searched in full text (porter-stemmed FTS5, see kb/fulltext.py).
SEARCHED_COLUMNS = {"pages": ("title", "text"), **dict.fromkeys(FACT_COLUMNS, ("evidence",))}

RUN_COUNTS = (
    "fetched", "new", "changed", "unchanged", "gone", "skipped", "failed",
    "facts_added", "facts_updated", "facts_retracted",
)
CRAWL_RUN_COLUMNS = {
    "id": int, "command": str, "args": str, "started_at": str, "finished_at": str, "status": str,
    **dict.fromkeys(RUN_COUNTS, int),
}
CRAWL_ERROR_COLUMNS = {
    "id": int, "run_id": int, "url": str, "kind": str, "status": int, "message": str, "at": str,
}


def fact_columns(table: str) -> dict[str, type]:
    """All columns of a fact table, in order."""
    return {"id": str, "page_url": str, **FACT_COLUMNS[table], "evidence": str, **HISTORY_COLUMNS}


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create whatever tables, indexes and search indexes the file lacks."""
    db.enable_wal()
    if not db["pages"].exists():
        db["pages"].create(PAGE_COLUMNS, pk="url", not_null={"site", "text"})
        db["pages"].create_index(["site"])
    for table in FACT_COLUMNS:
        if not db[table].exists():
            db[table].create(fact_columns(table), pk="id", foreign_keys=[("page_url", "pages", "url")])
            db[table].create_index(["page_url"])
        db.create_view(f"current_{table}", f"select * from [{table}] where retracted_at is null", ignore=True)
    if not db["credentials"].exists():
        db["credentials"].create({"code": str, "name": str, "issuer": str}, pk="code")
    if not db["crawl_runs"].exists():
        db["crawl_runs"].create(CRAWL_RUN_COLUMNS, pk="id", defaults=dict.fromkeys(RUN_COUNTS, 0))
    if not db["crawl_errors"].exists():
        db["crawl_errors"].create(CRAWL_ERROR_COLUMNS, pk="id", foreign_keys=[("run_id", "crawl_runs", "id")])
        db["crawl_errors"].create_index(["run_id"])
    if not db["crawl_queue"].exists():
        db["crawl_queue"].create({"run_id": int, "url": str, "site": str, "depth": int, "done": int},
                                 pk=("run_id", "url"))
    if not db["schema_version"].exists():
        db["schema_version"].insert({"version": SCHEMA_VERSION})
    ensure_search(db, SEARCHED_COLUMNS)
    ensure_indexes(db)
    for name, sql in VIEWS.items():
        if name not in db.view_names() or sql not in db.view(name).schema:
            db.create_view(name, sql, replace=True)


# Views for browsing: current wage figures with the year they are dated to, so Datasette can facet by year.
VIEWS = {
    "wage_claims": "select *, cast(substr(as_of, 1, 4) as integer) as as_of_year from current_wages",
}

# Columns Datasette facets on, sorts by or joins through: indexed so that a large file answers fast.
INDEXED_COLUMNS: dict[str, tuple[str, ...]] = {
    "pages": ("site", "status", "fetched_at", "first_seen", "gone_at"),
    "wages": ("attributed_to", "statistic", "period", "as_of", "occupation"),
    "outlook": ("measure", "attributed_to", "occupation", "end_year"),
    "credentials": ("issuer",),
    "credential_mentions": ("code", "issuer"),
    "requirements": ("credential", "type", "recommended"),
    "exams": ("credential", "attribute", "unit"),
    "programs": ("credential_awarded", "online", "prepares_for", "institution"),
    "program_norms": ("credential_awarded",),
    "mentions": ("kind", "name"),
    "crawl_errors": ("kind",),
}
# Every fact table also has these indexes: current facts per page (covering, for provenance counts), and
# the history columns that "what changed" compares with a run's start.
FACT_INDEXES: tuple[tuple[str, ...], ...] = (("page_url", "retracted_at"), ("first_seen",), ("retracted_at",))


def ensure_indexes(db: sqlite_utils.Database) -> None:
    """Index the facet and join columns that exist in this file."""
    wanted = {table: [(column,) for column in columns] for table, columns in INDEXED_COLUMNS.items()}
    for table in FACT_COLUMNS:
        wanted.setdefault(table, []).extend(FACT_INDEXES)
    for table, indexes in wanted.items():
        if not db[table].exists():
            continue
        present = db[table].columns_dict
        for columns in indexes:
            if set(columns) <= set(present):
                db[table].create_index(list(columns), if_not_exists=True)
