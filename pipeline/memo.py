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
TEXTS = 3072  # texts remembered per finder: some thirty pages of sentences (4096 held 7 MB more, no faster)
_REMEMBERED: list = []  # every per_text function, for forget_texts


def per_text(find: Callable[..., T]) -> Callable[..., T]:
    """``find`` answering each text (with its other arguments) once.

    Callers share what it gives, so finders give tuples, not lists. On a method, ``self`` is one of the arguments.
    """
    remembered = lru_cache(maxsize=TEXTS)(find)
    _REMEMBERED.append(remembered)
    return remembered


def forget_texts() -> None:
    """Forget every text ``per_text`` remembers, as if no page had been read before."""
    for remembered in _REMEMBERED:
        remembered.cache_clear()


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
