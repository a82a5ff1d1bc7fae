"""The occupation registry (pipeline/data/soc.toml): SOC codes, their history, the names pages use, found in text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from pipeline.cues import Needs
from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.phrases import Case, Phrases, longest

_DATA = load("soc")


@dataclass(frozen=True)
class Occupation:
    """A SOC occupation: its code and title in one classification, and its links to the other."""

    code: str
    title: str
    classification: int
    series: str
    replaces: tuple[str, ...] = ()
    replaced_by: tuple[str, ...] = ()
    former_titles: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    beside: bool = False  # a clinical occupation pages set beside billing and coding: its figures are left out


@dataclass(frozen=True)
class Role:
    """A job pages discuss that has no SOC code of its own."""

    name: str
    note: str


OCCUPATIONS: tuple[Occupation, ...] = tuple(
    Occupation(**{key: tuple(value) if isinstance(value, list) else value for key, value in entry.items()})
    for entry in _DATA["occupation"])
ROLES: tuple[Role, ...] = tuple(Role(**entry) for entry in _DATA["role"])
BY_CODE: dict[str, Occupation] = {occupation.code: occupation for occupation in OCCUPATIONS}
BESIDE: frozenset[str] = frozenset(occupation.code for occupation in OCCUPATIONS if occupation.beside)

FIRST_2018_YEAR = 2019  # the first year BLS figures used the 2018 codes: earlier figures take 2010 ones
_WRITTEN_CODE = re.compile(r"(?<![\d-])(\d\d-\d{4})(?:\.\d\d)?(?![\d-])")  # "29-2072", O*NET's "29-2071.00"
_DECLARED_CODE = re.compile(r"\bSOC(?:\s+code)?\s*[:#]?\s*(\d\d-\d{4})(?:\.\d\d)?(?![\d-])", re.IGNORECASE)
_SOC = Needs(opening=["soc"])  # which every code given as a SOC code follows
_MAJOR_GROUPS = Needs(anywhere={code[:3] for code in BY_CODE})  # "29-", which a registry code written out opens with


class Named(NamedTuple):
    """An occupation or role named in text, by title or name, with its span (a named tuple: made often).

    ``codes`` are the codes the name stands for (one per classification it sits under); empty for a role.
    """

    codes: frozenset[str]
    start: int
    end: int


_NAMES = Phrases(
    [(name, occupation.code, Case.ANY) for occupation in OCCUPATIONS
     for name in (occupation.title, *occupation.former_titles, *occupation.names)]
    + [(role.name, None, Case.ANY) for role in ROLES],
    plural=True,
)


@per_text
def find_names(text: str) -> tuple[Named, ...]:
    """Every occupation or role the text names, longest match first where they overlap, in order of appearance."""
    hits = _NAMES.every(text)
    codes: dict[tuple[int, int], set[str]] = {}
    for hit in hits:
        codes.setdefault((hit.start, hit.end), set()).add(hit.value)
    return tuple(Named(frozenset(code for code in codes[hit.start, hit.end] if code), hit.start, hit.end)
                 for hit in longest(hits))


def code_for(codes: frozenset[str], year: int | None) -> str | None:
    """The one code a name stands for in a figure of ``year``: of the 2010 classification before 2019, else 2018.

    None when the name stands for no code (a role) or for several in one classification.
    """
    if len(codes) > 1:
        edition = 2010 if year is not None and year < FIRST_2018_YEAR else 2018
        codes = frozenset(code for code in codes if BY_CODE[code].classification == edition) or codes
    return next(iter(codes)) if len(codes) == 1 else None


@per_text
def written_code(text: str) -> str | None:
    """The registry code the text writes out ("SOC 29-2072", "(29-9021)"), if it writes exactly one."""
    if not _MAJOR_GROUPS.held_by(text):
        return None
    codes = {code for code in _WRITTEN_CODE.findall(text) if code in BY_CODE}
    return codes.pop() if len(codes) == 1 else None


@per_text
def declared_codes(text: str) -> frozenset[str]:
    """The registry codes the text gives as a SOC code ("SOC: 29-2071.00", "SOC code 29-2072")."""
    if not _SOC.held_by(text):
        return frozenset()
    return frozenset(code for code in _DECLARED_CODE.findall(text) if code in BY_CODE)
