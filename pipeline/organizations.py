"""Organisations that pages name: issuers, accreditors, statistics offices."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from pipeline import alternation
from pipeline.datafiles import load
from pipeline.gate import CaseBlind, Gate, lower
from pipeline.memo import per_text

_DATA = load("organizations")
KINDS: dict[str, str] = {entry["acronym"]: entry["kind"] for entry in _DATA["organization"]}


class Organization(NamedTuple):
    """An organisation named in text: its canonical acronym, kind and character span (a named tuple: made often)."""

    acronym: str
    kind: str
    start: int
    end: int


def _normal(name: str) -> str:
    """The name folded to a-z words: "STATİSTİCS" and "Statiſtics", which match case-blind, read "statistics"."""
    if name.isascii():  # nothing to decompose, and folding case is lowering it
        folded = name.lower()
    else:
        folded = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    words = re.sub(r"[^a-z0-9*&]+", " ", folded).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


_CANONICAL = {_normal(name): entry["acronym"] for entry in _DATA["organization"] for name in entry["names"]}
_CANONICAL |= {_normal(acronym): acronym for acronym in KINDS}


def not_after(chars: str, words: Iterable[str]) -> str:
    """Any of the plain words, the longest tried first, with no character of the class ``chars`` just before it.

    A word's first letter comes first and only then the look back, so that the engine skips ahead to the letter.
    """
    return "|".join(rf"{re.escape(word[0])}(?<![{chars}]{re.escape(word[0])}){re.escape(word[1:])}"
                    for word in sorted(set(words), key=lambda word: (-len(word), word)))


def _pattern(name: str) -> str:
    return r"[\s.]*".join(re.escape(word) for word in name.replace(".", ". ").split())


# Full names match in any case; acronyms only as written, in upper case.
_NAMES = sorted((name for entry in _DATA["organization"] for name in entry["names"]), key=len, reverse=True)
_TOUCHING = r"\w*"  # what may not come just before or after a name
_FULL = CaseBlind(rf"(?<![{_TOUCHING}])(?:{'|'.join(_pattern(lower(name)) for name in _NAMES)})(?![{_TOUCHING}])")
_ACRONYM = alternation.compile(rf"(?:{not_after(_TOUCHING, KINDS)})(?![{_TOUCHING}])")
_FULL_GATE = Gate(max(name.replace(".", ". ").split(), key=len) for name in _NAMES)
_ACRONYM_GATE = Gate(KINDS, cased=True)


@per_text
def find_organizations(text: str) -> tuple[Organization, ...]:
    """Every organisation named in the text, by full name or acronym, in order of appearance."""
    found = _full_names(text) if _FULL_GATE.opens(text) else []
    if _ACRONYM_GATE.opens(text):
        taken = [(org.start, org.end) for org in found]
        found += [_found(m.group(), m) for m in _ACRONYM.finditer(text)
                  if not any(start <= m.start() < end for start, end in taken)]
    return tuple(sorted(found, key=lambda org: org.start)) if found else ()


def _full_names(text: str) -> list[Organization]:
    # a name matched through a letter that folds to nothing of a-z is not one the registry knows
    return [_found(acronym, m) for m in _FULL.finditer(text) if (acronym := _CANONICAL.get(_normal(m.group())))]


def _found(acronym: str, match: re.Match[str]) -> Organization:
    return Organization(acronym, KINDS[acronym], match.start(), match.end())


def canonical(name: str) -> str | None:
    """The canonical acronym of an organisation given by any of its names, else None."""
    return _CANONICAL.get(_normal(name))
