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
    where a word starts (a sign like "$" anywhere); a ``whole`` word also ends where a word ends. The words
    of ``either`` other needs join them: a text holding none of those holds no match of any of their patterns.
    A text is read once for the words of every ``Needs`` (``held``), and each ``Needs`` asks that one reading.
    """

    def __init__(self, opening: Iterable[str] = (), whole: Iterable[str] = (), anywhere: Iterable[str] = (),
                 either: Iterable[Needs] = ()) -> None:
        opening, whole, anywhere, either = list(opening), list(whole), list(anywhere), list(either)
        words = opening + whole + anywhere
        if not (words or either) or any(not word or "\n" in word for word in words):
            raise ValueError(f"needed words must be words on one line: {sorted(words)}")
        self.keys = frozenset([*(_need(word, opens=True, closes=False) for word in opening),
                               *(_need(word, opens=True, closes=True) for word in whole),
                               *(_need(word, opens=False, closes=False) for word in anywhere),
                               *(key for needs in either for key in needs.keys)])

    def held_by(self, text: str) -> bool:
        """Whether the text, case-folded, holds one of the words where it may stand."""
        return not self.keys.isdisjoint(held(text))


_NEEDED: dict[str, dict[str, tuple[bool, bool]]] = {}  # each needed word: its keys, and whether they open, close
_FINDERS: list[ahocorasick.Automaton] = []  # the one automaton of them all, made again once words are added


def _need(word: str, opens: bool, closes: bool) -> str:
    """The key ``held`` gives where the text holds the word, opening a word of the text if ``opens`` and closing
    one if ``closes``: the word, marked "<" before and ">" after for the edges it must stand at (none where it
    opens or ends with a sign: "$", "no ")."""
    word = folded(word)
    opens, closes = opens and _in_word(word[0]), closes and _in_word(word[-1])
    key = f"{'<' * opens}{word}{'>' * closes}"
    if key not in _NEEDED.setdefault(word, {}):
        _NEEDED[word][key] = (opens, closes)
        _FINDERS.clear()
        held.cache_clear()
    return key


def _finder() -> ahocorasick.Automaton:
    if not _FINDERS:
        finder = ahocorasick.Automaton()
        for word, keys in _NEEDED.items():
            finder.add_word(word, (len(word), tuple((key, *edges) for key, edges in keys.items())))
        finder.make_automaton()
        _FINDERS[:] = [finder]
    return _FINDERS[0]


@per_text
def held(text: str) -> frozenset[str]:
    """The keys (``_need``) of the needed words the text holds where they may stand, read in one pass.

    No needed word runs over a line's end, so a text of several lines holds what its lines hold.
    """
    if "\n" in text:
        return frozenset().union(*map(held, text.split("\n")))
    low = folded(text)
    found = set()
    for end, (length, keys) in _finder().iter(low):
        start = end + 1 - length
        for key, opens, closes in keys:
            if not (opens and start and _in_word(low[start - 1]) or closes and _in_word(low[end + 1:end + 2])):
                found.add(key)
    return frozenset(found)


def folded(text: str) -> str:
    """The text case-folded, as patterns that ignore case compare it.

    "ı" and "İ" match "i" when case is ignored, so they are written as "i" ("İ" folds to "i" and a combining dot).
    """
    return text.casefold().replace("ı", "i").replace("i\u0307", "i")


def _in_word(character: str) -> bool:
    """Whether the character is a letter, digit or underscore (an empty one is none)."""
    return character.isalnum() or character == "_"


def _unmarked(entry: str) -> tuple[str, bool]:
    """The longest run of an entry with marks between them, case-folded, and whether it opens the entry: a run
    after a mark may stand inside a word ("in-person" finds "inperson")."""
    runs = _MARK.split(entry)
    longest = max(range(len(runs)), key=lambda index: len(runs[index]))
    return runs[longest].casefold(), longest == 0


class Cue:
    """A cue list and the structures kept beside it, found in any case, except right after a word of ``not_after``.

    A text is searched only if it holds an entry without marks as a whole word, the longest run of
    an entry with marks between them (``_unmarked``) or a word a structure needs (``Needs``): most
    texts hold no cue at all.
    """

    def __init__(self, entries: Iterable[str] = (), structures: Iterable[Structure] = (),
                 not_after: Iterable[str] = ()) -> None:
        self.entries, self.structures = tuple(entries), tuple(structures)
        marked = [entry for entry in self.entries if _MARK.search(entry)]
        runs = [_unmarked(entry) for entry in marked]
        self.needs = Needs([*(run for run, opens in runs if opens),
                            *(word for structure in self.structures for word in structure.needs)],
                           [entry.casefold() for entry in self.entries if entry not in marked],
                           [run for run, opens in runs if not opens])
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
