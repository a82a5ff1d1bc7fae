"""Names of schools in text: "Santa Barbara City College", "University of Phoenix", "SNHU"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from pipeline.credentials import find_credentials
from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.organizations import find_organizations
from pipeline.patterns import one_of

_DATA = load("institutions")
_KEYWORDS = set(_DATA["keywords"])
_GENERIC = set(_DATA["generic"]) | _KEYWORDS
_LEADING = set(_DATA["leading"])
_BREAKS = set(_DATA["breaks"])
_CONNECTORS = {"of", "for", "the", "de", "&"}
_AROUND = _LEADING | _CONNECTORS  # words dropped from either end of a name

# A word is taken whole (possessively): whitespace, which follows every word of a name, never follows part of one.
_WORD = r"(?:[A-Z][\w'’.&-]*+|&)"
_KEYWORD = one_of(_DATA["keywords"])
# Capitalised words ("of", "for", "the" between them) up to a keyword, and an "of ..." tail after it.
NAME = re.compile(
    rf"(?:{_WORD}\s+(?:(?:of|for|the|de)\s+)*)*(?:{_KEYWORD})\b(?:\s+(?:of|for)(?:\s+the)?(?:\s+{_WORD})+)?"
)

_KNOWN = re.compile(rf"\b(?:{one_of(_DATA['known'])})\b")
_DEFINED = re.compile(r"\s*\((?P<acronym>[A-Z]{2,6})\)")
_DEFINITION = re.compile(r"\([A-Z]{2,6}\)")
_SHORT_FORM = re.compile(r"\b[A-Z]{2,6}\b")
# A short form used as a school's name: "at GSU", "GSU's coding certificate", "GSU offers".
_ACRONYM_SCHOOL = re.compile(
    r"(?:(?:\b(?:at|from|through|with)\s+)(?P<inside>[A-Z]{2,6})\b|\b(?P<subject>[A-Z]{2,6})"
    r"(?=['’]s\s+(?:[\w-]+\s+){0,4}(?:program|certificate|degree|diploma|course)|\s+(?:offers|provides)\b))"
)
_NOT_SCHOOLS = set(_DATA["not_schools"])
# A heading or list entry that is nothing but an acronym with a U in it ("SNHU", "WGU").
_BARE_UNIVERSITY = re.compile(r"\s*(?P<acronym>[A-Z]*U[A-Z]*)\s*")


class Institution(NamedTuple):
    """A school named in text, with its character span (a named tuple: one is made for every name read)."""

    name: str
    start: int
    end: int


def _trimmed(match: re.Match[str]) -> Institution | None:
    """The match without words that open a heading or follow the name, if a specific name remains."""
    text = match.group()
    words = text.split()  # the name's words: it opens and ends with one, and whitespace parts them
    keyword = next(i for i, word in enumerate(words) if word in _KEYWORDS)
    first = max((i + 1 for i, word in enumerate(words[:keyword]) if word in _BREAKS), default=0)
    last = len(words)
    while first < last and words[first] in _AROUND:
        first += 1
    while first < last and words[last - 1] in _AROUND:
        last -= 1
    names = words[first:last]
    if not _KEYWORDS & set(names) or all(n in _GENERIC or n in _CONNECTORS for n in names):
        return None
    # where the kept words start and end: the text less the words split off before and after them
    start = match.start() + len(text) - len(text.split(None, first)[-1])
    end = match.start() + len(text.rsplit(None, len(words) - last)[0])
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
    taken = _known_elsewhere(text)
    found = _full_names(text, taken)
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
