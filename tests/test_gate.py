import re
from pathlib import Path

import pytest

from pipeline import awards, exams, outlook, program_norms, programs, requirements, tuition, wages
from pipeline.gate import AnyOf, CaseBlind, Gate, Gated, lower, needed_words

DEMO = Path(__file__).resolve().parent.parent / "demo" / "site"


def test_needed_words_come_from_literals_choices_and_repeated_groups():
    assert needed_words(r"\bexperience\b", re.I) == {"experience"}
    assert needed_words(r"\b(?:member|dues)s?\b", re.I) == {"member", "dues"}
    assert needed_words(r"per\s?cent", re.I) == {"cent"}
    assert needed_words(r"(?:ab)+c") == {"ab"}


def test_patterns_without_a_needed_literal_are_never_gated():
    assert needed_words(r"\d+") is None
    assert needed_words(r"x?|y") is None
    assert Gated(r"\d+").search("no digits here") is None
    assert Gated(r"\d+").search("one 2")


def test_short_texts_are_checked_too():
    assert not Gated(r"\bexams?\b", re.I).opens("Fees")
    assert Gated(r"\bexams?\b", re.I).opens("Exam")


def test_gates_compare_in_lower_case_unless_cased():
    assert Gate(["Exam"]).opens("THE EXAM")
    assert not Gate(["AAPC"], cased=True).opens("aapc")
    assert Gate(["AAPC"], cased=True).opens("the AAPC")


@pytest.mark.parametrize("text", ["İNSTITUTE", "ınstitute", "ſtate", "\u212aeys"])
def test_letters_that_fold_to_ascii_when_case_is_ignored_still_open_the_gate(text):
    pattern = re.compile(r"\binstitute\b|\bstate\b|\bkeys\b", re.IGNORECASE)
    assert pattern.search(text)
    assert Gated(pattern.pattern, pattern.flags).search(text)
    assert lower("İ") == "i"


def _gated_patterns() -> list[Gated]:
    found = []
    for module in (awards, exams, outlook, program_norms, programs, requirements, tuition, wages):
        for value in vars(module).values():
            values = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
            for item in values:
                found += [part for part in (item if isinstance(item, tuple) else (item,)) if isinstance(part, Gated)]
    return found


def test_one_check_of_what_any_pattern_needs_rules_a_text_out_for_all_of_them():
    patterns = [Gated(r"\bmedian\b", re.IGNORECASE), Gated(r"\bBLS\b")]
    either = AnyOf(patterns)
    for text in ["The MEDIAN hourly wage for coders in the state", "Figures from the BLS, updated for this year",
                 "Figures from the bls, updated for this year and last", "x" * 39]:
        assert either.opens(text) == any(pattern.opens(text) for pattern in patterns), text
    assert not either.opens("Figures from the bls, updated for this year and last")
    assert AnyOf([*patterns, Gated(r"\d+")]).opens("No words any pattern needs, yet open")
    assert either.matches("The MEDIAN hourly wage for coders in the state")
    assert not either.matches("The MEDIANS of hourly wages for coders in the state")


@pytest.mark.parametrize("text", ["İNSTITUTE or ınstitute", "ſtate, STATE and \u212aeys", "the state's keys",
                                  "upstate keys, turnkeys and KEYS"])
def test_a_case_blind_pattern_finds_what_ignoring_case_finds(text):
    blind = CaseBlind(r"(?<!\w)(?:institute|states?|keys)(?!\w)")  # its twin skips the look-behind
    assert [m.span() for m in blind.finditer(text)] == [m.span() for m in blind.pattern.finditer(text)]
    assert len(list(blind.finditer(text))) >= 2
    assert blind.search(text).span() == blind.pattern.search(text).span()
    assert blind.search("no such word in this text") is None


@pytest.mark.parametrize("pattern", [r"[A-Z]{2}", r"(?-i:ce)", r"keys?|x?"])
def test_a_case_blind_pattern_names_its_letters_in_lower_case_and_matches_something(pattern):
    with pytest.raises(ValueError):
        CaseBlind(pattern)
