"""Quick tests that rule a text out before a costly pattern reads it.

A pattern that opens with a look-behind or a word boundary makes the regular
expression engine try every position of the text; a plain alternation of words
lets it skip ahead, and ``in`` is quicker still. A gate holds words one of which
every match of the costly pattern contains, so a text holding none of them
cannot match it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from re import _constants, _parser

from pipeline import alternation
from pipeline.memo import per_text


def lower(text: str) -> str:
    """The text in lower case, for finding the words a pattern that ignores case needs.

    Three letters match "i" or "s" when case is ignored yet do not become them in lower
    case ("İ" becomes two characters); they are written as "i" and "s" here.
    """
    return text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s")


@per_text
def lowered(text: str) -> str:
    """The text in lower case, remembered: many gates read each text."""
    return lower(text)


class Gate:
    """Rules out texts that hold none of ``words`` (compared in lower case, or as written if ``cased``)."""

    def __init__(self, words: Iterable[str], cased: bool = False) -> None:
        words = {word if cased else word.lower() for word in words}
        # A text holding "passing" holds "pass": the longer word need not be looked for.
        self._words = tuple(sorted(word for word in words if not any(other in word for other in words - {word})))
        # One pattern finds a single word, or capitalised ones, faster than ``in`` does.
        quick = cased or len(self._words) == 1
        self._pattern = alternation.compile(alternation.one_of(self._words)) if quick else None
        self._cased = cased

    def opens(self, text: str) -> bool:
        """False only when no match of the gated pattern can be in the text."""
        folded = text if self._cased else lowered(text)
        if self._pattern:
            return bool(self._pattern.search(folded))
        for word in self._words:  # noqa: SIM110 - a loop is twice as fast as any(), and this runs a thousand times a page
            if word in folded:
                return True
        return False


def needed_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every match of the pattern holds; None if it needs none.

    Read off the pattern's parse: a run of literal characters is needed, so is one
    string from each alternative of a choice, or from a group repeated at least once.
    Of all such sets the one whose shortest string is longest is kept. Strings the
    pattern matches regardless of case are given in lower case, the others as written.
    """
    parsed = _parser.parse(pattern, flags)
    return _needed(parsed, bool(parsed.state.flags & re.IGNORECASE))


def _needed(items: _parser.SubPattern, folded: bool) -> frozenset[str] | None:
    found: list[frozenset[str]] = []
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _constants.LITERAL:
            run += chr(av)
            continue
        if run:
            found.append(frozenset([lower(run) if folded else run]))
            run = ""
        if op is _constants.BRANCH:
            choices = [_needed(choice, folded) for choice in av[1]]
            if all(choices):
                found.append(frozenset().union(*choices))
            continue
        inner = _needed(av[-1], _folds(folded, *av[1:3])) if op is _constants.SUBPATTERN else (
            _needed(av[2], folded) if op in alternation.REPEATS and av[0] >= 1 else None)
        if inner:
            found.append(inner)
    return max(found, key=lambda words: min(map(len, words)), default=None)


def _folds(folded: bool, add_flags: int, del_flags: int) -> bool:
    """Whether a group ("(?i:...)", "(?-i:...)") matches regardless of case."""
    return bool(add_flags & re.IGNORECASE) or (folded and not del_flags & re.IGNORECASE)


class Needs:
    """A quick check that a text holds one of ``words``, one of which every match of a pattern holds.

    Words with a capital letter must appear as written, the others in any case. Short texts are
    checked too: the check costs less than a pattern that ignores case, tried at every position.
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = frozenset(words)
        cased = {word for word in words if word != word.lower()}  # only ever matched as written
        self._gates = [Gate(words - cased)] if words - cased else []
        if cased:
            self._gates.append(Gate(cased, cased=True))
        if len(self._gates) == 1:  # most patterns need words of one kind: their gate answers, one call fewer
            self.opens = self._gates[0].opens

    def opens(self, text: str) -> bool:
        if not self._gates:
            return True
        for gate in self._gates:  # noqa: SIM110 - as in Gate.opens
            if gate.opens(text):
                return True
        return False


class Gated(Needs):
    """``re.compile`` for patterns that most texts do not match.

    The compiled pattern first makes sure, cheaply, that the text holds a string every match needs.
    Positions are passed on as such: a call that unpacks ``*span`` costs more than the check saves on short texts.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.needs = needed_words(pattern, flags) or frozenset()  # read off the pattern as written
        self.pattern = alternation.compile(pattern, flags)
        super().__init__(self.needs)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.opens(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos) if self.opens(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, endpos) if self.opens(text) else iter(())

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text) if self.opens(text) else text


class AnyOf(Needs):
    """Gated patterns read together: one check of what any of them needs rules a text out for all of them."""

    def __init__(self, patterns: Iterable[Gated]) -> None:
        self.patterns = tuple(patterns)
        needed = [pattern.needs for pattern in self.patterns]
        super().__init__(set().union(*needed) if all(needed) else ())

    def matches(self, text: str) -> bool:
        """Whether one of the patterns matches somewhere in the text."""
        return self.opens(text) and any(pattern.search(text) for pattern in self.patterns)


class CaseBlind:
    """A pattern that ignores case, found through a twin that matches the lowered text as written.

    Ignoring case keeps the regular expression engine from skipping ahead: it tries each alternative
    at every position of the text. The twin, the same pattern heeding case, skips to the places in the
    lowered text where a match may start, and the pattern itself is matched there, so that ``finditer``
    gives exactly what ``pattern.finditer`` would. The twin leaves out a look-behind the pattern opens
    with ("(?<![\\w*])"), which would keep the engine from skipping ahead too; the pattern checks it.
    The pattern must name its letters in lower case and match no empty string.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = alternation.compile(pattern, flags | re.IGNORECASE)
        self._twin = alternation.compile(_LEADING_LOOK_BEHIND.sub("", pattern, count=1), flags & ~re.IGNORECASE)
        parsed = _parser.parse(pattern, flags)
        if not _in_lower_case(parsed) or not parsed.getwidth()[0]:
            raise ValueError(f"not a lower-case pattern of non-empty matches: {pattern!r}")

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low, position = lowered(text), 0  # as long as the text: "İ" is lowered to "i"
        while candidate := self._twin.search(low, position):
            match = self.pattern.match(text, candidate.start())
            if match:
                yield match
            position = match.end() if match else candidate.start() + 1

    def search(self, text: str) -> re.Match[str] | None:
        """The first match, as ``pattern.search`` gives it."""
        return next(self.finditer(text), None)


_LEADING_LOOK_BEHIND = re.compile(r"^\(\?<[=!](?:[^()\\]|\\.)*\)")  # one with no group inside


def _in_lower_case(items: _parser.SubPattern) -> bool:
    """Whether every letter the parsed pattern names, alone or in a class, is in lower case, and no group heeds case."""
    for op, av in items:
        letters = _letters(op, av)
        if letters != lower(letters):
            return False
        if op is _constants.SUBPATTERN and av[2] & re.IGNORECASE:
            return False
        parts = av[1] if op is _constants.BRANCH else [av[-1]] if op in _NESTING else []
        if not all(_in_lower_case(part) for part in parts):
            return False
    return True


def _letters(op: _constants._NamedIntConstant, av: object) -> str:
    """The characters a literal or a class of the parsed pattern names."""
    if op in (_constants.LITERAL, _constants.NOT_LITERAL):
        return chr(av)
    if op is not _constants.IN:
        return ""
    return "".join(chr(value) if kind is _constants.LITERAL else "".join(map(chr, range(value[0], value[1] + 1)))
                   for kind, value in av if kind in (_constants.LITERAL, _constants.RANGE))


_NESTING = (_constants.SUBPATTERN, _constants.ASSERT, _constants.ASSERT_NOT, *alternation.REPEATS)


def gated_words(words: Iterable[str]) -> Gated:
    """Any of the words or phrases, in any case, as a whole: no letter, digit, underscore or hyphen touches it."""
    return Gated(rf"(?<![\w-])(?:{alternation.one_of(words)})(?![\w-])", re.IGNORECASE)
