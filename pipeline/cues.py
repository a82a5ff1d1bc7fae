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

from pipeline.patterns import folded

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
    """Words one of which a text holds wherever a cue finds something in it: a text without one is passed over.

    A word ``opening`` a word of the text stands where a word starts (or anywhere, for a sign like "$");
    a ``whole`` word also ends where a word ends.
    """

    def __init__(self, opening: Iterable[str] = (), whole: Iterable[str] = ()) -> None:
        self.opening = frozenset(opening)
        self.whole = frozenset(whole) - self.opening
        if not self.opening | self.whole or "" in self.opening | self.whole:
            raise ValueError(f"needed words must be words: {sorted(self.opening | self.whole)}")
        self._finder = ahocorasick.Automaton()
        for word in sorted(self.opening | self.whole):
            opens = bool(_WORD_CHARACTER.match(word))
            closes = word in self.whole and bool(_WORD_CHARACTER.match(word[-1]))
            self._finder.add_word(word, (word, opens, closes))
        self._finder.make_automaton()

    def held_by(self, text: str) -> bool:
        """Whether the text, case-folded (``patterns.folded``), holds one of the words where it may stand."""
        return next(self._found(folded(text)), None) is not None

    def found_in(self, text: str) -> frozenset[str]:
        """The words the text, case-folded, holds where they may stand."""
        return frozenset(self._found(folded(text)))

    def _found(self, low: str) -> Iterator[str]:
        for end, (word, opens, closes) in self._finder.iter(low):
            start = end + 1 - len(word)
            if not (opens and start and _in_word(low[start - 1]) or closes and _in_word(low[end + 1:end + 2])):
                yield word


def _in_word(character: str) -> bool:
    """Whether the character is a letter, digit or underscore (an empty one is none)."""
    return character.isalnum() or character == "_"


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


class Cues:
    """Cues asked about the same texts, in order: the words they need are looked for in one pass."""

    def __init__(self, cues: Mapping[str, Cue]) -> None:
        self.cues = dict(cues)
        needs = [cue.needs for cue in self.cues.values()]
        self._needs = Needs([word for need in needs for word in need.opening],
                            [word for need in needs for word in need.whole])
        self._needing: dict[str, set[str]] = {}  # word -> the names of the cues that need it
        for name, cue in self.cues.items():
            for word in cue.needs.opening | cue.needs.whole:
                self._needing.setdefault(word, set()).add(name)

    def candidates(self, text: str) -> list[tuple[str, Cue]]:
        """The cues, by name, that the text holds a needed word of: the only ones that can match it."""
        found = self._needs.found_in(text)
        if not found:
            return []
        names = set().union(*(self._needing[word] for word in found))
        return [(name, cue) for name, cue in self.cues.items() if name in names]


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
