import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.page import Block, CleanPage
from pipeline.programs import describe, extract_programs, school_passages


def page(*blocks):
    return CleanPage("https://example.org/schools", "Coding Schools", list(blocks))


def para(text, *headings):
    return Block("paragraph", text, headings=headings)


def heading(text, *headings):
    return Block("heading", text, level=2, headings=headings)


def item(text, *headings):
    return Block("item", text, headings=headings)


def schools(rows):
    return [row["institution"] for row in rows]


def test_sentence_naming_a_school_gives_every_attribute():
    text = ("Maple Grove Community College offers a 24-credit online medical coding certificate that takes "
            "10 months, costs $3,150 and prepares students for the CCA exam.")
    (row,) = extract_programs(page(para(text)))
    assert row == {
        "institution": "Maple Grove Community College", "credential_awarded": "certificate", "accreditors": [],
        "online": 1, "cost_usd": 3150, "credits": 24, "duration_months": 10, "prepares_for": "CCA",
        "evidence": text,
    }


def test_resident_and_non_resident_costs_make_two_rows():
    rows = extract_programs(page(para(
        "State residents pay $2,040 (or $51 per unit) for the Billing Certificate at Coastal Bend College. "
        "Students from other states pay $310 per unit, for a total of $12,400.")))
    assert [(row["institution"], row["cost_usd"]) for row in rows] == [
        ("Coastal Bend College", 2040), ("Coastal Bend College", 12400)]
    assert rows[1]["evidence"] == "Students from other states pay $310 per unit, for a total of $12,400."


def test_listing_of_schools_with_accreditation_lines():
    rows = extract_programs(page(
        heading("Northfield Technical College"),
        heading("Accreditation: HLC"),
        para("The certificate runs fully online."),
        heading("Eastbrook University"),
        heading("Accreditation: MSCHE, CAHIIM"),
        para("Its associate degree is taught on campus.")))
    assert [(r["institution"], r["accreditors"], r["online"], r["credential_awarded"]) for r in rows] == [
        ("Northfield Technical College", ["HLC"], 1, "certificate"),
        ("Eastbrook University", ["MSCHE", "CAHIIM"], 0, "associate"),
    ]


def test_accreditor_named_in_full_in_a_list_item():
    (row,) = extract_programs(page(item("Ridgeview College – accredited by the Higher Learning Commission")))
    assert row["accreditors"] == ["HLC"]


def test_school_given_by_a_defined_acronym():
    rows = extract_programs(page(
        para("Lakeshore State University (LSU) runs a health information program."),
        para("LSU's bachelor's degree takes four years.")))
    assert [(r["institution"], r["credential_awarded"], r["duration_months"]) for r in rows] == [
        ("Lakeshore State University", "bachelor", 48)]


def test_school_named_again_adds_to_its_program_unless_award_differs():
    rows = extract_programs(page(
        para("Fairmont College offers a coding certificate."),
        para("Fairmont College delivers its certificate online."),
        para("Fairmont College also has an associate degree in health information.")))
    assert [(r["credential_awarded"], r["online"]) for r in rows] == [("certificate", 1), ("associate", None)]


def test_certification_bodies_and_generic_programs_are_not_schools():
    rows = extract_programs(page(
        para("The American Academy of Professional Coders offers an online CPC course for $2,995."),
        para("A typical online program at a community college costs less."),
        para("The Practice Management Institute runs billing courses.")))
    assert rows == []


def test_school_named_in_passing_is_no_program():
    assert extract_programs(page(para("A study by Hillcrest University found that coders value flexibility."))) == []


def test_title_case_heading_words_are_not_part_of_the_name():
    rows = extract_programs(page(heading("Why Choose Silver Lake College for Coding")))
    assert schools(rows) == ["Silver Lake College"]


def test_application_fee_is_not_the_program_cost():
    (row,) = extract_programs(page(para("Birchwood Institute charges a $75 application fee for its diploma program.")))
    assert row["cost_usd"] is None
    assert row["credential_awarded"] == "diploma"


def test_credential_accreditor_does_not_become_the_schools():
    rows = extract_programs(page(
        para("Oakridge College offers a coding certificate. The CBCS exam it prepares for is accredited by NCCA.")))
    assert rows[0]["accreditors"] == []


def test_describe_reads_credits_but_not_continuing_education_or_phone_numbers():
    assert describe("Call 555-201-3300 to ask about the 18 credit hours program")["credits"] == 18
    assert describe("The program lasts 9 months")["credits"] is None


def row(*cells):
    return Block("row", " | ".join(cells), cells=cells)


def test_a_program_page_adds_its_fact_list_and_what_it_says_of_the_program_to_the_school_named():
    blocks = [Block("heading", "Medical Billing and Coding Diploma", level=1),
              para("Alder Bay College's diploma trains you to code and bill for clinics and insurers."),
              row("Length", "18 months"), row("Format", "Online"),
              heading("Program overview"),
              para("The program has 48 credits. Tuition and fees for the whole program come to $4,650.",
                   "Program overview"),
              heading("Career outlook"),
              para("Coders often take 6 weeks of leave over 2 years.", "Career outlook")]
    (found,) = extract_programs(page(*blocks))
    assert (found["institution"], found["duration_months"], found["online"], found["credits"], found["cost_usd"]) == (
        "Alder Bay College", 18, 1, 48, 4_650)
    assert "Coders often take 6 weeks of leave over 2 years." not in school_passages(page(*blocks))


def test_programs_in_general_after_a_school_stay_general():
    blocks = [para("Pine Hill College offers a coding certificate."),
              para("Most certificate programs take 9 to 18 months, and a typical program costs $3,000.")]
    (found,) = extract_programs(page(*blocks))
    assert found["duration_months"] is None and found["cost_usd"] is None


def test_school_passages_cover_the_section_a_school_heading_owns():
    blocks = [heading("Westfield College"), para("Tuition is $4,000."), heading("Costs in General"),
              para("Programs cost $2,000 to $9,000.")]
    assert school_passages(page(*blocks)) == {"Westfield College", "Tuition is $4,000."}


def test_school_as_source_or_employer_is_no_program():
    rows = extract_programs(page(
        para("According to a Brookfield University survey, coding programs vary widely."),
        para("Elm Creek University Hospital hires graduates of local coding programs.")))
    assert rows == []


def test_table_of_schools_reads_cues_from_the_column_header():
    cells = ("Dune Ridge College", "Tucson", "$3,600", "HLC")
    row = Block("row", " | ".join(cells), cells=cells, header=("School", "City", "Tuition", "Accreditor"))
    (program,) = extract_programs(page(row))
    assert (program["institution"], program["cost_usd"]) == ("Dune Ridge College", 3600)
    assert program["accreditors"] == ["HLC"]


@given(st.lists(st.text(alphabet="Oak College University offers certificate $1,200 per unit HLC: online 9 months.\n",
                        max_size=90), max_size=4))
def test_evidence_is_always_verbatim_page_text(texts):
    blocks = [heading(text) if i % 2 else para(text) for i, text in enumerate(texts)]
    the_page = page(*blocks)
    for row in extract_programs(the_page):
        assert row["evidence"] in the_page.text


def test_a_program_accreditor_counts_even_when_the_sentence_then_names_the_credential_it_prepares_for():
    rows = extract_programs(page(para(
        "Pima Community College offers a medical coding certificate. "
        "The program is accredited by CAHIIM and prepares graduates for the CCA exam.")))
    assert [(row["accreditors"], row["prepares_for"]) for row in rows] == [(["CAHIIM"], "CCA")]


def test_a_spelled_out_length_in_a_schools_fact_table_is_read_whole():
    blocks = [para("Maple Ridge College offers a medical coding diploma."),
              row("Length", "twenty-four months"), row("Format", "Online")]
    (found,) = extract_programs(page(*blocks))
    assert (found["institution"], found["duration_months"]) == ("Maple Ridge College", 24)


@pytest.mark.parametrize("blocks", [
    # a ranking line, then label lines
    [para("#1 Ridgeview College Dayton, OH"), para("Accreditation: Higher Learning Commission"),
     para("Tuition: $4,200")],
    # a card: the school's name, then short lines
    [para("Ridgeview College"), para("Medical Coding Certificate"), para("HLC"), para("Online · $4,200 · 9 months")],
    # a list item, then label items
    [item("Ridgeview College"), item("Accredited by: HLC"), item("Cost: $4,200")],
])
def test_entries_of_rankings_and_cards_carry_their_lines(blocks):
    (row,) = extract_programs(page(*blocks))
    assert (row["institution"], row["accreditors"], row["cost_usd"]) == ("Ridgeview College", ["HLC"], 4200)


@pytest.mark.parametrize("blocks", [
    # a numbered entry, its program's title line, then label lines (short lines read as headings)
    [item("Ridgeview College"), heading("Medical Coding Certificate"), heading("Tuition: $4,200"),
     heading("Accreditation: Higher Learning Commission (HLC)")],
    # the same as paragraphs
    [item("Ridgeview College"), para("Billing and Coding Specialist Certificate"), para("Accreditation: HLC"),
     para("Cost: $4,200")],
    # a program line that names its award last, then a label item
    [item("Ridgeview College"), heading("Professional Coding Certificate of Completion"), item("Accredited by: HLC"),
     heading("Total cost: $4,200")],
])
def test_a_ranking_entrys_program_line_carries_the_label_lines_under_it(blocks):
    (row,) = extract_programs(page(*blocks))
    assert (row["credential_awarded"], row["accreditors"], row["cost_usd"]) == ("certificate", ["HLC"], 4200)


@pytest.mark.parametrize("blocks", [
    [item("Ridgeview College"), heading("How we ranked"), heading("Accreditation: HLC")],
    [item("Ridgeview College"), heading("What a certificate program costs nationwide, in dollars and in time"),
     heading("Accreditation: HLC")],
    [para("Ridgeview College is one of several schools in Ohio."), heading("Medical Coding Certificate"),
     heading("Accreditation: HLC")],
])
def test_a_heading_after_a_school_named_in_passing_or_naming_no_award_is_not_its_programs(blocks):
    rows = extract_programs(page(item("Lakeview College"), *blocks))  # two schools: no page of one school's
    assert [row["accreditors"] for row in rows if row["institution"] == "Ridgeview College"] in ([], [[]])


def test_a_sentence_after_a_card_is_not_the_cards():
    rows = extract_programs(page(para("Ridgeview College"), para("Online · $4,200"),
                                 para("Most programs take 9 months and are accredited by HLC.")))
    assert [(r["duration_months"], r["accreditors"]) for r in rows] == [(None, [])]


@pytest.mark.parametrize(("text", "accreditors"), [
    ("Brook Hollow College is accredited by the North Central Association of Colleges and Schools.", ["NCA"]),
    ("Brook Hollow College is accredited by the Southern Association of Colleges and Schools (SACS).", ["SACS"]),
    ("Brook Hollow College - accredited by the Southern Association of Colleges and Schools Commission on Colleges",
     ["SACSCOC"]),
    ("Brook Hollow College: regionally accredited by the Western Association of Schools and Colleges", ["WASC"]),
    ("Brook Hollow College holds NEASC and MSA accreditation.", ["NEASC", "MSA"]),
    ("Brook Hollow College is accredited by the Northwest Commission on Colleges and Universities", ["NWCCU"]),
    ("Brook Hollow College, accredited by the Distance Education Accrediting Commission", ["DEAC"]),
    ("Brook Hollow College | ACCSC", ["ACCSC"]),
    ("Brook Hollow College is approved by NC-SARA to teach online.", []),
])
def test_accreditors_by_older_and_present_names_and_a_state_authorisation_that_is_none(text, accreditors):
    (row,) = extract_programs(page(para(text)))
    assert row["accreditors"] == accreditors


def test_certification_accreditors_are_not_the_programs():
    (row,) = extract_programs(page(item("Brook Hollow College – NCCA-accredited CCMA prep, ABHES")))
    assert row["accreditors"] == ["ABHES"]


@pytest.mark.parametrize("blocks", [
    # a catalog page naming its college once, at the end
    [Block("heading", "Medical Coding Certificate", level=1), para("This program prepares you for the CPC exam."),
     heading("Accreditation"), para("Accredited by the Middle States Commission on Higher Education."),
     para("Contact Brook Hollow College for dates.")],
    # the college named first, its accreditation further down
    [para("Brook Hollow College offers a coding certificate."), heading("Costs"), para("Tuition is $3,000."),
     heading("About us"), para("The college is accredited by the Middle States Commission on Higher Education.")],
    # a label line in a fact box
    [row("Accreditation", "MSCHE"), para("The coding certificate at Brook Hollow College is taught online.")],
])
def test_a_page_about_one_school_gives_it_the_accreditation_it_states_anywhere(blocks):
    (found,) = extract_programs(page(*blocks))
    assert (found["institution"], found["accreditors"]) == ("Brook Hollow College", ["MSCHE"])


def test_advice_about_accreditation_is_no_schools():
    rows = extract_programs(page(
        para("Brook Hollow College offers a coding certificate."),
        heading("Choosing a school"),
        para("Look for programs accredited by CAHIIM or ABHES."),
        para("The college you choose should be accredited by CAHIIM.")))
    assert [r["accreditors"] for r in rows] == [[]]


@pytest.mark.parametrize("text", [
    "Brook Hollow College requires applicants to be at least 18 years old for its certificate.",
    "Brook Hollow College's certificate asks for 2 years of experience in a clinic.",
    "Brook Hollow College reviews its certificate every 3 years.",
])
def test_ages_experience_and_how_often_are_not_a_programs_length(text):
    (found,) = extract_programs(page(para(text)))
    assert found["duration_months"] is None


@pytest.mark.parametrize(("text", "months"), [
    ("Brook Hollow College's certificate takes 36 weeks.", 8.31),
    ("Brook Hollow College's diploma runs three quarters.", 9),
    ("Brook Hollow College's associate degree takes four semesters.", 24),
])
def test_lengths_in_weeks_quarters_and_semesters(text, months):
    (found,) = extract_programs(page(para(text)))
    assert found["duration_months"] == months


def test_a_ranking_takes_the_award_and_delivery_its_heading_names():
    title = "Top 5 Online Associate Degrees in Health Information"
    rows = extract_programs(page(heading(title), para("#1 Alder Bay College Tacoma, WA", title),
                                 para("#2 Ferris Lake University Big Rapids, MI", title)))
    assert [(r["institution"], r["credential_awarded"], r["online"]) for r in rows] == [
        ("Alder Bay College", "associate", 1), ("Ferris Lake University", "associate", 1)]


@pytest.mark.parametrize(("first", "second"), [
    ("Ridgeview College — online", "Lakeview University — Dayton, OH"),
    ("Ridgeview College: Online Coding Certificate", "Lakeview University"),
    ("1. Ridgeview College (100% online certificate)", "2. Lakeview University in Dayton, OH"),
])
def test_an_entry_heading_takes_nothing_from_the_entry_heading_before_it(first, second):
    # a heading's block carries the heading of the same level before it, as the cleaner reads them
    rows = extract_programs(page(heading(first), para("Its program is accredited by HLC.", first),
                                 heading(second, first), para("Its program is accredited by ABHES.", second)))
    assert [(r["institution"], r["credential_awarded"], r["online"]) for r in rows][1] == (
        "Lakeview University", None, None)


@pytest.mark.parametrize("other", [
    item("Also offered: an associate degree in 24 months that prepares you for the RHIT"),
    para("Ask about our associate degree, which takes 24 months and prepares graduates for the RHIT exam."),
    para("Associate degree option: 24 months, prepares you for the RHIT"),
])
def test_a_passage_about_another_award_adds_nothing_to_the_programs_row(other):
    rows = extract_programs(page(heading("Medical Coding Certificate"), para("Ridgeview College"),
                                 para("Award: Certificate"), para("Program length: 9 months"), other,
                                 para("The certificate prepares students for the CCA exam.")))
    assert [(r["credential_awarded"], r["duration_months"], r["prepares_for"]) for r in rows] == [
        ("certificate", 9, "CCA")]


@pytest.mark.parametrize("facts", [
    [para("Length: 12 months"), para("Estimated tuition: $4,350")],
    [Block("row", "Length | 12 months", cells=("Length", "12 months")),
     Block("row", "Tuition | $4,350", cells=("Tuition", "$4,350"))],
    [item("Program length: 12 months"), item("Total cost: $4,350")],
])
def test_a_program_pages_fact_box_before_the_school_is_named_is_its_programs(facts):
    blocks = [Block("heading", "Medical Billing Certificate", level=1), *facts,
              para("Call Northgate Technical College to enroll.")]
    (found,) = extract_programs(page(*blocks))
    assert (found["institution"], found["duration_months"], found["cost_usd"]) == (
        "Northgate Technical College", 12, 4350)


@pytest.mark.parametrize("text", [
    "Alder Bay College charges $13,000 for its diploma. A program at your local community college costs $3,000.",
    "Alder Bay College charges $13,000 for its diploma. Most programs cost $3,000 or less.",
    "Alder Bay College charges $13,000 for its diploma. Online courses elsewhere cost $3,000.",
])
def test_other_programs_in_the_same_paragraph_are_not_the_schools(text):
    assert [row["cost_usd"] for row in extract_programs(page(para(text)))] == [13_000]


def test_the_description_after_a_ranking_line_speaks_of_its_school_as_the_school():
    rows = extract_programs(page(
        para("#1 Alder Bay College Tacoma, WA"),
        para("Founded in 1902, this public college trains coders online. The school is accredited by the NWCCU."),
        para("#2 Ferris Lake University Big Rapids, MI"),
        para("Its certificate takes 9 months. The university holds HLC accreditation."),
        heading("How we rank"),
        para("The school you attend should be accredited by CAHIIM or ABHES.")))
    assert [(r["institution"], r["accreditors"]) for r in rows] == [
        ("Alder Bay College", ["NWCCU"]), ("Ferris Lake University", ["HLC"])]


@pytest.mark.parametrize("text", [
    "Source: Hillcrest University",
    "Photo courtesy of Hillcrest University",
    "Hillcrest University Medical Center",
])
def test_a_line_naming_a_school_as_a_source_or_a_hospital_is_no_entry(text):
    assert extract_programs(page(para(text))) == []
