"""The occupation a sentence or page is about: "medical records specialists"."""

from __future__ import annotations

import re

from pipeline.datafiles import load
from pipeline.memo import per_text

_DATA = load("occupations")
HEADS: set[str] = set(_DATA["heads"])
STOPS: set[str] = set(_DATA["stops"])
STANDALONE: set[str] = set(_DATA["standalone"])
_INNER_STOPS = STOPS - {"and"}  # "and" may join modifiers: "billing and coding specialists"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\S")
_LONGEST = 8


@per_text
def find_occupation(text: str) -> str | None:
    """The first occupation named in the text: its head word with the modifiers before it.

    A head word right before another names a kind of it and is no occupation's head: "professional coders"
    ("professional" names a kind of coder).
    """
    words = _WORD.findall(text)
    heads = [word.lower() in HEADS for word in words]
    for index, head in enumerate(heads):
        if head and not (index + 1 < len(words) and heads[index + 1]) and (name := _name(words[:index + 1])):
            return name
    return None


def _name(words: list[str]) -> str | None:
    taken = [words[-1]]
    for word in reversed(words[:-1]):
        if not word[0].isalpha() or word.lower() in _INNER_STOPS or len(taken) == _LONGEST:
            break
        taken.insert(0, word)
    while taken and taken[0].lower() == "and":
        taken.pop(0)
    return " ".join(taken) if len(taken) > 1 or taken[0].lower() in STANDALONE else None
