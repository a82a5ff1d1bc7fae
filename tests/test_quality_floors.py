"""Extraction quality never falls below the scores docs/quality.md records.

The development set (``../shared/eval``, real pages), the project's own probe pages
(``tests/fixtures/probe``) and the demo site's gold file are scored by the shared scorer; each
kind's precision and F1, and the macro-F1, must be at least what the recorded table says. When a
rule change raises a score, record the new table in docs/quality.md.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import KB, ROOT

EVAL = ROOT.parent / "shared" / "eval"
QUALITY = ROOT / "docs" / "quality.md"
_ROW = re.compile(r"^(?P<kind>[a-z_]+)\s+\d+\s+\d+\s+(?P<precision>[\d.]+)\s+[\d.]+\s+(?P<f1>[\d.]+)", re.MULTILINE)
_MACRO = re.compile(r"^macro-F1 (?P<f1>[\d.]+)$", re.MULTILINE)


def recorded(section: str) -> dict:
    """The score table in the first code block under the docs/quality.md heading ``section``."""
    text = QUALITY.read_text(encoding="utf-8").split(f"## {section}\n", 1)[1]
    block = text.split("```", 2)[1]
    kinds = {m["kind"]: (float(m["precision"]), float(m["f1"])) for m in _ROW.finditer(block)}
    return {"kinds": kinds, "macro_f1": float(_MACRO.search(block)["f1"])}


def below_floor(scored: dict, floor: dict) -> list[str]:
    """Every score under its recorded floor (both compared at the two decimals the table shows)."""
    low = []
    for kind, (precision, f1) in floor["kinds"].items():
        got = scored["report"].get(kind, {"precision": 0.0, "f1": 0.0})
        low += [f"{kind} {name} {round(got[name], 2):.2f} < {want:.2f}"
                for name, want in (("precision", precision), ("f1", f1)) if round(got[name], 2) < want]
    if round(scored["macro_f1"], 2) < floor["macro_f1"]:
        low.append(f"macro-F1 {scored['macro_f1']:.2f} < {floor['macro_f1']:.2f}")
    return low


def scorer() -> str:
    score = EVAL / "score.py"
    assert score.exists(), f"the shared evaluation is missing: {EVAL} (clone ../shared beside the project)"
    return str(score)


def test_recorded_tables_are_read():
    for section in ("Development set", "Own probe pages", "Demo site"):
        floor = recorded(section)
        assert len(floor["kinds"]) == 10 and floor["macro_f1"] > 0.5, section


def test_demo_site_scores_at_least_the_recorded_floor(demo_db: Path):
    result = subprocess.run([sys.executable, scorer(), str(demo_db), str(ROOT / "demo" / "gold.jsonl"), "--json"],
                            capture_output=True, text=True, check=True)
    assert below_floor(json.loads(result.stdout), recorded("Demo site")) == []


def crawled_and_scored(*pages: Path) -> dict:
    """The shared evaluation's crawl and score of page folders (the development set when none is given)."""
    scorer()
    result = subprocess.run([str(EVAL / "run.sh"), *map(str, pages)], cwd=ROOT, capture_output=True, text=True,
                            timeout=900, env={**os.environ, "KB": KB, "SCORE_FLAGS": "--json"})
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("{"), result.stdout[-2000:] + result.stderr[-2000:]
    return json.loads(last)


def test_development_set_scores_at_least_the_recorded_floor():
    assert below_floor(crawled_and_scored(), recorded("Development set")) == []


def test_own_probe_pages_score_at_least_the_recorded_floor():
    assert below_floor(crawled_and_scored(ROOT / "tests" / "fixtures" / "probe"), recorded("Own probe pages")) == []
