import pytest

from pipeline.occupations import Occupation, find_occupation, name_occupation


def test_the_name_runs_back_from_its_head_word_to_a_stop_word():
    assert find_occupation("The median wage for medical records and health information specialists was") == (
        "medical records and health information specialists")


def test_a_compound_head_is_kept_whole():
    assert find_occupation("while certified professional coders make more") == "certified professional coders"


def test_a_lone_generic_head_is_no_occupation_but_a_lone_coder_is():
    assert find_occupation("Most professionals agree") is None
    assert find_occupation("Coders in Ohio earn less") == "Coders"


def test_text_without_an_occupation_gives_none():
    assert find_occupation("Pay rises with experience.") is None


@pytest.mark.parametrize(("text", "phrase", "codes"), [
    ("Health Information Technologists and Medical Registrars earned",
     "Health Information Technologists and Medical Registrars", [{"29-9021"}]),  # a title holding "and" is one name
    ("Remote certified coders often earn more", "Remote certified coders", [{"29-2071", "29-2072"}]),
    ("The Bureau of Labor Statistics counts coders among them", "coders", [{"29-2071", "29-2072"}]),
    ("medical billers, coders and medical secretaries", "medical billers, coders and medical secretaries",
     [{"43-3021"}, {"29-2071", "29-2072"}, {"43-6013"}]),
    ("a medical office assistant's pay", "medical office assistant", [{"43-6013", "31-9092"}]),
    ("CDI specialists review charts", "CDI specialists", [set()]),  # a role: no code
])
def test_a_registry_name_is_the_occupation_with_the_codes_it_stands_for(text, phrase, codes):
    found = name_occupation(text)
    assert (found.phrase, [set(names) for names in found.names]) == (phrase, codes)


def test_an_occupation_outside_the_registry_named_first_is_kept():
    assert name_occupation("Remote coding professionals earn more than medical coders") == Occupation(
        "Remote coding professionals")


def test_a_written_soc_code_alone_is_an_occupation_without_words():
    assert name_occupation("Median pay (SOC 29-2072)") == Occupation(None, (), "29-2072")
    assert name_occupation("Pay for 99-9999 workers") is None  # not a registry code


@pytest.mark.parametrize(("names", "year", "code"), [
    ([{"29-2071", "29-2072"}], 2018, "29-2071"),
    ([{"29-2071", "29-2072"}], 2019, "29-2072"),
    ([{"29-2071", "29-2072"}], None, "29-2072"),
    ([{"43-3021"}], 2012, "43-3021"),  # a code in one classification only stays itself
    ([{"43-3021"}, {"29-2072"}], 2023, None),  # names of two occupations
    ([{"29-2072"}, {"29-2071", "29-2072"}], 2023, "29-2072"),
    ([set()], 2023, None),  # a role
])
def test_the_code_is_the_one_every_name_stands_for_in_the_figures_year(names, year, code):
    assert Occupation("x", tuple(frozenset(n) for n in names)).code(year) == code


def test_a_written_code_wins_over_the_names():
    assert Occupation("medical coders", (frozenset({"29-2072"}),), "29-9021").code(2023) == "29-9021"
