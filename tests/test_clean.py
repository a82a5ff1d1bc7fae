import pytest

from pipeline.clean import clean_html

PROSE = "<p>" + "Coders assign codes to diagnoses, procedures and services, every working day. " * 4 + "</p>"


@pytest.mark.parametrize(("tail", "in_main"), [("b" * 99, False), ("b" * 100, True)])
def test_a_landmark_is_the_main_content_from_two_hundred_characters_of_text(tail, in_main):
    # soft hyphens and runs of whitespace do not count: the landmark's text is read as it will be kept
    landmark = f"<main><p>{'a' * 50}\u00ad{'a' * 49}\n\n  </p><p>  {tail}</p></main>"
    page = clean_html(f"<html><body>{landmark}<div>{PROSE}{PROSE}</div></body></html>", "https://example.org/")
    assert (page.blocks[0].text == "a" * 99) is in_main


def blocks_of(body: str) -> list[str]:
    html = f"<html><head><title>T</title></head><body><main>{body}</main></body></html>"
    return [block.text for block in clean_html(html, "http://127.0.0.1/p").blocks]


def test_inline_markup_runs_on_into_the_punctuation_after_it():
    texts = blocks_of('<p>Pay is <strong>$47,740</strong>, says the <a href="/bls">Bureau of Labor Statistics</a>.'
                      ' Ask <em>AAPC</em>&#8217;s staff.</p>')
    assert texts == ["Pay is $47,740, says the Bureau of Labor Statistics. Ask AAPC’s staff."]


def test_line_breaks_and_block_elements_keep_words_apart():
    texts = blocks_of("<h2>Coder<br>Biller</h2><table><tr><th>State</th><th>Wage</th></tr>"
                      "<tr><td><p>Ohio</p><p>(metro)</p></td><td>$45,000</td></tr></table>"
                      "<ul><li><p>CPC</p><p>AAPC</p></li></ul>")
    assert texts == ["Coder Biller", "State | Wage", "Ohio (metro) | $45,000", "CPC AAPC"]


def test_text_beside_a_nested_block_is_its_own_paragraph():
    texts = blocks_of("<div>Intro text<div>Inner block</div>tail words</div>")
    assert texts == ["Intro text", "Inner block", "tail words"]


def test_chrome_is_named_by_whole_words_of_a_class_or_id():
    texts = blocks_of('<p class="site-footer">a</p><p id="nav_main">b</p><p class="navy header">c</p>'
                      '<p class="Sidebar2">d</p><p role="Navigation">e</p><p style="color: red">f</p>')
    assert texts == ["c", "f"]


@pytest.mark.parametrize(("words", "in_main"), [(66, False), (67, True)])
def test_a_landmark_read_in_many_pieces_is_measured_as_it_will_be_kept(words, in_main):
    # "<b>a</b>b" is one word across two pieces of text: 67 of them, one space apart, make 200 characters
    landmark = "<main><p>" + "<b>a</b>b \n " * words + "</p></main>"
    page = clean_html(f"<html><body>{landmark}<div>{PROSE}{PROSE}</div></body></html>", "https://example.org/")
    assert page.blocks[0].text.startswith("ab ab") is in_main


def test_hidden_elements_are_dropped_whichever_attribute_hides_them():
    texts = blocks_of('<p hidden>a</p><p aria-hidden="TRUE">b</p><p aria-hidden="false">c</p>'
                      '<p style="display : none">d</p><p style="Visibility:hidden">e</p><p title="nav">f</p>')
    assert texts == ["c", "f"]


def test_control_characters_in_a_page_read_as_spaces():
    html = ("<main><h1>Pay\x0bscale</h1>"
            "<p>Coders earn\x0c$48,000 a year,\x00 more than clerks in\x1f most states do.</p></main>")
    page = clean_html(html, "http://127.0.0.1/a")
    assert [block.text for block in page.blocks] == [
        "Pay scale", "Coders earn $48,000 a year, more than clerks in most states do."]


def test_cells_spanning_columns_or_rows_fill_each_column_and_row_they_span():
    html = ("<html><body><main>" + PROSE + "<table><thead>"
            "<tr><th rowspan='2'>Occupation</th><th rowspan='2'>Jobs, 2022</th>"
            "<th colspan='2'>Change, 2022-32</th></tr>"
            "<tr><th>Percent</th><th>Numeric</th></tr></thead>"
            "<tr><td rowspan='2'>Coders</td><td>186,400</td><td>8</td><td>14,300</td></tr>"
            "<tr><td>186,000</td><td>7</td><td>13,900</td></tr></table></main></body></html>")
    rows = [block for block in clean_html(html, "http://127.0.0.1/p").blocks if block.kind == "row"]
    assert [row.cells for row in rows] == [
        ("Occupation", "Jobs, 2022", "Change, 2022-32", "Change, 2022-32"),
        ("Occupation", "Jobs, 2022", "Percent", "Numeric"),
        ("Coders", "186,400", "8", "14,300"),
        ("Coders", "186,000", "7", "13,900"),
    ]
    assert [row.text for row in rows][::2] == ["Occupation | Jobs, 2022 | Change, 2022-32",
                                               "Coders | 186,400 | 8 | 14,300"]
