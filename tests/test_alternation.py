import re

from hypothesis import given
from hypothesis import strategies as st

from pipeline.alternation import factored, one_of
from pipeline.gate import lower
from pipeline.organizations import _NAMES, _pattern

# Few characters, so that words share openings and texts hold them; "." and " " are literals once escaped.
_WORDS = st.lists(st.text(alphabet="abAB. ", min_size=0, max_size=4), min_size=1, max_size=8)
_TEXTS = st.text(alphabet="abAB. ", max_size=30)


def _spans(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags)]


def test_alternatives_that_open_alike_share_their_opening():
    assert factored(["board", "bureau", "national"]) == "b(?:oard|ureau)|national"
    assert one_of(["cat", "category", "dog"]) == "cat(?:egory|)|dog"


def test_an_alternative_that_may_open_otherwise_keeps_its_place():
    # "[ab]x" can match where "ax" does: "ay" after it must not join "ax" ahead of it.
    assert factored(["ax", "[ab]x", "ay"]) == "ax|[ab]x|ay"
    assert factored(["a?b", "ab", "ac"]) == "a?b|a(?:b|c)"
    assert factored([r"\dx", r"\.x", r"\.y"]) == r"\dx|\.(?:x|y)"


def test_case_blind_alternatives_share_letters_of_either_case():
    assert factored(["Ab", "ac"], ignore_case=True) == "A(?:b|c)"
    assert factored(["Ab", "ac"]) == "Ab|ac"
    assert factored(["éa", "Éb"], ignore_case=True) == "éa|Éb"  # outside ASCII, case is left alone


@given(_WORDS, _TEXTS)
def test_factored_words_match_what_the_plain_alternation_matches(words, text):
    alternatives = [re.escape(word) for word in words]
    for flags in (0, re.IGNORECASE):
        plain, shared = "|".join(alternatives), factored(alternatives, ignore_case=bool(flags))
        for wrap in ("(?:{})", r"(?:{})(?![a.])", r"(?:{})\b"):
            assert _spans(wrap.format(shared), text, flags) == _spans(wrap.format(plain), text, flags)


@given(_WORDS, _TEXTS)
def test_words_are_tried_longest_first(words, text):
    plain = "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))
    assert _spans(f"(?:{one_of(words)})", text) == _spans(f"(?:{plain})", text)


def test_organisation_names_match_as_they_did_unshared():
    alternatives = [_pattern(lower(name)) for name in _NAMES]
    text = "the u.s. bureau of labor statistics, the bureau of labor and the department  of labor's figures"
    assert _spans(f"(?:{factored(alternatives)})", text) == _spans(f"(?:{'|'.join(alternatives)})", text)
