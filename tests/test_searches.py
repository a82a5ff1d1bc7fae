"""Full-text searches on a table page: the same rows, count and facets whichever condition keeps the matches."""

from __future__ import annotations

import asyncio
import csv
import io
import sqlite3

import pytest

from kb import searches
from kb.serve import make_datasette
from tests.conftest import get_json
from tests.test_summaries import grow


def expected(db, word: str, size: int) -> tuple[int, list]:
    """The count and the first ``size`` as_of values (the page's order) of the wages whose evidence holds ``word``."""
    with sqlite3.connect(db) as conn:
        matches = "rowid in (select rowid from wages_fts where wages_fts match ?)"
        total = conn.execute(f"select count(*) from wages where {matches}", [word]).fetchone()[0]
        dates = [d for (d,) in conn.execute(f"select as_of from wages where {matches} order by as_of desc limit ?",
                                            [word, size])]
    return total, dates


@pytest.mark.parametrize("few, newer, condition, counted", [
    (100_000, 0, "where rowid in (select", True),  # few matches: Datasette's own condition
    # more, and the page found in time along the page's order: each row read asked of the full-text index
    (10, 0, "where exists (select 1 from", False),
    # more, but 20,000 newer facts come first in the page's order, too many to read in time: the set of matches
    (10, 20_000, "where +rowid in (select", False),
])
def test_a_search_shows_the_same_page_and_count_whichever_condition_keeps_its_matches(
        kb_copy, monkeypatch, few, newer, condition, counted):
    grow(kb_copy, 3_000, "quokka")
    with sqlite3.connect(kb_copy) as conn:  # dated over 25 years, so that the page's order shows
        conn.execute("update wages set as_of = cast(2000 + rowid % 25 as text) where id like 'grown-%'")
    grow(kb_copy, newer, "wombat", prefix="newer", as_of="2099")
    monkeypatch.setattr(searches, "FEW", few)
    page = get_json(kb_copy, "/kb/wages.json?_search=quokka&_size=20")
    total, dates = expected(kb_copy, "quokka", 20)
    assert page["filtered_table_rows_count"] == total == 3_000
    assert [row[page["columns"].index("as_of")] for row in page["rows"]] == dates
    assert all("quokka" in row[page["columns"].index("evidence")] for row in page["rows"])
    assert condition in page["query"]["sql"]
    following = get_json(kb_copy, "/kb/wages.json?_search=quokka&_size=20&_next=" + page["next"])
    assert [row[page["columns"].index("as_of")] for row in following["rows"]] == expected(kb_copy, "quokka", 40)[1][20:]
    filtered = get_json(kb_copy, "/kb/wages.json?_search=quokka&statistic=mean&_size=5")
    with sqlite3.connect(kb_copy) as conn:
        means = conn.execute("select count(*) from wages where statistic = 'mean' and "
                             "rowid in (select rowid from wages_fts where wages_fts match 'quokka')").fetchone()[0]
    assert means == 300
    # With another filter, a search with many matches is not counted (kb.searches.uncountable); its rows are shown.
    assert filtered["filtered_table_rows_count"] == (means if counted else None)
    assert len(filtered["rows"]) == 5


@pytest.mark.parametrize("order, sql", [("_sort=amount", "amount"), ("_sort_desc=amount", "amount desc")])
def test_a_sorted_search_is_read_along_its_sort_order(kb_copy, monkeypatch, order, sql):
    grow(kb_copy, 3_000, "quokka")
    monkeypatch.setattr(searches, "FEW", 10)
    page = get_json(kb_copy, f"/kb/wages.json?_search=quokka&_size=10&{order}")
    with sqlite3.connect(kb_copy) as conn:
        amounts = [a for (a,) in conn.execute(
            f"select amount from wages where rowid in (select rowid from wages_fts where wages_fts match 'quokka') "
            f"order by {sql} limit 10")]
    assert [row[page["columns"].index("amount")] for row in page["rows"]] == amounts
    assert "where exists (select 1 from" in page["query"]["sql"]
    assert page["filtered_table_rows_count"] == 3_000


def test_a_search_with_few_matches_has_its_facets_counted_from_its_rows(kb_copy):
    grow(kb_copy, 500, "quokka")
    page = get_json(kb_copy, "/kb/wages.json?_search=quokka&_size=1")
    assert page["filtered_table_rows_count"] == 500
    assert {(v["value"], v["count"]) for v in page["facet_results"]["statistic"]["results"]} == {
        ("median", 450), ("mean", 50)}


def test_a_search_page_is_there_as_json_and_csv(kb_copy):
    grow(kb_copy, 200, "quokka")

    async def fetch() -> tuple[str, str]:
        datasette = make_datasette(str(kb_copy))
        html = await datasette.client.get("/kb/wages?_search=quokka")
        table = await datasette.client.get("/kb/wages.csv?_search=quokka&_size=max")
        return html.text, table.text

    html, table = asyncio.run(fetch())
    assert "200 rows" in html and "quokka figure" in html
    rows = list(csv.DictReader(io.StringIO(table)))
    assert len(rows) == 200 and all("quokka" in row["evidence"] for row in rows)
