"""Dollar amounts that state what a program costs, as opposed to fees, rates and wages."""

from __future__ import annotations

import re

from pipeline.clauses import breaks
from pipeline.credentials import find_credentials
from pipeline.datafiles import load
from pipeline.money import Money, find_money
from pipeline.patterns import one_of, whole_words
from pipeline.periods import rate

_DATA = load("tuition")


_RATE = re.compile(rf"\s*{rate(_DATA['per'])}", re.IGNORECASE)
_FEE = re.compile(whole_words(_DATA["fees"] + _DATA["not_prices"]), re.IGNORECASE)
_TOTAL = re.compile(whole_words(_DATA["totals"]), re.IGNORECASE)
_EXAM = re.compile(whole_words(_DATA["exams"]), re.IGNORECASE)
_EXAM_REACH = 4
_FEE_BEFORE, _FEE_AFTER = 40, 30  # characters around an amount whose words may make it a fee
_TOTAL_LONGEST = max(map(len, _DATA["totals"]))
_CREDENTIAL_REACH = 15
_JOINER = re.compile(rf"\s*(?:{one_of(_DATA['joiners'])})\s*", re.IGNORECASE)
_CLAUSE_BREAK = breaks(",;:()", "list_joiners", "contrast", "concession")
_ALTERNATIVE = re.compile(r"\s*(?:\(|,?\s*or\b)\s*", re.IGNORECASE)  # "$499 ($399 for members)", "$499, or $399 ..."
# "Cost per credit: $330", "Per-credit tuition – $330": a label that makes the amount after it a rate
_RATE_LABEL = re.compile(rf"(?:per|each|/)[\s-]*(?:{one_of(_DATA['per'])})\b[^$\d.;]{{0,25}}[:\-–]\s*$",
                         re.IGNORECASE)
_RATE_LABEL_REACH = 40


def _joined(text: str, amounts: list[Money]) -> list[Money]:
    """Amounts with two single amounts that a range word joins made into one range."""
    joined: list[Money] = []
    for money in amounts:
        last = joined[-1] if joined else None
        if (last and last.high is None and money.high is None and money.low > last.low
                and _JOINER.fullmatch(text, last.end, money.start)):
            joined[-1] = Money(last.low, money.low, None, last.start, money.end)
        else:
            joined.append(money)
    return joined


def _is_fee(text: str, money: Money) -> bool:
    """Whether the amount's clause makes it a fee, a wage or money other than a price (revenue, aid), or a word or
    credential beside it an exam's price.

    "Tuition and fees" names the whole price, so its fee word does not count.
    """
    reach = _FEE_BEFORE + _TOTAL_LONGEST  # a total that ends inside the reach is read whole
    before = _TOTAL.sub("", text[max(0, money.start - reach):money.start])[-_FEE_BEFORE:]
    before = _clause_before(before)
    after = text[money.end:money.end + _FEE_AFTER]
    cut = _CLAUSE_BREAK.search(after)
    after = after[:cut.start()] if cut else after
    beside = " ".join(before.split()[-_EXAM_REACH:] + after.split()[:_EXAM_REACH])
    return bool(_FEE.search(before + " " + after) or _EXAM.search(beside) or _priced_credential(text, money))


def _clause_before(before: str) -> str:
    """The clause of the text before an amount; a label's, for an amount right after it ("Exam fee: $399")."""
    cuts = list(_CLAUSE_BREAK.finditer(before))
    if not cuts:
        return before
    last = cuts[-1]
    if last.group() == ":" and not before[last.end():].strip():
        return before[cuts[-2].end() if len(cuts) > 1 else 0:last.start()]
    return before[last.end():]


def _priced_credential(text: str, money: Money) -> bool:
    """Whether a credential is named just before the amount ("Certified Coding Specialist (CCS) for $399")."""
    return any(money.start - _CREDENTIAL_REACH <= hit.end <= money.start for hit in find_credentials(text))


def program_costs(text: str) -> list[Money]:
    """The amounts or ranges in ``text`` that give a program's total cost.

    An amount in brackets or after "or" right after another ("$499 ($399 for members)", "$499, or $399
    for students") is another price of the same thing: a fee if that one is.
    """
    costs, fee, last = [], False, None
    for money in _joined(text, find_money(text)):
        other_price = last is not None and _ALTERNATIVE.fullmatch(text, last.end, money.start)
        fee = fee if other_price else _is_fee(text, money)
        if money.period is None and not _is_rate(text, money) and not fee:
            costs.append(money)
        last = money
    return costs


def _is_rate(text: str, money: Money) -> bool:
    """Whether the amount is priced by a unit: "$46 per unit", "Cost per credit: $330"."""
    return bool(_RATE.match(text, money.end)
                or _RATE_LABEL.search(text, max(0, money.start - _RATE_LABEL_REACH), money.start))
