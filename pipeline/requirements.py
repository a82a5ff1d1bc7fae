"""What it takes to earn a credential or enter the career: education, experience, exams, renewal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline import clauses
from pipeline.credential_context import CredentialContext, credential_context
from pipeline.credentials import only_credential
from pipeline.datafiles import load
from pipeline.durations import find_durations
from pipeline.memo import per_text
from pipeline.page import Block, CleanPage
from pipeline.statements import Statement

_DATA = load("requirements")
CUES = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _DATA["cues"].items()}
TYPES = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _DATA["types"].items()}
# What a sentence stating a requirement holds: a type of requirement, a denial, or "no requirements".
_STATING = re.compile(
    "|".join(f"(?:{pattern})" for pattern in [*_DATA["types"].values(), *map(_DATA["cues"].get, ("negated", "none"))]),
    re.IGNORECASE,
)
LABELS: dict[str, str] = {label.lower(): kind for label, kind in _DATA["labels"].items()}

_LABELLED = re.compile(
    r"^(?P<label>" + "|".join(re.escape(label) for label in LABELS) + r")\s*[:|]?\s*(?P<value>\S.*)$", re.IGNORECASE
)
# A clause ends at a semicolon, a comma before a word that opens another, or a contrast ("but").
_CLAUSE_BREAK = re.compile(
    rf";|,\s*{clauses.words('clause_joiners', 'contrast', 'concession', 'relative')}\s+"
    rf"|\s+{clauses.words('contrast')}\s+",
    re.IGNORECASE,
)
_LEADING_CLAUSE = re.compile(rf"\W*{clauses.words('concession')}[^,]{{3,100}},", re.IGNORECASE)
_LIST_NUMBER = re.compile(r"^\s*\d+\.\s*")
_WORD = re.compile(r"\w")
_DANGLING = re.compile(r"[\s,;:.]*(?:\b(?:or|and))?[\s,;:.]*$")
MAX_DESCRIPTION = 120
MAX_GAP = 30  # characters between a length of time and the requirement it measures
_ANOTHER = re.compile(r"\b(?:and|or)\b|[,;]")
# After the requirement, a length of time must be linked to it: "CEUs must be submitted every two years".
_LENGTH_AFTER = re.compile(
    r"\s*|(?:\s*[\w'’()]+){0,4}?\s*(?:of|for|every|each|within|lasting|over|:|-|–)\s*(?:the|a|an|at least)?\s*"
)

Row = dict[str, object]


def extract_requirements(page: CleanPage) -> list[Row]:
    """One row per distinct requirement: the credential it is for (null for the career), type and evidence."""
    context = credential_context(page)
    rows: dict[tuple[object, ...], Row] = {}
    for index, start, end, statement in context.statements():
        for row in _statement_requirements(context, index, start, end, statement):
            key = (row["credential"], row["type"], row["recommended"])
            if key not in rows:
                rows[key] = row
            elif rows[key]["months"] is None:
                rows[key]["months"] = row["months"]
    return list(rows.values())


def _statement_requirements(context: CredentialContext, index: int, start: int, end: int,
                            statement: Statement) -> Iterator[Row]:
    sentence, block = statement.text, statement.block
    if columns := _credential_columns(block):
        yield from _column_requirements(block, columns)
        return
    labelled = _LABELLED.match(sentence)
    if labelled:
        value = labelled.group("value").strip()
        if value.lower() != "none":
            yield _row(None, LABELS[labelled.group("label").lower()], value, sentence, 0)
        return
    skipped = block.kind == "heading" or sentence not in block.text or sentence.endswith("?")
    if skipped or not _may_state(sentence):
        return
    if CUES["condition"].search(sentence) or CUES["condition"].search(block.heading or ""):
        return
    implied = _implied(statement)
    career = not context.in_sentence(index, start, end) and CUES["career"].search(sentence)
    for clause in _clauses(sentence):
        recommended = _recommended(clause.stated, clause.renews, implied)
        if recommended is None:
            continue
        span = (start + clause.start, start + clause.end)
        credentials = [None] if career else _credentials(context, index, *span)
        for credential in credentials:
            for kind in clause.kinds:
                yield _row(credential, kind, sentence[clause.start:clause.end], sentence, recommended)


@dataclass(frozen=True)
class _Clause:
    """A clause of a sentence that names requirements, by its span.

    ``stated`` is 1 if its words only suggest them, 0 if they require them, None if they do not
    say (a list it stands in may); ``renews`` marks a renewal named with its cycle.
    """

    start: int
    end: int
    kinds: tuple[str, ...]
    stated: int | None
    renews: bool


@per_text
def _clauses(sentence: str) -> tuple[_Clause, ...]:
    """The clauses of the sentence that name requirements, deny them or say there are none."""
    found = []
    for start, end in _clause_spans(sentence):
        clause = sentence[start:end]
        if CUES["skip"].search(clause):
            continue
        denied = CUES["negated"].search(clause) and not CUES["recommended"].search(sentence)
        if denied or CUES["none"].search(clause):
            found.append(_Clause(start, end, ("none",), 0, False))
            continue
        kinds = requirement_types(_object(clause))  # the types first: most clauses name none, and then need no cue
        if kinds:
            found.append(_Clause(start, end, tuple(kinds), _stated(clause, sentence), _renews(clause)))
    return tuple(found)


def _credential_columns(block: Block) -> list[tuple[int, str]]:
    """(column, credential) for each column of a table row that one credential heads ("| CPC | CCS |")."""
    if block.kind != "row" or not block.header or block.cells == block.header:
        return []
    return [(column, code) for column, heading in enumerate(block.header[1:len(block.cells)], 1)
            if (code := only_credential(heading))]


def _column_requirements(block: Block, columns: list[tuple[int, str]]) -> Iterator[Row]:
    """The requirements a comparison table's row states for each credential column, read after the row's label."""
    for column, credential in columns:
        cell = block.cells[column]
        clause = f"{block.cells[0]}: {cell}"
        if not cell or CUES["skip"].search(clause):
            continue
        kinds = requirement_types(_object(clause))
        recommended = _recommended(_stated(clause, clause), _renews(clause), None) if kinds else None
        if recommended is None:
            continue
        for kind in kinds:
            yield _row(credential, kind, cell, block.text, recommended)


@per_text
def _may_state(sentence: str) -> bool:
    """Whether the sentence names a type of requirement, denies one or says there is none: no clause can otherwise."""
    return bool(_STATING.search(sentence))


def _clause_spans(sentence: str) -> list[tuple[int, int]]:
    """Clauses split at semicolons, contrasts ("but", "while") and after a leading "While ...," clause."""
    spans, start = [], 0
    if leading := _LEADING_CLAUSE.match(sentence):
        spans, start = [(0, leading.end() - 1)], leading.end()
    for brk in _CLAUSE_BREAK.finditer(sentence, start):
        spans.append((start, brk.start()))
        start = brk.end()
    return [*spans, (start, len(sentence))]


def _credentials(context: CredentialContext, index: int, start: int, end: int) -> list[str | None]:
    """The credentials a clause is about: all it names before its verb, else the first it names, else context's."""
    clause = context.page.blocks[index].text[start:end]
    subject_end = start + len(clause) - len(_object(clause))
    named = [hit.code for hit in context.in_sentence(index, start, end)]
    subjects = [hit.code for hit in context.in_sentence(index, start, subject_end)]
    if subjects or named:
        return list(dict.fromkeys(subjects or named[:1]))
    return [context.resolve(index, start, end)]


def _object(clause: str) -> str:
    """The part of a clause that states what is required: after an active verb, else all of it.

    A cue word that ends the clause is a label, not a verb: "Six months of experience (recommended)".
    """
    verb = CUES["verb"].search(clause)
    if verb and not CUES["passive"].search(clause[:verb.start()]) and _WORD.search(clause, verb.end()):
        return clause[verb.start():]
    return clause


def requirement_types(text: str) -> list[str]:
    """The requirement types a clause names; a renewal clause is only a renewal."""
    found = [kind for kind, pattern in TYPES.items() if pattern.search(text)]
    return ["renewal"] if "renewal" in found else found


def _recommended(stated: int | None, renews: bool, implied: int | None) -> int | None:
    """1 if the clause only suggests, 0 if it requires, None if it states no requirement.

    What its words state (``_stated``) comes first, then what the list it stands in implies.
    """
    if stated is not None:
        return stated
    if implied is None and renews:
        return 0  # "holders report 36 CEUs every two years" states a renewal without a cue word
    return implied


def _stated(clause: str, sentence: str) -> int | None:
    """1 if the clause's or sentence's words only suggest, 0 if they require, None if they do not say."""
    if CUES["recommended"].search(clause) or CUES["negated"].search(clause):
        return 1
    if CUES["required"].search(clause) or CUES["required"].search(sentence):
        return 0
    if CUES["recommended"].search(sentence):
        return 1
    return None


def _renews(clause: str) -> bool:
    """Whether the clause names a renewal and how often it falls due."""
    return bool(TYPES["renewal"].search(clause) and CUES["cycle"].search(clause))


def _implied(statement: Statement) -> int | None:
    """For a list item under a requirements heading or lead-in: 1 if they only suggest, 0 if they require."""
    block = statement.block
    if block.kind != "item":
        return None
    if block.heading and CUES["heading"].search(block.heading):
        return int(bool(CUES["recommended"].search(block.heading)))
    if statement.lead.endswith(":"):
        if CUES["recommended"].search(statement.lead):
            return 1
        if CUES["required"].search(statement.lead):
            return 0
    return None


def _row(credential: str | None, kind: str, description: str, evidence: str, recommended: int) -> Row:
    return {"credential": credential, "type": kind, "description": _short(description),
            "months": _months(description, kind), "recommended": recommended, "evidence": evidence}


def _months(clause: str, kind: str) -> float | None:
    """The length of time that measures the requirement: "6 months of experience", "CEUs every two years"."""
    keywords = [match.span() for match in TYPES[kind].finditer(clause)] if kind in TYPES else []
    for duration in find_durations(clause):
        months = duration.months_min if duration.months_min is not None else duration.months_max
        if months is not None and any(_measures(clause, duration.start, duration.end, *span) for span in keywords):
            return round(months, 1)
    return None


def _measures(clause: str, start: int, end: int, keyword_start: int, keyword_end: int) -> bool:
    if end <= keyword_start:
        between = clause[end:keyword_start]
        return len(between) <= MAX_GAP and not _ANOTHER.search(between)
    between = clause[keyword_end:start]
    return start >= keyword_end and bool(_LENGTH_AFTER.fullmatch(between))


def _short(text: str) -> str:
    text = _DANGLING.sub("", _LIST_NUMBER.sub("", text)).strip()
    return text if len(text) <= MAX_DESCRIPTION else text[:MAX_DESCRIPTION].rsplit(" ", 1)[0]
