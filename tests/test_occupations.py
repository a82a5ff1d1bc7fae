from pipeline.occupations import find_occupation


def test_the_name_runs_back_from_its_head_word_to_a_stop_word():
    assert find_occupation("The median wage for medical records and health information specialists was") == (
        "medical records and health information specialists")


def test_a_compound_head_is_kept_whole():
    assert find_occupation("while certified professional coders make more") == "certified professional coders"


def test_a_lone_generic_head_is_no_occupation_but_a_lone_coder_is():
    assert find_occupation("Most professionals agree") is None
    assert find_occupation("Coders in Ohio earn less") == "Coders"


def test_text_without_an_occupation_gives_none():
    assert find_occupation("Pay rises with experience.") is None
