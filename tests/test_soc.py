import pytest

from pipeline.soc import BY_CODE, OCCUPATIONS, ROLES, code_for, find_names, written_code


def test_every_code_the_registry_links_to_is_in_it():
    for occupation in OCCUPATIONS:
        assert {occupation.series, *occupation.replaces, *occupation.replaced_by} <= set(BY_CODE), occupation.code
        assert occupation.classification in (2010, 2018)


def test_a_name_under_two_codes_sits_under_one_of_each_classification_or_is_ambiguous_on_purpose():
    by_name: dict[str, set[str]] = {}
    for occupation in OCCUPATIONS:
        for name in occupation.names:
            by_name.setdefault(name, set()).add(occupation.code)
    for name, codes in by_name.items():
        editions = [BY_CODE[code].classification for code in codes]
        assert len(editions) == len(set(editions)) or code_for(frozenset(codes), 2023) is None, name


@pytest.mark.parametrize("occupation", OCCUPATIONS, ids=lambda occupation: occupation.code)
def test_every_title_and_name_is_found_as_itself(occupation):
    for name in (occupation.title, *occupation.former_titles, *occupation.names):
        (found,) = find_names(f"Figures for {name} and more")
        assert occupation.code in found.codes, name


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.name)
def test_a_role_is_found_with_no_code(role):
    assert [named.codes for named in find_names(f"Most {role.name}s work remotely")] == [frozenset()]


@pytest.mark.parametrize(("text", "code"), [
    ("SOC 29-2072", "29-2072"),
    ("Summary Report for: 29-2071.00 - Medical Records Technicians", "29-2071"),
    ("(29-9021)", "29-9021"),
    ("Call 1-800-29-2072 today", None),  # part of a phone number
    ("Codes 29-2072 and 29-9021", None),  # two codes: neither
    ("Occupation 15-1252", None),  # not in the registry
])
def test_a_written_code_counts_only_when_it_is_one_registry_code(text, code):
    assert written_code(text) == code
