import pytest

from pipeline.awards import find_awards
from pipeline.credentials import find_credentials
from pipeline.durations import find_durations
from pipeline.memo import forget_texts, per_page, per_text
from pipeline.money import find_money
from pipeline.numbers import find_numbers
from pipeline.organizations import find_organizations
from pipeline.page import Block, CleanPage, split_sentences
from pipeline.percent import find_percents

SENTENCE = ("The AAPC says a CPC earns $58,000 a year. The 12-month certificate program costs $4,000, "
            "and jobs grow 7% by 2033.")


def remembered_words(calls):
    """A finder of words, remembered per text, that notes each text it reads in ``calls``."""

    @per_text
    def words(text):
        calls.append(text)
        return tuple(text.split())

    return words


def test_a_text_is_read_once():
    calls = []
    words = remembered_words(calls)
    assert words("a b") == words("a b") == ("a", "b")
    assert calls == ["a b"]


def test_forgotten_texts_are_read_again():
    calls = []
    words = remembered_words(calls)
    words("a b")
    forget_texts()
    words("a b")
    assert calls == ["a b", "a b"]


@pytest.mark.parametrize("finder", [find_awards, find_credentials, find_durations, find_money, find_numbers,
                                    find_organizations, split_sentences, find_percents])
def test_remembered_findings_are_tuples_that_no_caller_can_change(finder):
    found = finder(SENTENCE)
    assert found and isinstance(found, tuple)
    assert finder(SENTENCE) is found


def test_a_page_is_read_again_only_when_its_content_changes():
    calls = []

    @per_page
    def count(page):
        calls.append(page.url)
        return len(page.blocks)

    page = CleanPage("https://example.org/p", "T", [Block("paragraph", "One.")])
    assert count(page) == 1
    assert count(CleanPage("https://example.org/p", "T", [Block("paragraph", "One.")])) == 1
    page.blocks.append(Block("paragraph", "Two."))
    assert count(page) == 2
    assert len(calls) == 2
