import re

from hypothesis import given
from hypothesis import strategies as st

from pipeline import alternation
from pipeline.alternation import compact, factored, one_of

# Pieces of patterns over few characters, so that alternatives open alike and texts hold them.
_ATOMS = st.sampled_from(["a", "b", "A", "B", r"\.", r"\ ", r"\b", "a?", "b*", "[ab]", r"\w", "(?-i:A)", "(?<!a)"])
_TEXTS = st.text(alphabet="abAB. ", max_size=30)


def _patterns(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    alternative = st.lists(st.one_of(_ATOMS, inner.map(lambda p: f"(?:{p})"), inner.map(lambda p: f"({p})")),
                           max_size=4).map("".join)
    return st.lists(alternative, min_size=1, max_size=6).map("|".join)


_PATTERNS = st.recursive(_patterns(_ATOMS), _patterns, max_leaves=12)


def _spans(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags)]


def test_alternatives_that_open_alike_share_their_opening():
    assert factored(["board", "bureau", "national"]) == "b(?:oard|ureau)|national"
    assert factored(["cat", "category", "dog"]) == "cat(?:|egory)|dog"


def test_neighbours_opening_on_a_word_boundary_share_it():
    assert compact(r"\bexam\w*|\btests?\b|\btesting\b") == r"\b(?:exam\w*|test(?:s?\b|ing\b))"
    assert compact(r"\bab|c|\bad") == r"\bab|c|\bad"  # "c" may match where "\bad" does: it keeps its place


def test_an_alternative_that_may_open_otherwise_keeps_its_place():
    # "[ab]x" can match where "ax" does: "ay" after it must not join "ax" ahead of it.
    assert factored(["ax", "[ab]x", "ay"]) == "ax|[ab]x|ay"
    assert factored(["a?b", "ab", "ac"]) == "a?b|a(?:b|c)"
    assert factored([r"\dx", r"\.x", r"\.y"]) == r"\dx|\.(?:x|y)"


def test_case_blind_alternatives_share_letters_of_either_case():
    assert factored(["Ab", "ac"], ignore_case=True) == "A(?:b|c)"
    assert factored(["Ab", "ac"]) == "Ab|ac"
    assert factored(["éa", "Éb"], ignore_case=True) == "éa|Éb"  # outside ASCII, case is left alone


def test_groups_are_compacted_but_look_arounds_and_flags_are_left_as_written():
    assert compact(r"(?<!\w)(?:cat|cab)(?P<end>ab|ac)") == r"(?<!\w)(?:ca(?:t|b))(?P<end>a(?:b|c))"
    assert compact(r"(?<=ab|ac)x|(?-i:Ab|Ac)", re.IGNORECASE) == r"(?=[Ax])(?:(?<=ab|ac)x|(?-i:Ab|Ac))"
    assert compact(r"(?i)ab|ac") == r"(?i)ab|ac"
    assert alternation.compile(r"(?P<w>ab|ac)").groupindex == {"w": 1}


def test_words_are_tried_longest_first():
    assert one_of(["cat", "category", "a.b"]) == r"category|a\.b|cat"


@given(_PATTERNS, _TEXTS)
def test_compacted_patterns_match_what_they_match_as_written(pattern, text):
    for flags in (0, re.IGNORECASE):
        assert _spans(compact(pattern, flags), text, flags) == _spans(pattern, text, flags)
        wrapped = f"(?:{pattern})(?![a.])"
        assert _spans(compact(wrapped, flags), text, flags) == _spans(wrapped, text, flags)


def test_a_case_blind_pattern_opens_with_a_look_ahead_for_the_letters_its_matches_open_with():
    assert compact(r"\bexam\w*|\btests?\b", re.IGNORECASE) == r"(?=[et])(?:\b(?:exam\w*|tests?\b))"
    assert compact(r"(?<!\w)(?:Fee|cost)", re.IGNORECASE) == r"(?=[Fc])(?:(?<!\w)(?:Fee|cost))"
    assert compact(r"\bexam|\btest") == r"\b(?:exam|test)"  # heeding case, the engine skips ahead unaided
    for left_alone in (r"\d+|\$", r"[a-z]+ing", r"x?y|z", r"\w+ed"):  # no letter, too many, or any may open
        assert compact(left_alone, re.IGNORECASE) == left_alone
