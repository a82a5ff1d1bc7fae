import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.phrases import Case, Phrases

CODES = Phrases([("CPC", "CPC", Case.EXACT), ("CPC-A", "CPC-A", Case.EXACT), ("CCS-P", "CCS-P", Case.EXACT)],
                plural=True)
NAMES = Phrases([("Certified Professional Coder", "CPC", Case.TITLE),
                 ("Certified Coding Specialist-Physician-based", "CCS-P", Case.TITLE),
                 ("Certified Professional Coder in Dermatology", "CPCD", Case.TITLE)], plural=True)
SYSTEMS = Phrases([("ICD-10", "ICD-10-CM", Case.WRITTEN), ("ICD-10-CM", "ICD-10-CM", Case.WRITTEN),
                   ("ICD-10-PCS", "ICD-10-PCS", Case.WRITTEN), ("PCS", "ICD-10-PCS", Case.WRITTEN)], plural=True)
WORDS = Phrases([("medical coder", "medical coder", Case.ANY), ("coder", "medical coder", Case.ANY),
                 ("medical billing", "medical billing", Case.ANY),
                 ("billing and coding specialist", "billing and coding specialist", Case.ANY)], plural=True)


def spans(phrases, text):
    return [(hit.value, text[hit.start:hit.end]) for hit in phrases.find(text)]


@pytest.mark.parametrize("text", [
    "ICD-10-CM", "ICD 10 CM", "ICD–10–CM", "ICD10CM", "ICD - 10 - CM", "ICD\u00a010\u00a0CM", "ICD‑10‑CM",
])
def test_spaces_and_dashes_between_the_parts_of_a_phrase_are_one_separator(text):
    assert spans(SYSTEMS, f"Code it in {text} today.") == [("ICD-10-CM", text)]


@pytest.mark.parametrize(("text", "found"), [
    ("a medical-coder", ["medical-coder"]),
    ("a medical  coder", ["medical  coder"]),
    ("a medical\ncoder", ["medical\ncoder"]),
    ("a medicalcoder", []),
])
def test_words_need_a_separator_between_them(text, found):
    assert [span for _, span in spans(WORDS, text)] == found


@pytest.mark.parametrize(("phrases", "text", "found"), [
    (WORDS, "Most medical coders work", "medical coders"),
    (WORDS, "MEDICAL CODERS WANTED", "MEDICAL CODERS"),
    (CODES, "Most CPCs earn more", "CPCs"),
    (CODES, "Two CPC®s and a CPC(R)", "CPC®s"),
    (NAMES, "For Certified Professional Coders only", "Certified Professional Coders"),
    (SYSTEMS, "Older EHRs show ICD-10s", "ICD-10s"),
])
def test_a_plural_s_belongs_to_the_phrase(phrases, text, found):
    assert spans(phrases, text)[0][1] == found


@pytest.mark.parametrize(("phrases", "text"), [
    (CODES, "The CPCS board"),  # a code takes a small "s" only: "CPCS" is another acronym
    (WORDS, "many coderss"),
    (Phrases([("coder", "coder", Case.ANY)]), "many coders"),  # a vocabulary without plurals
])
def test_a_plural_is_taken_only_as_allowed(phrases, text):
    assert spans(phrases, text) == []


@pytest.mark.parametrize("text", [
    "The CPC exam", "(CPC)", "CPC, CCS", "the CPC.", "CPC-certified coders", "CPC-Certified", "a CPC's pay",
    "CPC® holders", "CPC™", "pay—CPC—more", "CPC- or CCS-certified", "CPC/CCS", '"CPC"',
])
def test_a_phrase_is_found_where_no_word_touches_it(text):
    assert [value for value, _ in spans(CODES, text)][:1] == ["CPC"]


@pytest.mark.parametrize("text", [
    "XCPC", "CPCX", "CPC2", "2CPC", "CPC_exam", "pre-CPC", "CPC-B", "CPC-AB", "CPC–B", "CPC-10", "aCPC",
])
def test_a_phrase_touched_by_a_word_character_or_hyphen_is_not_found(text):
    assert spans(CODES, text) == []


@pytest.mark.parametrize(("phrases", "text", "found"), [
    (CODES, "CPC-A", True), (CODES, "CPC–A", True), (CODES, "CPC A", False), (CODES, "cpc-a", False),
    (CODES, "Cpc", False),
    (SYSTEMS, "ICD 10 CM", True), (SYSTEMS, "icd-10-cm", False), (SYSTEMS, "Icd-10-Cm", False),
    (SYSTEMS, "pcs", False),
    (NAMES, "Certified Professional Coder", True), (NAMES, "CERTIFIED PROFESSIONAL CODER", True),
    (NAMES, "Certified Professional Coder In Dermatology", True),
    (NAMES, "Certified Coding Specialist-Physician-Based", True),
    (NAMES, "certified professional coder", False), (NAMES, "Certified professional coder", False),
    (WORDS, "Medical CODER", True), (WORDS, "mEdIcAl coder", True),
])
def test_each_phrase_is_found_only_as_its_case_asks(phrases, text, found):
    assert (text in [span for _, span in spans(phrases, f"Ask a {text} now")]) is found


def test_a_phrase_in_capitals_is_found_in_capitals_only_when_the_rest_of_the_name_is_not():
    assert spans(NAMES, "Certified Professional Coder in dermatology") == [("CPC", "Certified Professional Coder")]


@pytest.mark.parametrize(("phrases", "text", "found"), [
    (SYSTEMS, "ICD-10-CM", [("ICD-10-CM", "ICD-10-CM")]),
    (SYSTEMS, "ICD-10-PCS", [("ICD-10-PCS", "ICD-10-PCS")]),
    (CODES, "CPC-A", [("CPC-A", "CPC-A")]),
    (WORDS, "medical coders", [("medical coder", "medical coders")]),
    (NAMES, "Certified Professional Coder in Dermatology", [("CPCD", "Certified Professional Coder in Dermatology")]),
])
def test_the_longest_of_the_phrases_that_start_alike_wins(phrases, text, found):
    assert spans(phrases, text) == found


def test_the_earlier_of_two_overlapping_phrases_wins_and_the_next_after_it_counts():
    assert spans(WORDS, "medical billing and coding specialist, then a coder") == [
        ("medical billing", "medical billing"), ("medical coder", "coder")]
    assert spans(SYSTEMS, "ICD-10-CM/PCS manuals") == [("ICD-10-CM", "ICD-10-CM"), ("ICD-10-PCS", "PCS")]


def test_every_gives_overlapping_phrases_too():
    cues = Phrases([("course work", "course", Case.ANY), ("work in", "work_setting", Case.ANY)])
    text = "Course work in a hospital"
    assert {hit.value for hit in cues.every(text)} == {"course", "work_setting"}
    assert [hit.value for hit in cues.find(text)] == ["course"]


@pytest.mark.parametrize(("phrase", "value"), [
    ("medical coders", "medical coder"), ("Coder", "medical coder"), ("a medical coder", None), ("coder I", None),
])
def test_whole_names_the_phrase_that_is_all_of_a_text(phrase, value):
    assert WORDS.whole(phrase) == value


def test_a_letter_that_reads_as_i_or_s_in_any_case_keeps_the_spans_in_place():
    text = "The STATİSTİCS office, a Statiſtics office, not a Statıstics office"
    offices = Phrases([("statistics office", "BLS", Case.ANY)])
    assert [text[hit.start:hit.end] for hit in offices.find(text)] == ["STATİSTİCS office", "Statiſtics office"]


_SEPARATOR = "[\\s\\-‐‑–—]*"
_WRITTEN_ICD = re.compile(rf"(?<![\w\-‐‑])ICD{_SEPARATOR}10{_SEPARATOR}CM(?!\w|[\-‐‑–—](?![^\W\d_][a-z])\w)")


@given(st.lists(st.sampled_from(["ICD-10-CM", "ICD 10CM", "ICD", "10", "CM", "x", "X", " ", "  ", "-", "–", "‑",
                                  "\u00a0", ".", "("]), max_size=14).map("".join))
def test_a_phrase_is_found_wherever_spaces_and_dashes_fall(text):
    icd = Phrases([("ICD-10-CM", "ICD-10-CM", Case.WRITTEN)])
    assert [(hit.start, hit.end) for hit in icd.find(text)] == [m.span() for m in _WRITTEN_ICD.finditer(text)]
