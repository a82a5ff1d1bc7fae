"""Facts of certification exams: fee, questions, time limit, passing score, pass rate."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from pipeline import clauses
from pipeline.credential_context import CredentialContext, credential_context
from pipeline.credentials import find_credentials, only_credential
from pipeline.cues import Cue, Needs, cue_text
from pipeline.datafiles import load
from pipeline.durations import UNIT_WORDS, find_durations
from pipeline.memo import per_text
from pipeline.money import AMOUNT_WORDS, Money, find_money
from pipeline.numbers import NUMBER_TEXT, WORD_TEXT, find_numbers, parse_number
from pipeline.page import Block, CleanPage
from pipeline.percent import PERCENT_WORDS, find_percents
from pipeline.statements import Statement

_DATA = load("exams")
EXAM = Cue(_DATA["exam"])
PRACTICE = Cue(_DATA["practice"])
FEE_CUE = Cue(_DATA["fee"]["cue"])
OTHER_PRICE = Cue(_DATA["fee"]["other"])
# A value under the heading that labels it: a figure or a range and at most two words ("100 multiple-choice",
# "4 hours", "115 to 145"), then an aside in brackets or the scale it is on ("300 on a scale of 100 to 400").
_FIGURE = r"[~$]?\d[\d,.%]*"
_VALUE = re.compile(rf"{_FIGURE}(?:\s*(?:-|–|to)\s*{_FIGURE})?(?:\s+[\w-]+){{0,2}}?"
                    rf"(?:\s*\([^()]*\)|\s+(?:on\s+a\s+scale\s+of|out\s+of)\s+{_FIGURE}(?:\s*(?:-|–|to)\s*{_FIGURE})?)?")
# Other things listed with an exam, up to the credential: an amount after them is what they cost together
# ("Books, software and the CPC exam voucher add $900", "Tuition plus the CCA exam comes to $4,200").
_LISTED_BEFORE = re.compile(rf"(?:{cue_text(_DATA['fee']['other'])})(?:\s*,\s*[\w-]+(?:\s+[\w-]+)?)*\s*,?\s+"
                            r"(?:and|plus|as well as)\s+(?:the\s+|an?\s+|your\s+)?$", re.IGNORECASE)
MIN_USD, MAX_USD = _DATA["fee"]["min_usd"], _DATA["fee"]["max_usd"]
QUALIFIERS = [(q["group"], q["name"], Cue(q["words"])) for q in _DATA["qualifier"]]
PASS = Cue(_DATA["score"]["pass"])
PASS_RATE = Cue(_DATA["score"]["rate"])
SHARE_PASSING = re.compile(
    rf"\s*of\s+(?:[\w-]+\s+){{0,3}}?(?:{cue_text(_DATA['score']['share_passing'])})", re.IGNORECASE
)
NOT_SCORE = re.compile(rf"\s*(?:{cue_text(_DATA['score']['not_score'])})", re.IGNORECASE)

_QUANTITY = rf"(?:{NUMBER_TEXT}|{WORD_TEXT})"
_QUESTIONS = re.compile(
    rf"(?P<count>{_QUANTITY})(?:\s*(?:-|–|to|and)\s*(?P<upper>{_QUANTITY}))?"
    rf"(?:(?:\s+[A-Za-z&/-]+){{0,6}}?\s+(?:questions|items)|-question|-item)\b"
    rf"(?:,?\s+(?:plus|and|\+)\s+(?P<more>{_QUANTITY})(?:\s+[A-Za-z&/-]+){{0,4}}?\s+(?:questions|items)\b)?"
    rf"|\b(?:questions|items)\s*:\s*(?P<listed>{_QUANTITY})(?:\s*(?:-|–|to)\s*(?P<listed_upper>{_QUANTITY}))?",
    re.IGNORECASE,
)
_QUESTION_WORDS = Needs(anywhere=("question", "item"))  # one of which every count of questions holds
_MINUTES = re.compile(rf"(?P<count>{_QUANTITY})[\s-](?:minutes?|mins?)\b", re.IGNORECASE)
_MINUTE_WORDS = Needs(anywhere=("min",))  # which every number of minutes holds
_AND_MINUTES = re.compile(
    rf"\s*,?\s*(?:and\s+)?(?P<count>{_QUANTITY})[\s-](?:minutes?|mins?)\b", re.IGNORECASE
)
UNSCORED = Cue(_DATA["unscored"])
SECTION = Cue(_DATA["section"])
_SECTION_TEXT = cue_text(_DATA["section"])
# A count or length that is one part's: "25 questions per section", "each section has 25 questions",
# "Part 2: 90 minutes"; after "each" it is one part's too, unless the sentence shares it among credentials.
_PER_PART = re.compile(rf"\s*(?:per|in each|for each|in every)\s+(?:{_SECTION_TEXT}|day\b)", re.IGNORECASE)
_PART_BEFORE = re.compile(rf"\b(?:each|every|per)\s+(?:{_SECTION_TEXT})[^.;\d]{{0,25}}$", re.IGNORECASE)
_PART_LABEL = re.compile(
    rf"^\W*(?:(?:{_SECTION_TEXT})[^:|]{{0,40}}[:|]|(?:the\s+)?(?:(?:first|second|third|fourth|final|last)\s+"
    rf"(?:{_SECTION_TEXT})|(?:{_SECTION_TEXT})\s+(?:\d+|[A-Z]|[IVX]+)\b))",
    re.IGNORECASE,
)
_EACH = re.compile(r"\s*(?:each|apiece)\b", re.IGNORECASE)
_EACH_BEFORE = re.compile(r"\beach\s+(?:with|has|have|having|contains?|containing|of|includes?|including)\s+$",
                          re.IGNORECASE)
_TOTAL = re.compile(r"\btotal\b", re.IGNORECASE)
_WHOLE_EXAM = {"questions", "time_limit"}  # what one part of an exam has only a share of
# A credential right after an amount, in brackets or after "for", names what the amount is the price of.
_BEFORE_NAMED = re.compile(r"\s*(?:\(|for\s+(?:the\s+)?|[-–—]\s*)\s*", re.IGNORECASE)
_AFTER_NAMED = re.compile(  # and no second credential beside it: "$299-$399 (CCA, CCS)" prices neither
    r"\s*(?:exams?|tests?)?\s*(?:[);.]|$|(?:,|\b(?:and|or|to)\b)(?!\s*(?:and\s+|or\s+)?(?:the\s+)?(?-i:[A-Z]{2,})))",
    re.IGNORECASE,
)
SCORE_HEADING = re.compile(r"\bpass(?:ing)? (?:score|mark|grade)s?\b|\bscores? (?:needed|required) to pass\b",
                           re.IGNORECASE)
_RESTATED = re.compile(r"\s*[(,–—-]\s*(?:or\s+|i\.e\.,?\s+|that['’]s\s+)?")
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_NOT_EXAM_TIME = re.compile(
    r"\s*(?:of|in|per)\s+(?:\w+\s+)?(?:study\w*|training|instruction|course\w*|continuing|CEs?|CEUs?|practice|class\w*"
    r"|video|lectures?|lessons?|modules?|content|week|day)\b"
    r"|\s*(?:before|after|early|earlier|ahead|prior|late|later)\b",  # "arrive 30 minutes before the exam"
    re.IGNORECASE,
)
_SCORE = re.compile(
    rf"\bscore\b[^.\d%$]{{0,25}}?(?P<value>{NUMBER_TEXT})(?!\s*(?:%|percent))"
    rf"(?:\s*(?:/|out of)\s*(?P<scale>{NUMBER_TEXT}))?"
    rf"|(?P<bare>{NUMBER_TEXT})\s*(?:/|out of)\s*(?P<bare_scale>{NUMBER_TEXT})",
    re.IGNORECASE,
)
_SCORE_WORDS = Needs(anywhere=("score", "/", "out of"))  # one of which every score in points holds
# One of which every exam fact holds: an amount, a count of questions, a length, a percentage or a score in points.
_FACT_WORDS = Needs(either=(AMOUNT_WORDS, _QUESTION_WORDS, UNIT_WORDS, _MINUTE_WORDS, PERCENT_WORDS,
                            _SCORE_WORDS))
_SCORE_WORD = re.compile(r"\bscores?\b", re.IGNORECASE)
# What ends the words that belong to an amount; a comma only ends them before another amount or credential.
_SEPARATOR_TEXT = rf"[/;)]|{clauses.words('list_joiners', 'contrast', 'concession', 'relative')}"
_SEPARATOR = re.compile(_SEPARATOR_TEXT, re.IGNORECASE)
_SEPARATOR_OR_COMMA = re.compile(rf"{_SEPARATOR_TEXT}|,", re.IGNORECASE)
# Before an amount, an opening bracket ends the words that belong to it too: "$499 for two attempts ($399 for one)".
_SEPARATOR_BEFORE = re.compile(rf"{_SEPARATOR_TEXT}|,|\(", re.IGNORECASE)
_VALUE_FIRST = re.compile(r"\W*\d")  # a first cell that opens with a figure ("$399", "(2024)") is no label
MIN_QUESTIONS, MAX_QUESTIONS = 10, 1000
MIN_MINUTES, MAX_MINUTES = 30, 600
MIN_SCORE = 50  # a passing score in points; smaller numbers near "score" count sections or items
_SCORE_REACH = 25  # characters before a percentage where "score" makes it a passing score

Row = dict[str, object]


class ExamFact(NamedTuple):
    """One fact of a sentence, before it is tied to a credential; ``position`` is where it starts.

    A named tuple, not a frozen dataclass: one is made for every fact read, and again where it is placed.
    """

    attribute: str
    value: float
    unit: str
    qualifier: str | None
    position: int
    credential: str | None = None  # the credential heading its table column, or named right after a fee
    ranged: bool = False  # one end of a range ("$399-$499", "115 to 145 questions")


def extract_exams(page: CleanPage) -> list[Row]:
    """One row per exam fact (credential, attribute, value), with unit, qualifier and evidence.

    Read statement by statement (``pipeline.statements``): a sentence, a table row
    (also one written as text, "| CPC | $399 |"), or a stat card ("$125" above "Exam fee").
    """
    context = credential_context(page)
    rows: dict[tuple[object, ...], Row] = {}
    for index, start, end, statement in context.statements():
        facts = _statement_facts(context.page, statement, start)
        if not facts:
            continue
        found = []
        for fact, credentials in zip(facts, _owners(context, index, start, end, statement.text, facts), strict=True):
            found.extend({"credential": credential, "attribute": fact.attribute, "value": fact.value,
                          "unit": fact.unit, "qualifier": fact.qualifier, "evidence": statement.text}
                         for credential in credentials)
        for row in _pair_member_prices(found):
            kept = rows.setdefault((row["credential"], row["attribute"], row["value"]), row)
            kept["qualifier"] = kept["qualifier"] or row["qualifier"]
    return list(rows.values())


def _owners(context: CredentialContext, index: int, start: int, end: int, text: str,
            facts: list[ExamFact]) -> list[list[str]]:
    """The credentials each fact belongs to, in order.

    Credentials named together before a fact share it ("the COC and CIC exams each run 4 hours"),
    unless it is one end of a range (which of them costs what is not said) or the sentence pairs
    them off ("$299 and $399, respectively").
    """
    owners = []
    for fact in facts:
        together = [] if fact.credential else context.together(index, start, fact.position)
        if fact.credential:
            owners.append([fact.credential])
        elif together:
            owners.append([] if fact.ranged else together)
        else:
            owners.append([code] if (code := context.resolve(index, start, end, fact.position)) else [])
    if RESPECTIVELY.search(text):
        for attribute in {fact.attribute for fact in facts}:
            placed = [position for position, fact in enumerate(facts) if fact.attribute == attribute]
            shared = owners[placed[0]]
            if len(shared) == len(placed) and all(owners[position] == shared for position in placed):
                for position, code in zip(placed, shared, strict=True):
                    owners[position] = [code]
    return owners


def _statement_facts(page: CleanPage, statement: Statement, start: int) -> list[ExamFact]:
    """The statement's facts, placed within its block (a stat card's at the start of its first block)."""
    block = statement.block
    if block.kind == "row" and len(block.cells) > 1:
        return list(_cell_facts(block))
    if not _has_figures(statement.text):
        return []
    # a sentence without a word every fact holds states none, whatever its headings are
    facts = _sentence_facts(statement.text, *_about(page, statement)) if _FACT_WORDS.held_by(statement.text) else ()
    if not facts and block.heading and _VALUE.fullmatch(block.text):  # "Number of questions" / "100 multiple-choice"
        labelled = _sentence_facts(f"{block.heading}: {block.text}", *_about(page, statement))
        return [fact._replace(position=start) for fact in labelled]
    if statement.text not in block.text:
        return [fact._replace(position=start) for fact in facts]
    return [fact._replace(position=start + fact.position) for fact in facts]


def _about(page: CleanPage, statement: Statement) -> tuple[bool, bool, bool]:
    """Whether the page and headings around a statement speak of an exam, of a practice test, and of a passing score
    (``sentence_facts``'s ``about_exam``, ``about_practice`` and ``about_score``)."""
    block = statement.block
    # Read part by part, not joined: no match spans two of them, and each part is remembered for the next sentence.
    about_exam = any(_names_exam(text) for text in (page.title, *block.headings, block.text, statement.lead))
    # a practice test in the page's title leaves out only the counts of a sentence that names no credential
    heading = block.heading if block.heading != page.title else ""
    about_practice = _names_practice(heading or "") or (
        _names_practice(page.title) and not find_credentials(statement.text))
    about_score = bool(statement.headings) and _names_score(statement.headings[0])
    return about_exam, about_practice, about_score


@per_text
def _names_exam(text: str) -> bool:
    """Whether the text speaks of an exam (remembered: every sentence of a page asks about its title and headings)."""
    return bool(EXAM.search(text))


@per_text
def _names_practice(text: str) -> bool:
    return bool(PRACTICE.search(text))


@per_text
def _names_score(text: str) -> bool:
    """Whether a heading asks or tells the score needed to pass ("What is the passing score?")."""
    return bool(SCORE_HEADING.search(text))


def _cell_facts(block: Block) -> Iterator[ExamFact]:
    """A table row read cell by cell: each value under its column heading and after the row's label.

    The column heading ("Questions" above "100") or the label in the row's first cell ("Number of
    questions | 100") says what a value is; a column headed by one credential ("CPC") says whose it is.
    A row for one part of the exam ("Section" heading the first column) gives no count or length of the
    whole, unless it is the total.
    """
    if block.cells == block.header:
        return
    label = "" if _VALUE_FIRST.match(block.cells[0]) else block.cells[0]
    part = bool(SECTION.search(block.header[0] if block.header else label)) and not _TOTAL.search(label)
    for column, cell in enumerate(block.cells):
        heading = block.header[column] if column < len(block.header) else ""
        if not cell or cell == heading or (column == 0 and label):
            continue
        text = ": ".join(part for part in (heading, label, cell) if part) + (f" {heading}" if heading else "")
        credential = only_credential(heading)
        for fact in _sentence_facts(text, True, False):
            if not (part and fact.attribute in _WHOLE_EXAM):
                yield fact._replace(position=block.text.find(cell), credential=credential or fact.credential)


@per_text
def _sentence_facts(sentence: str, about_exam: bool, about_practice: bool,
                    about_score: bool = False) -> tuple[ExamFact, ...]:
    """``sentence_facts``, remembered per text like a finder's (``pipeline.memo``)."""
    return tuple(sentence_facts(sentence, about_exam, about_practice, about_score))


def sentence_facts(sentence: str, about_exam: bool = False, about_practice: bool = False,
                   about_score: bool = False) -> Iterator[ExamFact]:
    """Every exam fact a sentence states; ``about_exam``/``about_practice``/``about_score`` describe its headings."""
    if not (_FACT_WORDS.held_by(sentence) and _has_figures(sentence)):
        return
    yield from _fees(sentence, about_exam)
    if about_practice or PRACTICE.search(sentence):
        return
    if about_exam or EXAM.search(sentence):
        yield from _questions(sentence)
        yield from _time_limits(sentence)
    yield from _scores(sentence, about_score)


def _has_figures(text: str) -> bool:
    """Whether the text holds a number or a length ("an hour"), as every exam fact is one."""
    return bool(find_numbers(text) or find_durations(text))


def _fees(sentence: str, about_exam: bool) -> Iterator[ExamFact]:
    amounts = find_money(sentence)
    if not amounts or not (about_exam or FEE_CUE.search(sentence)):
        return
    fees = [(money, values) for money in amounts if not money.period and (values := [
        value for value in (money.low, money.high) if value is not None and MIN_USD <= value <= MAX_USD])]
    if not fees:
        return
    anchors = sorted([(m.start, m.end) for m in amounts] + [(h.start, h.end) for h in find_credentials(sentence)])
    for money, values in fees:
        near, reach = _window(sentence, money, anchors)
        if OTHER_PRICE.search(reach) or _listed_with_others(sentence, money):
            continue
        qualifier = _qualifier(near)
        for value in values:
            yield ExamFact("fee", value, "USD", qualifier, money.start, _named_after(sentence, money.end),
                           len(values) > 1)


def _listed_with_others(sentence: str, money: Money) -> bool:
    """Whether the credential named last before the amount is listed after other things, which it costs with."""
    hit = next((hit for hit in reversed(find_credentials(sentence)) if hit.end <= money.start), None)
    return hit is not None and OTHER_PRICE.search(sentence, 0, hit.start) is not None \
        and _LISTED_BEFORE.search(sentence, 0, hit.start) is not None


def _named_after(sentence: str, end: int) -> str | None:
    """The credential named right after an amount, as the one it is the price of: "$299 (CCA)", "$399 for the CCS"."""
    hit = next((hit for hit in find_credentials(sentence) if hit.start >= end), None)
    if hit and _BEFORE_NAMED.fullmatch(sentence, end, hit.start) and _AFTER_NAMED.match(sentence, hit.end):
        return hit.code
    return None


def _window(sentence: str, money: Money, anchors: list[tuple[int, int]]) -> tuple[str, str]:
    """The words that belong to an amount, and those that may say what it pays for.

    Both end at the next separator after the amount; the first starts at the last
    separator before it, the second at the previous amount or credential.
    """
    left = max((end for _, end in anchors if end <= money.start), default=0)
    right = min((start for start, _ in anchors if start >= money.end), default=len(sentence))
    left = max(left, sentence.rfind("|", 0, money.start) + 1)  # "|" parts fields run together on one line
    right = min(right, sentence.find("|", money.end) % (len(sentence) + 1))
    before = sentence[left:money.start]
    breaks = list(_SEPARATOR_BEFORE.finditer(before))
    near_before = before[breaks[-1].end():] if breaks else before
    after = sentence[money.end:right]
    cut = (_SEPARATOR_OR_COMMA if right < len(sentence) else _SEPARATOR).search(after)
    after = after[:cut.start()] if cut else after
    return f"{near_before} {after}", f"{before} {after}"


def _qualifier(text: str) -> str | None:
    names, groups = [], set()
    for group, name, pattern in QUALIFIERS:
        if group not in groups and pattern.search(text):
            names.append(name)
            groups.add(group)
    return ", ".join(names) or None


def _pair_member_prices(rows: list[Row]) -> list[Row]:
    """Beside a member price for the same credential, a fee that names no membership is the non-member price."""
    member_priced = {row["credential"] for row in rows if row["attribute"] == "fee" and "member" in _names(row)}
    for row in rows:
        unqualified = not {"member", "non-member"} & _names(row)
        if row["attribute"] == "fee" and row["credential"] in member_priced and unqualified:
            row["qualifier"] = ", ".join(filter(None, ["non-member", row["qualifier"]]))
    return rows


def _names(row: Row) -> set[str]:
    """The qualifier names a row carries."""
    return set(str(row["qualifier"] or "").split(", "))


def _questions(sentence: str) -> Iterator[ExamFact]:
    """Question counts: the exam's total, not its unscored items ("20 of which are pilot items") or one part's."""
    if not _QUESTION_WORDS.held_by(sentence):
        return
    for match in _QUESTIONS.finditer(sentence):
        count = parse_number(match.group("count") or match.group("listed"))
        if count is None or _per_part(sentence, match.start(), match.end()):  # no number, or one part's
            continue
        if upper := match.group("upper") or match.group("listed_upper"):
            counts = [(count, "minimum"), (parse_number(upper), "maximum")]
        elif match.group("more"):
            more = parse_number(match.group("more")) or 0
            counts = [(count + more, f"{count:g} scored + {more:g} unscored")]
        elif UNSCORED.search(match.group()):
            continue
        else:
            counts = [(count, None)]
        for total, qualifier in counts:
            if total is not None and total == int(total) and MIN_QUESTIONS <= total <= MAX_QUESTIONS:
                yield ExamFact("questions", total, "questions", qualifier, match.start(), None, len(counts) > 1)


def _time_limits(sentence: str) -> Iterator[ExamFact]:
    covered = []
    for duration in find_durations(sentence):
        if duration.hours is None:
            continue
        minutes, end = duration.hours * 60, duration.end
        if tail := _AND_MINUTES.match(sentence, end):
            minutes += parse_number(tail.group("count")) or 0
            end = tail.end()
        covered.append((duration.start, end))
        if _is_exam_time(sentence, duration.start, end, minutes):
            yield ExamFact("time_limit", minutes, "minutes", None, duration.start)
    for match in _MINUTES.finditer(sentence) if _MINUTE_WORDS.held_by(sentence) else ():
        minutes = parse_number(match.group("count"))
        inside = any(start <= match.start() < end for start, end in covered)
        if minutes is not None and not inside and _is_exam_time(sentence, match.start(), match.end(), minutes):
            yield ExamFact("time_limit", minutes, "minutes", None, match.start())


def _is_exam_time(sentence: str, start: int, end: int, minutes: float) -> bool:
    return (MIN_MINUTES <= minutes <= MAX_MINUTES and not _per_part(sentence, start, end)
            and not _NOT_EXAM_TIME.match(sentence, end))


def _per_part(sentence: str, start: int, end: int) -> bool:
    """Whether the count or length at ``start:end`` is one part's of the exam, not the whole exam's.

    "Each" makes it one part's, unless the sentence names several credentials before it and no parts
    ("the COC and CIC exams each have 100 questions").
    """
    if _PER_PART.match(sentence, end) or _PART_BEFORE.search(sentence, 0, start) or _PART_LABEL.match(sentence):
        return True
    if not (_EACH.match(sentence, end) or _EACH_BEFORE.search(sentence, 0, start)):
        return False
    return SECTION.search(sentence) is not None or len({hit.code for hit in find_credentials(sentence[:start])}) < 2


def _scores(sentence: str, about_score: bool = False) -> Iterator[ExamFact]:
    percents = find_percents(sentence)
    points = list(_SCORE.finditer(sentence)) if _SCORE_WORDS.held_by(sentence) else []
    if not (percents or points):
        return
    rate = PASS_RATE.search(sentence)
    passing = about_score or PASS.search(PASS_RATE.sub("", sentence))
    scoring = passing or _SCORE_WORD.search(sentence)
    qualifier = _qualifier(sentence) if scoring else None
    for percent in percents:
        if NOT_SCORE.match(sentence, percent.end):
            continue
        if (rate and rate.start() < percent.start) or SHARE_PASSING.match(sentence, percent.end):
            yield ExamFact("pass_rate", percent.value, "percent", None, percent.start)
        elif passing or _SCORE_WORD.search(sentence, max(0, percent.start - _SCORE_REACH), percent.start):
            # without a word of passing, "score" must come first: "(33%) ... of your score" weighs a part
            yield ExamFact("passing_score", percent.value, "percent", qualifier, percent.start)
    if not scoring:
        return
    restated = {percent.end for percent in percents}  # "70% (105/150)": the points restate the percentage
    for match in points:
        if any(_RESTATED.fullmatch(sentence, end, match.start()) for end in restated):
            continue
        value = parse_number(match.group("value") or match.group("bare"))
        scale = match.group("scale") or match.group("bare_scale")
        if value is not None and value >= MIN_SCORE:
            unit = f"score out of {scale}" if scale else "score"
            yield ExamFact("passing_score", value, unit, qualifier, match.start())
