import pytest

from pipeline.credentials import FORMER, find_credentials, issuer_of, registry
from pipeline.organizations import KINDS


def codes(text):
    return [hit.code for hit in find_credentials(text)]


def spans(text):
    return [text[hit.start:hit.end] for hit in find_credentials(text)]


def test_codes_are_found_with_trademark_signs():
    assert codes("Holders of the CPC®, the CPB™ or the CCS-P often earn more.") == ["CPC", "CPB", "CCS-P"]


def test_the_apprentice_form_is_its_own_credential_whatever_the_dash():
    assert codes("You start as a CPC-A and later drop the A.") == ["CPC-A"]
    assert codes("Passing gives you the CPC–A title.") == ["CPC-A"]
    assert codes("New billers hold the CPB-A, outpatient coders the COC-A.") == ["CPB-A", "COC-A"]


def test_longer_code_wins_over_its_prefix():
    assert codes("Both the CCS-P and the CCS are AHIMA credentials.") == ["CCS-P", "CCS"]


def test_full_names_are_found_in_title_case_or_capitals():
    assert codes("She holds the Certified Coding Associate (CCA) title.") == ["CCA", "CCA"]
    assert codes("HOW TO BECOME A CERTIFIED PROFESSIONAL CODER") == ["CPC"]
    assert codes("NHA awards the Certified Billing & Coding Specialist credential.") == ["CBCS"]


def test_lower_case_job_descriptions_are_not_credential_names():
    assert codes("Many certified professional coders work from home.") == []
    assert codes("Certified billing and coding specialists earn more.") == []


def test_acronyms_that_are_not_credentials_are_ignored():
    assert codes("Coders use CPT and HCPCS codes; the CEO approved the budget.") == []


def test_codes_inside_longer_words_are_ignored():
    assert codes("The NCICS is offered by NCCT.") == ["NCICS"]
    assert codes("Our CPCA program and the RHITECH lab") == []
    assert codes("An XCPC, a pre-CPC course, a 2CCS kit") == []


def test_plural_and_hyphenated_forms_still_name_the_credential():
    assert spans("Most CPCs are CPC-certified for years.") == ["CPCs", "CPC"]


@pytest.mark.parametrize(("text", "current", "written"), [
    ("The CPC-H exam was renamed years ago.", "COC", "CPC-H"),  # sentence
    ("• Certified Professional Coder-Hospital (2009)", "COC", "CPC-H"),  # list item, full name
    ("Credential held: CPC-H-A", "COC-A", "CPC-H-A"),  # label and value, the apprentice form
    ("| Registered Record Administrator | $52,000 |", "RHIA", "RRA"),  # table row
    ("She earned her Accredited Record Technician (ART) in 1994.", "RHIT", "ART"),
])
def test_a_former_code_names_the_current_credential_and_keeps_its_own(text, current, written):
    assert [(hit.code, hit.page_code) for hit in find_credentials(text)] == [(current, written)]


@pytest.mark.parametrize("text", [
    "Payer coders once took the CPC-P exam.",
    "• CPC-P (retired)",
    "Former credential: Certified Professional Coder-Payer",
])
def test_a_retired_credential_with_no_successor_stays_itself(text):
    assert [(hit.code, hit.page_code) for hit in find_credentials(text)] == [("CPC-P", "CPC-P")]


@pytest.mark.parametrize("text", [
    "THE ART OF MEDICAL CODING",  # a heading in capitals
    "• STATE-OF-THE-ART CODING LABS",
    "Focus: ART and RRA are older titles",  # codes that are also words are read by their names only
])
def test_a_former_code_that_is_a_word_is_not_read_by_its_code(text):
    assert find_credentials(text) == ()


def test_a_current_code_is_its_own_page_code():
    assert [(hit.code, hit.page_code) for hit in find_credentials("The COC and the CPC")] == [
        ("COC", "COC"), ("CPC", "CPC")]


def test_registry_rows_carry_each_credential_history():
    rows = {row["code"]: row for row in registry()}
    assert (rows["COC"]["status"], rows["COC"]["successor"], rows["COC"]["changed"]) == ("current", None, None)
    assert (rows["CPC-H"]["status"], rows["CPC-H"]["successor"], rows["CPC-H"]["changed"]) == ("renamed", "COC", 2016)
    assert (rows["ART"]["status"], rows["ART"]["successor"], rows["ART"]["changed"]) == ("renamed", "RHIT", 1999)
    assert (rows["CPC-P"]["status"], rows["CPC-P"]["successor"]) == ("retired", None)
    assert all(row["successor"] is None or rows[row["successor"]]["status"] == "current" for row in rows.values())


def test_registry_rows_are_unique_and_complete():
    rows = registry()
    assert len({row["code"] for row in rows}) == len(rows)
    assert all(row["code"] and row["name"] and row["issuer"] and row["status"] for row in rows)
    assert {"CPC", "CCA", "CCS", "RHIT", "CBCS", "CPB"} <= {row["code"] for row in rows}


def test_every_issuer_is_an_issuing_organisation():
    assert all(KINDS.get(row["issuer"]) == "issuer" for row in registry())


def test_issuer_of_a_code():
    assert issuer_of("CBCS") == "NHA"
    assert issuer_of("RHIA") == "AHIMA"
    assert issuer_of("XYZ") is None


NAME_ONLY = {entry["code"] for entry in FORMER if entry.get("name_only")}


@pytest.mark.parametrize("row", registry(), ids=lambda row: row["code"])
def test_every_registered_code_and_name_is_found_in_a_sentence(row):
    current = row["successor"] or row["code"]
    by_code = [] if row["code"] in NAME_ONLY else [current]
    assert codes(f"Many employers value the {row['code']}® today.") == by_code
    assert codes(f"She became a {row['name']} last spring.") == [current]
    assert codes(f"She became a {row['name'].lower()} last spring.") == []
