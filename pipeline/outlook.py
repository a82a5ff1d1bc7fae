"""Job outlook figures: projected growth, change in jobs, openings and jobs held."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from pipeline.dates import find_as_of, find_year_range
from pipeline.money import find_money
from pipeline.numbers import Number, find_numbers
from pipeline.occupations import find_occupation
from pipeline.page import CleanPage
from pipeline.percent import find_percents
from pipeline.statements import Statement, credited, page_source, statements

_DATA = tomllib.loads((Path(__file__).parent / "data" / "outlook.toml").read_text(encoding="utf-8"))
WORDS = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _DATA["words"].items()}
COUNTS = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _DATA["counts"].items()}

SMALLEST_COUNT = 100  # fewer jobs than this is a rank, a list length or a year's tail, not a job count
_YEARS = range(1990, 2050)
_CLAUSE_END = re.compile(r"[;—–(]|,\s+(?=(?:while|whereas|but|up|down|with|compared|versus)\b)", re.IGNORECASE)
_SHORT = 12  # words: a heading, row, card or label is one clause


def extract_outlook(page: CleanPage) -> list[dict]:
    """One row per projection or job count the page states, with its statement as evidence."""
    source = page_source(page)
    rows: list[dict] = []
    for statement in statements(page):
        for measure, value, clause in (*_growth(statement), *_counts(statement)):
            row = _row(page, statement, measure, value, clause, source)
            if row not in rows:
                rows.append(row)
    return rows


def _clause(statement: Statement, start: int, end: int) -> str:
    """The clause holding text[start:end]; a short statement is one clause, with its labels."""
    text = statement.text
    if "\n" in text or (len(text.split()) <= _SHORT and not statement.earlier):
        return f"{text}\n{statement.lead}"
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    return text[before[-1] if before else 0: after.start() if after else len(text)]


def _growth(statement: Statement) -> list[tuple[str, float, str]]:
    found = []
    for percent in find_percents(statement.text):
        clause = _clause(statement, percent.start, percent.end)
        if WORDS["not_growth"].search(clause) or not WORDS["growth"].search(clause):
            continue
        if not (WORDS["projection"].search(clause) or WORDS["employment"].search(clause)):
            continue
        declining = WORDS["decline"].search(clause) and percent.value > 0
        found.append(("growth_percent", -percent.value if declining else percent.value, clause))
    return found


def _counts(statement: Statement) -> list[tuple[str, float, str]]:
    text = statement.text
    taken = [(f.start, f.end) for finder in (find_money, find_percents) for f in finder(text)]
    found = []
    for number in find_numbers(text):
        if number.value < SMALLEST_COUNT or _is_year(text, number) or any(s <= number.start < e for s, e in taken):
            continue
        clause = _clause(statement, number.start, number.end)
        measure = next((name for name, pattern in COUNTS.items() if pattern.search(clause)), None)
        if measure:
            found.append((measure, number.value, clause))
    return found


def _is_year(text: str, number: Number) -> bool:
    return number.value in _YEARS and "," not in text[number.start:number.end]


def _row(page: CleanPage, statement: Statement, measure: str, value: float, clause: str, source: str | None) -> dict:
    start, end = find_year_range(clause)
    if (start, end) == (None, None):
        start, end = find_year_range(statement.text)
    if measure == "employment":
        as_of = find_as_of(clause) or find_as_of(statement.text)
        start, end = None, int(as_of[:4]) if as_of else None
    return {
        "occupation": next((o for t in (statement.text, statement.lead, *statement.headings, page.title)
                            if t and (o := find_occupation(t))), None),
        "measure": measure,
        "value": value,
        "start_year": start,
        "end_year": end,
        "attributed_to": next((c for t in (statement.text, statement.lead, *statement.earlier, *statement.headings)
                               if t and (c := credited(t))), None) or source,
        "qualifier": None,
        "evidence": statement.text,
    }
