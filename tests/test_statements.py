from pipeline.layouts import pipe_tables
from pipeline.page import Block, CleanPage
from pipeline.statements import credited, is_bare, page_source, statements


def page(*blocks):
    return CleanPage("https://example.org/p", "A page", list(blocks))


def test_bare_figures_have_no_words_around_them():
    assert is_bare("$50,250")
    assert is_bare("~$117")
    assert is_bare("7%")
    assert is_bare("$21.20 per hour")
    assert not is_bare("10 CEs")
    assert not is_bare("2023-2033 (BLS)")
    assert not is_bare("Median pay")


def test_sentences_carry_the_earlier_sentences_nearest_first():
    found = list(statements(page(Block("paragraph", "One thing. Two things. Three things.", headings=("H",)))))
    assert [s.text for s in found] == ["One thing.", "Two things.", "Three things."]
    assert found[2].earlier == ("Two things.", "One thing.")
    assert found[2].headings == ("H",)


def test_list_items_and_rows_carry_their_lead_in():
    found = list(statements(page(Block("paragraph", "Top employers:"), Block("item", "Hospitals"),
                                 Block("item", "Clinics"))))
    assert [s.lead for s in found] == ["", "Top employers:", "Top employers:"]


def test_a_card_reads_its_labels_and_a_continuation_reads_the_line_above():
    blocks = [Block("paragraph", "$48,000"), Block("heading", "Median pay"), Block("heading", "BLS 2023"),
              Block("paragraph", "2023 pay $48,000 per year"), Block("paragraph", "$23.08 per hour")]
    found = list(statements(page(*blocks)))
    assert found[0].text == "$48,000\nMedian pay\nBLS 2023"
    assert found[-1].lead == "2023 pay $48,000 per year"


def test_pipe_tables_become_rows_with_a_header_and_lose_their_rule():
    rows = pipe_tables([Block("paragraph", "| State | Wage |"), Block("paragraph", "| --- | --- |"),
                        Block("paragraph", "| Ohio | $44,000 |"), Block("paragraph", "Not | a table")])
    assert [(b.kind, b.cells, b.header) for b in rows] == [
        ("row", ("State", "Wage"), ("State", "Wage")),
        ("row", ("Ohio", "$44,000"), ("State", "Wage")),
        ("paragraph", (), ()),
    ]


def test_credited_wants_a_statistics_office_or_a_named_source():
    assert credited("Per the Bureau of Labor Statistics, pay rose.") == "BLS"
    assert credited("The AAPC 2024 salary survey found that") == "AAPC"
    assert credited("according to AHIMA, most coders") == "AHIMA"
    assert credited("Coders certified by AHIMA earn more.") is None


def test_page_source_prefers_a_statistics_office():
    assert page_source(page(Block("paragraph", "AAPC data show this. BLS figures show that."))) == "BLS"
    assert page_source(page(Block("paragraph", "Coders join AAPC and AHIMA."))) is None


def test_a_statistics_office_in_the_title_is_the_source_when_the_text_names_none():
    handbook = CleanPage("https://example.org/ooh", "Medical Records Specialists : Occupational Outlook Handbook",
                         [Block("paragraph", "Median pay: $48,780 per year.")])
    assert page_source(handbook) == "BLS"
    assert page_source(CleanPage("https://example.org/x", "Coders join AAPC", handbook.blocks)) is None


def test_cards_whose_labels_come_first_take_the_labels_above():
    blocks = [Block("paragraph", "A long introduction that is certainly more than eight words in length."),
              Block("heading", "Median Pay"), Block("paragraph", "$47,000"),
              Block("heading", "Job Growth"), Block("paragraph", "6%")]
    found = list(statements(page(*blocks)))
    assert [s.text for s in found if s.block.kind == "paragraph"][1:] == ["Median Pay\n$47,000", "Job Growth\n6%"]
