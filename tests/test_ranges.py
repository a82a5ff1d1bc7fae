"""A range filter that keeps few facts leads its page's query, and the page is what the range keeps."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import get_json
from tests.test_summaries import grow


@pytest.mark.parametrize("path, where, narrowed", [
    ("/kb/current_wages.json?amount__gt=40990", "amount > 40990 and retracted_at is null", True),  # a few facts
    ("/kb/wages.json?amount__gte=90000", "amount >= 90000", True),  # none
    ("/kb/wages.json?amount__lt=99999&statistic=median", "amount < 99999 and statistic = 'median'", False),  # most
])
def test_a_range_filter_keeps_what_it_says_and_leads_the_query_when_it_keeps_few(kb_copy, path, where, narrowed):
    grow(kb_copy, 12_000, "figure")  # amounts 40,000 to 40,996
    page = get_json(kb_copy, path + "&_size=max")
    with sqlite3.connect(kb_copy) as conn:
        expected = sorted(i for (i,) in conn.execute(f"select id from wages where {where}"))
    shown = {row[page["columns"].index("id")] for row in page["rows"]}
    assert shown <= set(expected) and len(shown) == min(len(expected), 1000)
    assert page["filtered_table_rows_count"] == len(expected)
    assert ("[id] in (select id from [wages] where [amount]" in page["query"]["sql"]) == narrowed


@pytest.mark.parametrize("path, where, led", [
    ("/kb/wages.json?as_of__startswith=2024", "as_of like '2024%'", True),
    ("/kb/wages.json?as_of__startswith=2023-0&statistic=median", "as_of like '2023-0%' and statistic = 'median'", True),
    ("/kb/current_wages.json?as_of__startswith=202", "as_of like '202%' and retracted_at is null", True),
    ("/kb/wages.json?as_of__startswith=202_", "as_of like '202_%'", False),  # a wildcard: like keeps more
    ("/kb/wages.json?statistic__startswith=MED", "statistic like 'MED%'", False),  # like ignores the letters' case
])
def test_a_prefix_filter_keeps_what_like_keeps_and_is_read_through_the_index_as_a_range(kb_copy, path, where, led):
    grow(kb_copy, 3_000, "figure")  # as of 2024
    page = get_json(kb_copy, path + "&_size=max")
    with sqlite3.connect(kb_copy) as conn:
        expected = {i for (i,) in conn.execute(f"select id from wages where {where}")}
    assert {row[page["columns"].index("id")] for row in page["rows"]} <= expected
    assert len(page["rows"]) == min(len(expected), 1000) and page["filtered_table_rows_count"] == len(expected)
    assert ('"as_of" >= :kb_prefix_' in page["query"]["sql"]) == led
