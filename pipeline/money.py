"""Dollar amounts and ranges in text: "$38,860", "$20.50 an hour", "$35,000-$45,000"."""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.cues import Needs
from pipeline.memo import per_text
from pipeline.numbers import NUMBER_TEXT, WORD_TEXT, parse_number
from pipeline.periods import period_after

AMOUNT_WORDS = Needs(anywhere=("$", "usd", "dollars"))  # one of which every amount holds
_UNIT_NEEDED = Needs(anywhere=("usd", "dollars"))  # one of which every amount with its unit after it holds
_US_SIGN = Needs(anywhere=("us$",))  # which every amount signed "US$" holds
_SIGN = r"(?:US\$|\$|USD\s?)"
_UNIT = r"(?:dollars|USD)\b"
_SIGNED = rf"{_SIGN}\s?(?P<pre>{NUMBER_TEXT})"  # "$38,860", "USD 40,000"
SIGNED = re.compile(_SIGNED, re.IGNORECASE)
DOLLAR_SIGNED = re.compile(rf"\$\s?(?P<pre>{NUMBER_TEXT})", re.IGNORECASE)  # "$38,860"
AMOUNT = re.compile(rf"{_SIGNED}|(?P<post>{NUMBER_TEXT})\s?{_UNIT}", re.IGNORECASE)  # or "40,000 dollars"
# What may join a first amount to a second one that need not repeat the sign.
_RANGE_TAIL = re.compile(
    rf"\s*(?:-|–|—|to)\s*{_SIGN}?\s?(?P<high>{NUMBER_TEXT})(?:\s?{_UNIT})?", re.IGNORECASE
)
_BETWEEN_TAIL = re.compile(rf"\s+and\s+{_SIGN}?\s?(?P<high>{NUMBER_TEXT})(?:\s?{_UNIT})?", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_BETWEEN = Needs(whole=("between",))
# An amount in words is one before "dollars", or a range of two ("two thousand to four thousand dollars").
_IN_WORDS = Needs(whole=("dollars",))
_WORD_RANGE = re.compile(rf"(?P<low>{WORD_TEXT})\s*(?P<joint>-|–|—|to|and)\s*(?P<high>{WORD_TEXT})\s+dollars\b",
                         re.IGNORECASE)
_WORD_AMOUNT = re.compile(rf"(?P<low>{WORD_TEXT})\s+dollars\b", re.IGNORECASE)
_WIDEST_RANGE = 20  # a second number more than 20 times the first is no range end ("$15 to 2020")
_SCALE_END = re.compile(r"\s?[a-z]+$", re.IGNORECASE)


class Money(NamedTuple):
    """An amount or range of US dollars; ``period`` is the one named right after it ('annual', 'monthly'...)."""

    low: float
    high: float | None
    period: str | None
    start: int
    end: int


@per_text
def find_money(text: str) -> tuple[Money, ...]:
    """Every dollar amount or range in the text, in order of appearance."""
    if not AMOUNT_WORDS.held_by(text):
        return ()
    found: list[Money] = []
    position = 0
    amount = _amounts(text)
    while match := amount.search(text, position):
        money = _read(text, match)
        found.append(money)
        position = money.end
    if _IN_WORDS.held_by(text) and (spelled := _in_words(text, found)):
        found = sorted(found + spelled, key=lambda money: money.start)
    return tuple(found)


def _amounts(text: str) -> re.Pattern[str]:
    """The pattern of the amounts the text may hold: with their unit after them only where it writes "USD" or
    "dollars", signed otherwise than "$" only where it writes another sign."""
    if _UNIT_NEEDED.held_by(text):
        return AMOUNT
    return SIGNED if _US_SIGN.held_by(text) else DOLLAR_SIGNED


def _in_words(text: str, found: list[Money]) -> list[Money]:
    """The amounts the text writes in words ("three hundred ninety-nine dollars"), but for those ``found``."""
    amounts = list(found)
    for match in (*_WORD_RANGE.finditer(text), *_WORD_AMOUNT.finditer(text)):
        if any(money.start < match.end() and match.start() < money.end for money in amounts):
            continue
        low = parse_number(match.group("low"))
        high = parse_number(match.group("high")) if match.re is _WORD_RANGE else None
        between = _between_before(text, match.start())
        whole = high is None or (low and low < high <= low * _WIDEST_RANGE and (match.group("joint") != "and"
                                                                               or between))
        if low is None or not whole:  # "one hundred and ten dollars" is one amount, read as such next
            continue
        period, end = period_after(text, match.end()) or (None, match.end())
        amounts.append(Money(low, high, period, between.start() if between and high else match.start(), end))
    return amounts[len(found):]


def _read(text: str, match: re.Match[str]) -> Money:
    low_text = match.group("pre") or match.group("post")
    low, high, end = parse_number(low_text), None, match.end()
    between = _between_before(text, match.start())
    tail = (_BETWEEN_TAIL if between else _RANGE_TAIL).match(text, end)
    if tail:
        high_text = tail.group("high")
        high = parse_number(high_text)
        scale = _SCALE_END.search(high_text)
        if scale and not _SCALE_END.search(low_text):  # "$40-50K": the scale covers both ends
            low = parse_number(low_text + scale.group())
        if low < high <= low * _WIDEST_RANGE:
            end = tail.end()
        else:
            high = None
    start = between.start() if between and high is not None else match.start()
    period, end = period_after(text, end) or (None, end)
    return Money(low, high, period, start, end)


def _between_before(text: str, end: int) -> re.Match[str] | None:
    """"between" and the spaces that end the text before ``end``, looked for only where the word would start."""
    if not _BETWEEN.held_by(text):
        return None
    word_end = len(text[:end].rstrip())  # str.rstrip strips what "\s" matches
    return _BETWEEN_BEFORE.search(text, max(0, word_end - len("between")), end)
