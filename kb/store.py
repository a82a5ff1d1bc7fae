"""Write crawled pages and their facts into the knowledge base file."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol

import sqlite_utils

from kb.schema import FACT_COLUMNS, ensure_schema, fact_columns
from pipeline.page import CleanPage


class StoredPage(Protocol):
    """What the writer needs of a crawled page."""

    url: str
    site: str
    status: int
    fetched_at: str
    etag: str | None
    last_modified: str | None
    page: CleanPage | None
    facts: Mapping[str, list[dict[str, Any]]]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fact_id(table: str, row: Mapping[str, Any]) -> str:
    """A stable id derived from what the fact says and where it says it."""
    payload = json.dumps([table, *(row.get(c) for c in fact_columns(table) if c != "id")], default=str)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:20]


def fact_row(table: str, page_url: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """The row as stored: the table's columns only, lists as JSON, with page_url and id."""
    values = {column: _stored(row.get(column)) for column in FACT_COLUMNS[table]}
    values.update(page_url=page_url, evidence=row["evidence"])
    return {"id": fact_id(table, values), **values}


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

    def write_pages(self, items: Iterable[StoredPage]) -> dict[str, int]:
        """Upsert pages by URL and replace each page's facts, all in one transaction."""
        pages, facts = [], {table: [] for table in FACT_COLUMNS}
        for item in items:
            text = item.page.text
            pages.append({
                "url": item.url, "site": item.site, "title": item.page.title, "text": text,
                "fetched_at": item.fetched_at, "content_hash": content_hash(text), "status": item.status,
                "etag": item.etag, "last_modified": item.last_modified,
            })
            for table, rows in item.facts.items():
                facts[table].extend(fact_row(table, item.url, row) for row in rows)
        urls = [page["url"] for page in pages]
        with self.db.atomic():
            self.db["pages"].upsert_all(pages, pk="url")
            for table, rows in facts.items():
                self._delete_facts_of(table, urls)
                if rows:
                    self.db[table].insert_all(rows, pk="id", replace=True, batch_size=500)
        return {"pages_stored": len(pages), "facts_stored": sum(map(len, facts.values()))}

    def _delete_facts_of(self, table: str, urls: list[str]) -> None:
        self.db.conn.executemany(f"delete from [{table}] where page_url = ?", [(u,) for u in urls])

    def write_registry(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Replace the credential registry."""
        with self.db.atomic():
            self.db["credentials"].upsert_all(rows, pk="code")

    def close(self) -> None:
        self.db.close()
