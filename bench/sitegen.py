"""Generate a large local site of realistic career articles (chrome included, facts inside)."""

from __future__ import annotations

import random
from pathlib import Path

STATES = ["Texas", "Ohio", "Florida", "Georgia", "Oregon", "Nevada", "Maine", "Iowa", "Utah", "Kansas"]
CREDENTIALS = [("CPC", "AAPC"), ("CCS", "AHIMA"), ("CCA", "AHIMA"), ("CBCS", "NHA"), ("CPB", "AAPC")]
COURSES = ["Medical Terminology", "Anatomy and Physiology", "ICD-10-CM Coding", "CPT Coding",
           "Healthcare Reimbursement", "Pharmacology Basics", "Medical Law and Ethics"]
LISTING_SIZE = 100
PROSE = [
    "A coder's day starts with a queue of encounters: office visits, imaging reports and operative notes that "
    "each need diagnosis and procedure codes before a claim can leave the building.",
    "Good coders read the whole note, not just the assessment, because a missed modifier or an unlisted "
    "comorbidity changes both the payment and the quality data that the practice reports.",
    "Questions for the physician are part of the job; a short, neutral query that cites the documentation gets "
    "answered faster than a long one, and it keeps the record defensible in an audit.",
    "Billing staff pick up where coding leaves off, checking eligibility, posting payments, working denials and "
    "explaining statements to patients who are confused about what they owe.",
    "Many employers test applicants with a coding sample of ten to twenty charts, so practising with real-world "
    "notes from a textbook or a practicum site is worth the time before interviews begin.",
    "Remote work became common after the pandemic, although most remote positions still expect a proven record "
    "of accuracy, a quiet workspace and a secure internet connection provided by the coder.",
    "Continuing education keeps a credential active; webinars, chapter meetings and online quizzes all count, and "
    "planning them across the two-year cycle avoids a rush in the final month.",
    "Specialty credentials in areas such as cardiology or surgery can raise pay once a coder has worked in that "
    "department long enough to know its procedures and documentation habits well.",
]

CHROME_TOP = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | Coder Atlas</title>
<link rel="stylesheet" href="/style.css"></head><body>
<div id="cookie-consent">We use cookies to measure readers of Coder Atlas. <button>OK</button></div>
<header class="site-header"><a href="/index.html">Coder Atlas</a>
<nav class="main-nav"><ul>{nav}</ul></nav></header>
<div class="ad-slot">ADVERTISEMENT: Become a coder in 8 weeks and earn $92,000 from home.
97% pass rate guaranteed!</div>
<main><article class="post">
"""
CHROME_BOTTOM = """</article></main>
<aside class="sidebar"><div class="widget"><h4>Popular this week</h4><ul>{popular}</ul></div>
<div class="widget salary-widget">Salary calculator: coders in Alaska earn up to $88,400.
12% raises reported.</div></aside>
<div class="related-posts"><h4>Related articles</h4><ul>{related}</ul></div>
<div class="newsletter-signup">Join 52,000 readers. Weekly tips, no spam.</div>
<footer class="site-footer">&copy; 2026 Coder Atlas Media. All rights reserved. Call 1-800-555-0187.
<a href="/about.html">About</a> <a href="https://example.org/privacy">Privacy</a></footer></body></html>
"""


def article(n: int, total: int, rng: random.Random) -> str:
    """One article of about 8 KB with wage, outlook, exam, program and course facts."""
    code, issuer = CREDENTIALS[n % len(CREDENTIALS)]
    median = rng.randrange(38_000, 62_000, 10)
    hourly = round(median / 2080, 2)
    growth = rng.randint(3, 12)
    fee = rng.choice([299, 349, 399, 425, 499])
    months = rng.choice([6, 9, 12, 18, 24])
    cost = rng.randrange(2_000, 18_000, 50)
    state_rows = "".join(f"<tr><td>{s}</td><td>${rng.randrange(36_000, 64_000, 10):,}</td></tr>"
                         for s in rng.sample(STATES, 5))
    courses = "".join(f"<li>{c}</li>" for c in rng.sample(COURSES, 4))
    title = f"Medical coding career guide {n}: the {code} path"
    body = f"""<h1>{title}</h1>
<p class="lead">Guide {n} looks at one route into medical billing and coding, what it pays, and how long it takes.
Readers who plan carefully, compare schools, and budget for the exam tend to finish sooner.</p>
<h2>Pay</h2>
<p>The median annual wage for medical records specialists was ${median:,} in May 2023, according to the Bureau
of Labor Statistics. That is about ${hourly:.2f} per hour for a full-time schedule.</p>
<p>Pay varies with setting, experience and region; hospitals and insurers often pay more than small practices,
while remote roles usually ask for two or more years of coding experience before they will consider a candidate.</p>
<h3>Annual mean wage by state</h3>
<table><thead><tr><th>State</th><th>Annual mean wage</th></tr></thead><tbody>{state_rows}</tbody></table>
<h2>Job outlook</h2>
<p>Employment of medical records specialists is projected to grow {growth} percent from 2023 to 2033, with
about {rng.randrange(12_000, 16_000, 100):,} openings projected each year, on average, over the decade.</p>
<h2>The {code} exam</h2>
<p>The {code} credential is awarded by {issuer}. The exam fee is ${fee}, and the test has
{rng.choice([100, 115, 141])} questions to answer in {rng.choice([3, 4, 5])} hours. Candidates should review
official guidelines, practice with timed sections, and bring the approved code books on exam day.</p>
<h2>Training</h2>
<p>Lakeview Technical College {n} offers an online certificate in medical billing and coding that takes
{months} months and costs ${cost:,} in tuition; it prepares students for the {code} exam.</p>
<p>Most certificate programs take between 9 and 18 months to complete, and a typical program costs
$3,000 to $15,000 in total.</p>
<h3>Courses you will take</h3>
<ul>{courses}</ul>
<p>Students also practise abstracting records, assigning diagnosis and procedure codes, and checking claims
before submission, which builds the accuracy employers look for when they review coding samples.</p>
<h2>On the job</h2>
{"".join(f"<p>{p}</p>" for p in rng.sample(PROSE, 6))}
<p>Study plans work best when broken into weekly goals: one chapter of guidelines, one set of practice
cases and one timed quiz, with a review session at the end of each month to revisit weak areas.</p>
"""
    nav = "".join(f'<li><a href="/listing-{i}.html">Section {i} of the guide library</a></li>' for i in range(1, 31))
    popular = "".join(f'<li><a href="/articles/guide-{(n * 7 + i) % total}.html">Popular guide {i}</a></li>'
                      for i in range(1, 6))
    related = "".join(f'<li><a href="/articles/guide-{(n + i) % total}.html">Guide {(n + i) % total}</a></li>'
                      for i in (1, 2, 3, 17, 101))
    return CHROME_TOP.format(title=title, nav=nav) + body + CHROME_BOTTOM.format(popular=popular, related=related)


def listing(page: int, pages: int, total: int) -> str:
    start = (page - 1) * LISTING_SIZE
    items = "".join(f'<li><a href="/articles/guide-{i}.html">Medical coding career guide {i}</a></li>'
                    for i in range(start, min(start + LISTING_SIZE, total)))
    pager = "".join(f'<a href="/listing-{p}.html">{p}</a> ' for p in range(1, pages + 1))
    body = f"<h1>All guides, page {page}</h1><ul>{items}</ul><p>Pages: {pager}</p>"
    return CHROME_TOP.format(title=f"Guides page {page}", nav="") + body + CHROME_BOTTOM.format(popular="",
                                                                                              related="")


def generate(out: Path, total: int = 5000, seed: int = 2026) -> Path:
    """Write ``total`` articles, listing pages and an index under ``out``; returns the index path."""
    rng = random.Random(seed)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    for n in range(total):
        (out / "articles" / f"guide-{n}.html").write_text(article(n, total, rng), encoding="utf-8")
    pages = -(-total // LISTING_SIZE)
    for p in range(1, pages + 1):
        (out / f"listing-{p}.html").write_text(listing(p, pages, total), encoding="utf-8")
    links = "".join(f'<li><a href="/listing-{p}.html">Guides page {p}</a></li>' for p in range(1, pages + 1))
    (out / "index.html").write_text(f"<html><body><main><h1>Coder Atlas</h1><ul>{links}</ul></main></body></html>")
    (out / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    return out / "index.html"
