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
        para("Coders read CPT®HCPCS Level II books, ICD-10-CM/PCS manuals and MS-DRGs every day."),
        para("Older charts still carry ICD-9 codes, and some claims need HCPS or CPT-4 codes.")))
    assert names(rows, "code_system") == ["CPT", "HCPCS Level II", "ICD-10-CM", "ICD-10-PCS", "MS-DRG", "ICD-9-CM"]


def test_general_icd_10_is_not_also_read_as_its_procedure_half():
    rows = extract_mentions(page(para("All US providers moved to ICD-10 in 2015.")))
    assert names(rows, "code_system") == ["ICD-10-CM"]


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
    assert names(rows, "course") == ["Pharmacology", "medical law and ethics"]


def test_courses_from_a_sentence_about_classes():
    rows = extract_mentions(page(para("Expect coursework in pathophysiology, pharmacology and billing.")))
    assert names(rows, "course") == ["pathophysiology", "pharmacology and billing"]


def test_vocabulary_courses_in_a_sentence_that_lists_nothing():
    rows = extract_mentions(page(para("The curriculum stresses medical terminology and reimbursement.")))
    assert names(rows, "course") == ["medical terminology", "healthcare reimbursement"]


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
        "medical coder", "Patient Records Clerk", "Coding Quality Analyst", "health information technician",
        "Registered Health Information Administrator (RHIA)"]


def test_job_titles_from_items_under_a_titles_heading():
    rows = extract_mentions(page(
        item("Inpatient Coder", "Common Job Titles"),
        item("Billing Office Supervisor", "Common Job Titles"),
        item("Apply for roles early in the year.", "Common Job Titles"),
        item("Work from home as a remote billing supervisor", "Common Job Titles"),
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
        para("Graduates work as abstractors, cancer registrars or coding auditors.", "Career Options"),
        para("Many graduates work as a billing supervisor.", "Career Options")))
    assert names(rows, "job_title") == ["abstractors", "cancer registrar", "coding auditor"]


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
    assert names(rows, "course") == ["medical terminology"]
