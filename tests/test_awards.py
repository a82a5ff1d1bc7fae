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


def test_award_near_prefers_the_nearest_before_then_after():
    text = "Certificates take 9 months and associate degrees take 2 years."
    assert award_near(text, text.index("9 months")) == "certificate"
    assert award_near(text, text.index("2 years")) == "associate"
    assert award_near("In 6 months you can hold a diploma.", 3) == "diploma"
    assert award_near("It takes 6 months.", 9) is None


def test_award_near_takes_the_first_of_coordinated_awards():
    text = "Certificate or diploma programs last 10 months."
    assert award_near(text, text.index("10")) == "certificate"


def test_award_after_the_length_only_within_its_clause():
    text = "Training takes 4 to 12 months, though an associate degree takes two years."
    assert award_near(text, text.index("4 to")) is None
    assert award_near(text, text.index("two years")) == "associate"
