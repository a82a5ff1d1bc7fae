"""Datasette plugin: arbitrary SQL stays open, within limits a hostile query cannot get past.

- No value may be longer than ``MAX_VALUE_BYTES`` (SQLite's SQLITE_LIMIT_LENGTH): ``randomblob(267000000)`` or a
  huge ``printf`` fails at once instead of being built. Every stored value is shorter: a page's text comes from a
  body of at most DOWNLOAD_MAXSIZE (16 MB).
- No answer may hold more than ``MAX_ANSWER_BYTES`` of text and blobs: the rows are counted as they are fetched,
  so the server stops before holding more.
- Functions and tables that reveal the server rather than the data are refused (SQLite's authorizer):
  ``fts3_tokenizer`` (a memory address) and ``pragma_database_list`` (the file's full path). Datasette's own
  ``PRAGMA database_list`` statement, which it needs, stays allowed; its page that shows the same path
  (``/-/databases``) answers 404.
"""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl

MAX_VALUE_BYTES = 16 * 1024 * 1024
MAX_ANSWER_BYTES = 64 * 1024 * 1024
REFUSED_FUNCTIONS = {"fts3_tokenizer"}
REFUSED_TABLES = {"pragma_database_list"}
HIDDEN_PATHS = {"/-/databases", "/-/databases.json"}
ASGIApp = Callable[[dict, Callable[[], Awaitable[dict]], Callable[[dict], Awaitable[None]]], Awaitable[None]]


class AnswerTooLargeError(sqlite3.DatabaseError):
    """A query's answer passed MAX_ANSWER_BYTES."""


def authorize(action: int, first: str | None, second: str | None, database: str | None, source: str | None) -> int:
    """SQLite's authorizer: deny the refused functions and tables, allow everything else."""
    if action == sqlite3.SQLITE_FUNCTION and second in REFUSED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_READ and first in REFUSED_TABLES:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def budgeted_rows(row_factory: Any) -> Any:
    """``row_factory`` that also adds up each cursor's text and blob bytes, failing the query past the budget."""
    spent: weakref.WeakKeyDictionary[sqlite3.Cursor, int] = weakref.WeakKeyDictionary()

    def make_row(cursor: sqlite3.Cursor, values: tuple) -> Any:
        total = spent.get(cursor, 0) + sum(len(v) if isinstance(v, str | bytes) else 8 for v in values)
        if total > MAX_ANSWER_BYTES:
            raise AnswerTooLargeError(f"the answer is over {MAX_ANSWER_BYTES // 2**20} MB: select fewer rows or "
                                      "columns, or add a LIMIT")
        spent[cursor] = total
        return row_factory(cursor, values)

    return make_row


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.set_authorizer(authorize)
    conn.row_factory = budgeted_rows(conn.row_factory or sqlite3.Row)


@hookimpl
def asgi_wrapper() -> Callable[[ASGIApp], ASGIApp]:
    def wrap(app: ASGIApp) -> ASGIApp:
        async def hide_paths(scope: dict, receive: Callable, send: Callable) -> None:
            if scope["type"] == "http" and scope["path"] in HIDDEN_PATHS:
                await send({"type": "http.response.start", "status": 404,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
                await send({"type": "http.response.body", "body": b"Not found.\n"})
                return
            await app(scope, receive, send)

        return hide_paths

    return wrap
