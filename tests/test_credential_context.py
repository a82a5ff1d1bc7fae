import pytest

from pipeline.credential_context import CredentialContext
from pipeline.page import Block, CleanPage


def context(*blocks, title="Guide"):
    return CredentialContext(CleanPage("https://example.org/c", title, list(blocks)))


def whole(ctx, index):
    return ctx.resolve(index, 0, len(ctx.page.blocks[index].text))


def test_the_credential_named_before_a_figure_wins():
    ctx = context(Block("paragraph", "The CCA costs $299 and the CCS costs $399."))
    text = ctx.page.blocks[0].text
    assert ctx.resolve(0, 0, len(text), text.index("$299")) == "CCA"
    assert ctx.resolve(0, 0, len(text), text.index("$399")) == "CCS"


def test_two_credentials_named_after_a_figure_are_ambiguous():
    ctx = context(Block("paragraph", "Fees of $300 apply to the CPC and the CCS."))
    assert whole(ctx, 0) is None


def test_a_list_item_takes_its_lead_in_not_its_sibling_items():
    ctx = context(
        Block("paragraph", "To earn the CRC you need:", headings=("Guide",)),
        Block("item", "Experience as a CPC-A coder", headings=("Guide",)),
        Block("item", "Current membership", headings=("Guide",)),
    )
    assert whole(ctx, 2) == "CRC"


def test_headings_then_the_page_title_speak_for_sentences_naming_none():
    ctx = context(
        Block("paragraph", "The exam is hard.", headings=("CPB Guide", "About the CIC")),
        Block("paragraph", "The exam is long.", headings=("CPB Guide",)),
        title="CPB Guide",
    )
    assert whole(ctx, 0) == "CIC"
    assert whole(ctx, 1) == "CPB"


def test_a_page_is_about_a_credential_only_when_it_dominates():
    dominant = context(*(Block("paragraph", t) for t in ["The CCA is new.", "The CCA is popular.", "So is the CPC."]))
    balanced = context(*(Block("paragraph", t) for t in ["The CCA is new.", "The CPC is popular."]))
    assert dominant.page_credential == "CCA"
    assert balanced.page_credential is None


def test_statements_carry_their_block_index_and_span():
    ctx = context(Block("paragraph", "First one here. Second one there."), Block("paragraph", "$399"),
                  Block("heading", "Exam fee", level=2))
    found = [(index, start, end, statement.text) for index, start, end, statement in ctx.statements()]
    assert found[:2] == [(0, 0, 15, "First one here."), (0, 16, 33, "Second one there.")]
    assert found[2] == (1, 0, 4, "$399\nExam fee")


def test_an_apprentice_form_named_in_passing_does_not_take_over_the_page():
    ctx = context(Block("paragraph", "Pass without experience and you hold the CPB-A until you earn it."),
                  Block("paragraph", "Renew every two years with continuing education."),
                  title="Certified Professional Biller (CPB) guide")
    assert whole(ctx, 1) == "CPB"
    assert whole(ctx, 0) == "CPB-A"


def test_a_credential_held_already_is_passed_over_by_later_sentences():
    ctx = context(
        Block("paragraph", "To sit for the CCS you need one of these:", headings=("Guide",)),
        Block("paragraph", "Route 1: hold the CCA and a year of experience.", headings=("Guide",)),
        Block("paragraph", "Route 2: two years of experience.", headings=("Guide",)),
        Block("paragraph", "Candidates with credentials such as the RHIT qualify too. The exam is long.",
              headings=("Guide",)),
        title="CCS guide",
    )
    assert whole(ctx, 2) == "CCS"
    text = ctx.page.blocks[3].text
    assert ctx.resolve(3, text.index("The exam"), len(text)) == "CCS"


@pytest.mark.parametrize(("text", "code", "aside", "goal"), [
    ("Hold the CCA plus a year of experience.", "CCA", True, False),
    ("A prior credential (e.g. CRC) helps.", "CRC", True, False),
    ("Prior to sitting for the CCS, study.", "CCS", False, True),
    ("CCA holders may apply for the RHIT.", "RHIT", False, True),
    ("The CPC is AAPC's credential.", "CPC", False, False),
    ("Unlike the CPC, the CPB is for billers.", "CPC", True, False),
    ("It pays more than the CCA does.", "CCA", True, False),
])
def test_the_words_before_a_credential_tell_whether_it_is_named_aside_or_as_the_goal(text, code, aside, goal):
    ctx = context(Block("paragraph", text))
    hit = next(hit for hit in ctx.hits[0] if hit.code == code)
    assert (ctx.aside(0, hit), ctx.goal(0, hit)) == (aside, goal)


@pytest.mark.parametrize(("text", "codes"), [
    ("The COC and CIC exams each run 4 hours.", ["COC", "CIC"]),
    ("AAPC's CPC, COC or CPB exam takes 4 hours.", ["CPC", "COC", "CPB"]),
    ("The CPC (AAPC) and the CCS (AHIMA) take 4 hours.", ["CPC", "CCS"]),
    ("The CCA takes 2 hours and the CCS takes 4 hours.", []),
    ("The Certified Coding Associate (CCA) takes 2 hours.", []),
])
def test_credentials_named_together_before_a_figure(text, codes):
    ctx = context(Block("paragraph", text))
    assert ctx.together(0, 0, text.rindex("hours")) == codes


@pytest.mark.parametrize("blocks", [
    [Block("paragraph", "Options include the CCA, CCS and CPC. Certification requires an exam.")],
    [Block("paragraph", "Popular credentials are the CCA or the CPC."), Block("paragraph", "Each requires an exam.")],
    [Block("paragraph", "AHIMA awards the CCA and CCS:"), Block("item", "The exam is timed.")],
])
def test_a_list_of_credentials_is_no_ones_to_carry_over(blocks):
    ctx = context(*blocks, title="Coding careers")
    index = len(blocks) - 1
    text = ctx.page.blocks[index].text
    start = text.rfind(". ") + 2 if ". " in text else 0
    assert ctx.resolve(index, start, len(text)) is None
