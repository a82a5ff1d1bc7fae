"""The statements a page makes, each with the text that frames it.

A statement is a sentence, list item, heading or table row (tables written as
"| a | b |" text included), or a stat card: a bare figure with its short label(s)
above or below it. Each keeps the nearby text a reader would use to date,
attribute or name its figures.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import NamedTuple, TypeVar

from pipeline.layouts import read_layouts
from pipeline.memo import per_page, per_text
from pipeline.money import find_money
from pipeline.numbers import find_numbers
from pipeline.occupations import Occupation, name_occupation, referred, referred_head
from pipeline.organizations import find_organizations
from pipeline.page import Block, CleanPage, split_sentences
from pipeline.percent import find_percents
from pipeline.soc import declared_codes

T = TypeVar("T")
_BARE_CHARS = 40  # a bare figure is short: "$21.20 per hour", "$35,000-$45,000 a year"
_CARD_LABELS = 2
_VALUE_WORDS = 3
_FIGURE_FIRST = re.compile(r"[~≈$]?\d")
_SECTION_BLOCKS = 6
_LABEL_WORDS = 8
_CREDITING = re.compile(
    r"(?:according to|reported by|data from|figures from|sources?:|cited by|per|(?:survey|study|report|research)"
    r"\s+(?:by|from|of))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A note under a list or table that names where its figures come from ("*Source: BLS, May 2023", "Data: BLS
# OEWS", "Experience figures are from self-reported salaries collected in 2024").
_SOURCE_NOTE = re.compile(
    r"^\W*(?:(?:data\s+)?sources?\b|data\s*:|(?:[\w-]+\s+){0,2}?(?:figures|data|numbers)\s+(?:are\s+|come\s+)?from\b)",
    re.IGNORECASE)
_CREDITED = re.compile(
    r"^['’]?s?\s*(?:\)\s*)?(?:(?:19|20)\d\d\s+)?(?:[a-z-]+\s+){0,2}"
    r"(?:data|reports?|reported|surveys?|surveyed|salary survey|statistics|estimates?|figures|says|found|notes"
    r"|shows)\b",
    re.IGNORECASE,
)


class Statement(NamedTuple):
    """One piece of evidence and the text around it that frames it.

    ``lead`` is the text that introduces it directly: the lead-in of its list or
    table, a stat card's labels, or the labelled figure a bare figure continues
    (a table row's header cells stay on its block). ``earlier`` holds the block's
    earlier sentences, ``section`` the earlier blocks under the same heading and
    ``headings`` the enclosing headings, all nearest first; ``notes`` the source note
    right under a list or table.
    """

    text: str
    block: Block
    lead: str = ""
    earlier: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@per_page
def statements(page: CleanPage) -> list[Statement]:
    """Every statement on the page, in reading order."""
    return list(_statements(page))


def _statements(page: CleanPage) -> Iterator[Statement]:
    blocks = table_blocks(page)
    notes = _notes(blocks)
    headings, section = (), ()
    for index, block in enumerate(blocks):
        if index == 0 or block.headings != blocks[index - 1].headings:  # blocks under one heading share them
            headings = tuple(reversed(block.headings))
        section = _section(blocks, index, section)
        if block.kind == "heading":
            yield Statement(block.text, block, "", (), headings, section)
        elif block.kind == "row":
            yield Statement(block.text, block, _lead_in(blocks, index), (), headings, section, notes[index])
        elif is_bare(block.text):
            card = _card(blocks, index)
            framing = headings[1:] if _after_card(blocks, index) and card.lead else headings
            yield card._replace(headings=framing, section=tuple(dict.fromkeys((*card.section, *section))))
        else:
            lead = _lead_in(blocks, index) if block.kind == "item" else ""
            earlier: tuple[str, ...] = ()
            for sentence in block.sentences():
                yield Statement(sentence, block, lead, earlier, headings, section, notes[index])
                earlier = (sentence, *earlier)


def _section(blocks: list[Block], index: int, previous: tuple[str, ...]) -> tuple[str, ...]:
    """The texts of the blocks before this one under the same heading, nearest first.

    ``previous`` is the section of the block before, which this one's section continues.
    """
    if not index or blocks[index - 1].kind == "heading":
        return ()
    return (blocks[index - 1].text, *previous[:_SECTION_BLOCKS - 1])


@per_page
def table_blocks(page: CleanPage) -> list[Block]:
    """The page's blocks as statements read them (``read_layouts``), the same objects for every reader."""
    return read_layouts(page.blocks)


def column_header(block: Block, offset: int) -> str:
    """The header of the table column holding the character at ``offset`` of a row's text."""
    if block.kind != "row" or not block.header or block.cells == block.header:
        return ""
    if len(block.header) == 1 < len(block.cells):  # one header cell spanning the table heads every column
        return block.header[0]
    position = 0
    for cell, header in zip(block.cells, block.header, strict=False):
        start = block.text.find(cell, position) if cell else -1
        if start < 0:
            continue
        if start <= offset < start + len(cell):
            return header
        position = start + len(cell)
    return ""


@per_text
def is_bare(text: str) -> bool:
    """Whether the text is only a figure ("$50,250", "7%", "$21.20 per hour"), with no words around it."""
    if len(text) > _BARE_CHARS:
        return False
    spans = sorted((f.start, f.end) for finder in (find_money, find_percents, find_numbers) for f in finder(text))
    if not spans:
        return False
    rest, position = [], 0
    for start, end in spans:
        rest.append(text[position:start])
        position = max(position, end)
    rest.append(text[position:])
    return not any(char.isalpha() for char in "".join(rest))


def _card(blocks: list[Block], index: int) -> Statement:
    """A bare figure: read on from the labelled figure above it, else framed by its card's labels.

    In a run of cards that starts with a label and ends with a figure each label stands
    above its figure; otherwise the labels stand below their figures. The paragraph right
    before the run, which introduces it, opens the card's section.
    """
    block = blocks[index]
    previous = blocks[index - 1] if index else None
    if previous and not is_bare(previous.text) and (find_money(previous.text) or find_percents(previous.text)):
        return Statement(block.text, block, previous.text)
    start, end = _card_run(blocks, index)
    section = (blocks[start - 1].text,) if start and blocks[start - 1].kind == "paragraph" else ()
    if _labels_above(blocks, start, end):
        label = blocks[index - 1].text if index > start and _is_label(blocks[index - 1]) else ""
        return Statement(f"{label}\n{block.text}" if label else block.text, block, label, section=section)
    labels = []
    for following in blocks[index + 1: min(end, index + 1 + _CARD_LABELS)]:
        if is_bare(following.text):
            break
        labels.append(following.text)
    return Statement("\n".join([block.text, *labels]), block, "\n".join(labels), section=section)


def card_label(blocks: list[Block], index: int) -> str | None:
    """The label of a card whose figure is a short text that opens with it ("9-12 months" / "Typical Training"),
    above or below it as ``_card`` places labels; None for any other block."""
    block = blocks[index]
    if block.kind == "heading" or is_bare(block.text) or not _is_value(block):
        return None
    start, end = _card_run(blocks, index)
    near = index - 1 if _labels_above(blocks, start, end) else index + 1
    label = blocks[near] if start <= near < end else None
    return label.text if label and _is_label(label) and not _is_value(label) else None


def _card_run(blocks: list[Block], index: int) -> tuple[int, int]:
    """Where the run of card figures and labels holding the block at ``index`` starts and ends."""
    start, end = index, index + 1
    while start and _in_cards(blocks[start - 1]):
        start -= 1
    while end < len(blocks) and _in_cards(blocks[end]):
        end += 1
    return start, end


def _labels_above(blocks: list[Block], start: int, end: int) -> bool:
    """Whether a run of cards sets each label above its figure: it starts with a label and ends with a figure."""
    return not _is_value(blocks[start]) and _is_value(blocks[end - 1])


def _after_card(blocks: list[Block], index: int) -> bool:
    """Whether the heading right above a card's figure is the label below the card before it ("$48,780" /
    "Median Salary" / "7%"): a heading a figure stands right above is no heading of the next card."""
    return index >= 2 and blocks[index - 1].kind == "heading" and _is_value(blocks[index - 2])


def _is_label(block: Block) -> bool:
    return len(block.text.split()) <= _LABEL_WORDS and not is_bare(block.text)


def _is_value(block: Block) -> bool:
    """A card's figure: bare, or a short text that opens with its figure ("9 months", "10 CEs")."""
    text = block.text
    return is_bare(text) or (len(text.split()) <= _VALUE_WORDS and bool(_FIGURE_FIRST.match(text)))


def _in_cards(block: Block) -> bool:
    return is_bare(block.text) or _is_label(block)


def _notes(blocks: list[Block]) -> list[tuple[str, ...]]:
    """For each list item and table row, the source note right under its list or table (if one is)."""
    notes: list[tuple[str, ...]] = [()] * len(blocks)
    under: tuple[str, ...] = ()
    for index in range(len(blocks) - 1, -1, -1):
        kind = blocks[index].kind
        if kind not in ("item", "row"):
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or following.kind != kind:
            under = (following.text,) if following and _SOURCE_NOTE.match(following.text) else ()
        notes[index] = under
    return notes


def _lead_in(blocks: list[Block], index: int) -> str:
    """The text that introduces a list or table: the last block before its first item or row."""
    kind = blocks[index].kind
    while index and blocks[index].kind == kind:
        index -= 1
    return blocks[index].text if blocks[index].kind != kind else ""


def lead_in(statement: Statement) -> str:
    """The sentence that introduces a statement directly: the last sentence of its lead."""
    sentences = split_sentences(statement.lead) if statement.lead else ()
    return sentences[-1] if sentences else ""


def first_found(find: Callable[[str], T | None], *texts: str) -> T | None:
    """The first result of ``find`` over the texts, in order, skipping empty texts and empty results."""
    for text in texts:  # a loop, not next() over a generator: this runs dozens of times a page
        if text and (found := find(text)):
            return found
    return None


def occupation(statement: Statement, page: CleanPage, own: str = "", *nearby: str
               ) -> tuple[Occupation | None, str | None]:
    """The occupation a figure is about and how it was decided: named in its ``own`` part of the statement, the
    statement, ``nearby``, its lead-in or an earlier sentence of its paragraph ("statement"), else in a heading
    above it ("heading"), else in the page's title, its subject ("page").

    A figure's own part is the text that leads up to it from the figure before: in "coders earn $48,780, medical
    assistants $42,000" the second figure is the assistants'. A statement that refers back to an occupation
    ("those technologists") takes the one named last before it in its paragraph or section with that head word.
    The page's main heading is its title (``clean_html``): it counts as the page, not as a heading.
    """
    if head := referred_head(own or statement.text):  # "those technologists": the ones named before
        for text in (*statement.earlier, *statement.section):
            if (found := name_occupation(text)) and (named := referred(found, head)):
                return named._replace(declared=declared_code(page)), "statement"
    headings = tuple(heading for heading in statement.headings if heading != page.title)
    for basis, texts in (("statement", (own, statement.text, *nearby, statement.lead, *statement.earlier)),
                         ("heading", headings),
                         ("page", (page.title,))):
        if found := first_found(name_occupation, *texts):
            return found._replace(declared=declared_code(page)), basis
    return None, None


@per_page
def declared_code(page: CleanPage) -> str | None:
    """The SOC code a page gives for its subject ("SOC: 29-2071.00"), if it gives one."""
    codes = frozenset().union(*(declared_codes(text) for text in (page.title, *(b.text for b in page.blocks))))
    return next(iter(codes)) if len(codes) == 1 else None


def occupation_columns(named: tuple[Occupation | None, str | None], year: int | None) -> dict[str, str | None]:
    """A fact's occupation (as the page words it), its SOC code for a figure of ``year``, and how it was decided."""
    found, basis = named
    if found is None:
        return {"occupation": None, "occupation_code": None, "occupation_basis": None}
    return {"occupation": found.phrase, "occupation_code": found.code(year), "occupation_basis": basis}


@per_text
def statistics_office(text: str) -> str | None:
    """The first statistics office the text names."""
    return next((org.acronym for org in find_organizations(text) if org.kind == "statistics"), None)


@per_text
def credited(text: str) -> str | None:
    """The organisation a text credits for its figures: a statistics office, or one named as the source."""
    if office := statistics_office(text):
        return office
    for org in find_organizations(text):
        if _CREDITING.search(text[: org.start]) or _CREDITED.match(text[org.end:]):
            return org.acronym
    return None


def attribution(statement: Statement, source: str | None,
                around: Callable[[str], str | None] = credited) -> str | None:
    """The organisation credited for a statement's figures: in it, else around it, else the page's source.

    ``around`` reads the surrounding texts: projections take only a statistics office from them
    (``statistics_office``), since a salary survey credited a paragraph earlier does not project jobs.
    """
    texts = (statement.lead, *statement.notes, *statement.earlier, *statement.section, *statement.headings)
    return credited(statement.text) or first_found(around, *texts) or source


@per_page
def page_source(page: CleanPage) -> str | None:
    """The organisation a page credits for its figures overall, if one stands out.

    A statistics office the text names most, else the organisation its sentences credit most,
    else a statistics office the title names (a handbook page that never names itself in its text).
    """
    counts = Counter(org.acronym for block in page.blocks for org in find_organizations(block.text)
                     if org.kind == "statistics")
    if counts:
        return counts.most_common(1)[0][0]
    credits = Counter(acronym for block in page.blocks for s in block.sentences() if (acronym := credited(s)))
    if credits:
        return credits.most_common(1)[0][0]
    return statistics_office(page.title)
