"""The file's triggers, replaced as a set whenever one differs from what the code creates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import sqlite_utils


def replace_triggers(db: sqlite_utils.Database, wanted: Mapping[str, str], stale: Iterable[str] = ()) -> bool:
    """Make ``wanted`` (name -> CREATE TRIGGER statement) the file's triggers of those names, in one transaction,
    dropping those named in ``stale`` too (an older file's); whether anything had to change."""
    names = {*wanted, *stale}
    present = {t.name: t.sql for t in db.triggers if t.name in names}
    if present == dict(wanted):
        return False
    with db.atomic():
        for name in present:
            db.execute(f"drop trigger [{name}]")
        for sql in wanted.values():
            db.execute(sql)
    return True
