"""Full-text search tables, and the project's own triggers that keep them in step with their tables.

sqlite-utils builds each FTS5 table (``enable_fts(create_triggers=False)``, which also indexes the rows already
there); the triggers are written here, so that re-indexing a row happens only when its searched text changes.
"""

from __future__ import annotations

from collections.abc import Mapping

import sqlite_utils

from kb.triggers import replace_triggers


def ensure_search(db: sqlite_utils.Database, searched: Mapping[str, tuple[str, ...]]) -> None:
    """Give every table in ``searched`` a porter-stemmed FTS5 index over its columns, with current triggers."""
    for table, columns in searched.items():
        if db[table].detect_fts() is None:
            db[table].enable_fts(list(columns), create_triggers=False, tokenize="porter")
        older = (f"{table}_{suffix}" for suffix in ("ai", "ad", "au"))  # older files: sqlite-utils' own
        replace_triggers(db, triggers(table, columns), older)


def triggers(table: str, columns: tuple[str, ...]) -> dict[str, str]:
    """The insert, delete and update triggers of ``table``'s search index, by name."""
    fts = f"[{table}_fts]"
    names = ", ".join(f"[{c}]" for c in columns)
    new = ", ".join(f"new.[{c}]" for c in columns)
    old = ", ".join(f"old.[{c}]" for c in columns)
    changed = " or ".join(f"old.[{c}] is not new.[{c}]" for c in columns)
    add = f"insert into {fts} (rowid, {names}) values (new.rowid, {new});"
    remove = f"insert into {fts} ({fts}, rowid, {names}) values ('delete', old.rowid, {old});"
    return {
        f"{table}_fts_insert": f"CREATE TRIGGER [{table}_fts_insert] AFTER INSERT ON [{table}] BEGIN {add} END",
        f"{table}_fts_delete": f"CREATE TRIGGER [{table}_fts_delete] AFTER DELETE ON [{table}] BEGIN {remove} END",
        f"{table}_fts_update": f"CREATE TRIGGER [{table}_fts_update] AFTER UPDATE OF {names} ON [{table}] "
                               f"WHEN {changed} BEGIN {remove} {add} END",
    }
