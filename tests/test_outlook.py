import pytest

from pipeline.clean import clean_html
from pipeline.outlook import extract_outlook
from pipeline.page import Block, CleanPage


def page(*blocks, title="Health Information Careers"):
    return CleanPage("https://example.org/outlook", title, list(blocks))


def para(text, *headings):
    return Block("paragraph", text, headings=headings)


def facts(rows):
    return [(row["measure"], row["value"], row["start_year"], row["end_year"]) for row in rows]


def test_projected_growth_sentence_gives_every_attribute():
    (row,) = extract_outlook(page(para(
        "The Bureau of Labor Statistics expects employment of medical records specialists to grow 9 percent "
        "from 2022 to 2032, faster than average.")))
    assert row["measure"] == "growth_percent"
    assert (row["value"], row["start_year"], row["end_year"]) == (9, 2022, 2032)
    assert row["attributed_to"] == "BLS"
    assert row["occupation"] == "medical records specialists"


def test_open_ended_projection_keeps_only_the_end_year():
    rows = extract_outlook(page(para("Billing jobs should increase 6% through 2031, the agency projects.")))
    assert facts(rows) == [("growth_percent", 6, None, 2031)]


def test_a_projected_decline_is_negative():
    rows = extract_outlook(page(para("Employment of coding clerks is projected to decline 4 percent over the decade.")))
    assert facts(rows) == [("growth_percent", -4, None, None)]


def test_quick_fact_lines_give_jobs_change_and_growth():
    rows = extract_outlook(page(
        Block("heading", "Number of Jobs, 2022 186,400"),
        Block("heading", "Job Outlook, 2022-32 8% (Faster than average)"),
        Block("heading", "Employment Change, 2022-32 15,100"),
    ))
    assert facts(rows) == [("employment", 186_400, None, 2022), ("growth_percent", 8, 2022, 2032),
                           ("employment_change", 15_100, 2022, 2032)]


def test_openings_and_jobs_held_in_prose():
    rows = extract_outlook(page(para(
        "Coders held about 194,300 jobs in 2023. Roughly 14,900 openings are projected each year, on average.")))
    assert facts(rows) == [("employment", 194_300, None, 2023), ("openings", 14_900, None, None)]


def test_jobs_added_is_an_employment_change():
    rows = extract_outlook(page(para("The field is expected to add 12,500 new jobs between 2024 and 2034.")))
    assert facts(rows) == [("employment_change", 12_500, 2024, 2034)]


def test_a_stat_card_is_framed_by_its_labels():
    rows = extract_outlook(page(para("$49,000"), Block("heading", "Median Pay"),
                                para("11%"), Block("heading", "Projected Growth"), para("2024-2034 (BLS)")))
    assert facts(rows) == [("growth_percent", 11, 2024, 2034)]
    assert rows[0]["attributed_to"] == "BLS"


def test_pay_premiums_pass_rates_and_shares_are_not_growth():
    rows = extract_outlook(page(
        para("Certified coders earn 27% more than their uncertified colleagues."),
        para("The first-time pass rate fell from 68% to 61%."),
        para("About 40% of respondents said demand will grow; salaries are up 5.8% from last year."),
        para("Unemployment in the field stays near 2 percent."),
        para("Pay for coders is projected to rise 3% next year."),
    ))
    assert rows == []


@pytest.mark.parametrize("text", [
    "Employment of coders is projected to grow 8 percent from 2023 to 2033.",
    "- Projected growth in employment of coders, 2023-2033: 8%",
    "The number of coders employed is expected to increase 8% through 2033.",
])
def test_growth_of_coders_is_growth(text):
    assert [(measure, value) for measure, value, _, _ in facts(extract_outlook(page(para(text))))] == [
        ("growth_percent", 8)]


@pytest.mark.parametrize("text", [
    "Demand keeps growing: 62% of coders now work remotely at least part of the week.",
    "- Expected growth in remote jobs: 40 percent of surveyed employers plan to expand hiring",
    "Outlook survey: 55% of new graduates found coding jobs within six months as the field grows.",
])
def test_a_share_of_people_is_not_growth(text):
    assert extract_outlook(page(para(text))) == []


def test_counts_that_are_not_jobs_are_ignored():
    rows = extract_outlook(page(para(
        "The career ranks 55 on a list of 100 jobs; AAPC has over 200,000 members and the exam has 100 questions. "
        "Call 1-800-555-0199 to enroll in 2025.")))
    assert rows == []


def test_the_all_occupations_yardstick_is_not_a_second_projection():
    rows = extract_outlook(page(para(
        "From 2024 to 2034 the BLS expects coding jobs to grow 6%, faster than the average (3%) for all occupations.")))
    assert facts(rows) == [("growth_percent", 6, 2024, 2034)]


def test_each_count_takes_the_measure_whose_cue_is_nearest():
    rows = extract_outlook(page(para(
        "There were 201,000 coding jobs in 2024, and the field should gain about 11,800 positions by 2034.")))
    assert [(measure, value) for measure, value, _, _ in facts(rows)] == [("employment", 201_000),
                                                                          ("employment_change", 11_800)]


def test_a_loss_of_jobs_keeps_its_minus_sign():
    rows = extract_outlook(page(Block("heading", "Employment Change, 2024-34 -2,300")))
    assert facts(rows) == [("employment_change", -2_300, 2024, 2034)]


def test_a_table_column_names_the_count():
    header = ("Industry", "Employment", "Annual mean wage")
    rows = extract_outlook(page(Block("row", "Insurance carriers | 8,150 | $55,900",
                                      cells=("Insurance carriers", "8,150", "$55,900"), header=header),
                                title="Wage estimates, May 2023"))
    assert facts(rows) == [("employment", 8_150, None, 2023)]


def test_counts_without_jobs_are_not_outlook():
    rows = extract_outlook(page(para("The exam adds 150 questions and AAPC created 1,200 practice items.")))
    assert rows == []


def test_a_growth_band_after_average_is_kept_when_no_growth_came_before():
    rows = extract_outlook(page(Block("heading", "Projected growth (2022-2032) Faster than average (5% to 7%)")))
    assert facts(rows) == [("growth_percent", 5, 2022, 2032), ("growth_percent", 7, 2022, 2032)]


def test_a_growth_band_that_writes_percent_once_keeps_both_ends():
    rows = extract_outlook(page(para("Coding jobs are projected to grow 5 to 7 percent from 2023 to 2033.")))
    assert facts(rows) == [("growth_percent", 5, 2023, 2033), ("growth_percent", 7, 2023, 2033)]


def test_a_projection_is_not_credited_to_a_salary_survey_cited_nearby():
    rows = extract_outlook(page(
        para("According to the BLS, medical records specialists earned a median of $48,780 in May 2023."),
        para("The average certified coder makes $60,097 a year (AAPC 2024 Salary Survey)."),
        para("Employment of medical records specialists is projected to grow 7 percent from 2023 to 2033.")))
    assert [(row["value"], row["attributed_to"]) for row in rows] == [(7, "BLS")]


def test_new_jobs_may_be_described():
    rows = extract_outlook(page(para("Expect an estimated 2,000 new coding jobs in Ohio by 2030.")))
    assert facts(rows) == [("employment_change", 2_000, None, 2030)]


def test_a_head_count_of_the_occupation_is_employment():
    rows = extract_outlook(page(para("There are over 350,000 medical coders working in the country today.")))
    assert facts(rows) == [("employment", 350_000, None, None)]


def test_a_projections_table_gives_jobs_held_change_and_growth_by_column():
    header = ("Occupation", "Code", "Jobs, 2024", "Projected jobs, 2034", "Change, 2024-34 Percent",
              "Change, 2024-34 Numeric")
    cells = ("Medical coders", "29-9999", "210,500", "221,900", "5", "11,400")
    lead = para("Coders held about 210,500 jobs in 2024, after a decade of growth.")
    rows = [Block("row", " | ".join(c), cells=c, header=header) for c in (header, cells)]
    assert facts(extract_outlook(page(lead, *rows)))[1:] == [
        ("growth_percent", 5, 2024, 2034),
        ("employment", 210500, None, 2024),
        ("employment", 221900, None, 2034),
        ("employment_change", 11400, 2024, 2034),
    ]


def test_each_job_count_takes_the_year_written_right_after_it():
    rows = extract_outlook(page(para(
        "The number of medical records jobs is expected to increase from 186,400 in 2022 to 200,000 in 2032.")))
    assert [(row["measure"], row["value"], row["end_year"]) for row in rows] == [
        ("employment", 186_400, 2022), ("employment", 200_000, 2032)]


GROWTH_HEADER = ("Occupation", "Projected growth, 2023-33")


@pytest.mark.parametrize("blocks", [
    [para("Employment of medical coders is projected to grow twenty-five percent from 2023 to 2033.")],
    [para("The outlook for medical coders through 2033:"), Block("item", "Projected growth: twenty-five percent")],
    [para("Projected job growth, 2023-2033: twenty-five percent")],
    [Block("row", " | ".join(cells), cells=cells, header=GROWTH_HEADER)
     for cells in (GROWTH_HEADER, ("Medical coders", "twenty-five percent"))],
], ids=["sentence", "list item", "label and value", "table row"])
def test_spelled_out_growth_is_read_whole(blocks):
    assert [(row["measure"], row["value"]) for row in extract_outlook(page(*blocks))] == [("growth_percent", 25)]


def test_a_header_over_two_rows_names_each_column_of_a_projections_table():
    html = ("<html><body><main><p>" + "Coders assign codes to diagnoses and procedures every day. " * 4 + "</p>"
            "<p>Projections for coders, 2022-32:</p><table><thead>"
            "<tr><th rowspan='2'>Title</th><th rowspan='2'>Employment, 2022</th>"
            "<th rowspan='2'>Projected employment, 2032</th><th colspan='2'>Change, 2022-32</th></tr>"
            "<tr><th>Percent</th><th>Numeric</th></tr></thead>"
            "<tr><td>Medical coders</td><td>186,400</td><td>200,700</td><td>8</td><td>14,300</td></tr>"
            "</table></main></body></html>")
    rows = extract_outlook(clean_html(html, "https://example.org/projections"))
    assert facts(rows) == [("growth_percent", 8, 2022, 2032), ("employment", 186_400, None, 2022),
                           ("employment", 200_700, None, 2032), ("employment_change", 14_300, 2022, 2032)]


@pytest.mark.parametrize("blocks", [
    [para("Employment (2022): 186,400 | Projected employment (2032): 200,700")],
    [para("Employment (2022):"), para("186,400 employed"), para("Projected employment (2032):"),
     para("200,700 employed")],
    [Block("row", "Employment, 2022 | 186,400", cells=("Employment, 2022", "186,400")),
     Block("row", "Projected employment, 2032 | 200,700", cells=("Projected employment, 2032", "200,700"))],
    [para("Coders held 186,400 jobs in 2022; employment is projected to reach 200,700 in 2032.")],
])
def test_job_counts_take_their_year_from_their_label_projected_or_not(blocks):
    assert facts(extract_outlook(page(*blocks))) == [("employment", 186_400, None, 2022),
                                                     ("employment", 200_700, None, 2032)]


@pytest.mark.parametrize("blocks", [
    [para("| Occupation | Employment, 2022 | Employment, 2032 | Change, 2022-32 |"), para("|---|---|---|---|"),
     para("| | | | Percent | Numeric |"), para("| Coders | 186,400 | 200,700 | 8 | 14,300 |")],
    [para("| Occupation | Employment, 2022 | Employment, 2032 | Change, 2022-32 | |"), para("|---|---|---|---|---|"),
     para("| | | | Percent | Numeric |"), para("| Coders | 186,400 | 200,700 | 8 | 14,300 |")],
])
def test_a_second_header_row_of_text_tables_names_the_columns_under_a_spanning_cell(blocks):
    assert facts(extract_outlook(page(*blocks))) == [
        ("growth_percent", 8, 2022, 2032), ("employment", 186_400, None, 2022), ("employment", 200_700, None, 2032),
        ("employment_change", 14_300, 2022, 2032)]


@pytest.mark.parametrize("line", [
    Block("row", "Job growth (2022-32) | 7%", cells=("Job growth (2022-32)", "7%")),
    para("Job growth (2022-32): 7%"),
    Block("item", "Job growth, 2022-32: 7%"),
])
def test_only_the_sentence_leading_into_a_list_frames_its_figures(line):
    lead = para("Coders must pay close attention to detail. The list below sums up the outlook:")
    assert facts(extract_outlook(page(lead, line))) == [("growth_percent", 7, 2022, 2032)]


@pytest.mark.parametrize("blocks", [
    [para("Coders will grow 8 percent by 2032. The average growth rate for all occupations is 4 percent.")],
    [para("Jobs for coders will grow 8 percent by 2032, well above the average for all occupations over "
          "the same years (4 percent).")],
    [para("Coder jobs are projected to grow 8 percent by 2032, faster than the 4 percent average.")],
    [para("Compared with 4% for all occupations, coder jobs will grow 8% by 2032.")],
    [para("Projected job growth through 2032:"), para("Coders: 8%"), para("Total, all occupations: 4%")],
    [para("Projected to 2032"), para("8%"), para("Job growth, coders"), para("4%"),
     para("Job growth, all occupations")],
])
def test_the_growth_of_all_occupations_is_a_yardstick_not_this_occupations_growth(blocks):
    assert [(row["measure"], row["value"]) for row in extract_outlook(page(*blocks))] == [("growth_percent", 8)]


@pytest.mark.parametrize("blocks", [
    [para("The number of coding jobs will increase by 14,300 between 2022 and 2032.")],
    [para("Coder employment is projected to grow by 14,300 from 2022 to 2032.")],
    [para("Over 2022-2032, jobs held by coders should rise by 14,300.")],
])
def test_jobs_that_increase_by_a_count_are_an_employment_change(blocks):
    assert facts(extract_outlook(page(*blocks))) == [("employment_change", 14_300, 2022, 2032)]


@pytest.mark.parametrize("blocks", [
    [para("Jobs (2023): 194,300 | Projected jobs (2033): 210,800")],
    [Block("row", "Jobs, 2023 | 194,300", cells=("Jobs, 2023", "194,300")),
     Block("row", "Projected jobs, 2033 | 210,800", cells=("Projected jobs, 2033", "210,800"))],
    [para("Jobs (2023):"), para("194,300"), para("Projected jobs (2033):"), para("210,800")],
])
def test_a_label_of_jobs_alone_counts_jobs_held(blocks):
    assert facts(extract_outlook(page(*blocks))) == [("employment", 194_300, None, 2023),
                                                     ("employment", 210_800, None, 2033)]


@pytest.mark.parametrize(("blocks", "wanted"), [
    # sentence: a projection from before 2019 counts the occupation by its 2010 code
    ([para("Employment of health information technicians is projected to grow 15 percent from 2014 to 2024.")],
     ("health information technicians", "29-2071", "statement")),
    # the same name, projected from 2019 on: its 2018 code
    ([para("Jobs for health information technicians will grow 7% from 2023 to 2033.")],
     ("health information technicians", "29-2072", "statement")),
    # "Label: value" with a head count dated before 2019
    ([para("Medical records technicians employed in 2016: 206,300")],
     ("Medical records technicians", "29-2071", "statement")),
    # table row under a lead-in that names a 2018-only occupation
    ([para("Outlook for health information technologists and medical registrars, 2022-32:"),
      Block("row", "Employment change | 2,500", cells=("Employment change", "2,500"))],
     ("health information technologists and medical registrars", "29-9021", "statement")),
    # stat card, named only in the page title
    ([para("8%"), para("Projected job growth, 2022-2032")], ("Medical Billing Specialists", "43-3021", "page")),
])
def test_each_projection_names_its_occupation_and_the_code_of_its_years(blocks, wanted):
    rows = extract_outlook(page(*blocks, title="Medical Billing Specialists"))
    assert [(row["occupation"], row["occupation_code"], row["occupation_basis"]) for row in rows] == [wanted]


def test_a_figure_with_no_occupation_anywhere_has_none():
    (row,) = extract_outlook(page(para("Jobs in the field will grow 7% from 2023 to 2033."), title="Outlook"))
    assert (row["occupation"], row["occupation_code"], row["occupation_basis"]) == (None, None, None)


def test_a_soc_code_on_its_own_gives_the_code_with_no_occupation_phrase():
    (row,) = extract_outlook(page(para("7%"), para("Job growth 2023-2033 (SOC 29-2072)"), title="Outlook"))
    assert (row["occupation"], row["occupation_code"], row["occupation_basis"]) == (None, "29-2072", "statement")


@pytest.mark.parametrize("blocks", [
    [para("Jobs for medical coders will grow 7% from 2023 to 2033, while jobs for billing clerks will grow 14%.")],
    [para("Projected growth, 2023-2033:"), Block("item", "Medical coders: 7%"),
     Block("item", "Billing clerks: 14%")],
    [para("Projected job growth, 2023-2033 (percent):"),
     Block("row", "Medical coders | 7%", cells=("Medical coders", "7%")),
     Block("row", "Billing clerks | 14%", cells=("Billing clerks", "14%"))],
])
def test_each_projection_takes_the_occupation_named_in_its_clause(blocks):
    rows = extract_outlook(page(*blocks))
    assert [(row["value"], row["occupation"].lower(), row["occupation_code"]) for row in rows] == [
        (7, "medical coders", "29-2072"), (14, "billing clerks", "43-3021")]


@pytest.mark.parametrize("blocks", [
    [para("Jobs for medical coders will grow 7% from 2023 to 2033, while jobs for medical assistants will grow 14%.")],
    [para("Projected growth, 2023-33:"), Block("item", "Medical coders: 7%"), Block("item", "Registered nurses: 6%")],
    [para("Projected growth, 2023-33:"), Block("row", "Medical coders | 7%", cells=("Medical coders", "7%")),
     Block("row", "Licensed practical nurses | 3%", cells=("Licensed practical nurses", "3%"))],
])
def test_a_clinical_occupations_growth_is_left_out(blocks):
    assert [(row["value"], row["occupation_code"]) for row in extract_outlook(page(*blocks))
            if row["measure"] == "growth_percent"] == [(7, "29-2072")]


@pytest.mark.parametrize("declaration", ["SOC: 29-2071.00", "SOC code 29-2071", "Occupation (SOC 29-2071)"])
def test_the_soc_code_a_page_gives_itself_settles_a_name_of_both_editions(declaration):
    rows = extract_outlook(page(para(declaration), para("Projected employment of medical coders in 2024: 217,600"),
                                title="Medical Records and Health Information Technicians"))
    assert [(row["end_year"], row["occupation_code"]) for row in rows] == [(2024, "29-2071")]


def test_a_page_soc_code_that_none_of_the_names_stands_for_is_not_taken():
    rows = extract_outlook(page(para("SOC: 29-9021"), para("Employment of medical coders in 2016: 200,000")))
    assert [(row["end_year"], row["occupation_code"]) for row in rows] == [(2016, "29-2071")]


@pytest.mark.parametrize("text", [
    "Coders held 194,900 jobs in 2023. The number is expected to reach 208,500 by 2033, an increase of 13,600 jobs.",
    "Employment is expected to climb to 208,500 by 2033, an increase of 13,600 jobs.",
    "The number of coding jobs should rise to 208,500 by 2033, a gain of 13,600.",
    "Billing and coding jobs will grow to 208,500 by 2033 — an increase of about 13,600 positions.",
], ids=["the number reaches", "employment climbs to", "rise to, a gain of", "grow to, dash"])
def test_the_level_jobs_reach_is_employment_and_the_increase_after_it_the_change(text):
    got = [(row["measure"], row["value"]) for row in extract_outlook(page(para(text)))]
    assert ("employment", 208_500) in got and ("employment_change", 13_600) in got
    assert ("employment_change", 208_500) not in got


@pytest.mark.parametrize("blocks", [
    [para("$48,780"), Block("heading", "Median Salary (BLS, 2023)"),
     para("7%"), Block("heading", "Job Growth (2023-2033)")],
    [para("$23.45 per hour"), Block("heading", "Median Pay"),
     para("7%"), Block("heading", "Projected Growth, 2023-33")],
    [para("$48,780"), para("Average salary"), para("7%"), para("Job growth 2023-2033"), para("15,000"),
     para("Openings each year")],
], ids=["heading labels", "hourly card before", "paragraph labels"])
def test_a_growth_card_after_a_pay_card_is_not_read_under_the_pay_label(blocks):
    got = facts(extract_outlook(page(*blocks)))
    assert ("growth_percent", 7, 2023, 2033) in got


@pytest.mark.parametrize("block", [
    para("Texas expects employment of medical records specialists to rise from 17,930 in 2022 to 20,640 in 2032, "
         "an increase of 15.1 percent.", "Job Outlook"),
    para("Employment of medical coders is projected to grow 15.1 percent, from 17,930 in 2022 to 20,640 in 2032."),
    Block("item", "Projected growth of 15.1% in coding employment (from 17,930 in 2022 to 20,640 in 2032)",
          headings=("Job Outlook",)),
])
def test_growth_between_two_dated_job_counts_spans_their_years(block):
    assert sorted(facts(extract_outlook(page(block)))) == [
        ("employment", 17930, None, 2022), ("employment", 20640, None, 2032), ("growth_percent", 15.1, 2022, 2032)]


@pytest.mark.parametrize("blocks", [
    [para("Coding jobs should grow 9 percent from 2023 to 2033, much faster than the 4 percent projected for all "
          "occupations.")],
    [para("From 2023 to 2033 coding employment is expected to increase 9%, compared with 4% across all jobs.")],
    [Block("item", "Projected growth, 2023-2033: 9%, versus the 4% expected for all workers", headings=("Outlook",))],
    [para("Coder jobs are projected to grow 9% from 2023 to 2033."),
     para("That is faster than the 4 percent growth expected for all occupations.")],
], ids=["than the", "compared with", "list item", "own sentence"])
def test_a_percentage_a_comparison_leads_up_to_is_the_all_occupations_yardstick(blocks):
    assert facts(extract_outlook(page(*blocks))) == [("growth_percent", 9, 2023, 2033)]


@pytest.mark.parametrize("text", [
    "The country had about 194,300 medical records specialist jobs in 2023.",
    "Employers filled roughly 194,300 coding and records positions in 2023.",
    "Medical coding jobs in 2023: about 194,300 nationwide",
])
def test_a_count_of_jobs_in_a_year_is_employment(text):
    assert facts(extract_outlook(page(para(text)))) == [("employment", 194_300, None, 2023)]


@pytest.mark.parametrize("text", [
    "The BLS projects employment over the 2023 to 2033 decade. In that time the field should grow 9 percent.",
    "Federal projections cover 2023 through 2033. Over those ten years, coder jobs are projected to rise by 9%.",
    "Our figures look ahead from 2023-2033. Across that span, jobs for coders are expected to increase 9 percent.",
])
def test_a_growth_without_years_takes_the_span_the_sentence_before_sets_out(text):
    assert facts(extract_outlook(page(para(text)))) == [("growth_percent", 9, 2023, 2033)]


@pytest.mark.parametrize("text", [
    "Coders held 186,400 jobs in 2023. Employment is projected to grow 9 percent.",
    "Projections run through 2033. Employment is projected to grow 9 percent.",
    "The BLS projects employment from 2023 to 2033. Nursing homes added staff. Coder jobs should grow 9 percent.",
])
def test_a_growth_takes_no_years_from_a_sentence_before_that_gives_no_span_or_is_not_next_to_it(text):
    assert [row[2:] for row in facts(extract_outlook(page(para(text))))
            if row[0] == "growth_percent"] == [(None, None)]
