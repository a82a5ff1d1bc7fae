"""A file written by schema_version 1 (tests/fixtures/kb_v1.sql), opened by a crawl or a refresh: upgraded in place
to version 2, every row kept."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from kb.schema import FACT_COLUMNS, SCHEMA_VERSION, ensure_schema, index_name, refresh_statistics, summary_indexes
from kb.sitehost import serve_directory
from kb.summaries import SUMMARIES
from tests.conftest import DEMO_SITE, KB, ROOT, get_json, kb
from tests.test_summaries import counted, grow

V1 = ROOT / "tests" / "fixtures" / "kb_v1.sql"
V1_PORT = 28419  # where the demo site was served when the file was written (tests/fixtures/kb_v1.sql)
PAGES = ("guides/medical-records-job-outlook.html", "guides/coding-salary-by-credential.html",
         "certifications/coc-certified-outpatient-coder.html")
ADDED = {"wages": {"occupation_code", "occupation_basis"}, "outlook": {"occupation_code", "occupation_basis"},
         "credential_mentions": {"page_code"}, "credentials": {"status", "successor", "changed"}}


def v1_file(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.executescript(V1.read_text(encoding="utf-8"))
    conn.close()
    return path


def rows(db: Path) -> dict[str, dict]:
    """Every row of the version-1 tables, by table and key, with version 1's columns only."""
    found = {}
    with sqlite3.connect(db) as conn:
        for table, key in [("pages", "url"), *((t, "id") for t in FACT_COLUMNS), ("credentials", "code")]:
            cursor = conn.execute(f"select * from [{table}]")
            columns = [column[0] for column in cursor.description]
            found[table] = {row[columns.index(key)]: {c: v for c, v in zip(columns, row, strict=True)
                                                      if c not in ADDED.get(table, ())} for row in cursor}
    conn.close()
    return found


def schema_objects(db: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return set(conn.execute("select type, name from sqlite_master where name not like 'sqlite_%'"))


def test_the_fixture_is_a_version_1_file(tmp_path):
    with sqlite3.connect(v1_file(tmp_path / "kb.db")) as conn:
        assert conn.execute("select version from schema_version").fetchall() == [(1,)]
        assert "occupation_code" not in {row[1] for row in conn.execute("pragma table_info(wages)")}
        assert conn.execute("select count(*) from wages").fetchone()[0] > 0


def test_a_version_1_file_opened_by_a_crawl_becomes_version_2_and_keeps_its_rows(demo_site, tmp_path):
    db = v1_file(tmp_path / "kb.db")
    before = rows(db)
    kb("crawl", "--start-url", f"{demo_site.base}/guides/medical-coder-salary-by-state.html", "--depth", "0",
       "--db", str(db))
    after = rows(db)
    conn = sqlite3.connect(db)
    assert conn.execute("select version from schema_version").fetchall() == [(SCHEMA_VERSION,)]
    for table, found in before.items():
        assert {key: after[table][key] for key in found} == found, table  # every row, as it was
    for table, columns in ADDED.items():
        present = {row[1] for row in conn.execute(f"pragma table_info([{table}])")}
        assert columns <= present, table
    new_page = f"{demo_site.base}/guides/medical-coder-salary-by-state.html"
    assert conn.execute("select count(*) from wages where page_url = ? and occupation_code is not null",
                        [new_page]).fetchone()[0] > 0
    fresh = tmp_path / "fresh.db"
    ensure_schema(sqlite_utils.Database(fresh))
    assert schema_objects(db) == schema_objects(fresh)  # tables, indexes, views and triggers of a new file, no more
    for summary in SUMMARIES:
        truth, held = counted(conn, summary)
        assert truth == held, summary.name
    assert conn.execute("select count(*) from wages_fts where wages_fts match 'median'").fetchone()[0] > 0


@pytest.fixture
def sources(tmp_path) -> Iterator[Path]:
    """The demo site where the version-1 file found it, and a sources file naming its site and three pages."""
    path = tmp_path / "sources.toml"
    with serve_directory(DEMO_SITE, port=V1_PORT) as base:
        urls = ", ".join(f'"{base}/{page}"' for page in PAGES)
        allow = "|".join(re.escape(page) for page in PAGES)
        path.write_text(f'[[sites]]\nname = "127.0.0.1:{V1_PORT}"\nstart_urls = [{urls}]\nallow = [\'{allow}\']\n',
                        encoding="utf-8")
        yield path


def test_a_full_refresh_of_an_upgraded_file_codes_its_facts_in_place(sources, tmp_path):
    db = v1_file(tmp_path / "kb.db")
    before = rows(db)
    kb("refresh", "--full", "--db", str(db), "--sources", str(sources))
    after = rows(db)
    for table, found in before.items():
        assert set(found) <= set(after[table]), table  # every fact keeps its row and id
    conn = sqlite3.connect(db)
    assert conn.execute("select facts_updated from crawl_runs order by id desc limit 1").fetchone()[0] > 0
    coded = conn.execute("select count(*), count(occupation_code) from current_wages where occupation is not null "
                         "and id in (select value from json_each(?))", [json.dumps(list(before["wages"]))]).fetchone()
    assert coded[0] > 0 and coded[1] == coded[0]  # each fact naming an occupation, coded in its own row
    mentions = conn.execute("select code, page_code from current_credential_mentions").fetchall()
    assert mentions and all(code == page_code for code, page_code in mentions)
    assert set(before["credential_mentions"]) == {row[0] for row in conn.execute("select id from credential_mentions")}
    facts, pages = conn.execute("select facts, pages from occupations where code = '29-2072'").fetchone()
    assert facts > 0 and pages == len({row[0] for row in conn.execute(
        "select page_url from current_wages where occupation_code = '29-2072' union "
        "select page_url from current_outlook where occupation_code = '29-2072'")})


def test_kb_serve_asks_for_an_upgrade_of_a_version_1_file_and_kb_upgrade_makes_it(tmp_path):
    db = v1_file(tmp_path / "kb.db")
    refused = subprocess.run([KB, "serve", "--db", str(db), "--port", "0"], capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert refused.stderr.strip().splitlines() == [
        f"Error: {db} has schema_version 1; run `kb upgrade --db {db}` to bring it to version 2 (every row is kept), "
        "then serve it"]
    before = rows(db)
    assert kb("upgrade", "--db", str(db)).stdout.strip() == f"{db}: schema_version 1 -> {SCHEMA_VERSION}"
    after = rows(db)
    assert {table: after[table] for table in ["pages", *FACT_COLUMNS]} == {
        table: before[table] for table in ["pages", *FACT_COLUMNS]}
    assert set(before["credentials"]) <= set(after["credentials"])  # and the former credentials added
    facets = get_json(db, "/kb/wages.json?_size=0")["facet_results"]
    assert "occupation_code" in facets
    assert get_json(db, "/kb/occupations.json?_size=0")["filtered_table_rows_count"] > 0


def test_an_upgraded_file_has_statistics_for_its_new_indexes_and_steers_by_codes_once_filled(tmp_path):
    db = v1_file(tmp_path / "kb.db")
    grow(db, 5_000, "figure")
    with sqlite3.connect(db) as conn:
        conn.execute("analyze")  # as a version-1 writer leaves a large file
    kb("upgrade", "--db", str(db))
    file = sqlite_utils.Database(db)
    described = {idx for (idx,) in file.execute("select idx from sqlite_stat1 where tbl = 'wages'")}
    assert {index.name for index in file["wages"].indexes} <= described
    led = index_name("wages", next(c for c in summary_indexes("wages") if c[0] == "occupation_code"))
    stat = file.execute("select stat from sqlite_stat1 where idx = ?", [led]).fetchone()[0]
    assert not stat.endswith("noskipscan")  # no code yet to steer by
    file.execute("update wages set occupation_code = '29-2072' where rowid % 3 = 0")  # as a full refresh would
    refresh_statistics(file)  # as the end of that refresh does
    stat = file.execute("select stat from sqlite_stat1 where idx = ?", [led]).fetchone()[0]
    coded = file.execute("select count(*) from wages where occupation_code = '29-2072'").fetchone()[0]
    assert stat.split()[1] == str(coded) and stat.endswith("noskipscan")
