"""The kind of credential a program awards: certificate, diploma, associate, bachelor, master."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

_DATA = tomllib.loads((Path(__file__).parent / "data" / "awards.toml").read_text(encoding="utf-8"))
_PATTERNS = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, patterns in _DATA.items() for pattern in patterns]


@dataclass(frozen=True)
class Award:
    """A kind of program award named in text, with its character span."""

    kind: str
    start: int
    end: int


def find_awards(text: str) -> list[Award]:
    """Every program award the text names, in order of appearance."""
    found = {(m.start(), kind): Award(kind, m.start(), m.end()) for kind, p in _PATTERNS for m in p.finditer(text)}
    return [found[key] for key in sorted(found)]


def award_near(text: str, position: int) -> str | None:
    """The award named last before ``position``, else the first one after it, else None."""
    awards = find_awards(text)
    before = [award for award in awards if award.start < position]
    if before:
        return before[-1].kind
    return awards[0].kind if awards else None
