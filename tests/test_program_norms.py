import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.page import Block, CleanPage
from pipeline.program_norms import extract_program_norms


def page(*blocks):
    return CleanPage("https://example.org/how-long", "How Long Is Coding School?", list(blocks))


def para(text, *headings):
    return Block("paragraph", text, headings=headings)


def heading(text):
    return Block("heading", text, level=2)


def lengths(rows):
    return [(r["credential_awarded"], r["duration_months_min"], r["duration_months_max"]) for r in rows]


def costs(rows):
    return [(r["credential_awarded"], r["cost_usd_min"], r["cost_usd_max"]) for r in rows]


def test_each_length_takes_the_kind_of_program_named_before_it():
    rows = extract_program_norms(page(para(
        "A coding certificate usually takes about a year, whereas associate degrees take two years to finish.")))
    assert lengths(rows) == [("certificate", 12, 12), ("associate", 24, 24)]


def test_open_and_mixed_unit_ranges():
    rows = extract_program_norms(page(
        para("Self-paced courses can be completed in less than a year."),
        para("Diploma programs last anywhere from 8 months to 2 years."),
        para("Some bachelor's programs take up to five years for part-time students.")))
    assert lengths(rows) == [(None, None, 12), ("diploma", 8, 24), ("bachelor", None, 60)]


def test_length_right_before_a_program_word_needs_no_verb():
    rows = extract_program_norms(page(para("Many colleges run a 9-month certificate in billing.")))
    assert lengths(rows) == [("certificate", 9, 9)]


def test_cost_ranges_of_training_in_general():
    rows = extract_program_norms(page(
        para("Training to become a coder costs between $1,800 and $6,500."),
        para("Certificate programs can run as low as $1,000 to roughly $15,000.")))
    assert costs(rows) == [(None, 1800, 6500), ("certificate", 1000, 15000)]


def test_how_recent_a_program_must_be_is_not_how_long_it_takes():
    sentence = "Candidates must have completed a training program within the last 5 years."
    assert extract_program_norms(page(para(sentence))) == []


def test_exam_fees_wages_and_application_fees_are_not_program_costs():
    rows = extract_program_norms(page(
        para("The CPC exam costs $499 for students in a training program."),
        para("Program graduates earn $48,000 a year."),
        para("Most schools charge a $50 application fee.")))
    assert rows == []


def test_experience_renewal_and_exam_lengths_are_not_program_lengths():
    rows = extract_program_norms(page(
        para("The credential needs two years of experience after the training program."),
        para("Graduates renew the certificate every 2 years."),
        para("Students in the program get four hours for the exam.")))
    assert rows == []


def test_statements_about_a_named_school_are_left_to_programs():
    rows = extract_program_norms(page(
        para("Cedar Valley College's certificate program takes 11 months and costs $3,900."),
        heading("Pinehurst Institute"),
        para("The diploma takes 10 months.")))
    assert rows == []


def test_years_ranks_and_phone_numbers_are_not_lengths_or_costs():
    rows = extract_program_norms(page(
        para("The program opened in 2019 and enrolled 300 students by 2023."),
        para("Our program ranks 55 on a list of 100 schools; call 1-800-555-0147 to enroll.")))
    assert rows == []


def test_evidence_is_the_sentence():
    rows = extract_program_norms(page(para("Most programs are short. A certificate takes 6 months.")))
    assert [row["evidence"] for row in rows] == ["A certificate takes 6 months."]


def test_answer_counts_under_its_question():
    rows = extract_program_norms(page(
        para("How long does coding school take? It can take anywhere from 9 months to 2 years."),
        para("Most students finish in 4 to 10 months.", "How Long Is a Billing Program?"),
        para("Most people finish in 3 months.", "Recovering From Surgery")))
    assert lengths(rows) == [(None, 9, 24), (None, 4, 10)]


def test_what_employers_prefer_is_a_requirement_not_a_norm():
    assert extract_program_norms(page(para("Some employers prefer a four-year degree in health information."))) == []


@given(st.lists(st.text(alphabet="A certificate program takes 9 to 12 months and costs $2,000 to $5,000 or a year.",
                        max_size=90), max_size=4))
def test_evidence_is_always_verbatim_page_text(texts):
    the_page = page(*[para(text) for text in texts])
    for row in extract_program_norms(the_page):
        assert row["evidence"] in the_page.text


def test_length_before_a_program_word_takes_that_programs_award():
    rows = extract_program_norms(page(
        para("A certificate can be finished in 6 months, much less than a two-year degree."),
        para("Certificate students take 9 months to complete the program."),
        para("Many colleges run a 20-month online associate degree.")))
    assert lengths(rows) == [("certificate", 6, 6), (None, 24, 24), ("certificate", 9, 9), ("associate", 20, 20)]


@pytest.mark.parametrize(("blocks", "expected"), [
    ([para("A medical coding certificate program takes twenty-four months to complete.")], ("certificate", 24, 24)),
    ([heading("How long coding programs take"), Block("item", "An associate degree program takes twenty four months.",
                                                      headings=("How long coding programs take",))],
     ("associate", 24, 24)),
    ([para("Typical program length: twenty-four months")], (None, 24, 24)),
    ([para("A coding diploma program takes one and a half years.")], ("diploma", 18, 18)),
], ids=["sentence", "list item", "label and value", "and a half"])
def test_spelled_out_lengths_are_read_whole(blocks, expected):
    assert lengths(extract_program_norms(page(*blocks))) == [expected]


@pytest.mark.parametrize("text", [
    "The certificate program costs $3,000 a semester and lasts nine months.",
    "Tuition for the certificate program is $3,000 per term; it lasts nine months.",
])
def test_the_term_an_amount_is_priced_by_is_no_length(text):
    assert lengths(extract_program_norms(page(para(text)))) == [("certificate", 9, 9)]


def row(cells, header):
    return Block("row", " | ".join(cells), cells=cells, header=header)


def item(text, *headings):
    return Block("item", text, headings=headings)


@pytest.mark.parametrize("blocks", [
    [para("A medical billing program usually lasts 6-12 months, and tuition runs about $1,200-$3,000.")],
    [heading("Billing or Coding?"), item("Billing programs: 6 to 12 months and $1,200 to $3,000 in tuition")],
    [para("Billing training lasts 6–12 months; tuition runs $1,200–$3,000.")],
    [row(("Medical billing", "6–12 months", "$1,200–$3,000"), ("Program", "Length", "Tuition"))],
])
def test_a_subject_norm_in_a_sentence_a_list_item_or_a_table_row(blocks):
    rows = extract_program_norms(page(*blocks))
    assert lengths(r for r in rows if r["duration_months_max"]) == [(None, 6, 12)]
    assert costs(r for r in rows if r["cost_usd_max"]) == [(None, 1200, 3000)]


@pytest.mark.parametrize("text", [
    "Students should complete the Health Coding Certificate Program in four semesters.",
    "This certificate takes 9 months to complete and costs $2,400.",
    "Our online course can be finished in 16 weeks for $1,950.",
    "The AAPC's online CPC course costs $2,295 and takes about 4 months.",
    "AHIMA offers a coding basics course that takes 6 months for $1,500.",
])
def test_one_named_or_own_program_is_no_norm(text):
    assert extract_program_norms(page(para(text))) == []


def test_the_program_is_one_program_on_a_page_that_names_a_school():
    school = para("Ridgeway Community College offers a billing certificate.")
    text = "Students complete the program in 9 months, and the course costs $3,100."
    assert extract_program_norms(page(school, para(text, "How long is it?"))) == []
    rows = extract_program_norms(page(para(text, "How long is coding school?")))
    assert (lengths(rows[:1]), costs(rows[1:])) == ([(None, 9, 9)], [(None, 3100, 3100)])


@pytest.mark.parametrize("text", [
    "The typical program takes 9 months.",
    "The NHA reported that students in the 400-hour course pay $3,000 to $5,000 for the program.",
])
def test_a_typical_or_reported_program_is_a_norm(text):
    school = para("Ridgeway Community College offers a billing certificate.")
    assert extract_program_norms(page(school, para(text)))


@pytest.mark.parametrize("text", [
    "Effective coding programs generate $1.5-$3 million in additional revenue for a hospital.",
    "Federal loans of up to $5,500 help students pay for training programs.",
    "Coders who finish a training program make $52,000 on average.",
    "Most program graduates find jobs within 6 months.",
    "The training includes a 6-week externship at a clinic.",
    "Online courses come with 12 months of access to the lessons.",
])
def test_revenue_aid_pay_jobs_and_parts_of_a_program_are_not_norms(text):
    assert extract_program_norms(page(para(text))) == []


@pytest.mark.parametrize("blocks", [
    [heading("Program Details"), para("Length: 12 months", "Program Details"),
     para("Estimated tuition: $4,350", "Program Details")],
    [Block("row", "Tuition | $4,350", cells=("Tuition", "$4,350")),
     Block("row", "Program length | 12 months", cells=("Program length", "12 months"))],
    [heading("How long is the program?"), para("Full-time students finish in 12 months.", "How long is the program?"),
     heading("What does the course cost?"), para("Tuition comes to $4,350.", "What does the course cost?")],
])
def test_a_programs_fact_box_and_answers_about_the_program_are_not_norms(blocks):
    assert extract_program_norms(page(para("Northgate College runs this coding program."), *blocks)) == []


@pytest.mark.parametrize(("label", "figure"), [("Tuition", "$3,450"), ("Total Cost", "$12,400"),
                                               ("Program fees", "$250 - $400")])
def test_a_card_of_one_programs_fact_is_not_a_norm(label, figure):
    assert extract_program_norms(page(heading(label), para(figure, label))) == []


@pytest.mark.parametrize(("label", "figure", "expected"), [
    ("Average Tuition", "$3,450", (None, 3450, 3450)),
    ("Average program cost", "$2,000 - $5,000", (None, 2000, 5000)),
    ("Certificate programs", "$2,000 - $5,000", ("certificate", 2000, 5000)),
])
def test_a_card_of_what_programs_cost_in_general_is_a_norm(label, figure, expected):
    assert costs(extract_program_norms(page(heading(label), para(figure, label)))) == [expected]


@pytest.mark.parametrize(("text", "found"), [
    ("Typical length: 9 to 12 months for a certificate program", [("certificate", 9, 12)]),
    ("Associate degrees: 2 years", [("associate", 24, 24)]),
    ("Online programs: 4 to 9 months", [(None, 4, 9)]),
])
def test_labels_naming_a_kind_of_program_or_speaking_in_general_give_norms(text, found):
    assert lengths(extract_program_norms(page(para(text)))) == found


def test_paying_tuition_back_is_no_program_length():
    text = "With a certificate, you could earn back your tuition within 6 months of working."
    assert extract_program_norms(page(para(text, "Is coding school worth it?"))) == []


@pytest.mark.parametrize(("text", "found"), [
    ("Each course in the program lasts 8 weeks per module.", []),
    ("Coding programs run 5 weeks a course, 9 months of classes in all.", [(None, 9, 9)]),
    ("Online programs take 9 months of classes to complete.", [(None, 9, 9)]),
])
def test_a_length_per_division_is_not_the_programs_but_months_of_classes_are(text, found):
    assert lengths(extract_program_norms(page(para(text)))) == found


@pytest.mark.parametrize(("section", "text", "award"), [
    ("Associate Degrees", "Community college tuition for the full degree usually falls between $6,000 and $15,000.",
     "associate"),
    ("How Much Does a Certificate Cost?", "Most programs charge $2,500 to $6,000 in total tuition.", "certificate"),
    ("Bachelor's Degree in Health Information Management", "Tuition typically runs $30,000 to $60,000 overall.",
     "bachelor"),
    ("Certificate or Associate Degree?", "Programs cost $2,500 to $15,000 in tuition.", None),
], ids=["plural heading", "question heading", "long heading", "two awards: none"])
def test_a_cost_naming_no_award_is_of_the_award_its_heading_names(section, text, award):
    rows = extract_program_norms(page(heading(section), para(text, section)))
    assert [row["credential_awarded"] for row in rows] == [award]


def card(text):
    return Block("paragraph", text)


@pytest.mark.parametrize("blocks", [
    [card("$48,780"), heading("Median Salary"), card("9-12 months"), heading("Typical Training"),
     heading("What They Do")],
    [heading("Typical Training"), card("9-12 months"), heading("Median Pay"), card("$48,780")],
    [card("$48,780"), card("Median pay"), card("9–12 months"), card("Training time"), card("7%"),
     card("Job growth")],
], ids=["labels below as headings", "labels above", "labels below as paragraphs"])
def test_a_stat_card_gives_the_typical_training_length(blocks):
    assert lengths(extract_program_norms(page(*blocks))) == [(None, 9, 12)]


def test_a_schools_program_length_card_is_its_own_fact_not_a_norm():
    assert extract_program_norms(CleanPage(
        "https://example.edu/coding", "Medical Coding Certificate | Lakeshore Technical College",
        [card("10 months"), heading("Program Length"), card("31"), heading("Credits")])) == []


@pytest.mark.parametrize("cells, header", [
    (("Health Information Technologists", "Associate's degree", "$62,990"),
     ("Occupation", "Entry-Level Education", "2023 Median Pay")),
    (("Medical transcriptionist", "Postsecondary certificate", "$37,550 per year"),
     ("Career", "Training needed", "Median salary")),
    (("Billing clerk", "Certificate program", "$45,100"), ("Related job", "Typical training", "Average wage")),
])
def test_an_amount_in_a_pay_column_is_no_program_cost(cells, header):
    assert costs(extract_program_norms(page(row(cells, header)))) == []


def test_an_amount_in_a_cost_column_beside_a_pay_column_is_a_cost():
    rows = extract_program_norms(page(row(("Certificate programs", "$2,500–$6,000", "$48,000"),
                                          ("Training", "Tuition", "Median pay after"))))
    assert costs(rows) == [("certificate", 2500, 6000)]


@pytest.mark.parametrize("text", [
    "Community college certificates can cost under $2,000 for in-district students.",
    "A certificate at a public college costs less than two thousand dollars.",
    "Online certificate programs: up to $2,000",
])
def test_a_cost_after_under_or_up_to_is_only_the_most_a_program_costs(text):
    assert costs(extract_program_norms(page(para(text)))) == [("certificate", None, 2_000)]


@pytest.mark.parametrize(("text", "found"), [
    ("Four to twelve months for a certificate.", [("certificate", 4, 12)]),
    ("About two years for an associate degree at a community college.", [("associate", 24, 24)]),
    ("Expect roughly 18 months for a diploma program.", [("diploma", 18, 18)]),
    ("Pay off the loan over 12 months for the certificate.", []),
], ids=["answer", "sentence", "diploma", "a loan's term"])
def test_a_length_for_a_kind_of_program_is_its_length(text, found):
    rows = extract_program_norms(page(heading("How long does it take?"), para(text, "How long does it take?")))
    assert lengths(rows) == found
