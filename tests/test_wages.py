from pipeline.page import Block, CleanPage
from pipeline.wages import extract_wages


def page(*blocks, title="Medical Coder Salary Guide"):
    return CleanPage("https://example.org/salary", title, list(blocks))


def para(text, *headings):
    return Block("paragraph", text, headings=headings)


def figures(rows):
    return [(row["statistic"], row["amount"], row["period"]) for row in rows]


def test_median_sentence_gives_every_attribute():
    (row,) = extract_wages(page(para(
        "The Bureau of Labor Statistics puts the median annual wage for medical records specialists "
        "at $48,780 as of May 2023. Demand keeps rising.")))
    assert row == {
        "occupation": "medical records specialists", "statistic": "median", "amount": 48_780, "period": "annual",
        "as_of": "2023-05", "attributed_to": "BLS", "qualifier": None,
        "evidence": "The Bureau of Labor Statistics puts the median annual wage for medical records specialists "
                    "at $48,780 as of May 2023.",
    }


def test_each_figure_takes_the_statistic_named_nearest_before_it():
    rows = extract_wages(page(para(
        "Coders in the lowest 10 percent took home under $31,100, and the highest 10 percent over $77,400.")))
    assert figures(rows) == [("bottom10", 31_100, "annual"), ("top10", 77_400, "annual")]


def test_a_statistic_just_after_the_figure_counts():
    rows = extract_wages(page(para("Remote billers make $24.10 an hour on average, 9% above office staff.")))
    assert figures(rows) == [("mean", 24.1, "hourly")]


def test_a_bare_hourly_line_continues_the_labelled_figure_above():
    rows = extract_wages(page(para("2023 Median Pay $48,780 per year"), para("$23.45 per hour")))
    assert figures(rows) == [("median", 48_780, "annual"), ("median", 23.45, "hourly")]
    assert [row["as_of"] for row in rows] == ["2023", "2023"]


def test_list_items_take_date_source_statistic_and_category_from_the_lead_in():
    lead = para("Per the BLS, these industries paid coders the highest mean wages in 2022:")
    items = [Block("item", "Federal government ($61,500)"), Block("item", "Insurance carriers ($58,210)")]
    rows = extract_wages(page(lead, *items))
    assert figures(rows) == [("mean", 61_500, "annual"), ("mean", 58_210, "annual")]
    assert [row["qualifier"] for row in rows] == ["industry: Federal government", "industry: Insurance carriers"]
    assert {(row["as_of"], row["attributed_to"]) for row in rows} == {("2022", "BLS")}


def test_table_rows_read_statistic_and_period_from_their_column_header():
    header = ("State", "Hourly mean wage", "Annual mean wage")
    rows = extract_wages(page(
        Block("row", "State | Hourly mean wage | Annual mean wage", cells=header, header=header),
        Block("row", "Oregon | $27.05 | $56,270", cells=("Oregon", "$27.05", "$56,270"), header=header),
    ))
    assert figures(rows) == [("mean", 27.05, "hourly"), ("mean", 56_270, "annual")]
    assert {row["qualifier"] for row in rows} == {"state: Oregon"}


def test_percentile_columns_name_their_statistic():
    header = ("Percentile", "10%", "50% (Median)", "90%")
    rows = extract_wages(page(Block("row", "Annual wage | $32,000 | $47,000 | $75,000",
                                    cells=("Annual wage", "$32,000", "$47,000", "$75,000"), header=header)))
    assert figures(rows) == [("bottom10", 32_000, "annual"), ("median", 47_000, "annual"), ("top10", 75_000, "annual")]


def test_a_stat_card_is_framed_by_the_labels_below_it():
    rows = extract_wages(page(para("$46,660"), Block("heading", "Median Salary"),
                              Block("heading", "BLS, May 2023"), para("12%")))
    assert figures(rows) == [("median", 46_660, "annual")]
    assert (rows[0]["as_of"], rows[0]["attributed_to"]) == ("2023-05", "BLS")
    assert rows[0]["evidence"] == "$46,660\nMedian Salary\nBLS, May 2023"


def test_a_heading_figure_takes_the_statistic_of_the_heading_above():
    rows = extract_wages(page(Block("heading", "Certified Coding Specialist (CCS) $61,200", headings=("Median pay",))))
    assert figures(rows) == [("median", 61_200, "annual")]
    assert rows[0]["qualifier"] == "credential: CCS"


def test_ranges_give_both_ends():
    rows = extract_wages(page(para("Entry-level billers earn between $17 and $20 an hour.")))
    assert figures(rows) == [("other", 17, "hourly"), ("other", 20, "hourly")]


def test_credential_counts_and_certification_become_qualifiers():
    rows = extract_wages(page(para(
        "Uncertified coders average $45,200 a year. Coders holding three credentials average $68,000 a year.")))
    assert [row["qualifier"] for row in rows] == ["non-certified", "credentials: 3"]


def test_the_page_source_stands_in_when_a_sentence_names_none():
    rows = extract_wages(page(para("Figures below come from the Bureau of Labor Statistics."),
                              para("Health information technicians earn a median salary of $47,180.")))
    assert rows[0]["attributed_to"] == "BLS"


def test_no_source_when_the_page_credits_none():
    (row,) = extract_wages(page(para("Our graduates report a typical salary of $44,000.")))
    assert row["attributed_to"] is None
    assert row["statistic"] == "other"


def test_fees_tuition_and_costs_are_not_wages():
    rows = extract_wages(page(
        para("The exam costs $399, or $299 for members, plus a $99 application fee."),
        para("Tuition runs $3,995 for 22 credits; call 1-800-555-0148 for details."),
        para("Programs can be as low as $3,000 or as much as $20,000.", "Medical coder salary"),
    ))
    assert rows == []


def test_monthly_figures_and_non_money_numbers_are_not_wages():
    rows = extract_wages(page(para(
        "The role ranks 55 on a list of 100 jobs, and new hires earn $3,900 a month after 2 years.")))
    assert rows == []


def test_a_pay_rise_percentage_is_not_a_second_wage():
    rows = extract_wages(page(para("Coders now earn an average of $58,300, up 4.1% from the year before.")))
    assert figures(rows) == [("mean", 58_300, "annual")]


def test_implausible_amounts_are_dropped():
    assert extract_wages(page(para("Some coders earn $2 an hour in tips and $5,000,000 a year in dreams."))) == []
