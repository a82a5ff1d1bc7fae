"""Dates that pages give their figures: "as of May 2014", "2019-29", "through 2033"."""

from __future__ import annotations

import calendar
import re

from pipeline.cues import Needs
from pipeline.memo import per_text
from pipeline.patterns import one_of

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_MONTH_TEXT = one_of(_MONTHS)
_MONTH_WORDS = Needs(whole=_MONTHS)  # one of which every date with its month holds

# A year is a four-digit number from 1950 to 2099 that is not part of a longer
# number, an amount, a phone number or a count of something ("2000 hours").
_COUNTED = (r"hours?|hrs|dollars|usd|students|people|members|questions|words|credits|units|jobs|employees"
            r"|respondents|points")
_YEAR_DIGITS = r"(?:19[5-9]\d|20\d\d)(?![\w]|,\d|\.\d)"
_NOT_PHONE = r"(?!\d*-\d{3}(?!\d))"  # after the first digit: not the first part of "2025-555-0100"
YEAR_TEXT = (rf"(?<![\w$.,\-/–])(?:1{_NOT_PHONE}9[5-9]\d|2{_NOT_PHONE}0\d\d)"
             rf"(?![\w]|,\d|\.\d)(?!\s+(?:{_COUNTED})\b)")
_YEAR = re.compile(YEAR_TEXT, re.IGNORECASE)
_MONTH_YEAR = re.compile(
    rf"\b(?P<month>{_MONTH_TEXT})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+(?P<year>{YEAR_TEXT})", re.IGNORECASE
)
_RANGE = re.compile(
    rf"(?:between\s+)?(?P<start>{YEAR_TEXT})\s*(?P<joint>-|–|—|to|through|thru|until|and)\s*"
    rf"(?P<end>{_YEAR_DIGITS}|(?<=[-–—])\d\d(?!\d))",
    re.IGNORECASE,
)
_OPEN_END = re.compile(
    rf"\b(?:through|thru|until|till|by|to)\s+(?:the\s+year\s+)?(?P<end>{YEAR_TEXT})", re.IGNORECASE
)
_LONGEST_PROJECTION = 20


@per_text
def find_as_of(text: str) -> str | None:
    """The date a figure is given for: 'YYYY-MM' for a month and year, else 'YYYY', else None."""
    if not _names_years(text):
        return None
    if _MONTH_WORDS.held_by(text) and (match := _MONTH_YEAR.search(text)):
        return f"{match.group('year')}-{_MONTHS[match.group('month').lower()]:02d}"
    ranges = [match.span() for match in _RANGE.finditer(text) if _range(match)]
    for match in _YEAR.finditer(text):
        if not any(start <= match.start() < end for start, end in ranges):
            return match.group()
    return None


def find_year_range(text: str) -> tuple[int | None, int | None]:
    """The first span of years in the text, (start, end); (None, end) for 'through 2033'."""
    if not _names_years(text):
        return None, None
    for match in _RANGE.finditer(text):
        if years := _range(match):
            return years
    if match := _OPEN_END.search(text):
        return None, int(match.group("end"))
    return None, None


def _names_years(text: str) -> bool:
    """Whether the text may name a year: every year opens with "19" or "20"."""
    return "19" in text or "20" in text


def _range(match: re.Match[str]) -> tuple[int, int] | None:
    if match.group("joint").lower() == "and" and not match.group().lower().startswith("between"):
        return None
    start, end_text = int(match.group("start")), match.group("end")
    end = int(end_text) if len(end_text) == 4 else start - start % 100 + int(end_text)
    if len(end_text) == 2 and end < start:
        end += 100
    return (start, end) if 0 < end - start <= _LONGEST_PROJECTION else None
