"""Courses, code systems, job titles, skills and work settings a page names."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from pipeline import alternation
from pipeline.datafiles import load
from pipeline.gate import CaseBlind, Gate, Gated, lowered
from pipeline.memo import per_text
from pipeline.page import Block, CleanPage, split_sentences

_DATA = load("mentions")
_CONNECTORS = frozenset(_DATA["connectors"])
_OPENERS = frozenset(_DATA["openers"])
_NONE: frozenset[str] = frozenset()
_TITLE_WORDS = 10  # a course title in title case may be long: "Procedure Coding with CPT and HCPCS Level II"

_MARKERS = alternation.compile(
    r":|\bsuch as\b|\bincludes?\b|\bincluding\b|\blike\b|\bcover(?:s|ing)?\b"
    r"|\b(?:courses?|classes|coursework|training|instruction)\s+(?:in|on)\b"
    r"|\b(?:work|working|employed|jobs?|positions?|roles?)\s+as\b",
    re.IGNORECASE,
)
_LABEL_END = alternation.compile(r":|\s[–—-]\s")  # "Medical Terminology: the language of medicine"
_SPLIT_LIST = alternation.compile(r"[,;](?![^()]*\))")
_CONJUNCTION = alternation.compile(r"\s+(?:and|or|&)\s+")
_PARENTHESIS = alternation.compile(r"\s*\(.*?\)\s*$")
_COURSE_CODE = alternation.compile(r"^[A-Z]{2,5}[\s-]?\d{2,4}[A-Z]?(?![\w-])\s*[:\-–]?\s*")  # not "ICD-10-CM Coding"
_TRAILER = alternation.compile(r"\s*\((?:\d[^)]*)\)\s*$|[\s.;:,]+$")
_LEADER = alternation.compile(r"^(?:and|or|a|an|the)\s+", re.IGNORECASE)


def _variant_pattern(variant: str) -> str:
    """A variant as regex: loose spaces and hyphens, either apostrophe, optional plural."""
    parts = [re.escape(part).replace("'", "['’]") for part in re.split(r"[\s\-]+", variant)]
    body = r"[\s\-–]*".join(parts)
    if not any(c.islower() for c in variant):
        body = f"(?-i:{body})"
    return body + r"(?:e?s|['’]s)?"


def _words_pattern(words: list[str]) -> str:
    """One pattern matching any of the words or phrases as whole words, in any case (with re.IGNORECASE)."""
    ordered = sorted(words, key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(_variant_pattern(w) for w in ordered) + r")(?![\w]|-\w)"


@dataclass(frozen=True, eq=False)  # one of a kind: compared and hashed by identity, as ``names_in`` remembers it
class Vocabulary:
    """One mention kind: its terms and the cues that frame a mention of it."""

    kind: str
    anywhere: bool
    open_lists: bool
    cues: Gated | None
    heading_cues: Gated | None
    heads: re.Pattern[str] | None
    terms: tuple[tuple[str, re.Pattern[str]], ...]
    words: tuple[tuple[str, ...], ...]  # per term, words one of which each match holds (lower case)
    gate: Gate  # all those words

    @per_text  # the vocabularies live as long as the module
    def names_in(self, text: str) -> tuple[str, ...]:
        """Canonical names of the terms the text holds, longest first where matches overlap.

        Remembered per text like a finder (``pipeline.memo``): a site repeats passages from page to page.
        """
        if not self.gate.opens(text):
            return ()
        low = lowered(text)
        found = [(m.start(), -m.end(), name) for (name, pattern), words in zip(self.terms, self.words, strict=True)
                 if any(word in low for word in words) for m in pattern.finditer(text)]
        names, reached = [], 0
        for start, negative_end, name in sorted(found):
            if start >= reached:
                names.append(name)
                reached = -negative_end
        return tuple(names)

    def canonical(self, phrase: str) -> str | None:
        """The canonical name when the whole phrase is one of the vocabulary's terms."""
        return next((name for name, pattern in self.terms if pattern.fullmatch(phrase)), None)


def _word_of(variant: str) -> str:
    """The longest word of a variant, which every match of it holds, in lower case."""
    return max(re.split(r"[\s\-']+", variant), key=len).lower()


def _gated(words: list[str]) -> Gated | None:
    return Gated(_words_pattern(words), re.IGNORECASE) if words else None


def _load(kind: str, spec: dict) -> Vocabulary:
    terms = tuple((term["name"], alternation.compile(_words_pattern(term["variants"]), re.IGNORECASE))
                  for term in spec["terms"])
    words = tuple(tuple({_word_of(variant) for variant in term["variants"]}) for term in spec["terms"])
    heads = spec.get("heads")
    return Vocabulary(
        kind=kind,
        anywhere=spec["anywhere"],
        open_lists=spec["open_lists"],
        cues=_gated(spec["cues"]),
        heading_cues=_gated(spec["heading_cues"]),
        heads=alternation.compile(r"(?:" + "|".join(heads) + r")s?$", re.IGNORECASE) if heads else None,
        terms=terms,
        words=words,
        gate=Gate(word for term in words for word in term),
    )


VOCABULARIES = tuple(_load(kind, spec) for kind, spec in _DATA["kinds"].items())


def _any_cue(field: str) -> CaseBlind:
    """The cue words of every kind as one pattern, which a text no kind's cues frame does not match.

    Found case-blind, it skips from letter to letter where the patterns of the kinds, opening with a
    look-behind and ignoring case, are tried at every position; most texts are cued by no kind.
    """
    return CaseBlind(_words_pattern(sorted({word for spec in _DATA["kinds"].values() for word in spec[field]})))


_ANY_CUE = _any_cue("cues")
_ANY_HEADING_CUE = _any_cue("heading_cues")


@per_text
def _framed(text: str) -> frozenset[str]:
    """The kinds whose cue words frame the text."""
    if _ANY_CUE.search(text) is None:
        return frozenset()
    return frozenset(vocabulary.kind for vocabulary in VOCABULARIES
                     if vocabulary.cues and vocabulary.cues.search(text))


@per_text
def _headed(heading: str) -> frozenset[str]:
    """The kinds a heading introduces."""
    if _ANY_HEADING_CUE.search(heading) is None:
        return frozenset()
    return frozenset(vocabulary.kind for vocabulary in VOCABULARIES
                     if vocabulary.heading_cues and vocabulary.heading_cues.search(heading))


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
