"""Percentages in text: "22 percent", "7%", "8 per cent", "eight percent"."""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.cues import Needs
from pipeline.memo import per_text
from pipeline.numbers import NUMBER_TEXT, NUMBER_WORDS, WORD_TEXT, parse_number

# one of which every percentage holds ("per cent" may hold any space)
PERCENT_WORDS = Needs(anywhere=("%", "cent", "pct"))


def _percent(number: str) -> re.Pattern[str]:
    """A percentage whose number is written as ``number``."""
    return re.compile(rf"(?P<number>{number})\s?(?:%|percent\b|per\s?cent\b|pct\b)", re.IGNORECASE)


PERCENT = _percent(rf"(?:(?<!\w)[-+−])?{NUMBER_TEXT}|{WORD_TEXT}")
_PERCENT_IN_FIGURES = _percent(rf"(?:(?<!\w)[-+−])?{NUMBER_TEXT}")  # for a text that spells out no number


class Percent(NamedTuple):
    """A percentage and its character span; ``value`` is 22.0 for "22%"."""

    value: float
    start: int
    end: int


# The first of two figures that share the percent sign after the second: "5 to 7 percent", "5-7%", "4 or 5%".
_SHARED = re.compile(
    rf"(?<![$€£])(?P<number>{NUMBER_TEXT}|{WORD_TEXT})\s*(?:-|–|—|to|and|or)\s*$", re.IGNORECASE
)
_SHARED_REACH = 40  # characters before the second figure


@per_text
def find_percents(text: str) -> tuple[Percent, ...]:
    """Every percentage in the text, in order of appearance."""
    if not PERCENT_WORDS.held_by(text):
        return ()
    found = []
    for match in (PERCENT if NUMBER_WORDS.held_by(text) else _PERCENT_IN_FIGURES).finditer(text):
        if (value := _value(match.group("number"))) is None:
            continue
        percent = Percent(value, match.start(), match.end())
        first = _SHARED.search(text, max(0, match.start() - _SHARED_REACH), match.start())
        if first and (value := _value(first.group("number"))) is not None and 0 <= value < percent.value:
            found.append(Percent(value, first.start(), first.end("number")))
        found.append(percent)
    return tuple(found)


def _value(number: str) -> float | None:
    """The signed value of a number, None for spelled words that make no number ("one hundred one hundred")."""
    value = parse_number(number.lstrip("-+−"))
    return -value if value is not None and number[0] in "-−" else value
