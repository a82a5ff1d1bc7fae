import pytest

from pipeline.durations import find_durations
from pipeline.money import find_money
from pipeline.page import Block, CleanPage
from pipeline.periods import NAMES, period_after
from pipeline.tuition import program_costs
from pipeline.wages import extract_wages


@pytest.mark.parametrize(("text", "period"), [
    ("$20.50 an hour", "hourly"),
    ("$18/hr", "hourly"),
    ("$44,090 per year", "annual"),
    ("$52,000 per annum", "annual"),
    ("$61,000 annually", "annual"),
    ("$3,900 a month", "monthly"),
    ("$950 every week", "weekly"),
    ("$1,900 biweekly", "biweekly"),
    ("$1,900 per fortnight", "biweekly"),
    ("$180 per day", "daily"),
    ("$2,400 quarterly", "quarterly"),
    ("$1,200 a semester", "term"),
    ("$1,200 in all", None),
])
def test_the_period_after_an_amount_is_read_with_it(text, period):
    (money,) = find_money(text)
    assert money.period == period
    assert money.end == (len(text) if period else len("$1,200"))


def test_a_rate_word_must_stand_apart_from_the_unit():
    assert period_after("$20 everyday", 3) is None
    assert period_after("$20 a yearbook", 3) is None


@pytest.mark.parametrize(("text", "period"), [
    ("Annual wage", "annual"),
    ("paid yearly", "annual"),
    ("($/yr)", "annual"),
    ("Hourly rate", "hourly"),
    ("pay per hr", "hourly"),
])
def test_a_period_named_anywhere_in_a_text(text, period):
    assert [name for name, pattern in NAMES.items() if pattern.search(text)] == [period]


def wage_page(*blocks):
    return CleanPage("https://example.org/salary", "Medical Coder Salary Guide", list(blocks))


HEADER = ("Setting", "Median pay")


@pytest.mark.parametrize("blocks", [
    [Block("paragraph", "Medical coders earn a median of $4,100 a month.")],
    [Block("paragraph", "Median pay for coders:"), Block("item", "Hospitals: $4,100 per month")],
    [Block("paragraph", "Median pay: $1,900 biweekly")],
    [Block("row", " | ".join(cells), cells=cells, header=HEADER)
     for cells in (HEADER, ("Hospitals", "$4,100 monthly"))],
], ids=["sentence", "list item", "label and value", "table row"])
def test_pay_for_a_month_or_a_fortnight_is_no_annual_or_hourly_wage(blocks):
    assert extract_wages(wage_page(*blocks)) == []


@pytest.mark.parametrize("text", [
    "The certificate program costs $300 per month.",
    "Tuition runs $1,200 a semester.",
    "Expect $2,400 quarterly for the diploma.",
])
def test_an_amount_for_a_period_is_no_programs_total(text):
    assert program_costs(text) == []


@pytest.mark.parametrize("text", [
    "40 hours per week", "20 hours every month", "3 hours each day", "8 hrs/day", "10 hours per semester",
    "200 hours per year",
])
def test_a_count_per_period_is_a_rate_not_a_length(text):
    assert find_durations(text) == ()
