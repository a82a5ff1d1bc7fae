import pytest

from pipeline.page import Block, CleanPage
from pipeline.requirements import extract_requirements, requirement_types


def page(*blocks, title="Getting Certified"):
    return CleanPage("https://example.org/req", title, list(blocks))


def para(text, *headings):
    return Block("paragraph", text, headings=("Getting Certified", *headings))


def item(text, *headings):
    return Block("item", text, headings=("Getting Certified", *headings))


def pairs(rows):
    return {(row["credential"], row["type"], row["recommended"]) for row in rows}


def test_required_and_suggested_clauses_of_one_sentence_are_told_apart():
    rows = extract_requirements(page(para(
        "Applicants for the CCS need a high school diploma, but two years of hospital coding experience is recommended."
    )))
    assert pairs(rows) == {("CCS", "education", 0), ("CCS", "experience", 1)}
    experience = next(row for row in rows if row["type"] == "experience")
    assert experience["months"] == 24


def test_evidence_is_the_verbatim_sentence():
    sentence = "To earn the CIC you must have 18 months of inpatient coding experience."
    rows = extract_requirements(page(para(f"Some intro here. {sentence} More later.")))
    assert [row["evidence"] for row in rows] == [sentence]
    assert rows[0]["months"] == 18


def test_the_page_saying_there_are_none_gives_type_none():
    rows = extract_requirements(page(para("There are no formal prerequisites to take the CBCS exam.")))
    assert pairs(rows) == {("CBCS", "none", 0)}


def test_continuing_education_is_renewal_with_its_cycle():
    rows = extract_requirements(page(para("CPB holders must report 36 CEUs every two years to stay certified.")))
    assert [(row["type"], row["months"]) for row in rows] == [("renewal", 24)]


def test_this_certification_means_the_credential_named_earlier_in_the_paragraph():
    rows = extract_requirements(page(para(
        "The RHIA suits managers. This certification requires a bachelor's degree in health information."
    )))
    assert pairs(rows) == {("RHIA", "education", 0)}


def test_list_under_a_requirements_heading_takes_credential_from_the_heading():
    rows = extract_requirements(page(
        Block("heading", "CPC Eligibility Requirements", level=2, headings=("Getting Certified",)),
        item("Current AAPC membership.", "CPC Eligibility Requirements"),
        item("Pay the exam fee when you apply.", "CPC Eligibility Requirements"),
        item("Completion of a medical coding course.", "CPC Eligibility Requirements"),
    ))
    assert pairs(rows) == {("CPC", "membership", 0), ("CPC", "training", 0)}


def test_list_under_a_recommended_heading_is_only_suggested():
    rows = extract_requirements(page(
        Block("heading", "Recommended Background", level=2, headings=("Getting Certified",)),
        para("Before the CCA exam, AHIMA suggests one of these:", "Recommended Background"),
        item("Six months of coding work experience", "Recommended Background"),
        item("An approved coding program", "Recommended Background"),
    ))
    assert pairs(rows) == {("CCA", "experience", 1), ("CCA", "training", 1)}


def test_career_level_statements_have_no_credential():
    rows = extract_requirements(page(
        para("The CPC is the credential most coders earn first."),
        para("Most coders need only a postsecondary certificate to enter the occupation."),
        title="CPC Guide",
    ))
    assert pairs(rows) == {(None, "education", 0)}


def test_whom_employers_hire_states_a_career_requirement():
    rows = extract_requirements(page(para(
        "Most employers hire coders who have finished a postsecondary certificate in medical coding.")))
    assert pairs(rows) == {(None, "education", 0)}
    assert extract_requirements(page(para("Employers hire coders in every state, and many work from home."))) == []


def test_fact_sheet_education_label_is_a_career_requirement_and_none_values_are_skipped():
    rows = extract_requirements(page(
        Block("row", "Typical Entry-Level Education | Postsecondary nondegree award",
              cells=("Typical Entry-Level Education", "Postsecondary nondegree award")),
        Block("row", "Work Experience in a Related Occupation | None",
              cells=("Work Experience in a Related Occupation", "None")),
    ))
    assert [(row["credential"], row["type"], row["description"]) for row in rows] == [
        (None, "education", "Postsecondary nondegree award")]


def test_fees_scores_conditions_and_cue_less_sentences_are_not_requirements():
    rows = extract_requirements(page(para(
        "The CPC exam requires a $399 payment. You need a score of 70% in every section to pass the CPC. "
        "If you have not logged two years of experience, you receive the CPC-A instead. "
        "Many CPC holders have years of experience in hospitals."
    )))
    assert rows == []


def test_the_same_requirement_stated_twice_is_one_row():
    rows = extract_requirements(page(
        para("The CCA requires a high school diploma."),
        para("Again: a high school diploma or GED is required for the CCA."),
    ))
    assert len(rows) == 1


def test_a_degree_program_is_education_not_training_while_renewal_takes_in_courses():
    assert requirement_types("an associate degree from an accredited program") == ["education"]
    assert requirement_types("10 continuing education credits from free CE courses") == ["renewal"]
    assert requirement_types("pass the certification exam") == ["exam"]


def test_the_subject_of_an_active_verb_is_not_a_requirement():
    rows = extract_requirements(page(para("Most coding programs expect applicants to hold a GED.")))
    assert pairs(rows) == {(None, "education", 0)}


@pytest.mark.parametrize("text", [
    "Most hospitals expect a certificate in medical coding.",
    "Employers expect coders to hold a certificate.",
    "A certificate is expected of every new coder.",
])
def test_what_employers_expect_is_required(text):
    assert pairs(extract_requirements(page(para(text)))) == {(None, "education", 0)}


@pytest.mark.parametrize("text", [
    "A coding certificate opens more doors than most students expect.",
    "Expect classes in medical terminology, anatomy and coding.",
    "With a certificate, you can expect to earn more than a clerk.",
    "Online courses are shorter than many expect, and cost less.",
])
def test_what_a_reader_may_look_forward_to_is_no_requirement(text):
    assert extract_requirements(page(para(text))) == []


def test_each_clause_keeps_the_credential_it_names():
    rows = extract_requirements(page(para(
        "CRC holders must earn 36 CEUs every two years, while CCA holders need 20 CEUs per cycle."
    )))
    assert pairs(rows) == {("CRC", "renewal", 0), ("CCA", "renewal", 0)}


def test_a_requirement_shared_by_several_credentials_is_theirs_each():
    rows = extract_requirements(page(para("Both the CIC and the COC require two years of coding experience.")))
    assert pairs(rows) == {("CIC", "experience", 0), ("COC", "experience", 0)}


def test_questions_are_not_statements():
    assert extract_requirements(page(para("Do I need a degree to take the CCS exam?"))) == []


def test_a_credential_named_as_a_requirement_is_not_the_one_required_for():
    rows = extract_requirements(page(para(
        "To sit for the CCS, candidates should have two years of experience, or hold the CCA plus one year of work."
    )))
    assert pairs(rows) == {("CCS", "experience", 1)}


@pytest.mark.parametrize("blocks", [
    [para("This certificate prepares you for the CPC exam. Students who enroll must hold a diploma.")],
    [Block("heading", "Admission Requirements", level=2, headings=("Getting Certified",)),
     item("High school diploma or GED", "Admission Requirements")],
    [para("To be admitted to the CPC prep certificate, applicants must submit:"), item("A GED or high school diploma")],
    [Block("row", "Admission | High school diploma required", cells=("Admission", "High school diploma required"))],
])
def test_school_admission_requirements_name_no_credential(blocks):
    assert pairs(extract_requirements(page(*blocks, title="CPC Prep Certificate"))) == {(None, "education", 0)}


@pytest.mark.parametrize("text", [
    "Applicants must pass a criminal background check before the first day.",
    "Students must be at least 18 years old to enroll.",
    "A drug screen and current immunizations are required of every student.",
])
def test_screening_and_age_rules_are_other_requirements_of_no_credential(text):
    assert pairs(extract_requirements(page(para(text), title="CPC Guide"))) == {(None, "other", 0)}


def test_screening_rules_listed_beside_education_keep_both():
    rows = extract_requirements(page(para(
        "The college requires applicants to be 17 years of age and to hold a high school diploma.", "Admissions")))
    assert pairs(rows) == {(None, "education", 0), (None, "other", 0)}


@pytest.mark.parametrize("blocks", [
    [para("To sit for the CCS, you must meet one of the following:"),
     item("Hold the CCA credential plus one year of coding experience")],
    [para("The CCS is for hospital coders. One route requires a prior credential (e.g. CCA) and a year of work"
          " experience.")],
    [para("CCA holders need a year of experience to sit for the CCS.")],
    [Block("heading", "CCS eligibility", level=2, headings=("Getting Certified",)),
     item("Or: already hold the RHIT, plus 12 months of inpatient coding experience", "CCS eligibility")],
])
def test_a_credential_held_already_is_a_route_to_the_one_the_passage_is_about(blocks):
    assert pairs(extract_requirements(page(*blocks))) == {("CCS", "experience", 0)}


@pytest.mark.parametrize("blocks", [
    [para("To sit for the CCS, you must meet one of the following:"), item("Hold the RHIT or RHIA credential")],
    [para("CCS candidates must already hold a coding certification such as the CCA.")],
    [Block("heading", "CCS requirements", level=2, headings=("Getting Certified",)),
     item("Holding an AHIMA credential (RHIT, RHIA)", "CCS requirements")],
])
def test_a_credential_to_hold_is_an_other_requirement_where_no_other_type_is_named(blocks):
    assert pairs(extract_requirements(page(*blocks))) == {("CCS", "other", 0)}


def test_renewing_a_held_credential_is_that_credentials_renewal():
    rows = extract_requirements(page(para("If you hold the CRC, you must earn 36 CEUs every two years.")))
    assert pairs(rows) == {("CRC", "renewal", 0)}


@pytest.mark.parametrize("text", [
    "Medical billers usually hold a postsecondary certificate.",
    "Most medical coders need an associate degree to get hired.",
    "Entry-level billing specialists typically have a one-year certificate.",
    "Coders do not need a bachelor's degree.",
])
def test_a_sentence_whose_subject_is_the_occupation_is_a_career_requirement(text):
    rows = extract_requirements(page(para("The CPB is AAPC's billing credential."), para(text), title="CPB Guide"))
    assert {(credential, recommended) for credential, _, recommended in pairs(rows)} == {(None, 0)}


def test_the_occupation_as_subject_does_not_take_a_credentials_renewal_or_exam():
    rows = extract_requirements(page(
        para("Coders must pass the exam and earn 36 CEUs every two years."), title="CPB Guide"))
    assert {credential for credential, _, _ in pairs(rows)} == {"CPB"}


@pytest.mark.parametrize("text", [
    "There are no formal education requirements for the CPC.",
    "The CPC has no degree requirement.",
    "A degree is not required for the CPC.",
])
def test_statements_that_a_requirement_does_not_apply_are_none(text):
    assert pairs(extract_requirements(page(para(text)))) == {("CPC", "none", 0)}


def test_a_renewal_that_names_the_dues_paid_with_it_is_still_a_renewal():
    rows = extract_requirements(page(para("Every two years, CPC holders submit 36 CEUs and pay their dues.")))
    assert pairs(rows) == {("CPC", "renewal", 0)}


def test_exams_listed_beside_another_requirement_are_exam_requirements():
    assert requirement_types("both require experience plus examination") == ["experience", "exam"]
    assert requirement_types("an associate degree and a certification exam") == ["education", "exam"]
    assert requirement_types("some experience and exam prep") == ["experience"]


@pytest.mark.parametrize("text", [
    "Bachelor's degrees in health informatics qualify graduates to work as managers.",
    "This guide helps students find degree programs that suit their needs.",
    "Those who pass the CIC exam but have not yet met the experience requirement are apprentices.",
    "The course includes 40 hours of externship experience.",
])
def test_sentences_that_only_mention_requirement_words_state_none(text):
    assert extract_requirements(page(para(text))) == []


def test_the_exam_a_requirement_leads_to_is_not_itself_a_requirement():
    assert requirement_types("a bachelor's degree to sit for the RHIA exam") == ["education"]
    assert requirement_types("you need to pass the RHIA exam") == ["exam"]


def test_a_length_of_time_measures_the_requirement_beside_it():
    rows = extract_requirements(page(para(
        "The CRCS requires a high school diploma and 12 months of patient accounts experience."
    )))
    assert {row["type"]: row["months"] for row in rows} == {"education": None, "experience": 12}


def test_a_denied_requirement_is_none_unless_it_is_still_suggested():
    assert pairs(extract_requirements(page(para("No prior coding experience is required for the CBCS.")))) == {
        ("CBCS", "none", 0)}
    assert pairs(extract_requirements(page(para("A degree is not required for the CPB, but it helps.")))) == {
        ("CPB", "education", 1)}


def test_prerequisites_none_is_type_none():
    assert pairs(extract_requirements(page(para("CMRS prerequisites: none.")))) == {("CMRS", "none", 0)}


def test_a_leading_while_clause_is_its_own_clause():
    rows = extract_requirements(page(para(
        "While the CPC has no prerequisites, we recommend an associate degree before you sit for it."
    )))
    assert pairs(rows) == {("CPC", "none", 0), ("CPC", "education", 1)}


def test_continuing_education_on_a_cycle_is_renewal_without_a_cue_word():
    rows = extract_requirements(page(para("CIC holders report 36 CEUs every two years.")))
    assert [(row["credential"], row["type"], row["months"]) for row in rows] == [("CIC", "renewal", 24)]
    assert extract_requirements(page(para("This webinar for CIC holders is worth 2 CEUs."))) == []


def test_an_exam_open_to_holders_of_a_diploma_requires_it():
    rows = extract_requirements(page(para("The CCA exam is open to anyone with a high school diploma.")))
    assert pairs(rows) == {("CCA", "education", 0)}


def test_comparison_cells_that_deny_a_requirement_are_none_and_requirement_tables_need_no_cue():
    header = ("Requirement", "CPC", "CCS")
    rows = extract_requirements(page(
        Block("row", "Requirement | CPC | CCS", cells=header, header=header),
        Block("row", "Membership | Required | Not required", cells=("Membership", "Required", "Not required"),
              header=header),
        Block("row", "Degree | None | Associate degree", cells=("Degree", "None", "Associate degree"), header=header),
        title="CPC vs. CCS",
    ))
    assert pairs(rows) == {("CPC", "membership", 0), ("CCS", "none", 0), ("CCS", "education", 0),
                           ("CPC", "none", 0)}


def test_a_comparison_table_row_states_a_requirement_for_each_credential_column():
    header = ("Feature", "CPC", "CCS")
    rows = extract_requirements(page(
        Block("row", "Feature | CPC | CCS", cells=header, header=header),
        Block("row", "Renewal | 36 CEUs every 2 years | 20 CEUs every 2 years",
              cells=("Renewal", "36 CEUs every 2 years", "20 CEUs every 2 years"), header=header),
        Block("row", "Exam fee | $399 | $299", cells=("Exam fee", "$399", "$299"), header=header),
        title="CPC vs. CCS",
    ))
    assert {(row["credential"], row["type"], row["description"], row["months"]) for row in rows} == {
        ("CPC", "renewal", "36 CEUs every 2 years", 24), ("CCS", "renewal", "20 CEUs every 2 years", 24)}


def test_a_cue_word_that_ends_the_clause_is_a_label_not_a_verb():
    heading = "CCA eligibility requirements"
    rows = extract_requirements(page(
        item("Completion of an AHIMA-approved coding program (recommended)", heading),
        item("Coding experience recommended.", heading),
        title="CCA",
    ))
    assert pairs(rows) == {("CCA", "training", 1), ("CCA", "experience", 1)}



@pytest.mark.parametrize("labels", [
    ("Option 1: ", "Option 2: "),
    ("Route A — ", "Route B — "),
    ("Education: ", "Experience: "),
])
def test_labelled_paragraphs_after_a_lead_in_read_as_its_list(labels):
    rows = extract_requirements(page(
        para("To sit for the CRC exam, candidates must meet these conditions:"),
        para(f"{labels[0]}an associate degree in health information."),
        para(f"{labels[1]}two years of risk adjustment coding experience."),
    ))
    assert pairs(rows) == {("CRC", "education", 0), ("CRC", "experience", 0)}


@pytest.mark.parametrize("text", [
    "Students must complete a 60-hour externship in a hospital coding department.",
    "All students need a high school diploma on file.",
    "Students are required to bring proof of a completed anatomy course.",
])
def test_a_rule_for_a_schools_students_names_no_credential(text):
    rows = extract_requirements(page(para("The certificate prepares you for the CPC."), para(text),
                                     title="CPC Prep Certificate"))
    assert {credential for credential, _, _ in pairs(rows)} == {None}


@pytest.mark.parametrize("heading", [
    "Do I need a degree to become a medical coder?",
    "Education for the career",
    "Getting hired as a coder",
])
def test_an_answer_under_a_career_heading_is_a_career_requirement(heading):
    rows = extract_requirements(page(
        Block("heading", heading, level=2, headings=("Getting Certified",)),
        para("No. A high school diploma is required, and a degree is only recommended.", heading),
        title="CPC Guide",
    ))
    assert pairs(rows) == {(None, "education", 0), (None, "education", 1)}


@pytest.mark.parametrize("text", [
    "The CBCS requires no experience.",
    "The CBCS needs no prior degree.",
    "There is no membership requirement for the CBCS.",
])
def test_requiring_nothing_is_none(text):
    assert pairs(extract_requirements(page(para(text)))) == {("CBCS", "none", 0)}


@pytest.mark.parametrize(("text", "kinds"), [
    ("AAPC membership is required to take the CRC exam.", {"membership"}),
    ("A diploma is required to take the test.", {"education"}),
    ("Candidates are required to pass the CRC exam.", {"exam"}),
])
def test_taking_the_exam_is_the_purpose_of_a_requirement_and_passing_it_is_one(text, kinds):
    assert {kind for _, kind, _ in pairs(extract_requirements(page(para(text), title="CRC")))} == kinds


@pytest.mark.parametrize("text", [
    "A high school diploma is the basic requirement to enroll in a medical billing program.",
    "Applicants need a GED for admission to the coding certificate program.",
    "You must hold a high school diploma before you enroll in a coding course.",
])
def test_the_program_a_requirement_gets_you_into_is_not_a_training_requirement(text):
    assert pairs(extract_requirements(page(para(text)))) == {(None, "education", 0)}


@pytest.mark.parametrize("text", [
    "AHIMA does not require a bachelor's degree for the CCS, which opens it to coders with a certificate.",
    "The CCS requires two years of experience, which may include externship training.",
    "A diploma is needed for the CCS, which many coders earn in an approved coding program.",
])
def test_a_which_clause_states_no_requirement_on_the_strength_of_the_clause_before(text):
    assert {kind for _, kind, _ in pairs(extract_requirements(page(para(text))))} <= {"none", "experience", "education"}


@pytest.mark.parametrize("text", [
    "There are no firm education requirements to become a medical coder.",
    "Coding careers have no special educational prerequisites.",
    "There are no real degree requirements for entry-level jobs.",
])
def test_no_requirements_of_any_kind_is_none(text):
    assert pairs(extract_requirements(page(para(text)))) == {(None, "none", 0)}


@pytest.mark.parametrize("text", [
    "Most employers seek candidates with a postsecondary certificate.",
    "Hospitals want coders who hold an associate degree.",
    "Most employers hire billers who have a postsecondary certificate.",
])
def test_whom_employers_seek_is_a_career_requirement(text):
    assert pairs(extract_requirements(page(para(text), title="CPB Guide"))) == {(None, "education", 0)}


def test_a_minimum_under_a_recommended_lead_in_is_still_only_recommended():
    rows = extract_requirements(page(
        para("AHIMA recommends, but does not require, one of the following for the CCS:"),
        item("A minimum of two years of coding experience; OR"),
        item("Completion of coursework in pharmacology"),
    ))
    assert pairs(rows) == {("CCS", "experience", 1), ("CCS", "training", 1)}


@pytest.mark.parametrize("text", [
    "The AAPC course is convenient but not required.",
    "An AAPC course helps, though it is not required.",
    "A prep course is useful; it is not mandatory.",
])
def test_what_a_sentence_denies_elsewhere_is_only_suggested(text):
    rows = extract_requirements(page(para(text), title="CPC guide"))
    assert ("CPC", "training", 1) in pairs(rows) and ("CPC", "training", 0) not in pairs(rows)


@pytest.mark.parametrize("text", [
    "You can take the CPC exam without prior experience.",
    "Candidates can sit for the CPC without a degree.",
    "Anyone can register for the CPC exam without any formal training.",
])
def test_an_exam_one_can_take_without_something_does_not_require_it(text):
    assert pairs(extract_requirements(page(para(text)))) == {("CPC", "none", 0)}


@pytest.mark.parametrize("blocks", [
    [para("Unlike the CPC, this certification requires a year of billing experience.")],
    [para("Compared with the CCS, it needs only a year of billing experience.")],
    [para("The CPB is AAPC's billing credential. It is easier than the CPC."),
     para("Candidates need a year of billing experience.")],
])
def test_a_credential_set_against_the_one_the_passage_is_about_is_not_it(blocks):
    assert pairs(extract_requirements(page(*blocks, title="CPB guide"))) == {("CPB", "experience", 0)}


def heading(text):
    return Block("heading", text, level=2, headings=("Getting Certified",))


@pytest.mark.parametrize("text", [
    "Required: high school diploma or GED",
    "Education required: an associate degree",
    "Eligibility: a high school diploma",
])
def test_a_heading_that_is_a_label_and_its_value_states_a_requirement(text):
    assert pairs(extract_requirements(page(heading(text), title="CCA guide"))) == {("CCA", "education", 0)}


@pytest.mark.parametrize("text", [
    "CCA Certification Requirements: Complete Guide to Education",
    "Step 1: Earn Your High School Diploma",
    "Education and Experience",
])
def test_a_heading_that_titles_a_section_states_none(text):
    assert extract_requirements(page(heading(text), title="CCA guide")) == []


def row_of(*cells, header=(), section="CCA requirements"):
    return Block("row", " | ".join(cells), cells=cells, header=header, headings=("Getting Certified", section))


@pytest.mark.parametrize("blocks", [
    [row_of("Requirement", "Detail", header=("Requirement", "Detail"), section="About the CCA"),
     row_of("Education", "High school diploma", header=("Requirement", "Detail"), section="About the CCA")],
    [row_of("Education", "High school diploma")],
    [row_of("Prerequisite", "Detail", header=("Prerequisite", "Detail"), section="Overview"),
     row_of("Diploma", "High school or GED", header=("Prerequisite", "Detail"), section="Overview")],
])
def test_rows_of_a_requirements_table_need_no_cue_word(blocks):
    assert pairs(extract_requirements(page(*blocks, title="CCA guide"))) == {("CCA", "education", 0)}


def test_a_table_with_its_own_header_is_not_framed_by_the_lead_in_above_it():
    header = ("If you have", "Then study")
    rows = extract_requirements(page(
        para("These are recommendations, not requirements. Use the table as a checklist:"),
        row_of(*header, header=header), row_of("Some coding experience", "Inpatient coding", header=header),
        title="CCA guide",
    ))
    assert rows == []


@pytest.mark.parametrize(("clause", "kinds"), [
    ("you need to pass the CPC exam", ["exam"]),
    ("Candidates must pass the certification examination.", ["exam"]),
    ("- Register for the CCS test", ["exam"]),
    ("Required to pass the exam: yes", ["exam"]),
    ("a diploma to take the CPC exam", ["education"]),
    ("Membership is required to take the exam.", ["membership"]),
    ("a year of experience before the externship", ["experience"]),
    ("120 hours of externship experience", ["training"]),
])
def test_an_exam_task_counts_unless_it_is_what_the_requirement_is_for(clause, kinds):
    assert requirement_types(clause) == kinds


@pytest.mark.parametrize(("text", "credential"), [
    ("Candidates for the CPC-H needed two years of hospital outpatient coding experience.", "COC"),
    ("To sit for the Accredited Record Technician exam you needed an associate degree from an accredited program.",
     "RHIT"),
    ("• Registered Record Administrator (RRA): a bachelor's degree in health information management was required",
     "RHIA"),
])
def test_a_requirement_of_a_renamed_credential_is_its_successors(text, credential):
    assert {row["credential"] for row in extract_requirements(page(para(text)))} == {credential}


@pytest.mark.parametrize("blocks", [
    [para("Most employers look for a postsecondary certificate in medical coding.", "Education and Training")],
    [item("Hospitals usually look for coders with an associate degree.", "Getting Hired")],
    [para("A high school diploma is the minimum for entry into a training program.", "Education")],
    [para("At minimum, coders need a high school diploma.", "How to Become a Coder")],
    [para("Typical education needed: Postsecondary certificate", "Education")],
    [Block("row", "Typical Education | Postsecondary nondegree award",
           cells=("Typical Education", "Postsecondary nondegree award"))],
], ids=["employers look for", "hospitals look for, item", "is the minimum", "at minimum", "typical education label",
        "typical education row"])
def test_what_employers_look_for_and_the_minimum_education_are_career_requirements(blocks):
    assert pairs(extract_requirements(page(*blocks))) == {(None, "education", 0)}


def test_a_reader_told_to_look_for_a_program_is_given_no_requirement():
    assert extract_requirements(page(para("Look for a program accredited by CAHIIM.", "Choosing a School"))) == []


@pytest.mark.parametrize("text", [
    "The program is accredited by the Commission on Accreditation for Health Informatics and Information Management "
    "Education (CAHIIM), and graduates are eligible to take the RHIT exam.",
    "Graduates of programs accredited by the Accrediting Bureau of Health Education Schools are eligible for the "
    "CBCS exam.",
    "The school is accredited by the Middle States Commission on Higher Education and eligible for federal aid.",
], ids=["CAHIIM in full", "ABHES in full", "a regional accreditor in full"])
def test_an_organisations_name_names_no_requirement_type(text):
    assert extract_requirements(page(para(text, "Accreditation"))) == []


def test_an_accreditor_named_in_full_keeps_the_education_it_qualifies():
    rows = extract_requirements(page(item(
        "Graduate from a CCS program accredited by the Commission on Accreditation for Health Informatics and "
        "Information Management Education", "Eligibility Requirements")))
    assert pairs(rows) == {("CCS", "education", 0)}


@pytest.mark.parametrize("text", [
    "Many online programs let motivated students finish in as little as four months.",
    "You can complete the certificate in as little as 9 months.",
    "Self-paced coding courses can be done in as little as twelve weeks, students say.",
], ids=["finish in", "complete in", "done in"])
def test_a_time_to_finish_in_as_little_as_is_no_requirement(text):
    assert extract_requirements(page(para(text, "How Long Does It Take?"))) == []


def test_as_little_as_an_amount_of_education_is_a_requirement():
    rows = extract_requirements(page(para("Coders may start with as little as one year of postsecondary education.",
                                          "How to Become a Coder")))
    assert pairs(rows) == {(None, "education", 0)}


@pytest.mark.parametrize("text", [
    "A coding certificate opens more doors than the job title on the diploma suggests.",
    "As the name suggests, the CCA is an entry-level credential for coders with a diploma.",
    "Survey data suggests that coders with a degree earn more.",
], ids=["ends the sentence", "as the name suggests", "suggests that"])
def test_what_a_thing_suggests_is_no_recommendation(text):
    assert extract_requirements(page(para(text, "Careers"))) == []


@pytest.mark.parametrize("text", [
    "AAPC suggests an associate degree before you sit for the CRC exam.",
    "An associate degree is suggested for the CRC.",
    "AAPC's suggestion for CRC candidates: an associate degree.",
], ids=["active", "passive", "noun"])
def test_a_suggested_requirement_is_recommended(text):
    assert pairs(extract_requirements(page(para(text, "Eligibility")))) == {("CRC", "education", 1)}


@pytest.mark.parametrize("text", [
    "No prior healthcare experience is required to start the CBCS training.",
    "No previous medical office experience is needed for the CBCS.",
    "For the CBCS, no hands-on clinical experience is necessary.",
])
def test_a_denied_experience_with_any_words_before_it_is_none(text):
    assert pairs(extract_requirements(page(para(text)))) == {("CBCS", "none", 0)}


@pytest.mark.parametrize("blocks", [
    [para("The certificate is eligible for federal financial aid.")],
    [para("Students in the diploma program may be eligible for financial aid and payment plans.")],
    [item("Eligible for financial aid: yes, for the associate degree", "Program Facts")],
])
def test_eligibility_for_financial_aid_is_no_requirement(blocks):
    assert extract_requirements(page(*blocks)) == []


@pytest.mark.parametrize(("blocks", "recommended"), [
    ([para("Certification, for example the CCS or the CPC, is usually preferred by hospital employers.")], 1),
    ([para("Certification is not legally required for coding jobs, but most employers prefer it.")], 1),
    ([para("Most employers require a recognised coding certification of job applicants.")], 0),
    ([para("Many employers prefer to hire certified coders.", "Getting Hired")], 1),
    ([para("Some employers hire only specialists who hold a certification such as the CCS, the RHIT or the CPC.")], 0),
    ([para("Most coding jobs list these requirements:"), item("An active CCA, CPC or CCS credential")], 0),
    ([para("Certification: CPC or CCS required", "Job Requirements")], 0),
    ([row_of("Certification", "CPC, CCS or CCA preferred", header=("Qualification", "Details"),
             section="Outpatient Coder")], 1),
], ids=["certification preferred, examples aside", "not legally required but preferred", "employers require",
        "prefer certified coders", "hold one such as", "list item of alternatives", "label and value",
        "table row"])
def test_holding_some_credential_that_employers_or_a_job_ask_for_is_the_careers(blocks, recommended):
    assert pairs(extract_requirements(page(*blocks))) == {(None, "other", recommended)}


def test_a_certification_that_nobody_named_asks_for_outside_a_requirements_list_is_no_requirement():
    assert extract_requirements(page(para("Certification is often required.", "How to Become a Coder"))) == []


def test_one_of_several_credentials_to_hold_under_a_credentials_requirements_is_that_credentials():
    heading = "CCS eligibility requirements"
    rows = extract_requirements(page(Block("heading", heading, level=2, headings=("Getting Certified",)),
                                     item("An active CCA, RHIT or RHIA credential", heading)))
    assert pairs(rows) == {("CCS", "other", 0)}


@pytest.mark.parametrize(("text", "kinds"), [
    ("employers require a coding certification to prove experience in billing", ["other"]),
    ("you must be able to demonstrate two years of coding experience", ["experience"]),
    ("applicants need to prove two years of experience", ["experience"]),
])
def test_what_a_credential_proves_is_not_a_requirement_of_its_own(text, kinds):
    assert requirement_types(text) == kinds


@pytest.mark.parametrize(("blocks", "credential"), [
    ([para("Candidates who pass without two years of coding experience receive the CPC-A designation.")], "CPC-A"),
    ([para("Passers without two years of on-the-job experience are designated COC-A until they send proof.")],
     "COC-A"),
    ([item("New billers without 24 months of experience earn the CPB-A apprentice credential", "After the Exam")],
     "CPB-A"),
], ids=["receive", "are designated", "list item, earn"])
def test_passing_without_experience_gives_the_apprentice_title_and_states_the_experience_rule(blocks, credential):
    rows = extract_requirements(page(*blocks))
    assert [(row["credential"], row["type"], row["recommended"], row["months"]) for row in rows] == [
        (credential, "experience", 0, 24)]


@pytest.mark.parametrize("blocks", [
    [item("Must hold a current Certified Professional Biller (CPB) or CBCS credential", "Qualifications")],
    [para("The coder we hire must hold an active Registered Health Information Technician (RHIT) credential.")],
    [Block("row", "Certification | Must hold the Certified Coding Specialist (CCS) designation",
           cells=("Certification", "Must hold the Certified Coding Specialist (CCS) designation"),
           headings=("Job Requirements",))],
], ids=["posting bullet", "sentence", "table row"])
def test_holding_a_credential_spelled_out_in_full_is_a_job_requirement(blocks):
    assert pairs(extract_requirements(page(*blocks, title="Outpatient Coder II"))) == {(None, "other", 0)}


@pytest.mark.parametrize("blocks", [
    [para("Applicants must be 18 or older.")],
    [para("Who can enroll:"), item("Applicants must be 18 years or over")],
    [Block("heading", "Admission requirements", level=2), item("Age 18 or above", "Admission requirements")],
    [para("You need to be aged 18 to apply.")],
], ids=["sentence", "item under a lead-in", "item under a heading", "aged"])
def test_an_age_an_applicant_must_have_reached_is_an_other_requirement_of_no_credential(blocks):
    assert pairs(extract_requirements(page(*blocks))) == {(None, "other", 0)}


@pytest.mark.parametrize("text", [
    "Most students are 18 or older when they enroll.",
    "Members aged 18 to 24 made up a tenth of those surveyed.",
    "Coders with 20 or more years of experience earn the most.",
])
def test_an_age_that_no_one_asks_for_is_no_requirement(text):
    assert extract_requirements(page(para(text))) == []


def route_page(labels, texts, title="CCS Certification"):
    blocks = [Block("heading", title, level=1),
              para("To qualify for the CCS, a candidate needs to meet one of the following.", title)]
    for label, text in zip(labels, texts, strict=True):
        blocks += [Block("heading", label, level=2, headings=(title,)), Block("paragraph", text, headings=(label,))]
    return page(*blocks, title=title)


ROUTES = ("Completion of coursework in anatomy, pharmacology and coding.",
          "At least two years of hands-on coding experience.",
          "A current CCA plus one year of coding experience.")


@pytest.mark.parametrize("labels", [
    ("Education route", "Experience route", "Credential route"),
    ("Option 1", "Option 2", "Option 3"),
    ("Pathway A", "Pathway B", "Pathway C"),
])
def test_the_paragraph_under_a_route_heading_states_that_routes_requirement(labels):
    rows = extract_requirements(route_page(labels, ROUTES))
    assert pairs(rows) == {("CCS", "training", 0), ("CCS", "experience", 0)}


@pytest.mark.parametrize(("label", "text"), [
    ("Payment option", "Pay the tuition up front, or in monthly installments."),
    ("Career path", "Most coders start with a certificate and two years of experience."),
    ("Option 2", "Our graduates say it was worth it. Coursework in anatomy and pharmacology comes first."),
])
def test_a_heading_that_labels_no_route_or_a_later_sentence_states_no_requirement(label, text):
    assert extract_requirements(route_page((label,), (text,))) == []


@pytest.mark.parametrize("text", [
    "Many remote positions ask for two or more years of coding experience and a CPC or CCS credential.",
    "Most employers require two years of coding experience and a CPC, CCS or CCA credential.",
    "Hospital jobs usually require an associate degree and an active RHIT or CCS credential.",
])
def test_jobs_asking_for_another_requirement_and_some_credential_ask_both_of_the_career(text):
    kinds = {kind for credential, kind, _ in pairs(extract_requirements(page(para(text))))
             if credential is None}
    assert "other" in kinds and kinds & {"experience", "education"}
    assert all(credential is None for credential, _, _ in pairs(extract_requirements(page(para(text)))))


@pytest.mark.parametrize(("text", "credential"), [
    ("CCS candidates must hold the CCA plus one year of coding experience.", "CCS"),
    ("To sit for the CCS, you must hold a CCA credential and have one year of experience.", "CCS"),
    ("Applicants for the CDIP need a bachelor's degree and an RHIA or RHIT credential.", "CDIP"),
])
def test_a_credentials_route_through_another_stays_that_credentials(text, credential):
    assert {row["credential"] for row in extract_requirements(page(para(text)))} == {credential}


@pytest.mark.parametrize(("text", "expected"), [
    ("A college degree is not required, though 80 hours of coding training are strongly recommended.",
     {(None, "none", 0), (None, "training", 1)}),
    ("Certification is not required by law, but most employers prefer coders who hold a credential.",
     {(None, "none", 0), (None, "other", 1)}),
    ("A degree is not necessary; however, employers prefer applicants with two years of experience.",
     {(None, "none", 0), (None, "experience", 1)}),
])
def test_a_denial_stands_beside_another_requirement_suggested(text, expected):
    assert pairs(extract_requirements(page(para(text), title="Coding careers"))) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A degree is not required for coding jobs, but it is recommended.", {(None, "education", 1)}),
    ("Employers recommend two years of coding experience, though it is not required.", {(None, "experience", 1)}),
    ("Two years of coding experience is recommended for coding jobs but not required.", {(None, "experience", 1)}),
])
def test_what_is_suggested_but_not_required_is_suggested(text, expected):
    assert pairs(extract_requirements(page(para(text), title="Coding careers"))) == expected
