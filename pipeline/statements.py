"""The statements a page makes, each with the text that frames it.

A statement is a sentence, list item, heading or table row, or a stat card (a
bare figure followed by its short labels). Its context lists the nearby text a
reader would use to date, attribute or name the figure, nearest first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.money import find_money
from pipeline.numbers import find_numbers
from pipeline.organizations import find_organizations
from pipeline.page import Block, CleanPage
from pipeline.percent import find_percents

_CARD_LABELS = 2
_LABEL_WORDS = 8
_CREDITING = re.compile(
    r"(?:according to|reported by|data from|figures from|sources?:|cited by|per)\s+(?:the\s+)?$", re.IGNORECASE
)
_CREDITED = re.compile(
    r"^['’]?s?\s*(?:\)\s*)?(?:annual\s+|latest\s+|recent\s+)?"
    r"(?:data|reports?|reported|survey|salary survey|statistics|estimates?|figures|says|found|notes|shows)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Statement:
    """One piece of evidence and the text around it that frames it.

    ``lead`` is the text that introduces it directly: a list's lead-in, a stat
    card's labels, the labelled figure a bare figure continues, or a table's
    header row. ``earlier`` holds the block's earlier sentences and ``headings``
    the enclosing headings, both nearest first.
    """

    text: str
    block: Block
    lead: str = ""
    earlier: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()


def statements(page: CleanPage) -> Iterator[Statement]:
    """Every statement on the page, in reading order."""
    blocks = page.blocks
    for index, block in enumerate(blocks):
        headings = tuple(reversed(block.headings))
        if block.kind in ("heading", "row"):
            yield Statement(block.text, block, " | ".join(block.header), (), headings)
        elif is_bare(block.text):
            yield _card(blocks, index, headings)
        else:
            lead = _lead_in(blocks, index) if block.kind == "item" else ""
            sentences = block.sentences()
            for number, sentence in enumerate(sentences):
                yield Statement(sentence, block, lead, tuple(reversed(sentences[:number])), headings)


def is_bare(text: str) -> bool:
    """Whether the text is only a figure ("$50,250", "7%", "$21.20 per hour"), with no words around it."""
    spans = [(f.start, f.end) for finder in (find_money, find_percents, find_numbers) for f in finder(text)]
    if not spans:
        return False
    rest = "".join(char for at, char in enumerate(text) if not any(start <= at < end for start, end in spans))
    return not any(char.isalpha() for char in rest)


def _card(blocks: list[Block], index: int, headings: tuple[str, ...]) -> Statement:
    """A bare figure: read on from the labelled figure above it, or framed by the labels below it."""
    block = blocks[index]
    previous = blocks[index - 1] if index else None
    if previous and not is_bare(previous.text) and (find_money(previous.text) or find_percents(previous.text)):
        return Statement(block.text, block, previous.text, (), headings)
    labels = []
    for following in blocks[index + 1: index + 1 + _CARD_LABELS]:
        if is_bare(following.text) or len(following.text.split()) > _LABEL_WORDS:
            break
        labels.append(following.text)
    return Statement("\n".join([block.text, *labels]), block, "\n".join(labels), (), headings)


def _lead_in(blocks: list[Block], index: int) -> str:
    """The text that introduces a list: the last block before its first item."""
    while index and blocks[index].kind == "item":
        index -= 1
    return blocks[index].text if blocks[index].kind != "item" else ""


def credited(text: str) -> str | None:
    """The organisation a text credits for its figures: a statistics office, or one named as the source."""
    found = find_organizations(text)
    for org in found:
        if org.kind == "statistics":
            return org.acronym
    for org in found:
        if _CREDITING.search(text[: org.start]) or _CREDITED.match(text[org.end:]):
            return org.acronym
    return None


def page_source(page: CleanPage) -> str | None:
    """The organisation a page credits for its figures overall, if one stands out."""
    counts = Counter(org.acronym for org in find_organizations(page.text) if org.kind == "statistics")
    if counts:
        return counts.most_common(1)[0][0]
    credits = Counter(acronym for block in page.blocks for s in block.sentences() if (acronym := credited(s)))
    return credits.most_common(1)[0][0] if credits else None
