from hypothesis import given
from hypothesis import strategies as st

from pipeline.percent import find_percents


def values(text):
    return [p.value for p in find_percents(text)]


def test_percent_in_every_notation():
    assert values("grow 22 percent") == [22]
    assert values("about 7% faster") == [7]
    assert values("8 per cent") == [8]
    assert values("eight percent") == [8]
    assert values("20.7% more") == [20.7]


def test_sign_only_when_the_number_stands_alone():
    assert values("a change of -3%") == [-3]
    assert values("between 5-7%") == [5, 7]  # not -7: the dash joins a range


def test_a_range_that_writes_its_percent_sign_once_gives_both_ends():
    assert values("grow 5 to 7 percent") == [5, 7]
    assert values("between ten and twelve per cent") == [10, 12]
    assert values("a 4 or 5% raise") == [4, 5]
    assert values("grow 5% to 7%") == [5, 7]


def test_a_figure_before_a_percentage_is_not_its_low_end_unless_it_could_be():
    assert values("from 2023 to 7%") == [7]  # a year, larger than the percentage
    assert values("costs $5 to 7% more") == [7]
    assert values("grew 2,000 jobs, or 7 percent") == [7]


def test_percentage_points_and_bare_numbers_are_not_percents():
    assert values("2.5 percentage points, 100 questions, 2024") == []


def test_span_covers_number_and_sign():
    text = "rose 12 percent in a year"
    (percent,) = find_percents(text)
    assert text[percent.start:percent.end] == "12 percent"


@given(st.decimals(min_value=0, max_value=1000, places=1, allow_nan=False, allow_infinity=False),
       st.sampled_from(["%", " percent", " per cent"]))
def test_percent_round_trips(value, sign):
    assert values(f"up {value}{sign} overall") == [float(value)]
