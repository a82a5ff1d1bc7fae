import pytest

from pipeline.tuition import program_costs


def costs(text):
    return [(money.low, money.high) for money in program_costs(text)]


def test_totals_and_ranges_are_costs():
    assert costs("The program costs $3,400.") == [(3_400, None)]
    assert costs("Expect to pay from $1,500 to $4,000 for training.") == [(1_500, 4_000)]


def test_two_amounts_joined_by_a_range_word_are_one_range():
    assert costs("Programs can cost between $2,000 to $9,000.") == [(2_000, 9_000)]
    assert costs("anywhere from $800 to about $3,000") == [(800, 3_000)]


def test_rates_per_unit_or_credit_are_not_totals():
    assert costs("at $46 per unit, or $1,748 in all") == [(1_748, None)]
    assert costs("tuition of $325 per credit hour") == []


def test_fees_exam_prices_and_wages_are_not_costs():
    assert costs("There is a $99 application fee.") == []
    assert costs("The CPC exam costs $499.") == []
    assert costs("Coders earn $52,000.") == []
    assert costs("Members pay $199.") == []


def test_a_price_in_brackets_after_another_is_of_the_same_kind():
    assert costs("The CPC exam costs $499 ($399 for AAPC students) and has 100 questions.") == []
    assert costs("The certificate program costs $3,200 ($2,900 for residents).") == [(3_200, None), (2_900, None)]


def test_tuition_and_fees_name_the_whole_price():
    assert costs("Tuition and fees | $4,650") == [(4_650, None)]
    assert costs("Tuition and fees for the whole program come to $4,650, books included.") == [(4_650, None)]
    assert costs("The application fee is $50; tuition and fees total $4,000.") == [(4_000, None)]


def test_exam_word_far_from_the_amount_leaves_it_a_cost():
    assert costs("Students of the coding course and final examination may expect to pay $3,000.") == [(3_000, None)]


def test_credits_and_phone_numbers_are_not_money():
    assert costs("The 22 credits run over two terms; call 800-555-0199.") == []


def test_amount_right_after_a_credential_is_its_exam_price():
    assert costs("the AHIMA Certified Coding Associate (CCA) at $299 or the CCS for $399") == []


@pytest.mark.parametrize("text", [
    "The fee is $499, or $399 for students in an approved course.",
    "Registration runs $150 or $100 for early applicants.",
    "Exam fee: $399 (or $299 for members)",
])
def test_a_price_after_or_beside_a_fee_is_a_fee(text):
    assert costs(text) == []


@pytest.mark.parametrize("text", [
    "Cost per credit: $330",
    "Per-credit tuition – $285 for residents",
    "Tuition per credit hour: $410",
])
def test_a_label_that_prices_by_the_unit_makes_a_rate(text):
    assert costs(text) == []


@pytest.mark.parametrize("text", [
    "Books and supplies add about $500 to $1,000.",
    "Effective programs generate $1.5 million in additional revenue.",
    "Federal loans of up to $5,500 a student are available.",
    "Coders with a certificate make $52,000.",
])
def test_supplies_revenue_loans_and_pay_are_not_program_costs(text):
    assert costs(text) == []
