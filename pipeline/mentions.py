"""Courses, code systems, job titles, skills and work settings a page names."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.page import Block, CleanPage, split_sentences
from pipeline.phrases import Case, Phrases

_DATA = load("mentions")
_CONNECTORS = frozenset(_DATA["connectors"])
_OPENERS = frozenset(_DATA["openers"])
_NONE: frozenset[str] = frozenset()
_TITLE_WORDS = 10  # a course title in title case may be long: "Procedure Coding with CPT and HCPCS Level II"

_MARKERS = re.compile(
    r":|\bsuch as\b|\bincludes?\b|\bincluding\b|\blike\b|\bcover(?:s|ing)?\b"
    r"|\b(?:courses?|classes|coursework|training|instruction)\s+(?:in|on)\b"
    r"|\b(?:work|working|employed|jobs?|positions?|roles?)\s+as\b",
    re.IGNORECASE,
)
_LABEL_END = re.compile(r":|\s[–—-]\s")  # "Medical Terminology: the language of medicine"
_SPLIT_LIST = re.compile(r"[,;](?![^()]*\))")
_CONJUNCTION = re.compile(r"\s+(?:and|or|&)\s+")
_PARENTHESIS = re.compile(r"\s*\(.*?\)\s*$")
_COURSE_CODE = re.compile(r"^[A-Z]{2,5}[\s-]?\d{2,4}[A-Z]?(?![\w-])\s*[:\-–]?\s*")  # not "ICD-10-CM Coding"
_TRAILER = re.compile(r"\s*\((?:\d[^)]*)\)\s*$|[\s.;:,]+$")
_LEADER = re.compile(r"^(?:and|or|a|an|the)\s+", re.IGNORECASE)


def _phrases(variants: list[str], value: str) -> list[tuple[str, str, Case]]:
    """The variants as phrases: one in capitals ("CPT") matches only so, the others in any case."""
    return [(variant, value, Case.ANY if any(c.islower() for c in variant) else Case.WRITTEN)
            for variant in variants]


@dataclass(frozen=True, eq=False)  # one of a kind: compared and hashed by identity, as ``names_in`` remembers it
class Vocabulary:
    """One mention kind: its terms, and how a mention of it is framed."""

    kind: str
    anywhere: bool
    open_lists: bool
    heads: re.Pattern[str] | None
    terms: Phrases  # each variant standing for its term's canonical name

    @per_text  # the vocabularies live as long as the module
    def names_in(self, text: str) -> tuple[str, ...]:
        """Canonical names of the terms the text holds, longest first where matches overlap.

        Remembered per text like a finder (``pipeline.memo``): a site repeats passages from page to page.
        """
        return tuple(hit.value for hit in self.terms.find(text))

    def canonical(self, phrase: str) -> str | None:
        """The canonical name when the whole phrase is one of the vocabulary's terms."""
        return self.terms.whole(phrase)


def _load(kind: str, spec: dict) -> Vocabulary:
    heads = spec.get("heads")
    return Vocabulary(
        kind=kind,
        anywhere=spec["anywhere"],
        open_lists=spec["open_lists"],
        heads=re.compile(r"(?:" + "|".join(heads) + r")s?$", re.IGNORECASE) if heads else None,
        terms=Phrases([phrase for term in spec["terms"] for phrase in _phrases(term["variants"], term["name"])],
                      plural=True),
    )


VOCABULARIES = tuple(_load(kind, spec) for kind, spec in _DATA["kinds"].items())


def _cues(field: str) -> Phrases:
    """The cue words of every kind, each standing for its kind."""
    return Phrases([phrase for kind, spec in _DATA["kinds"].items() for phrase in _phrases(spec[field], kind)],
                   plural=True)


_CUES = _cues("cues")
_HEADING_CUES = _cues("heading_cues")


@per_text
def _framed(text: str) -> frozenset[str]:
    """The kinds whose cue words frame the text."""
    return frozenset(hit.value for hit in _CUES.every(text))


@per_text
def _headed(heading: str) -> frozenset[str]:
    """The kinds a heading introduces."""
    return frozenset(hit.value for hit in _HEADING_CUES.every(heading))


def _clean_phrase(phrase: str) -> str:
    phrase = _COURSE_CODE.sub("", phrase.strip())
    phrase = _LEADER.sub("", _TRAILER.sub("", phrase))
    return phrase.strip()


def _title_like(phrase: str, vocabulary: Vocabulary) -> bool:
    """Whether a list entry reads as a name of this kind rather than a sentence."""
    bare = _PARENTHESIS.sub("", phrase)
    words = bare.split()
    if not words or re.search(r"[.!?$%]|(?<![\w-])\d", phrase) or not phrase[0].isalpha():
        return False
    if vocabulary.heads and not vocabulary.heads.search(bare):
        return False
    if all(word[0].isupper() or word in _CONNECTORS for word in words):
        return len(words) <= _TITLE_WORDS
    return len(words) <= 5 and words[0].lower() not in _OPENERS


def _open_names(entry: str, vocabulary: Vocabulary) -> list[str]:
    """The names one list entry gives.

    A course keeps the entry's own wording when it reads as a title ("Pharmacology for Coders"),
    else the terms it holds. A job title is canonical where the vocabulary knows it, and an
    entry naming two ("coder and biller") gives both.
    """
    phrase = _clean_phrase(entry)
    if not vocabulary.heads:
        return [phrase] if _title_like(phrase, vocabulary) else list(vocabulary.names_in(phrase))
    known = vocabulary.canonical(_PARENTHESIS.sub("", phrase))
    if known:
        return [known]
    parts = [_clean_phrase(part) for part in _CONJUNCTION.split(phrase)]
    return [vocabulary.canonical(part) or part for part in parts if _title_like(part, vocabulary)]


def _entries(text: str) -> list[str]:
    return [entry for entry in _SPLIT_LIST.split(text) if entry.strip()]


def _listed(sentence: str) -> list[str]:
    """The entries of a list that follows a colon, 'such as', 'include' or similar."""
    marker = _MARKERS.search(sentence)
    return _entries(sentence[marker.end():]) if marker else []


class _Frame(NamedTuple):
    """The kinds that frame a block: by the headings above it, by the page title among them, by its lead-in.

    ``pieces`` are the block's passages, each with the kinds whose cue words it holds; ``kinds`` are all of
    these kinds together: others can only be named anywhere. ``named`` holds, for each kind whose terms count
    wherever they stand (``_ANYWHERE``), the (name, evidence) pairs the passages give.
    """

    headings: frozenset[str]
    title: frozenset[str]
    lead_in: frozenset[str]
    pieces: tuple[tuple[str, frozenset[str]], ...]
    kinds: frozenset[str]
    named: Mapping[str, tuple[tuple[str, str], ...]]


@per_text
def _under(headings: tuple[str, ...], title: str) -> tuple[frozenset[str], frozenset[str]]:
    """The kinds the headings above a block introduce, the page title apart, and those the title does if among them.

    Remembered, like the passages: the blocks of a section share their headings, and sites repeat passages.
    """
    return (frozenset().union(*[_headed(heading) for heading in headings if heading != title]),
            _headed(title) if title in headings else _NONE)


_ANYWHERE = tuple(vocabulary for vocabulary in VOCABULARIES if vocabulary.anywhere and not vocabulary.open_lists)


@per_text
def _passages(text: str, row: bool) -> tuple[tuple[tuple[str, frozenset[str]], ...], frozenset[str],
                                             Mapping[str, tuple[tuple[str, str], ...]]]:
    """A block's passages (a row is one, else its sentences), each with the kinds it cues, all those kinds,
    and the names they give of the kinds that count anywhere (read here once for every block with this text).
    """
    pieces = tuple([(piece, _framed(piece)) for piece in ((text,) if row else split_sentences(text))])
    named = {vocabulary.kind: tuple([(name, piece) for piece, _ in pieces for name in vocabulary.names_in(piece)])
             for vocabulary in _ANYWHERE}
    return pieces, frozenset().union(*[cued for _, cued in pieces]), MappingProxyType(named)  # shared: read-only


def _frame(block: Block, headings: tuple[str, ...], lead_in: str | None, title: str) -> _Frame:
    under_heading, under_title = _under(headings, title)
    led_in = _framed(lead_in) if block.kind == "item" and lead_in is not None else _NONE
    pieces, cued, named = _passages(block.text, block.kind == "row")
    return _Frame(under_heading, under_title, led_in, pieces, under_heading.union(under_title, led_in, cued), named)


def _block_names(block: Block, frame: _Frame, vocabulary: Vocabulary) -> Sequence[tuple[str, str]]:
    """(name, evidence) pairs this block gives for one vocabulary.

    Under a heading of this kind, list items, rows and subheadings count whole, and a paragraph
    sentence counts when it lists two or more entries. A page title of this kind ("Coding
    Classes") frames its list items and subheadings too, but for vocabulary terms only.
    """
    if vocabulary.kind in frame.named:  # its terms count wherever they stand, and only they
        return frame.named[vocabulary.kind]
    under_heading = vocabulary.kind in frame.headings
    under_title = vocabulary.kind in frame.title
    led_in = vocabulary.kind in frame.lead_in
    entry_block = block.kind in ("item", "heading") and (under_heading or led_in)
    framed_block = entry_block or (block.kind in ("row", "item", "heading") and (under_heading or under_title))
    found = []
    for piece, cued in frame.pieces:
        framed = vocabulary.anywhere or framed_block or vocabulary.kind in cued
        if not (framed or under_heading):
            continue
        entries = _list_entries(piece, entry_block, framed or under_heading, vocabulary)
        names = [name for entry in entries for name in _open_names(entry, vocabulary)]
        found += [(name, piece) for name in names or (vocabulary.names_in(piece) if framed else [])]
    return found


def _list_entries(piece: str, entry_block: bool, framed: bool, vocabulary: Vocabulary) -> list[str]:
    """The entries of the list a passage gives (a sentence must list two or more), if this kind takes lists."""
    if not vocabulary.open_lists:
        return []
    if entry_block:
        return _entries(_LABEL_END.split(piece, maxsplit=1)[0])
    entries = _listed(piece) if framed else []
    return entries if len(entries) > 1 else []


def _with_parents(blocks: list[Block]) -> Iterator[tuple[Block, tuple[str, ...]]]:
    """Each block with the headings it sits under; a heading's are those of higher levels only."""
    above: list[Block] = []
    for block in blocks:
        if block.kind != "heading":
            yield block, block.headings
            continue
        above = [heading for heading in above if heading.level < block.level]
        yield block, tuple(heading.text for heading in above)
        above.append(block)


def extract_mentions(page: CleanPage) -> list[dict]:
    """One row per (kind, name) the page mentions, with the first passage naming it."""
    rows: dict[tuple[str, str], dict] = {}
    lead_in = None
    for block, headings in _with_parents(page.blocks):
        frame = _frame(block, headings, lead_in, page.title)
        kinds = frame.kinds
        for vocabulary in VOCABULARIES:
            if not (vocabulary.anywhere or vocabulary.kind in kinds):
                continue
            for name, evidence in _block_names(block, frame, vocabulary):
                key = (vocabulary.kind, name.lower())
                rows.setdefault(key, {"kind": vocabulary.kind, "name": name, "evidence": evidence})
        if block.kind != "item":
            lead_in = None if block.text == page.title else block.text
    return list(rows.values())
