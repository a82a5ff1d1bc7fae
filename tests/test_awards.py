from pipeline.awards import award_near, find_awards


def kinds(text):
    return [award.kind for award in find_awards(text)]


def test_every_kind_of_award_by_common_wording():
    assert kinds("a certificate, a diploma, an associate’s degree, a bachelor of science and a master's degree") == [
        "certificate", "diploma", "associate", "bachelor", "master"]
    assert kinds("an AAS in health information or a B.S. in management") == ["associate", "bachelor"]


def test_requirements_and_credentials_are_no_awards():
    assert kinds("You need a high school diploma or GED to sit for the Certified Coding Associate exam.") == []
    assert kinds("Master the codes quickly.") == []


def near(text, figure):
    start = text.index(figure)
    return award_near(text, start, start + len(figure))


def test_award_near_prefers_the_nearest_before_then_after():
    text = "Certificates take 9 months and associate degrees take 2 years."
    assert near(text, "9 months") == "certificate"
    assert near(text, "2 years") == "associate"
    assert near("In 6 months you can hold a diploma.", "6 months") == "diploma"
    assert near("It takes 6 months.", "6 months") is None


def test_award_near_takes_the_first_of_coordinated_awards():
    assert near("Certificate or diploma programs last 10 months.", "10 months") == "certificate"


def test_award_after_the_length_only_within_its_clause():
    text = "Training takes 4 to 12 months, though an associate degree takes two years."
    assert near(text, "4 to 12 months") is None
    assert near(text, "two years") == "associate"
    assert near("Expect to pay $3,000 for a certificate.", "$3,000") == "certificate"


def test_a_figure_given_for_an_award_is_that_award_s_even_after_another():
    text = "Expect to pay around $3,000 for a certificate and up to $30,000 for an online associate degree."
    assert (near(text, "$3,000"), near(text, "$30,000")) == ("certificate", "associate")


def test_words_match_in_any_case_and_short_forms_only_in_capitals():
    assert kinds("A CERTIFICATE or a Diploma, not a School-Diploma or Diploma or GED") == ["certificate", "diploma"]
    assert kinds("an aas or a b.s. in coding, an M.S. degree") == ["master"]
