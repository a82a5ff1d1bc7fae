import pytest

from pipeline.clean import clean_html

LEAD = "<p>Medical coders turn each visit into codes that insurers pay, working from charts and notes.</p>"
TAIL = "<h2>What Coders Earn</h2><p>Coders earn a median of $48,000 a year, more in hospitals than in clinics.</p>"


def texts(body: str) -> list[str]:
    """The block texts of an article holding ``body`` between two paragraphs of its own."""
    html = f"<html><head><title>T</title></head><body><article>{LEAD}{body}{TAIL}</article></body></html>"
    return [block.text for block in clean_html(html, "http://127.0.0.1/a").blocks][1:-2]


@pytest.mark.parametrize("body", [
    "<p>Advertisement</p>",
    "<div>ADVERTISEMENT</div>",
    "<h4>– Sponsored Content –</h4>",
    "<p><span>AD</span></p>",
    "<ul><li>Story continues below advertisement</li></ul>",
    "<p>Continue Reading Below</p>",
    "<p>Advertising Disclosure</p>",
])
def test_ad_labels_inside_the_article_go(body):
    assert texts(body) == []


@pytest.mark.parametrize("body", [
    # a heading over a list of links
    "<h3>Related Articles</h3><ul><li><a href='/x'>How to Become a Coder</a></li>"
    "<li><a href='/y'>Billing or Coding: Which Pays More?</a></li></ul>",
    # a label line over title paragraphs, each with its date
    "<p>You may also like:</p><p><a href='/x'>Five Coding Certifications Compared</a></p><p>March 3, 2024</p>"
    "<p><a href='/y'>Is Remote Coding Right for You?</a></p>",
    # titles set as headings of the same rank as the label
    "<h2>Read More</h2><h2>How Long Is Coding School?</h2><h2>Coder Salaries in Every State</h2>",
    # a lone link to another article
    "<p><strong>Related:</strong> <a href='/x'>The CPC Exam, Step by Step</a></p>",
    "<p>READ MORE: <a href='/x'>Ten Tips for New Billers</a></p>",
])
def test_teaser_lists_and_links_to_other_articles_go(body):
    assert texts(body) == []


@pytest.mark.parametrize("teasers", [
    "<h2>You May Also Like</h2><h2>How to Pass the CPC Exam</h2><p>10 Remote Coding Jobs</p>",
    "<p>Related articles:</p><p>7 Coding Myths</p><h3>Billing Jobs From Home</h3><p>June 2, 2024</p>",
    "<h3>More Stories</h3><ul><li>Coder or Biller?</li></ul><h3>Coding Bootcamps Reviewed</h3>",
    "<h2>More from Coding Careers Weekly</h2><p>Ten Questions for a Coding Manager</p>",
])
def test_a_teaser_list_ending_the_article_goes_whatever_its_markup(teasers):
    html = f"<html><body><article>{LEAD * 3}{teasers}</article></body></html>"
    assert [block.text for block in clean_html(html, "http://127.0.0.1/a").blocks] == [
        "Medical coders turn each visit into codes that insurers pay, working from charts and notes."] * 3


def test_the_article_goes_on_after_a_teaser_list():
    body = ("<h3>Related Posts</h3><ul><li>Coding Jobs From Home</li><li>What Is a Superbill?</li></ul>"
            "<p>Back to coding: most coders also learn the basics of billing.</p>")
    assert texts(body) == ["Back to coding: most coders also learn the basics of billing."]


@pytest.mark.parametrize("body", [
    "<p>By Jane Doe, CPC | Updated March 3, 2024</p>",
    "<div>by Editorial Staff</div>",
    "<p>Written by Dr. Amy R. Lopez, RHIA · Health Information Manager · 6 min read</p>",
    "<h2>Reviewed by Carl Ong, CCS - Published 04/12/2023</h2>",
    "<p>Last updated: June 5, 2025</p>",
    "<p>Posted on 2024-01-19 | 3 comments</p>",
    "<p>Published March 3, 2023 by Admin</p>",
])
def test_bylines_and_date_stamps_go(body):
    assert texts(body) == []


@pytest.mark.parametrize("body", [
    "<p>Share this article: Facebook Twitter LinkedIn Email</p>",
    "<ul><li>Tweet</li><li>Share</li><li>Pin it</li></ul>",
    "<div>12 Shares</div>",
    "<p>© 2025 Example Careers Media. All rights reserved.</p>",
    "<p>Copyright © 2019 Example Media</p>",
])
def test_share_bars_and_copyright_lines_go(body):
    assert texts(body) == []


@pytest.mark.parametrize("body", [
    "<h2>Table of Contents</h2><ol><li>Who Coders Are</li><li>What Coders Earn</li></ol>",
    "<p><strong>In this guide:</strong></p><ul><li><a href='#earn'>1. What Coders Earn</a></li></ul>",
    # no label: the items name the headings below them
    "<ul><li>Who Coders Are</li><li>Where They Work</li><li>What Coders Earn</li></ul>"
    "<h2>Who Coders Are</h2><p>Coders read charts.</p><h2>Where They Work</h2><p>Most work in offices.</p>",
])
def test_tables_of_contents_go_and_the_sections_they_list_stay(body):
    kept = texts(body)
    assert not any("Coders Earn" in text for text in kept)
    html = f"<html><body><article>{LEAD}{body}{TAIL}</article></body></html>"
    assert "What Coders Earn" in [block.text for block in clean_html(html, "http://127.0.0.1/a").blocks]


def test_contents_label_over_headings_stops_at_the_section_it_lists():
    body = ("<h2>In This Guide</h2><h2>What Coders Do</h2><h2>Where Coders Work</h2>"
            "<h2>What Coders Do</h2><h3>Key Facts</h3><ul><li>Most coders work full time.</li></ul>")
    assert texts(body) == ["What Coders Do", "Key Facts", "Most coders work full time."]


@pytest.mark.parametrize("body", [
    "<h3>By State</h3><table><tr><td>Ohio</td><td>$45,000</td></tr></table>",
    "<h3>By Work Setting</h3><p>Hospitals pay coders the most.</p>",
    "<p>By 2032, employment of coders is projected to grow 8 percent.</p>",
    "<p>Recommended:</p><ul><li>Two years of coding experience</li><li>An associate degree</li></ul>",
    "<h3>Related Careers</h3><ul><li>Medical records specialist</li><li>Health information technician</li></ul>",
    "<p>Many schools advertise online programs that cost less than $3,000 and take under a year.</p>",
    "<ul><li>Pediatrics</li><li>Cardiology</li><li>Oncology</li></ul>",
])
def test_article_text_that_resembles_chrome_stays(body):
    kept = texts(body)
    assert kept and all(text in body or text in body.replace("</td><td>", " | ") for text in kept)
    assert len(kept) == body.count("<p>") + body.count("<li>") + body.count("<h3>") + body.count("<tr>")


def test_blocks_under_a_dropped_heading_do_not_carry_it():
    html = ("<html><body><article>" + LEAD * 2 + "<h3>Related Articles</h3><ul><li>Coding Jobs</li></ul>"
            "<p>Coders earn more with a credential, employers say.</p></article></body></html>")
    last = clean_html(html, "http://127.0.0.1/a").blocks[-1]
    assert last.text.startswith("Coders earn") and "Related Articles" not in last.headings
