"""Pattern text built from word lists, for ``re.compile``: the one way the pipeline writes a pattern of words."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.memo import per_text


def one_of(words: Iterable[str]) -> str:
    """A pattern for any of the plain ``words``, the longest tried first."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda word: (-len(word), word)))


def whole_words(words: Iterable[str]) -> str:
    """Any of the words or phrases as a whole: no letter, digit, underscore or hyphen touches it."""
    return rf"(?<![\w-])(?:{one_of(words)})(?![\w-])"


@per_text
def folded(text: str) -> str:
    """The text case-folded, as patterns that ignore case compare it (remembered: several checks read each text).

    "ı" and "İ" match "i" when case is ignored, so they are written as "i" ("İ" folds to "i" and a combining dot).
    """
    return text.casefold().replace("ı", "i").replace("i\u0307", "i")


def holds_any(text: str, words: Iterable[str]) -> bool:
    """Whether the text holds one of the lower-case ``words`` in any case: a check before a pattern that needs one."""
    low = folded(text)
    return any(word in low for word in words)
