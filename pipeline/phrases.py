"""Finding the phrases of a vocabulary in text: all of them in one pass, as whole words, the longest first.

Spaces and dashes between words are one separator ("ICD-10-CM" reads as "ICD 10 CM"), a number needs none
from the word beside it ("ICD10CM"), and each phrase says how its letters must be written (``Case``). A
phrase matches whole: no letter, digit, underscore or hyphen touches it, though it may open a hyphenated
word ("CPC-certified"). A registered or trade mark may follow it ("CPC®"), and a plural "s" where allowed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Hashable, Iterable
from enum import Enum
from typing import NamedTuple

import ahocorasick

from pipeline.memo import per_text

_DASHES = "-‐‑–—"
_HYPHENS = "-‐‑"  # join words; en and em dashes part them
_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
# One separator for spaces and dashes; one apostrophe; letters that ignoring case reads as "i" and "s" (and
# that lowering would lengthen or keep), so that a text folds to as many characters as it has.
_SHAPE = str.maketrans({**dict.fromkeys(_SPACES + _DASHES, " "), "’": "'", "İ": "i", "ſ": "s"})
_UNIFY_DASHES = str.maketrans(dict.fromkeys(_DASHES, "-"))
_RUN = re.compile(" {2,}")
_NUMBER_EDGE = re.compile(r"(?<=[^\W\d_]) ?(?=\d)|(?<=\d) ?(?=[^\W\d_])")  # "ICD 10", "ICD10", "10 CM"
_WORD_CHARACTER = re.compile(r"\w")
_WORD_OPENING = re.compile(r"[^\W\d_][a-z]")
_MARK = re.compile(r"[®™]|\(R\)")


class Case(Enum):
    """How a phrase's letters must be written in the text."""

    ANY = "any"  # in any case: "medical coder", "Medical Coder", "MEDICAL CODER"
    TITLE = "title"  # a word written with a capital opens with one: "Certified Coding Associate", "CERTIFIED ..."
    WRITTEN = "written"  # every letter as written: "ICD 10 CM" for "ICD-10-CM", not "icd-10-cm"
    EXACT = "exact"  # character for character, any dash for a dash: "CPC–A" for "CPC-A", not "CPC A"


class Hit(NamedTuple):
    """A phrase found in text: the value it stands for and its character span (a named tuple: made often)."""

    value: Hashable
    start: int
    end: int


class _Phrase(NamedTuple):
    value: Hashable
    case: Case
    written: str  # for WRITTEN, the spelling of the key it is filed under; for EXACT, the phrase with any dash as "-"
    capitals: tuple[int, ...]  # for TITLE, where a word written with a capital opens


class _Shaped(NamedTuple):
    """A text with each space or dash one space (``spaced``, as long as the text), each run of them one
    (``shaped``), and that in lower case (``folded``, as long as ``shaped``)."""

    spaced: str
    shaped: str
    folded: str

    def position(self, index: int) -> int:
        """Where the shaped text's character at ``index`` stands in the text."""
        if len(self.shaped) == len(self.spaced):
            return index
        breaks, shifts = _runs(self.spaced)
        return index + shifts[bisect_right(breaks, index) - 1]


def _shape(text: str) -> _Shaped:
    spaced = text.translate(_SHAPE)
    shaped = _RUN.sub(" ", spaced) if "  " in spaced else spaced  # most texts hold no run of spaces
    return _Shaped(spaced, shaped, shaped.lower())


_shaped = per_text(_shape)  # every vocabulary reads the same texts


@per_text
def _runs(spaced: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the shaped text leaves out spaces: from its ``breaks[i]`` on, the text's positions are ``shifts[i]`` on."""
    breaks, shifts, dropped = [0], [0], 0
    for run in _RUN.finditer(spaced):
        dropped += len(run.group()) - 1
        breaks.append(run.end() - dropped)
        shifts.append(dropped)
    return tuple(breaks), tuple(shifts)


def _spellings(phrase: str) -> set[str]:
    """The phrase shaped, with and without a space between each number and the word beside it."""
    parts = _NUMBER_EDGE.split(_shape(phrase.strip()).shaped)
    spellings = {parts[0]}
    for part in parts[1:]:
        spellings = {spelling + gap + part for spelling in spellings for gap in ("", " ")}
    return spellings


class Phrases:
    """A vocabulary's phrases, each standing for a value and written in its own ``Case``, to find in texts.

    With ``plural``, a phrase may take an "s" ("CPCs", "medical coders"), or an "S" after a capital where it
    is not ``EXACT`` ("MEDICAL CODERS").
    """

    def __init__(self, phrases: Iterable[tuple[str, Hashable, Case]], plural: bool = False) -> None:
        keyed: dict[str, list[_Phrase]] = {}
        for text, value, case in phrases:
            for shaped in _spellings(text):
                written = text.translate(_UNIFY_DASHES) if case is Case.EXACT else shaped
                capitals = tuple(index for index, char in enumerate(shaped)
                                 if char.isupper() and (index == 0 or shaped[index - 1] == " "))
                keyed.setdefault(shaped.lower(), []).append(_Phrase(value, case, written, capitals))
        self._keyed = {key: tuple(dict.fromkeys(entries)) for key, entries in keyed.items()}  # "ICD 10" is "ICD-10"
        self._plural = plural
        _VOCABULARIES.append(self)
        _READERS.clear()
        _candidates.cache_clear()

    def every(self, text: str) -> list[Hit]:
        """Every phrase the text holds, overlapping ones too, in order of their ends."""
        candidates = _candidates(text).get(self)
        if not candidates:  # most texts hold none of a vocabulary's phrases
            return []
        shaped = _shaped(text)
        hits = []
        for first, last, phrases in candidates:
            start = shaped.position(first)
            if start and (text[start - 1] in _HYPHENS or _WORD_CHARACTER.match(text, start - 1)):
                continue
            written = shaped.shaped[first:last + 1]
            end = shaped.position(last) + 1
            for phrase in phrases:
                if _written_as(phrase, written, text[start:end]) and (stop := self._end(text, end, phrase.case)):
                    hits.append(Hit(phrase.value, start, stop))
        return hits

    def find(self, text: str) -> tuple[Hit, ...]:
        """The phrases the text holds in order, the longest where matches overlap."""
        return longest(self.every(text))

    def whole(self, text: str) -> Hashable | None:
        """The value of the phrase that is the whole text, if it is one."""
        return next((hit.value for hit in self.every(text) if hit.start == 0 and hit.end == len(text)), None)

    def _end(self, text: str, end: int, case: Case) -> int | None:
        """Where the phrase ending at ``end`` ends with its marks and plural, if no word character touches it."""
        for stop in self._endings(text, end, case):
            if stop == len(text) or not _touches(text, stop):
                return stop
        return None

    def _endings(self, text: str, end: int, case: Case) -> list[int]:
        """The ends the phrase may have, the longest first: after a mark, a plural "s" and another mark."""
        ends = [end]
        if mark := _MARK.match(text, end):
            ends.append(end := mark.end())
        if self._plural and end < len(text) and (text[end] == "s" or text[end] == "S" and case is not Case.EXACT
                                                  and text[end - 1].isupper()):
            ends.append(end := end + 1)
            if mark := _MARK.match(text, end):
                ends.append(mark.end())
        return ends[::-1]


_VOCABULARIES: list[Phrases] = []  # every vocabulary made, read together
_READERS: list[ahocorasick.Automaton] = []  # the one automaton of all their phrases, made again once one is added


def _reader() -> ahocorasick.Automaton:
    if not _READERS:
        owners: dict[str, list[tuple[Phrases, tuple[_Phrase, ...]]]] = {}
        for vocabulary in _VOCABULARIES:
            for key, phrases in vocabulary._keyed.items():
                owners.setdefault(key, []).append((vocabulary, phrases))
        reader = ahocorasick.Automaton()
        for key, phrases_of in owners.items():
            reader.add_word(key, (len(key), tuple(phrases_of)))
        reader.make_automaton()
        _READERS[:] = [reader]
    return _READERS[0]


@per_text
def _candidates(text: str) -> dict[Phrases, list[tuple[int, int, tuple[_Phrase, ...]]]]:
    """Where the phrases of each vocabulary may stand in the text, read for all of them in one pass: the index of
    the first and last character in the shaped text, and the phrases that read so in lower case."""
    found: dict[Phrases, list[tuple[int, int, tuple[_Phrase, ...]]]] = {}
    for last, (length, phrases_of) in _reader().iter(_shaped(text).folded):
        for vocabulary, phrases in phrases_of:
            found.setdefault(vocabulary, []).append((last + 1 - length, last, phrases))
    return found


def longest(hits: Iterable[Hit]) -> tuple[Hit, ...]:
    """Of the hits ``Phrases.every`` gives, those ``Phrases.find`` keeps: in order, the longest where they overlap."""
    found, reached = [], 0
    for hit in sorted(hits, key=lambda hit: (hit.start, -hit.end)):
        if hit.start >= reached:
            found.append(hit)
            reached = hit.end
    return tuple(found)


def _written_as(phrase: _Phrase, shaped: str, exact: str) -> bool:
    """Whether text that reads as the phrase in lower case (``shaped``, and ``exact`` as it stands) is written
    as the phrase's ``Case`` asks."""
    if phrase.case is Case.ANY:
        return True
    if phrase.case is Case.TITLE:
        return all(shaped[index].isupper() for index in phrase.capitals)
    if phrase.case is Case.WRITTEN:
        return shaped == phrase.written
    return exact.translate(_UNIFY_DASHES) == phrase.written


def _touches(text: str, end: int) -> bool:
    """Whether a word character follows, or a dash and one that opens no written word ("-A", "-10", not "-based")."""
    if text[end] in _DASHES:
        return bool(_WORD_CHARACTER.match(text, end + 1)) and not _WORD_OPENING.match(text, end + 1)
    return bool(_WORD_CHARACTER.match(text, end))
