"""What it takes to earn a credential or enter the career: education, experience, exams, renewal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline import clauses
from pipeline.credential_context import CredentialContext, credential_context
from pipeline.credentials import find_credentials, only_credential
from pipeline.cues import Cue, Needs, Structure, cue_table, cue_text
from pipeline.datafiles import load
from pipeline.durations import find_durations
from pipeline.memo import per_text
from pipeline.occupations import find_occupation
from pipeline.organizations import find_organizations
from pipeline.page import Block, CleanPage
from pipeline.statements import Statement

_DATA = load("requirements")
CUES = cue_table(_DATA["cues"], _DATA["cues_patterns"])
_VERB = Cue(_DATA["voice"]["verbs"])
_PASSIVE = re.compile(rf"(?:{cue_text(_DATA['voice']['passive'])})\s+(?:\w+\s+)?$", re.IGNORECASE)


def _taking_an_exam(words: dict[str, list[str]]) -> Structure:
    """A task, then an exam within 30 characters ("pass the CPC exam"), unless the task follows a purpose
    word that follows no need word ("to take the exam" is what a requirement is for; "need to pass" is one)."""
    unless_needed = "".join(f"(?<!{re.escape(word)} )" for word in words["need"])
    not_for = "".join(rf"(?<!{unless_needed}\b{re.escape(word)} )" for word in words["purpose"])
    pattern = rf"\b{not_for}(?:{cue_text(words['tasks'])})[^.;:]{{0,30}}?(?:{cue_text(words['exams'])})"
    return Structure(pattern, tuple(words["exams"]))


TYPES = cue_table(_DATA["types"], _DATA["types_patterns"], _DATA["types_not_after"],
                  {"exam": [_taking_an_exam(_DATA["exam"])]})
# What a sentence stating a requirement holds: a type of requirement, a credential to hold, a denial,
# or "no requirements".
_STATING = [*TYPES.values(), *(CUES[name] for name in ("negated", "none", "holds_credential"))]
_STATING_WORDS = Needs(either=[cue.needs for cue in _STATING])
_TYPE_WORDS = Needs(either=[cue.needs for cue in TYPES.values()])
LABELS: dict[str, str] = {label.lower(): kind for label, kind in _DATA["labels"].items()}

_LABELLED = re.compile(  # the longest label first: "Typical education needed" before "Typical education"
    r"^(?P<label>" + "|".join(re.escape(label) for label in sorted(LABELS, key=len, reverse=True))
    + r")\s*[:|]?\s*(?P<value>\S.*)$", re.IGNORECASE
)
# A clause ends at a semicolon, a comma before a word that opens another, or a contrast ("but").
_CLAUSE_BREAK = re.compile(
    rf";|,\s*{clauses.words('clause_joiners', 'contrast', 'concession', 'relative')}\s+"
    rf"|\s+{clauses.words('contrast')}\s+",
    re.IGNORECASE,
)
_LEADING_CLAUSE = re.compile(rf"\W*{clauses.words('concession')}[^,]{{3,100}},", re.IGNORECASE)
# What opens a clause commenting on the one before ("..., which").
_RELATIVE = re.compile(rf",\s*{clauses.words('relative')}\s+$", re.IGNORECASE)
_NO_CELL = re.compile(r"\W*(?:none|no|n/?a)\W*", re.IGNORECASE)  # a table cell denying its row's requirement
_LABEL_OPENS = re.compile(r"\W*[A-Z][\w'’]*(?:\s+[\w'’]+){0,3}\s*[:–—]\s+\S")  # "Option 1: ...", "Route B — ..."
_LIST_NUMBER = re.compile(r"^\s*\d+\.\s*")
_ROUTE_WORDS = cue_text(_DATA["routes"]["words"])
# A heading that labels a route: a word or two before a route word ("Experience route"), or one numbered ("Option 2")
_ROUTE_LABEL = re.compile(rf"(?:[\w'’-]+\s+){{1,2}}(?:{_ROUTE_WORDS})|(?:{_ROUTE_WORDS})\s+(?:\d+|[A-Z]|[IVX]+)",
                          re.IGNORECASE)
_WORD = re.compile(r"\w")
_DANGLING = re.compile(r"[\s,;:.]*(?:\b(?:or|and))?[\s,;:.]*$")
MAX_DESCRIPTION = 120
SUBJECT_WORDS = 2  # words before an occupation that opens a sentence: "Most new coders"
LABEL_WORDS = 2  # words of a heading's label that a value follows: "Education required: ..."
# What a sentence whose subject is the occupation states for the career, not for a credential
# the page is about (a renewal or an exam is a credential's).
CAREER_TYPES = frozenset({"education", "experience", "training", "other", "none"})
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
    if labelled := _labelled(sentence):
        label, value = labelled
        if value.lower() != "none":
            yield _row(None, LABELS[label.lower()], value, sentence, 0)
        return
    skipped = (block.kind == "heading" and not _labelled_heading(sentence)) or sentence not in block.text \
        or sentence.endswith("?")
    if skipped or not _may_state(sentence):
        return
    if CUES["condition"].search(sentence):
        return
    implied = _implied(statement)
    route = _route(statement)
    names_none = not context.in_sentence(index, start, end)
    uncredentialed = _admission(statement) or (
        names_none and (CUES["career"].search(sentence) or CUES["program"].search(sentence)))
    for clause in _clauses(sentence):
        recommended = _recommended(clause.stated, clause.renews, implied)
        if recommended is None:
            continue
        span = (start + clause.start, start + clause.end)
        careerwise = names_none and CAREER_TYPES.issuperset(clause.kinds) and (
            _about_occupation(sentence) or _career_heading(statement.headings[0] if statement.headings else ""))
        holds = _asks_to_hold(statement, clause)
        kinds = (*clause.kinds, "other") if holds else clause.kinds
        credentials: list[str | None]
        if uncredentialed or _screening(sentence, clause):
            credentials = [None]
        elif route and not any(context.goal(index, hit) for hit in context.in_sentence(index, *span)):
            credentials = [context.resolve(index, start, start)]  # what it names, a candidate holds already
        elif clause.kinds == ("other",) or holds:
            credentials = _holder(context, index, *span, statement, implied)
        elif careerwise:
            credentials = [None]
        else:
            credentials = _credentials(context, index, *span, "renewal" in clause.kinds)
        for credential in credentials:
            for kind in kinds:
                yield _row(credential, kind, sentence[clause.start:clause.end], sentence, recommended)


@per_text
def _labelled(sentence: str) -> tuple[str, str] | None:
    """The label and value of a line that labels a requirement ("Education: associate degree"), if it is one."""
    match = _LABELLED.match(sentence)
    return (match.group("label"), match.group("value").strip()) if match else None


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
    spans = _clause_spans(sentence)
    for start, end in spans:
        clause = sentence[start:end]
        if CUES["skip"].search(clause) and not _renews(clause):  # a renewal may name the dues paid with it
            continue
        denied = CUES["negated"].search(clause) and not _suggests_denied(sentence, spans, (start, end))
        if denied or CUES["none"].search(clause):
            found.append(_Clause(start, end, ("none",), 0, False))
            continue
        kinds = requirement_types(_object(clause))  # the types first: most clauses name none, and then need no cue
        if kinds:
            # a ", which ..." clause comments on the one before: only its own words can state a requirement
            framing = clause if _RELATIVE.search(sentence, 0, start) else sentence
            found.append(_Clause(start, end, tuple(kinds), _stated(clause, framing), _renews(clause)))
    return tuple(found)


def _asks_to_hold(statement: Statement, clause: _Clause) -> bool:
    """Whether employers or jobs ask, beside another requirement, for some credential to hold ("positions ask for
    two years of experience and a CPC or CCS credential"): the career's requirements, holding one among them."""
    if {"other", "none"} & set(clause.kinds) or not CUES["holds_credential"].search(
            statement.text, clause.start, clause.end):
        return False
    return any(CUES["career"].search(text) for text in (statement.text, statement.lead))


def _suggests_denied(sentence: str, spans: list[tuple[int, int]], denying: tuple[int, int]) -> bool:
    """Whether a sentence suggests what its clause ``denying`` says is not required: in that clause, or in another
    where one of the two names no requirement of its own ("A degree is not required, but it is recommended", "...
    experience, though it is not required"), not where each names its own ("A college degree is not required,
    though 80 hours of training are recommended": none, and training suggested)."""
    if not CUES["recommended"].search(sentence):
        return False
    own = requirement_types(_object(sentence[denying[0]:denying[1]]))
    return any(CUES["recommended"].search(sentence[start:end])
               and ((start, end) == denying or not own or not requirement_types(_object(sentence[start:end])))
               for start, end in spans)


def _screening(sentence: str, clause: _Clause) -> bool:
    """Whether the clause names only screening or age rules ("a background check"): a school's or an
    employer's, never a credential's."""
    return clause.kinds == ("other",) and bool(TYPES["other"].search(sentence, clause.start, clause.end))


def _holder(context: CredentialContext, index: int, start: int, end: int, statement: Statement,
            implied: int | None) -> list[str | None]:
    """Whose requirement it is to hold a credential: the credential the clause names as its goal ("to sit
    for the CCS-P") or its subject ("CCS candidates must hold ..."); else the career's, where the sentence
    or its lead-in speaks of employers or jobs or opens with the occupation; else the credential of the
    passage, never one the clause names after its verb (those are the ones to hold: "a CPC, CCS or CCA
    credential", "a certification such as the CCA or the CPC").

    A sentence outside a requirements list or section that names no one asking and no credential of its
    own ("Certification is often required") asks it of no one.
    """
    subject_end = end - len(_object(context.page.blocks[index].text[start:end]))
    own = [hit.code for hit in context.in_sentence(index, start, end)
           if context.goal(index, hit) or (hit.start < subject_end and not context.aside(index, hit))]
    if own:
        return list(dict.fromkeys(own))
    asked = any(CUES["career"].search(text) for text in (statement.text, statement.lead))
    if asked or _about_occupation(statement.text):
        return [None]
    credential = context.resolve(index, start, start)
    listed = implied is not None or CUES["heading"].search(statement.block.heading or "")
    return [credential] if credential is not None or listed else []


def _credential_columns(block: Block) -> list[tuple[int, str]]:
    """(column, credential) for each column of a table row that one credential heads ("| CPC | CCS |")."""
    if block.kind != "row" or not block.header or block.cells == block.header:
        return []
    return [(column, code) for column, heading in enumerate(block.header[1:len(block.cells)], 1)
            if (code := only_credential(heading))]


def _column_requirements(block: Block, columns: list[tuple[int, str]]) -> Iterator[Row]:
    """The requirements a comparison table's row states for each credential column, read after the row's label.

    A cell that says "None" or "Not required" denies the requirement its row names; under a requirements
    heading (or a first column headed so) a cell states a requirement without a cue word.
    """
    implied = 0 if CUES["heading"].search(" ".join((block.header[0], *block.headings))) else None
    for column, credential in columns:
        cell = block.cells[column]
        clause = f"{block.cells[0]}: {cell}"
        if not cell or CUES["skip"].search(clause):
            continue
        kinds = requirement_types(_object(clause))
        if kinds and (_NO_CELL.fullmatch(cell) or CUES["negated"].search(cell)):
            yield _row(credential, "none", cell, block.text, 0)
            continue
        recommended = _recommended(_stated(clause, clause), _renews(clause), implied) if kinds else None
        if recommended is None:
            continue
        for kind in kinds:
            yield _row(credential, kind, cell, block.text, recommended)


@per_text
def _may_state(sentence: str) -> bool:
    """Whether the sentence names a type of requirement, denies one or says there is none: no clause can otherwise."""
    return _STATING_WORDS.held_by(sentence) and any(cue.search(sentence) for cue in _STATING)


def _clause_spans(sentence: str) -> list[tuple[int, int]]:
    """Clauses split at semicolons, contrasts ("but", "while") and after a leading "While ...," clause."""
    spans, start = [], 0
    if leading := _LEADING_CLAUSE.match(sentence):
        spans, start = [(0, leading.end() - 1)], leading.end()
    for brk in _CLAUSE_BREAK.finditer(sentence, start):
        spans.append((start, brk.start()))
        start = brk.end()
    return [*spans, (start, len(sentence))]


def _credentials(context: CredentialContext, index: int, start: int, end: int,
                 renewal: bool) -> list[str | None]:
    """The credentials a clause is about: those it names as the goal ("to sit for the CCS"), else all it
    names before its verb, else the first it names, else context's.

    A credential named aside is none of them, unless the clause is about renewing it: one the candidate
    holds already ("hold the CCA plus a year of experience") is a route to another, and one set against
    another ("unlike the CPC") is not the one the clause speaks of.
    """
    subject_end = end - len(_object(context.page.blocks[index].text[start:end]))
    named = [hit for hit in context.in_sentence(index, start, end) if renewal or not context.aside(index, hit)]
    goals = [hit.code for hit in named if context.goal(index, hit)]
    subjects = [hit.code for hit in named if hit.start < subject_end]
    if named:
        return list(dict.fromkeys(goals or subjects or [named[0].code]))
    return [context.resolve(index, start, start)]


def _object(clause: str) -> str:
    """The part of a clause that states what is required: after an active verb, else all of it.

    A cue word that ends the clause is a label, not a verb: "Six months of experience (recommended)".
    """
    verb = _VERB.search(clause)
    if verb and not _PASSIVE.search(clause[:verb.start()]) and _WORD.search(clause, verb.end()):
        return clause[verb.start():]
    return clause


def requirement_types(text: str) -> list[str]:
    """The requirement types a clause names, not counting what it is for ("to enroll in a coding program");
    a renewal clause is only a renewal.

    A credential to hold already is a requirement of its own only where the clause names no other. An
    organisation's name names no type ("... Information Management Education" is an accreditor, not education).
    """
    for organization in reversed(find_organizations(text)):
        text = f"{text[:organization.start]}{organization.acronym}{text[organization.end:]}"
    text = CUES["purpose"].sub("", text)
    found = [kind for kind, cue in TYPES.items() if cue.search(text)] if _TYPE_WORDS.held_by(text) else []
    if "renewal" in found:
        return ["renewal"]
    return found or (["other"] if CUES["holds_credential"].search(text) else [])


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
    if CUES["required"].search(clause):
        return 0
    if CUES["required"].search(sentence):  # "convenient, but not required": what the sentence denies, it suggests
        return 1 if CUES["negated"].search(sentence) else 0
    if CUES["recommended"].search(sentence):
        return 1
    return None


def _renews(clause: str) -> bool:
    """Whether the clause names a renewal and how often it falls due."""
    return bool(TYPES["renewal"].search(clause) and CUES["cycle"].search(clause))


@per_text
def _about_occupation(sentence: str) -> bool:
    """Whether the sentence opens with the occupation as its subject ("Most medical billers hold ...")."""
    occupation = find_occupation(sentence)
    return occupation is not None and len(sentence[:sentence.find(occupation)].split()) <= SUBJECT_WORDS


@per_text
def _career_heading(heading: str) -> bool:
    """Whether a statement's nearest heading speaks of the career and names no credential ("Do I need a
    degree to become a coder?" above the answer)."""
    return bool(CUES["career"].search(heading)) and not find_credentials(heading)


def _admission(statement: Statement) -> bool:
    """Whether the statement, its lead-in or its headings speak of getting into a school's program."""
    return any(CUES["admission"].search(text) for text in (statement.text, statement.lead, *statement.headings))


def _implied(statement: Statement) -> int | None:
    """For a list item or table row under a requirements heading or lead-in: 1 if they only suggest, 0 if
    they require.

    A run of labelled paragraphs after a lead-in ("Option 1: ..." below "Meet one of these:") reads as
    a list under it, and so does the first sentence under a heading that labels a route ("Experience route"); a
    table with a header row is framed by its first column's heading ("Requirement").
    """
    block = statement.block
    if _route(statement):
        return 0
    lead = statement.lead if block.kind in ("item", "row") else _labelled_lead(statement)
    if lead is None:
        return None
    framing = block.heading or ""
    if block.kind == "row" and block.header:  # a table with a header row says itself what its rows are
        framing, lead = block.header[0], ""
    if CUES["heading"].search(framing):
        return int(bool(CUES["recommended"].search(framing)))
    if lead.endswith(":"):
        if CUES["recommended"].search(lead):
            return 1
        if CUES["required"].search(lead):
            return 0
    return None


def _route(statement: Statement) -> bool:
    """Whether the statement opens the paragraph under a heading that labels a route ("Experience route")."""
    return statement.block.kind == "paragraph" and not statement.earlier and _route_label(statement.block.heading or "")


@per_text
def _route_label(heading: str) -> bool:
    """Whether a heading is the label of one route to a credential ("Experience route", "Option 2")."""
    return bool(_ROUTE_LABEL.fullmatch(heading.strip()))


@per_text
def _labelled_heading(heading: str) -> bool:
    """Whether a heading is a label and its value ("Required: high school diploma"), the value naming a
    requirement, rather than the title of a section."""
    label, colon, value = heading.partition(":")
    return bool(colon and value.strip()) and len(label.split()) <= LABEL_WORDS and bool(requirement_types(value))


def _labelled_lead(statement: Statement) -> str | None:
    """The lead-in a labelled paragraph ("Option 2: two years of experience") continues, if it opens one."""
    if statement.block.kind != "paragraph" or statement.earlier or not _LABEL_OPENS.match(statement.text):
        return None
    for text in statement.section:
        if text.endswith(":"):
            return text
        if not _LABEL_OPENS.match(text):
            return None
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
