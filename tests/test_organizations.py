from pipeline.organizations import canonical, find_organizations


def found(text):
    return [(org.acronym, org.kind, text[org.start:org.end]) for org in find_organizations(text)]


def test_full_names_and_acronyms_map_to_one_acronym():
    text = "The Bureau of Labor Statistics (BLS) says"
    assert found(text) == [("BLS", "statistics", "Bureau of Labor Statistics"), ("BLS", "statistics", "BLS")]


def test_kinds_tell_issuers_from_accreditors():
    text = "NHA certification, accredited by the NCCA; school accredited by ABHES"
    assert [(a, k) for a, k, _ in found(text)] == [("NHA", "issuer"), ("NCCA", "accreditor"), ("ABHES", "accreditor")]


def test_acronyms_match_only_in_upper_case_and_whole():
    assert found("bls data and an AAPCX group") == []
    assert found("an AAPC-approved course") == [("AAPC", "issuer", "AAPC")]


def test_full_names_match_in_any_case_and_with_abbreviated_country():
    assert found("the american health information management association") == [
        ("AHIMA", "issuer", "american health information management association")]
    assert found("the U.S. Department of Labor") == [("BLS", "statistics", "U.S. Department of Labor")]


def test_the_longest_full_name_wins_in_any_case():
    text = "the US BUREAU of labor statistics and the american medical BILLING association"
    assert [name for _, _, name in found(text)] == [
        "US BUREAU of labor statistics", "american medical BILLING association"]


def test_onet_keeps_its_star():
    assert found("see O*NET OnLine") == [("O*NET", "statistics", "O*NET OnLine")]


def test_canonical_accepts_any_name_and_rejects_strangers():
    assert canonical("the Bureau of Labor Statistics") == "BLS"
    assert canonical("ahima") == "AHIMA"
    assert canonical("National Healthcareer Association") == "NHA"
    assert canonical("Acme Coding Academy") is None


def test_a_name_spelled_with_letters_that_match_case_blind_is_known():
    text = "The BUREAU OF LABOR STATİSTİCS and the Bureau of Labor Statiſtics agree, says AAPC."
    assert [org.acronym for org in find_organizations(text)] == ["BLS", "BLS", "AAPC"]
    assert [org.acronym for org in find_organizations("Bureau of Labor Statıstics, a dotless i")] == []

