"""The occupation a sentence or page is about: "medical records specialists"."""

from __future__ import annotations

from pipeline import alternation
from pipeline.datafiles import load
from pipeline.gate import Gate
from pipeline.memo import per_text

_DATA = load("occupations")
HEADS: set[str] = set(_DATA["heads"])
STOPS: set[str] = set(_DATA["stops"])
STANDALONE: set[str] = set(_DATA["standalone"])
_INNER_STOPS = STOPS - {"and"}  # "and" may join modifiers: "billing and coding specialists"
_HEAD = Gate(HEADS)  # a text with no head word in it names no occupation
_WORD = alternation.compile(r"[A-Za-z][A-Za-z'’-]*|\S")
_LONGEST = 8


@per_text
def find_occupation(text: str) -> str | None:
    """The first occupation named in the text: its head word with the modifiers before it."""
    if not _HEAD.opens(text):
        return None
    words = _WORD.findall(text)
    for index, word in enumerate(words):
        if word.lower() in HEADS and not _compound(words, index) and (name := _name(words[: index + 1])):
            return name
    return None


def _compound(words: list[str], index: int) -> bool:
    """Whether the head word at ``index`` names a kind of the head after it: "professional coders"."""
    return index + 1 < len(words) and words[index + 1].lower() in HEADS


def _name(words: list[str]) -> str | None:
    taken = [words[-1]]
    for word in reversed(words[:-1]):
        if not word[0].isalpha() or word.lower() in _INNER_STOPS or len(taken) == _LONGEST:
            break
        taken.insert(0, word)
    while taken and taken[0].lower() == "and":
        taken.pop(0)
    return " ".join(taken) if len(taken) > 1 or taken[0].lower() in STANDALONE else None
