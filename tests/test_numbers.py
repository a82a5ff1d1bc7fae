
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.numbers import find_numbers, parse_number


def test_parse_number_reads_separators_scales_and_words():
    assert parse_number("129,000") == 129_000
    assert parse_number("47.2K") == 47_200
    assert parse_number("$47.2k") == 47_200
    assert parse_number("1.5 million") == 1_500_000
    assert parse_number("two") == 2
    assert parse_number("twelve") == 12
    assert parse_number("341,600") == 341_600


def test_parse_number_rejects_text_that_is_not_one_number():
    assert parse_number("12 months") is None
    assert parse_number("2019-29") is None
    assert parse_number("1,2345") is None
    assert parse_number("5 m") is None
    assert parse_number("") is None
    assert parse_number("coding") is None


def test_find_numbers_skips_scale_letters_that_start_words():
    numbers = find_numbers("We hired 3 managers and 40 coders, about 2.5k people in all")
    assert [n.value for n in numbers] == [3, 40, 2_500]


def test_find_numbers_spans_cover_the_written_number():
    text = "Around 129,000 openings over ten years"
    assert [text[n.start:n.end] for n in find_numbers(text)] == ["129,000", "ten"]


@given(st.integers(min_value=0, max_value=10**12))
def test_parse_number_round_trips_grouped_integers(value):
    assert parse_number(f"{value:,}") == value


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_parse_number_round_trips_dollar_decimals(value):
    assert parse_number(f"${value:,.2f}") == float(f"{value:.2f}")


@pytest.mark.parametrize(("text", "value"), [
    ("twenty-five", 25),
    ("twenty five", 25),
    ("Twenty-Four", 24),
    ("a hundred", 100),
    ("one hundred and ten", 110),
    ("two thousand five hundred", 2_500),
    ("a million", 1_000_000),
    ("one and a half", 1.5),
    ("two and a half", 2.5),
    ("dozen", 12),
    ("half", 0.5),
])
def test_parse_number_values_spelled_out_numbers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(("text", "found"), [
    ("projected to grow twenty-five percent", [("twenty-five", 25)]),
    ("about two hundred and fifty jobs", [("two hundred and fifty", 250)]),
    ("between four and five years", [("four", 4), ("five", 5)]),
    ("in twenty twenty-four", [("twenty", 20), ("twenty-four", 24)]),
    ("a few thousand coders", []),
    ("one hundred one hundred", []),  # words that make no number together
])
def test_find_numbers_spans_spelled_out_numbers_whole(text, found):
    assert [(text[n.start:n.end], n.value) for n in find_numbers(text)] == found


_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(value: int, joiner: str) -> str:
    """``value`` (1 to 999,999) in words, hundreds joined to the rest by ``joiner`` ("and " or "")."""
    if value >= 1_000:
        thousands, rest = divmod(value, 1_000)
        return f"{spell(thousands, joiner)} thousand" + (f" {spell(rest, joiner)}" if rest else "")
    if value >= 100:
        hundreds, rest = divmod(value, 100)
        return f"{_ONES[hundreds - 1]} hundred" + (f" {joiner}{spell(rest, joiner)}" if rest else "")
    if value < 20:
        return _ONES[value - 1]
    tens, ones = divmod(value, 10)
    return _TENS[tens - 2] + (f"-{_ONES[ones - 1]}" if ones else "")


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(["and ", ""]))
def test_spelled_integers_round_trip_as_one_number(value, joiner):
    text = f"about {spell(value, joiner)} jobs"
    assert [(text[n.start:n.end], n.value) for n in find_numbers(text)] == [(spell(value, joiner), value)]
