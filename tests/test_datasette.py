"""Datasette, configured as ``kb serve`` configures it, on a crawled knowledge base."""

from __future__ import annotations

from tests.conftest import get_json


def test_json_api_returns_the_pages(demo_db, demo_expected):
    data = get_json(demo_db, "/kb/pages.json?_shape=objects&_size=max&_col=title")
    assert len(data["rows"]) >= len(demo_expected["content_pages"])
    assert all(row["url"].startswith("http://127.0.0.1:") for row in data["rows"])


def test_full_text_search_finds_the_one_page_with_a_phrase(demo_db, demo_site, demo_expected):
    unique = demo_expected["unique_phrase"]
    data = get_json(demo_db, f'/kb/pages.json?_shape=objects&_search="{unique["phrase"]}"')
    assert [row["url"] for row in data["rows"]] == [demo_site.base + unique["path"]]


def test_metadata_describes_every_table_and_column(demo_db):
    data = get_json(demo_db, "/-/metadata.json")
    tables = data["databases"]["kb"]["tables"]
    schema = get_json(demo_db, "/kb.json")
    for table in schema["tables"]:
        if table["hidden"]:
            continue
        assert tables[table["name"]]["description"], table["name"]
        described = set(tables[table["name"]].get("columns", {}))
        undescribed = set(table["columns"]) - described
        assert not undescribed, (table["name"], undescribed)
    assert data["title"] and data["license"] and data["source"]
