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
_BRACKET = re.compile(r"\s*\(\s*")


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
    breaks = list(_CLAUSE_BREAK.finditer(before))
    before = before[breaks[-1].end():] if breaks else before
    after = text[money.end:money.end + _FEE_AFTER]
    cut = _CLAUSE_BREAK.search(after)
    after = after[:cut.start()] if cut else after
    beside = " ".join(before.split()[-_EXAM_REACH:] + after.split()[:_EXAM_REACH])
    return bool(_FEE.search(before + " " + after) or _EXAM.search(beside) or _priced_credential(text, money))


def _priced_credential(text: str, money: Money) -> bool:
    """Whether a credential is named just before the amount ("Certified Coding Specialist (CCS) for $399")."""
    return any(money.start - _CREDENTIAL_REACH <= hit.end <= money.start for hit in find_credentials(text))


def program_costs(text: str) -> list[Money]:
    """The amounts or ranges in ``text`` that give a program's total cost.

    An amount in brackets right after another ("$499 ($399 for members)") is another price of the same
    thing: a fee if that one is.
    """
    costs, fee, last = [], False, None
    for money in _joined(text, find_money(text)):
        bracketed = last is not None and _BRACKET.fullmatch(text, last.end, money.start)
        fee = fee if bracketed else _is_fee(text, money)
        if money.period is None and not _RATE.match(text, money.end) and not fee:
            costs.append(money)
        last = money
    return costs
