import pytest

from pipeline.institutions import defined_acronyms, find_institutions


def names(text, acronyms=None):
    return [institution.name for institution in find_institutions(text, acronyms)]


def test_names_built_around_a_keyword():
    assert names("Enroll at Fox River Technical College or the University of Dayton today.") == [
        "Fox River Technical College", "University of Dayton"]
    assert names("Graduates of Kent State University and Harris Medical Academy") == [
        "Kent State University", "Harris Medical Academy"]


def test_possessive_and_trailing_program_words_stay_outside_the_name():
    assert names("Delta City College’s Coding Certificate") == ["Delta City College"]
    assert names("University of Toledo Online") == ["University of Toledo"]


def test_title_case_openers_are_dropped():
    assert names("How To Choose Blue Ridge Community College") == ["Blue Ridge Community College"]
    assert names("Top Online Colleges for Coders") == []
    assert names("Ranked Among The Best Jobs Without A College Degree") == []


def test_generic_school_words_are_no_name():
    assert names("a local Community College or a Medical Coding School") == []


def test_organisations_and_credentials_are_not_schools():
    assert names("The American Academy of Professional Coders and the Practice Management Institute") == []


def test_acronym_defined_once_names_the_school_later():
    text = "Granite State University (GSU) teaches coding. GSU is online."
    assert names(text) == ["Granite State University", "Granite State University"]
    assert defined_acronyms([text]) == {"GSU": "Granite State University"}
    assert names("Apply to GSU now.", {"GSU": "Granite State University"}) == ["Granite State University"]


def test_acronym_used_as_a_school_without_definition():
    assert names("Students at WGU finish fast, and PCCC offers evening classes.") == ["WGU", "PCCC"]


def test_short_forms_that_are_never_schools():
    assert names("Coders work with HIPAA rules, and AHIMA offers the CCS.") == []


def test_associations_and_accreditors_holding_a_school_word_are_not_schools():
    assert names("the Allied Council of Coding Colleges and the trustees of Lake Fork College") == [
        "Lake Fork College"]
    assert names("approved by the Accrediting Council for Independent Colleges") == []


def test_bare_university_acronym_as_a_whole_heading():
    assert names("WGU") == ["WGU"]
    assert names("CEU") == []
    assert names("AHIMA") == []


def test_acronyms_are_defined_block_by_block_and_a_later_definition_wins():
    blocks = ["Granite State University (GSU) teaches coding.", "No school here (CPC).",
              "Later, Green Summit University (GSU) opened."]
    assert defined_acronyms(blocks) == {"GSU": "Green Summit University"}
    assert defined_acronyms(["Read about Medical", "College (MC) here."]) == {}  # a name does not run across blocks


@pytest.mark.parametrize(("line", "school"), [
    ("#1 University of Toledo Toledo, OH", "University of Toledo"),
    ("3. University of Southern California Los Angeles, CA", "University of Southern California"),
    ("#2 University of Illinois at Chicago Chicago, Illinois", "University of Illinois at Chicago"),
    ("Rank 4: Saint Brendan's College of Vermont Burlington, VT", "Saint Brendan's College of Vermont"),
    ("#6 Harlow Technical College Bowling Green, KY", "Harlow Technical College"),
    ("#8 Indiana University-Purdue University Indianapolis Indianapolis, IN",
     "Indiana University-Purdue University Indianapolis"),
    ("College of Southern Nevada, NV", "College of Southern Nevada"),
    ("University of Dayton, OH", "University of Dayton"),
])
def test_a_ranking_line_runs_the_city_into_the_name_and_the_name_comes_out_whole(line, school):
    assert names(line) == [school]


@pytest.mark.parametrize(("text", "found"), [
    ("Am I required to apply to Wallace Hill State as well?", ["Wallace Hill State"]),
    ("Penn State offers a coding certificate.", ["Penn State"]),
    ("She graduated from Louisiana Tech in 2019.", ["Louisiana Tech"]),
    ("Coders in New York State earn more.", []),
    ("Ohio State offers a coding certificate.", []),  # the state, or the university: not told apart
    ("Pharmacy Tech jobs pay less than coding jobs.", []),
])
def test_short_names_ending_in_state_or_tech_where_used_as_a_school(text, found):
    assert names(text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Do I have to come to the WSCC campus?", ["WSCC"]),
    ("Apply to WSCC before you send the program form.", ["WSCC"]),
    ("NHCC students may transfer to ECU after a year.", ["NHCC", "ECU"]),
    ("Coders in NY and at VA hospitals; AI students and STEM graduates.", []),
    ("GSU's online coding certificate takes a year.", ["GSU"]),
    ("She ENROLLED AT PCCC last fall.", ["PCCC"]),
    ("The CPC and CCS exams differ in length.", []),
])
def test_acronyms_used_as_schools(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text", ["SNHU", "  SNHU  ", "\tWGU\n", "CSU "])
def test_a_short_form_standing_alone_names_its_school_once(text):
    assert names(text) == [text.strip()]


@pytest.mark.parametrize("text", ["XYZ", "  XYZ  ", "\tRHIT\n"])
def test_a_lone_short_form_is_a_school_only_as_a_bare_university(text):
    assert names(text) == []
