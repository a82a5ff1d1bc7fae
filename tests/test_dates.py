from hypothesis import given
from hypothesis import strategies as st

from pipeline.dates import find_as_of, find_year_range


def test_month_and_year_give_a_month():
    assert find_as_of("as of May 2014, pay was") == "2014-05"
    assert find_as_of("earned $50,000 in May 2020.") == "2020-05"
    assert find_as_of("data from Sept. 2021") == "2021-09"


def test_a_lone_year_gives_a_year():
    assert find_as_of("the 2017 salary survey of coders") == "2017"
    assert find_as_of("2020 Median Pay $44,090 per year") == "2020"


def test_numbers_that_look_like_years_are_not_dates():
    assert find_as_of("a fee of 1,995 dollars") is None
    assert find_as_of("a 2000 hours externship") is None
    assert find_as_of("costs $2015 in total") is None
    assert find_as_of("call 555-2020 or 2021-555-0100") is None
    assert find_as_of("about 2040 students") is None


def test_a_projection_span_is_not_an_as_of_date():
    assert find_as_of("Job Outlook, 2019-29 8%") is None


def test_year_ranges_in_every_notation():
    assert find_year_range("from 2012 to 2022") == (2012, 2022)
    assert find_year_range("Job Outlook, 2019-29") == (2019, 2029)
    assert find_year_range("2023–2033 (projected)") == (2023, 2033)
    assert find_year_range("between 2024 and 2034") == (2024, 2034)
    assert find_year_range("projections for 2020-2050") == (None, None)


def test_open_range_keeps_only_the_end():
    assert find_year_range("growth of 7% through 2033") == (None, 2033)


def test_no_range_where_years_are_merely_listed():
    assert find_year_range("in 2019 and 2020 pay rose") == (None, None)
    assert find_year_range("over the next decade") == (None, None)
    assert find_year_range("call 2020-555-1234") == (None, None)


@given(st.integers(min_value=1990, max_value=2040), st.integers(min_value=1, max_value=9))
def test_year_range_round_trips_short_and_long_forms(start, length):
    end = start + length
    assert find_year_range(f"from {start} to {end}") == (start, end)
    assert find_year_range(f"Outlook, {start}-{end % 100:02d}") == (start, end)


@given(st.integers(min_value=1950, max_value=2099), st.integers(min_value=1, max_value=12))
def test_month_year_round_trips(year, month):
    import calendar

    assert find_as_of(f"figures for {calendar.month_name[month]} {year} show") == f"{year}-{month:02d}"
