"""Names of schools in text: "Santa Barbara City College", "University of Phoenix", "SNHU"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from pipeline.credentials import find_credentials
from pipeline.cues import Needs
from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.organizations import find_organizations
from pipeline.patterns import one_of
from pipeline.places import STATES

_DATA = load("institutions")
_STATES: dict[str, str] = {code: name for name, code in STATES.items()}  # by postal code
_KEYWORDS = set(_DATA["keywords"])
_GENERIC = set(_DATA["generic"]) | _KEYWORDS
_LEADING = set(_DATA["leading"])
_BREAKS = set(_DATA["breaks"])
_CONNECTORS = {"of", "for", "the", "de", "&"}
_AROUND = _LEADING | _CONNECTORS  # words dropped from either end of a name

# A word is taken whole (possessively): whitespace, which follows every word of a name, never follows part of one.
_WORD = r"(?:[A-Z][\w'’.&-]*+|&)"
_KEYWORD = one_of(_DATA["keywords"])
# Capitalised words ("of", "for", "the" between them) up to a keyword, an "of ..." tail after it, and an
# "at ..." campus ("University of Illinois at Chicago").
NAME = re.compile(
    rf"(?:{_WORD}\s+(?:(?:of|for|the|de)\s+)*)*(?:{_KEYWORD})\b(?:\s+(?:of|for)(?:\s+the)?(?:\s+{_WORD})+)?"
    rf"(?:\s+at(?:\s+{_WORD})+)?"
)
# ", OH" or ", Ohio" after a name: a ranking line's "School City, ST", whose city may have run into the name.
_STATE = one_of([*_STATES, *_STATES.values()])
_LOCATION = re.compile(rf",\s*(?:{_STATE})\b")
# "#8 Indiana University-Purdue University Indianapolis Indianapolis, IN": a name's last words, then the city
# that repeats them.
_REPEATED_CITY = re.compile(rf"\s+(?P<words>(?:{_WORD}\s+){{0,2}}{_WORD})\s+(?P=words)(?={_LOCATION.pattern})")
_CITY_OPENERS = set(_DATA["city_openers"])
_STATE_WORDS = {tuple(name.split()) for name in _STATES.values()}
_TAIL_CONNECTORS = {"of", "for", "at", "the"}

_KNOWN = re.compile(rf"\b(?:{one_of(_DATA['known'])})\b")
# "Wallace State", "Louisiana Tech": a school only where it is used as one (see _used_as_school)
_SHORT_NAME_WORDS = tuple(_DATA["short_names"])
_SHORT_NAME = re.compile(rf"(?:{_WORD}\s+){{0,2}}{_WORD}\s+(?:{one_of(_DATA['short_names'])})\b(?![\w'’-]*\s+[A-Z])")
_DEFINED = re.compile(r"\s*\((?P<acronym>[A-Z]{2,6})\)")
_DEFINITION = re.compile(r"\([A-Z]{2,6}\)")
_SHORT_FORM = re.compile(r"\b[A-Z]{2,6}\b")
_BEFORE = re.compile(rf"(?<![\w-])(?:{one_of(_DATA['before_schools'])})\s+$", re.IGNORECASE)
_AFTER = re.compile(
    rf"['’]s\s+(?:[\w-]+\s+){{0,4}}(?:{one_of(_DATA['possessed'])})\b|\s+(?:{one_of(_DATA['after_schools'])})\b"
)
_BEFORE_REACH = max(map(len, _DATA["before_schools"])) + 2
_NOT_SCHOOLS = set(_DATA["not_schools"]) | set(_STATES)
# A heading or list entry that is nothing but an acronym with a U in it ("SNHU", "WGU").
_BARE_UNIVERSITY = re.compile(r"\s*(?P<acronym>[A-Z]*U[A-Z]*)\s*")
# Every name but a short form holds a keyword, a known name or a short name's word.
_NAME_WORDS = Needs(anywhere=[*_KEYWORDS, *_DATA["known"], *_SHORT_NAME_WORDS])
# A short form the page did not define is a school's only beside one of these words (``_used_as_school``) or alone.
_SCHOOL_USE = Needs(whole=[*_DATA["before_schools"], *_DATA["after_schools"], *_DATA["possessed"]])


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
    if _LOCATION.match(match.string, end):
        end -= _city_length(names[names.index(next(n for n in reversed(names) if n in _KEYWORDS)) + 1:])
    elif repeated := _REPEATED_CITY.match(match.string, end):
        end = repeated.end("words")
    definition = _DEFINED.match(match.string, end)
    return Institution(match.string[start:end], start, definition.end() if definition else end)


def _city_length(tail: list[str]) -> int:
    """How many characters of a name's "of ..." tail are the city a ranking line runs into it.

    The city repeats the words before it ("of Toledo Toledo"), or is the last word, or the last two
    when a city name opens with the first ("of Southern California Los Angeles"); the tail keeps a word
    of its own, and a state's name ends it rather than a city ("of Southern Nevada, NV").
    """
    places = [word for word in tail if word not in _TAIL_CONNECTORS]
    for size in (3, 2, 1):
        if len(places) >= 2 * size and tail[-size:] == tail[-2 * size:-size]:
            return len(" ".join(tail[-size:])) + 1
    size = 2 if len(tail) >= 2 and tail[-2] in _CITY_OPENERS else 1
    if len(places) <= size or any(tuple(tail[-n:]) in _STATE_WORDS for n in (1, 2, 3)):
        return 0
    return len(" ".join(tail[-size:])) + 1


def _known_elsewhere(text: str) -> list[tuple[int, int]]:
    """Spans of organisations and credentials, which are never schools."""
    return [(o.start, o.end) for o in find_organizations(text)] + [(c.start, c.end) for c in find_credentials(text)]


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _full_names(text: str, taken: list[tuple[int, int]]) -> list[Institution]:
    """Names built around a keyword, and known names without one."""
    if not _NAME_WORDS.held_by(text):
        return []
    found = [i for m in NAME.finditer(text) if (i := _trimmed(m)) and not _overlaps(i.start, i.end, taken)]
    spans = taken + [(i.start, i.end) for i in found]
    found += [Institution(m.group(), m.start(), m.end()) for m in _KNOWN.finditer(text)
              if not _overlaps(m.start(), m.end(), spans)]
    if any(word in text for word in _SHORT_NAME_WORDS):  # seldom: the pattern tries every capitalised word
        spans = taken + [(i.start, i.end) for i in found]
        found += [school for m in _SHORT_NAME.finditer(text)
                  if (school := _short_name(m)) and not _overlaps(school.start, school.end, spans)]
    return found


def _short_name(match: re.Match[str]) -> Institution | None:
    """"Wallace State" or "Louisiana Tech" where the text uses it as a school's name.

    "State" after a state's name may be the state ("New York State"), so only "Tech" may follow one.
    """
    words = match.group().split()
    first = max((i + 1 for i, word in enumerate(words[:-1]) if word in _BREAKS or word in _LEADING), default=0)
    names = words[first:-1]
    if not names or any(word in _GENERIC or word in _CONNECTORS for word in names):
        return None
    if (tuple(names[-2:]) in _STATE_WORDS or tuple(names[-1:]) in _STATE_WORDS
            or tuple(names) in _STATE_WORDS) != (words[-1] == "Tech"):
        return None
    start = match.end() - len(" ".join(words[first:]))
    return Institution(match.string[start:match.end()], start, match.end()) if _used_as_school(
        match.string, start, match.end()) else None


def _used_as_school(text: str, start: int, end: int) -> bool:
    """Whether the words around a short name use it as a school's: "at WGU", "apply to Wallace State", "WGU's
    certificate", "the WSCC campus", or the name alone."""
    return bool(_BEFORE.search(text, max(0, start - _BEFORE_REACH), start) or _AFTER.match(text, end)
                or not text[:start].strip() and not text[end:].strip())


def _short_forms(text: str, known: dict[str, str], taken: list[tuple[int, int]]) -> list[Institution]:
    """Acronyms the page defined for a school, and acronyms used the way schools are ("at WGU", "SNHU" alone)."""
    forms = list(_SHORT_FORM.finditer(text))
    found = [Institution(known[m.group()], m.start(), m.end()) for m in forms
             if m.group() in known and not _overlaps(m.start(), m.end(), taken)]
    spans = [m.span() for m in forms if _used_as_school(text, m.start(), m.end())
             and (text[:m.start()].strip() or text[m.end():].strip())]  # alone, it is a bare university or none
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
    if not _may_name(text, acronyms):
        return []
    taken = _known_elsewhere(text)
    found = _full_names(text, taken)
    known = acronyms | _defined(text, found)
    found += _short_forms(text, known, taken + [(i.start, i.end) for i in found])
    return sorted(found, key=lambda institution: institution.start)


def _may_name(text: str, acronyms: dict[str, str]) -> bool:
    """Whether the text holds what a school's name needs: a word of a full name, or a short form that is defined,
    used as a school's or alone."""
    return _NAME_WORDS.held_by(text) or bool(
        acronyms or _SCHOOL_USE.held_by(text) or _SHORT_FORM.fullmatch(text.strip())) and bool(_SHORT_FORM.search(text))


def _defined(text: str, found: list[Institution]) -> dict[str, str]:
    return {m.group("acronym"): i.name for i in found if (m := _DEFINED.search(text, i.start, i.end))}


def defined_acronyms(texts: Iterable[str]) -> dict[str, str]:
    """Short forms the texts define for schools: "Southern New Hampshire University (SNHU)"; a later one wins."""
    defined: dict[str, str] = {}
    for text in texts:
        if _DEFINITION.search(text):
            defined |= _defined(text, find_institutions(text))
    return defined
