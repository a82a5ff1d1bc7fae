"""Wage figures: what an occupation earns, by statistic, period, date and source."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pipeline.dates import find_as_of
from pipeline.money import Money, find_money
from pipeline.numbers import parse_number
from pipeline.occupations import find_occupation
from pipeline.page import Block, CleanPage
from pipeline.statements import Statement, credited, page_source, statements

_DATA = tomllib.loads((Path(__file__).parent / "data" / "wages.toml").read_text(encoding="utf-8"))
STATISTICS = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _DATA["statistics"].items()}
CATEGORIES = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _DATA["categories"].items()}
WAGE = re.compile(_DATA["words"]["wage"], re.IGNORECASE)
NOT_WAGE = re.compile(_DATA["words"]["not_wage"], re.IGNORECASE)

HOURLY = (7.0, 200.0)
ANNUAL = (10_000.0, 1_000_000.0)
_AFTER = 30  # characters after a figure that may still describe it ("$55,923 on average")
_OTHER_PERIOD = re.compile(r"\s*(?:(?:per|a|an|each|every|/)\s*(?:month|mo|week|wk|day)\b|,?\s+(?:monthly|weekly)\b)",
                           re.IGNORECASE)
_HOURLY_WORDS = re.compile(r"\bhourly\b|\bper hour\b|\ban hour\b", re.IGNORECASE)
_ANNUAL_WORDS = re.compile(r"\bannual(?:ly)?\b|\byearly\b|\bper year\b|\ba year\b", re.IGNORECASE)
_CREDENTIAL_COUNT = re.compile(r"\b(?P<count>\w+)(?P<more> or more)? (?:credentials|certifications)\b", re.IGNORECASE)
_CREDENTIAL_CODE = re.compile(r"\((?P<code>[A-Z][A-Z-]{1,7})\W{0,2}\)")
_UNCERTIFIED = re.compile(
    r"\b(?:non-?certified|uncertified|without (?:a )?certification|not certified)\b", re.IGNORECASE
)
_CERTIFIED = re.compile(r"\bcertified\b|\bwith (?:a )?certification\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Figure:
    """A dollar figure in a statement, with the text right before and after it and its label.

    The label is the column header above it in a table row, else the statement's lead.
    """

    money: Money
    before: str
    after: str
    label: str


def extract_wages(page: CleanPage) -> list[dict]:
    """One row per wage figure the page states, with the statement it came from as evidence."""
    source = page_source(page)
    rows: list[dict] = []
    for statement in statements(page):
        for figure in _figures(statement):
            if not _is_wage(statement, figure):
                continue
            money = figure.money
            for amount in (money.low, money.high) if money.high else (money.low,):
                row = _row(page, statement, figure, amount, source)
                if row and row not in rows:
                    rows.append(row)
    return rows


def _figures(statement: Statement) -> list[_Figure]:
    text = statement.text
    found = find_money(text)
    figures = []
    for index, money in enumerate(found):
        start = found[index - 1].end if index else 0
        end = found[index + 1].start if index + 1 < len(found) else len(text)
        label = _column(statement.block, money.start) or statement.lead
        figures.append(_Figure(money, text[start:money.start], text[money.end:end][:_AFTER], label))
    return figures


def _column(block: Block, offset: int) -> str:
    """The header of the table column holding the character at ``offset`` of a row's text."""
    if block.kind != "row" or not block.header or block.cells == block.header:
        return ""
    position = 0
    for cell, header in zip(block.cells, block.header, strict=False):
        if not cell:
            continue
        if offset < position + len(cell):
            return header
        position += len(cell) + len(" | ")
    return ""


def _is_wage(statement: Statement, figure: _Figure) -> bool:
    if NOT_WAGE.search(f"{figure.before} {figure.after} {figure.label}"):
        return False
    framing = [statement.text, figure.label]
    if statement.block.kind != "paragraph":
        framing += statement.headings[:1]
    return bool(figure.money.period or WAGE.search("\n".join(framing)))


def _row(page: CleanPage, statement: Statement, figure: _Figure, amount: float, source: str | None) -> dict | None:
    period = _period(figure, amount, statement)
    if period is None:
        return None
    return {
        "occupation": _first(find_occupation, statement.text, statement.lead, *statement.headings, page.title),
        "statistic": _statistic(figure, statement),
        "amount": amount,
        "period": period,
        "as_of": _first(find_as_of, statement.text, statement.lead, *_with_figures(statement.earlier),
                        *statement.headings[:1]),
        "attributed_to": _first(credited, statement.text, statement.lead, *statement.earlier, *statement.headings)
        or source,
        "qualifier": _qualifier(statement, figure),
        "evidence": statement.text,
    }


def _period(figure: _Figure, amount: float, statement: Statement) -> str | None:
    """'annual' or 'hourly' as stated, else as the amount's size implies; None if it cannot be a wage."""
    if _OTHER_PERIOD.match(figure.after):
        return None
    period = figure.money.period
    words = " ".join((figure.before, figure.after, figure.label, *statement.block.cells[:1]))
    if period is None and _HOURLY_WORDS.search(words):
        period = "hourly"
    if period is None and _ANNUAL_WORDS.search(words):
        period = "annual"
    if period is None:
        period = "hourly" if amount <= HOURLY[1] else "annual"
    low, high = HOURLY if period == "hourly" else ANNUAL
    return period if low <= amount <= high else None


def _statistic(figure: _Figure, statement: Statement) -> str:
    """The statistic named closest before the figure, else just after it, else around the statement."""
    ends = {name: max((m.end() for m in pattern.finditer(figure.before)), default=-1)
            for name, pattern in STATISTICS.items()}
    if max(ends.values()) >= 0:
        return max(ends, key=ends.get)
    for text in (figure.after, statement.text, figure.label, *statement.headings[:1]):
        starts = {name: m.start() for name, pattern in STATISTICS.items() if (m := pattern.search(text))}
        if starts:
            return min(starts, key=starts.get)
    return "other"


def _qualifier(statement: Statement, figure: _Figure) -> str | None:
    """What sets this figure apart: the row's or item's label under its category, a credential, certification."""
    block = statement.block
    if block.kind == "row" and block.header and block.cells and block.cells != block.header:
        category = _category(block.header[0]) or block.header[0].lower()
        return f"{category}: {block.cells[0]}" if parse_number(block.cells[0]) is None else None
    if block.kind == "item" and (category := _category(statement.lead)):
        label = re.sub(r"\(?\s*\$[^)]*\)?|[:\-–]\s*$", "", statement.text).strip(" :-–,")
        return f"{category}: {label}"
    clause = f"{figure.before} {figure.after}"
    if code := _CREDENTIAL_CODE.search(statement.text):
        return f"credential: {code.group('code')}"
    if count := _CREDENTIAL_COUNT.search(clause):
        number = parse_number(count.group("count"))
        return f"credentials: {number:g}{'+' if count.group('more') else ''}" if number else None
    if _UNCERTIFIED.search(clause):
        return "non-certified"
    if _CERTIFIED.search(clause):
        return "certified"
    return None


def _category(text: str) -> str | None:
    return next((name for name, pattern in CATEGORIES.items() if pattern.search(text)), None)


def _with_figures(sentences: tuple[str, ...]) -> list[str]:
    """Earlier sentences that state figures themselves, whose dates carry on to the next figures."""
    return [sentence for sentence in sentences if find_money(sentence)]


def _first(find, *texts: str):
    """The first non-empty result of ``find`` over the texts, in order."""
    return next((found for text in texts if text and (found := find(text))), None)
