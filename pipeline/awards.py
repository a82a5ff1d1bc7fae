"""The kind of credential a program awards: certificate, diploma, associate, bachelor, master."""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.clauses import breaks
from pipeline.cues import Needs
from pipeline.datafiles import load
from pipeline.memo import per_text

_DATA = load("awards")
# Award words in any case, each kind's read only in texts holding its name (which each of its patterns opens with),
# then short forms in capitals ("A.A.S.", "MHA") as written.
_WORDS = {kind: (Needs(opening=[kind]), [re.compile(pattern, re.IGNORECASE) for pattern in patterns])
          for kind, patterns in _DATA["words"].items()}
_CAPITALS = [(kind, re.compile(capitals)) for kind, forms in _DATA["capitals"].items() for capitals in forms]


class Award(NamedTuple):
    """A kind of program award named in text, with its character span (a named tuple: made often)."""

    kind: str
    start: int
    end: int


@per_text
def find_awards(text: str) -> tuple[Award, ...]:
    """Every program award the text names, in order of appearance."""
    patterns = [(kind, pattern) for kind, (name, words) in _WORDS.items() if name.held_by(text)
                for pattern in words] + _CAPITALS
    found = {(m.start(), kind): Award(kind, m.start(), m.end()) for kind, p in patterns for m in p.finditer(text)}
    return tuple(found[key] for key in sorted(found))


_COORDINATED = re.compile(r"\s*(?:,|/|or|and|,\s*or|,\s*and)\s*", re.IGNORECASE)
_FOR = re.compile(r"\s*(?:for|toward|towards)\s+(?:(?:an?|the|your)\s+)?(?:[\w-]+\s+){0,2}", re.IGNORECASE)
_CLAUSE_BREAK = breaks(",;:", "contrast", "concession")


def award_near(text: str, start: int, end: int) -> str | None:
    """The award a length or cost at ``text[start:end]`` is given for.

    The award it is "for" ("$3,000 for a certificate"), else the one named last before it (the first of
    "certificate or diploma"), else the next one in its clause.
    """
    awards = find_awards(text)
    following = next((award for award in awards if award.start >= end), None)
    if following and _FOR.fullmatch(text, end, following.start):
        return following.kind
    before = [award for award in awards if award.start < start]
    if not before:
        after = [award for award in awards if award.start >= end and not _CLAUSE_BREAK.search(text, end, award.start)]
        return after[0].kind if after else None
    first = len(before) - 1
    while first > 0 and _COORDINATED.fullmatch(text, before[first - 1].end, before[first].start):
        first -= 1
    return before[first].kind
