import pytest

from pipeline.currency import named_currency, sign_currency
from pipeline.money import find_money


@pytest.mark.parametrize(("text", "code"), [
    ("NZ$52,000", "NZD"), ("about C$ 60,000", "CAD"), ("$52,000 CAD per year", "CAD"), ("AUD $65,000", "AUD"),
    ("$71,500 (SGD)", "SGD"), ("MX$9,500", "MXN"), ("$48,000", None), ("US$48,000", None),
])
def test_a_sign_or_code_at_the_amount_gives_its_currency(text, code):
    assert sign_currency(text, find_money(text)[0]) == code


@pytest.mark.parametrize(("text", "code"), [
    ("Coders in New Zealand earn", "NZD"), ("In Toronto, billers make", "CAD"), ("Pay in Ohio", "USD"),
    ("across the U.S.", "USD"), ("in Canada and the United States", None), ("Remote coders earn", None),
])
def test_the_place_a_text_names_gives_its_dollars_and_two_places_give_none(text, code):
    assert named_currency(text) == code

