"""Remembered results, so that the extractors share one reading of each text and page.

Every finder (money, credentials, organisations...) is a pure function of its text,
and several extractors ask it about the same sentences; ``per_text`` answers each text
once. Readings of a whole page (its statements, the programs it describes) are asked
for by more than one extractor in a row; ``per_page`` keeps the last page's reading.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from pipeline.page import CleanPage

T = TypeVar("T")
TEXTS = 16_384  # texts remembered per finder: several pages' worth of sentences


def per_text(find: Callable[[str], list[T]]) -> Callable[[str], list[T]]:
    """``find`` answering each text once; every caller gets a list of its own."""
    remembered = lru_cache(maxsize=TEXTS)(lambda text: tuple(find(text)))

    @wraps(find)
    def found(text: str) -> list[T]:
        return list(remembered(text))

    return found


def per_page(read: Callable[[CleanPage], T]) -> Callable[[CleanPage], T]:
    """``read`` answering again for the same page content without reading it again (the last page only).

    Callers must not change what it returns.
    """
    last: list = []

    @wraps(read)
    def reading(page: CleanPage) -> T:
        key = (page.url, page.title, tuple(page.blocks))
        if not last or last[0] != key:
            last[:] = [key, read(page)]
        return last[1]

    return reading
