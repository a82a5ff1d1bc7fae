"""The cleaned page (main content as an ordered list of text blocks), and what is kept of it."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from pipeline.memo import per_text

BLOCK_KINDS = ("heading", "paragraph", "item", "row")

# A sentence ends at . ! or ? followed by space and an upper-case letter, digit,
# quote or dollar sign, unless the dot closes a common abbreviation or an initial.
_ABBREVIATIONS = (
    "U.S.", "e.g.", "i.e.", "vs.", "etc.", "approx.", "Dr.", "Mr.", "Ms.", "Mrs.", "St.", "No.", "Inc.", "Jr.",
)
# The space after the stop, unless what is before it is an abbreviation or an initial.
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(a)}\s)" for a in _ABBREVIATIONS) + r"(?<!\b[A-Z]\.\s)"
_SENTENCE_END = re.compile(
    r"""\s(?:(?<=[.!?]\s)|(?<=[.!?]["”’)]\s))""" + _NOT_AFTER + r"""\s*(?=["“‘(]?[A-Z0-9$])"""
)


class Block(NamedTuple):
    """One heading, paragraph, list item or table row of the main content.

    A named tuple: made by the dozen per page.
    """

    kind: str
    text: str
    level: int = 0
    headings: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()

    @property
    def heading(self) -> str | None:
        """The nearest heading this block sits under."""
        return self.headings[-1] if self.headings else None

    def sentences(self) -> tuple[str, ...]:
        """The block's sentences, each a verbatim substring of ``text``."""
        return split_sentences(self.text)


@dataclass
class CleanPage:
    """A page reduced to its main content."""

    url: str
    title: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the main text: equal hashes mean unchanged content."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


_MAY_END = re.compile(r"""[.!?]["”’)]?\s""")  # where a sentence may end: most texts hold no such place


@per_text
def split_sentences(text: str) -> tuple[str, ...]:
    """Split text into sentences without altering any character inside them."""
    if not _MAY_END.search(text):
        return (stripped,) if (stripped := text.strip()) else ()
    parts = (part.strip() for part in _SENTENCE_END.split(text))
    return tuple(part for part in parts if part)


@dataclass
class ProcessedPage:
    """What is kept of a page: its title, main text and hash, and its facts when its content changed."""

    title: str
    text: str
    content_hash: str
    unchanged: bool
    facts: dict[str, list[dict[str, object]]] = field(default_factory=dict)
