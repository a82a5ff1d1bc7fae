import pytest

from pipeline.credentials import find_credentials, issuer_of, registry
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


def test_a_former_code_names_the_current_credential():
    assert codes("The CPC-H exam was renamed years ago.") == ["COC"]


def test_registry_rows_are_unique_and_complete():
    rows = registry()
    assert len({row["code"] for row in rows}) == len(rows)
    assert all(row["code"] and row["name"] and row["issuer"] for row in rows)
    assert {"CPC", "CCA", "CCS", "RHIT", "CBCS", "CPB"} <= {row["code"] for row in rows}


def test_every_issuer_is_an_issuing_organisation():
    assert all(KINDS.get(row["issuer"]) == "issuer" for row in registry())


def test_issuer_of_a_code():
    assert issuer_of("CBCS") == "NHA"
    assert issuer_of("RHIA") == "AHIMA"
    assert issuer_of("XYZ") is None


@pytest.mark.parametrize("row", registry(), ids=lambda row: row["code"])
def test_every_registered_code_and_name_is_found_in_a_sentence(row):
    assert codes(f"Many employers value the {row['code']}® today.") == [row["code"]]
    assert codes(f"She became a {row['name']} last spring.") == [row["code"]]
    assert codes(f"She became a {row['name'].lower()} last spring.") == []
