"""Compare main-content cleaners on the bundled fixtures: chrome leaked, content kept, speed.

Usage: python bench/cleaning.py [EVAL_DEV_DIR]

Fixtures: the demo site (chrome markers from demo/expected.json, content from the
evidence strings of demo/gold.jsonl) and, when given, a folder of page texts with
a gold.jsonl wrapped in chrome by shared/eval/make_site.py.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html
import trafilatura
from readability import Document

from pipeline.clean import clean_html

ROOT = Path(__file__).resolve().parent.parent
EVAL_CHROME = ["ADVERTISEMENT", "All rights reserved", "$81,220", "Top 10 online schools", "$99,999"]


def ours(html: str) -> str:
    return clean_html(html, "http://127.0.0.1/").text


def with_trafilatura(html: str) -> str:
    return trafilatura.extract(html, include_tables=True, include_comments=False, favor_precision=False) or ""


def with_readability(html: str) -> str:
    return lxml.html.fromstring(Document(html).summary()).text_content()


CLEANERS: dict[str, Callable[[str], str]] = {
    "codingkb (lxml)": ours,
    "trafilatura": with_trafilatura,
    "readability-lxml": with_readability,
}


def squash(text: str) -> str:
    return re.sub(r"[\s|]+", " ", text).strip().lower()


def fixture_set(site: Path, gold: Path, markers: list[str]) -> list[tuple[str, str, list[str], list[str]]]:
    """(name, html, evidence expected, chrome markers) per page of a fixture site."""
    evidence: dict[str, list[str]] = {}
    for line in gold.read_text(encoding="utf-8").splitlines():
        fact = json.loads(line)
        evidence.setdefault(fact["page"], []).append(fact["evidence"])
    pages = []
    for path in sorted(site.rglob("*.html")):
        if "private" in path.parts:
            continue
        raw = path.read_bytes()
        html = raw.decode("cp1252") if b'charset="windows-1252"' in raw else raw.decode("utf-8")
        pages.append((path.stem, html, evidence.get(path.stem, []), markers))
    return pages


def measure(cleaner: Callable[[str], str], pages: list) -> dict[str, float]:
    leaked = kept = wanted = 0
    start = time.perf_counter()
    texts = [cleaner(html) for _, html, _, _ in pages]
    elapsed = time.perf_counter() - start
    for text, (_, _, evidence, markers) in zip(texts, pages, strict=True):
        flat = squash(text)
        leaked += any(squash(m) in flat for m in markers)
        wanted += len(evidence)
        kept += sum(squash(e) in flat for e in evidence)
    return {"pages": len(pages), "leaked": leaked, "kept": kept / wanted if wanted else 1.0,
            "per_s": len(pages) / elapsed}


def main(eval_dir: str | None) -> None:
    expected = json.loads((ROOT / "demo/expected.json").read_text(encoding="utf-8"))
    sets = {"demo site": fixture_set(ROOT / "demo/site", ROOT / "demo/gold.jsonl",
                                     expected["chrome_markers"] + expected["script_markers"])}
    if eval_dir:
        out = Path(tempfile.mkdtemp())
        subprocess.run([sys.executable, ROOT.parent / "shared/eval/make_site.py", out,
                        *map(str, sorted(Path(eval_dir).glob("*.txt")))], check=True, capture_output=True)
        sets["eval dev pages"] = fixture_set(out / "articles", Path(eval_dir) / "gold.jsonl", EVAL_CHROME)
    print("| fixtures | cleaner | pages | pages with chrome left | gold evidence kept | pages/s |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for set_name, pages in sets.items():
        for name, cleaner in CLEANERS.items():
            m = measure(cleaner, pages)
            print(f"| {set_name} | {name} | {m['pages']} | {m['leaked']} | {m['kept']:.0%} | {m['per_s']:.0f} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
