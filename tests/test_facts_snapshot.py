"""Every fact the pipeline reads from the demo pages and a fixed sample of generated pages, pinned.

A rule change that adds, drops or alters a fact fails this test with the difference; when the
change is meant, write the snapshot again and commit it with the rule, so the diff is reviewed:

    KB_UPDATE_SNAPSHOT=1 .venv/bin/pytest tests/test_facts_snapshot.py
"""

from __future__ import annotations

import difflib
import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

from w3lib.encoding import html_to_unicode

from bench import sitegen
from pipeline.process import process_page

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = Path(__file__).with_name("snapshots") / "facts.jsonl"
GENERATED_PAGES = 45  # the first pages of the benchmark site, seed 2026: 30 guides and 15 program pages


def demo_pages() -> Iterator[tuple[str, str]]:
    site = ROOT / "demo" / "site"
    for path in sorted(site.rglob("*.html")):
        _, html = html_to_unicode(None, path.read_bytes())  # as the crawler reads it: some pages are not UTF-8
        yield f"http://127.0.0.1/demo/{path.relative_to(site).as_posix()}", html


def generated_pages() -> Iterator[tuple[str, str]]:
    rng = random.Random(2026)
    for n in range(GENERATED_PAGES):
        yield f"http://127.0.0.1/bench/articles/guide-{n}.html", sitegen.article(n, 5000, rng)


def fact_lines() -> list[str]:
    """One JSON line per fact: the page, the table and the row (its columns sorted)."""
    lines = []
    for url, html in [*demo_pages(), *generated_pages()]:
        for table, rows in process_page(html, url).facts.items():
            lines += [json.dumps({"page": url, "table": table, "row": dict(sorted(row.items()))}, ensure_ascii=False)
                      for row in rows]
    return lines


def test_facts_match_the_committed_snapshot():
    lines = fact_lines()
    if os.environ.get("KB_UPDATE_SNAPSHOT"):
        SNAPSHOT.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    pinned = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    diff = list(difflib.unified_diff(pinned, lines, "snapshot", "now", lineterm="", n=0))
    assert not diff, f"{len(diff)} lines of difference (KB_UPDATE_SNAPSHOT=1 writes the new facts):\n" + "\n".join(
        diff[:60])
