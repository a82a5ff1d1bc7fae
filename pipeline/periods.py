"""Periods: how often an amount falls due or a thing recurs ("$20 an hour", "annually", "40 hours a week")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.cues import Needs
from pipeline.datafiles import load
from pipeline.patterns import one_of

_DATA = load("periods")
PERIODS: dict[str, dict[str, list[str]]] = _DATA["periods"]
_PERIOD_OF = {word: name for name, period in PERIODS.items() for word in (*period["units"], *period["adverbs"])}
ADJECTIVES = [word for period in PERIODS.values() for word in period["adjectives"]]

# A rate word or mark before a unit: "per", "an", "/" ("per year", "an hour", "/hr").
_RATE_BEFORE = (rf"(?:(?<![\w-])(?:{one_of(word for word in _DATA['rate'] if word.isalpha())})\s+"
                rf"|(?:{one_of(mark for mark in _DATA['rate'] if not mark.isalpha())})\s*)")
UNITS = [unit for period in PERIODS.values() for unit in period["units"]]
_UNITS = one_of(UNITS)
_ADVERBS = one_of(word for period in PERIODS.values() for word in period["adverbs"])


def rate(units: Iterable[str]) -> str:
    """Pattern text for a rate of one of the ``units``: "per unit", "a credit hour", "/hr"."""
    return rf"{_RATE_BEFORE}(?:{one_of(units)})\b"


RATE = rate(UNITS)  # pattern text for any period as a rate: "per year", "a week", "/hr"
# The period right after an amount: "$20 an hour", "$61,000 annually", "$3,000, monthly".
_AFTER = re.compile(rf"\s*(?:{_RATE_BEFORE}(?P<unit>{_UNITS})\b|,?\s+(?P<adverb>{_ADVERBS})\b)", re.IGNORECASE)
_AFTER_WORDS = Needs(whole=_PERIOD_OF)  # a unit or adverb, one of which every period after an amount is


def _names(period: dict[str, list[str]]) -> re.Pattern[str]:
    """Where a text names the period at all: "annual wage", "paid hourly", "per year"."""
    words = [*period["adjectives"], *period["adverbs"]]
    named = [rf"\b(?:{one_of(words)})\b"] if words else []
    return re.compile("|".join([*named, rate(period["units"])]), re.IGNORECASE)


NAMES = {name: _names(period) for name, period in PERIODS.items()}


def period_after(text: str, end: int) -> tuple[str, int] | None:
    """The period named right after an amount that ends at ``end``, and where its words end."""
    match = _AFTER.match(text, end) if _AFTER_WORDS.held_by(text) else None
    if not match:
        return None
    return _PERIOD_OF[(match.group("unit") or match.group("adverb")).lower()], match.end()
