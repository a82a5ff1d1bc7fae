import pytest

from pipeline.credential_mentions import extract_credential_mentions
from pipeline.page import Block, CleanPage


def page(*texts, title="Coding Credentials Explained", heading=None):
    headings = (title, heading) if heading else (title,)
    blocks = [Block("paragraph", text, headings=headings) for text in texts]
    return CleanPage("https://example.org/credentials", title, blocks)


def by_code(rows):
    return {row["code"]: row for row in rows}


def test_one_row_per_credential_with_the_issuer_the_sentence_names():
    rows = extract_credential_mentions(page(
        "The CCS is a good next step. Many coders pick the CCS after a year.",
        "AHIMA's CCS exam tests inpatient coding in depth.",
    ))
    assert len(rows) == 1
    assert rows[0]["issuer"] == "AHIMA"
    assert rows[0]["evidence"] == "AHIMA's CCS exam tests inpatient coding in depth."


def test_issuer_named_elsewhere_on_the_page_still_counts():
    rows = by_code(extract_credential_mentions(page(
        "Our graduates sit for the CPB soon after finishing.",
        "Keep your membership with the American Academy of Professional Coders current.",
    )))
    assert rows["CPB"]["issuer"] == "AAPC"
    assert rows["CPB"]["evidence"] == "Our graduates sit for the CPB soon after finishing."


def test_issuer_is_null_when_the_page_names_none():
    rows = extract_credential_mentions(page("Hiring managers often ask for an RHIT on staff."))
    assert rows == [{"code": "RHIT", "page_code": "RHIT", "issuer": None,
                     "evidence": "Hiring managers often ask for an RHIT on staff."}]


def test_a_body_that_does_not_award_the_credential_is_not_its_issuer():
    rows = by_code(extract_credential_mentions(page("AHIMA offers the CCA, while many employers prefer the CPC.")))
    assert rows["CCA"]["issuer"] == "AHIMA"
    assert rows["CPC"]["issuer"] is None


def test_full_names_and_apprentice_codes_are_mentions():
    rows = by_code(extract_credential_mentions(page(
        "New passers become a Certified Professional Coder Apprentice until they log two years of work.",
        "The NHA Certified Billing and Coding Specialist exam is offered online.",
    )))
    assert set(rows) == {"CPC-A", "CBCS"}
    assert rows["CBCS"]["issuer"] == "NHA"


def test_code_sets_and_other_acronyms_are_not_credentials():
    assert extract_credential_mentions(page("Coders apply CPT, ICD-10-CM and HCPCS codes; our CEO says so.")) == []


def test_a_sentence_is_better_evidence_than_a_heading():
    rows = extract_credential_mentions(CleanPage("https://example.org/cic", "Guide", [
        Block("heading", "CIC Exam Basics", level=2, headings=("Guide",)),
        Block("paragraph", "The CIC exam covers inpatient facility coding.", headings=("Guide", "CIC Exam Basics")),
    ]))
    assert [row["evidence"] for row in rows] == ["The CIC exam covers inpatient facility coding."]


@pytest.mark.parametrize(("texts", "wanted"), [
    (["Back then she held the CPC-H, a hospital outpatient credential."], {("COC", "CPC-H")}),
    (["Today's COC was called the CPC-H until the rename."], {("COC", "COC"), ("COC", "CPC-H")}),
    (["Credentials: CPC, CPC-P"], {("CPC", "CPC"), ("CPC-P", "CPC-P")}),
    (["Holders of the Registered Record Administrator title became RHIAs."], {("RHIA", "RRA"), ("RHIA", "RHIA")}),
])
def test_a_former_credential_links_to_its_successor_and_keeps_the_page_code(texts, wanted):
    rows = extract_credential_mentions(page(*texts))
    assert {(row["code"], row["page_code"]) for row in rows} == wanted


def test_a_former_credential_takes_the_issuer_of_its_successor():
    rows = extract_credential_mentions(page("Back then she held the CPC-H, AAPC's hospital outpatient credential."))
    assert [(row["code"], row["page_code"], row["issuer"]) for row in rows] == [("COC", "CPC-H", "AAPC")]
