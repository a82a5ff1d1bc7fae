"""The served file's schema, looked up once for each state of the file (kb serve).

Datasette looks the schema up afresh for every page: which tables and views there are, their columns, keys,
labels and full-text tables, each answer a query sent to a database thread (twenty to thirty a page, a third of
a row page's server time). The schema changes only with a write, and a write changes the file or its
write-ahead log, so each answer is kept while both files' size and modification time stay the same (a stat
each, a few microseconds), and given out as a copy.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Awaitable, Callable
from typing import Any

from datasette.database import Database

# Database's methods whose answer depends on the schema alone (and on the metadata, which does not change).
SCHEMA_METHODS = (
    "table_names", "view_names", "hidden_table_names", "table_exists", "table_columns", "table_column_details",
    "primary_keys", "fts_table", "label_column_for_table", "foreign_keys_for_table", "get_all_foreign_keys",
    "get_table_definition", "get_view_definition",
)


def file_state(path: str) -> tuple:
    """Size and modification time of a SQLite file and its write-ahead log (None for a file that is not there)."""
    return tuple(_stat(path + suffix) for suffix in ("", "-wal"))


def _stat(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return info.st_size, info.st_mtime_ns


class SchemaCachedDatabase(Database):
    """A file whose schema lookups are answered from memory until the file changes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.schema_state: tuple | None = None
        self.schema_answers: dict[tuple, Any] = {}

    async def schema_answer(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """``Database.<method>(*args, **kwargs)``, from memory while the file is as it was."""
        state = file_state(self.path)
        if state != self.schema_state:
            self.schema_state, self.schema_answers = state, {}
        key = (method, args, tuple(sorted(kwargs.items())))
        if key not in self.schema_answers:
            self.schema_answers[key] = await getattr(Database, method)(self, *args, **kwargs)
        return copy.deepcopy(self.schema_answers[key])


def _cached(method: str) -> Callable[..., Awaitable[Any]]:
    async def answer(self: SchemaCachedDatabase, *args: Any, **kwargs: Any) -> Any:
        return await self.schema_answer(method, *args, **kwargs)

    answer.__name__ = method
    return answer


for _method in SCHEMA_METHODS:
    setattr(SchemaCachedDatabase, _method, _cached(_method))
