"""Where clauses of a sentence begin: the words of pipeline/data/clauses.toml, by group."""

from __future__ import annotations

import re

from pipeline.datafiles import load
from pipeline.patterns import one_of

_DATA: dict[str, list[str]] = load("clauses")


def words(*groups: str) -> str:
    """Pattern text for a word of any of the named groups ("contrast", "joiners"...), as a whole word."""
    return rf"\b(?:{one_of(word for group in groups for word in _DATA[group])})\b"


def breaks(marks: str, *groups: str) -> re.Pattern[str]:
    """Where a clause ends: one of the punctuation ``marks``, or a word of the named groups, in any case."""
    return re.compile(rf"[{re.escape(marks)}]|{words(*groups)}", re.IGNORECASE)
