"""docs/schema.md, the downstream apps' reference, against a real knowledge-base file."""

from __future__ import annotations

import contextlib
import io
import os
import re
import sqlite3

from tests.conftest import ROOT

SCHEMA_DOC = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")


def test_schema_doc_names_every_table_and_column(demo_db):
    conn = sqlite3.connect(f"file:{demo_db}?mode=ro", uri=True)
    tables = [row[0] for row in conn.execute(
        "select name from sqlite_master where type = 'table' and name not like '%_fts%' and name not like 'sqlite_%'"
    )]
    for table in tables:
        assert f"`{table}`" in SCHEMA_DOC, table
        for column in (row[1] for row in conn.execute(f"pragma table_info([{table}])")):
            assert f"`{column}`" in SCHEMA_DOC, (table, column)


def test_python_example_answers_its_question_read_only(demo_db, monkeypatch):
    example = re.search(r"```python\n(.*?)```", SCHEMA_DOC, re.S).group(1)
    monkeypatch.chdir(demo_db.parent)
    assert os.path.exists("kb.db")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(example, "docs/schema.md", "exec"), {})
    lines = printed.getvalue().splitlines()
    expected = sqlite3.connect(demo_db).execute(
        "select count(distinct attributed_to) from current_wages "
        "where statistic = 'median' and period = 'annual' and attributed_to is not null and as_of is not null"
    ).fetchone()[0]
    assert expected and len(lines) >= expected
    assert all(re.match(r"[A-Z]+: \$[\d,]+ a year as of \d{4}", line) for line in lines)
