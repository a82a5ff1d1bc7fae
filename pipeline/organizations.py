"""Organisations that pages name: issuers, accreditors, statistics offices."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline import alternation
from pipeline.datafiles import load
from pipeline.gate import CaseBlind, Gate, lower
from pipeline.memo import per_text

_DATA = load("organizations")
KINDS: dict[str, str] = {entry["acronym"]: entry["kind"] for entry in _DATA["organization"]}


@dataclass(frozen=True)
class Organization:
    """An organisation named in text: its canonical acronym, kind and character span."""

    acronym: str
    kind: str
    start: int
    end: int


def _normal(name: str) -> str:
    """The name folded to a-z words: "STATİSTİCS" and "Statiſtics", which match case-blind, read "statistics"."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    words = re.sub(r"[^a-z0-9*&]+", " ", folded).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


_CANONICAL = {_normal(name): entry["acronym"] for entry in _DATA["organization"] for name in entry["names"]}
_CANONICAL |= {_normal(acronym): acronym for acronym in KINDS}


def _pattern(name: str) -> str:
    return r"[\s.]*".join(re.escape(word) for word in name.replace(".", ". ").split())


# Full names match in any case; acronyms only as written, in upper case.
_NAMES = sorted((name for entry in _DATA["organization"] for name in entry["names"]), key=len, reverse=True)
_FULL = CaseBlind(rf"(?<![\w*])(?:{'|'.join(_pattern(lower(name)) for name in _NAMES)})(?![\w*])")
_ACRONYM = alternation.compile(rf"(?<![\w*])(?:{alternation.one_of(KINDS)})(?![\w*])")
_FULL_GATE = Gate(max(name.replace(".", ". ").split(), key=len) for name in _NAMES)
_ACRONYM_GATE = Gate(KINDS, cased=True)


@per_text
def find_organizations(text: str) -> tuple[Organization, ...]:
    """Every organisation named in the text, by full name or acronym, in order of appearance."""
    # a name matched through a letter that folds to nothing of a-z is not one the registry knows
    full = [(_CANONICAL.get(_normal(m.group())), m) for m in _FULL.finditer(text)] if _FULL_GATE.opens(text) else []
    found = [_found(acronym, m) for acronym, m in full if acronym]
    taken = [(org.start, org.end) for org in found]
    if _ACRONYM_GATE.opens(text):
        found += [_found(m.group(), m) for m in _ACRONYM.finditer(text)
                  if not any(start <= m.start() < end for start, end in taken)]
    return tuple(sorted(found, key=lambda org: org.start))


def _found(acronym: str, match: re.Match[str]) -> Organization:
    return Organization(acronym, KINDS[acronym], match.start(), match.end())


def canonical(name: str) -> str | None:
    """The canonical acronym of an organisation given by any of its names, else None."""
    return _CANONICAL.get(_normal(name))
