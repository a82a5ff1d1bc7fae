import pytest

from pipeline.clean import clean_html
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
        "occupation": "medical records specialists", "occupation_code": "29-2072", "occupation_basis": "statement",
        "statistic": "median", "amount": 48_780, "period": "annual", "as_of": "2023-05", "attributed_to": "BLS",
        "qualifier": None,
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
        para("A program may cost from $3,000 up to $20,000.", "Medical coder salary"),
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


def test_tables_written_as_text_are_read_by_column():
    rows = extract_wages(page(
        para("Wages by percentile for billing clerks:"),
        para("| Percentile | 10% | 50% (Median) | 90% |"),
        para("|---|---|---|---|"),
        para("| Hourly wage | $16.10 | $22.40 | $31.75 |"),
    ))
    assert figures(rows) == [("bottom10", 16.1, "hourly"), ("median", 22.4, "hourly"), ("top10", 31.75, "hourly")]
    assert rows[0]["evidence"] == "| Hourly wage | $16.10 | $22.40 | $31.75 |"


def test_a_card_label_above_the_figure_counts_when_the_one_below_belongs_to_the_next_card():
    rows = extract_wages(page(Block("heading", "Average Salary"), para("$52,900", "Average Salary"),
                              Block("heading", "Job Growth", headings=("Average Salary",)),
                              para("9%", "Job Growth")))
    assert figures(rows) == [("mean", 52_900, "annual")]


def test_a_figure_followed_by_more_is_a_difference_not_a_wage():
    rows = extract_wages(page(para("Certified coders earn $7,500 more than their peers and $56,000 in all.")))
    assert figures(rows) == [("other", 56_000, "annual")]


def test_range_ends_are_other_unless_a_statistic_comes_right_before():
    rows = extract_wages(page(para(
        "The average coder salary is $51,200, but most offers fall between $44,000 and $57,500.")))
    assert figures(rows) == [("mean", 51_200, "annual"), ("other", 44_000, "annual"), ("other", 57_500, "annual")]


def test_a_date_with_a_day_gives_its_month_and_salary_sites_are_credited():
    (row,) = extract_wages(page(para("According to PayScale, coders make an average of $49,300 as of June 3, 2024.")))
    assert (row["as_of"], row["attributed_to"]) == ("2024-06", "PayScale")


def test_the_page_title_dates_figures_when_nothing_nearer_does():
    (row,) = extract_wages(page(para("Mean annual wage: $50,810"), title="Wage estimates, May 2023"))
    assert row["as_of"] == "2023-05"


def test_a_figure_after_for_is_a_price():
    assert extract_wages(page(para("Earn your associate degree for $12,999 and start coding."))) == []


def test_summary_lines_with_hourly_and_annual_figures():
    rows = extract_wages(page(Block("heading", "Median wages (2023) $23.45 hourly, $48,780 annual")))
    assert figures(rows) == [("median", 23.45, "hourly"), ("median", 48_780, "annual")]
    assert {row["as_of"] for row in rows} == {"2023"}


def test_a_statistic_in_brackets_right_after_a_figure_wins():
    rows = extract_wages(page(para(
        "Most salaries range between $37,500 (25th percentile) to $53,000 (75th percentile), and top earners "
        "(90th percentile) make $65,000 annually.")))
    assert figures(rows) == [("p25", 37_500, "annual"), ("p75", 53_000, "annual"), ("top10", 65_000, "annual")]


def test_best_and_lowest_paid_quarters_are_quartiles():
    rows = extract_wages(page(para("The best-paid 25% made $60,060, while the lowest-paid 25% made $37,070.")))
    assert figures(rows) == [("p75", 60_060, "annual"), ("p25", 37_070, "annual")]


def test_a_restated_figure_takes_the_statistic_of_the_sentence_before():
    rows = extract_wages(page(para(
        "The average coder earns $47,500 a year. That works out to about $22.84 an hour, or $914/week.")))
    assert figures(rows) == [("mean", 47_500, "annual"), ("mean", 22.84, "hourly")]


def test_that_is_about_restates_the_figure_and_occupation_of_the_sentence_before():
    rows = extract_wages(page(para("The median annual wage for medical records specialists was $47,740 in May 2023. "
                                   "That is about $22.95 per hour for a full-time schedule.")))
    assert [(row["occupation"], row["statistic"], row["amount"]) for row in rows] == [
        ("medical records specialists", "median", 47_740), ("medical records specialists", "median", 22.95)]


def test_a_statistic_after_a_comma_belongs_to_the_next_figure():
    rows = extract_wages(page(para("Total pay is estimated at $54,100 per year, with an average salary of $50,500.")))
    assert figures(rows) == [("other", 54_100, "annual"), ("mean", 50_500, "annual")]


def test_the_all_occupations_yardstick_is_not_a_wage_of_the_occupation():
    rows = extract_wages(page(para(
        "Coders earned a median of $48,780, above the median for all occupations ($48,060).")))
    assert figures(rows) == [("median", 48_780, "annual")]


def test_a_header_cell_spanning_the_table_names_every_column():
    header = ("Median annual wage, May 2024",)
    cells = ("Medical coders", "$50,120")
    row = Block("row", " | ".join(cells), cells=cells, header=header)
    [wage] = extract_wages(CleanPage("https://example.org/pay", "Pay", [Block("row", header[0], cells=header,
                                                                              header=header), row]))
    assert (wage["statistic"], wage["amount"], wage["as_of"]) == ("median", 50120, "2024-05")


def test_a_job_board_credited_for_a_figure_is_its_source_but_the_adverb_indeed_is_not():
    (row,) = extract_wages(page(para("Coders earn an average salary of $47,000 per year, according to Indeed.")))
    assert row["attributed_to"] == "Indeed"
    (row,) = extract_wages(page(para("Indeed, coders with two credentials earn a median salary of $52,000.")))
    assert row["attributed_to"] is None


def test_a_row_label_that_only_names_the_pay_sets_no_group_apart():
    header, headings = ("Percentile", "10%", "50% (Median)", "90%"), ("Coder wages by percentile",)
    rows = extract_wages(page(*(
        Block("row", " | ".join(cells), cells=cells, header=header, headings=headings)
        for cells in (header, ("Annual wage", "$35,000", "$48,780", "$80,000"),
                      ("Coders in hospitals", "$38,000", "$52,000", "$84,000")))))
    assert [(row["statistic"], row["amount"], row["qualifier"]) for row in rows] == [
        ("bottom10", 35_000, None), ("median", 48_780, None), ("top10", 80_000, None),
        ("bottom10", 38_000, "percentile: Coders in hospitals"), ("median", 52_000, "percentile: Coders in hospitals"),
        ("top10", 84_000, "percentile: Coders in hospitals")]


LEAD_IN = "Here is what billers earned on average in each state, per the Bureau of Labor Statistics' May 2022 survey."


@pytest.mark.parametrize("lines", [
    [para("Ohio: $44,100"), para("Utah: $41,900"), para("WA: $52,300")],  # one pair a paragraph
    [Block("heading", "Ohio: $44,100"), Block("heading", "Utah – $41,900"), Block("heading", "WA: $52,300")],
    [para("Ohio: $44,100; Utah: $41,900; WA: $52,300")],  # several pairs on one line
    [Block("heading", "Ohio $44,100"), Block("heading", "Utah $41,900"), Block("heading", "WA $52,300")],
    [Block("item", "Ohio: $44,100"), Block("item", "Utah: $41,900"), Block("item", "WA: $52,300")],
])
def test_a_lead_in_gives_statistic_period_date_and_source_to_every_label_value_line_under_it(lines):
    rows = extract_wages(page(para(LEAD_IN), *lines))
    assert figures(rows) == [("mean", 44_100, "annual"), ("mean", 41_900, "annual"), ("mean", 52_300, "annual")]
    assert {(row["as_of"], row["attributed_to"]) for row in rows} == {("2022-05", "BLS")}
    assert [row["qualifier"] for row in rows] == ["state: Ohio", "state: Utah", "state: WA"]


@pytest.mark.parametrize("blocks", [
    [para("Median hourly pay (2021):"), para("$22.10")],  # label above its value
    [para("Median hourly pay (2021): $22.10")],
    [Block("row", "Median hourly pay (2021) | $22.10", cells=("Median hourly pay (2021)", "$22.10"))],
])
def test_a_label_names_the_statistic_period_and_date_of_its_value(blocks):
    (row,) = extract_wages(page(*blocks))
    assert (row["statistic"], row["amount"], row["period"], row["as_of"]) == ("median", 22.1, "hourly", "2021")


def test_a_row_label_cell_names_the_statistic_of_the_figure_beside_it():
    cells = [("10th", "$33,000", "10th", "$15.87"), ("Median", "$48,780", "Median", "$23.45"),
             ("90th percentile", "$79,900", "90th percentile", "$38.41")]
    rows = extract_wages(page(para("Coder pay, annual and hourly:"),
                              *(Block("row", " | ".join(c), cells=c) for c in cells)))
    assert [row["statistic"] for row in rows] == ["bottom10", "bottom10", "median", "median", "top10", "top10"]


@pytest.mark.parametrize("note", [
    "*Source: Bureau of Labor Statistics, May 2020", "Source – BLS (May 2020)",
    "Data source: U.S. Bureau of Labor Statistics, May 2020 estimates",
    # notes that say where the figures are from without the word "source"
    "Data: U.S. Bureau of Labor Statistics, May 2020 estimates",
    "Figures from the Bureau of Labor Statistics, May 2020",
    "Experience figures are from the BLS's May 2020 survey.",
])
def test_a_source_note_under_a_table_or_list_credits_and_dates_its_figures(note):
    table = [Block("row", "Median salary | $43,200", cells=("Median salary", "$43,200")), para(note)]
    items = [para("Coders earn:"), Block("item", "a median of $43,200"), para(note)]
    for blocks in (table, items):
        (row,) = extract_wages(page(*blocks))
        assert (row["attributed_to"], row["as_of"]) == ("BLS", "2020-05")


def test_a_note_under_a_table_dates_its_figures_over_a_source_credited_before():
    rows = extract_wages(page(
        para("The BLS puts the median at $47,000 for May 2023."),
        Block("heading", "Hourly pay by years of experience"),
        Block("row", "Less than 1 year | $19.10", cells=("Less than 1 year", "$19.10"),
              headings=("Hourly pay by years of experience",)),
        para("Experience figures are from self-reported salaries collected by our site in 2024.")))
    assert [row["as_of"] for row in rows] == ["2023-05", "2024"]


@pytest.mark.parametrize("announcement", [
    "The figures below come from our 2024 survey of 2,300 working coders.",
    "All salaries on this page are from Robert Half's 2024 guide.",
    "The following figures were reported by coders in 2024.",
])
def test_a_sentence_announcing_the_figures_below_dates_them_across_headings(announcement):
    rows = extract_wages(page(para(announcement), Block("heading", "Pay by career stage"),
                              para("Entry-level (0-2 years): $43,800", "Pay by career stage"),
                              para("Senior (10+ years): $71,400", "Pay by career stage")))
    assert [row["as_of"] for row in rows] == ["2024", "2024"]


def test_figures_below_in_other_words_date_nothing():
    rows = extract_wages(page(para("See the table below for 2019 data on coding exams."),
                              Block("heading", "Pay by career stage"),
                              para("Entry-level (0-2 years): $43,800", "Pay by career stage")))
    assert [row["as_of"] for row in rows] == [None]


def test_a_source_credited_for_figures_holds_for_later_sections_that_credit_none():
    rows = extract_wages(page(
        para("The BLS puts the median at $47,000 for 2023."),
        Block("heading", "Starting pay"),
        para("A 2024 survey by Robert Half finds starting salaries of $39,000 to $45,000.", "Starting pay"),
        Block("heading", "By city"),
        para("In Denver, new billers start at $41,000 to $47,300 a year.", "By city"),
    ))
    assert [(row["amount"], row["attributed_to"], row["as_of"]) for row in rows] == [
        (47_000, "BLS", "2023"), (39_000, "Robert Half", "2024"), (45_000, "Robert Half", "2024"),
        (41_000, "Robert Half", "2024"), (47_300, "Robert Half", "2024")]


@pytest.mark.parametrize("text", [
    "The May 2023 Occupational Employment and Wage Statistics survey puts the mean at $49,100.",
    "OEWS data show a mean wage of $49,100 in May 2023.",
    "Per U.S. Labor Statistics figures for May 2023, the mean wage is $49,100.",
])
def test_the_statistics_office_is_credited_by_the_name_of_its_survey(text):
    (row,) = extract_wages(page(para(text)))
    assert (row["statistic"], row["attributed_to"], row["as_of"]) == ("mean", "BLS", "2023-05")


@pytest.mark.parametrize("blocks", [
    [para("In New Zealand, clinical coders earn a median of $61,000 a year.")],
    [para("Clinical coders earn a median of NZ$61,000 a year.")],
    [Block("heading", "Coder pay in New Zealand"),
     Block("row", "Median salary | $61,000", cells=("Median salary", "$61,000"),
           headings=("Coder pay in New Zealand",))],
    [para("Median pay by country:"), para("Canada: $61,000"), para("Australia: $61,000")],
    [para("Coders earn a median of $61,000 CAD per year.")],
])
def test_dollars_of_another_country_are_not_stored_as_us_dollars(blocks):
    assert extract_wages(page(*blocks)) == []


def test_us_and_foreign_figures_in_one_sentence_are_told_apart_by_the_place_nearest_each():
    rows = extract_wages(page(para("Coders in Toronto average $55,000, compared with $48,000 in the United States.")))
    assert figures(rows) == [("mean", 48_000, "annual")]


@pytest.mark.parametrize("lead", ["Mean pay where billers earn the most:", "Where billers are paid best:"])
def test_a_label_naming_a_state_makes_a_state_qualifier_though_the_lead_in_says_not(lead):
    rows = extract_wages(page(para(lead), para("NJ: $52,100"), para("Hawaii: $50,900"), para("Fresno: $49,000")))
    assert [row["qualifier"] for row in rows] == ["state: NJ", "state: Hawaii", None]


@pytest.mark.parametrize("blocks", [
    [para("After passing the CPC exam, coders earn an average of $55,000 a year.")],
    [para("Coders who finish training earn $55,000 on average, and the program costs $3,000.")],
    [para("Course graduates report these salaries:"), Block("item", "Coders: average $55,000")],
    [Block("row", "Coders (after the exam) | average pay $55,000",
           cells=("Coders (after the exam)", "average pay $55,000"))],
])
def test_a_word_for_pay_nearer_the_figure_outweighs_an_exam_or_program_named_earlier(blocks):
    assert figures(extract_wages(page(*blocks))) == [("mean", 55_000, "annual")]


@pytest.mark.parametrize("text", [
    "Coders earn well, but the exam costs $399 and a prep course $2,500.",
    "Coders who want higher pay should budget $12,000 for tuition.",
    "Salaries vary; a certificate program runs $15,000.",
])
def test_a_price_word_nearer_the_figure_than_any_word_for_pay_makes_it_no_wage(text):
    assert extract_wages(page(para(text))) == []


@pytest.mark.parametrize("cards", [
    [Block("heading", "Median salary"), para("$46,660"), Block("heading", "Top 10%"), para("$73,000")],
    [para("$46,660"), Block("heading", "Median salary"), para("$73,000"), Block("heading", "Top 10% earn")],
    [para("Median salary"), para("$46,660"), para("Highest 10 percent"), para("$73,000")],
])
def test_the_paragraph_before_a_run_of_stat_cards_dates_and_credits_them(cards):
    rows = extract_wages(page(para("Pay at a glance, from the Bureau of Labor Statistics' May 2023 survey."), *cards))
    assert figures(rows) == [("median", 46_660, "annual"), ("top10", 73_000, "annual")]
    assert {(row["as_of"], row["attributed_to"]) for row in rows} == {("2023-05", "BLS")}


@pytest.mark.parametrize(("lines", "qualifiers"), [
    (["Lincoln, NE: $46,330", "Omaha, NE-IA: $48,100"], ["area: Lincoln, NE", "area: Omaha, NE-IA"]),
    (["CPC: $61,000", "CCS: $69,500"], ["credential: CPC", "credential: CCS"]),
    (["Less than 1 year: $44,000", "5 to 9 years: $61,000"],
     ["experience: Less than 1 year", "experience: 5 to 9 years"]),
])
def test_a_label_names_its_group_by_its_form_where_the_lead_in_does_not(lines, qualifiers):
    lead = para("Average salaries for coders:")
    for blocks in ([para(line) for line in lines], [Block("item", line) for line in lines],
                   [Block("row", line.replace(":", " |"), cells=tuple(line.split(": "))) for line in lines]):
        assert [row["qualifier"] for row in extract_wages(page(lead, *blocks))] == qualifiers


@pytest.mark.parametrize("blocks", [
    [Block("heading", "Hourly rate"), para("$14 - $27")],
    [para("Hourly rate: $14 - $27")],
    [Block("row", "Hourly rate | $14 - $27", cells=("Hourly rate", "$14 - $27"))],
])
def test_a_figure_framed_only_by_a_period_word_is_pay(blocks):
    assert figures(extract_wages(page(*blocks, title="Coders"))) == [("other", 14, "hourly"), ("other", 27, "hourly")]


def test_a_rank_before_the_row_label_is_passed_over():
    header = ("Rank", "State", "Employment", "Annual mean wage")
    rows = extract_wages(page(Block("row", " | ".join(header), cells=header, header=header),
                              Block("row", "1 | Oregon | 2,310 | $61,900", cells=("1", "Oregon", "2,310", "$61,900"),
                                    header=header)))
    assert [(row["statistic"], row["qualifier"]) for row in rows] == [("mean", "state: Oregon")]


@pytest.mark.parametrize("lines", [
    [Block("item", "Hospitals: $51,000"), Block("item", "Clinics: $47,500")],
    [Block("row", "Hospitals | $51,000", cells=("Hospitals", "$51,000")),
     Block("row", "Clinics | $47,500", cells=("Clinics", "$47,500"))],
    [para("Hospitals: $51,000"), para("Clinics: $47,500")],
])
def test_only_the_sentence_leading_into_a_list_frames_it_not_the_rest_of_its_paragraph(lines):
    lead = para("Training programs cost $3,000 and up, and the exam fee is extra. "
                "Here is the median pay of coders by employer:")
    rows = extract_wages(page(lead, *lines))
    assert [(row["statistic"], row["amount"], row["qualifier"]) for row in rows] == [
        ("median", 51_000, "setting: Hospitals"), ("median", 47_500, "setting: Clinics")]


@pytest.mark.parametrize("later", [
    [para("In Denver, new billers start at $41,000 to $47,300 a year.", "By city")],
    [para("Starting pay by city:", "By city"), Block("item", "Denver: $41,000 to $47,300", headings=("By city",))],
    [Block("row", "Denver | $41,000 to $47,300", cells=("Denver", "$41,000 to $47,300"), headings=("By city",),
           header=("City", "Starting salary"))],
])
def test_a_source_credited_for_figures_holds_for_later_figures_in_any_layout(later):
    rows = extract_wages(page(para("The BLS puts the median at $47,000 for 2023."), Block("heading", "Starting pay"),
                              para("A 2024 survey by Robert Half finds starting salaries of $39,000 to $45,000.",
                                   "Starting pay"),
                              Block("heading", "By city"), *later))
    assert [(row["amount"], row["attributed_to"], row["as_of"]) for row in rows][-2:] == [
        (41_000, "Robert Half", "2024"), (47_300, "Robert Half", "2024")]


@pytest.mark.parametrize(("text", "heading"), [
    ("Most coders can expect around $45,000.", "Medical coder salary"),
    ("Experienced coders see $45,000 or more.", "How much do coders make?"),
    ("New coders typically start near $45,000, a survey found.", "Pay"),
])
def test_a_heading_about_pay_frames_the_figures_of_the_paragraphs_under_it(text, heading):
    rows = extract_wages(page(Block("heading", heading), para(text, heading)))
    assert [(row["amount"], row["period"]) for row in rows] == [(45_000, "annual")]


@pytest.mark.parametrize("text", [
    "In Denver, pay runs 3 percent higher than the national average: $37,000 to $49,000 a year.",
    "Billers in Phoenix earn 8% more than the average, bringing salaries to $37,000 to $49,000.",
    "Compared with the median elsewhere, Omaha coders earn $37,000 to $49,000.",
])
def test_a_statistic_a_comparison_names_is_not_the_figures_own(text):
    assert [row["statistic"] for row in extract_wages(page(para(text)))] == ["other", "other"]


@pytest.mark.parametrize("blocks", [
    [para("The top-paying states for coders:"), para("New Jersey: $61,200"), para("Alaska: $60,100")],
    [para("Highest-paying settings:"), Block("item", "Insurers ($61,200)"), Block("item", "Clinics ($60,100)")],
    [para("Coders are best compensated in New Jersey ($61,200) and Alaska ($60,100).")],
])
def test_words_for_the_best_pay_frame_a_wage(blocks):
    assert [row["amount"] for row in extract_wages(page(*blocks, title="Coders"))] == [61_200, 60_100]


def occupations(rows):
    return [(row["occupation"], row["occupation_code"], row["occupation_basis"]) for row in rows]


@pytest.mark.parametrize(("blocks", "wanted"), [
    # sentence, the name as a registry name with the modifiers that only qualify it
    ([para("Certified medical coders earned a median of $52,300 in May 2023.")],
     ("Certified medical coders", "29-2072", "statement")),
    # list item under a lead-in that names the occupation
    ([para("What billing clerks earned in May 2022:"), Block("item", "Median: $44,100")],
     ("billing clerks", "43-3021", "statement")),
    # "Label: value" line with the name in the label
    ([para("Medical secretary median salary: $40,900 (May 2023)")], ("Medical secretary", "43-6013", "statement")),
    # table row under a heading that names the occupation
    ([Block("heading", "Pay of medical transcriptionists", level=2),
      para("The survey covered May 2023.", "Pay of medical transcriptionists"),
      Block("row", "Median | $37,100", headings=("Pay of medical transcriptionists",), cells=("Median", "$37,100"))],
     ("medical transcriptionists", "31-9094", "heading")),
    # stat card, the occupation only in the page title
    ([Block("paragraph", "$49,200"), Block("paragraph", "Median pay, 2023")],
     ("Medical Coder", "29-2072", "page")),
])
def test_each_wage_names_its_occupation_its_code_and_how_it_was_decided(blocks, wanted):
    rows = extract_wages(page(*blocks, title="Medical Coder Salary Guide"))
    assert occupations(rows) == [wanted]


@pytest.mark.parametrize(("text", "code"), [
    ("In May 2017 medical records and health information technicians earned a median of $39,180.", "29-2071"),
    ("Health information technicians earned a median of $39,180 in 2016.", "29-2071"),
    ("Medical coders earned a median of $44,090 as of May 2020.", "29-2072"),
    ("Health information technicians earned a median of $48,780 in May 2023.", "29-2072"),
    ("Health information technicians earn a median of $48,780.", "29-2072"),  # undated: the current codes
])
def test_a_name_in_both_classifications_takes_the_code_of_the_figures_year(text, code):
    (row,) = extract_wages(page(para(text)))
    assert row["occupation_code"] == code


@pytest.mark.parametrize(("text", "code"), [
    ("SOC 29-9021 (health information technologists): median $58,250 in May 2023", "29-9021"),
    ("Coders, counted under 29-2072, earned a median of $48,780 in May 2023.", "29-2072"),
    ("29-2071.00 medical records technicians: median pay $34,160 in 2012", "29-2071"),
])
def test_a_soc_code_written_beside_the_figure_decides_the_code(text, code):
    (row,) = extract_wages(page(para(text)))
    assert row["occupation_code"] == code


@pytest.mark.parametrize(("text", "occupation"), [
    ("Medical billers and coders earned a median of $47,000 in 2023.", "Medical billers and coders"),
    ("Coding auditors earn a median of $64,000.", "Coding auditors"),  # a role with no SOC code of its own
    ("CDI specialists reported a median salary of $81,000.", "CDI specialists"),
    ("Remote coding professionals earn a median of $58,000.", "Remote coding professionals"),  # not in the registry
])
def test_an_occupation_of_several_codes_a_role_or_none_in_the_registry_has_no_code(text, occupation):
    (row,) = extract_wages(page(para(text), title="Salaries"))
    assert (row["occupation"], row["occupation_code"]) == (occupation, None)


@pytest.mark.parametrize("text", [
    "The Bureau of Labor Statistics counts coders among medical records specialists, who earn a median of $48,780.",
    "Employers, including hospitals that hire coders, pay a median of $48,780.",
    "Surveys that ask coders what they make put the median at $48,780.",
])
def test_the_occupation_is_a_name_never_the_words_of_the_sentence_around_it(text):
    (row,) = extract_wages(page(para(text), title="Salaries"))
    assert (row["occupation"], row["occupation_code"]) == ("coders", "29-2072")


@pytest.mark.parametrize("blocks", [
    [para("Medical coders earned a median of $48,780 in May 2023, while billing clerks earned $42,000.")],
    [para("In May 2023 the median was $48,780 for medical coders and $42,000 for billing clerks.")],
    [para("Median pay, May 2023:"), Block("item", "Medical coders: $48,780"),
     Block("item", "Billing clerks: $42,000")],
    [para("How coders compare (median pay, May 2023):"),
     Block("row", "Medical coders | $48,780", cells=("Medical coders", "$48,780")),
     Block("row", "Billing clerks | $42,000", cells=("Billing clerks", "$42,000"))],
])
def test_each_figure_takes_the_occupation_named_with_it(blocks):
    rows = extract_wages(page(*blocks))
    assert [(row["amount"], row["occupation"].lower(), row["occupation_code"]) for row in rows] == [
        (48_780, "medical coders", "29-2072"), (42_000, "billing clerks", "43-3021")]


@pytest.mark.parametrize("blocks", [
    [para("Medical coders earned a median of $48,780 in May 2023, while medical assistants earned $42,000.")],
    [para("Median pay, May 2023:"), Block("item", "Medical coders: $48,780"),
     Block("item", "Registered nurses: $86,070")],
    [para("How coders compare (median pay, May 2023):"),
     Block("row", "Medical coders | $48,780", cells=("Medical coders", "$48,780")),
     Block("row", "Licensed practical nurses | $59,730", cells=("Licensed practical nurses", "$59,730"))],
])
def test_a_clinical_occupation_set_beside_coding_is_left_out(blocks):
    assert [(row["amount"], row["occupation_code"]) for row in extract_wages(page(*blocks))] == [
        (48_780, "29-2072")]


@pytest.mark.parametrize("text", [
    "What do medical billers make? The answer: a median of $41,000 in 2023.",
    "We looked at medical billers. Their median pay was $41,000 in 2023.",
    "Medical billers work in clinics and hospitals. The middle of the pay range sat at $41,000 in 2023.",
])
def test_a_figure_whose_sentence_names_no_occupation_takes_the_one_its_paragraph_named_before(text):
    (row,) = extract_wages(page(para(text), title="Pay in Health Care"))
    assert (row["occupation"].lower(), row["occupation_code"], row["occupation_basis"]) == (
        "medical billers", "43-3021", "statement")


@pytest.mark.parametrize("blocks", [
    [para("Health information technologists code and analyse records."),
     para("Those technologists earned a median of $62,000 in May 2023.")],
    [para("Medical coders and health information technologists often share an office. These technologists earned "
          "a median of $62,000 in May 2023.")],
    [para("Hospitals also hire health information technologists and medical registrars."),
     Block("item", "Such technologists: median $62,000 (May 2023)")],
])
def test_a_figure_that_refers_back_to_an_occupation_takes_the_one_named_before(blocks):
    (row,) = extract_wages(page(*blocks, title="Medical Coder Salary Guide"))
    assert (row["occupation_code"], row["occupation_basis"]) == ("29-9021", "statement")
    assert row["occupation"].lower().startswith("health information technologists")


@pytest.mark.parametrize(("header", "cells", "qualifier", "as_of"), [
    (("Year", "Median annual wage"), ("2016", "$38,040"), None, "2016"),
    (("Year", "Occupation", "Median annual wage"), ("May 2014", "Medical records technicians", "$35,900"), None,
     "2014-05"),
    (("Survey date", "State", "Annual mean wage"), ("May 2022", "Ohio", "$44,900"), "state: Ohio", "2022-05"),
    (("Occupation", "As of", "Median annual wage"), ("Medical coders", "2018", "$40,350"), None, "2018"),
])
def test_a_date_cell_dates_the_row_and_sets_no_group_apart(header, cells, qualifier, as_of):
    rows = extract_wages(page(Block("row", " | ".join(header), cells=header, header=header),
                              Block("row", " | ".join(cells), cells=cells, header=header)))
    assert [(row["qualifier"], row["as_of"]) for row in rows] == [(qualifier, as_of)]


@pytest.mark.parametrize("blocks", [
    [para("Coders earned a median of $48,780 in May 2023."), para("LPNs earned a median of $59,730 per year.")],
    [para("In May 2023 the median was $48,780 for medical coders and $59,730 for licensed practical nurses.")],
    [para("Median pay, May 2023:"), Block("row", "Medical coders | $48,780", cells=("Medical coders", "$48,780")),
     Block("row", "Licensed vocational nurses | $59,730", cells=("Licensed vocational nurses", "$59,730"))],
], ids=["acronym in its own sentence", "full name in one sentence", "table row"])
def test_practical_nurses_pay_beside_coders_is_known_as_theirs_and_left_out(blocks):
    rows = extract_wages(page(*blocks))
    assert [(row["amount"], row["occupation_code"]) for row in rows] == [(48_780, "29-2072")]


_OWN_PAY = "<p>Medical records specialists earned a median of $48,780 a year in May 2023.</p>"
_OTHER_JOBS = {
    "table under a heading": "<h2>Similar Occupations</h2><table><tr><th>Occupation</th><th>2023 median pay</th></tr>"
                             "<tr><td>Pharmacy Technicians</td><td>$40,300</td></tr>"
                             "<tr><td>Tellers</td><td>$37,100</td></tr>"
                             "<tr><td>Health Information Technologists</td><td>$62,990</td></tr></table>",
    "list led in by a sentence": "<p>Compare what coders make with the pay in related careers:</p><ul>"
                                 "<li>Pharmacy technicians: $40,300 a year</li><li>Tellers: $37,100 a year</li>"
                                 "<li>Health information technologists: $62,990 a year</li></ul>",
    "prose under a heading": "<h3>Related Jobs</h3><p>Pharmacy technicians earned a median of $40,300 per year. "
                             "Bank tellers made $37,100. Health information technologists earned $62,990.</p>",
}


@pytest.mark.parametrize("html", _OTHER_JOBS.values(), ids=_OTHER_JOBS.keys())
def test_other_jobs_pay_in_a_similar_occupations_section_is_left_out_but_the_registrys_is_kept(html):
    text = "<p>" + "Coders turn patient records into the codes insurers pay from. " * 4 + "</p>"
    cleaned = clean_html(f"<html><body><main>{text}{_OWN_PAY}{html}</main></body></html>", "https://example.org/a")
    assert sorted(row["amount"] for row in extract_wages(cleaned)) == [48_780, 62_990]


@pytest.mark.parametrize("text", [
    "Expect to pay about $10,000 in total for a two-year associate degree.",
    "You will pay roughly $12,500 overall at a community college.",
    "Students pay about $14,100 in total at most schools.",
])
def test_what_a_student_pays_is_no_wage(text):
    assert extract_wages(page(para(text))) == []


def test_what_an_employer_pays_a_coder_is_still_a_wage():
    assert figures(extract_wages(page(para("Hospitals pay inpatient coders $28.40 an hour on average.")))) == [
        ("mean", 28.40, "hourly")]
