import pytest

from pipeline.places import is_metro, is_state


def test_states_are_known_by_name_and_by_postal_code_in_capitals():
    assert is_state("Ohio") and is_state("New York") and is_state("TX")
    assert not is_state("Hospitals") and not is_state("or")


@pytest.mark.parametrize(("label", "metro"), [
    ("Lincoln, NE", True), ("Fargo, ND-MN", True), ("San Jose-Sunnyvale-Santa Clara, CA", True),
    ("St. Louis, MO-IL", True), ("Hospitals, state", False), ("Paris, FR", False), ("Ohio", False),
])
def test_metro_areas_are_a_place_name_and_state_codes(label, metro):
    assert is_metro(label) is metro
