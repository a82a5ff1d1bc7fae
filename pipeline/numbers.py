"""Numbers as pages write them: "129,000", "47.2K", "1.5 million", "twelve"."""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.patterns import one_of

_DATA = load("number_words")
WORDS: dict[str, float] = _DATA["words"]
SCALES: dict[str, float] = _DATA["scales"]

_SCALE_WORDS = one_of(w for w in SCALES if len(w) > 1)
_SCALE_LETTERS = "".join(w for w in SCALES if len(w) == 1)

# Pattern text for other modules to embed (use re.IGNORECASE): digits with
# optional thousands separators and decimals, then an optional scale ("47.2K",
# "1.5 million"); a scale letter must touch the digits, a scale word may follow a
# space. NUMBER_TEXT never starts or ends inside a longer number or word.
NUMBER_TEXT = (
    rf"(?<![\w.,])\d(?:\d{{0,2}}(?:,\d{{3}})+|\d*)(?:\.\d+)?"
    rf"(?:(?:[{_SCALE_LETTERS}]|\s?(?:{_SCALE_WORDS}))\b)?(?![\w]|,\d|\.\d)"
)
_NUMBER_WORDS = one_of(w for w in WORDS if len(w) > 2)
WORD_TEXT = rf"\b(?:{_NUMBER_WORDS})\b"

NUMBER = re.compile(NUMBER_TEXT, re.IGNORECASE)
WORD_NUMBER = re.compile(WORD_TEXT, re.IGNORECASE)
_SPLIT = re.compile(r"(?P<digits>[\d,.]+)\s?(?P<scale>[a-z]*)", re.IGNORECASE)


class Number(NamedTuple):
    """A number found in text, with its character span."""

    value: float
    start: int
    end: int


@per_text
def parse_number(text: str) -> float | None:
    """The value of a text that is just one number ("$47.2k", "two"), else None (remembered: pages repeat figures)."""
    cleaned = text.strip().lstrip("~≈").removeprefix("US$").removeprefix("$").strip()
    if cleaned.lower() in WORDS:
        return float(WORDS[cleaned.lower()])
    if not NUMBER.fullmatch(cleaned):
        return None
    parts = _SPLIT.fullmatch(cleaned)
    value = float(parts.group("digits").replace(",", ""))
    scale = parts.group("scale").lower()
    return value * SCALES[scale] if scale else value


@per_text
def find_numbers(text: str) -> tuple[Number, ...]:
    """Every number written in digits or as a word, in order of appearance."""
    found = [Number(parse_number(m.group()), m.start(), m.end()) for m in NUMBER.finditer(text)]
    if words := [Number(parse_number(m.group()), m.start(), m.end()) for m in WORD_NUMBER.finditer(text)]:
        return tuple(sorted(found + words, key=lambda number: number.start))
    return tuple(found)
