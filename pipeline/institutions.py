"""Names of schools in text: "Santa Barbara City College", "University of Phoenix", "SNHU"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline import alternation
from pipeline.credentials import find_credentials
from pipeline.datafiles import load
from pipeline.gate import Gate
from pipeline.memo import per_text
from pipeline.organizations import find_organizations

_DATA = load("institutions")
_KEYWORDS = set(_DATA["keywords"])
_GENERIC = set(_DATA["generic"]) | _KEYWORDS
_LEADING = set(_DATA["leading"])
_BREAKS = set(_DATA["breaks"])
_CONNECTORS = {"of", "for", "the", "de", "&"}

# A word is taken whole (possessively): whitespace, which follows every word of a name, never follows part of one.
_WORD = r"(?:[A-Z][\w'’.&-]*+|&)"
_KEYWORD = alternation.one_of(_DATA["keywords"])
# A name opens with a capital or "&"; looking ahead for one first spares the engine the repeat at every other place.
NAME = alternation.compile(
    rf"(?=[A-Z&])(?:{_WORD}\s+(?:(?:of|for|the|de)\s+)*)*(?:{_KEYWORD})\b(?:\s+(?:of|for)(?:\s+the)?(?:\s+{_WORD})+)?"
)
_KNOWN = alternation.compile(rf"\b(?:{alternation.one_of(_DATA['known'])})\b")
_DEFINED = alternation.compile(r"\s*\((?P<acronym>[A-Z]{2,6})\)")
_DEFINITION = alternation.compile(r"\([A-Z]{2,6}\)")
_SHORT_FORM = alternation.compile(r"\b[A-Z]{2,6}\b")
_ACRONYM_SCHOOL = alternation.compile(
    r"(?:\b(?:at|from|through|with)\s+)(?P<inside>[A-Z]{2,6})\b|\b(?P<subject>[A-Z]{2,6})(?=['’]s\s+(?:[\w-]+\s+){0,4}"
    r"(?:program|certificate|degree|diploma|course)|\s+(?:offers|provides)\b)"
)
# A school's name holds a keyword or is a known name; a short form is two capitals or more.
_GATE = Gate([*_DATA["keywords"], *_DATA["known"]], cased=True)
_CAPITALS = alternation.compile("[A-Z]{2}")
_NOT_SCHOOLS = set(_DATA["not_schools"])
# A heading or list entry that is nothing but an acronym with a U in it ("SNHU", "WGU").
_BARE_UNIVERSITY = alternation.compile(r"\s*(?P<acronym>[A-Z]*U[A-Z]*)\s*")


@dataclass(frozen=True)
class Institution:
    """A school named in text, with its character span."""

    name: str
    start: int
    end: int


def _trimmed(match: re.Match[str]) -> Institution | None:
    """The match without words that open a heading or follow the name, if a specific name remains."""
    words = list(re.finditer(r"\S+", match.group()))
    keyword = next(i for i, w in enumerate(words) if w.group() in _KEYWORDS)
    cut = max((i + 1 for i, w in enumerate(words[:keyword]) if w.group() in _BREAKS), default=0)
    words = words[cut:]
    while words and (words[0].group() in _LEADING or words[0].group() in _CONNECTORS):
        words.pop(0)
    while words and (words[-1].group() in _LEADING or words[-1].group() in _CONNECTORS):
        words.pop()
    names = [w.group() for w in words]
    if not _KEYWORDS & set(names) or all(n in _GENERIC or n in _CONNECTORS for n in names):
        return None
    start, end = match.start() + words[0].start(), match.start() + words[-1].end()
    definition = _DEFINED.match(match.string, end)
    return Institution(match.string[start:end], start, definition.end() if definition else end)


def _known_elsewhere(text: str) -> list[tuple[int, int]]:
    """Spans of organisations and credentials, which are never schools."""
    return [(o.start, o.end) for o in find_organizations(text)] + [(c.start, c.end) for c in find_credentials(text)]


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _full_names(text: str, taken: list[tuple[int, int]]) -> list[Institution]:
    """Names built around a keyword, and known names without one."""
    found = [i for m in NAME.finditer(text) if (i := _trimmed(m)) and not _overlaps(i.start, i.end, taken)]
    spans = taken + [(i.start, i.end) for i in found]
    found += [Institution(m.group(), m.start(), m.end()) for m in _KNOWN.finditer(text)
              if not _overlaps(m.start(), m.end(), spans)]
    return found


def _short_forms(text: str, known: dict[str, str], taken: list[tuple[int, int]]) -> list[Institution]:
    """Acronyms the page defined for a school, and acronyms used the way schools are ("at WGU", "SNHU" alone)."""
    found = [Institution(known[m.group()], m.start(), m.end()) for m in _SHORT_FORM.finditer(text)
             if m.group() in known and not _overlaps(m.start(), m.end(), taken)] if known else []
    spans = [m.span(group) for m in _ACRONYM_SCHOOL.finditer(text) for group in ("inside", "subject") if m.group(group)]
    if (bare := _BARE_UNIVERSITY.fullmatch(text)) and 2 <= len(bare.group("acronym")) <= 6:
        spans.append(bare.span("acronym"))
    for start, end in spans:
        acronym = text[start:end]
        if acronym not in known and acronym not in _NOT_SCHOOLS and not _overlaps(start, end, taken):
            found.append(Institution(acronym, start, end))
    return found


def find_institutions(text: str, acronyms: dict[str, str] | None = None) -> list[Institution]:
    """Every school the text names; ``acronyms`` maps short forms defined earlier on the page to names."""
    return _schools(text, acronyms) if acronyms else list(_named_schools(text))


@per_text
def _named_schools(text: str) -> tuple[Institution, ...]:
    """The schools a text names on its own (remembered: most pages define no short forms)."""
    return tuple(_schools(text, {}))


def _schools(text: str, acronyms: dict[str, str]) -> list[Institution]:
    """``find_institutions``, read afresh."""
    named = _GATE.opens(text)  # else only a short form can name a school
    if not (named or _CAPITALS.search(text)):
        return []
    taken = _known_elsewhere(text)
    found = _full_names(text, taken) if named else []
    known = acronyms | _defined(text, found)
    found += _short_forms(text, known, taken + [(i.start, i.end) for i in found])
    return sorted(found, key=lambda institution: institution.start)


def _defined(text: str, found: list[Institution]) -> dict[str, str]:
    return {m.group("acronym"): i.name for i in found if (m := _DEFINED.search(text, i.start, i.end))}


def defined_acronyms(texts: Iterable[str]) -> dict[str, str]:
    """Short forms the texts define for schools: "Southern New Hampshire University (SNHU)"; a later one wins."""
    defined: dict[str, str] = {}
    for text in texts:
        if _DEFINITION.search(text):
            defined |= _defined(text, find_institutions(text))
    return defined
