"""Full-text search: indexes built by sqlite-utils, kept current by the project's own triggers."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from kb.fulltext import ensure_search, triggers
from kb.occupations import COUNTED_TABLES, fact_triggers
from kb.schema import SEARCHED_COLUMNS, ensure_schema
from kb.summaries import SUMMARIES
from kb.summaries import triggers as summary_triggers


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(tmp_path / "kb.db")
    ensure_schema(db)
    return db


def found(db: sqlite_utils.Database, words: str) -> list[str]:
    return [row["url"] for row in db["pages"].search(words, columns=["url"])]


def page(url: str, text: str) -> dict:
    return {"url": url, "site": "local", "title": "Guide", "text": text}


def test_every_searched_table_has_the_project_s_triggers_only(db):
    for table, columns in SEARCHED_COLUMNS.items():
        summarized = [summary_triggers(summary) for summary in SUMMARIES if summary.table == table]
        wanted = {**triggers(table, columns), **{n: sql for made in summarized for n, sql in made.items()},
                  **(fact_triggers(table) if table in COUNTED_TABLES else {})}
        assert {t.name: t.sql for t in db.triggers if t.table == table} == wanted


def test_search_follows_inserts_text_changes_and_deletes(db):
    db["pages"].insert(page("http://127.0.0.1/a", "Coders review charts"))
    assert found(db, "chart") == ["http://127.0.0.1/a"]  # porter-stemmed
    db["pages"].update("http://127.0.0.1/a", {"text": "Billers send claims"})
    assert found(db, "chart") == [] and found(db, "claim") == ["http://127.0.0.1/a"]
    db["pages"].update("http://127.0.0.1/a", {"etag": "v2", "text": "Billers send claims"})
    assert found(db, "claim") == ["http://127.0.0.1/a"]
    db["pages"].delete("http://127.0.0.1/a")
    assert found(db, "claim") == []
    assert db.execute("insert into pages_fts(pages_fts) values ('integrity-check')")


def test_a_file_with_sqlite_utils_triggers_gets_the_project_s_and_keeps_its_index(tmp_path):
    db = sqlite_utils.Database(tmp_path / "old.db")
    db["pages"].insert(page("http://127.0.0.1/a", "Coders review charts"), pk="url")
    db["pages"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    ensure_search(db, {"pages": ("title", "text")})
    assert {t.name for t in db.triggers} == set(triggers("pages", ("title", "text")))
    assert found(db, "chart") == ["http://127.0.0.1/a"]
    db["pages"].update("http://127.0.0.1/a", {"text": "Billers send claims"})
    assert found(db, "chart") == [] and found(db, "claim") == ["http://127.0.0.1/a"]
