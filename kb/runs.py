"""Crawl runs: one writer at a time, a frontier that survives a kill, and the run's record."""

from __future__ import annotations

import fcntl
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import sqlite_utils

from crawler.runstate import KnownPage, RunState
from kb.schema import ensure_schema

SQLITE_HEADER = b"SQLite format 3\x00"


class RunLockedError(RuntimeError):
    """Another crawl or refresh is writing the same file."""


class DatabaseFileError(ValueError):
    """The path given as the knowledge base cannot be one."""


def check_db_file(db_path: str | Path, write: bool = True) -> None:
    """Raise DatabaseFileError, having touched nothing, when ``db_path`` cannot be read (and written) as SQLite."""
    path = Path(db_path)
    if not path.parent.is_dir():
        problem = "is not a folder" if path.parent.exists() else "does not exist"
        raise DatabaseFileError(f"cannot use {path}: {path.parent} {problem}")
    if path.is_dir():
        raise DatabaseFileError(f"cannot use {path}: it is a folder, not a file")
    if path.exists():
        if not os.access(path, os.R_OK | (os.W_OK if write else 0)):
            raise DatabaseFileError(f"cannot use {path}: no permission to {'write' if write else 'read'} it")
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
        if header and header != SQLITE_HEADER:
            raise DatabaseFileError(f"cannot use {path}: it is not a SQLite file")
    if write and not os.access(path.parent, os.W_OK):
        raise DatabaseFileError(f"cannot use {path}: no permission to write in {path.parent} (SQLite writes its "
                                "journal beside the file)")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def lock(db_path: str | Path) -> IO[str]:
    """Take the file's writer lock or fail at once; the lock dies with the process, even on SIGKILL."""
    handle = open(f"{db_path}.lock", "w")  # noqa: SIM115 - held for the life of the run
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise RunLockedError(f"another crawl or refresh is already writing {db_path}; try again when it ends") from None
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


def begin_run(
    db: sqlite_utils.Database, command: str, args: dict, seeds: list[tuple[str, str]], revisit_sites: list[str]
) -> RunState:
    """Resume the interrupted run with the same arguments, or start a new one.

    A new run starts from ``seeds`` (url, site) and every stored page of ``revisit_sites`` that is not gone.
    """
    ensure_schema(db)
    known = {
        row["url"]: KnownPage(row["etag"], row["last_modified"], row["content_hash"], row["gone_at"] is not None)
        for row in db.query("select url, etag, last_modified, content_hash, gone_at from pages")
    }
    key = json.dumps(args, sort_keys=True)
    last = next(db.query("select id, status, args from crawl_runs order by id desc limit 1"), None)
    with db.atomic():
        if last and last["status"] == "running" and last["args"] == key:
            run_id, resumed = last["id"], True
        else:
            if last and last["status"] == "running":
                db["crawl_runs"].update(last["id"], {"status": "interrupted"})
            run_id = db["crawl_runs"].insert({"command": command, "args": key, "started_at": now(),
                                              "status": "running"}).last_pk
            resumed = False
            revisits = [(r["url"], r["site"]) for r in db.query(
                "select url, site from pages where gone_at is null and site in (select value from json_each(?))",
                [json.dumps(revisit_sites)])]
            queue_urls(db, run_id, [(url, site, 0) for url, site in seeds + revisits])
    done = {row["url"] for row in db.query("select url from crawl_queue where run_id = ? and done = 1", [run_id])}
    pending = [(r["url"], r["site"], r["depth"]) for r in db.query(
        "select url, site, depth from crawl_queue where run_id = ? and done = 0 order by rowid", [run_id])]
    return RunState(run_id, resumed, known, done, pending)


def queue_urls(db: sqlite_utils.Database, run_id: int, entries: list[tuple[str, str, int]]) -> None:
    """Add URLs to the run's frontier (ignoring those already there)."""
    db.conn.executemany(
        "insert or ignore into crawl_queue (run_id, url, site, depth, done) values (?, ?, ?, ?, 0)",
        [(run_id, url, site, depth) for url, site, depth in entries],
    )


def mark_done(db: sqlite_utils.Database, run_id: int, entries: list[tuple[str, str, int]]) -> None:
    """Mark URLs done in the run's frontier, adding those not queued yet: a page can be written before the page
    that links to it queues the link, and must not be fetched again when the run resumes."""
    db.conn.executemany(
        "insert into crawl_queue (run_id, url, site, depth, done) values (?, ?, ?, ?, 1) "
        "on conflict (run_id, url) do update set done = 1",
        [(run_id, url, site, depth) for url, site, depth in entries],
    )


def finish_run(db: sqlite_utils.Database, run_id: int) -> None:
    """Record the run's end (ok when it fetched anything, else failed), and drop its frontier."""
    with db.atomic():
        status = "ok" if db["crawl_runs"].get(run_id)["fetched"] else "failed"
        db["crawl_runs"].update(run_id, {"finished_at": now(), "status": status})
        db.conn.execute("delete from crawl_queue where run_id = ?", [run_id])
