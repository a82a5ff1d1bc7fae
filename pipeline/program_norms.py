"""General statements about a kind of program: how long it takes and what it costs."""

from __future__ import annotations

import re

from pipeline.awards import award_near, find_awards
from pipeline.cues import Needs
from pipeline.datafiles import load
from pipeline.durations import Duration, find_durations
from pipeline.memo import per_text
from pipeline.money import find_money
from pipeline.organizations import find_organizations
from pipeline.page import Block, CleanPage
from pipeline.patterns import one_of, whole_words
from pipeline.programs import CITED, CITED_WORDS, program_fact, school_passages
from pipeline.statements import card_label, column_header, is_bare
from pipeline.tuition import program_costs
from pipeline.wages import WAGE

_DATA = load("program_norms")


_CUES = re.compile(whole_words(_DATA["cues"]), re.IGNORECASE)
_CUE_WORDS = Needs(whole=_DATA["cues"])
_LASTING = re.compile(whole_words(_DATA["lasting"]), re.IGNORECASE)
_LASTING_WORDS = Needs(whole=_DATA["lasting"])
_OFF_TOPIC = re.compile(whole_words(_DATA["off_topic"]), re.IGNORECASE)
_OFF_TOPIC_WORDS = Needs(whole=_DATA["off_topic"])
_EXAMS = re.compile(whole_words(_DATA["exams"]), re.IGNORECASE)
_EXAM_WORDS = Needs(whole=_DATA["exams"])
_PROGRAMS = one_of(_DATA["programs"])
_PROGRAM_AFTER = re.compile(  # "9-month online certificate", not "9 months to complete the program"
    rf"[\s-]+(?:(?!(?:to|of|in|for|and|or|the)\b)[\w’']+\s+){{0,3}}?(?:{_PROGRAMS})\b",
    re.IGNORECASE,
)
_PROGRAM_FOR = re.compile(  # "4 to 12 months for a certificate", "about two years for an associate degree"
    rf"\s+for\s+(?:(?:an?|the|most|many|some)\s+)?(?:[\w’'-]+\s+){{0,2}}?(?:{_PROGRAMS})\b", re.IGNORECASE)
_JOINER = re.compile(rf"\s*(?:{one_of(_DATA['joiners'])})\s*", re.IGNORECASE)
_LABEL = re.compile(r"^[\w'’ /&-]{3,40}:")  # "Billing programs: 6 to 12 months"
_PROGRAM_WORD = re.compile(whole_words(_DATA["programs"]), re.IGNORECASE)
_PART_AFTER = re.compile(  # "a 6-week externship", "12 months of access", "8 weeks per module"
    rf"[\s-]+(?:(?:of|a|an|the|for)\s+)?(?:[\w’'-]+\s+)??(?:{one_of(_DATA['parts'])})\b"
    rf"|[\s-]+(?:per|each|every|a)\s+(?:{one_of(_DATA['divisions'])})\b", re.IGNORECASE
)
_BETWEEN = r"(?:(?!(?:a|an|the|of|for|to|in|and|or|that|which|you|your)\b)[\w’'-]+\s+)"  # words inside a name
_OWN_PROGRAM = re.compile(
    rf"\b(?i:(?:this|our)\s+{_BETWEEN}{{0,4}}?(?:{_PROGRAMS}))\b"  # "this program", "our online certificate"
    r"|\b(?i:the)\s+(?:[A-Z][\w’'-]*\s+)+(?:Program|Programme|Certificate|Diploma|Degree|Course)\b"  # its name
)
_THE_PROGRAM = re.compile(rf"\bthe\s+(?P<between>{_BETWEEN}{{0,4}}?)(?:{one_of(_DATA['specific'])})\b", re.IGNORECASE)
_GENERIC = re.compile(whole_words(_DATA["generic"]), re.IGNORECASE)
_UPPER_BOUND = re.compile(rf"\b(?:{one_of(_DATA['upper_bounds'])})\s+(?:(?:about|around|roughly)\s+)?$",
                          re.IGNORECASE)
_PROVIDER = re.compile(rf"['’]s\b|\s+(?:{one_of(_DATA['providers'])})\b")


@per_text
def _on_programs(text: str) -> bool:
    """Whether the text speaks of programs or training (remembered: a heading frames all the passages under it)."""
    return _CUE_WORDS.held_by(text) and bool(_CUES.search(text))


@per_text
def _pay_column(header: str) -> bool:
    """Whether a table's column header names pay ("2023 Median Pay"), remembered as the rows under it ask in turn."""
    return bool(WAGE.search(header))


def _lengths(sentence: str) -> list[Duration]:
    """Calendar lengths in the sentence (not the "a year" of "$48,000 a year"), joined ones made one range."""
    found: list[Duration] = []
    amounts = find_money(sentence)
    for duration in find_durations(sentence):
        if duration.hours is not None or any(m.start < duration.end and duration.start < m.end for m in amounts):
            continue
        last = found[-1] if found else None
        if last and _JOINER.fullmatch(sentence, last.end, duration.start):
            found[-1] = Duration(last.months_min, duration.months_max, None, last.start, duration.end)
        else:
            found.append(duration)
    return found


def _heading_award(heading: str) -> str | None:
    """The one kind of award a heading names ("Associate Degrees", "How Much Does a Certificate Cost?"), if one."""
    kinds = {award.kind for award in find_awards(heading)}
    return kinds.pop() if len(kinds) == 1 else None


def _norms(sentence: str, block: Block) -> list[dict]:
    """The lengths and costs a sentence, list item or table row of ``block`` gives for programs; one that names no
    award is of the award its section's heading names."""
    header, heading = " ".join(block.header), block.heading or ""
    rows = []
    label = _LABEL.match(sentence)
    lasting = bool(any(_LASTING_WORDS.held_by(text) and _LASTING.search(text) for text in (sentence, header))
                   or (label and (_PROGRAM_WORD.search(label.group()) or find_awards(label.group()))))
    for length in [] if _EXAM_WORDS.held_by(sentence) and _EXAMS.search(sentence) else _lengths(sentence):
        if _PART_AFTER.match(sentence, length.end):
            continue
        program = _PROGRAM_AFTER.match(sentence, length.end) or _PROGRAM_FOR.match(sentence, length.end)
        if program:  # "a two-year associate degree", "9 months for a certificate": the award the length is of
            award = next((a.kind for a in find_awards(program.group())), None)
        elif lasting:
            award = award_near(sentence, length.start, length.end)
        else:
            continue
        rows.append({"credential_awarded": award or _heading_award(heading),
                     "duration_months_min": length.months_min, "duration_months_max": length.months_max,
                     "cost_usd_min": None, "cost_usd_max": None, "evidence": sentence})
    for cost in program_costs(sentence):
        if sentence == block.text and _pay_column(column_header(block, cost.start)):
            continue  # a table's pay column ("2023 Median Pay"): what an occupation earns, not what a program costs
        bounded = cost.high is None and _UPPER_BOUND.search(sentence, max(0, cost.start - 30), cost.start)
        rows.append({"credential_awarded": award_near(sentence, cost.start, cost.end) or _heading_award(heading),
                     "duration_months_min": None, "duration_months_max": None,
                     "cost_usd_min": None if bounded else cost.low, "cost_usd_max": cost.high or cost.low,
                     "evidence": sentence})
    return rows


def _one_program(sentence: str, schools_named: bool) -> bool:
    """Whether the sentence speaks of one program rather than of programs in general.

    "This course", "our certificate", "the MCC Program" or an organisation's own course ("AAPC's course",
    "AHIMA offers a course") is one program, and so is "the program" on a page that names a school; "the
    typical program" is not, nor is one a source reports a figure for ("NHA reported that ... the course").
    """
    if CITED_WORDS.held_by(sentence) and CITED.search(sentence):
        return False
    if _OWN_PROGRAM.search(sentence) or (schools_named and any(
            not _GENERIC.search(match.group("between")) for match in _THE_PROGRAM.finditer(sentence))):
        return True
    return any(org.kind == "issuer" and _PROVIDER.match(sentence, org.end) for org in find_organizations(sentence))


def _general(sentence: str, block: Block, schools_named: bool) -> bool:
    """Whether a sentence about programs speaks of them in general: not of something else, nor of one program.

    One program's are a line of its fact box ("Length: 12 months", or a card "Tuition" above "$3,450") and an
    answer under "How long is the program?" that names no program of its own.
    """
    return not (_OFF_TOPIC_WORDS.held_by(sentence) and _OFF_TOPIC.search(sentence) or program_fact(block, sentence)
                or _fact_card(block, sentence) or _one_program(sentence, schools_named)
                or (_one_program(block.heading or "", schools_named) and not _PROGRAM_WORD.search(sentence)))


def _fact_card(block: Block, sentence: str) -> bool:
    """Whether a figure alone stands under a heading that labels one program's fact, as a card "Tuition" above
    "$3,450" does: a line of its fact box set out as a card."""
    return bool(block.heading) and block.kind != "row" and is_bare(sentence) and program_fact(
        block, f"{block.heading}: {sentence}")


def extract_program_norms(page: CleanPage) -> list[dict]:
    """One row per length or cost a sentence gives for programs in general (not a named school's, nor one program's).

    The sentence, the one before it, the heading above it or a table row's header must speak of programs
    or training, so that an answer ("It can take 9 months to 2 years.") counts under its question.
    """
    rows: list[dict] = []
    about_schools = school_passages(page)
    for index, block in enumerate(page.blocks):
        passages = [block.text] if block.kind in ("heading", "row") else block.sentences()
        if label := card_label(page.blocks, index):  # a card "9-12 months" / "Typical Training"
            passages = [f"{label}: {block.text}"]
        header = " ".join(block.header)
        for before, sentence in zip(["", *passages], passages, strict=False):
            if not (find_durations(sentence) or find_money(sentence)):
                continue  # no length or cost to read
            # Programs first: few sentences speak of them, and the answer is remembered for the sentence after.
            if not (_on_programs(sentence) or _on_programs(before) or _on_programs(block.heading or "")
                    or _on_programs(header)):
                continue
            if sentence not in about_schools and _general(sentence, block, bool(about_schools)):
                rows += [row for row in _norms(sentence, block) if row not in rows]
    return rows
