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
TEXTS = 4096  # texts remembered per finder: some forty pages of sentences


def per_text(find: Callable[..., T]) -> Callable[..., T]:
    """``find`` answering each text (with its other arguments) once; callers share what it gives, so finders
    give tuples, not lists. On a method, ``self`` is one of the arguments."""
    return lru_cache(maxsize=TEXTS)(find)


def per_page(read: Callable[[CleanPage], T]) -> Callable[[CleanPage], T]:
    """``read`` answering again for the same page content without reading it again (the last page only).

    Callers must not change what it returns.
    """
    last: list[tuple[tuple, T]] = []  # (page content, reading), replaced whole so that threads may share it

    @wraps(read)
    def reading(page: CleanPage) -> T:
        key = (page.url, page.title, tuple(page.blocks))
        remembered = last[0] if last else None
        if remembered is None or remembered[0] != key:
            remembered = (key, read(page))
            last[:] = [remembered]
        return remembered[1]

    return reading
