"""The occupation a sentence or page is about ("medical records specialists"), and the SOC code it stands for."""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.cues import Cue, Needs
from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.soc import Named, code_for, find_names, written_code

_DATA = load("occupations")
HEADS: set[str] = set(_DATA["heads"])
STOPS: set[str] = set(_DATA["stops"])
STANDALONE: set[str] = set(_DATA["standalone"])
MODIFIERS: set[str] = set(_DATA["modifiers"])
_HEADS_NEEDED = Needs(anywhere=HEADS)  # one of which every occupation named outside the registry holds
OTHERS = Cue(_DATA["others"])  # "Similar Occupations": a section about other jobs than the page's
_INNER_STOPS = STOPS - {"and"}  # "and" may join modifiers: "billing and coding specialists"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\S")
_LONGEST = 8
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*|/\s*)", re.IGNORECASE)  # "coders and billers"
_MODIFIER_BEFORE = re.compile(r"([A-Za-z][A-Za-z-]*)\s+$")
_REFERENCE = re.compile(r"\b(?:these|those|such)\s+([A-Za-z]+)\b", re.IGNORECASE)  # "those technologists"


class Occupation(NamedTuple):
    """An occupation a text names: its words as the text writes them (None if it only writes a SOC code), the
    codes each registry name in them stands for (none for a role), a registry code the text writes out, and the
    SOC code the page it is on gives for its subject."""

    phrase: str | None
    names: tuple[frozenset[str], ...] = ()
    written: str | None = None
    declared: str | None = None  # the SOC code the page gives for itself, if any

    def code(self, year: int | None) -> str | None:
        """The SOC code for a figure of ``year``: the one written out, else the one every name in it stands for.

        A name under codes of both editions stands for the one the page declares, if it is one of them, else for
        the one of the figure's year (``code_for``).
        """
        if self.written:
            return self.written
        codes = {self.declared if self.declared in codes else code_for(codes, year) for codes in self.names}
        return codes.pop() if len(codes) == 1 else None


@per_text
def name_occupation(text: str) -> Occupation | None:
    """The first occupation the text names, as a registry name where one is there, or a SOC code it writes out.

    A registry name (with the modifiers before it: "certified professional coders") wins over the words around
    it; names joined by "and", "or" or commas are one phrase ("billers and coders"), for one code or none. Where
    the text names an occupation outside the registry first, that phrase is taken (``find_occupation``).
    """
    names, written = find_names(text), written_code(text)
    start = _modified(text, names[0].start) if names else len(text)
    other = occupation_span(text[:start])  # one named before the first registry name and its modifiers
    if names and other is None:
        run = _joined(text, names)
        return Occupation(text[start:run[-1].end], tuple(name.codes for name in run), written)
    if other or written:
        return Occupation(text[other[0]:other[1]] if other else None, (), written)
    return None


def _joined(text: str, names: tuple[Named, ...]) -> list[Named]:
    """The first name and those joined to it by "and", "or", commas, "&" or "/"."""
    run = [names[0]]
    for name in names[1:]:
        if not _JOINED.fullmatch(text, run[-1].end, name.start):
            break
        run.append(name)
    return run


def _modified(text: str, start: int) -> int:
    """Where a name starts with the words before it that only qualify it ("Remote certified coders")."""
    while (word := _MODIFIER_BEFORE.search(text, 0, start)) and word.group(1).lower() in MODIFIERS:
        start = word.start(1)
    return start


@per_text
def referred_head(text: str) -> str | None:
    """The head word of an occupation the text refers back to ("those technologists", "these coders"), if any."""
    match = _REFERENCE.search(text)
    return match.group(1).lower().removesuffix("s") if match and match.group(1).lower() in HEADS else None


def referred(occupation: Occupation, head: str) -> Occupation | None:
    """What of an occupation a reference back by its head word names, if it names it: "these technologists"
    after "coders and health information technologists" names the technologists."""
    phrase = occupation.phrase or ""
    named = [name for name in find_names(phrase) if head in _singular_words(phrase[name.start:name.end])]
    if named:
        return Occupation(phrase[named[-1].start:named[-1].end], (named[-1].codes,), occupation.written)
    return occupation if head in _singular_words(phrase) else None


def _singular_words(text: str) -> set[str]:
    return {word.lower().removesuffix("s") for word in _WORD.findall(text)}


@per_text
def find_occupation(text: str) -> str | None:
    """The first occupation named in the text: its head word with the modifiers before it (``occupation_span``)."""
    span = occupation_span(text)
    return text[span[0]:span[1]] if span else None


@per_text
def occupation_span(text: str) -> tuple[int, int] | None:
    """Where the first occupation named in the text stands: its head word with the modifiers before it.

    A head word right before another names a kind of it and is no occupation's head: "professional coders"
    ("professional" names a kind of coder). A name does not run across a line break.
    """
    if not _HEADS_NEEDED.held_by(text):
        return None
    words = list(_WORD.finditer(text))
    heads = [word.group().lower() in HEADS for word in words]
    for index, head in enumerate(heads):
        if head and not (index + 1 < len(words) and heads[index + 1]):
            start = _name(text, words[:index + 1])
            if start is not None:
                return start, words[index].end()
    return None


def _name(text: str, words: list[re.Match[str]]) -> int | None:
    """Where the name ending in the last of ``words`` starts, if those words make one."""
    taken = [words[-1]]
    for word in reversed(words[:-1]):
        if (not word.group()[0].isalpha() or word.group().lower() in _INNER_STOPS or len(taken) == _LONGEST
                or "\n" in text[word.end():taken[0].start()]):
            break
        taken.insert(0, word)
    while taken and taken[0].group().lower() == "and":
        taken.pop(0)
    return taken[0].start() if len(taken) > 1 or taken[0].group().lower() in STANDALONE else None


@per_text
def about_others(*texts: str) -> bool:
    """Whether a heading or lead-in among the texts opens a section about other occupations ("Similar Jobs")."""
    return any(OTHERS.search(text) for text in texts if text)
