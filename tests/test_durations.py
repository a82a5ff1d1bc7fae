import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.durations import find_durations


def spans(text):
    return [(d.months_min, d.months_max, d.hours) for d in find_durations(text)]


def test_bounds_open_one_end():
    assert spans("done in less than a year") == [(None, 12, None)]
    assert spans("takes up to three years") == [(None, 36, None)]
    assert spans("at least 2 years of work") == [(24, None, None)]


def test_plain_and_ranged_spans():
    assert spans("18 months") == [(18, 18, None)]
    assert spans("6 to 12 months") == [(6, 12, None)]
    assert spans("one or two years") == [(12, 24, None)]
    assert spans("a 9-month course") == [(9, 9, None)]
    assert spans("four semesters") == [(24, 24, None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Most certificate programs take between 6 and 12 months.", [(6, 12, None)]),
    ("Length: between one and two years", [(12, 24, None)]),
    ("| Certificate | between 30 and 40 weeks |", [(6.92, 9.23, None)]),
])
def test_a_span_between_two_lengths_keeps_both_ends(text, expected):
    assert spans(text) == expected


def test_and_without_between_joins_no_range():
    assert spans("2 years and 6 months") == [(24, 24, None), (6, 6, None)]


def test_hours_stay_hours():
    assert spans("the 440 hour program") == [(None, None, 440)]


def test_rates_and_other_counts_are_not_durations():
    assert spans("40 hours per week") == []
    assert spans("22 credits and 100 questions") == []


def test_span_covers_the_bound():
    text = "finish in under 9 months."
    (duration,) = find_durations(text)
    assert text[duration.start:duration.end] == "under 9 months"


@given(st.integers(min_value=1, max_value=120))
def test_months_round_trip(months):
    assert spans(f"about {months} months") == [(months, months, None)]


@given(st.integers(min_value=1, max_value=10), st.integers(min_value=1, max_value=10))
def test_year_ranges_round_trip(low, extra):
    assert spans(f"{low} to {low + extra} years") == [(low * 12, (low + extra) * 12, None)]
