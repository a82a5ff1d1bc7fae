"""Programs of named schools: who offers them, what they award and cost, who accredits them."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from pipeline.awards import find_awards
from pipeline.credentials import find_credentials
from pipeline.cues import Needs
from pipeline.datafiles import load
from pipeline.durations import find_durations
from pipeline.institutions import Institution, defined_acronyms, find_institutions
from pipeline.memo import per_page, per_text
from pipeline.numbers import NUMBER_TEXT, parse_number
from pipeline.organizations import ACCREDITS, find_organizations
from pipeline.page import Block, CleanPage
from pipeline.patterns import one_of, whole_words
from pipeline.tuition import program_costs

_DATA = load("programs")
# accreditors of schools and of programs; those of certifications accredit the credential a program prepares for
_PROGRAM_ACCREDITORS = frozenset(acronym for acronym, what in ACCREDITS.items() if what in ("schools", "programs"))

_CUES = re.compile(whole_words(_DATA["cues"]), re.IGNORECASE)
_CUE_WORDS = Needs(whole=_DATA["cues"])
_ASIDES = re.compile(whole_words(_DATA["asides"]), re.IGNORECASE)
_ASIDE_WORDS = Needs(whole=_DATA["asides"])
_ONLINE = re.compile(whole_words(_DATA["online"]), re.IGNORECASE)
_CAMPUS = re.compile(whole_words(_DATA["campus"]), re.IGNORECASE)
_DELIVERY_WORDS = Needs(whole=[*_DATA["online"], *_DATA["campus"]])
_BACK_REFERENCE = re.compile(whole_words(_DATA["back_references"]), re.IGNORECASE)
_BACK_REFERENCE_WORDS = Needs(whole=_DATA["back_references"])
_THE_SCHOOL = re.compile(whole_words(_DATA["the_school"]), re.IGNORECASE)
_THE_SCHOOL_WORDS = Needs(whole=_DATA["the_school"])
_GENERAL = re.compile(whole_words(_DATA["general"]), re.IGNORECASE)
_GENERAL_WORDS = Needs(whole=_DATA["general"])
CITED = re.compile(whole_words(_DATA["cited"]), re.IGNORECASE)
CITED_WORDS = Needs(whole=_DATA["cited"])
_PLACES = r"(?:programs?|courses?|schools?|colleges?)"  # what other programs are spoken of as
_OTHER_PROGRAMS = re.compile(
    rf"\b(?:{one_of(_DATA['other_programs'])})\s+(?:[\w'’-]+\s+){{0,3}}?{_PLACES}\b"
    r"|^(?:[\w'’-]+\s+){0,2}(?:programs|courses|schools|colleges)\b", re.IGNORECASE
)
_FACT_LABEL = re.compile(r"^(?P<label>[\w'’ /&-]{3,40}):")
_FACT_WORDS = re.compile(whole_words(_DATA["fact_labels"]), re.IGNORECASE)
_GENERAL_LABEL = re.compile(whole_words(_DATA["general_labels"]), re.IGNORECASE)
_NOT_LENGTH_BEFORE = re.compile(rf"{whole_words(_DATA['not_lengths_before'])}\s*$", re.IGNORECASE)
_NOT_LENGTH_AFTER = re.compile(rf"\s*{whole_words(_DATA['not_lengths_after'])}", re.IGNORECASE)
_BEFORE_LENGTH = 20  # characters before a length read for the words that make it something else
_CREDIT_UNITS = one_of(_DATA["credits"])
_CREDITS = re.compile(  # "60 credits", "Credit hours: 60"
    rf"(?P<number>{NUMBER_TEXT})[\s-]+(?:{_CREDIT_UNITS})\b|\b(?:{_CREDIT_UNITS})\s*:\s*(?P<label>{NUMBER_TEXT})",
    re.IGNORECASE,
)
_CREDIT_WORDS = Needs(whole=_DATA["credits"])  # every count of credits names its unit
_LABEL = re.compile(r"^[\w\s/&-]{3,30}:")
_CARD_LINE_WORDS = 12  # a line of a school's card or ranking entry ("Certificate · Online · $3,295"), not prose
_DESCRIBED = ("credential_awarded", "online", "cost_usd", "credits", "duration_months", "prepares_for")


def _delivery(text: str) -> int | None:
    """1 when the text offers the program online, 0 when in person only, else None."""
    if not _DELIVERY_WORDS.held_by(text):
        return None
    if _ONLINE.search(text):
        return 1
    return 0 if _CAMPUS.search(text) else None


def _credits(text: str) -> float | None:
    match = _CREDITS.search(text) if _CREDIT_WORDS.held_by(text) else None
    return parse_number(match.group("number") or match.group("label")) if match else None


def _months(text: str) -> float | None:
    """The first length of time in the text that can be a program's: not an age, experience, or how often."""
    spans = [d for d in find_durations(text) if d.hours is None
             and not _NOT_LENGTH_BEFORE.search(text, max(0, d.start - _BEFORE_LENGTH), d.start)
             and not _NOT_LENGTH_AFTER.match(text, d.end)]
    return (spans[0].months_max or spans[0].months_min) if spans else None


def _accreditors(text: str) -> list[str]:
    """Accreditors the text names, except those named after a credential or its issuer, which accredit that.

    "The CBCS exam is accredited by NCCA" names the credential's accreditor; "The program is accredited
    by CAHIIM and prepares you for the CCA" the program's.
    """
    organizations = find_organizations(text)
    credited = [hit.start for hit in find_credentials(text)] + [o.start for o in organizations if o.kind == "issuer"]
    first = min(credited, default=len(text))
    return list(dict.fromkeys(o.acronym for o in organizations
                              if o.acronym in _PROGRAM_ACCREDITORS and o.start < first))


def describe(text: str) -> dict:
    """The program attributes a passage states (None where it states none), in a dict of the caller's own."""
    facts = dict(_description(text))
    facts["accreditors"] = list(facts["accreditors"])
    return facts


@per_text
def _description(text: str) -> Mapping[str, object]:
    """``describe``'s reading, remembered per text like a finder's and so read-only."""
    awards = find_awards(text)
    costs = program_costs(text)
    credentials = find_credentials(text)
    return MappingProxyType({
        "credential_awarded": awards[0].kind if awards else None,
        "accreditors": tuple(_accreditors(text)),
        "online": _delivery(text),
        "cost_usd": costs[0].low if costs else None,
        "credits": _credits(text),
        "duration_months": _months(text),
        "prepares_for": credentials[0].code if credentials else None,
    })


def _fill(row: dict, facts: dict) -> None:
    """Add to a program row what a later passage about the same program states: nothing where it names another
    award ("Learn more about the associate degree, which prepares graduates for the RHIT" after a certificate)."""
    if None not in (row["credential_awarded"], facts["credential_awarded"]) and (
            row["credential_awarded"] != facts["credential_awarded"]):
        return
    row["accreditors"] = list(dict.fromkeys(row["accreditors"] + facts["accreditors"]))
    for key in _DESCRIBED:
        if row[key] is None:
            row[key] = facts[key]


def _fill_from_list(row: dict, heading: str) -> None:
    """Add what the heading over a list or ranking of schools says of all their programs: the award and delivery."""
    facts = _description(heading)
    for key in ("credential_awarded", "online"):
        if row[key] is None:
            row[key] = facts[key]


def _list_heading(block: Block) -> bool:
    """Whether a block stands under a heading over a list of schools ("Top 10 Online Bachelor's Programs"), not
    right after another entry's heading ("MedSkills Academy — online" before "Oakhurst University — Columbus, OH")."""
    return bool(block.heading) and not find_institutions(block.heading)


def _agrees(row: dict, facts: dict) -> bool:
    """Whether a passage can speak of the same program as a row: no other award or cost."""
    return all(row[key] is None or facts[key] is None or row[key] == facts[key]
               for key in ("credential_awarded", "cost_usd"))


def _about_programs(text: str, block: Block, schools: list[Institution], only: str | None = None) -> bool:
    """Whether a passage naming schools speaks of what they teach, rather than in passing.

    On a page that names one school only, any passage naming it does, unless it names it for another reason.
    """
    if block.kind == "heading":
        return True
    if _ASIDE_WORDS.held_by(text) and _ASIDES.search(text):
        return False
    if _entry_title(text, schools):
        return True
    return (only is not None and all(school.name == only for school in schools)) or any(
        _CUE_WORDS.held_by(context) and _CUES.search(context) for context in (text, *block.headings, *block.header))


def _passages(block: Block) -> list[str]:
    return [block.text] if block.kind in ("heading", "row") else block.sentences()


def _reaches(owner: Block, block: Block, facts: dict, owned: list[Institution]) -> bool:
    """Whether a block without a school of its own still describes the program named last.

    A school named in a heading owns its section (up to the next heading of its level or above);
    one named in a list item or table row owns the items or rows and label lines ("Accreditation:
    HLC") after it; one named in a paragraph the rest of that paragraph and the label lines and
    label and value rows right after it ("Length | 18 months"); and one named in a paragraph of little
    else (a ranking line, a card's title) the short lines of its entry too ("Certificate · Online").
    """
    label = block.kind != "row" and (bool(_LABEL.match(block.text)) or (
        block.kind == "heading" and bool(facts["accreditors"])))
    if owner.kind == "heading":
        return block.kind != "heading" or label or block.level > owner.level
    if owner.kind in ("item", "row"):
        return block.kind in ("item", "row") or label or (owner.kind == "item" and _program_line(owner, owned, block))
    if label or (block.kind == "row" and len(block.cells) == 2 and not block.header):
        return True
    return _entry_title(owner.text, owned) and block.kind in ("paragraph", "item") and _card_line(block.text)


def _program_line(owner: Block, owned: list[Institution], block: Block) -> bool:
    """Whether a block is the line under a ranking entry's school that names its program's award."""
    return (block.kind != "row" and _card_line(block.text) and _entry_title(owner.text, owned)
            and bool(find_awards(block.text)))


def _entry_title(text: str, schools: list[Institution]) -> bool:
    """Whether a text is a school's name and little else: an entry of a list or a ranking, a card's title."""
    return sum(school.end - school.start for school in schools) * 2 >= len(text.strip(" .:;"))


def _card_line(text: str) -> bool:
    """Whether a line is short and not a sentence, as the lines of a card are."""
    words = text.split()
    return len(words) <= _CARD_LINE_WORDS and not text.rstrip().endswith((".", "?", "!"))


@per_page
def _read(page: CleanPage) -> list[tuple[str, dict | None, bool]]:
    """Each passage with the program row it describes (None if none), and whether it opens that row."""
    return list(_reading(page))


def _reading(page: CleanPage) -> Iterator[tuple[str, dict | None, bool]]:
    """The passages of ``_read`` one by one (those that wait for the page's only school, at the end).

    A passage naming a school whose program is already on record, with no other award or cost,
    adds to that row rather than opening another; so does one that speaks again of "the program".
    On a page that names one school only, a passage that speaks of "the program" or "the college", of
    the program's accreditation, or a line of its fact box ("Length: 12 months") describes that school's
    even before the school is named.
    """
    acronyms = defined_acronyms(block.text for block in page.blocks)
    blocks = [(block, [(passage, find_institutions(passage, acronyms)) for passage in _passages(block)])
              for block in page.blocks]
    only = _only_school(blocks)
    opened: list[dict] = []
    waiting: list[str] = []  # passages that describe the only school's program if it is named
    subject: dict | None = None
    last: dict | None = None  # the program named last
    owner, owned = Block("paragraph", ""), []  # the block that named the subject's school, and its schools
    for block, passages in blocks:
        opening = subject
        for passage, schools in passages:
            last = subject or last
            # only a passage after a program, or on a page of one school, has a program to refer back to
            back = not schools and (last is not None or only is not None) and _refers_back(
                passage, only is not None or opening is not None)
            if not schools and subject is None and not (back and last is not None):
                if only and (back or _accredits(passage) or program_fact(block, passage)):
                    waiting.append(passage)
                else:
                    yield passage, None, False
                continue
            names = list(dict.fromkeys(school.name for school in schools))
            facts = describe(passage)
            if not schools and _general(passage):  # "look for programs accredited by CAHIIM"
                facts["accreditors"] = []
            continuing = subject is not None and (subject is not opening or _reaches(owner, block, facts, owned)) and (
                schools or not _OTHER_PROGRAMS.search(passage))
            if back and not continuing:
                subject, owner, owned, continuing = last, block, [], True
            if names and _about_programs(passage, block, schools, only) and not (
                    continuing and names == [subject["institution"]]):
                owner, owned = block, schools
                for name in names:
                    subject = next((row for row in opened if row["institution"] == name and _agrees(row, facts)), None)
                    if subject:
                        _fill(subject, facts)
                        yield passage, subject, False
                    else:
                        subject = {"institution": name, **facts, "evidence": passage}
                        if _list_heading(block) and _entry_title(passage, schools):
                            _fill_from_list(subject, block.heading)
                        opened.append(subject)
                        yield passage, subject, True
            elif not continuing:
                subject = None
                if only and _accredits(passage):
                    waiting.append(passage)
                else:
                    yield passage, None, False
            elif facts["cost_usd"] and subject["cost_usd"] not in (None, facts["cost_usd"]):
                subject = {**subject, "cost_usd": facts["cost_usd"], "evidence": passage}
                opened.append(subject)
                yield passage, subject, True
            else:
                _fill(subject, facts)
                yield passage, subject, False
    rows = [row for row in opened if row["institution"] == only]
    for passage in waiting:
        for row in rows:
            _fill(row, describe(passage))
        yield passage, rows[0] if rows else None, False


def _only_school(blocks: list[tuple[Block, list[tuple[str, list[Institution]]]]]) -> str | None:
    """The school a page's passages (with the schools each names) name, if they name one only."""
    names = {school.name for _, passages in blocks for _, schools in passages for school in schools}
    return names.pop() if len(names) == 1 else None


@per_text
def _refers_back(passage: str, school_at_hand: bool) -> bool:
    """Whether a passage speaks again of "the program", or of "the college" where one is at hand.

    A school is at hand on a page that names one only, and in the block after one that spoke of a school
    (the description after a ranking line). A passage that reports a source's figure speaks of programs in
    general ("NHA reported that ... the program").
    """
    back = _BACK_REFERENCE_WORDS.held_by(passage) and _BACK_REFERENCE.search(passage)
    school = school_at_hand and _THE_SCHOOL_WORDS.held_by(passage) and _THE_SCHOOL.search(passage)
    return bool(back or school) and not (CITED_WORDS.held_by(passage) and CITED.search(passage))


def program_fact(block: Block, passage: str) -> bool:
    """Whether a passage is a line of one program's fact box: "Length: 12 months", a row "Tuition | $4,350"."""
    if block.kind == "row":
        return len(block.cells) == 2 and not block.header and _fact_label(block.cells[0])
    return _labelled_fact(passage)


@per_text
def _labelled_fact(passage: str) -> bool:
    """Whether a passage opens with the label of a fact box's line ("Length: 12 months")."""
    match = _FACT_LABEL.match(passage)
    return match is not None and _fact_label(match.group("label"))


def _fact_label(label: str) -> bool:
    """Whether a label names one of a program's facts ("Length", "Tuition"): not a general one, nor an award."""
    return bool(label and _FACT_WORDS.search(label) and not _GENERAL_LABEL.search(label) and not find_awards(label))


def _accredits(passage: str) -> bool:
    """Whether a passage names an accreditor of a program rather than in general ("look for ... accredited by")."""
    named = any(org.acronym in _PROGRAM_ACCREDITORS for org in find_organizations(passage))  # seldom: read first
    return named and bool(_accreditors(passage)) and not _general(passage)


def _general(passage: str) -> bool:
    """Whether a passage speaks of programs in general ("look for programs accredited by ...")."""
    return _GENERAL_WORDS.held_by(passage) and bool(_GENERAL.search(passage))


def extract_programs(page: CleanPage) -> list[dict]:
    """One row per passage naming a school's program, plus one per further cost the page gives for it."""
    # fresh rows: the reading is remembered for school_passages
    return [{**row, "accreditors": [*row["accreditors"]]} for _, row, opens in _read(page) if opens]


def school_passages(page: CleanPage) -> set[str]:
    """The passages of the page that speak of a named school's program."""
    return {passage for passage, row, _ in _read(page) if row is not None}
