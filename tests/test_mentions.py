import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.mentions import extract_mentions
from pipeline.page import Block, CleanPage


def page(*blocks):
    return CleanPage("https://example.org/guide", "Coding Career Guide", list(blocks))


def para(text, *headings):
    return Block("paragraph", text, headings=headings)


def item(text, *headings):
    return Block("item", text, headings=headings)


def names(rows, kind):
    return [row["name"] for row in rows if row["kind"] == kind]


def test_code_systems_by_any_spelling_each_once():
    rows = extract_mentions(page(
        para("Coders read CPT®HCPCS Level II books and ICD-10-CM/PCS manuals every day."),
        para("Older charts still carry ICD-9-CM codes, and some claims need HCPS or CPT-4 codes.")))
    assert names(rows, "code_system") == ["CPT", "HCPCS Level II", "ICD-10-CM", "ICD-10-PCS", "ICD-9-CM"]


@pytest.mark.parametrize(("text", "named"), [
    ("All US providers moved to ICD-10 in 2015.", ["ICD-10"]),
    ("Old claims used ICD-9 codes.", ["ICD-9"]),
    ("- ICD (diagnoses)", ["ICD"]),
    ("Coders use the International Classification of Diseases (ICD) and CPT.", ["ICD", "CPT"]),
    ("Edition: International Classification of Diseases, Tenth Revision, Clinical Modification", ["ICD-10-CM"]),
])
def test_a_code_system_edition_is_named_as_the_page_names_it(text, named):
    rows = extract_mentions(page(para(text)))
    assert names(rows, "code_system") == named


@pytest.mark.parametrize("text", [
    "Inpatient coders assign MS-DRGs from the codes.",
    "| Grouping | DRG |",
    "- Ambulatory Payment Classification (APC) reviews",
])
def test_payment_groupings_are_no_code_systems(text):
    assert names(extract_mentions(page(para(text))), "code_system") == []


def test_code_system_evidence_is_the_sentence():
    text = "The test is short. It covers SNOMED CT and LOINC terms."
    rows = extract_mentions(page(para(text)))
    assert {row["evidence"] for row in rows} == {"It covers SNOMED CT and LOINC terms."}


def test_courses_from_a_curriculum_list_drop_codes_and_credits():
    rows = extract_mentions(page(
        item("MED 110 Medical Terminology (3 credits)", "Program Curriculum"),
        item("BIO 150 Human Anatomy and Physiology I", "Program Curriculum"),
        item("Revenue Cycle Fundamentals", "Program Curriculum")))
    assert names(rows, "course") == [
        "Medical Terminology", "Human Anatomy and Physiology I", "Revenue Cycle Fundamentals"]


def test_a_course_named_for_a_code_set_keeps_the_code_set_name():
    rows = extract_mentions(page(item("ICD-10-CM Coding", "Courses"), item("HIT-210 Coding Practicum", "Courses")))
    assert names(rows, "course") == ["ICD-10-CM Coding", "Coding Practicum"]


def test_a_long_course_title_in_title_case_is_kept_whole():
    rows = extract_mentions(page(item("Procedure Coding with CPT and HCPCS Level II", "Courses")))
    assert names(rows, "course") == ["Procedure Coding with CPT and HCPCS Level II"]


def test_courses_from_a_list_led_in_by_a_sentence():
    rows = extract_mentions(page(
        para("Your classes will include:"),
        item("Pharmacology"),
        item("Law and ethics for health professionals")))
    assert names(rows, "course") == ["Pharmacology", "Law and ethics for health professionals"]


def test_courses_from_a_sentence_about_classes():
    rows = extract_mentions(page(para("Expect coursework in pathophysiology, pharmacology and billing.")))
    assert names(rows, "course") == ["pathophysiology", "pharmacology", "billing"]


def test_vocabulary_courses_in_a_sentence_that_lists_nothing():
    rows = extract_mentions(page(para("The curriculum stresses medical terminology and reimbursement.")))
    assert names(rows, "course") == ["medical terminology", "reimbursement"]


@pytest.mark.parametrize("text", [
    "The program teaches students to manage patient records, assign diagnosis and procedure codes, and protect data.",
    "The certificate teaches learners to code diagnoses, bill insurers, and manage records.",
    "The diploma program teaches graduates to audit charts, train staff, and report errors.",
    "Our certificate teaches you how to abstract charts, query physicians, and submit clean claims.",
])
def test_what_a_program_teaches_someone_to_do_is_no_course(text):
    assert names(extract_mentions(page(para(text))), "course") == []


def test_what_a_program_teaches_is_still_a_course_list():
    rows = extract_mentions(page(para("The program teaches medical terminology, pharmacology, and CPT coding.")))
    assert names(rows, "course") == ["medical terminology", "pharmacology", "CPT coding"]


@pytest.mark.parametrize("text", [
    "A 900-hour billing and coding diploma completed in 36 weeks, with day and evening classes.",
    "Our medical billing certificate has evening classes and weekend labs.",
    "The health information management degree includes classes taken online or on campus.",
    "Students in the medical office administration program take classes at night.",
])
def test_a_subject_naming_a_program_or_award_is_no_course(text):
    assert names(extract_mentions(page(para(text))), "course") == []


def test_subject_words_outside_study_are_no_course():
    rows = extract_mentions(page(
        para("Knowing medical terminology helps when you talk to physicians."),
        para("Learn how pharmacology shapes billing rules.")))
    assert names(rows, "course") == []


def test_every_title_of_a_reported_titles_list():
    rows = extract_mentions(page(para(
        "Titles workers report: Coder, Patient Records Clerk, Coding Quality Analyst, "
        "Health Information Technician (HIT), Registered Health Information Administrator (RHIA)")))
    assert names(rows, "job_title") == [
        "Coder", "Patient Records Clerk", "Coding Quality Analyst", "Health Information Technician (HIT)",
        "Registered Health Information Administrator (RHIA)"]


def test_job_titles_from_items_under_a_titles_heading():
    rows = extract_mentions(page(
        item("Inpatient Coder", "Common Job Titles"),
        item("Billing Office Supervisor", "Common Job Titles"),
        item("Apply for roles early in the year.", "Common Job Titles"),
        item("Work from home on a flexible schedule", "Common Job Titles"),
        item("release of information specialist", "Common Job Titles")))
    assert names(rows, "job_title") == [
        "Inpatient Coder", "Billing Office Supervisor", "release of information specialist"]


def test_occupation_named_in_passing_is_no_job_title_mention():
    rows = extract_mentions(page(para("A medical coder turns doctors' notes into codes; billers then send claims.")))
    assert names(rows, "job_title") == []


def test_job_titles_after_such_as():
    rows = extract_mentions(page(para("Graduates take positions such as reimbursement specialist or coding auditor.")))
    assert names(rows, "job_title") == ["reimbursement specialist", "coding auditor"]


def test_work_settings_only_where_work_is_spoken_of():
    rows = extract_mentions(page(
        para("Most coders work in hospitals or physicians' offices, and some work remotely."),
        para("The hospital wing opened in 1990.")))
    assert names(rows, "work_setting") == ["hospitals", "physician offices", "remote"]


def test_skills_by_their_usual_wording():
    rows = extract_mentions(page(para("Employers want detail-oriented coders with strong analytical skills.")))
    assert names(rows, "skill") == ["attention to detail", "analytical skills"]


def test_one_row_per_kind_and_name_keeping_the_first_passage():
    rows = extract_mentions(page(para("CPT codes describe services."), para("Each CPT code has five characters.")))
    assert rows == [{"kind": "code_system", "name": "CPT", "evidence": "CPT codes describe services."}]


def test_item_naming_a_course_before_its_description():
    rows = extract_mentions(page(
        item("Coding Compliance: how audits work, including sampling and review.", "Courses"),
        item("Claims Processing – the journey of a claim from visit to payment", "Courses")))
    assert names(rows, "course") == ["Coding Compliance", "Claims Processing"]


def test_topics_after_courses_in_are_courses_even_outside_the_vocabulary():
    rows = extract_mentions(page(
        para("Students take courses in medical terminology, classification systems, and payment methods."),
        para("Courses such as these help you get hired.")))
    assert names(rows, "course") == ["medical terminology", "classification systems", "payment methods"]


def test_subheadings_under_a_courses_heading_are_courses():
    rows = extract_mentions(page(
        Block("heading", "Core Courses", level=2),
        Block("heading", "Revenue Cycle Basics", level=3, headings=("Core Courses",)),
        Block("heading", "Career Outlook", level=2, headings=("Core Courses", "Revenue Cycle Basics"))))
    assert names(rows, "course") == ["Revenue Cycle Basics"]


def test_paragraph_under_a_careers_heading_counts_only_when_it_lists_titles():
    rows = extract_mentions(page(
        para("Openings include abstractors, cancer registrars or coding auditors.", "Career Options"),
        para("Openings include coding, billing and auditing.", "Career Options"),
        para("A coding supervisor often started in the file room.", "Career Options")))
    assert names(rows, "job_title") == ["abstractors", "cancer registrars", "coding auditors"]


def test_one_topic_after_classes_in_is_no_list():
    rows = extract_mentions(page(para("Classes in biology and computers help.")))
    assert names(rows, "course") == []


def test_exam_content_and_eligibility_topics_are_not_courses():
    rows = extract_mentions(page(
        para("The exam covers anatomy, medical terminology and CPT."),
        para("Of course, training in pharmacology helps.")))
    assert names(rows, "course") == []


@given(st.lists(st.text(alphabet="Courses: CPT, Coder ICD-10 and hospitals (HIT) Job titles–.\n$9", max_size=80),
                max_size=4))
def test_evidence_is_always_verbatim_page_text(texts):
    blocks = [item(text, "Courses") if i % 2 else para(text) for i, text in enumerate(texts)]
    the_page = page(*blocks)
    for row in extract_mentions(the_page):
        assert row["evidence"] in the_page.text


def test_a_page_title_of_courses_frames_vocabulary_terms_only():
    title = "Medical Coding Courses Online"
    rows = extract_mentions(CleanPage("https://example.org/c", title, [
        Block("heading", title, level=1),
        Block("heading", "Flexible Evening Schedules", level=2, headings=(title,)),
        Block("heading", "Medical Terminology Basics", level=2, headings=(title,))]))
    assert names(rows, "course") == ["Medical Terminology"]


def row(cells, header, *headings):
    return Block("row", " | ".join(cells), headings=headings, cells=tuple(cells), header=tuple(header))


def heading(text, level=2, *headings):
    return Block("heading", text, level=level, headings=headings)


@pytest.mark.parametrize("blocks", [
    [row(["Course", "Title"], ["Course", "Title"], "Program Courses"),
     row(["MBC 101", "Intro to Health Records"], ["Course", "Title"], "Program Courses"),
     row(["MBC-210", "Outpatient Coding Lab"], ["Course", "Title"], "Program Courses")],
    [row(["Course Title", "Credits"], ["Course Title", "Credits"]),
     row(["Intro to Health Records", "3"], ["Course Title", "Credits"]),
     row(["Outpatient Coding Lab", "2.5 credits"], ["Course Title", "Credits"]),
     row(["Total", "5.5"], ["Course Title", "Credits"])],
    [row(["Term", "Course", "Credits"], ["Term", "Course", "Credits"]),
     row(["Fall", "Intro to Health Records", "3"], ["Term", "Course", "Credits"]),
     row(["Spring", "Outpatient Coding Lab", "3"], ["Term", "Course", "Credits"])],
    [item("MBC 101 – Intro to Health Records", "What You Will Learn"),
     item("MBC 210: Outpatient Coding Lab (4 credits)", "What You Will Learn")],
    [row(["Core courses", "Intro to Health Records, Outpatient Coding Lab"], [], "At a Glance")],
])
def test_course_tables_and_lists_give_the_title_not_the_number(blocks):
    assert names(extract_mentions(page(*blocks)), "course") == ["Intro to Health Records", "Outpatient Coding Lab"]


@pytest.mark.parametrize("text", [
    "Learners take courses in subjects such as claims follow-up, denial appeals, and payer contracts.",
    "Classes cover topics like claims follow-up, denial appeals and payer contracts.",
    "Coursework: claims follow-up, denial appeals, payer contracts.",
    "The program teaches claims follow-up, denial appeals, and payer contracts.",
    "Formal training programs cover topics such as claims follow-up, denial appeals and payer contracts.",
])
def test_subjects_a_program_teaches_in_a_sentence(text):
    assert names(extract_mentions(page(para(text))), "course") == [
        "claims follow-up", "denial appeals", "payer contracts"]


def test_topics_count_under_a_heading_about_a_program():
    rows = extract_mentions(page(para("Key topics include claims follow-up, denial appeals and payer contracts.",
                                      "Inside the Billing Program")))
    assert names(rows, "course") == ["claims follow-up", "denial appeals", "payer contracts"]


@pytest.mark.parametrize("text", [
    "This guide covers topics such as salary, outlook, and certification.",
    "The curriculum centers on soft skills, including calming patients, insurers, and physicians.",
    "Our blog covers pay, job outlook, courses and exam preparation.",
    "Most courses in medical coding, which some call medical billing, run a year.",
    "The program covers the exam voucher, books and a laptop.",
])
def test_lists_no_course_word_governs_are_no_courses(text):
    assert names(extract_mentions(page(para(text))), "course") == []


@pytest.mark.parametrize("blocks", [
    [heading("Exam Content Outline"),
     item("Domain 1: Claims Follow-up (20%)", "Exam Content Outline"),
     item("Domain 2 – Denial Appeals – 35%", "Exam Content Outline")],
    [row(["Content area", "Share of questions"], ["Content area", "Share of questions"], "Exam Domains"),
     row(["Claims follow-up", "20%"], ["Content area", "Share of questions"], "Exam Domains"),
     row(["Denial appeals", "35%"], ["Content area", "Share of questions"], "Exam Domains")],
    [para("The test weighs two areas: claims follow-up and denial appeals.", "Test Content")],
])
def test_the_domains_of_an_exam_content_outline_are_courses(blocks):
    assert [name.lower() for name in names(extract_mentions(page(*blocks)), "course")] == [
        "claims follow-up", "denial appeals"]


@pytest.mark.parametrize(("text", "named"), [
    ("Everything runs online except the Coding Practicum class, held on site.", ["Coding Practicum"]),
    ("The college calls these courses Claims Basics and Payer Rules; there is also a class in denial appeals.",
     ["Claims Basics and Payer Rules", "denial appeals"]),
    ("New students start with a course titled Health Records Fundamentals.", ["Health Records Fundamentals"]),
    ("Of course, the online class fills fast.", []),
])
def test_course_names_written_in_prose(text, named):
    assert names(extract_mentions(page(para(text))), "course") == named


@pytest.mark.parametrize(("text", "named"), [
    ("Applicants need courses in anatomy, pharmacology and claims basics plus a year of work.",
     ["anatomy", "pharmacology", "claims basics"]),
    ("Applicants need courses in anatomy, medical terminology and health insurance billing.",
     ["anatomy", "medical terminology", "health insurance billing"]),
    ("Coursework includes anatomy and physiology, and diagnostic and procedural coding.",
     ["anatomy and physiology", "diagnostic and procedural coding"]),
    ("Classes include payer rules with a lab and claims coding with a lab.",
     ["payer rules with a lab", "claims coding with a lab"]),
])
def test_where_a_course_list_ends_and_how_its_entries_split(text, named):
    assert names(extract_mentions(page(para(text))), "course") == named


@pytest.mark.parametrize("blocks", [
    [para("Alternate Titles:"), item("Abstractor"), item("Data Quality Reviewer"), item("Historian"),
     item("Certified Coding Associate (CCA)")],
    [para("Also called: Abstractor, Data Quality Reviewer, Historian, Certified Coding Associate (CCA)")],
    [row(["Also known as", "Abstractor, Data Quality Reviewer, Historian, Certified Coding Associate (CCA)"], [])],
    [row(["Other titles", "Abstractor, Data Quality Reviewer, Historian, Certified Coding Associate (CCA)"], [])],
    [heading("Other Titles You May See"),
     *[item(title, "Other Titles You May See")
       for title in ("Abstractor", "Data Quality Reviewer", "Historian", "Certified Coding Associate (CCA)")]],
])
def test_a_list_of_titles_keeps_each_title_as_written(blocks):
    assert names(extract_mentions(page(*blocks)), "job_title") == [
        "Abstractor", "Data Quality Reviewer", "Historian", "Certified Coding Associate (CCA)"]


@pytest.mark.parametrize(("text", "named"), [
    ("After the program, graduates work as coding auditors or payment posters.",
     ["coding auditors", "payment posters"]),
    ("A career as a remote coder lets you skip the commute.", ["remote coder"]),
    ("The certificate leads to billing specialist roles in clinics.", ["billing specialist"]),
    ("Specially trained staff called abstractors, or chart reviewers, read each record.",
     ["abstractors", "chart reviewers"]),
    ("Remote Inpatient Coder Jobs", ["Remote Inpatient Coder"]),
    ("She spent six years as a pharmacy technician.", ["pharmacy technician"]),
    ("Experienced coders advance to coding supervisor or move into auditor roles.", ["coding supervisor", "auditor"]),
    ("Graduates start as charge entry clerks, claims processors or payment posters.",
     ["charge entry clerks", "claims processors", "payment posters"]),
    ("Most new billers begin as a payment poster.", ["payment poster"]),
    ("Starting out as a Charge Entry Specialist is common.", ["Charge Entry Specialist"]),
    # a word alone before "and" or "or" shares the head after it
    ("Many graduates start as coding specialists or billing and coding clerks.",
     ["coding specialists", "billing and coding clerks"]),
    ("Before coding, she worked as a billing or posting clerk.", ["billing or posting clerk"]),
    ("Graduates work as coders in clinics and billing offices.", ["coders"]),
])
def test_a_title_named_as_what_someone_works_as(text, named):
    assert names(extract_mentions(page(para(text))), "job_title") == named


@pytest.mark.parametrize("text", [
    "New hires learn to work as a team.",
    "Employers see you as a professional.",
    "Graduates work as specialists in many settings.",
    "Most remote positions need three years of experience.",
    "Coders use a process called abstraction.",
    "Billing roles are entry-level.",
    "Classes start as soon as you enroll, and most students begin as early as June.",
    "Exam results start as a raw score and are then scaled.",
    "The CPC, also called Certified Professional Coder, is the most held credential.",
])
def test_work_words_without_a_title_give_none(text):
    assert names(extract_mentions(page(para(text))), "job_title") == []


def test_titles_in_a_sentence_end_where_the_title_does():
    rows = extract_mentions(page(para(
        "Graduates qualify for positions such as claims specialists, billing specialists, and medical coders in "
        "physicians' offices, clinics, and insurers.")))
    assert names(rows, "job_title") == ["claims specialists", "billing specialists", "medical coders"]


@pytest.mark.parametrize("blocks", [
    [para("Billing clerks, also called patient accounts representatives, post payments.")],
    [item("Patient Accounts Representatives", "Career Options")],
    [row(["Job title", "Median pay"], ["Job title", "Median pay"]),
     row(["Patient accounts representative", "$41,000"], ["Job title", "Median pay"])],
])
def test_another_spelling_of_a_known_title_is_spelt_out(blocks):
    assert names(extract_mentions(page(*blocks)), "job_title") == ["patient account representative"]


def test_a_duty_listed_under_a_roles_heading_is_no_title_though_a_title_it_names_is():
    rows = extract_mentions(page(item("Assist senior coders with audits", "Roles and Responsibilities"),
                                 item("Train new billing staff", "Roles and Responsibilities")))
    assert names(rows, "job_title") == ["coder"]


@pytest.mark.parametrize("blocks", [
    [item("Patients", "Career Options"), item("OR", "Career Options"), item("Insurers", "Career Options")],
    [item("Insurers", "Courses"), item("OR", "Courses"), item("Patients", "Courses")],
])
def test_generic_words_are_never_names(blocks):
    rows = extract_mentions(page(*blocks))
    assert names(rows, "job_title") == [] and names(rows, "course") == []


@pytest.mark.parametrize("blocks", [
    [para("The AAPC, also known as the American Academy of Professional Coders, runs the CPC exam.")],
    [item("American Academy of Professional Coders", "Career Options")],
    [row(["Also known as", "American Academy of Professional Coders"], [])],
])
def test_an_organisation_is_no_job_title(blocks):
    assert names(extract_mentions(page(*blocks)), "job_title") == []


@pytest.mark.parametrize(("blocks", "kind", "named"), [
    ([heading("Required Courses"), heading("Medical Terminology"), heading("Claims and Billing"),
      heading("Total credits: 24"), heading("Career Outlook"), para("Jobs grow 7%.")], "course",
     ["Medical Terminology", "Claims and Billing"]),
    ([para("Alternate titles:"), heading("Abstractor"), heading("Historian"), heading("Coding Analyst")],
     "job_title", ["Abstractor", "Historian", "Coding Analyst"]),
    ([heading("Program Courses"), heading("Admission Requirements"), para("Applicants need a diploma.")],
     "course", []),
    ([heading("Questions"), heading("Medical Terminology"), heading("Claims and Billing")], "course", []),
])
def test_short_lines_set_as_headings_after_a_lead_in_are_its_list(blocks, kind, named):
    assert names(extract_mentions(page(*blocks)), kind) == named


@pytest.mark.parametrize(("blocks", "kind", "named"), [
    ([item("How to Become a Payment Poster", "Related Careers"), item("Explore Denial Analyst Careers",
                                                                      "Related Careers")], "job_title", []),
    ([para("Top 10 Denial Analyst Jobs in Ohio")], "job_title", ["Denial Analyst"]),
    ([item("Payer rules, from enrollment to appeal", "Courses")], "course", ["Payer rules"]),
])
def test_a_headline_or_a_phrase_that_opens_with_a_preposition_is_no_name(blocks, kind, named):
    assert names(extract_mentions(page(*blocks)), kind) == named


def test_a_row_labelled_with_occupations_lists_titles_that_end_in_a_head():
    rows = extract_mentions(page(row(["Similar occupations", "Payment posters, historians, denial analysts"], [])))
    assert names(rows, "job_title") == ["Payment posters", "denial analysts"]


@pytest.mark.parametrize(("blocks", "named"), [
    ([para("The CPC, also called Certified Professional Coder, is the most held credential.")], []),
    ([para("Many employers ask for the CCS (also known as Certified Coding Specialist).")], []),
    ([para("Holders of the RHIT, known as Registered Health Information Technicians, earn more.")], []),
    ([para("Alternate titles:"), item("Certified Professional Coder (CPC)"), item("Abstractor")],
     ["Certified Professional Coder (CPC)", "Abstractor"]),
])
def test_a_credential_written_out_is_a_job_title_only_in_a_list_of_titles(blocks, named):
    assert names(extract_mentions(page(*blocks)), "job_title") == named


COURSE_LINES = ["HIT 101 Introduction to Health Information Management (3 credits)",
                "HIT 110 Medical Terminology (3 credits)", "HIT 290 Professional Practice Experience (3 credits)"]
COURSES = ["Introduction to Health Information Management", "Medical Terminology", "Professional Practice Experience"]


@pytest.mark.parametrize("blocks", [
    # a fact box set as headings before the course list: "Curriculum" leads what follows it
    [heading("Program Length: 2 years"), heading("Total Credits: 64"), heading("Curriculum"),
     heading("First Year"), *map(heading, COURSE_LINES), para("Tuition is $152 per credit hour.")],
    # terms between the courses, the last course right before prose
    [heading("Program of Study"), heading("Fall Semester"), *map(heading, COURSE_LINES[:2]),
     heading("Semester 2"), heading(COURSE_LINES[2]), para("Graduates may sit for the RHIT exam.")],
    # courses as list items under a heading, with a term heading between
    [heading("Required Courses"), heading("Second Year", 3, "Required Courses"),
     *(item(line, "Required Courses", "Second Year") for line in COURSE_LINES)],
], ids=["after a fact box", "terms between, last before prose", "items under a term"])
def test_a_course_list_set_out_by_terms_names_every_course_and_no_term(blocks):
    assert names(extract_mentions(page(*blocks)), "course") == COURSES


NUMBERED = ["HIT 110 Medical Terminology (3 credits)", "MBC-120 Claims Processing and Reimbursement",
            "HIM 2214 Coding II: Outpatient Procedures"]
NUMBERED_COURSES = ["Medical Terminology", "Claims Processing and Reimbursement", "Coding II"]


@pytest.mark.parametrize("blocks", [
    [heading("Degree Requirements"), *(item(line, "Degree Requirements") for line in NUMBERED)],
    # short lines a page sets as headings, after a heading that names no courses, before a section of prose
    [heading("Program Plan"), *map(heading, NUMBERED), heading("Financial Aid"), para("Aid is available.")],
    [heading("Semester 1"), *(row(cells, [], "Semester 1") for cells in [
        ["HIT 110", "Medical Terminology", "3"], ["MBC-120", "Claims Processing and Reimbursement", "3"],
        ["HIM 2214", "Coding II", "4"]])],
    [row(["HIT 110 Medical Terminology", "3"], []), row(["MBC-120 Claims Processing and Reimbursement", "3"], []),
     row(["HIM 2214 - Coding II", "4 credits"], [])],
    [para("Our certificate takes two semesters."), *(para(line + ".") for line in NUMBERED)],
], ids=["items under requirements", "subheadings", "rows, number in a cell", "rows, number before the name",
        "lines of prose"])
def test_a_run_of_lines_that_open_with_a_course_number_lists_courses_under_any_heading(blocks):
    assert names(extract_mentions(page(*blocks)), "course") == NUMBERED_COURSES


@pytest.mark.parametrize("blocks", [
    # one numbered line alone is no list of courses
    [heading("Degree Requirements"), item(NUMBERED[0], "Degree Requirements"), item("A high school diploma")],
    [heading("Claim Forms"), heading("CMS 1500 Claim Form"), para("Physician offices bill on this form.")],
    [para("Billers file claims on the UB-04 and CMS-1500 forms."), heading("UB-04 and CMS-1500 forms")],
    # numbers that number claim forms, code sets, codes, payment groupings or years
    [item("CMS-1500: the claim form for professional services"), item("UB-04: the claim form for hospitals")],
    [row(["CMS-1500", "Professional services"], ["Form", "Used by"]),
     row(["UB-04", "Institutional services"], ["Form", "Used by"])],
    [item("99213 Office visit"), item("99214 Office visit, longer")],
    [item("DRG 470 Major Joint Replacement"), item("DRG 871 Septicemia")],
    [heading("FY 2025 Coding Updates"), heading("FY 2026 Proposed Rule")],
], ids=["one line", "one claim form", "two forms in one line", "claim forms", "a table of forms", "CPT codes",
        "payment groupings", "fiscal years"])
def test_a_lone_numbered_line_or_a_run_of_other_numbers_lists_no_courses(blocks):
    assert names(extract_mentions(page(*blocks)), "course") == []


@pytest.mark.parametrize("blocks", [
    [heading("Courses"), para("HIT 110 Medical Terminology (3 cr.) MBC-120 Claims Processing and Reimbursement (3 cr.) "
                              "HIM 2214 Coding II (4 cr.)", "Courses")],
    [para("HIT 110 Medical Terminology MBC-120 Claims Processing and Reimbursement HIM 2214 Coding II")],
    [heading("Plan of Study"), item("HIT 110 - Medical Terminology, 3 credits MBC-120 - Claims Processing and "
                                    "Reimbursement, 3 credits HIM 2214 - Coding II, 4 credits", "Plan of Study")],
    [heading("HIT 110 Medical Terminology MBC-120 Claims Processing and Reimbursement HIM 2214 Coding II")],
], ids=["paragraph with credits", "paragraph alone", "list item", "heading"])
def test_course_numbered_lines_run_together_list_each_course(blocks):
    assert names(extract_mentions(page(*blocks)), "course") == NUMBERED_COURSES


@pytest.mark.parametrize("text", [
    "HIT 110 and MBC-120 are prerequisites for HIM 2214.",
    "HIT 110, MBC-120 and HIM 2214 are taken in the first term.",
    "HIT 110 Medical Terminology is followed by MBC-120 in the spring.",
])
def test_course_numbers_in_a_sentence_list_no_courses(text):
    assert names(extract_mentions(page(para(text))), "course") == []


def test_a_code_set_edition_is_no_course_number():
    rows = extract_mentions(page(*(item(line, "Courses") for line in ["ICD-10 Coding", "HIT 215 CPT Coding"])))
    assert names(rows, "course") == ["ICD-10 Coding", "CPT Coding"]


def test_what_you_will_study_is_a_course_heading():
    rows = extract_mentions(page(item("Revenue Cycle Management", "What You’ll Study"),
                                 item("Claims Adjudication", "What You’ll Study")))
    assert names(rows, "course") == ["Revenue Cycle Management", "Claims Adjudication"]


def row(cells, header, *headings):
    return Block("row", " | ".join(cells), headings=headings, cells=cells, header=header)


_OCCUPATION_PAY = ("Occupation", "2023 Median Pay")


@pytest.mark.parametrize("blocks", [
    [row(_OCCUPATION_PAY, _OCCUPATION_PAY, "Similar Occupations"),
     row(("Pharmacy Technicians", "$40,300"), _OCCUPATION_PAY, "Similar Occupations"),
     row(("Medical Transcriptionists", "$37,550"), _OCCUPATION_PAY, "Similar Occupations")],
    [item("Pharmacy Technicians", "Related Careers"), item("Medical Transcriptionists", "Related Careers")],
    [Block("heading", "Similar Jobs", level=2), Block("heading", "Pharmacy Technicians", level=3,
                                                       headings=("Similar Jobs",)),
     Block("heading", "Medical Transcriptionists", level=3, headings=("Similar Jobs",))],
], ids=["table", "list", "subheadings"])
def test_other_occupations_in_a_similar_occupations_section_are_no_job_titles(blocks):
    assert names(extract_mentions(page(*blocks)), "job_title") == []


def test_titles_under_an_occupations_heading_of_the_pages_own_job_are_still_read():
    rows = extract_mentions(page(item("Coding Auditor", "Occupations in Coding"),
                                 item("Revenue Integrity Analyst", "Occupations in Coding")))
    assert names(rows, "job_title") == ["Coding Auditor", "Revenue Integrity Analyst"]


@pytest.mark.parametrize("blocks", [
    [item("Coding Quality Analyst", "A Typical Career Ladder"), item("Coding Manager", "A Typical Career Ladder")],
    [Block("heading", "Your Career Path", level=2),
     Block("heading", "Coding Quality Analyst", level=3, headings=("Your Career Path",)),
     Block("paragraph", "Reviews charts after two or more years of coding.",
           headings=("Your Career Path", "Coding Quality Analyst")),
     Block("heading", "Coding Manager", level=3, headings=("Your Career Path",))],
    [row(("Level", "Title"), ("Level", "Title"), "Career Progression"),
     row(("2", "Coding Quality Analyst"), ("Level", "Title"), "Career Progression"),
     row(("3", "Coding Manager"), ("Level", "Title"), "Career Progression")],
], ids=["list", "subheadings", "table"])
def test_the_steps_of_a_career_ladder_are_job_titles(blocks):
    assert names(extract_mentions(page(*blocks)), "job_title") == ["Coding Quality Analyst", "Coding Manager"]


def posting(title, *sections):
    blocks = [Block("paragraph", "Join our health information team.")]
    for section in sections:
        blocks += [Block("heading", section, level=2), item("Code outpatient charts accurately", section)]
    return CleanPage("https://example.org/jobs/1", title, blocks)


@pytest.mark.parametrize(("title", "sections", "job"), [
    ("Outpatient Coder II - Remote", ("Responsibilities", "Qualifications"), "Outpatient Coder II"),
    ("Patient Account Representative (Billing)", ("What you'll do", "Benefits"), "Patient Account Representative"),
    ("Revenue Integrity Analyst | Careers", ("Essential Functions", "Requirements"), "Revenue Integrity Analyst"),
], ids=["dash", "bracket", "bar"])
def test_a_job_posting_offers_the_job_its_title_names(title, sections, job):
    assert names(extract_mentions(posting(title, *sections)), "job_title") == [job]


@pytest.mark.parametrize(("title", "sections"), [
    ("Medical Coder Salary Guide", ("Requirements",)),
    ("Coding Certificate - Lakeshore College", ("Admission Requirements", "Schedule")),
], ids=["one section", "not a job"])
def test_a_page_that_is_no_posting_names_no_job_by_its_title(title, sections):
    assert names(extract_mentions(posting(title, *sections)), "job_title") == []


LADDER = "The Coding Career Ladder"


@pytest.mark.parametrize("blocks", [
    [heading("Level 1: Coding Abstractor - $41,000", 2, LADDER), para("Pulls data from charts.", LADDER),
     heading("Level 2: Coding Validator - $56,000", 2, LADDER), para("Checks DRGs.", LADDER)],
    [heading("Step 1", 2, LADDER), heading("Coding Abstractor", 2, LADDER, "Step 1"),
     para("Pulls data from charts.", LADDER, "Coding Abstractor"), heading("Step 2", 2, LADDER, "Coding Abstractor"),
     heading("Coding Validator", 2, LADDER, "Step 2"), para("Checks DRGs.", LADDER, "Coding Validator")],
    [heading("Career Path"), heading("Tier 1 – Coding Abstractor", 3, "Career Path"),
     heading("Tier 2 – Coding Validator", 3, "Career Path")],
], ids=["level label and pay", "step label above", "tier label under a heading"])
def test_the_steps_of_a_career_ladder_name_titles_the_vocabulary_lacks(blocks):
    rows = extract_mentions(CleanPage("https://example.org/ladder", LADDER, [heading(LADDER, 1), *blocks]))
    assert names(rows, "job_title") == ["Coding Abstractor", "Coding Validator"]


@pytest.mark.parametrize(("title", "blocks"), [
    ("How to Become a Medical Coder", [heading("Step 1: Earn a Diploma"), heading("Step 2: Pass the CPC Exam")]),
    (LADDER, [heading("Step 1: Earn a Diploma"), heading("Step 2: Pass the CPC Exam")]),
    ("Coding Courses", [heading("Level 1: Coding Fundamentals"), heading("Level 2: Coding Validator Training")]),
    (LADDER, [heading("Similar Occupations"), heading("Level 1: Pharmacy Technician", 3, "Similar Occupations")]),
], ids=["steps to become", "steps without a title", "course levels", "other occupations"])
def test_step_labels_name_no_title_where_no_title_follows_or_titles_are_not_framed(title, blocks):
    rows = extract_mentions(CleanPage("https://example.org/steps", title, [heading(title, 1), *blocks]))
    assert names(rows, "job_title") == []


@pytest.mark.parametrize("blocks", [
    # a pay table whose first column is headed "Role"
    [heading("Pay by role"), row(("Inpatient coder", "$58,000"), ("Role", "Median pay"), "Pay by role"),
     row(("Coding auditor", "$68,000"), ("Role", "Median pay"), "Pay by role")],
    # "Label: pay" items under a heading of pay by position
    [heading("Average pay by position"), item("Inpatient coder: $58,000", "Average pay by position"),
     item("Coding auditor: $68,000", "Average pay by position")],
    # a table headed "Position" under a heading that names no titles
    [heading("What coders earn"), row(("Inpatient coder", "$27.88", "$58,000"), ("Position", "Hourly", "Annual"),
                                      "What coders earn"),
     row(("Coding auditor", "$32.70", "$68,000"), ("Position", "Hourly", "Annual"), "What coders earn")],
])
def test_titles_of_pay_by_role_or_position(blocks):
    assert names(extract_mentions(page(*blocks)), "job_title") == ["Inpatient coder", "Coding auditor"]


def test_a_heading_about_the_role_frames_no_prose_as_titles():
    about = "The role of a medical coder"
    rows = extract_mentions(page(heading(about), para("Coders read charts and assign codes for every visit.", about)))
    assert names(rows, "job_title") == []
