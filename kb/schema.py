"""The knowledge base's tables: the public contract downstream apps read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils
from sqlite_utils.db import COLUMN_TYPE_MAPPING

from kb.fulltext import ensure_search
from kb.occupations import ensure_counts, ensure_registry
from kb.summaries import SUMMARY_COLUMNS, WAGE_CLAIM_COLUMNS, ensure_summaries, summary_name

SCHEMA_VERSION = 2

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
        "attributed_to": str, "qualifier": str, "occupation_code": str, "occupation_basis": str,
    },
    "outlook": {
        "occupation": str, "measure": str, "value": float, "start_year": int, "end_year": int,
        "attributed_to": str, "qualifier": str, "occupation_code": str, "occupation_basis": str,
    },
    "credential_mentions": {"code": str, "issuer": str, "page_code": str},
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
    "credential_mentions": ("code", "page_code"),
    "requirements": ("credential", "type", "description", "months", "recommended"),
    "exams": ("credential", "attribute", "value", "qualifier"),
    "programs": ("institution", "credential_awarded", "cost_usd", "credits", "duration_months"),
    "program_norms": ("credential_awarded", "duration_months_min", "duration_months_max", "cost_usd_min",
                      "cost_usd_max"),
    "mentions": ("kind", "name"),
}
# Key columns added after schema_version 1, each with the key column whose value it repeats when it adds nothing
# to what the row says (a page writing "COC" for COC): such a value is left out of the id, so that a fact written
# before the column was added keeps its id.
LATER_KEYS: dict[str, dict[str, str]] = {"credential_mentions": {"page_code": "code"}}
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


CREDENTIAL_COLUMNS = {"code": str, "name": str, "issuer": str, "status": str, "successor": str, "changed": int}
# Columns that point at a registry row, so that Datasette shows the row's label (an occupation's title, a
# credential's name) beside the code, and links to it.
FOREIGN_KEYS: dict[str, dict[str, tuple[str, str]]] = {
    "wages": {"occupation_code": ("occupations", "code")},
    "outlook": {"occupation_code": ("occupations", "code")},
    "credentials": {"successor": ("credentials", "code")},
}


def fact_columns(table: str) -> dict[str, type]:
    """All columns of a fact table, in order (a file upgraded from an earlier version has its added ones last)."""
    return {"id": str, "page_url": str, **FACT_COLUMNS[table], "evidence": str, **HISTORY_COLUMNS}


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create whatever tables, columns, indexes and search indexes the file lacks, and record its version."""
    db.enable_wal()
    if not db["pages"].exists():
        db["pages"].create(PAGE_COLUMNS, pk="url", not_null={"site", "text"})
        db["pages"].create_index(["site"])
    ensure_registry(db)
    for table in FACT_COLUMNS:
        if not db[table].exists():
            foreign_keys = [(column, *target) for column, target in FOREIGN_KEYS.get(table, {}).items()]
            db[table].create(fact_columns(table), pk="id", foreign_keys=[("page_url", "pages", "url"), *foreign_keys])
            db[table].create_index(["page_url"])
        ensure_columns(db, table, fact_columns(table))
        db.create_view(f"current_{table}", f"select * from [{table}] where retracted_at is null", ignore=True)
    if not db["credentials"].exists():
        db["credentials"].create(CREDENTIAL_COLUMNS, pk="code", foreign_keys=[("successor", "credentials", "code")])
    ensure_columns(db, "credentials", CREDENTIAL_COLUMNS)
    ensure_counts(db)
    if not db["crawl_runs"].exists():
        db["crawl_runs"].create(CRAWL_RUN_COLUMNS, pk="id", defaults=dict.fromkeys(RUN_COUNTS, 0))
    if not db["crawl_errors"].exists():
        db["crawl_errors"].create(CRAWL_ERROR_COLUMNS, pk="id", foreign_keys=[("run_id", "crawl_runs", "id")])
        db["crawl_errors"].create_index(["run_id"])
    if not db["crawl_queue"].exists():
        db["crawl_queue"].create({"run_id": int, "url": str, "site": str, "depth": int, "done": int},
                                 pk=("run_id", "url"))
    ensure_search(db, SEARCHED_COLUMNS)
    ensure_indexes(db)
    ensure_summaries(db)
    for name, sql in VIEWS.items():
        if name not in db.view_names() or sql not in db.view(name).schema:
            db.create_view(name, sql, replace=True)
    refresh_statistics(db)
    if not db["schema_version"].exists():
        db["schema_version"].insert({"version": SCHEMA_VERSION})
    db.execute("update schema_version set version = ? where version < ?", [SCHEMA_VERSION, SCHEMA_VERSION])


def file_version(path: str | Path) -> int | None:
    """The schema_version a file records, read without writing to it; None when it records none."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("select max(version) from schema_version").fetchone()[0]
    except sqlite3.OperationalError:
        return None
    finally:
        conn.close()


def ensure_columns(db: sqlite_utils.Database, table: str, columns: dict[str, type]) -> None:
    """Add the columns ``table`` lacks (those of a later schema_version), null in the rows it holds."""
    present = db[table].columns_dict
    for column, kind in columns.items():
        if column not in present:
            target = FOREIGN_KEYS.get(table, {}).get(column)
            references = f" references [{target[0]}]([{target[1]}])" if target else ""
            db.execute(f"alter table [{table}] add column [{column}] {COLUMN_TYPE_MAPPING[kind]}{references}")


# Views for browsing: current wage figures with the year they are dated to and the occupation they are about
# in the registry's words (its title, the title of the series it is compared under, its classification), so
# that Datasette can facet by them. Looked up per row shown, not joined: a count of the view's rows (every page
# asks for one) then reads no more than a count of current_wages.
VIEWS = {
    "wage_claims": f"select *, {', '.join(f'{sql} as {name}' for name, sql in WAGE_CLAIM_COLUMNS.items())} "
                   "from current_wages",
}

# Columns Datasette facets on, sorts by or joins through in tables that have no summary (kb/summaries.py).
INDEXED_COLUMNS: dict[str, tuple[str, ...]] = {
    "pages": ("site", "status", "fetched_at", "first_seen", "gone_at"),
    "credentials": ("issuer", "status"),
    "programs": ("institution",),
    "crawl_errors": ("kind",),
    "occupation_pages": ("page_url",),
}
# Every fact table also has these indexes: current facts per page (covering, for provenance counts), and
# the history columns that "what changed" compares with a run's start.
FACT_INDEXES: tuple[tuple[str, ...], ...] = (("page_url", "retracted_at"), ("first_seen",), ("retracted_at",))
# The order a summarized table's page opens in (its sort in kb/metadata.yml), and other columns it is sorted by.
ORDER_COLUMNS: dict[str, str] = {
    "wages": "as_of", "outlook": "end_year", "credential_mentions": "code", "requirements": "credential",
    "exams": "credential", "programs": "cost_usd", "mentions": "kind",
}
SORTED_COLUMNS: dict[str, tuple[str, ...]] = {"wages": ("amount",), "outlook": ("value",), "programs": ("cost_usd",)}
# Tables smaller than this need no planner statistics.
STATISTICS_FROM_ROWS = 1000


def summary_indexes(table: str) -> list[tuple[str, ...]]:
    """The indexes of a summarized table, each holding all its summary columns and, last, retracted_at.

    One is led by each summary column, then the table's default order: any page filtered by equality on
    summary columns counts its rows within the index of one of them, without reading a row; a page filtered
    by that column reads its first rows in order; a page sorted by it reads the index in order, checking its
    filters in the index. One is led by each other sorted column, for the same.
    """
    columns, order = SUMMARY_COLUMNS[table], ORDER_COLUMNS.get(table)
    leads = [(c, order) if order and order != c else (c,) for c in columns]
    leads += [(column,) for column in SORTED_COLUMNS.get(table, ())]
    return [(*lead, *(c for c in columns if c not in lead), "retracted_at") for lead in leads]


def ensure_indexes(db: sqlite_utils.Database) -> None:
    """Index the facet, sort and join columns that exist in this file."""
    wanted = {table: [(column,) for column in columns] for table, columns in INDEXED_COLUMNS.items()}
    for table in FACT_COLUMNS:
        wanted.setdefault(table, []).extend(FACT_INDEXES)
    for table, columns in SUMMARY_COLUMNS.items():
        wanted[table].extend(summary_indexes(table))
        for column in columns:  # one-column indexes of earlier files, which the summary indexes begin with
            db.execute(f"drop index if exists [idx_{table}_{column}]")
    for table, indexes in wanted.items():
        if not db[table].exists():
            continue
        for index in db[table].indexes:  # made for an earlier version's summary columns: today's replace it
            if index.columns[-1] == "retracted_at" and tuple(index.columns) not in indexes:
                db.execute(f"drop index [{index.name}]")
        present = db[table].columns_dict
        for columns in indexes:
            if set(columns) <= set(present):
                db[table].create_index(list(columns), if_not_exists=True)


def refresh_statistics(db: sqlite_utils.Database) -> None:
    """Gather the query planner's statistics (sqlite_stat1) for large tables that have none, that have grown or
    shrunk twofold since (a second per million rows, so at most a few times in a file's life), or that have an
    index the statistics do not describe: one created since (by an upgrade), or one led by a summary column that
    had no value to steer by when they were gathered (occupation_code in a file upgraded before its pages were
    read again).

    Without them SQLite cannot tell a filter that keeps a few rows from one that keeps most. With them it still
    takes every value to be as common as the average, while facet values are skewed (one occupation may hold
    a third of the facts), and it does not weigh a page's LIMIT: it would sort a third of the table to show
    fifty rows rather than read fifty from an index in order. So the statistics of the indexes led by a summary
    column record its most common value's rows instead of the average, and forbid skipping over their first
    column; SQLite documents both adjustments of sqlite_stat1 for steering its planner.
    """
    known, stats = {}, {}
    if db["sqlite_stat1"].exists():
        for table, index, stat in db.execute("select tbl, idx, stat from sqlite_stat1 where idx is not null"):
            known[table], stats[index] = int(stat.split()[0]), stat
    counts = {table: db.execute(f"select count(*) from [{table}]").fetchone()[0]
              for table in ["pages", *FACT_COLUMNS] if db[table].exists()}
    stale = [table for table, rows in counts.items()
             if rows >= STATISTICS_FROM_ROWS and (not 0.5 <= rows / known.get(table, 0.1) <= 2
                                                  or undescribed(db, table, stats))]
    for table in stale:
        db.execute(f"analyze [{table}]")
        for columns in summary_indexes(table) if table in SUMMARY_COLUMNS else ():
            if columns[0] in SUMMARY_COLUMNS[table]:
                steer(db, table, columns)
    if stale:
        db.execute("analyze sqlite_schema")  # the adjusted statistics take effect


def undescribed(db: sqlite_utils.Database, table: str, stats: dict[str, str]) -> bool:
    """Whether an index of ``table`` has no statistics, or is led by a summary column and not steered (``steer``)
    although the summary now holds a value of that column."""
    if any(index.name not in stats for index in db[table].indexes):
        return True
    for columns in summary_indexes(table) if table in SUMMARY_COLUMNS else ():
        if columns[0] in SUMMARY_COLUMNS[table] and "noskipscan" not in stats[index_name(table, columns)].split():
            found = db.execute(f"select 1 from [{summary_name(table)}] where [{columns[0]}] is not null limit 1")
            if found.fetchone():
                return True
    return False


def index_name(table: str, columns: tuple[str, ...]) -> str:
    """The name sqlite-utils gives an index of ``table`` on ``columns``."""
    return f"idx_{table}_{'_'.join(columns)}"


def steer(db: sqlite_utils.Database, table: str, columns: tuple[str, ...]) -> None:
    """Record in an index's statistics the rows of its first column's most common value, and no skip-scan."""
    index = index_name(table, columns)
    row = db.execute("select stat from sqlite_stat1 where tbl = ? and idx = ?", [table, index]).fetchone()
    most = db.execute(f"select max(n) from (select sum(n) as n from [{summary_name(table)}] "
                      f"where [{columns[0]}] is not null group by [{columns[0]}])").fetchone()[0]
    if row and most:
        rows, _, rest = row[0].split(" ", 2)
        db.execute("update sqlite_stat1 set stat = ? where tbl = ? and idx = ?",
                   [f"{rows} {most} {rest} noskipscan", table, index])
