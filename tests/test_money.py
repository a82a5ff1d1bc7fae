import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.money import find_money


def amounts(text):
    return [(m.low, m.high, m.period) for m in find_money(text)]


def test_single_amounts_in_every_notation():
    assert amounts("a salary of $38,860") == [(38_860, None, None)]
    assert amounts("roughly $47.2K") == [(47_200, None, None)]
    assert amounts("some 52,300 dollars") == [(52_300, None, None)]
    assert amounts("a fee of USD 399") == [(399, None, None)]


def test_period_follows_the_amount():
    assert amounts("$20.50 an hour") == [(20.5, None, "hourly")]
    assert amounts("$21.20 per hour") == [(21.2, None, "hourly")]
    assert amounts("$18/hr") == [(18, None, "hourly")]
    assert amounts("$44,090 per year") == [(44_090, None, "annual")]
    assert amounts("$61,000 annually") == [(61_000, None, "annual")]
    assert amounts("$52,000 a year") == [(52_000, None, "annual")]
    assert amounts("$3,900 a month") == [(3_900, None, "monthly")]


def test_ranges_in_every_notation():
    assert amounts("$35,000-$45,000") == [(35_000, 45_000, None)]
    assert amounts("from $1,000 to $5,000") == [(1_000, 5_000, None)]
    assert amounts("between $40,000 and $55,000 a year") == [(40_000, 55_000, "annual")]
    assert amounts("exams cost $300-400") == [(300, 400, None)]
    assert amounts("$40-50K") == [(40_000, 50_000, None)]


def test_range_span_includes_between_and_period():
    text = "Pay runs between $15 and $19 an hour here."
    (money,) = find_money(text)
    assert text[money.start:money.end] == "between $15 and $19 an hour"


def test_a_smaller_second_number_is_not_a_range_end():
    assert amounts("$50,000 - 2020 figures") == [(50_000, None, None)]


def test_phone_numbers_years_and_percents_are_not_money():
    assert find_money("Call 1-800-555-0199 in 2024; pay rose 22% or 8 percent.") == ()


def test_and_without_between_joins_nothing():
    assert amounts("$399 and $299 for members") == [(399, None, None), (299, None, None)]


@given(st.decimals(min_value=1, max_value=10**7, places=2, allow_nan=False, allow_infinity=False))
def test_formatted_amount_round_trips(value):
    (money,) = find_money(f"It pays ${value:,.2f} per hour.")
    assert money.low == float(f"{value:.2f}")
    assert money.period == "hourly"


@given(st.integers(min_value=1, max_value=10**6).flatmap(
    lambda low: st.tuples(st.just(low), st.integers(min_value=low + 1, max_value=low * 20))))
def test_range_round_trips(bounds):
    low, high = bounds
    (money,) = find_money(f"costs ${low:,} to ${high:,} in all")
    assert (money.low, money.high) == (low, high)


def test_a_far_larger_second_number_is_not_a_range_end():
    assert amounts("rose from $15 to 2020 levels") == [(15, None, None)]


@pytest.mark.parametrize(("text", "found"), [
    ("The CPC exam costs three hundred ninety-nine dollars for members.", [(399, None, None)]),
    ("A certificate runs roughly two thousand to four thousand dollars, books included.", [(2_000, 4_000, None)]),
    ("Certificates cost between three thousand and five thousand dollars.", [(3_000, 5_000, None)]),
    ("Tuition: about ten thousand dollars", [(10_000, None, None)]),
    ("Entry-level coders make forty thousand dollars a year.", [(40_000, None, "annual")]),
    ("One hundred and ten dollars buys the code book.", [(110, None, None)]),
    ("Books run several hundred dollars a year.", []),
], ids=["fee", "range with to", "range with between", "label", "with a period", "and inside a number", "no number"])
def test_amounts_written_in_words_before_dollars(text, found):
    assert amounts(text) == found
