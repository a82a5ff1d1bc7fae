"""Quick tests that rule a text out before a costly pattern reads it.

A pattern that opens with a look-behind or a word boundary makes the regular
expression engine try every position of the text; a plain alternation of words
lets it skip ahead. A gate holds words one of which every match of the costly
pattern contains, so a text holding none of them cannot match it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Characters that match "i" and "s" when case is ignored but that lower() keeps as they are.
_ODD_FOLDS = ("ı", "ſ")


class Gate:
    """Rules out texts that hold none of ``words`` (compared in lower case, or as written if ``cased``)."""

    def __init__(self, words: Iterable[str], cased: bool = False) -> None:
        self._cased = cased
        words = {word if cased else word.lower() for word in words}
        self._words = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))

    def opens(self, text: str) -> bool:
        """False only when no match of the gated pattern can be in the text."""
        if self._words.search(text if self._cased else text.lower()):
            return True
        return not self._cased and any(char in text for char in _ODD_FOLDS)
