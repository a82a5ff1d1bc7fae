"""Wage figures: what an occupation earns, by statistic, period, date and source."""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline import clauses
from pipeline.credentials import find_credentials
from pipeline.cues import Cue, Needs, cue_table, cue_text
from pipeline.currency import USD, named_currency, sign_currency
from pipeline.datafiles import load
from pipeline.dates import find_as_of
from pipeline.durations import find_durations
from pipeline.memo import per_text
from pipeline.money import Money, find_money
from pipeline.numbers import parse_number
from pipeline.occupations import about_others, name_occupation
from pipeline.organizations import canonical
from pipeline.page import CleanPage
from pipeline.patterns import one_of
from pipeline.periods import ADJECTIVES, NAMES
from pipeline.places import is_metro, is_state
from pipeline.soc import BESIDE, find_names
from pipeline.statements import (
    Statement,
    attribution,
    column_header,
    first_found,
    lead_in,
    occupation,
    occupation_columns,
    page_source,
    statements,
)

_DATA = load("wages")
STATISTICS = cue_table(_DATA["statistics"], _DATA["statistics_patterns"])
CATEGORIES = cue_table(_DATA["categories"])
_STATISTIC_WORDS = Needs(either=[cue.needs for cue in STATISTICS.values()])
_CATEGORY_WORDS = Needs(either=[cue.needs for cue in CATEGORIES.values()])
_WORDS = cue_table(_DATA["words"], _DATA["words_patterns"])
WAGE = _WORDS["wage"]
NOT_WAGE = _WORDS["not_wage"]
DIFFERENCE = re.compile(rf"\s*(?:{cue_text(_DATA['beside']['difference'])})", re.IGNORECASE)
PRICE_BEFORE = re.compile(rf"(?:{cue_text(_DATA['beside']['price_before'])})\s*$", re.IGNORECASE)
COMPARED = re.compile(rf"(?:{cue_text(_DATA['beside']['compared'])})\s*$", re.IGNORECASE)
CONVERSION = _WORDS["conversion"]
EVERYONE = _WORDS["everyone"]
_ANNOUNCE = _WORDS["announce"]

HOURLY = (7.0, 200.0)
ANNUAL = (10_000.0, 1_000_000.0)
_AFTER = 30  # characters after a figure that may still describe it ("$55,923 on average")
_CLAUSE_END = re.compile(rf"[,;.—]\s|{clauses.words('contrast', 'concession')}", re.IGNORECASE)
_ASIDE = re.compile(r"\s*\(([^)]*)\)")
_EARNED_BY = re.compile(r"[^,;.$\d]{0,16}?\b(?:for|among|by)\s+", re.IGNORECASE)  # "$42,000 (a year) for assistants"
PERIODS = ("hourly", "annual")  # the periods a wage is given for
_CREDENTIAL_COUNT = re.compile(r"\b(?P<count>\w+)(?P<more> or more)? (?:credentials|certifications)\b", re.IGNORECASE)
_CREDENTIAL_COUNT_WORDS = Needs(whole=("credentials", "certifications"))
_CREDENTIAL_CODE = re.compile(r"\((?P<code>[A-Z][A-Z-]{1,7})\W{0,2}\)")
_UNCERTIFIED = Cue(_DATA["certification"]["uncertified"])
# A row label that only names the pay it lists ("Annual wage", "Hourly pay") sets no group apart.
_PAY_LABEL = re.compile(rf"\s*(?:(?:{one_of(ADJECTIVES)})\s+)?(?:(?:mean|median|average)\s+)?"
                        r"(?:wages?|salary|salaries|pay|earnings)\s*:?\s*", re.IGNORECASE)
_CERTIFIED = Cue(_DATA["certification"]["certified"])


class _Figure(NamedTuple):
    """A dollar figure in a statement, with the text right before and after it and its label.

    The label is the column header above it in a table row, else the statement's lead;
    ``unclaimed`` is the statement without the text leading up to later figures; ``clause`` is the text
    after it up to the end of its clause.
    """

    money: Money
    before: str
    after: str
    label: str
    unclaimed: str
    clause: str


def extract_wages(page: CleanPage) -> list[dict]:
    """One row per wage figure the page states, with the statement it came from as evidence."""
    # The source credited for figures, and their date, hold for the figures after them that credit none.
    carried: tuple[str | None, str | None] = (page_source(page), None)
    rows: list[dict] = []
    for statement in statements(page):
        figures = [figure for figure in _figures(statement)
                   if _is_wage(statement, figure) and _in_dollars(page, statement, figure)]
        # "The figures below come from our 2024 survey": a paragraph's sentence dates the figures after it
        if not figures and statement.block.kind == "paragraph" and _ANNOUNCE.search(statement.text):
            carried = (attribution(statement, carried[0]), find_as_of(statement.text) or carried[1])
        if not figures or _other_jobs_pay(statement):
            continue
        credited = attribution(statement, None)
        found = [row for figure in figures for amount in _ends(figure.money)
                 if (row := _row(page, statement, figure, amount, (credited, None) if credited else carried))
                 and row["occupation_code"] not in BESIDE]
        rows += [row for row in found if row not in rows]
        if credited and found:
            carried = (credited, found[-1]["as_of"])
    return rows


def _other_jobs_pay(statement: Statement) -> bool:
    """Whether the statement gives the pay of jobs other than those of the registry: it stands in a section about
    other occupations ("Similar Occupations | Pharmacy Technicians | $40,300") and names none of the registry's."""
    return about_others(statement.lead, *statement.headings) and not find_names(statement.text)


def _ends(money: Money) -> tuple[float, ...]:
    """The amount, or both ends of a range."""
    return (money.low, money.high) if money.high else (money.low,)


def _figures(statement: Statement) -> list[_Figure]:
    text = statement.text
    found = find_money(text)
    if not found:
        return []
    starts = [found[index - 1].end if index else 0 for index in range(len(found))]
    figures = []
    for index, money in enumerate(found):
        end = found[index + 1].start if index + 1 < len(found) else len(text)
        label = column_header(statement.block, money.start) or lead_in(statement)
        before, after = text[starts[index]:money.start], text[money.end:end][:_AFTER]
        clause = _CLAUSE_END.split(after, maxsplit=1)[0]
        figures.append(_Figure(money, before, after, label, _unclaimed(text, found, starts, index), clause))
    return figures


def _unclaimed(text: str, found: list[Money], starts: list[int], index: int) -> str:
    """The text without what leads up to the figures after figure ``index`` (their own statistic words)."""
    if index == len(found) - 1:  # no figure after it: the whole text (most statements hold one figure)
        return text
    kept = [text[start if later <= index else money.start:money.end]
            for later, (start, money) in enumerate(zip(starts, found, strict=True))]
    return "".join(kept) + text[found[-1].end:]


def _is_wage(statement: Statement, figure: _Figure) -> bool:
    if _priced(statement.text[:figure.money.start]) or _priced(figure.label) or NOT_WAGE.search(figure.clause):
        return False
    if EVERYONE.search(f"{figure.before} {figure.clause}"):
        return False
    if DIFFERENCE.match(figure.after) or PRICE_BEFORE.search(figure.before):
        return False
    text = "\n".join((statement.text, figure.label, *statement.headings[:1]))
    return bool(figure.money.period or WAGE.search(text) or _named(text)
                or any(NAMES[period].search(text) for period in PERIODS))


@per_text
def _priced(text: str) -> bool:
    """Whether a word for a price, fee or other non-wage sum comes later in the text than any word for pay.

    "After the exam, coders earn" frames a wage; "coders earn more once the exam costs" does not, nor does a
    word for paying that ends on a word for pay ("expect to pay").
    """
    last_not = max((m.end() for m in NOT_WAGE.finditer(text)), default=None)
    return last_not is not None and last_not >= max((m.end() for m in WAGE.finditer(text)), default=-1)


def _in_dollars(page: CleanPage, statement: Statement, figure: _Figure) -> bool:
    """Whether the figure is in US dollars: no sign or code at it, nor place named nearest it, says otherwise."""
    currency = sign_currency(statement.text, figure.money) or first_found(
        named_currency, f"{figure.before} {figure.after}", statement.text, statement.lead,
        *statement.block.cells[:1], *statement.headings[:1], page.title)
    return currency in (None, USD)


def _row(page: CleanPage, statement: Statement, figure: _Figure, amount: float,
         source: tuple[str | None, str | None]) -> dict | None:
    """The figure's row; ``source`` is the organisation credited for it and the date of its figures, if known."""
    period = _period(figure, amount, statement)
    if period is None:
        return None
    restated = statement.earlier[:1] if CONVERSION.search(figure.before) else ()
    as_of = first_found(find_as_of, statement.text, figure.label, statement.lead, *statement.notes,
                        *statement.earlier, *statement.section, *statement.headings, page.title) or source[1]
    return {
        **occupation_columns(occupation(statement, page, _whose(statement, figure), *restated),
                             int(as_of[:4]) if as_of else None),
        "statistic": _statistic(figure, statement, restated),
        "amount": amount,
        "period": period,
        "as_of": as_of,
        "attributed_to": source[0],
        "qualifier": _qualifier(statement, figure),
        "evidence": statement.text,
    }


def _whose(statement: Statement, figure: _Figure) -> str:
    """The text that names whose figure it is: an occupation right after it ("$42,000 for medical assistants"),
    else the text leading up to it from the figure before."""
    rest = statement.text[figure.money.end:]
    if (earned_by := _EARNED_BY.match(rest)) and (found := name_occupation(rest[earned_by.end():])) \
            and found.phrase and rest.startswith(found.phrase, earned_by.end()):
        return rest[earned_by.end():]
    return figure.before


def _period(figure: _Figure, amount: float, statement: Statement) -> str | None:
    """'annual' or 'hourly' as stated, else as the amount's size implies; None if it cannot be a wage."""
    period = figure.money.period
    if period is None:  # the words around the figure, else its labels; words for both periods tell neither
        period = first_found(_period_named, f"{figure.before} {figure.after}",
                             " ".join((figure.label, *statement.block.cells[:1])))
    elif period not in PERIODS:  # "$3,900 a month"
        return None
    if period is None:
        period = "hourly" if amount <= HOURLY[1] else "annual"
    low, high = HOURLY if period == "hourly" else ANNUAL
    return period if low <= amount <= high else None


@per_text
def _period_named(words: str) -> str | None:
    """'hourly' or 'annual' if the words name that period and not the other."""
    named = [name for name in PERIODS if NAMES[name].search(words)]
    return named[0] if len(named) == 1 else None


def _statistic(figure: _Figure, statement: Statement, restated: tuple[str, ...]) -> str:
    """The statistic named closest before the figure, else just after it, else around the statement.

    A range is 'other' unless a statistic is named right before it; a figure that restates
    another ("that works out to") may take the statistic of the sentence before, ``restated``.
    """
    if (aside := _ASIDE.match(figure.after)) and (named := _named(aside.group(1))):  # "$37,500 (25th percentile)"
        return named
    if named := _named_before(figure, statement):
        return named
    if figure.money.high:  # a range's ends are no average or median unless named right before it
        return "other"
    # "that works out to $22.87 an hour": the figure before, restated, names it before the label does
    named = first_found(_named, figure.clause, figure.unclaimed, *restated, figure.label, *statement.headings[:1])
    return named or "other"


def _named_before(figure: _Figure, statement: Statement) -> str | None:
    """The statistic named last before the figure: in a table row, in the nearest cell that names one."""
    if statement.block.kind == "row":  # "10th | $33,000": a cell names it, as a header cell would ("10%")
        return first_found(_named, *(cell for cell in reversed(figure.before.split("|")) if cell.strip()))
    return _named_last(figure.before)


@per_text
def _named(text: str) -> str | None:
    """The statistic named first in the text."""
    starts = {name: found[0].start() for name, found in _mentions(text).items()}
    return min(starts, key=starts.get) if starts else None


@per_text
def _named_last(text: str) -> str | None:
    """The statistic named last in the text (the one whose mention ends last)."""
    ends = {name: found[-1].end() for name, found in _mentions(text).items()}
    return max(ends, key=ends.get) if ends else None


@per_text
def _mentions(text: str) -> dict[str, tuple[re.Match[str], ...]]:
    """Each statistic's mentions in the text, but for one a comparison names ("more than the national average")."""
    if not _STATISTIC_WORDS.held_by(text):
        return {}
    mentions = {name: tuple(m for m in cue.finditer(text) if not COMPARED.search(text, 0, m.start()))
                for name, cue in STATISTICS.items()}
    return {name: found for name, found in mentions.items() if found}


def _qualifier(statement: Statement, figure: _Figure) -> str | None:
    """What sets this figure apart: the row's or item's label under its category, a credential, certification."""
    block = statement.block
    if block.kind == "row":
        return _row_label(statement)
    if block.kind == "item":
        label = re.sub(r"\(?\s*\$[^)]*\)?|[:\-–]\s*$", "", statement.text).strip(" :-–,")
        if category := _category(lead_in(statement)) or _group_of(label):
            return f"{category}: {label}"
    clause = f"{figure.before} {figure.after}"
    codes = [code for code in _CREDENTIAL_CODE.findall(statement.text) if canonical(code) is None]
    if codes:
        return f"credential: {codes[0]}"
    if _CREDENTIAL_COUNT_WORDS.held_by(clause) and (count := _CREDENTIAL_COUNT.search(clause)):
        number = parse_number(count.group("count"))
        return f"credentials: {number:g}{'+' if count.group('more') else ''}" if number else None
    if _UNCERTIFIED.search(clause):
        return "non-certified"
    if _CERTIFIED.search(clause):
        return "certified"
    return None


def _row_label(statement: Statement) -> str | None:
    """A table row's first cell of words under its column's category ("state: Oregon"), when it names a group.

    A rank, count, date or occupation before it ("| 1 | Oregon | ...", "| May 2014 | Medical coders | Oregon |
    ...") is passed over.
    """
    block = statement.block
    if block.cells == block.header:
        return None
    at, label = next(((at, cell) for at, cell in enumerate(block.cells)
                      if cell and not find_money(cell) and parse_number(cell) is None and not _dates_or_names(cell)),
                     (0, ""))
    if not label or _named(label) or _PAY_LABEL.fullmatch(label):
        return None
    header = block.header[at] if at < len(block.header) else ""
    category = (_category(header) or header.lower()) if header else _category(lead_in(statement))
    category = category or _group_of(label)
    return f"{category}: {label}" if category else None


def _dates_or_names(cell: str) -> bool:
    """Whether a cell only dates its row ("May 2014") or names its occupation ("Medical coders"), which the
    figure's date and occupation say: no group it belongs to."""
    if len(cell.split()) <= 3 and find_as_of(cell) is not None:
        return True
    named = name_occupation(cell)
    return named is not None and named.phrase is not None and len(named.phrase) >= len(cell.strip(" *:")) - 2


def _group_of(label: str) -> str | None:
    """The group a label names by its form, where no header or lead-in names it ("TX", "Fargo, ND", "CPC")."""
    if is_state(label):
        return "state"
    if is_metro(label):
        return "area"
    if (hits := find_credentials(label)) and len(label.strip(" *:")) <= hits[0].end - hits[0].start + 2:
        return "credential"
    if any(duration.months_min or duration.months_max for duration in find_durations(label)):
        return "experience"
    return None


@per_text
def _category(text: str) -> str | None:
    if not _CATEGORY_WORDS.held_by(text):
        return None
    return next((name for name, pattern in CATEGORIES.items() if pattern.search(text)), None)
