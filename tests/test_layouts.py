import pytest

from pipeline.layouts import label_values, pipe_tables, read_layouts
from pipeline.page import Block


def para(text, *headings):
    return Block("paragraph", text, headings=headings)


def row(*cells, header=()):
    return Block("row", " | ".join(cell for cell in cells if cell), cells=cells, header=header)


def test_pipe_tables_become_rows_with_a_header_and_lose_their_rule():
    rows = pipe_tables([para("| State | Wage |"), para("| --- | --- |"), para("| Ohio | $44,000 |"),
                        para("Not | a table")])
    assert [(b.kind, b.cells, b.header) for b in rows] == [
        ("row", ("State", "Wage"), ("State", "Wage")),
        ("row", ("Ohio", "$44,000"), ("State", "Wage")),
        ("paragraph", (), ()),
    ]


@pytest.mark.parametrize(("text", "read"), [
    ("Ohio: $44,000", ("", [("Ohio", "$44,000")])),
    ("Employment (2014): 188,600 employed", ("", [("Employment (2014)", "188,600 employed")])),
    ("Entry level – $17.50 an hour", ("", [("Entry level", "$17.50 an hour")])),
    ("Hospitals: $45,000; Physician offices: $39,500; Insurers: $47,200.",
     ("", [("Hospitals", "$45,000"), ("Physician offices", "$39,500"), ("Insurers", "$47,200")])),
    ("IA: $41,000 NE: $39,750 KS: $40,100", ("", [("IA", "$41,000"), ("NE", "$39,750"), ("KS", "$40,100")])),
    ("Pay by setting: Clinics: $38,000, Home office: $44,500",
     ("Pay by setting:", [("Clinics", "$38,000"), ("Home office", "$44,500")])),
    ("Job growth (2022-32): 7% | Openings: 14,900 a year", ("", [("Job growth (2022-32)", "7%"),
                                                               ("Openings", "14,900 a year")])),
])
def test_lines_of_label_value_pairs_are_read_pair_by_pair(text, read):
    prefix, pairs = label_values(text)
    assert (prefix, [(pair.label, pair.value) for pair in pairs]) == read
    assert all(pair.text in text for pair in pairs)


@pytest.mark.parametrize("text", [
    "Note: $5 of every exam fee you pay goes to the scholarship fund.",
    "In 2019 coders earned $40,000 on average.",
    "Why it matters: coders keep claims accurate.",
    "Coders in the top tier of pay across every state in the country: $70,000",
])
def test_prose_and_labels_without_figures_are_no_pairs(text):
    assert label_values(text) is None


def test_label_value_paragraphs_and_headings_become_two_cell_rows_under_the_lead_in():
    lead = para("Below is each state's mean yearly pay, from the May 2022 survey:")
    blocks = read_layouts([lead, Block("heading", "Ohio: $44,000", level=2, headings=("Pay",)),
                           Block("heading", "WA: $51,300", level=2, headings=("Ohio: $44,000",)),
                           para("More text.", "Ohio: $44,000", "Details")])
    assert [(b.kind, b.cells) for b in blocks[1:3]] == [("row", ("Ohio", "$44,000")), ("row", ("WA", "$51,300"))]
    assert blocks[2].headings == ("Pay",)  # a heading read as a row no longer heads what follows it
    assert blocks[3].headings == ("Pay", "Details")


def test_a_label_line_and_the_value_line_under_it_become_one_row():
    blocks = read_layouts([para("Median pay (2023):"), para("$47,180 per year"), para("Projected jobs, 2032:"),
                           para("200,700 employed"), para("Requirements:"), para("A diploma and two years.")])
    assert [(b.kind, b.cells) for b in blocks] == [
        ("row", ("Median pay (2023)", "$47,180 per year")),
        ("row", ("Projected jobs, 2032", "200,700 employed")),
        ("paragraph", ()), ("paragraph", ()),
    ]


def test_a_second_header_row_refines_the_header_cell_spanning_it():
    header = ("Title", "Code", "Employment, 2022", "Employment, 2032", "Change, 2022-32", "Details")
    blocks = read_layouts([row(*header, header=header), row("Percent", "Numeric", header=header),
                           row("Coders", "29-2072", "186,400", "200,700", "8", "14,300", "Get data", header=header)])
    merged = ("Title", "Code", "Employment, 2022", "Employment, 2032", "Change, 2022-32 Percent",
              "Change, 2022-32 Numeric", "Details")
    assert [b.header for b in blocks] == [merged, merged]


def test_a_second_header_row_as_wide_as_the_first_joins_it_cell_by_cell():
    header = ("State", "Annual", "Annual")
    blocks = read_layouts([row(*header, header=header), row("", "Mean", "Median", header=header),
                           row("Ohio", "$45,000", "$43,100", header=header)])
    assert blocks[-1].header == ("State", "Annual Mean", "Annual Median")


def test_an_unmarked_first_row_of_labels_over_figures_is_the_header():
    blocks = read_layouts([row("Industry", "Annual mean wage"), row("Hospitals", "$48,200"),
                           row("Insurers", "$51,340")])
    assert {b.header for b in blocks} == {("Industry", "Annual mean wage")}


def test_a_key_value_table_keeps_its_first_row_as_a_row():
    blocks = read_layouts([row("Degree", "Associate degree common"), row("Median pay", "$47,000"),
                           row("Growth", "7%")])
    assert {b.header for b in blocks} == {()}


def test_a_row_of_figures_under_a_header_is_no_second_header():
    header = ("Feature", "CPC", "CCS")
    blocks = read_layouts([row(*header, header=header), row("Renewal", "36 CEUs", "20 CEUs", header=header),
                           row("Exam fee", "$399", "$299", header=header)])
    assert [b.header for b in blocks] == [header] * 3


@pytest.mark.parametrize("lines", [("Ohio 12,400", "Iowa 4,180"), ("Ohio 7%", "Iowa 5%"),
                                   ("Ohio $44,000", "Iowa $41,500 a year")])
def test_runs_of_lines_of_words_and_a_figure_are_pairs(lines):
    blocks = read_layouts([Block("heading", line) for line in lines])
    assert [b.cells for b in blocks] == [tuple(line.split(" ", 1)) for line in lines]


@pytest.mark.parametrize("lines", [("Top Schools 2024", "Best Programs 2025"), ("Step 1", "Step 2")])
def test_runs_of_lines_ending_in_a_year_or_list_number_are_no_pairs(lines):
    assert {b.kind for b in read_layouts([Block("heading", line) for line in lines])} == {"heading"}


def test_runs_of_lines_of_words_and_an_amount_become_rows_but_a_lone_line_does_not():
    blocks = read_layouts([para("Hospitals $45,000"), Block("heading", "Insurance carriers $47,200 a year"),
                           para("Text between."), para("Median Pay $48,780")])
    assert [(b.kind, b.cells) for b in blocks] == [
        ("row", ("Hospitals", "$45,000")), ("row", ("Insurance carriers", "$47,200 a year")),
        ("paragraph", ()), ("paragraph", ()),
    ]


@pytest.mark.parametrize("text", ["2020 Median Pay $44,090 per year", "Coders earn about $45,000.",
                                  "Median pay $48,780 and $23.45 an hour"])
def test_lines_with_figures_or_prose_in_the_label_are_no_spaced_pairs(text):
    assert read_layouts([para(text), para("Clinics $41,000")])[0].kind == "paragraph"
