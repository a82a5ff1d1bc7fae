"""Job outlook figures: projected growth, change in jobs, openings and jobs held."""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline import clauses
from pipeline.cues import cue_table, cue_text
from pipeline.datafiles import load
from pipeline.dates import find_as_of, find_year_range
from pipeline.memo import per_text
from pipeline.money import find_money
from pipeline.numbers import Number, find_numbers
from pipeline.page import CleanPage
from pipeline.percent import Percent, find_percents
from pipeline.soc import BESIDE
from pipeline.statements import (
    Statement,
    attribution,
    column_header,
    first_found,
    is_bare,
    lead_in,
    occupation,
    occupation_columns,
    page_source,
    statements,
    statistics_office,
)

_DATA = load("outlook")
WORDS = cue_table(_DATA["words"], _DATA["words_patterns"])
COUNTS = cue_table(_DATA["counts"], _DATA["counts_patterns"])
YARDSTICK = re.compile(rf"(?:{cue_text(_DATA['beside']['yardstick'])})\W*$", re.IGNORECASE)
YARDSTICK_COMPARED = re.compile(rf"\b(?:{cue_text(_DATA['beside']['yardstick_compared'])})\s+$", re.IGNORECASE)
YARDSTICK_AFTER = re.compile(rf"\W*(?:{cue_text(_DATA['beside']['yardstick_after'])})", re.IGNORECASE)
SHARE_OF = re.compile(rf"\s*of\s+(?:[\w-]+\s+){{0,2}}?(?:{cue_text(_DATA['beside']['shared_by'])})\b", re.IGNORECASE)

SMALLEST_COUNT = 100  # fewer jobs than this is a rank, a list length or a year's tail, not a job count
_YEARS = range(1950, 2100)
# Where a clause ends: a semicolon or dash, or a comma before a contrast or comparison ("while", "up",
# "compared"); an opening bracket ends the clause before it but not the one inside it.
_CLAUSE_END = re.compile(rf"[;—–]|,\s+(?={clauses.words('contrast', 'concession', 'comparison')})", re.IGNORECASE)
_BRACKET = re.compile(r"\(")
_SHORT = 12  # words: a heading, row, card or label is one clause
_YEAR_AFTER = re.compile(r"\s*(?:in|by|as of|\()\s*((?:19|20)\d\d)\b(?!\s*[-–])", re.IGNORECASE)
# Two job counts, each with its year: "from 17,930 in 2022 to 20,640 in 2032" spans those years.
_COUNTED_SPAN = re.compile(
    r"\bfrom\s+[\d,.]+(?:\s+\w+)?\s+in\s+(?P<start>(?:19|20)\d\d)\s+to\s+[\d,.]+(?:\s+\w+)?\s+(?:in|by)\s+"
    r"(?P<end>(?:19|20)\d\d)\b", re.IGNORECASE)
_PERCENT_COLUMN = re.compile(r"percent|%", re.IGNORECASE)
_NEXT_FIGURE = re.compile(r"\s*(?:of|by)?\s*(?:[a-z]+\s+){0,2}?(?!(?:19|20)\d\d\b)[$\d]", re.IGNORECASE)  # not a year
_CODE_DASHES = "-‐–"  # a digit on the far side of one of these makes a number part of a code
_SPANNED = ("growth_percent", "employment_change")  # measures of a change over a span of years


def extract_outlook(page: CleanPage) -> list[dict]:
    """One row per projection or job count the page states, with its statement as evidence."""
    source = page_source(page)
    rows: list[dict] = []
    for statement in statements(page):
        if _is_header_row(statement):
            continue
        cells = _percent_cells(statement)
        for measure, value, clause in (*_growth(statement, cells), *_counts(statement, cells)):
            row = _row(page, statement, measure, value, clause, source)
            if row not in rows and row["occupation_code"] not in BESIDE:
                rows.append(row)
    return rows


class _Clause(NamedTuple):
    """The clause of a statement that holds a figure, plus any labels read with it, nearest first.

    A named tuple, not a frozen dataclass: one is made for every figure read.
    """

    text: str
    start: int
    end: int
    labels: tuple[str, ...] = ()
    year: int | None = None  # a year written right after the figure: "186,400 in 2022"

    @property
    def words(self) -> str:
        return "\n".join((self.text[self.start:self.end], *self.labels))


def _is_header_row(statement: Statement) -> bool:
    block = statement.block
    return block.kind == "row" and bool(block.header) and block.cells == block.header


def _clause(statement: Statement, start: int, end: int) -> _Clause:
    """The clause holding text[start:end]; a short statement is one clause, read with its labels.

    A table cell is read with its column's header first, then the table's lead-in.
    """
    text, block = statement.text, statement.block
    if block.kind == "row":
        return _Clause(text, 0, len(text), (column_header(block, start), lead_in(statement)))
    if "\n" in text or (len(text.split()) <= _SHORT and not statement.earlier):
        card = statement.headings[:1] if is_bare(block.text) else ()
        return _Clause(text, 0, len(text), (lead_in(statement), *card))
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = [m.start() for pattern in (_CLAUSE_END, _BRACKET) if (m := pattern.search(text, end))]
    return _Clause(text, before[-1] if before else 0, min(after, default=len(text)))


def _growth(statement: Statement, cells: list[Number]) -> list[tuple[str, float, _Clause]]:
    """Projected growth in percent, from the statement's percentages and ``cells`` (``_percent_cells``)."""
    found = []
    for percent in (*find_percents(statement.text), *cells):
        clause = _clause(statement, percent.start, percent.end)
        words = clause.words
        if WORDS["not_growth"].search(words) or not WORDS["growth"].search(words):
            continue
        if SHARE_OF.match(clause.text, percent.end):
            continue
        if not (WORDS["projection"].search(words) or WORDS["employment"].search(words)):
            continue
        if _is_yardstick(statement.text, clause, percent, bool(found)):
            continue
        declining = WORDS["decline"].search(words) and percent.value > 0
        found.append(("growth_percent", -percent.value if declining else percent.value, clause))
    return found


def _is_yardstick(text: str, clause: _Clause, percent: Percent | Number, after_growth: bool) -> bool:
    """Whether the percentage is every occupation's growth, set against this one's.

    It is when the words that name every occupation come after the last growth word before it
    in its clause, or right after it; or when a comparison leads up to it and they follow it in its clause
    ("faster than the 4 percent projected for all occupations"); or when, with a growth already read (``after_growth``),
    the yardstick's words end the text before it ("faster than average (4%)"). A card's labels
    below its figure ("4%" / "Job growth, all occupations") count as before it.
    """
    before = text[clause.start:percent.start]
    if (after_growth and YARDSTICK.search(before)) or YARDSTICK_AFTER.match(text, percent.end):
        return True
    if YARDSTICK_COMPARED.search(before) and WORDS["everyone"].search(text, percent.end, clause.end):
        return True
    if "\n" in text:
        before += text[percent.end:clause.end]
    everyone = max((m.end() for m in WORDS["everyone"].finditer(before)), default=-1)
    return everyone > max((m.end() for m in WORDS["growth"].finditer(before)), default=-1)


def _percent_cells(statement: Statement) -> list[Number]:
    """Bare numbers in a table column headed as a percentage ("Change, 2023-33 Percent" | "7")."""
    block = statement.block
    if block.kind != "row":
        return []
    return [n for n in find_numbers(statement.text) if _percent_column(column_header(block, n.start))]


@per_text
def _percent_column(header: str) -> bool:
    """Whether a table's column header names a percentage, remembered as the rows under it ask in turn."""
    return bool(_PERCENT_COLUMN.search(header))


def _counts(statement: Statement, cells: list[Number]) -> list[tuple[str, float, _Clause]]:
    """Counts of jobs, from the statement's numbers that are no amount of money nor percentage (``cells``)."""
    text = statement.text
    numbers = [number for number in find_numbers(text)
               if number.value >= SMALLEST_COUNT and not _is_year(text, number) and not _in_code(text, number)]
    if not numbers:
        return []
    taken = [(f.start, f.end) for figures in (find_money(text), find_percents(text), cells) for f in figures]
    found = []
    for number in numbers:
        if any(s <= number.start < e for s, e in taken):
            continue
        clause = _clause(statement, number.start, number.end)
        if measure := _measure(clause, number):
            clause = clause._replace(year=_year_after(text, number.end))
            found.append((measure, -number.value if _minus(text, number) else number.value, clause))
    return found


def _measure(clause: _Clause, number: Number) -> str | None:
    """What a count is, by the cue nearest to it in its clause (labels count as farther, in their order).

    A cue after the count that leads straight into another figure is that figure's: "reach 208,500 by 2033, an
    increase of 13,600".
    """
    if not WORDS["jobs"].search(clause.words):
        return None
    distances = {}
    for name, pattern in COUNTS.items():
        near = [_distance(m, number) for m in pattern.finditer(clause.text, clause.start, clause.end)
                if not (m.start() >= number.end and _NEXT_FIGURE.match(clause.text, m.end()))]
        near += [len(clause.text) * rank for rank, label in enumerate(clause.labels, 1) if pattern.search(label)]
        if near:
            distances[name] = min(near)
    return min(distances, key=distances.get) if distances else None


def _distance(match: re.Match[str], number: Number) -> int:
    if match.end() <= number.start:
        return number.start - match.end()
    return max(match.start() - number.end, 0)


def _minus(text: str, number: Number) -> bool:
    """Whether a minus sign stands right before the number ("-1,200"), as a loss of jobs."""
    at = number.start
    return at > 0 and text[at - 1] in "-−" and (at == 1 or text[at - 2].isspace())


def _in_code(text: str, number: Number) -> bool:
    """Whether the number is part of a hyphenated code ("29-2072", "1-800-555-0100"), not a count."""
    start, end = number.start, number.end  # str.isdecimal tests a character as the pattern "\d" does
    before = start >= 2 and text[start - 1] in _CODE_DASHES and text[start - 2].isdecimal()
    return before or (len(text) >= end + 2 and text[end] in _CODE_DASHES and text[end + 1].isdecimal())


def _is_year(text: str, number: Number) -> bool:
    return number.value.is_integer() and int(number.value) in _YEARS and "," not in text[number.start:number.end]


def _year_after(text: str, end: int) -> int | None:
    """The year written right after a figure ("186,400 in 2022", "194,400 (2023)"), if one is."""
    match = _YEAR_AFTER.match(text, end)
    return int(match.group(1)) if match else None


def _years(text: str) -> tuple[int | None, int | None] | None:
    """The span of years in the text, or None when it gives none."""
    years = find_year_range(text)
    if years == (None, None) and (counted := _COUNTED_SPAN.search(text)):
        years = int(counted.group("start")), int(counted.group("end"))
    return years if years != (None, None) else None


def _span_before(statement: Statement) -> tuple[int, int] | None:
    """The span the sentence before a statement sets out, where it gives both its years: "The BLS projects jobs over
    2023 to 2033. In that time the field should grow 9 percent" is growth over those years."""
    years = first_found(_years, *statement.earlier[:1])
    return years if years and years[0] else None


def _row(page: CleanPage, statement: Statement, measure: str, value: float, clause: _Clause,
         source: str | None) -> dict:
    start, end = (first_found(_years, clause.words, statement.text, *statement.headings[:1])
                  or (measure in _SPANNED and _span_before(statement)) or (None, None))
    if measure == "employment":
        as_of = first_found(find_as_of, clause.words, statement.text, *statement.earlier, *statement.section,
                            *statement.headings, page.title)
        start, end = None, clause.year or (int(as_of[:4]) if as_of else None)
    return {
        **occupation_columns(occupation(statement, page, clause.text[clause.start:clause.end]), start or end),
        "measure": measure,
        "value": value,
        "start_year": start,
        "end_year": end,
        "attributed_to": attribution(statement, source, around=statistics_office),
        "qualifier": None,
        "evidence": statement.text,
    }
