"""Numbers as pages write them: "129,000", "47.2K", "1.5 million", "twelve", "twenty-five", "one and a half"."""

from __future__ import annotations

import re
from typing import NamedTuple

from text_to_num import text2num

from pipeline.cues import Needs
from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.patterns import one_of

_DATA = load("number_words")
SPELLED: dict[str, list[str]] = _DATA["words"]
VALUES: dict[str, float] = _DATA["values"]
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
# A spelled-out number: 1 to 99 ("twenty-five", "twelve") or "a" before a scale word, then scale words, each
# group maybe followed by another 1 to 99, after "and" too ("two thousand five hundred and ten"), then maybe
# "and a half" ("one and a half").
_SMALL = (rf"(?:(?:{one_of(SPELLED['tens'])})(?:[\s-](?:{one_of(SPELLED['units'])})\b)?"
          rf"|{one_of(SPELLED['teens'] + SPELLED['units'])})")
_SCALE = rf"\s+(?:{one_of(SPELLED['scales'])})\b"
_HALF = r"\s+and\s+an?\s+half"
WORD_TEXT = (
    rf"\b(?:(?:{_SMALL}|an?(?={_SCALE}))(?:(?:{_SCALE})+(?:\s+(?:and\s+)?{_SMALL})?)*"
    rf"|{one_of(w for w in VALUES if len(w) > 2)})(?:{_HALF})?\b"
)

NUMBER = re.compile(NUMBER_TEXT, re.IGNORECASE)
WORD_NUMBER = re.compile(WORD_TEXT, re.IGNORECASE)
# Every spelled-out number opens with one of these words or holds one ("a hundred"): a text without one has none.
NUMBER_WORDS = Needs(whole=[*(word for words in SPELLED.values() for word in words),
                              *(word for word in VALUES if len(word) > 2)])
_SPLIT = re.compile(r"(?P<digits>[\d,.]+)\s?(?P<scale>[a-z]*)", re.IGNORECASE)
_ARTICLE = re.compile(r"^an?\s+", re.IGNORECASE)
_HALF_END = re.compile(rf"{_HALF}$", re.IGNORECASE)


class Number(NamedTuple):
    """A number found in text, with its character span."""

    value: float
    start: int
    end: int


@per_text
def parse_number(text: str) -> float | None:
    """The value of a text that is just one number ("$47.2k", "two"), else None (remembered: pages repeat figures)."""
    cleaned = text.strip().lstrip("~≈").removeprefix("US$").removeprefix("$").strip()
    if cleaned.lower() in VALUES:
        return float(VALUES[cleaned.lower()])
    if WORD_NUMBER.fullmatch(cleaned):
        return _spelled_value(cleaned)
    if not NUMBER.fullmatch(cleaned):
        return None
    parts = _SPLIT.fullmatch(cleaned)
    value = float(parts.group("digits").replace(",", ""))
    scale = parts.group("scale").lower()
    return value * SCALES[scale] if scale else value


def _spelled_value(words: str) -> float | None:
    """The value of a spelled-out number as text2num reads it, the article of "a hundred" read as "one"."""
    half = _HALF_END.search(words)
    whole = _ARTICLE.sub("one ", words[:half.start()] if half else words, count=1)
    if whole.lower() in VALUES:
        value = float(VALUES[whole.lower()])
    else:
        try:
            value = float(text2num(whole, "en"))
        except ValueError:  # words no number is made of ("one hundred one hundred")
            return None
    return value + 0.5 if half else value


@per_text
def find_numbers(text: str) -> tuple[Number, ...]:
    """Every number written in digits or spelled out, in order of appearance."""
    found = [Number(parse_number(m.group()), m.start(), m.end()) for m in NUMBER.finditer(text)]
    if not NUMBER_WORDS.held_by(text):
        return tuple(found)
    words = [Number(value, m.start(), m.end()) for m in WORD_NUMBER.finditer(text)
             if (value := parse_number(m.group())) is not None]
    return tuple(sorted(found + words, key=lambda number: number.start)) if words else tuple(found)
