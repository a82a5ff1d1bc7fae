"""The currency of a dollar figure: US dollars unless a sign, a code or a place beside it says otherwise."""

from __future__ import annotations

import re

from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.money import Money
from pipeline.patterns import one_of
from pipeline.phrases import Case, Phrases
from pipeline.places import US_NAMES

_DATA = load("currencies")["currency"]
USD = "USD"

# "NZ$52,000": the letters of a sign that ends in a dollar sign stand right before the amount's "$".
_SIGN_LETTERS = {sign[:-1]: entry["code"] for entry in _DATA for sign in entry["signs"] if sign.endswith("$")}
_CODES = {entry["code"]: entry["code"] for entry in _DATA}
_BEFORE = re.compile(rf"(?:(?<![A-Za-z])(?:{one_of(_SIGN_LETTERS)})|\b(?:{one_of(_CODES)})\s?)$")
_AFTER = re.compile(rf"^\s?\(?(?:{one_of(_CODES)})\b")


def _place_case(name: str) -> Case:
    """A place is written with a capital opening each word, and one in capitals ("UK", "US") just so."""
    return Case.WRITTEN if name.replace(".", "").isupper() else Case.TITLE


# Currency names and codes, and the places whose dollars they are.
_NAMED = Phrases([*((name, entry["code"], Case.ANY) for entry in _DATA for name in entry["names"]),
                  *((place, entry["code"], _place_case(place)) for entry in _DATA for place in entry["places"]),
                  *((code, code, Case.WRITTEN) for code in _CODES),
                  *((name, USD, _place_case(name)) for name in US_NAMES)])


def sign_currency(text: str, money: Money) -> str | None:
    """The currency a sign or code right at the amount gives it ("NZ$52,000", "$52,000 CAD"), if one does."""
    if before := _BEFORE.search(text, max(0, money.start - 6), money.start):
        letters = before.group().strip()
        return _SIGN_LETTERS.get(letters) or _CODES.get(letters)
    if after := _AFTER.match(text[money.end:]):
        return after.group().strip(" (")
    return None


@per_text
def named_currency(text: str) -> str | None:
    """The currency of the dollars of the places or currency the text names; None if it names none, or two."""
    found = {hit.value for hit in _NAMED.find(text)}
    return found.pop() if len(found) == 1 else None

