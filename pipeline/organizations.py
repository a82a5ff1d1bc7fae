"""Organisations that pages name: issuers, accreditors, statistics offices."""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.phrases import Case, Phrases

_DATA = load("organizations")
KINDS: dict[str, str] = {entry["acronym"]: entry["kind"] for entry in _DATA["organization"]}
# What each accreditor accredits ("schools", "programs", "certifications", ...)
ACCREDITS: dict[str, str] = {entry["acronym"]: entry["accredits"]
                             for entry in _DATA["organization"] if "accredits" in entry}


class Organization(NamedTuple):
    """An organisation named in text: its canonical acronym, kind and character span (a named tuple: made often)."""

    acronym: str
    kind: str
    start: int
    end: int


def _normal(name: str) -> str:
    """The name as lower-case words, without a leading "the"."""
    words = re.sub(r"[^a-z0-9*&]+", " ", name.lower()).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


_CANONICAL = {_normal(name): entry["acronym"] for entry in _DATA["organization"] for name in entry["names"]}
_CANONICAL |= {_normal(acronym): acronym for acronym in KINDS}

# Full names match in any case; acronyms only as written.
_ORGANIZATIONS = Phrases([(name, entry["acronym"], Case.ANY) for entry in _DATA["organization"]
                          for name in entry["names"]] + [(acronym, acronym, Case.EXACT) for acronym in KINDS])


@per_text
def find_organizations(text: str) -> tuple[Organization, ...]:
    """Every organisation named in the text, by full name or acronym, in order of appearance."""
    return tuple(Organization(hit.value, KINDS[hit.value], hit.start, hit.end) for hit in _ORGANIZATIONS.find(text))


def canonical(name: str) -> str | None:
    """The canonical acronym of an organisation given by any of its names, else None."""
    return _CANONICAL.get(_normal(name))
