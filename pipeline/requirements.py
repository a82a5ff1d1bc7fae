"""What it takes to earn a credential or enter the career: education, experience, exams, renewal."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

from pipeline.credential_context import CredentialContext, sentence_spans
from pipeline.durations import find_durations
from pipeline.page import Block, CleanPage

_DATA = tomllib.loads((Path(__file__).parent / "data" / "requirements.toml").read_text(encoding="utf-8"))
CUES = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _DATA["cues"].items()}
TYPES = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _DATA["types"].items()}
LABELS: dict[str, str] = _DATA["labels"]

_LABELLED = re.compile(
    r"^(?P<label>" + "|".join(re.escape(label) for label in LABELS) + r")\s*[:|]?\s*(?P<value>\S.*)$", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|but|while|whereas|although|though)\s+|\s+but\s+")
_LIST_NUMBER = re.compile(r"^\s*\d+\.\s*")
_DANGLING = re.compile(r"[\s,;:.]*(?:\b(?:or|and))?[\s,;:.]*$")
MAX_DESCRIPTION = 120

Row = dict[str, object]


def extract_requirements(page: CleanPage) -> list[Row]:
    """One row per distinct requirement: the credential it is for (null for the career), type and evidence."""
    context = CredentialContext(page)
    rows: dict[tuple[object, ...], Row] = {}
    for index, block in enumerate(page.blocks):
        for row in _block_requirements(context, index, block):
            key = (row["credential"], row["type"], row["recommended"])
            if key not in rows:
                rows[key] = row
            elif rows[key]["months"] is None:
                rows[key]["months"] = row["months"]
    return list(rows.values())


def _block_requirements(context: CredentialContext, index: int, block: Block) -> Iterator[Row]:
    labelled = _LABELLED.match(block.text)
    if labelled:
        value = labelled.group("value").strip()
        if value.lower() != "none":
            yield _row(None, LABELS[_label_key(labelled.group("label"))], value, block.text, 0)
        return
    if block.kind == "heading":
        return
    implied = _implied(context.page, index)
    for start, end in sentence_spans(block.text):
        sentence = block.text[start:end]
        if CUES["skip"].search(sentence):
            continue
        credential = None
        if context.in_sentence(index, start, end) or not CUES["career"].search(sentence):
            credential = context.resolve(index, start, end)
        if CUES["none"].search(sentence):
            yield _row(credential, "none", sentence, sentence, 0)
            continue
        for clause in _CLAUSE_BREAK.split(sentence):
            recommended = _recommended(clause, sentence, implied)
            if recommended is not None:
                for kind in requirement_types(clause):
                    yield _row(credential, kind, clause, sentence, recommended)


def requirement_types(text: str) -> list[str]:
    """The requirement types a clause names; a renewal clause is only a renewal."""
    found = [kind for kind, pattern in TYPES.items() if pattern.search(text)]
    return ["renewal"] if "renewal" in found else found


def _recommended(clause: str, sentence: str, implied: int | None) -> int | None:
    """1 if the clause only suggests, 0 if it requires, None if it states no requirement."""
    if CUES["recommended"].search(clause):
        return 1
    if CUES["required"].search(clause) or CUES["required"].search(sentence):
        return 0
    if CUES["recommended"].search(sentence):
        return 1
    return implied


def _implied(page: CleanPage, index: int) -> int | None:
    """For a list item under a requirements heading or lead-in: 1 if they only suggest, 0 if they require."""
    block = page.blocks[index]
    if block.kind != "item":
        return None
    if block.heading and CUES["heading"].search(block.heading):
        return int(bool(CUES["recommended"].search(block.heading)))
    lead_in = next((b for b in reversed(page.blocks[:index]) if b.kind != "item"), None)
    if lead_in and lead_in.kind == "paragraph" and lead_in.headings == block.headings and lead_in.text.endswith(":"):
        if CUES["recommended"].search(lead_in.text):
            return 1
        if CUES["required"].search(lead_in.text):
            return 0
    return None


def _row(credential: str | None, kind: str, description: str, evidence: str, recommended: int) -> Row:
    months = next((d.months_min if d.months_min is not None else d.months_max
                   for d in find_durations(description) if d.hours is None), None)
    return {"credential": credential, "type": kind, "description": _short(description),
            "months": None if months is None else round(months, 1), "recommended": recommended,
            "evidence": evidence}


def _short(text: str) -> str:
    text = _DANGLING.sub("", _LIST_NUMBER.sub("", text)).strip()
    return text if len(text) <= MAX_DESCRIPTION else text[:MAX_DESCRIPTION].rsplit(" ", 1)[0]


def _label_key(label: str) -> str:
    return next(key for key in LABELS if key.lower() == label.lower())
