import pytest

from pipeline.clean import clean_html
from pipeline.exams import extract_exams, sentence_facts
from pipeline.page import Block, CleanPage


def page(*blocks, title="Certification Guide"):
    return CleanPage("https://example.org/exam", title, list(blocks))


def para(text, *headings):
    return Block("paragraph", text, headings=("Certification Guide", *headings))


def facts(rows):
    return {(row["credential"], row["attribute"], row["value"], row["qualifier"]) for row in rows}


def values(text, **context):
    return [(fact.attribute, fact.value) for fact in sentence_facts(text, **context)]


def test_member_and_non_member_prices_of_two_credentials():
    rows = extract_exams(page(para(
        "AHIMA exam prices: the CCA at $299 ($199 for members) and the CCS at $399 ($299 for members)."
    )))
    assert facts(rows) == {
        ("CCA", "fee", 299, "non-member"), ("CCA", "fee", 199, "member"),
        ("CCS", "fee", 399, "non-member"), ("CCS", "fee", 299, "member"),
    }


def test_attempts_and_delivery_tell_two_prices_apart():
    rows = extract_exams(page(para("CPC exam: in-person test $499 with two attempts / online test $399, one attempt.")))
    assert facts(rows) == {("CPC", "fee", 499, "two attempts, in person"), ("CPC", "fee", 399, "one attempt, online")}


def test_other_prices_are_not_exam_fees():
    rows = extract_exams(page(para(
        "Applying for the CCS means a $99 application fee, a $210 AAPC membership and tuition of $1,800. "
        "CCS holders earn $62,000 per year and the course has 22 credits. Call 555-867-5309 for details."
    )))
    assert rows == []


def test_a_range_before_several_credentials_belongs_to_none_of_them():
    rows = extract_exams(page(para("Exams run $250-450, for instance the CPC or the CCS.")))
    assert rows == []


def test_fee_without_any_credential_in_reach_is_dropped():
    assert extract_exams(page(para("The certification exam costs $425 at most testing centers."))) == []


def test_question_counts_including_unscored_items_and_ranges():
    assert values("It has 100 multiple-choice questions.", about_exam=True) == [("questions", 100)]
    assert values("Expect 90 scored questions plus 10 pretest items.", about_exam=True) == [("questions", 100)]
    assert values("The exam has between 115 and 145 questions.") == [("questions", 115), ("questions", 145)]


def test_practice_test_questions_are_not_the_exam():
    assert values("Our free practice exam has 100 questions.") == []
    assert values("It has 50 questions.", about_exam=True, about_practice=True) == []


def test_time_limits_in_minutes():
    assert values("You get 4 hours to finish the exam.") == [("time_limit", 240)]
    assert values("The exam allows 5 hours 40 minutes.") == [("time_limit", 340)]
    assert values("Candidates have 90 minutes for the test.") == [("time_limit", 90)]


def test_split_sessions_and_study_hours_are_not_time_limits():
    assert values("Online it runs in two parts of 2 hours each.", about_exam=True) == []
    assert values("Plan 6 hours of study per week before the exam.") == []


def test_passing_scores_as_points_or_percent():
    assert values("A passing score of 300 is needed.") == [("passing_score", 300)]
    assert values("You need a scaled score of 390 out of 500 to pass.") == [("passing_score", 390)]
    assert values("To pass you need 70% in each section.") == [("passing_score", 70)]


def test_pass_rates_are_not_passing_scores():
    assert values("Its first-time pass rate fell from 71% to 64%.") == [("pass_rate", 71), ("pass_rate", 64)]
    assert values("About 58% of candidates pass on the first try.") == [("pass_rate", 58)]


def test_pay_premiums_and_rankings_are_neither():
    assert values("Certified coders earn 20% more and the job ranks 55 on the list.") == []


def test_credential_comes_from_the_heading_for_sentences_that_name_none():
    rows = extract_exams(page(
        Block("heading", "About the CRC Exam", level=2, headings=("Certification Guide",)),
        para("The exam has 100 questions and lasts 4 hours.", "About the CRC Exam"),
    ))
    assert facts(rows) == {("CRC", "questions", 100, None), ("CRC", "time_limit", 240, None)}


def test_each_figure_goes_to_the_credential_named_before_it():
    rows = extract_exams(page(para("The CCA exam allows 2 hours, while the CCS exam allows 4 hours.")))
    assert facts(rows) == {("CCA", "time_limit", 120, None), ("CCS", "time_limit", 240, None)}


def test_table_rows_read_each_cell_under_its_column():
    header = ("Credential", "Exam fee", "Questions", "Time limit", "Pass rate")
    cells = ("CPB", "$399", "100", "4 hours", "55%")
    rows = extract_exams(page(
        Block("row", " | ".join(header), cells=header, header=header),
        Block("row", " | ".join(cells), cells=cells, header=header),
    ))
    assert facts(rows) == {("CPB", "fee", 399, None), ("CPB", "questions", 100, None),
                           ("CPB", "time_limit", 240, None), ("CPB", "pass_rate", 55, None)}
    assert {row["evidence"] for row in rows} == {"CPB | $399 | 100 | 4 hours | 55%"}


def row(*cells, header=()):
    return Block("row", " | ".join(cells), cells=cells, header=header, headings=("Certification Guide",))


def test_rows_that_name_a_fact_in_their_first_cell_are_read_label_then_value():
    header = ("Exam fact", "Detail")
    rows = extract_exams(page(
        row(*header, header=header),
        row("Number of questions", "100", header=header),
        row("Time limit", "2 hours", header=header),
        row("Passing score", "300 on a scale of 100 to 400", header=header),
        row("First-time pass rate (2024)", "64%", header=header),
        row("Scored questions", "90"),  # a table without a header row
        title="CCA exam",
    ))
    assert facts(rows) == {("CCA", "questions", 100, None), ("CCA", "time_limit", 120, None),
                           ("CCA", "passing_score", 300, None), ("CCA", "pass_rate", 64, None),
                           ("CCA", "questions", 90, None)}


def test_a_comparison_table_gives_each_credential_the_values_of_its_own_column():
    header = ("Feature", "CPC", "CCS")
    rows = extract_exams(page(
        row(*header, header=header),
        row("Number of questions", "100", "115", header=header),
        row("Time allowed", "4 hours", "4 hours", header=header),
        row("Exam fee", "$499 with two attempts", "$399 for non-members, $299 for members", header=header),
        title="CPC vs. CCS",
    ))
    assert facts(rows) == {("CPC", "questions", 100, None), ("CCS", "questions", 115, None),
                           ("CPC", "time_limit", 240, None), ("CCS", "time_limit", 240, None),
                           ("CPC", "fee", 499, "two attempts"), ("CCS", "fee", 399, "non-member"),
                           ("CCS", "fee", 299, "member")}


def test_labelled_values_read_like_sentences():
    assert values("Passing score: 300") == [("passing_score", 300)]
    assert values("Number of questions: 100", about_exam=True) == [("questions", 100)]
    assert values("Exam fee: Members $299, Non-members $399") == [("fee", 299), ("fee", 399)]


def test_bundles_memberships_and_fees_per_year_are_not_exam_fees():
    assert values("CPC bundle: $1,299 with the exam") == []
    assert values("Exam candidates also pay for AAPC membership ($205/year).") == []
    assert values("Renewing your credential costs $60.") == []


def test_a_free_retake_means_two_attempts():
    fees = sentence_facts("Exam price: $499 (includes one free retake)")
    assert [fact.qualifier for fact in fees] == ["two attempts"]


def test_tables_written_as_text_are_read_as_rows():
    rows = extract_exams(page(
        para("| Credential | Exam cost | Questions |"),
        para("|---|---|---|"),
        para("| CIC | $399 | 60 |"),
    ))
    assert facts(rows) == {("CIC", "fee", 399, None), ("CIC", "questions", 60, None)}


def test_pay_gains_beside_passing_are_not_scores():
    assert values("Coders who pass the CPC earn 20% more than others.") == []


def test_a_stat_card_is_read_with_the_label_below_its_figure():
    rows = extract_exams(page(
        para("The CEDC credential is for emergency department coders."),
        para("$399"),
        Block("heading", "Exam Fee", level=2, headings=("Certification Guide",)),
    ))
    assert facts(rows) == {("CEDC", "fee", 399, None)}
    assert rows[0]["evidence"] == "$399\nExam Fee"


def test_more_ways_to_write_scores_lengths_and_counts():
    assert values("The passing score for the CCA is 300 on a scale of 100 to 400.") == [("passing_score", 300)]
    assert values("You get 3 hours, 15 minutes to finish the exam.") == [("time_limit", 195)]
    assert values("It is a 100-question exam.") == [("questions", 100)]
    assert values("You must score higher on 2 sections to pass.") == []


def test_only_a_member_price_makes_its_neighbour_the_non_member_price():
    rows = extract_exams(page(para("The CCS exam costs $399 for non-members; AHIMA also lists $299.")))
    assert facts(rows) == {("CCS", "fee", 399, "non-member"), ("CCS", "fee", 299, None)}


def test_a_price_inside_brackets_does_not_take_the_words_before_the_bracket():
    fees = sentence_facts("The CPC exam costs $499 for two attempts ($399 for one attempt).")
    assert [(fact.value, fact.qualifier) for fact in fees] == [(499, "two attempts"), (399, "one attempt")]


@pytest.mark.parametrize("blocks", [
    [para("The COC and CIC exams each run 4 hours, with 100 questions and a 70% passing score.")],
    [para("Both the COC and the CIC tests: 100 questions, 4 hours, 70% to pass.")],
    [row("COC / CIC", "100 questions", "4 hours", "70% passing score")],
])
def test_credentials_named_together_share_the_facts_after_them(blocks):
    rows = extract_exams(page(*blocks))
    assert facts(rows) == {(code, attribute, value, None) for code in ("COC", "CIC")
                           for attribute, value in (("questions", 100), ("time_limit", 240), ("passing_score", 70))}


@pytest.mark.parametrize("text", [
    "The CCA and CCS exams last 2 hours and 4 hours, respectively.",
    "Exam time limits for the CCA and CCS: 2 hours and 4 hours respectively.",
    "CCA or CCS exam: 120 minutes and 240 minutes, respectively",
])
def test_respectively_pairs_credentials_and_values_in_order(text):
    assert facts(extract_exams(page(para(text)))) == {("CCA", "time_limit", 120, None),
                                                      ("CCS", "time_limit", 240, None)}


@pytest.mark.parametrize("text", [
    "Exam fees for the CPC, COC and CIC range from $399 to $499.",
    "AAPC exams (CPC, COC, CIC) cost $399-$499.",
    "The CPC and COC tests have 100 to 150 questions.",
    "Exam fees run $399-$499 (CPC, COC).",
])
def test_a_range_over_credentials_named_together_belongs_to_none_of_them(text):
    assert extract_exams(page(para(text))) == []


@pytest.mark.parametrize("blocks", [
    [para("Exam fees run from $299 (CCA) to $399 (CCS).")],
    [para("AHIMA charges $299 for the CCA and $399 for the CCS exam.")],
    [row("AHIMA exam fees", "$299 (CCA), $399 (CCS)")],
])
def test_a_credential_right_after_an_amount_is_the_one_it_prices(blocks):
    assert facts(extract_exams(page(*blocks))) == {("CCA", "fee", 299, None), ("CCS", "fee", 399, None)}


@pytest.mark.parametrize("text", [
    "The CRC exam has 100 questions, 10 of which are unscored pilot questions.",
    "CRC total questions: 100 (90 scored + 10 pretest items).",
    "The CRC test includes 100 items, including 10 experimental items that do not count.",
])
def test_unscored_items_are_part_of_the_total_not_a_question_count(text):
    assert facts(extract_exams(page(para(text)))) == {("CRC", "questions", 100, None)}


@pytest.mark.parametrize("blocks", [
    [para("The CIC exam has four sections, each with 25 questions, and each section is 60 minutes long.")],
    [para("CIC exam"), para("Section 2: 40 questions"), para("Part 1 of the exam runs 2 hours.")],
    [row("Exam section", "Questions", "Time", header=("Exam section", "Questions", "Time")),
     row("Domain 1: Coding", "35", "60 minutes", header=("Exam section", "Questions", "Time")),
     row("Domain 2: Compliance", "25", "45 minutes", header=("Exam section", "Questions", "Time"))],
])
def test_a_count_or_length_for_one_part_of_the_exam_is_not_the_exams(blocks):
    assert extract_exams(page(*blocks, title="CIC exam guide")) == []


def test_the_total_row_of_a_table_of_parts_is_the_exams():
    header = ("Section", "Questions")
    rows = extract_exams(page(row(*header, header=header), row("Coding cases", "60", header=header),
                              row("Total", "100", header=header), title="CIC exam guide"))
    assert facts(rows) == {("CIC", "questions", 100, None)}


@pytest.mark.parametrize("text", [
    "The CPC exam includes 10 multi-question case studies.",
    "Arrive 30 minutes before the CPC exam starts.",
    "Check in at least 45 minutes early for the CPC test.",
])
def test_case_studies_and_arrival_times_are_not_counts_or_limits(text):
    assert extract_exams(page(para(text))) == []


@pytest.mark.parametrize("text", [
    "CPC exam: 100 questions | open code books | Exam fee: $499 | Renewal: 36 CEUs",
    "CPC facts | Fee: $499 | Books: CPT, ICD-10-CM",
    "CPC | $499 exam fee | study guide sold separately",
])
def test_fields_run_together_with_pipes_keep_their_own_words(text):
    assert ("CPC", "fee", 499, None) in facts(extract_exams(page(para(text))))


@pytest.mark.parametrize(("text", "found"), [
    ("The CPC exam has 100 questions and a 4-hour limit.", {("CPC", "questions", 100, None),
                                                             ("CPC", "time_limit", 240, None)}),
    ("Our CPC mock exam has 50 questions.", set()),
    ("Each set has 50 questions.", set()),
])
def test_a_practice_test_title_leaves_out_only_counts_that_name_no_credential(text, found):
    assert facts(extract_exams(page(para(text), title="Free CPC Practice Tests"))) == found


@pytest.mark.parametrize(("heading", "text"), [
    ("What is the passing score?", "You need 70% to earn the CPC."),
    ("CPC passing score", "It is 70% on the current exam form."),
    ("Pass mark", "Candidates need 70% on the CPC."),
])
def test_a_heading_that_asks_for_the_passing_score_makes_the_percentage_below_it_one(heading, text):
    rows = extract_exams(page(Block("heading", heading, level=2, headings=("Certification Guide",)),
                              para(text, heading), title="CPC exam guide"))
    assert facts(rows) == {("CPC", "passing_score", 70, None)}


@pytest.mark.parametrize("text", [
    "CPC passing score: 70% (105/150)",
    "To pass the CPC you need 70%, or 105 out of 150.",
    "The CPC pass mark is 70% – 105/150.",
])
def test_points_that_restate_a_passing_percentage_are_not_a_second_score(text):
    assert {(fact.attribute, fact.value) for fact in sentence_facts(text)} == {("passing_score", 70)}


@pytest.mark.parametrize("text", [
    "Coding (33%) and billing (32%) make up two-thirds of your CBCS score.",
    "Domain weights: compliance 20% and reimbursement 25% of the total score.",
    "Your CBCS score report shows coding questions as 32% of the exam.",
])
def test_the_weights_of_an_exams_parts_are_not_passing_scores(text):
    assert extract_exams(page(para(text))) == []


@pytest.mark.parametrize("text", [
    "Books, software and the CPC exam voucher add about $900.",
    "Tuition plus the CCA exam fee comes to $1,200.",
    "A review course, practice tests and the CBCS exam cost $650 in all.",
])
def test_an_amount_for_other_things_listed_with_the_exam_is_no_exam_fee(text):
    assert facts(extract_exams(page(para(text)))) == set()


@pytest.mark.parametrize("text", [
    "The course is separate, and the CPC exam costs $499.",
    "The CPC exam costs $499, and books add $120.",
])
def test_an_exam_fee_beside_other_prices_is_still_read(text):
    assert facts(extract_exams(page(para(text)))) == {("CPC", "fee", 499, None)}


_CPB_INTRO = "<p>" + "The CPB credential from AAPC shows employers that you can run the revenue cycle. " * 3 + "</p>"
_LABELS_ABOVE = {
    "h3 labels": "<h2>Exam details</h2><h3>Number of questions</h3><p>100 multiple-choice</p>"
                 "<h3>Time allowed</h3><p>4 hours</p><h3>Passing score</h3><p>70%</p>"
                 "<h3>Delivery</h3><p>Online with a live proctor, or at a testing center</p>",
    "flattened lines": "<h2>Number of questions</h2><p>100 multiple-choice</p><h2>Time allowed</h2><p>4 hours</p>"
                       "<h2>Passing score</h2><p>70%</p><h2>Delivery</h2><h2>Online, or at a testing center</h2>",
    "figure first": "<h2>Exam at a glance</h2><p>100</p><h3>Questions</h3><p>4 hours</p><h3>Time limit</h3>"
                    "<p>70%</p><h3>Passing score</h3>",
}


@pytest.mark.parametrize("html", _LABELS_ABOVE.values(), ids=_LABELS_ABOVE.keys())
def test_a_heading_labels_the_short_value_under_it(html):
    cleaned = clean_html(f"<html><body><main><h1>Certified Professional Biller (CPB)</h1>{_CPB_INTRO}{html}</main>"
                         "</body></html>", "https://example.org/cpb")
    assert {(row["attribute"], row["value"]) for row in extract_exams(cleaned)} == {
        ("questions", 100), ("time_limit", 240), ("passing_score", 70)}


_RANGES_ABOVE = {
    "h3 labels": "<h2>Exam details</h2><h3>Questions</h3><p>115 to 145 (multiple choice and scenarios)</p>"
                 "<h3>Passing score</h3><p>300 on a scale of 100 to 400</p>",
    "flattened lines": "<h2>Number of questions</h2><p>115-145 (scored and pretest)</p><h2>Passing score</h2>"
                       "<p>300 out of 400</p>",
    "label lines": "<ul><li>Questions: 115 to 145 (multiple choice and scenarios)</li>"
                   "<li>Passing score: 300 on a scale of 100 to 400</li></ul>",
}


@pytest.mark.parametrize("html", _RANGES_ABOVE.values(), ids=_RANGES_ABOVE.keys())
def test_a_labelled_range_of_questions_and_a_score_on_its_scale_are_read(html):
    cleaned = clean_html(f"<html><body><main><h1>Certified Professional Biller (CPB)</h1>{_CPB_INTRO}{html}</main>"
                         "</body></html>", "https://example.org/cpb")
    assert {(row["attribute"], row["value"]) for row in extract_exams(cleaned)} == {
        ("questions", 115), ("questions", 145), ("passing_score", 300)}


@pytest.mark.parametrize("text", ["Study time: 80 to 120 hours of reading (self-paced)",
                                  "Practice questions: 500 to 1,000 in the online bank"])
def test_a_labelled_range_that_is_no_exam_fact_gives_none(text):
    rows = extract_exams(page(Block("heading", "CPB exam", level=2), para(text, "CPB exam")))
    assert facts(rows) == set()
