import pytest

from pipeline.clean import clean_html

PROSE = "<p>" + "Coders assign codes to diagnoses, procedures and services, every working day. " * 4 + "</p>"


@pytest.mark.parametrize(("tail", "in_main"), [("b" * 99, False), ("b" * 100, True)])
def test_a_landmark_is_the_main_content_from_two_hundred_characters_of_text(tail, in_main):
    # soft hyphens and runs of whitespace do not count: the landmark's text is read as it will be kept
    landmark = f"<main><p>{'a' * 50}\u00ad{'a' * 49}\n\n  </p><p>  {tail}</p></main>"
    page = clean_html(f"<html><body>{landmark}<div>{PROSE}{PROSE}</div></body></html>", "https://example.org/")
    assert (page.blocks[0].text == "a" * 99) is in_main
