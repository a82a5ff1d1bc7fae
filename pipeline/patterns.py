"""Pattern text built from word lists, for ``re.compile``: the one way the pipeline writes a pattern of words."""

from __future__ import annotations

import re
from collections.abc import Iterable


def one_of(words: Iterable[str]) -> str:
    """A pattern for any of the plain ``words``, the longest tried first."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda word: (-len(word), word)))


def whole_words(words: Iterable[str]) -> str:
    """Any of the words or phrases as a whole: no letter, digit, underscore or hyphen touches it."""
    return rf"(?<![\w-])(?:{one_of(words)})(?![\w-])"
