"""Write crawled pages and their facts into the knowledge base file, keeping history."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import sqlite_utils

from crawler.items import FAILED, FETCHED, GONE, PageItem
from kb.runs import now, queue_urls
from kb.schema import FACT_COLUMNS, FACT_KEYS, RUN_COUNTS, ensure_schema

# Errors that are a choice not to use a response rather than a failure to get one.
SKIPPED_KINDS = {"not_html"}


def fact_id(table: str, page_url: str, row: Mapping[str, Any]) -> str:
    """A stable id derived from the page and what the fact says (its key columns)."""
    key = [_canonical(row.get(column)) for column in FACT_KEYS[table]]
    payload = json.dumps([table, page_url, *key])
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:20]


def _canonical(value: Any) -> Any:
    """Numbers hash alike whether they arrive as int or float."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return value


def fact_row(table: str, page_url: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """The row as stored: the table's columns only, lists as JSON, with page_url and id."""
    values = {column: _stored(row.get(column)) for column in FACT_COLUMNS[table]}
    values.update(page_url=page_url, evidence=row["evidence"])
    return {"id": fact_id(table, page_url, values), **values}


def _stored(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return json.dumps(list(value))
    if isinstance(value, bool):
        return int(value)
    return value


class Store:
    """The knowledge base file, opened for writing."""

    def __init__(self, path: str | Path) -> None:
        self.db = sqlite_utils.Database(path)
        ensure_schema(self.db)

    def write_batch(self, run_id: int, items: Iterable[PageItem]) -> Counter[str]:
        """Record what became of each item's URL, all in one transaction, and add to the run's counts."""
        counts: Counter[str] = Counter()
        at = now()
        with self.db.atomic():
            for item in items:
                counts.update(self._write_item(run_id, item, at))
                self.db.conn.executemany(
                    "update crawl_queue set done = 1 where run_id = ? and url = ?",
                    [(run_id, url) for url in {item.url, *item.aliases}],
                )
                queue_urls(self.db, run_id, [(link, item.site, item.depth + 1) for link in item.links])
            self._add_counts(run_id, counts)
        return counts

    def _write_item(self, run_id: int, item: PageItem, at: str) -> Counter[str]:
        if item.outcome == FAILED:
            self.db["crawl_errors"].insert({
                "run_id": run_id, "url": item.url, "kind": item.error_kind, "status": item.status,
                "message": item.error, "at": at,
            })
            return Counter({"skipped" if item.error_kind in SKIPPED_KINDS else "failed": 1})
        if item.outcome == GONE:
            cursor = self.db.execute("update pages set gone_at = ? where url = ? and gone_at is null", [at, item.url])
            return Counter(fetched=1, gone=cursor.rowcount)
        if item.outcome != FETCHED or item.unchanged:
            self._refresh_validators(item)
            return Counter(fetched=1, unchanged=1)
        return self._write_page(item, at)

    def _refresh_validators(self, item: PageItem) -> None:
        """Keep the newest ETag / Last-Modified of an unchanged page; writes nothing when they are the same."""
        if item.etag or item.last_modified:
            self.db.execute(
                "update pages set etag = ?, last_modified = ? where url = ? "
                "and (etag is not ? or last_modified is not ?)",
                [item.etag, item.last_modified, item.url, item.etag, item.last_modified],
            )

    def _write_page(self, item: PageItem, at: str) -> Counter[str]:
        page = item.page
        existed = self.db.execute("select 1 from pages where url = ?", [item.url]).fetchone() is not None
        self.db.execute(
            """insert into pages (url, site, title, text, fetched_at, content_hash, status, etag, last_modified,
                                  first_seen, gone_at)
               values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)
               on conflict (url) do update set site = excluded.site, title = excluded.title, text = excluded.text,
                 fetched_at = excluded.fetched_at, content_hash = excluded.content_hash, status = excluded.status,
                 etag = excluded.etag, last_modified = excluded.last_modified, gone_at = null""",
            [item.url, item.site, page.title, page.text, item.fetched_at, page.content_hash, item.status,
             item.etag, item.last_modified, at],
        )
        counts = Counter(fetched=1, **{"changed" if existed else "new": 1})
        for table in FACT_COLUMNS:
            counts.update(self._write_facts(table, item.url, item.facts.get(table, []), at))
        return counts

    def _write_facts(self, table: str, url: str, rows: list[dict[str, Any]], at: str) -> Counter[str]:
        """Insert new facts, update those that say the same again, retract those that vanished."""
        fresh: dict[str, dict[str, Any]] = {}
        for row in rows:
            stored = fact_row(table, url, row)
            fresh.setdefault(stored["id"], stored)
        old = {r["id"]: r for r in self.db.query(f"select * from [{table}] where page_url = ?", [url])}
        columns = [*FACT_COLUMNS[table], "evidence"]
        added, updated, seen = [], [], []
        for fact_id_, row in fresh.items():
            before = old.get(fact_id_)
            if before is None:
                added.append({**row, "first_seen": at, "last_seen": at, "retracted_at": None})
            elif before["retracted_at"] is not None or any(before[c] != row[c] for c in columns):
                updated.append(row)
            else:
                seen.append(fact_id_)
        retracted = [i for i, r in old.items() if i not in fresh and r["retracted_at"] is None]
        if added:
            self.db[table].insert_all(added, pk="id")
        if updated:
            assignments = ", ".join(f"[{c}] = ?" for c in columns)
            self.db.conn.executemany(
                f"update [{table}] set {assignments}, last_seen = ?, retracted_at = null where id = ?",
                [[row[c] for c in columns] + [at, row["id"]] for row in updated],
            )
        self._set(table, "last_seen", at, seen)
        self._set(table, "retracted_at", at, retracted)
        return Counter(facts_added=len(added), facts_updated=len(updated), facts_retracted=len(retracted))

    def _set(self, table: str, column: str, value: str, ids: list[str]) -> None:
        self.db.conn.executemany(f"update [{table}] set [{column}] = ? where id = ?", [(value, i) for i in ids])

    def _add_counts(self, run_id: int, counts: Counter[str]) -> None:
        increments = {key: counts[key] for key in RUN_COUNTS if counts[key]}
        if increments:
            assignments = ", ".join(f"[{key}] = [{key}] + ?" for key in increments)
            self.db.execute(f"update crawl_runs set {assignments} where id = ?", [*increments.values(), run_id])

    def write_registry(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Replace the credential registry."""
        with self.db.atomic():
            self.db["credentials"].upsert_all(rows, pk="code")

    def close(self) -> None:
        self.db.close()
