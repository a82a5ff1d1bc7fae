"""Lengths of time in text: "18 months", "6 to 12 months", "less than a year", "440 hours"."""

from __future__ import annotations

import re
from re import _parser
from typing import NamedTuple

from pipeline import alternation
from pipeline.datafiles import load
from pipeline.gate import CaseBlind, lowered
from pipeline.memo import per_text
from pipeline.numbers import NUMBER_TEXT, SCALES, WORD_TEXT, WORDS, parse_number

_UNITS = load("time_units")
MONTHS_PER_UNIT: dict[str, float] = _UNITS["months"]
HOUR_UNITS: set[str] = set(_UNITS["hours"])

_UNIT_TEXT = alternation.one_of([*MONTHS_PER_UNIT, *HOUR_UNITS])
_QUANTITY = rf"(?:{NUMBER_TEXT}|{WORD_TEXT}|\ban?\b)"


def _after(ends: list[str], separator: str) -> str:
    """A test that the text up to the position ends with one of ``ends`` and then ``separator``, one character.

    A look behind must be of one width: the ends are grouped by theirs.
    """
    by_width: dict[int, list[str]] = {}
    for end in ends:
        by_width.setdefault(_parser.parse(end).getwidth()[0], []).append(end)
    return "|".join(f"(?<=(?:{'|'.join(group)}){separator})" for group in by_width.values())


# A quick look, in lower case, for what ends a quantity (a digit or scale, a number word, "a", "an") right
# before a unit, as it does in every length; the full pattern runs only where it is. It opens with the space
# or hyphen before the unit, which the engine skips ahead to, and only then looks behind it for the quantity.
_QUANTITY_ENDS = [r"\d", rf"\d[{''.join(w for w in SCALES if len(w) == 1)}]",
                  *(re.escape(w) for w in SCALES if len(w) > 1), *(rf"\b{re.escape(w)}" for w in WORDS)]
_SEPARATOR = r"[\s-]"  # between a quantity and its unit
_COUNTED = alternation.compile(
    rf"{_SEPARATOR}(?=(?:{alternation.compact(_UNIT_TEXT)})\b)(?:{_after(_QUANTITY_ENDS, _SEPARATOR)})"
)
_DURATION = CaseBlind(
    rf"(?:(?P<bound>less than|fewer than|under|up to|no more than|at most|within|as little as|"
    rf"at least|more than|over|a minimum of|minimum of|a maximum of|maximum of)\s+)?"
    rf"(?P<low>{_QUANTITY})(?:\s*(?:-|–|—|to|or)\s*(?P<high>{_QUANTITY}))?"
    rf"[\s-](?P<unit>{_UNIT_TEXT})\b(?!\s*(?:per|a|an|each|every|/)\s*(?:week|day|month)\b)",
)
DURATION = _DURATION.pattern
_UPPER_BOUNDS = {"less than", "fewer than", "under", "up to", "no more than", "at most", "within",
                 "as little as", "a maximum of", "maximum of"}


class Duration(NamedTuple):
    """A span of time in months (either end may be open) or a number of hours."""

    months_min: float | None
    months_max: float | None
    hours: float | None
    start: int
    end: int


@per_text
def find_durations(text: str) -> tuple[Duration, ...]:
    """Every length of time in the text, in order of appearance."""
    if not _COUNTED.search(lowered(text)):
        return ()
    return tuple(duration for match in _DURATION.finditer(text) if (duration := _read(match)))


def _read(match: re.Match[str]) -> Duration | None:
    low = parse_number(match.group("low"))
    high = parse_number(match.group("high")) if match.group("high") else low
    if low is None or high is None or high < low:
        return None
    unit = match.group("unit").lower()
    if unit in HOUR_UNITS:
        return Duration(None, None, high, match.start(), match.end())
    low, high = round(low * MONTHS_PER_UNIT[unit], 2), round(high * MONTHS_PER_UNIT[unit], 2)
    bound = (match.group("bound") or "").lower()
    if bound in _UPPER_BOUNDS:
        low = None
    elif bound:
        high = None
    return Duration(low, high, None, match.start(), match.end())
