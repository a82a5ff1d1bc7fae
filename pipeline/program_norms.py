"""General statements about a kind of program: how long it takes and what it costs."""

from __future__ import annotations

import re

from pipeline.awards import award_near, find_awards
from pipeline.datafiles import load
from pipeline.durations import Duration, find_durations
from pipeline.memo import per_text
from pipeline.money import find_money
from pipeline.page import CleanPage
from pipeline.patterns import one_of, whole_words
from pipeline.programs import school_passages
from pipeline.tuition import program_costs

_DATA = load("program_norms")


_CUES = re.compile(whole_words(_DATA["cues"]), re.IGNORECASE)
_LASTING = re.compile(whole_words(_DATA["lasting"]), re.IGNORECASE)
_OFF_TOPIC = re.compile(whole_words(_DATA["off_topic"]), re.IGNORECASE)
_EXAMS = re.compile(whole_words(_DATA["exams"]), re.IGNORECASE)
_PROGRAMS = one_of(_DATA["programs"])
_PROGRAM_AFTER = re.compile(  # "9-month online certificate", not "9 months to complete the program"
    rf"[\s-]+(?:(?!(?:to|of|in|for|and|or|the)\b)[\w’']+\s+){{0,3}}?(?:{_PROGRAMS})\b",
    re.IGNORECASE,
)
_JOINER = re.compile(rf"\s*(?:{one_of(_DATA['joiners'])})\s*", re.IGNORECASE)


@per_text
def _on_programs(text: str) -> bool:
    """Whether the text speaks of programs or training (remembered: a heading frames all the passages under it)."""
    return bool(_CUES.search(text))


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


def _norms(sentence: str) -> list[dict]:
    rows = []
    lasting = bool(_LASTING.search(sentence))
    for length in [] if _EXAMS.search(sentence) else _lengths(sentence):
        program = _PROGRAM_AFTER.match(sentence, length.end)
        if program:  # "a two-year associate degree": the award is the one the length qualifies
            award = next((a.kind for a in find_awards(program.group())), None)
        elif lasting:
            award = award_near(sentence, length.start, length.end)
        else:
            continue
        rows.append({"credential_awarded": award,
                     "duration_months_min": length.months_min, "duration_months_max": length.months_max,
                     "cost_usd_min": None, "cost_usd_max": None, "evidence": sentence})
    for cost in program_costs(sentence):
        rows.append({"credential_awarded": award_near(sentence, cost.start, cost.end),
                     "duration_months_min": None, "duration_months_max": None,
                     "cost_usd_min": cost.low, "cost_usd_max": cost.high or cost.low, "evidence": sentence})
    return rows


def extract_program_norms(page: CleanPage) -> list[dict]:
    """One row per length or cost a sentence gives for programs in general (not a named school's).

    The sentence, the one before it or the heading above it must speak of programs or training,
    so that an answer ("It can take 9 months to 2 years.") counts under its question.
    """
    rows: list[dict] = []
    about_schools = school_passages(page)
    for block in page.blocks:
        passages = [block.text] if block.kind in ("heading", "row") else block.sentences()
        for before, sentence in zip(["", *passages], passages, strict=False):
            if not (find_durations(sentence) or find_money(sentence)):
                continue  # no length or cost to read
            # Programs first: few sentences speak of them, and the answer is remembered for the sentence after.
            if not (_on_programs(sentence) or _on_programs(before) or _on_programs(block.heading or "")):
                continue
            if sentence not in about_schools and not _OFF_TOPIC.search(sentence):
                rows += [row for row in _norms(sentence) if row not in rows]
    return rows
