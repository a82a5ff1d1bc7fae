"""Cue words: the word lists of pipeline/data, found as whole words in any case.

An entry of a list is a word or a phrase. It is found only whole: no letter or digit runs on
before or after it (a hyphen does not join words: "well-paid" holds "paid"). Three marks widen it,
and a capital letter narrows it:

- ``*`` at its end stands for any ending: "earn*" finds earn, earns, earned, earnings;
- a hyphen stands for a hyphen, a space or nothing: "non-member" finds non-member, non member, nonmember;
- an apostrophe stands for either apostrophe: "doesn't" finds doesn't and doesn’t;
- an entry with a capital letter is found only as written: "CEU" finds CEU, not "ceu".

What a list cannot say (a table cell that is just "90th", a run of any words) is a regular
expression kept beside it in a ``*_patterns`` table of the same data file, with the words it
``needs``: one of them opens a word in every text it matches.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

import ahocorasick

from pipeline.memo import per_text

_MARKS = {"-": "[- ]?", "'": "['’]", "’": "['’]"}
_MARK = re.compile(r"[-'’*]")
_WORD_CHARACTER = re.compile(r"\w")


class Structure(NamedTuple):
    """A regular expression kept beside a cue list, and the words one of which opens a word wherever it matches."""

    pattern: str
    needs: tuple[str, ...]


def cue_text(entries: Iterable[str]) -> str:
    """Pattern text that finds any of the entries, the longest first (to compile ignoring case)."""
    whole, stems, others = [], [], []
    for entry in sorted(set(entries), key=lambda entry: (-len(entry), entry)):
        word = entry.removesuffix("*")
        text = "".join(_MARKS.get(character, re.escape(character)) for character in word)
        text = f"(?-i:{text})" if word != word.lower() else text
        opens, closes = (bool(_WORD_CHARACTER.match(character)) for character in (word[0], word[-1]))
        if opens and entry.endswith("*"):
            stems.append(text)
        elif opens and closes:
            whole.append(text)
        else:
            others.append((r"\b" if opens else "") + text + (r"\b" if closes else ""))
    return "|".join([
        *([rf"\b(?:{'|'.join(whole)})\b"] if whole else []),
        *([rf"\b(?:{'|'.join(stems)})\w*"] if stems else []),
        *others,
    ])


class Needs:
    """Words one of which a text holds wherever a pattern finds something in it: a text without one is passed over.

    A word needed ``anywhere`` may stand inside a word ("cent" in "percent"); one ``opening`` a word stands
    where a word starts (a sign like "$" anywhere); a ``whole`` word also ends where a word ends. A text is
    read once for the words of every ``Needs`` (``held``), and each ``Needs`` asks that one reading.
    """

    def __init__(self, opening: Iterable[str] = (), whole: Iterable[str] = (), anywhere: Iterable[str] = ()) -> None:
        opening, whole, anywhere = list(opening), list(whole), list(anywhere)
        if not opening + whole + anywhere or "" in opening + whole + anywhere:
            raise ValueError(f"needed words must be words: {sorted(opening + whole + anywhere)}")
        self.keys = frozenset([*(_key(word, opens=True, closes=False) for word in opening),
                               *(_key(word, opens=True, closes=True) for word in whole),
                               *(_key(word, opens=False, closes=False) for word in anywhere)])
        _look_for(self.keys)

    def held_by(self, text: str) -> bool:
        """Whether the text, case-folded, holds one of the words where it may stand."""
        return not self.keys.isdisjoint(held(text))


# A text is read with a mark at each edge of its words, where a letter, digit or underscore meets another
# character or an end: a word that must open or close a word is looked for with the mark before or after it.
_EDGE = "\x02"  # a control character, which no cleaned text holds
_EDGES = re.compile(r"\b")
_NEEDED: set[str] = set()  # the keys (``_key``) of every Needs
_FINDERS: list[ahocorasick.Automaton] = []  # the one automaton of them all, made again once keys are added


def _marked(text: str) -> str:
    """The text case-folded (``folded``), with an edge mark where each of its words starts and ends."""
    return _EDGES.sub(_EDGE, folded(text))


def _key(word: str, opens: bool, closes: bool) -> str:
    """What a marked text holds where the word stands: opening a word of the text if ``opens``, and closing
    one if ``closes`` (a word that opens or ends with a sign, "$" or "no ", has no mark there)."""
    key = _marked(word)
    key = key if opens else key.lstrip(_EDGE)
    return key if closes else key.rstrip(_EDGE)


def _look_for(keys: Iterable[str]) -> None:
    """Add keys to those every text is read for."""
    new = set(keys) - _NEEDED
    if new:
        _NEEDED.update(new)
        _FINDERS.clear()
        held.cache_clear()


def _finder() -> ahocorasick.Automaton:
    if not _FINDERS:
        finder = ahocorasick.Automaton()
        for key in _NEEDED:
            finder.add_word(key, key)
        finder.make_automaton()
        _FINDERS[:] = [finder]
    return _FINDERS[0]


@per_text
def held(text: str) -> frozenset[str]:
    """The keys of needed words (``_key``) that the text holds."""
    return frozenset(key for _, key in _finder().iter(_marked(text)))


def folded(text: str) -> str:
    """The text case-folded, as patterns that ignore case compare it.

    "ı" and "İ" match "i" when case is ignored, so they are written as "i" ("İ" folds to "i" and a combining dot).
    """
    return text.casefold().replace("ı", "i").replace("i\u0307", "i")


class Cue:
    """A cue list and the structures kept beside it, found in any case, except right after a word of ``not_after``.

    A text is searched only if it holds an entry without marks as a whole word, what an entry with
    marks opens with (up to its first mark) or a word a structure needs (``Needs``): most texts hold
    no cue at all.
    """

    def __init__(self, entries: Iterable[str] = (), structures: Iterable[Structure] = (),
                 not_after: Iterable[str] = ()) -> None:
        self.entries, self.structures = tuple(entries), tuple(structures)
        marked = [entry for entry in self.entries if _MARK.search(entry)]
        self.needs = Needs([*(_MARK.split(entry, maxsplit=1)[0].casefold() for entry in marked),
                            *(word for structure in self.structures for word in structure.needs)],
                           [entry.casefold() for entry in self.entries if entry not in marked])
        texts = [cue_text(self.entries)] if self.entries else []
        texts += [structure.pattern for structure in self.structures]
        cancelled = "".join(f"(?<!{re.escape(words)} )" for words in not_after)
        self.pattern = re.compile(f"{cancelled}(?:{'|'.join(texts)})" if cancelled else "|".join(texts), re.IGNORECASE)

    def __repr__(self) -> str:
        return f"Cue({self.pattern.pattern!r})"

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.needs.held_by(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, endpos) if self.needs.held_by(text) else iter(())

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text) if self.needs.held_by(text) else text


def cue_table(lists: Mapping[str, list[str]], patterns: Mapping[str, list[dict]] | None = None,
              not_after: Mapping[str, list[str]] | None = None,
              built: Mapping[str, list[Structure]] | None = None) -> dict[str, Cue]:
    """A cue for each name of a data file's table of lists and of its ``*_patterns`` table: the list, the
    patterns kept under its name, the words its ``*_not_after`` table keeps, and structures ``built`` in code."""
    patterns, not_after, built = patterns or {}, not_after or {}, built or {}
    cues = {}
    for name in [*lists, *(name for name in patterns if name not in lists)]:
        structures = [*built.get(name, ()),
                      *(Structure(item["pattern"], tuple(item["needs"])) for item in patterns.get(name, ()))]
        cues[name] = Cue(lists.get(name, ()), structures, not_after.get(name, ()))
    return cues
