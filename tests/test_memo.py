from pipeline.memo import per_page, per_text
from pipeline.page import Block, CleanPage


def test_a_text_is_read_once_and_every_caller_gets_its_own_list():
    calls = []

    @per_text
    def words(text):
        calls.append(text)
        return text.split()

    first = words("a b")
    first.append("c")
    assert words("a b") == ["a", "b"]
    assert calls == ["a b"]


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
