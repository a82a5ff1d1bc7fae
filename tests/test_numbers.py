
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
