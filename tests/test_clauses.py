import re

import pytest

from pipeline.clauses import breaks, words
from pipeline.outlook import extract_outlook
from pipeline.page import Block, CleanPage
from pipeline.tuition import program_costs
from pipeline.wages import extract_wages


def paragraph_page(text, title="Medical Coding Careers"):
    return CleanPage("https://example.org/careers", title, [Block("paragraph", text)])


@pytest.mark.parametrize(("text", "found"), [
    ("costs $3000, while books are extra", [",", "while"]),
    ("a certificate; Even though a degree takes longer", [";", "Even though"]),
    ("$399 or $299 (members)", ["or", "(", ")"]),
    ("fees plus books, which add up", ["plus", ",", "which"]),
    ("butter and cheesecake", ["and"]),  # whole words only
])
def test_breaks_find_marks_and_the_named_groups_words(text, found):
    pattern = breaks(",;()", "contrast", "concession", "list_joiners", "relative")
    assert [match.group() for match in pattern.finditer(text)] == found


def test_words_take_only_the_named_groups():
    text = "up 7% from 2022, compared with 4% while down"
    assert re.findall(words("comparison"), text) == ["up", "compared", "with", "down"]


def test_a_concession_ends_the_clause_of_a_growth_figure():
    rows = extract_outlook(paragraph_page(
        "Jobs for medical coders are projected to grow 8 percent, though billing jobs should shrink 2 percent."))
    assert [(row["measure"], row["value"]) for row in rows] == [("growth_percent", 8), ("growth_percent", -2)]


def test_a_concession_ends_the_words_that_describe_an_amount():
    assert [(m.low, m.high) for m in program_costs(
        "Tuition for the certificate is $3,000 whereas the exam fee is $400.")] == [(3_000, None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Coders earn $45,000 while the median for billers is $40,000.", [("other", 45_000), ("median", 40_000)]),
    ("Medical coders earn a median of $48,000 a year while all workers earn $46,000.", [("median", 48_000)]),
    ("Medical coders earn a median of $48,000 a year but all workers earn $46,000.", [("median", 48_000)]),
])
def test_a_contrast_ends_the_clause_after_a_wage(text, expected):
    rows = extract_wages(paragraph_page(text, title="Medical Coder Salary"))
    assert [(row["statistic"], row["amount"]) for row in rows] == expected
