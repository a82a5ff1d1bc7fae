"""kb serve's rows of a table or row page, written in one piece (kb/plugins/table_rows.py), are Datasette's own."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from pathlib import Path

import lxml.html
import pytest
from markupsafe import Markup

import kb.serve
from kb.plugins.table_rows import table_rows
from kb.serve import make_datasette

PAGES = [
    "/kb/wages",  # links to pages and occupations, blanks, numbers
    "/kb/wages?_sort=amount",
    "/kb/wages?_sort_desc=as_of&statistic=median",
    "/kb/pages?_size=5",  # URLs as links
    "/kb/programs?_col=institution&_col=cost_usd",
    "/kb/credentials",  # a text primary key, a link to another credential
    "/kb/crawl_runs",
    "/kb/wages?statistic=no-such-statistic",  # no rows
]


def rendered(db: Path, paths: list[str]) -> list[str]:
    async def fetch() -> list[str]:
        client = make_datasette(str(db)).client
        return [(await client.get(path)).text for path in paths]

    return asyncio.run(fetch())


def table_parts(html: str) -> list[tuple]:
    """Each element of a page's table of rows (or its "0 records"): tag, attributes, text and tail, spaces aside."""
    page = lxml.html.fromstring(html)
    found = page.cssselect("div.table-wrapper table.rows-and-columns, p.zero-results")
    assert len(found) == 1
    return [(e.tag, sorted(e.attrib.items()), " ".join((e.text or "").split()), " ".join((e.tail or "").split()))
            for e in found[0].iter()]


@pytest.fixture(scope="module")
def stock_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """kb serve's templates without its _table.html, so that Datasette's own is used."""
    directory = tmp_path_factory.mktemp("templates")
    for template in kb.serve.TEMPLATES.iterdir():
        if template.name != "_table.html":
            shutil.copy(template, directory / template.name)
    return directory


@pytest.mark.parametrize("path", [*PAGES, "row"])
def test_rows_are_the_elements_datasette_s_own_template_writes(demo_db, stock_templates, monkeypatch, path):
    if path == "row":
        path = "/kb/wages/" + str(sqlite3.connect(demo_db).execute("select id from wages").fetchone()[0])
    ours = table_parts(rendered(demo_db, [path])[0])
    monkeypatch.setattr(kb.serve, "TEMPLATES", stock_templates)
    stock = table_parts(rendered(demo_db, [path])[0])
    assert ours == stock
    assert len(ours) > 1 or path.endswith("no-such-statistic")


@pytest.mark.parametrize(("cell", "html"), [
    ({"column": "evidence", "value": "<b>pay</b> & more", "value_type": "str"},
     '<td class="col-evidence type-str">&lt;b&gt;pay&lt;/b&gt; &amp; more</td>'),
    ({"column": "page_url", "value": Markup('<a href="/x">x</a>'), "value_type": "str"},
     '<td class="col-page_url type-str"><a href="/x">x</a></td>'),
    ({"column": "amount", "value": 41.5, "value_type": "float"}, '<td class="col-amount type-float">41.5</td>'),
    ({"column": "as of", "value": Markup("&nbsp;"), "value_type": "none"},
     '<td class="col-as-of-22a39b type-none">&nbsp;</td>'),
])
def test_a_cell_is_escaped_unless_datasette_made_it_html(cell, html):
    assert table_rows([[cell]]) == f"<tr>\n{html}\n</tr>"
