"""Alternations of many words, compiled so that the regular expression engine tries few of them.

At each position of a text, Python's engine tries the alternatives of ``a|b|c`` one after
another. Alternatives that open alike can share their opening:
``\\bbureau|\\bboard|\\bnational`` compiles as ``\\b(?:b(?:ureau|oard)|national)``, and a
position that holds no word start, or no "b", is past two of them in one test. Sharing keeps
the order in which alternatives are tried wherever two of them could match at the same place,
so the compiled pattern matches exactly what the written one does. A pattern that ignores case
also opens with a look-ahead for the few letters its matches can open with. Patterns are written
plainly (``one_of`` for lists of words); ``compile`` does the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from re import _constants, _parser

_SPECIAL = frozenset("\\.^$*+?{}[]()|")
_QUANTIFIERS = frozenset("*+?{")
_OPENINGS = (r"\b",)  # zero-width tests that neighbouring alternatives may share: they match in one way only
# An escape, a character class (a "]" first is a member) or a character that builds alternations and groups.
_TOKEN = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\\\]])*\]|[|()]", re.DOTALL)
_MOST_OPENINGS = 12  # a look-ahead for more letters than this lets too many positions through to pay
_ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)  # parser codes
_GROUP = re.compile(r"\((?:\?:|\?P<\w+>|(?!\?))")  # a group whose alternatives take the pattern's flags


def one_of(words: Iterable[str]) -> str:
    """A pattern for any of the plain ``words``, the longest tried first."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda word: (-len(word), word)))


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - it is re.compile, for alternations
    """``re.compile``, with the alternatives of each alternation sharing their openings."""
    return re.compile(compact(pattern, flags), flags)


def compact(pattern: str, flags: int = 0) -> str:
    """The pattern with the alternatives of each alternation sharing their openings; unchanged if it sets flags.

    A pattern that ignores case also opens with a look-ahead for the letters its matches open with,
    "(?=[ert])": ignoring case keeps the engine from skipping ahead, so it tries the pattern at every
    position, and a position holding none of the letters then fails at one test instead of at each
    alternative in turn.
    """
    if flags & re.VERBOSE or re.search(r"\(\?[aiLmsux]+\)", pattern):
        return pattern
    compacted = _compacted(pattern, bool(flags & re.IGNORECASE))
    if flags & re.IGNORECASE and (letters := _opening_letters(compacted, flags)):
        return f"(?=[{letters}])(?:{compacted})"
    return compacted


def _opening_letters(pattern: str, flags: int) -> str | None:
    """The characters every match opens with, for a look-ahead, if they are few and some are letters."""
    openings = _openings(_parser.parse(pattern, flags))
    if not openings or len(openings) > _MOST_OPENINGS or all(char.lower() == char.upper() for char in openings):
        return None  # anything may open a match, or too much; or no letter, and the engine skips ahead already
    return "".join(re.escape(char) for char in sorted(openings))


def _openings(items: _parser.SubPattern) -> set[str] | None:
    """The characters a match of the parsed pattern opens with, as written; None if any may, or none."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _constants.LITERAL:
            return {chr(av)}
        if op is _constants.IN:
            return _class_openings(av)
        if op is _constants.SUBPATTERN:
            return _openings(av[-1])
        if op is _constants.BRANCH:
            choices = [_openings(choice) for choice in av[1]]
            return set().union(*choices) if all(choices) else None
        if op in REPEATS and av[0] >= 1:
            return _openings(av[2])
        return None
    return None  # the pattern may match nothing


def _class_openings(members: list) -> set[str] | None:
    """The characters a class of literals and short ranges holds; None for any other class."""
    chars: set[str] = set()
    for kind, value in members:
        if kind is _constants.LITERAL:
            chars.add(chr(value))
        elif kind is _constants.RANGE and value[1] - value[0] < _MOST_OPENINGS:
            chars.update(chr(code) for code in range(value[0], value[1] + 1))
        else:
            return None
    return chars


@cache  # patterns share pieces: every number in them is NUMBER_TEXT
def _compacted(pattern: str, ignore_case: bool) -> str:
    return factored([_inner_compacted(alternative, ignore_case) for alternative in _alternatives(pattern)],
                    ignore_case)


def _inner_compacted(alternative: str, ignore_case: bool) -> str:
    """The alternative with the alternations of its plain and capturing groups compacted."""
    out, index = [], 0
    for start, end in _groups(alternative):
        opening = _GROUP.match(alternative, start)
        if opening is None:  # a look-around or a group with flags of its own: left as written
            continue
        out += [alternative[index:opening.end()], _compacted(alternative[opening.end():end - 1], ignore_case), ")"]
        index = end
    return "".join(out) + alternative[index:]


def factored(alternatives: list[str], ignore_case: bool = False) -> str:
    """``"|".join(alternatives)``, with the openings that neighbouring alternatives share written once.

    Alternatives are patterns with no "|" outside a group. Literal characters they open with
    are shared, and so is a word boundary that neighbours open with. With ``ignore_case`` (for a
    pattern compiled with re.IGNORECASE), only ASCII letters and characters no case touches are shared.
    """
    return "|".join(_parts(alternatives, ignore_case))


def _parts(alternatives: list[str], ignore_case: bool) -> list[str]:
    parts: list[str] = []
    run: dict[str, list[tuple[str, str]]] = {}  # key -> (opening as written, rest), for a run of literal openings
    for alternative in alternatives:
        first = _first_literal(alternative, ignore_case)
        if first is None:  # it may match where any alternative of the run does: the run ends before it
            parts += _shared(run, ignore_case)
            run = {}
            parts.append(alternative)
        else:
            written, key = first
            run.setdefault(key, []).append((written, alternative[len(written):]))
    return _shared_openings(parts + _shared(run, ignore_case), ignore_case)


def _shared(run: dict[str, list[tuple[str, str]]], ignore_case: bool) -> list[str]:
    """One alternative per opening character: texts that open with different characters match different ones."""
    parts = []
    for openings in run.values():
        parts.append(openings[0][0] + _joined(_parts([rest for _, rest in openings], ignore_case)))
    return parts


def _shared_openings(parts: list[str], ignore_case: bool) -> list[str]:
    """Neighbours that open with the same zero-width test take it once: ``\\ba|\\bb`` reads ``\\b(?:a|b)``."""
    shared: list[str] = []
    index = 0
    while index < len(parts):
        opening = next((o for o in _OPENINGS if parts[index].startswith(o) and not _quantified(parts[index], o)), None)
        end = index + 1
        while opening and end < len(parts) and parts[end].startswith(opening) and not _quantified(parts[end], opening):
            end += 1
        if end - index > 1:
            rests = [part[len(opening):] for part in parts[index:end]]
            shared.append(opening + _joined(_parts(rests, ignore_case)))
        else:
            shared.append(parts[index])
        index = end
    return shared


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"


def _quantified(alternative: str, opening: str) -> bool:
    return alternative[len(opening):len(opening) + 1] in _QUANTIFIERS


def _first_literal(alternative: str, ignore_case: bool) -> tuple[str, str] | None:
    """The character an alternative must open with, as written and as a key; None if it may open otherwise."""
    if not alternative:
        return None
    if alternative[0] == "\\":
        if len(alternative) < 2 or alternative[1].isalnum():  # "\d", "\b", "\1": not a literal
            return None
        written, char = alternative[:2], alternative[1]
    elif alternative[0] in _SPECIAL:
        return None
    else:
        written = char = alternative[0]
    if _quantified(alternative, written):
        return None  # "a?": may match nothing
    if ignore_case and char.lower() != char.upper():
        if not char.isascii():
            return None
        char = char.lower()
    return written, char


def _alternatives(pattern: str) -> list[str]:
    """The pattern's alternatives: its parts between the "|" that no group or class holds."""
    cuts = [index for index, depth in _depths(pattern) if depth == 0 and pattern[index] == "|"]
    return [pattern[start + 1:end] for start, end in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


def _groups(pattern: str) -> list[tuple[int, int]]:
    """The (start, end) of each outermost group of the pattern."""
    spans, start = [], 0
    for index, depth in _depths(pattern):
        if pattern[index] == "(" and depth == 0:
            start = index
        elif pattern[index] == ")" and depth == 0:
            spans.append((start, index + 1))
    return spans


def _depths(pattern: str) -> list[tuple[int, int]]:
    """Each "|", "(" and ")" that is not escaped or in a class, with how many groups hold it (")" outside its own)."""
    marks, depth = [], 0
    for token in _TOKEN.finditer(pattern):
        char = token.group()
        if char == ")":
            depth -= 1
        if char in "|()":
            marks.append((token.start(), depth))
        if char == "(":
            depth += 1
    return marks
