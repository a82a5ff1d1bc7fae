"""Courses, code systems, job titles, skills and work settings a page names."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from pipeline import clauses
from pipeline.credentials import find_credentials
from pipeline.cues import Needs
from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.occupations import about_others
from pipeline.organizations import find_organizations
from pipeline.page import Block, CleanPage, split_sentences
from pipeline.patterns import one_of, whole_words
from pipeline.phrases import Case, Hit, Phrases

_DATA = load("mentions")
_CONNECTORS = frozenset(_DATA["connectors"])
_OPENERS = frozenset(_DATA["openers"])
_GENERIC = frozenset(_DATA["generic"])
_NONE: frozenset[str] = frozenset()
_CUE, _CONTEXT_CUE = "cues", "context_cues"
_AFTER, _BEFORE = "roles", "role_nouns"  # role words a name follows ("work as"), or comes before ("roles")
_TITLE_WORDS = 10  # a course title in title case may be long: "Procedure Coding with CPT and HCPCS Level II"
_NAME_WORDS = 6  # a name in running text is short: "intro to ICD-10-CM/PCS inpatient coding"
_CUE_REACH = 8  # words between a sentence's cue and the list it governs: "courses at a nearby college include"

# Where a list of names begins; a naming marker may give a list of one ("a class in pharmacology").
_MARKERS = re.compile(
    r"(?P<naming>\b(?:also\s+)?(?:called|known\s+as|named|titled)\b|\ban?\s+(?:course|class)\s+(?:in|on)\b"
    r"|\bcall(?:s|ed)?\s+(?:these|the|its|their|them)\s+(?:courses|classes)\b)"
    r"|:|\bsuch\s+as\b|\bincludes?\b|\bincluding\b|\blike\b|\bcover(?:s|ing)?\b|\bconsist(?:s|ing)?\s+of\b"
    r"|\bteach(?:es)?\b|\b(?:courses?|class(?:es)?|coursework|training|instruction)\s+(?:in|on)\b",
    re.IGNORECASE,
)
_LABEL_END = re.compile(r":|\s[–—-]\s")  # "Medical Terminology: the language of medicine"
_SPLIT_LIST = re.compile(r"[,;](?![^()]*\))")
_CONJUNCTION = re.compile(r"\s+(?:and|or|&)\s+")
_JOINT = re.compile(r"\s+(and|or|&)\s+")  # the same, kept where it splits a phrase
_PARENTHESIS = re.compile(r"\s*\(.*?\)\s*$")
_CODE = r"[A-Z]{2,5}[\s-]?\d{2,4}[A-Z]?"  # a course number: "HIT 101", "MED-110A"
_UNITS = r"(?:%|credits?|credit hours|units?|hours?|hrs|weeks?)"  # what a figure beside a name counts
# A line's opening course number: not "ICD-10-CM Coding", nor a form's, a code set's or a year's ("CMS-1500 ...").
_COURSE_CODE = re.compile(rf"^(?!(?:{one_of(_DATA['not_course_numbers'])})[\s-]?\d){_CODE}(?![\w-])\s*[:\-–]?\s*")
# Where a line run together with the one before starts ("... Terminology (3 cr.) HIT 110 Anatomy ..."): a course number.
_NEXT_COURSE = re.compile(rf"\s+(?=(?!(?:{one_of(_DATA['not_course_numbers'])})[\s-]?\d){_CODE}(?![\w-]))")
_JOINED = 3  # course-numbered lines run together in one text: as many as make a list of them alone
_LABEL_NUMBER = r"\s+(?:\d+|[IVX]+|[A-Z])(?![\w-])\s*[:.)–—-]?\s*"  # "3: ", "II - ", "B."
_OUTLINE_LABEL = re.compile(
    rf"^(?:{one_of(_DATA['outline_labels'] + _DATA['step_labels'])}){_LABEL_NUMBER}", re.IGNORECASE)
_STEP_LABEL = re.compile(rf"^(?:{one_of(_DATA['step_labels'])}){_LABEL_NUMBER}", re.IGNORECASE)
_STEP_WORDS = Needs(whole=_DATA["step_labels"])  # one of which every step label holds
# "teaches students to ...", "taught how to ...": what someone is taught to do, not a list of courses
_TAUGHT_TO = re.compile(rf"\s+(?:(?:{one_of(_DATA['kinds']['course']['taught'])})\s+)?(?:how\s+)?to\b", re.IGNORECASE)
_TRAILER = re.compile(
    r"\s*\((?:\d[^)]*)\)\s*$"  # "(3 credits)", "(20%)"
    r"|\s*\([^)]*$"  # a parenthesis the text cuts off: "ICD-9 Coder (In"
    rf"|\s+\d+(?:[.–-]\d+)?\s*{_UNITS}\.?$"  # "Coding Guidelines 18%"
    r"|[\s.;:,]+$",
    re.IGNORECASE,
)
_LEADER = re.compile(r"^(?:and|or|a|an|the)\s+", re.IGNORECASE)
_CONJUNCTION_LEADER = re.compile(r"^(?:and|or)\s+", re.IGNORECASE)
_ENTRY_END = re.compile(rf"\s+{clauses.words('contrast', 'concession', 'relative', 'subordinate', 'addition')}\s",
                        re.IGNORECASE)
_CLAUSE_OPENING = re.compile(rf"{clauses.words('contrast', 'concession', 'relative', 'subordinate')}", re.IGNORECASE)
_CODE_CELL = re.compile(_CODE)
_FIGURE_CELL = re.compile(rf"[$\d][\d\s,.$%–-]*(?:\s*{_UNITS})?", re.IGNORECASE)
_BREAKS = frozenset(_DATA["name_breaks"])
_ROLE_BREAK = re.compile(rf"[.;:!?()—–]|\s(?:{one_of(_BREAKS)})\s", re.IGNORECASE)
_HANDS_ON = re.compile(r"[,;]|\w+\s+\w+\s+\w+\s+\w+")  # a list marker three words or fewer after another
_MODIFIER = re.compile(r"(?:ic|al|ive|ary|ory)$")  # a word waiting for the noun after "and": "diagnostic and"
_NAME_WORD = re.compile(r"[^\W\d_][\w'’&/-]*")  # a word of a name: a letter first, no punctuation about it
_ARTICLES = frozenset(_DATA["articles"])
_NAME_STOPS = _OPENERS | _BREAKS | _CONNECTORS  # words a name in running text does not run past, either way
_POSTING_SECTION = re.compile(whole_words(_DATA["posting_sections"]), re.IGNORECASE)  # read in headings only
_TITLE_TAIL = re.compile(r"\s+[-–—|]\s+.*$|\s*\(.*$")  # " - Remote", " | Careers", " (Billing)"
_LEVEL = re.compile(r"\s+(?:[IV]{1,3}|\d|Level\s+\w+)$")  # a job's grade: "Coder II", "Coding Specialist Level 2"


def _phrases(variants: list[str], value: Hashable) -> list[tuple[str, Hashable, Case]]:
    """The variants as phrases: one in capitals ("CPT") matches only so, the others in any case."""
    return [(variant, value, Case.ANY if any(c.islower() for c in variant) else Case.WRITTEN)
            for variant in variants]


def _any_case(words: list[str], value: str) -> Phrases | None:
    return Phrases([(word, value, Case.ANY) for word in words], plural=True) if words else None


@dataclass(frozen=True, eq=False)  # one of a kind: compared and hashed by identity, as ``names_in`` remembers it
class Vocabulary:
    """One mention kind: its terms, and how a mention of it is framed."""

    kind: str
    anywhere: bool
    open_lists: bool
    numbered: bool  # a run of lines that open with a course number lists names of this kind
    as_written: bool
    heads: re.Pattern[str] | None  # a word that ends a name of this kind ("coders")
    lone_heads: re.Pattern[str] | None  # a head that is a name on its own ("coders", not "specialists")
    list_cues: Phrases | None
    terms: Phrases  # each variant standing for its term's canonical name
    named_before: re.Pattern[str] | None  # words a term names something else before ("a coding diploma")

    @per_text  # the vocabularies live as long as the module
    def names_in(self, text: str) -> tuple[str, ...]:
        """Names of the terms the text holds, longest first where matches overlap: each as the page writes it
        where the kind keeps names so, else the term's canonical name.

        A job title is never part of an organisation's or a credential's name ("American Academy of Professional
        Coders", "Certified Professional Coder"). Remembered per text like a finder (``pipeline.memo``): a site
        repeats passages from page to page.
        """
        hits = self.terms.find(text)
        if self.named_before and hits:
            hits = tuple(hit for hit in hits if not self.named_before.match(text, hit.end))
        if self.heads and hits:
            names = [(found.start, found.end) for found in (*find_organizations(text), *find_credentials(text))]
            hits = tuple(hit for hit in hits if not any(start <= hit.start < end for start, end in names))
        return tuple(text[hit.start:hit.end] if self.as_written else hit.value for hit in hits)

    def known(self, phrase: str) -> bool:
        """Whether the whole phrase is one of the vocabulary's terms."""
        return self.terms.whole(phrase) is not None

    def spelt(self, phrase: str) -> str:
        """The phrase, or where the kind does not keep names as written and the phrase wholly is a term spelt
        otherwise, the term's canonical name ("health information techs" -> "health information technician")."""
        name = None if self.as_written else self.terms.whole(phrase)
        return str(name) if name and name.lower() not in (phrase.lower(), phrase.lower()[:-1]) else phrase

    def headed(self, word: str) -> bool:
        """Whether the word is one that ends a name of this kind."""
        return bool(self.heads and self.heads.fullmatch(word))

    def vague(self, words: Sequence[str]) -> bool:
        """Whether the words are a head alone that names nothing on its own ("specialists", "a professional")."""
        return bool(self.lone_heads) and len(words) == 1 and not self.lone_heads.fullmatch(words[0])


def _load(kind: str, spec: dict) -> Vocabulary:
    heads = spec.get("heads")
    return Vocabulary(
        kind=kind,
        anywhere=spec["anywhere"],
        open_lists=spec["open_lists"],
        numbered=spec.get("numbered", False),
        as_written=spec["as_written"],
        heads=re.compile(rf"(?:{one_of(heads)})s?", re.IGNORECASE) if heads else None,
        lone_heads=re.compile(rf"(?:{one_of(spec['lone_heads'])})s?", re.IGNORECASE) if heads else None,
        list_cues=_any_case(spec.get("list_cues", []), kind),
        terms=Phrases([phrase for term in spec["terms"] for phrase in _phrases(term["variants"], term["name"])],
                      plural=True),
        named_before=re.compile(rf"\s+(?:{one_of(spec['named_before'])})\b", re.IGNORECASE)
        if "named_before" in spec else None,
    )


VOCABULARIES = tuple(_load(kind, spec) for kind, spec in _DATA["kinds"].items())
_NUMBERED = frozenset(vocabulary.kind for vocabulary in VOCABULARIES if vocabulary.numbered)
_JOB_TITLE = frozenset({"job_title"})
_JOB_TITLES = next(vocabulary for vocabulary in VOCABULARIES if vocabulary.kind == "job_title")


def _cues(*fields: str) -> Phrases:
    """The words of every kind in these fields, each standing for its kind, or with several fields for
    (kind, field)."""
    return Phrases([phrase for kind, spec in _DATA["kinds"].items() for field in fields
                    for phrase in _phrases(spec.get(field, []), (kind, field) if len(fields) > 1 else kind)],
                   plural=True)


# A passage's words that frame it (cues, context cues) and that name a role (roles, role_nouns): read in one pass.
_PASSAGE_WORDS = _cues(_CUE, _CONTEXT_CUE, _AFTER, _BEFORE)
_CONTEXT = _cues("context")
_HEADING_CUES = _cues("heading_cues")


@per_text
def _words(text: str) -> tuple[Hit, ...]:
    """The cue and role words of every kind that the text holds, overlapping ones too."""
    return tuple(_PASSAGE_WORDS.every(text))


@per_text
def _cue_hits(text: str, context: frozenset[str] = _NONE) -> tuple[tuple[str, int, int], ...]:
    """Where the text holds a cue word of a kind: (kind, start, end), in order. A context cue counts where its
    kind is among ``context`` (those whose context the headings above hold), or the text holds the kind's context
    before the list the cue opens ("programs teach A, B", not "the blog covers pay, outlook and courses")."""
    hits = []
    for hit in _words(text):
        kind, field = hit.value
        if field == _CONTEXT_CUE and _TAUGHT_TO.match(text, hit.end):
            continue
        if field == _CONTEXT_CUE and kind not in context:
            marker = _MARKERS.search(text, hit.start)
            if not any(found.value == kind for found in _CONTEXT.every(text[:marker.start()] if marker else text)):
                continue
        if field in (_CUE, _CONTEXT_CUE):
            hits.append((kind, hit.start, hit.end))
    return tuple(sorted(hits))


@per_text
def _framed(text: str, context: frozenset[str] = _NONE) -> frozenset[str]:
    """The kinds whose cue words frame the text."""
    return frozenset(kind for kind, _, _ in _cue_hits(text, context))


@per_text
def _awaits_context(text: str) -> bool:
    """Whether the text holds a context cue word, which a heading's context may make a cue."""
    return any(hit.value[1] == _CONTEXT_CUE for hit in _words(text))


@per_text
def _context(headings: tuple[str, ...]) -> frozenset[str]:
    """The kinds whose context words the headings hold."""
    return frozenset(hit.value for heading in headings for hit in _CONTEXT.every(heading))


@per_text
def _headed(heading: str) -> frozenset[str]:
    """The kinds a heading introduces."""
    return frozenset(hit.value for hit in _HEADING_CUES.every(heading))


def _clean_phrase(phrase: str) -> str:
    phrase = _OUTLINE_LABEL.sub("", _COURSE_CODE.sub("", phrase.strip()))
    phrase = _LEADER.sub("", _TRAILER.sub("", phrase))
    return _TRAILER.sub("", phrase).strip()


def _title_case(words: list[str]) -> bool:
    return all(word[0].isupper() or not word[0].isalpha() or word in _CONNECTORS for word in words)


def _title_like(phrase: str, vocabulary: Vocabulary, headless: bool = False) -> bool:
    """Whether a list entry reads as a name of this kind rather than a sentence.

    A name of a kind with heads ends with one ("Coding Auditor"), or in title case holds one before "of"
    ("Director of Coding"); in a list that is one of names for certain (``headless``) a name in title case
    needs none ("Historian").
    """
    bare = _PARENTHESIS.sub("", phrase)
    words = bare.split()
    if not words or re.search(r"[.!?$%]|(?<![\w-])\d", phrase) or not phrase[0].isalpha():
        return False
    if bare.lower() in _GENERIC or (len(words) == 1 and bare.isupper() and len(bare) <= 3
                                    and not vocabulary.known(bare)):
        return False  # "insurers", "OR"
    if words[0].lower() in _OPENERS or words[0].lower() in _BREAKS:
        return False  # "How to Become a Medical Biller", "from submission to appeal"
    title_case = _title_case(words)
    if vocabulary.heads and not (headless and title_case) and (not _ends_with_head(words, vocabulary, title_case)
                                                               or vocabulary.vague(words)):
        return False
    if vocabulary.heads and find_organizations(bare):
        return False  # "American Academy of Professional Coders"
    return len(words) <= (_TITLE_WORDS if title_case else _NAME_WORDS)


def _ends_with_head(words: list[str], vocabulary: Vocabulary, title_case: bool) -> bool:
    if vocabulary.headed(words[-1]):
        return True
    return title_case and any(vocabulary.headed(word) and following in ("of", "for")
                              for word, following in zip(words, words[1:], strict=False))


def _head_prefix(phrase: str, vocabulary: Vocabulary) -> str | None:
    """The words of a phrase up to the first run of head words ("medical coders in clinics" -> "medical coders")."""
    words = phrase.split()
    for index, word in enumerate(words[:_NAME_WORDS]):
        if vocabulary.headed(word):
            end = index + 1
            while end < len(words) and vocabulary.headed(words[end]):
                end += 1
            return None if vocabulary.vague(words[:end]) else " ".join(words[:end])
        if word.lower() in _NAME_STOPS or not _NAME_WORD.fullmatch(word):
            return None
    return None


def _head_names(phrase: str, vocabulary: Vocabulary) -> list[str]:
    """The names of a phrase in running text that joins them, each up to its head ("medical coders in clinics or
    billers"); a word alone before the joint shares the head after it ("billing and coding clerks")."""
    names, shared = [], ""
    parts = _JOINT.split(phrase)
    for part, joint in zip(parts[::2], [*parts[1::2], ""], strict=True):
        part = _LEADER.sub("", part)
        if name := _head_prefix(part, vocabulary):
            names.append(f"{shared}{name}")
            shared = ""
        elif joint and _modifier_word(part):
            shared = f"{part} {joint} "
        else:
            shared = ""
    return names


def _modifier_word(part: str) -> bool:
    """Whether a part of a joined phrase is one word that may qualify the head after the joint ("billing")."""
    word = part.lower()
    return bool(_NAME_WORD.fullmatch(part)) and word not in _GENERIC and word not in _NAME_STOPS


class _Named(NamedTuple):
    """The names one list entry gives, and whether the list may go on after it."""

    names: list[str]
    more: bool


def _entry_names(entry: str, vocabulary: Vocabulary, headless: bool, later: bool = False, prose: bool = True
                 ) -> _Named:
    """The names one list entry gives.

    An entry joining names ("coders or billers") gives each, else one that reads as a name gives it as
    written. In running text (``prose``) a name followed by more words ends the list: a clause ("..., plus a
    year of work"), or for a kind with heads whatever follows the head ("medical coders in clinics"); a list
    item or row that does not read as a name names nothing ("Assist coders with audits").
    """
    phrase = _clean_phrase(entry)
    parts = [_clean_phrase(part) for part in _CONJUNCTION.split(phrase)]
    joined = len(parts) > 1 and all(_title_like(part, vocabulary, headless) for part in parts)
    if joined and vocabulary.heads:  # a name ends at its head: "coders or billers" names two
        return _Named([vocabulary.spelt(part) for part in parts], True)
    if joined and _two_names(phrase, parts, vocabulary, later):
        return _Named(parts, True)
    if _title_like(phrase, vocabulary, headless):
        return _Named([vocabulary.spelt(phrase)], True)
    if not prose:
        return _Named([], False)
    if vocabulary.heads:
        return _Named([vocabulary.spelt(name) for name in _head_names(phrase, vocabulary)], False)
    if clause := _ENTRY_END.search(phrase):
        return _Named(_entry_names(phrase[:clause.start()], vocabulary, headless, later).names, False)
    return _Named([], False)


def _two_names(phrase: str, parts: list[str], vocabulary: Vocabulary, later: bool) -> bool:
    """Whether a phrase in running text joins names ("medical terminology and health insurance billing") rather
    than being one ("anatomy and physiology", "diagnostic and procedural coding", "Claims and Billing").

    After other entries of a list, a word may be a name of its own ("A, pharmacology and billing"), though not one
    in capitals, which waits for the noun after it as a modifier does ("ICD-10-PCS and CPT coding").
    """
    words = phrase.split()
    if _title_case(words) or words[0].lower() in _OPENERS or vocabulary.known(phrase):
        return False
    short = 0 if later else 1
    return all(len(part.split()) > short and not _MODIFIER.search(part) and not part.isupper()
               for part in parts[:-1]) and len(parts[-1].split()) > short


def _entries(text: str) -> list[str]:
    return [entry for entry in _SPLIT_LIST.split(text) if entry.strip()]


def _named_list(text: str, vocabulary: Vocabulary, headless: bool) -> tuple[list[str], str]:
    """The names a list opening the text gives, up to the first entry that names nothing, and the text they came
    from, with that entry where it may still hold terms of the vocabulary."""
    names: list[str] = []
    taken = []
    for entry in _entries(text):
        named = _entry_names(entry, vocabulary, headless, bool(names))
        if named.names or _may_hold_terms(entry):
            taken.append(entry)
        names += named.names
        if not (named.names and named.more):
            break
    return names, ",".join(taken)


def _may_hold_terms(entry: str) -> bool:
    """Whether an entry that names nothing may still hold terms: it opens no clause ("which is also known as ..."),
    nor with a word that opens one rather than a name ("its Coding Diploma", "the use of ...")."""
    words = _CONJUNCTION_LEADER.sub("", entry.strip()).split()
    return bool(words) and words[0].lower() not in _OPENERS and not _CLAUSE_OPENING.match(words[0])


def _markers(sentence: str, cues: Sequence[tuple[int, int]] | None) -> Iterator[tuple[re.Match[str], int]]:
    """Where lists begin in a sentence, each with where its entries start (a marker right after another hands
    the list on: "courses in subjects such as ..."). With ``cues`` (their spans), only lists that a cue word in or
    shortly before the marker governs, no comma between them ("the curriculum centers on skills, including ...").
    """
    position = 0
    while marker := _MARKERS.search(sentence, position):
        chain = [marker]
        while (following := _MARKERS.search(sentence, chain[-1].end())) and not _HANDS_ON.search(
                sentence[chain[-1].end():following.start()]):
            chain.append(following)
        position = chain[-1].end()
        if cues is None or any(_governs(sentence[end:link.start()]) for link in chain for cue_start, end in cues
                               if cue_start < link.end()):
            yield marker, position


def _governs(between: str) -> bool:
    """Whether a cue word and a list marker with this text between them belong together."""
    return not re.search(r"[,;.]", between) and len(between.split()) <= _CUE_REACH


@per_text
def _listed(sentence: str, vocabulary: Vocabulary, cues: tuple[tuple[int, int], ...] | None, headless: bool
            ) -> tuple[tuple[str, ...], bool]:
    """The names the lists of a sentence give (a list must name two, unless a naming marker opens it), and whether
    the sentence holds a list marker at all (remembered: a site repeats its sentences from page to page)."""
    names: list[str] = []
    marked = False
    for marker, start in _markers(sentence, cues):
        marked = True
        if marker.group("naming") and _after_credential(sentence[:marker.start()]):
            continue
        found, region = _named_list(sentence[start:], vocabulary, headless)
        if len(found) > 1 or (found and marker.group("naming")):
            names += found
        elif not vocabulary.heads:
            names += vocabulary.names_in(region)
    return tuple(names), marked


def _role_names(piece: _Piece, vocabulary: Vocabulary) -> list[str]:
    """Names of this kind a passage gives as what someone works as ("work as coders or billers", "a career as
    a remote coder"), or before a role word ("billing specialist roles")."""
    names = []
    for kind, side, start, end in piece.roles:
        if kind != vocabulary.kind:
            continue
        if side == _BEFORE:
            names += [name] if (name := _name_before(piece.text[:start], vocabulary)) else []
            continue
        after = piece.text[end:]
        if stop := _ROLE_BREAK.search(after):
            after = after[:stop.start()]
        if not _after_credential(piece.text[:start]):
            names += _named_list(_LEADER.sub("", after.strip()), vocabulary, False)[0]
    return names


def _after_credential(text: str) -> bool:
    """Whether the text ends by naming a credential, so that what follows names the credential rather than a
    title ("the CPC, also called Certified Professional Coder")."""
    hits = find_credentials(text)
    return bool(hits) and not re.search(r"\w", text[hits[-1].end:].replace("also", ""))


def _name_before(text: str, vocabulary: Vocabulary) -> str | None:
    """The name that ends the text, before a role word: one that ends in a head ("billing specialist roles"),
    or for a kind without heads capitalised words after an article ("the Professional Practice class")."""
    words = text.split()
    start = len(words)
    while start and len(words) - start < _NAME_WORDS and _NAME_WORD.fullmatch(words[start - 1]) \
            and words[start - 1].lower() not in _NAME_STOPS:
        start -= 1
    run = words[start:]
    if not run:
        return None
    if vocabulary.heads:
        return " ".join(run) if vocabulary.headed(run[-1]) and not vocabulary.vague(run) else None
    after_article = start > 0 and words[start - 1].lower() in _ARTICLES
    return " ".join(run) if after_article and all(word[0].isupper() for word in run) else None


def _row_entries(block: Block, vocabulary: Vocabulary) -> list[str]:
    """The entries a table row gives: the list its second cell holds where its first names this kind
    ("Alternate titles | A, B"), else its cell under a header naming this kind ("Course Title"), else its
    first cell that is neither a course number nor a figure."""
    if block.cells == block.header:
        return []
    cells = [(cell, header) for cell, header in zip(block.cells, block.header or [""] * len(block.cells), strict=False)
             if _clean_phrase(cell) and not _CODE_CELL.fullmatch(cell.strip())
             and not _FIGURE_CELL.fullmatch(cell.strip())]
    if len(cells) > 1 and vocabulary.kind in _headed(cells[0][0]):
        return _entries(cells[1][0])
    named = [cell for cell, header in cells if vocabulary.kind in _headed(header)]
    return named[:1] or [cell for cell, _ in cells[:1]]


class _Piece(NamedTuple):
    """A passage of a block: its text, the kinds its cue words frame it as, where those cues stand
    (kind, start, end), and where its role words do (kind, side, start, end)."""

    text: str
    cued: frozenset[str]
    cues: tuple[tuple[str, int, int], ...]
    roles: tuple[tuple[str, str, int, int], ...]


class _Frame(NamedTuple):
    """The kinds that frame a block: by the headings above it, by the page title among them, by its lead-in, by
    the label that opens it (a row "Similar occupations | A, B", a course number in a run of numbered lines, a
    ladder's step label).

    ``pieces`` are the block's passages; ``kinds`` are all the kinds that frame it or that its role words
    name together: others can only be named anywhere. ``named`` holds, for each kind
    whose terms count wherever they stand (``_ANYWHERE``), the (name, evidence) pairs the passages give.
    ``above`` are the texts of the headings, the table header and the lead-in, where a kind's list cues make
    its lists certain.
    """

    headings: frozenset[str]
    title: frozenset[str]
    lead_in: frozenset[str]
    label: frozenset[str]
    pieces: tuple[_Piece, ...]
    kinds: frozenset[str]
    named: Mapping[str, tuple[tuple[str, str], ...]]
    above: tuple[str, ...]


@per_text
def _under(headings: tuple[str, ...], title: str) -> tuple[frozenset[str], frozenset[str], bool]:
    """The kinds the headings above a block introduce, the page title apart, those the title does if among them,
    and whether they open a section about other occupations ("Similar Occupations").

    Remembered, like the passages: the blocks of a section share their headings, and sites repeat passages.
    """
    return (frozenset().union(*[_headed(heading) for heading in headings if heading != title]),
            _headed(title) if title in headings else _NONE, about_others(*headings))


_ANYWHERE = tuple(vocabulary for vocabulary in VOCABULARIES if vocabulary.anywhere and not vocabulary.open_lists)


def _piece(text: str, context: frozenset[str]) -> _Piece:
    return _Piece(text, _framed(text, context), _cue_hits(text, context),
                  tuple((*hit.value, hit.start, hit.end) for hit in _words(text) if hit.value[1] in (_AFTER, _BEFORE)))


class _Passages(NamedTuple):
    """A block's passages as read once for every block with its text: see ``_passages``."""

    pieces: tuple[_Piece, ...]
    kinds: frozenset[str]
    named: Mapping[str, tuple[tuple[str, str], ...]]
    awaits_context: bool


@per_text
def _passages(text: str, row: bool) -> _Passages:
    """A block's passages (a row is one, else its sentences), the kinds they cue or name role words of, the names
    they give of the kinds that count anywhere, and whether one holds a context cue word (read here once for every
    block with this text).
    """
    pieces = tuple([_piece(piece, _NONE) for piece in ((text,) if row else split_sentences(text))])
    named = {vocabulary.kind: tuple([(name, piece.text) for piece in pieces
                                     for name in vocabulary.names_in(piece.text)])
             for vocabulary in _ANYWHERE}
    return _Passages(pieces, _kinds(pieces), MappingProxyType(named),  # shared: read-only
                     any(_awaits_context(piece.text) for piece in pieces))


def _kinds(pieces: tuple[_Piece, ...]) -> frozenset[str]:
    """The kinds the passages cue or name role words of."""
    return frozenset().union(*[piece.cued for piece in pieces], [role[0] for piece in pieces for role in piece.roles])


def _frame(block: Block, headings: tuple[str, ...], lead_in: str | None, title: str, numbered: bool) -> _Frame:
    under_heading, under_title, others = _under(headings, title)
    if block.kind == "row" and block.header:
        under_heading = under_heading | _headed(" | ".join(block.header))
    if others:  # "Similar Occupations": other jobs than the page's, none of its titles
        under_heading = under_heading - _JOB_TITLE
    labelled = _headed(block.cells[0]) if block.kind == "row" and len(block.cells) > 1 else _NONE
    if numbered:
        labelled = labelled | _NUMBERED
    if block.kind == "heading" and not others and (_JOB_TITLE & under_heading or _JOB_TITLE & under_title) and (
            _ladder_step(block)):  # a ladder's step under a title or heading of job titles names one
        labelled = labelled | _JOB_TITLE
    lead_in = lead_in if block.kind in ("item", "heading") else None
    context = _context(headings) if lead_in and _awaits_context(lead_in) else _NONE
    led_in = _NONE if lead_in is None else _framed(lead_in, context) | (_headed(lead_in) if block.kind == "heading"
                                                                        else _NONE)
    pieces, cued, named, awaits_context = _passages(block.text, block.kind == "row")  # cued: or naming role words
    if awaits_context and (context := _context(headings)):  # its context cue words read as cues under these headings
        pieces = tuple(_piece(piece.text, context) for piece in pieces)
        cued = _kinds(pieces)
    above = (*headings, *block.header, lead_in) if led_in else (*headings, *block.header)
    return _Frame(under_heading, under_title, led_in, labelled, pieces,
                  under_heading.union(under_title, led_in, labelled, cued), named, above)


def _certain(texts: Sequence[str], vocabulary: Vocabulary) -> bool:
    """Whether the texts make a list one of names of this kind for certain."""
    return bool(vocabulary.list_cues) and any(vocabulary.list_cues.find(text) for text in texts)


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
    entry_block = (block.kind in ("item", "heading", "row") and (under_heading or led_in)
                   or vocabulary.kind in frame.label)
    framed_block = entry_block or (block.kind in ("row", "item", "heading") and (under_heading or under_title))
    found = []
    for piece in frame.pieces:
        names = _role_names(piece, vocabulary)
        framed = vocabulary.anywhere or framed_block or vocabulary.kind in piece.cued
        if framed or under_heading:
            cues = tuple((start, end) for kind, start, end in piece.cues if kind == vocabulary.kind)
            listed, marked = _piece_names(piece.text, block, entry_block, framed_block or under_heading, cues,
                                          _certain((*frame.above, piece.text), vocabulary), vocabulary)
            names += listed
            if framed and (vocabulary.heads or not marked):
                names += _beside(vocabulary.names_in(piece.text), names)
        found += [(name, piece.text) for name in names]
    return found


def _beside(terms: Sequence[str], names: list[str]) -> list[str]:
    """The terms that are not part of a name already found ("Coder" in "Certified Professional Coder")."""
    found = [name.lower() for name in names]
    return [term for term in terms if not any(term.lower() in name for name in found)]


def _piece_names(piece: str, block: Block, entry_block: bool, framed_block: bool, cues: tuple[tuple[int, int], ...],
                 certain: bool, vocabulary: Vocabulary) -> tuple[Sequence[str], bool]:
    """The names the lists of a passage give, if this kind takes lists, and whether it holds a list marker.

    An entry block (an item, row or subheading under a frame of this kind) is a list of its own; a sentence
    gives the lists its markers open, governed by one of its cue words unless the block is framed.
    """
    if not vocabulary.open_lists:
        return [], False
    if entry_block:
        entries = _row_entries(block, vocabulary) if block.kind == "row" else _item_entries(piece)
        names = _entries_names(tuple(entries), vocabulary, certain)
        return names, bool(names)
    return _listed(piece, vocabulary, None if framed_block else cues, certain)


@per_text
def _item_entries(text: str) -> tuple[str, ...]:
    """The entries a list item or subheading gives: its text, without a course number or outline label, up to a
    label's end ("Medical Terminology: the language of medicine"), split where it lists several; each of the
    course-numbered lines it runs together gives its own."""
    return tuple(entry for line in _course_lines(text) for entry in _entries(
        _LABEL_END.split(_OUTLINE_LABEL.sub("", _COURSE_CODE.sub("", line.strip())), maxsplit=1)[0]))


@per_text
def _course_lines(text: str) -> tuple[str, ...]:
    """The course-numbered lines a text that opens with a course number runs together, else the text alone."""
    return tuple(_NEXT_COURSE.split(text)) if _course_numbered(text) else (text,)


@per_text
def _entries_names(entries: tuple[str, ...], vocabulary: Vocabulary, headless: bool) -> tuple[str, ...]:
    """The names an entry block's entries give, each read as a whole (remembered: a site repeats its lists)."""
    return tuple(name for entry in entries for name in _entry_names(entry, vocabulary, headless, prose=False).names)


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


def _runs(blocks: list[Block]) -> dict[int, str]:
    """Headings that follow a heading of their level or a line ending in a colon, two or more in a row with
    nothing between, each with the text that leads them in: a list of short lines set as headings. The last
    of them opens a section of its own where text follows it ("Career Outlook" after a list of courses),
    unless it opens with a course number. A heading in the run that introduces a kind ("Curriculum" after
    "Total Credits: 64") leads the ones after it.
    """
    led: dict[int, str] = {}
    for index, opener in enumerate(blocks):
        if opener.kind == "paragraph" and opener.text.rstrip().endswith(":") or opener.kind == "heading":
            end = index + 1
            level = opener.level if opener.kind == "heading" else blocks[end].level if end < len(blocks) else 0
            while end < len(blocks) and blocks[end].kind == "heading" and blocks[end].level == level:
                end += 1
            if end < len(blocks) and not _course_numbered(blocks[end - 1].text):
                end -= 1  # a last line numbered as a course ("HIT 290 Practicum") is one of the list
            if end - index > 2 and index + 1 not in led:
                lead = opener.text
                for position in range(index + 1, end):
                    led[position] = lead
                    if _headed(blocks[position].text):
                        lead = blocks[position].text
    return led


def _numbered(blocks: list[Block]) -> frozenset[int]:
    """The blocks in a run of two or more in a row that each open with a course number ("HIT 101 Medical
    Terminology", "MBC-110 | Coding I | 3"): a list of courses, whatever heading it stands under. A lone
    numbered line lists nothing ("CMS 1500 Claim Form"), unless it runs three or more such lines together, as a
    page's line breaks leave them ("HIT 101 Medical Terminology HIT 110 Anatomy ...")."""
    opens = [False, *(_course_numbered(block.text) for block in blocks), False]
    return frozenset(index for index in range(len(blocks)) if opens[index + 1] and (
        opens[index] or opens[index + 2] or len(_course_lines(blocks[index].text)) >= _JOINED))


def _ladder_step(heading: Block) -> bool:
    """Whether a heading is a step of a ladder: a step label opens it ("Level 2: Coding Validator - $56,000"), or the
    heading right before it is a step label alone ("Step 5" above "Coding Educator")."""
    above = heading.headings[-1] if heading.headings else ""
    return _step_label(heading.text) == "opens" or _step_label(above) == "alone"


@per_text
def _step_label(heading: str) -> str | None:
    """Whether a step label opens the heading ("opens") or is all of it ("alone"); remembered, as sites repeat."""
    if not _STEP_WORDS.held_by(heading) or not (label := _STEP_LABEL.match(heading)):
        return None
    return "alone" if label.end() == len(heading) else "opens"


@per_text
def _course_numbered(text: str) -> bool:
    """Whether a line opens with a course number (remembered: a site repeats its lines from page to page)."""
    return bool(_COURSE_CODE.match(text))


def _posted_job(page: CleanPage) -> str | None:
    """The job a posting offers, as its title names it ("Outpatient Coder II - Remote"): on a page whose headings
    name two or more of a posting's sections ("Responsibilities", "Qualifications", "Benefits")."""
    sections = set().union(*[_posting_sections(block.text) for block in page.blocks if block.kind == "heading"])
    if len(sections) < 2:
        return None
    job = _TITLE_TAIL.sub("", page.title)
    named = _LEVEL.sub("", job)
    return job if _entries_names((named,), _JOB_TITLES, False) == (named,) else None


@per_text
def _posting_sections(heading: str) -> frozenset[str]:
    """The sections of a job posting a heading names, in lower case (remembered: a site repeats its headings)."""
    return frozenset(match.group().lower() for match in _POSTING_SECTION.finditer(heading.replace("’", "'")))


def extract_mentions(page: CleanPage) -> list[dict]:
    """One row per (kind, name) the page mentions, with the first passage naming it."""
    rows: dict[tuple[str, str], dict] = {}
    if job := _posted_job(page):
        rows[("job_title", job.lower())] = {"kind": "job_title", "name": job, "evidence": page.title}
    lead_in = None
    runs = _runs(page.blocks)
    numbered = _numbered(page.blocks)
    for index, (block, headings) in enumerate(_with_parents(page.blocks)):
        frame = _frame(block, headings, runs.get(index) if block.kind == "heading" else lead_in, page.title,
                       index in numbered)
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
