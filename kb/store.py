"""Write crawled pages and their facts into the knowledge base file, keeping history."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils

from crawler.items import FAILED, GONE, PageItem
from kb.occupations import registry_rows, write_occupations
from kb.runs import mark_done, now, queue_urls
from kb.schema import FACT_COLUMNS, FACT_KEYS, LATER_KEYS, PAGE_COLUMNS, RUN_COUNTS, ensure_schema
from pipeline.credentials import registry

# Errors that are a choice not to use a response rather than a failure to get one.
SKIPPED_KINDS = {"not_html", "duplicate", "robots_txt", "offsite_redirect"}


def fact_id(table: str, page_url: str, row: Mapping[str, Any]) -> str:
    """A stable id derived from the page and what the fact says (its key columns)."""
    later = LATER_KEYS.get(table, {})
    key = [_canonical(row.get(column)) for column in FACT_KEYS[table]
           if column not in later or row.get(column) not in (None, row.get(later[column]))]
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


def insert_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]],
                upsert: str = "") -> None:
    """Insert ``rows`` (values of ``columns``) into ``table`` in order with one statement, ending in ``upsert`` ("on
    conflict ...") when given; the rows pass through a temporary table.

    A statement whose triggers write keeps a journal of each page it changes, to undo itself if it fails: a statement
    a row copied the pages of every index, summary and search index again for each row."""
    names = ", ".join(f"[{c}]" for c in columns)
    staged = f"temp.[{table}_staged]"
    conn.execute(f"create temp table if not exists {staged} ({names})")
    conn.execute(f"delete from {staged}")
    conn.executemany(f"insert into {staged} values ({', '.join('?' * len(columns))})", rows)
    conn.execute(f"insert into main.[{table}] ({names}) select {names} from {staged} where true order by rowid "
                 f"{upsert}")


class Store:
    """The knowledge base file, opened for writing."""

    def __init__(self, path: str | Path) -> None:
        self.db = sqlite_utils.Database(path)
        ensure_schema(self.db)

    def write_batch(self, run_id: int, items: list[PageItem]) -> Counter[str]:
        """Record what became of each item's URL, all in one transaction, and add to the run's counts."""
        counts: Counter[str] = Counter()
        at = now()
        with self.db.atomic():
            changed = []
            for item in items:
                if item.changed:
                    changed.append(item)
                else:
                    counts.update(self._write_outcome(run_id, item, at))
            counts.update(self._write_pages(changed, at))
            for table in FACT_COLUMNS:
                counts.update(self._write_facts(table, changed, at))
            queue_urls(self.db, run_id, [(link, i.site, i.depth + 1) for i in items for link in i.links])
            mark_done(self.db, run_id, [(url, i.site, i.depth) for i in items for url in {i.url, *i.aliases}])
            self._add_counts(run_id, counts)
        return counts

    def _write_outcome(self, run_id: int, item: PageItem, at: str) -> Counter[str]:
        """Record a URL that failed, is gone, or came back unchanged."""
        if item.outcome == FAILED:
            self.db.execute(
                "insert into crawl_errors (run_id, url, kind, status, message, at) values (?, ?, ?, ?, ?, ?)",
                [run_id, item.url, item.error_kind, item.status, item.error, at],
            )
            return Counter({"skipped" if item.error_kind in SKIPPED_KINDS else "failed": 1})
        if item.outcome == GONE:
            cursor = self.db.execute("update pages set gone_at = ? where url = ? and gone_at is null", [at, item.url])
            return Counter(fetched=1, gone=cursor.rowcount)
        if item.etag or item.last_modified:  # keep the newest validators; writes nothing when they are the same
            self.db.execute(
                "update pages set etag = ?, last_modified = ? where url = ? "
                "and (etag is not ? or last_modified is not ?)",
                [item.etag, item.last_modified, item.url, item.etag, item.last_modified],
            )
        return Counter(fetched=1, unchanged=1)

    def _write_pages(self, items: list[PageItem], at: str) -> Counter[str]:
        """Upsert changed pages by URL; ``first_seen`` is set once."""
        urls = json.dumps([i.url for i in items])
        existing = {u for (u,) in self.db.execute("select url from pages where url in (select value from json_each(?))",
                                                  [urls])}
        insert_rows(
            self.db.conn, "pages", [*PAGE_COLUMNS],
            [(i.url, i.site, i.page.title, i.page.text, i.fetched_at, i.page.content_hash, i.status, i.etag,
              i.last_modified, at, None) for i in items],
            """on conflict (url) do update set site = excluded.site, title = excluded.title, text = excluded.text,
                 fetched_at = excluded.fetched_at, content_hash = excluded.content_hash, status = excluded.status,
                 etag = excluded.etag, last_modified = excluded.last_modified, gone_at = null""",
        )
        new = len({i.url for i in items} - existing)
        return Counter(fetched=len(items), new=new, changed=len(items) - new)

    def _write_facts(self, table: str, items: list[PageItem], at: str) -> Counter[str]:
        """Insert new facts, update those that say the same again, retract those that vanished from their page."""
        fresh: dict[str, dict[str, Any]] = {}
        for item in items:
            for row in item.page.facts.get(table, []):
                stored = fact_row(table, item.url, row)
                fresh.setdefault(stored["id"], stored)
        columns = [*FACT_COLUMNS[table], "evidence"]
        old = {row[0]: row[1:] for row in self.db.execute(
            f"select id, retracted_at, {', '.join(f'[{c}]' for c in columns)} from [{table}] "
            "where page_url in (select value from json_each(?))", [json.dumps([i.url for i in items])])}
        added, updated, seen = [], defaultdict(list), []
        for fact_id_, row in fresh.items():
            before = old.get(fact_id_)
            if before is None:
                added.append(row)
                continue
            # Only the columns that differ are set, so that indexes, summaries and the search index of the others
            # are left alone (a reworded sentence rewrites the evidence's search entry and nothing else).
            differ = tuple(c for c, was in zip(columns, before[1:], strict=True) if was != row[c])
            if differ or before[0] is not None:
                updated[differ, before[0] is not None].append((*(row[c] for c in differ), at, fact_id_))
            else:
                seen.append((at, fact_id_))
        retracted = [(at, i) for i, before in old.items() if i not in fresh and before[0] is None]
        insert_rows(self.db.conn, table, ["id", "page_url", *columns, "first_seen", "last_seen"],
                    [(row["id"], row["page_url"], *(row[c] for c in columns), at, at) for row in added])
        for (differ, revived), rows in updated.items():
            sets = "".join(f"[{c}] = ?, " for c in differ) + ("retracted_at = null, " if revived else "")
            self.db.conn.executemany(f"update [{table}] set {sets}last_seen = ? where id = ?", rows)
        self.db.conn.executemany(f"update [{table}] set last_seen = ? where id = ?", seen)
        self.db.conn.executemany(f"update [{table}] set retracted_at = ? where id = ?", retracted)
        changed = sum(len(rows) for rows in updated.values())
        return Counter(facts_added=len(added), facts_updated=changed, facts_retracted=len(retracted))

    def _add_counts(self, run_id: int, counts: Counter[str]) -> None:
        increments = {key: counts[key] for key in RUN_COUNTS if counts[key]}
        if increments:
            assignments = ", ".join(f"[{key}] = [{key}] + ?" for key in increments)
            self.db.execute(f"update crawl_runs set {assignments} where id = ?", [*increments.values(), run_id])

    def write_registry(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Replace the credential registry."""
        with self.db.atomic():
            self.db["credentials"].upsert_all(rows, pk="code")

    def write_occupations(self, occupations: Iterable[Mapping[str, Any]], roles: Iterable[Mapping[str, Any]]) -> None:
        """Replace the occupation registry (kb/occupations.py)."""
        write_occupations(self.db, occupations, roles)

    def write_registries(self) -> None:
        """Replace the credential and occupation registries with the pipeline's (every run does, first)."""
        self.write_registry(registry())
        self.write_occupations(*registry_rows())

    def close(self) -> None:
        self.db.close()
