"""Programs of named schools: who offers them, what they award and cost, who accredits them."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from pipeline.awards import find_awards
from pipeline.credentials import find_credentials
from pipeline.durations import find_durations
from pipeline.institutions import Institution, defined_acronyms, find_institutions
from pipeline.numbers import NUMBER_TEXT, parse_number
from pipeline.organizations import find_organizations
from pipeline.page import Block, CleanPage
from pipeline.tuition import program_costs

_DATA = tomllib.loads((Path(__file__).parent / "data" / "programs.toml").read_text(encoding="utf-8"))


def _words(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


_CUES = _words(_DATA["cues"])
_ONLINE = _words(_DATA["online"])
_CAMPUS = _words(_DATA["campus"])
_CREDITS = re.compile(
    rf"(?P<number>{NUMBER_TEXT})[\s-]+(?:{'|'.join(sorted(_DATA['credits'], key=len, reverse=True))})\b",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^[\w\s/&-]{3,30}:")
_DESCRIBED = ("credential_awarded", "online", "cost_usd", "credits", "duration_months", "prepares_for")


def _delivery(text: str) -> int | None:
    """1 when the text offers the program online, 0 when in person only, else None."""
    if _ONLINE.search(text):
        return 1
    return 0 if _CAMPUS.search(text) else None


def _credits(text: str) -> float | None:
    match = _CREDITS.search(text)
    return parse_number(match.group("number")) if match else None


def _months(text: str) -> float | None:
    spans = [d for d in find_durations(text) if d.hours is None]
    return (spans[0].months_max or spans[0].months_min) if spans else None


def _accreditors(text: str) -> list[str]:
    """Accreditors the text names, unless it is about a credential or its issuer instead."""
    organizations = find_organizations(text)
    if find_credentials(text) or any(o.kind == "issuer" for o in organizations):
        return []
    return list(dict.fromkeys(o.acronym for o in organizations if o.kind == "accreditor"))


def describe(text: str) -> dict:
    """The program attributes a passage states (None where it states none)."""
    awards = find_awards(text)
    costs = program_costs(text)
    credentials = find_credentials(text)
    return {
        "credential_awarded": awards[0].kind if awards else None,
        "accreditors": _accreditors(text),
        "online": _delivery(text),
        "cost_usd": costs[0].low if costs else None,
        "credits": _credits(text),
        "duration_months": _months(text),
        "prepares_for": credentials[0].code if credentials else None,
    }


def _fill(row: dict, facts: dict) -> None:
    """Add to a program row what a later passage about the same program states."""
    row["accreditors"] = list(dict.fromkeys(row["accreditors"] + facts["accreditors"]))
    for key in _DESCRIBED:
        if row[key] is None:
            row[key] = facts[key]


def _about_programs(text: str, block: Block, schools: list[Institution]) -> bool:
    """Whether a passage naming schools speaks of what they teach, rather than in passing."""
    if block.kind == "heading":
        return True
    named = sum(school.end - school.start for school in schools)
    if block.kind in ("item", "row") and named * 2 >= len(text.strip(" .:;")):
        return True
    return bool(_CUES.search(text) or any(_CUES.search(h) for h in block.headings))


def _passages(block: Block) -> list[str]:
    return [block.text] if block.kind in ("heading", "row") else block.sentences()


def _reaches(owner: str, block: Block, facts: dict) -> bool:
    """Whether a block without a school of its own still describes the program named last.

    A school named in a heading owns its section; one named in a list item or table row owns the
    items or rows and label lines ("Accreditation: HLC") after it; one named in a paragraph only
    the rest of that paragraph.
    """
    label = block.kind == "heading" and (bool(_LABEL.match(block.text)) or bool(facts["accreditors"]))
    if owner == "heading":
        return block.kind != "heading" or label
    if owner in ("item", "row"):
        return block.kind in ("item", "row") or label
    return False


def extract_programs(page: CleanPage) -> list[dict]:
    """One row per passage naming a school's program, plus one per further cost the page gives for it."""
    acronyms = defined_acronyms(page.text)
    rows: list[dict] = []
    subject: dict | None = None
    owner = ""
    for block in page.blocks:
        opening = subject
        for passage in _passages(block):
            schools = find_institutions(passage, acronyms)
            facts = describe(passage)
            if schools and _about_programs(passage, block, schools):
                named = [{"institution": name, **facts, "evidence": passage}
                         for name in dict.fromkeys(school.name for school in schools)]
                rows += named
                subject, owner = named[-1], block.kind
            elif subject is None:
                continue
            elif subject is not opening and facts["cost_usd"] and subject["cost_usd"]:
                subject = {**subject, "cost_usd": facts["cost_usd"], "evidence": passage}
                rows.append(subject)
            elif subject is opening and not _reaches(owner, block, facts):
                subject = None
            else:
                _fill(subject, facts)
    return rows
