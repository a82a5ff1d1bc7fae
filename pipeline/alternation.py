"""Alternations of many words, written so that the regular expression engine tries few of them.

At each position of a text, Python's engine tries the alternatives of ``a|b|c`` one after
another. Alternatives that open with the same character can share it:
``bureau of labor|board|national`` reads ``b(?:ureau of labor|oard)|national``, and a
position that does not hold a "b" is past two of them in one test. Sharing keeps the order
in which alternatives are tried wherever two of them could match at the same place, so the
factored pattern matches exactly what the plain one does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPECIAL = frozenset("\\.^$*+?{}[]()|")
_QUANTIFIERS = frozenset("*+?{")


def one_of(words: Iterable[str], ignore_case: bool = False) -> str:
    """A pattern for any of the plain ``words``, the longest tried first (see ``factored`` for ``ignore_case``)."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return factored([re.escape(word) for word in ordered], ignore_case)


def factored(alternatives: list[str], ignore_case: bool = False) -> str:
    """``"|".join(alternatives)``, with the characters that neighbouring alternatives open with shared.

    Alternatives are patterns with no "|" outside a group; only the literal characters they
    open with are shared. With ``ignore_case`` (for a pattern compiled with re.IGNORECASE),
    only ASCII letters and characters no case touches are shared.
    """
    return "|".join(_parts(alternatives, ignore_case))


def _parts(alternatives: list[str], ignore_case: bool) -> list[str]:
    parts: list[str] = []
    run: dict[str, list[tuple[str, str]]] = {}  # key -> (character as written, rest), for a run of literal openings
    for alternative in alternatives:
        first = _first_literal(alternative, ignore_case)
        if first is None:  # it may match where any alternative of the run does: the run ends before it
            parts += _shared(run, ignore_case)
            run = {}
            parts.append(alternative)
        else:
            written, key = first
            run.setdefault(key, []).append((written, alternative[len(written):]))
    return parts + _shared(run, ignore_case)


def _shared(run: dict[str, list[tuple[str, str]]], ignore_case: bool) -> list[str]:
    """One alternative per opening character: texts that open with different characters match different ones."""
    parts = []
    for openings in run.values():
        inner = _parts([rest for _, rest in openings], ignore_case)
        parts.append(openings[0][0] + (inner[0] if len(inner) == 1 else f"(?:{'|'.join(inner)})"))
    return parts


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
    if alternative[len(written):len(written) + 1] in _QUANTIFIERS:
        return None  # "a?": may match nothing
    if ignore_case and char.lower() != char.upper():
        if not char.isascii():
            return None
        char = char.lower()
    return written, char
