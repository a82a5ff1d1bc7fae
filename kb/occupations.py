"""The occupation registry as published, and how many facts and pages state something about each occupation.

``occupations`` holds the registry (pipeline/data/soc.toml) with two counts: ``facts``, the current wage and
outlook facts whose ``occupation_code`` is the occupation's, and ``pages``, the pages that state them.
``occupation_pages`` holds how many such facts each page states about each occupation. Triggers keep both
current in the transaction of every write to wages and outlook, as the summaries are kept (kb/summaries.py),
so that the counts are read, never counted, on a million facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import sqlite_utils

from kb.triggers import replace_triggers
from pipeline.soc import OCCUPATIONS, ROLES

OCCUPATION_COLUMNS = {
    "code": str, "title": str, "classification": int, "series": str, "replaces": str, "replaced_by": str,
    "former_titles": str, "names": str, "beside": int, "facts": int, "pages": int,
}
ROLE_COLUMNS = {"name": str, "note": str}
COUNTED_TABLES = ("wages", "outlook")  # the fact tables that name an occupation_code


def ensure_registry(db: sqlite_utils.Database) -> None:
    """Create the registry tables the file lacks (before the fact tables that point at them)."""
    if not db["occupations"].exists():
        db["occupations"].create(OCCUPATION_COLUMNS, pk="code", not_null={"facts", "pages"},
                                 defaults={"facts": 0, "pages": 0}, foreign_keys=[("series", "occupations", "code")])
    if not db["occupation_roles"].exists():
        db["occupation_roles"].create(ROLE_COLUMNS, pk="name")
    if not db["occupation_pages"].exists():
        db["occupation_pages"].create({"code": str, "page_url": str, "n": int}, pk=("code", "page_url"),
                                      foreign_keys=[("code", "occupations", "code"), ("page_url", "pages", "url")])


def ensure_counts(db: sqlite_utils.Database) -> None:
    """Create the triggers that count facts into the registry, counting the facts the file already holds when the
    triggers are new (or in another form)."""
    with db.atomic():
        if replace_triggers(db, triggers()):
            recount(db)


def recount(db: sqlite_utils.Database) -> None:
    """Count ``occupation_pages`` from the facts, and each occupation's facts and pages from it."""
    db.execute("delete from occupation_pages")
    current = " union all ".join(f"select occupation_code, page_url from [{table}] where occupation_code is not null "
                                 "and retracted_at is null" for table in COUNTED_TABLES)
    db.execute(f"insert into occupation_pages (code, page_url, n) select occupation_code, page_url, count(*) "
               f"from ({current}) group by occupation_code, page_url")
    count_occupations(db)


def count_occupations(db: sqlite_utils.Database) -> None:
    """Set each occupation's facts and pages from ``occupation_pages``."""
    db.execute("update occupations set "
               "facts = (select coalesce(sum(n), 0) from occupation_pages p where p.code = occupations.code), "
               "pages = (select count(*) from occupation_pages p where p.code = occupations.code)")


def registry_rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of ``occupations`` (without their counts) and ``occupation_roles``, from pipeline.soc."""
    occupations = [{"code": o.code, "title": o.title, "classification": o.classification, "series": o.series,
                    "replaces": list(o.replaces), "replaced_by": list(o.replaced_by),
                    "former_titles": list(o.former_titles), "names": list(o.names), "beside": int(o.beside)}
                   for o in OCCUPATIONS]
    return occupations, [{"name": role.name, "note": role.note} for role in ROLES]


def write_occupations(db: sqlite_utils.Database, occupations: Iterable[Mapping[str, Any]],
                      roles: Iterable[Mapping[str, Any]]) -> None:
    """Replace the registry's rows (lists as JSON arrays); an occupation added to it counts the facts already
    written about it."""
    with db.atomic():
        db["occupations"].upsert_all(occupations, pk="code", alter=True)
        db["occupation_roles"].upsert_all(roles, pk="name")
        count_occupations(db)


def triggers() -> dict[str, str]:
    """Every trigger that keeps the counts: on each counted fact table, and on occupation_pages."""
    return {name: sql for table in COUNTED_TABLES for name, sql in fact_triggers(table).items()} | {
        "occupation_pages_ai": "CREATE TRIGGER [occupation_pages_ai] after insert on [occupation_pages] begin "
                               "update occupations set facts = facts + new.n, pages = pages + 1 "
                               "where code = new.code; end",
        "occupation_pages_au": "CREATE TRIGGER [occupation_pages_au] after update of n on [occupation_pages] begin "
                               "update occupations set facts = facts + new.n - old.n where code = new.code; end",
        "occupation_pages_ad": "CREATE TRIGGER [occupation_pages_ad] after delete on [occupation_pages] begin "
                               "update occupations set facts = facts - old.n, pages = pages - 1 "
                               "where code = old.code; end",
    }


def fact_triggers(table: str) -> dict[str, str]:
    """The triggers that count each current fact of ``table`` with an occupation_code into occupation_pages."""
    def add(row: str) -> str:
        return (f"insert into occupation_pages (code, page_url, n) select {row}.occupation_code, {row}.page_url, 1 "
                f"where {row}.occupation_code is not null and {row}.retracted_at is null "
                "on conflict (code, page_url) do update set n = n + 1;")

    def remove(row: str) -> str:
        same = f"code = {row}.occupation_code and page_url = {row}.page_url"
        return (f"update occupation_pages set n = n - 1 where {same} and {row}.retracted_at is null; "
                f"delete from occupation_pages where {same} and n = 0;")

    changed = ("old.occupation_code is not new.occupation_code or old.page_url is not new.page_url "
               "or (old.retracted_at is null) is not (new.retracted_at is null)")
    name = f"{table}_occupations"
    return {
        f"{name}_ai": f"CREATE TRIGGER [{name}_ai] after insert on [{table}] begin {add('new')} end",
        f"{name}_ad": f"CREATE TRIGGER [{name}_ad] after delete on [{table}] begin {remove('old')} end",
        f"{name}_au": (f"CREATE TRIGGER [{name}_au] after update of occupation_code, page_url, retracted_at "
                       f"on [{table}] when {changed} begin {remove('old')} {add('new')} end"),
    }
