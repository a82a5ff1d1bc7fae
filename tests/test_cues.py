import re
from pathlib import Path

import pytest
from w3lib.encoding import html_to_unicode

from pipeline import exams, outlook, requirements, wages
from pipeline.clean import clean_html
from pipeline.cues import Cue, Needs, Structure, cue_table
from pipeline.statements import statements

DEMO = Path(__file__).resolve().parent.parent / "demo" / "site"


@pytest.mark.parametrize(("entries", "text"), [
    (["fee"], "The exam fee is $399."),
    (["fee"], "FEE: $399"),
    (["exam fee"], "| Exam fee | $399 |"),
    (["earn*"], "Coders earn $48,000."),
    (["earn*"], "Median earnings: $48,000"),
    (["take-home"], "take-home pay of $40,000"),
    (["take-home"], "They take home $40,000."),
    (["take-home"], "Takehome: $40,000"),
    (["in-person"], "Classes meet inperson."),  # the run a marked entry needs may stand inside a word
    (["re-take"], "You may re take it once."),
    (["non-member"], "NONMEMBER price: $499"),
    (["doesn't require"], "The CPC doesn’t require a degree."),
    (["doesn't require"], "The CPC doesn't require a degree."),
    (["CEU"], "Report 36 CEUs... or one CEU a month."),
    (["$"], "It costs $399."),
    (["%"], "a 7% rise"),
    (["all u.s. workers"], "the median for all U.S. workers"),
    (["well-paid", "paid"], "a well-paid job"),
])
def test_an_entry_is_found_in_these_phrasings(entries, text):
    assert Cue(entries).search(text)


@pytest.mark.parametrize(("entries", "text"), [
    (["fee"], "Coffee and feedback are free."),
    (["fee"], "Fees are due."),  # a plural is an entry of its own
    (["earn*"], "Learn to code."),
    (["take-home"], "Take the home study course."),
    (["CEU"], "a ceu a month"),
    (["pay"], "prepay_the_exam"),
])
def test_an_entry_is_not_found_inside_other_words_or_in_another_case_when_written_with_capitals(entries, text):
    assert Cue(entries).search(text) is None


def test_a_hyphen_does_not_join_words():
    assert Cue(["paid"]).search("a well-paid job").span() == (7, 11)


@pytest.mark.parametrize("text", ["İNSTITUTE", "ınstitute", "ſtate", "\u212aeys"])
def test_letters_that_match_when_case_is_ignored_are_found(text):
    cue = Cue(["institute", "state", "keys"])
    assert cue.pattern.search(text)
    assert cue.search(text)


def test_the_longest_entry_is_found_where_several_start():
    assert Cue(["have", "have to"]).search("You have to pass.").group() == "have to"


def test_a_structure_is_looked_for_where_a_word_it_needs_opens_a_word():
    cue = Cue(structures=[Structure(r"\bnew\b(?:\s+\w+){0,2}\s+jobs\b", ("new",))])
    assert cue.search("12,000 new coding jobs").group() == "new coding jobs"
    assert cue.search("renew jobs") is None


def test_finditer_finds_every_match_in_the_span():
    cue = Cue(["jobs", "openings"])
    assert [m.group() for m in cue.finditer("jobs and openings, more jobs", 0, 18)] == ["jobs", "openings"]


def test_a_table_gives_a_cue_per_list_with_the_patterns_kept_under_its_name():
    table = cue_table({"median": ["median"], "mean": ["average"]},
                      {"median": [{"needs": ["50"], "pattern": r"^\s*50(?:th)?\s*$"}]})
    assert list(table) == ["median", "mean"]
    assert table["median"].search("50th") and table["median"].search("Median pay")
    assert table["mean"].search("50th") is None


@pytest.mark.parametrize(("needs", "text", "held"), [
    ({"anywhere": ["cent"]}, "a 7 percent rise", True),
    ({"opening": ["cent"]}, "a 7 percent rise", False),
    ({"opening": ["cent"]}, "7 per cent", True),
    ({"opening": ["earn"]}, "Median earnings: $48,000", True),
    ({"whole": ["earn"]}, "Median earnings: $48,000", False),
    ({"whole": ["earn"]}, "Coders EARN more", True),
    ({"whole": ["earn"]}, "learn to code", False),
    ({"opening": ["$"]}, "US$40,000", True),
    ({"whole": ["the program"]}, "The Program runs a year.", True),
    ({"whole": ["the program"]}, "the programs", False),
    ({"whole": ["earn"]}, "Median pay\nEarn more", True),
    ({"opening": ["pay"]}, "Hourly\nrepay", False),
])
def test_a_needed_word_is_held_where_it_may_stand(needs, text, held):
    assert Needs(**needs).held_by(text) is held


def test_needs_joined_from_others_are_held_where_one_of_theirs_is():
    joined = Needs(either=[Needs(whole=["fee"]), Needs(anywhere=["cent"])])
    assert joined.held_by("a 7 percent rise")
    assert joined.held_by("The exam fee is $399.")
    assert not joined.held_by("Coffee is free.")


def test_a_needs_made_after_a_text_was_read_finds_its_words_in_that_text():
    text = "a zebrafinch sang"
    assert not Needs(whole=["zebra"]).held_by(text)
    assert Needs(whole=["zebrafinch"]).held_by(text)


def test_a_needed_word_over_two_lines_is_refused():
    with pytest.raises(ValueError):
        Needs(whole=["median\npay"])


def test_a_cue_that_needs_no_word_is_refused():
    with pytest.raises(ValueError):
        Cue(structures=[Structure(r"\d+", ())])


def _cues_in(value: object) -> list[Cue]:
    """The cues a module's value holds: itself, or those in its table, list or tuples (exams' qualifiers)."""
    if isinstance(value, Cue):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [cue for item in value for cue in _cues_in(item)] if isinstance(value, list | tuple) else []


def test_no_needed_word_hides_a_match_on_the_demo_pages():
    texts = set()
    for path in sorted(DEMO.rglob("*.html")):
        _, html = html_to_unicode(None, path.read_bytes())
        page = clean_html(html, "http://127.0.0.1/demo")
        texts.update(statement.text for statement in statements(page))
        texts.update(re.split(r"(?<=[,;])\s", page.text))
    cues = [cue for module in (exams, outlook, requirements, wages) for cue in _cues_in(list(vars(module).values()))]
    assert len(cues) > 40
    hidden = [(cue, text) for cue in cues for text in texts if cue.pattern.search(text) and not cue.search(text)]
    assert not hidden


@pytest.mark.parametrize(("text", "found"), [
    ("two years of coding experience", True),
    ("Experience: two years", True),
    ("120 hours of externship experience", False),
    ("Practicum Experience | 120 hours", False),
])
def test_a_word_right_before_an_entry_may_cancel_it(text, found):
    assert bool(Cue(["experience"], not_after=["externship", "practicum"]).search(text)) is found
