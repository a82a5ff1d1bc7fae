from hypothesis import given
from hypothesis import strategies as st

from pipeline.page import split_sentences


def test_a_sentence_ends_at_a_stop_before_a_capital_digit_quote_or_dollar():
    text = 'Coders earn more. 2024 was a good year! Was it? "Yes," they said. (Really.) $40,000 is typical.'
    assert split_sentences(text) == (
        "Coders earn more.", "2024 was a good year!", "Was it?", '"Yes," they said.', "(Really.)",
        "$40,000 is typical.",
    )


def test_a_closing_quote_or_bracket_after_the_stop_stays_with_its_sentence():
    assert split_sentences('He said "pass it." Then he left.') == ('He said "pass it."', "Then he left.")
    assert split_sentences("It varies (see the table.) Coders earn more.") == (
        "It varies (see the table.)", "Coders earn more.")


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "The U.S. Bureau counts them. Dr. Lee and J. K. Rowling agree, e.g. Smith. Ask No. 5 now."
    assert split_sentences(text) == ("The U.S. Bureau counts them.", "Dr. Lee and J. K. Rowling agree, e.g. Smith.",
                                     "Ask No. 5 now.")


def test_a_stop_before_lower_case_or_without_a_space_does_not_end_a_sentence():
    assert split_sentences("Pay is approx. equal to 3.5 times more. see below.Next") == (
        "Pay is approx. equal to 3.5 times more. see below.Next",)


@given(st.text(alphabet='aB1 .!?"”)($\n', max_size=40))
def test_sentences_are_the_text_cut_at_spaces(text):
    sentences = split_sentences(text)
    assert all(sentence and sentence in text for sentence in sentences)
    assert " ".join(sentences).split() == text.split()
