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
    """The first occupation named in the text: its head word with the modifiers before it."""
    words: list[str] = []
    for match in _WORD.finditer(text):  # words read only as far as the one after the first occupation
        following = match.group()
        if words and (name := _ending(words, following)):
            return name
        words.append(following)
    return _ending(words, None) if words else None


def _ending(words: list[str], following: str | None) -> str | None:
    """The occupation the words end with, if the last is a head word and not one naming a kind of the head after it.

    "professional coders": "professional" names a kind of coder.
    """
    if words[-1].lower() not in HEADS or (following is not None and following.lower() in HEADS):
        return None
    return _name(words)


def _name(words: list[str]) -> str | None:
    taken = [words[-1]]
    for word in reversed(words[:-1]):
        if not word[0].isalpha() or word.lower() in _INNER_STOPS or len(taken) == _LONGEST:
            break
        taken.insert(0, word)
    while taken and taken[0].lower() == "and":
        taken.pop(0)
    return " ".join(taken) if len(taken) > 1 or taken[0].lower() in STANDALONE else None
