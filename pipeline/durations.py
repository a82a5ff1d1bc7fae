"""Lengths of time in text: "18 months", "6 to 12 months", "less than a year", "440 hours"."""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.cues import Needs
from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.numbers import NUMBER_TEXT, NUMBER_WORDS, WORD_TEXT, parse_number
from pipeline.patterns import one_of
from pipeline.periods import RATE

_UNITS = load("time_units")
MONTHS_PER_UNIT: dict[str, float] = _UNITS["months"]
HOUR_UNITS: set[str] = set(_UNITS["hours"])

_UNIT_TEXT = one_of([*MONTHS_PER_UNIT, *HOUR_UNITS])
UNIT_WORDS = Needs(whole=[*MONTHS_PER_UNIT, *HOUR_UNITS])  # every length names a unit: looked for first


def _duration(quantity: str) -> re.Pattern[str]:
    """A length of time (or a range of them) whose numbers are written as ``quantity``."""
    return re.compile(
        rf"(?P<low>{quantity})(?:\s*(?:-|–|—|to|or)\s*(?P<high>{quantity}))?"
        rf"[\s-](?P<unit>{_UNIT_TEXT})\b(?!\s*{RATE})",  # "40 hours a week" is a rate, not a length
        re.IGNORECASE,
    )


_DURATION = _duration(rf"(?:{NUMBER_TEXT}|{WORD_TEXT}|\ban?\b)")
_DURATION_IN_FIGURES = _duration(rf"(?:{NUMBER_TEXT}|\ban?\b)")  # for a text that spells out no number
# The lower end of "between 6 and 12 months", read right before a length found alone ("12 months").
_BETWEEN = re.compile(rf"\bbetween\s+(?P<low>{NUMBER_TEXT}|{WORD_TEXT})\s+and\s+$", re.IGNORECASE)
_BETWEEN_REACH = 40  # characters before a length that "between" and its lower end may take
_UPPER_BOUNDS = ("less than", "fewer than", "under", "up to", "no more than", "at most", "within",
                 "as little as", "a maximum of", "maximum of")
_LOWER_BOUNDS = ("at least", "more than", "over", "a minimum of", "minimum of")
# A bound right before a length, read where the length is found: "less than 6 months", "at least a year".
_BOUND = re.compile(rf"(?:{one_of([*_UPPER_BOUNDS, *_LOWER_BOUNDS])})$", re.IGNORECASE)
_LONGEST_BOUND = max(len(bound) for bound in (*_UPPER_BOUNDS, *_LOWER_BOUNDS))


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
    if not UNIT_WORDS.held_by(text):
        return ()
    found, reached = [], 0
    for match in (_DURATION if NUMBER_WORDS.held_by(text) else _DURATION_IN_FIGURES).finditer(text):
        bound = _bound_before(text, match.start(), reached)
        if duration := _read(match, bound):
            found.append(_between(text, match, duration, reached) if match.group("high") is None else duration)
        reached = match.end()
    return tuple(found)


def _bound_before(text: str, start: int, reached: int) -> re.Match[str] | None:
    """The bound ("less than", "at least"...) and spaces right before ``start``, not before ``reached``."""
    word_end = len(text[:start].rstrip())  # str.rstrip strips what "\s" matches
    if word_end == start:
        return None
    return _BOUND.search(text, max(reached, word_end - _LONGEST_BOUND), word_end)


def _between(text: str, match: re.Match[str], duration: Duration, reached: int) -> Duration:
    """The length with the lower end that "between ... and" sets before it ("between 6 and 12 months")."""
    if duration.months_max is None or duration.months_min is None or not text.endswith(
            " and ", max(reached, match.start() - 5), match.start()):
        return duration
    before = _BETWEEN.search(text, max(reached, match.start() - _BETWEEN_REACH), match.start())
    low = parse_number(before.group("low")) if before else None
    if low is None or (months := round(low * MONTHS_PER_UNIT[match.group("unit").lower()], 2)) > duration.months_max:
        return duration
    return duration._replace(months_min=months, start=before.start("low"))


def _read(match: re.Match[str], bound: re.Match[str] | None) -> Duration | None:
    low = parse_number(match.group("low"))
    high = parse_number(match.group("high")) if match.group("high") else low
    if low is None or high is None or high < low:
        return None
    start = bound.start() if bound else match.start()
    unit = match.group("unit").lower()
    if unit in HOUR_UNITS:
        return Duration(None, None, high, start, match.end())
    low, high = round(low * MONTHS_PER_UNIT[unit], 2), round(high * MONTHS_PER_UNIT[unit], 2)
    if bound and bound.group().lower() in _UPPER_BOUNDS:
        low = None
    elif bound:
        high = None
    return Duration(low, high, None, start, match.end())
