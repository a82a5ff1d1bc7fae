#!/usr/bin/env python3
"""Regenerate the bundled demo site, demo/expected.json and demo/gold.jsonl.

Usage: python demo/build_site.py

The site under demo/site/ is committed; this script only exists so that the
pages, the expectations the tests read and the gold facts stay in step when
someone edits the content. All text is original writing for this project; the
schools and the "Allied Credential Council" are invented, and the figures are
realistic but illustrative.

Three site styles share the host:
  * /guides/...          "CodeCareer Compass", a career-guide blog (semantic
                         <article>/<main> in some pages, a bare <div id="content">
                         in others)
  * /programs/...        "SchoolScout", a program directory built only from
                         non-semantic <div>s, with paginated listings
  * /certifications/...  the invented "Allied Credential Council" reference
                         library (header/nav/main/aside/footer, quick-fact <dl>s
                         and exam-fact tables)
"""
from __future__ import annotations

import json
import pathlib
import struct
import zlib

HERE = pathlib.Path(__file__).resolve().parent
SITE = HERE / "site"

PAGES: list[dict] = []


def page(path, style, title, body, *, variant="article", gold=(), head="", encoding="utf-8"):
    PAGES.append(dict(path=path, style=style, title=title, body=body, variant=variant,
                      gold=list(gold), head=head, encoding=encoding))


# ---------------------------------------------------------------- gold helpers
def W(occupation, statistic, amount, period, as_of, by, qualifier, ev):
    return dict(kind="wage", occupation=occupation, statistic=statistic, amount=amount, period=period,
                as_of=as_of, attributed_to=by, qualifier=qualifier, evidence=ev)


def Out(occupation, measure, value, start, end, by, ev, qualifier=None):
    return dict(kind="outlook", occupation=occupation, measure=measure, value=value, start_year=start,
                end_year=end, attributed_to=by, qualifier=qualifier, evidence=ev)


def C(code, name, issuer, ev):
    return dict(kind="credential", code=code, name=name, issuer=issuer, evidence=ev)


def R(cred, typ, req, ev, rec=False, months=None):
    d = dict(kind="requirement", credential=cred, type=typ, requirement=req, evidence=ev, recommended=rec)
    if months is not None:
        d["months"] = months
    return d


def E(cred, attr, value, unit, ev, qual=None):
    d = dict(kind="exam", credential=cred, attribute=attr, value=value, unit=unit, evidence=ev)
    if qual:
        d["qualifier"] = qual
    return d


def P(inst, name, awarded, accreditors, online, cost, credits, months, prepares, ev):
    return dict(kind="program", institution=inst, program_name=name, credential_awarded=awarded,
                accreditors=accreditors, online=online, cost_usd=cost, credits=credits,
                duration_months=months, prepares_for=prepares, evidence=ev)


def PC(awarded, lo, hi, ev):
    return dict(kind="program_cost", credential_awarded=awarded, min_usd=lo, max_usd=hi, evidence=ev)


def PD(awarded, lo, hi, ev):
    return dict(kind="program_duration", credential_awarded=awarded, min_months=lo, max_months=hi, evidence=ev)


def M(kind, name, ev):
    return dict(kind=kind, name=name, evidence=ev)


def courses(names, ev=None):
    return [M("course", n, ev or n) for n in names]


# ------------------------------------------------------------------ chrome
GUIDE_LINKS = [
    ("/guides/how-to-become-a-medical-coder.html", "How to become a medical coder"),
    ("/guides/medical-billing-vs-medical-coding.html", "Billing vs. coding"),
    ("/guides/cpc-vs-ccs.html", "CPC vs. CCS"),
    ("/guides/remote-medical-coding-jobs.html", "Remote coding jobs"),
    ("/guides/medical-coder-salary-by-state.html", "Coder pay by state"),
    ("/guides/coding-salary-by-credential.html", "Pay by credential"),
    ("/guides/medical-records-job-outlook.html", "Job outlook"),
    ("/guides/medical-coding-courses.html", "Courses you will take"),
    ("/guides/coding-exam-prep-tips.html", "Exam prep tips"),
    ("/guides/where-medical-coders-work.html", "Where coders work"),
    ("/guides/code-sets-explained.html", "The code sets explained"),
    ("/guides/medical-coding-job-titles.html", "Job titles"),
    ("/guides/coding-school-cost.html", "What school costs"),
    ("/guides/denial-management-basics.html", "Denial management basics"),
    ("/guides/career-changer-stories.html", "Career changer stories"),
]

COMPASS_TOP = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | CodeCareer Compass</title>
<link rel="stylesheet" href="/css/compass.css">
<link rel="icon" href="/img/logo.png">
{head}</head>
<body class="compass">
<div id="cookie-consent" class="cookie-banner">
  <p>We use cookies to personalise your CodeCareer Compass reading experience and to measure our ads.
  <a href="/guides/blog.html" class="btn-accept">Accept all</a> <a href="https://example.org/privacy">Manage preferences</a></p>
</div>
<header class="masthead">
  <a class="brand" href="/index.html"><img src="/img/logo.png" alt="CodeCareer Compass" width="16" height="16"> CodeCareer Compass</a>
  <p class="tagline">Compass tip: certified coders out-earn the rest by 27% in our reader poll</p>
  <nav class="topnav">
    <ul>
      <li><a href="/index.html">Home</a></li>
      <li><a href="/guides/blog.html">Career Guides</a></li>
      <li><a href="/programs/index.html">Find a Program</a></li>
      <li><a href="/certifications/credentials-overview.html">Certifications</a></li>
      <li><a href="/private/trap.html">Member login</a></li>
      <li><a href="https://example.org/shop">Shop study guides</a></li>
    </ul>
  </nav>
</header>
<div class="ad-slot leaderboard">ADVERTISEMENT &mdash; Launch a coding career in 10 weeks and earn $75,000 from home! 95% job placement guaranteed.
  <a href="https://example.org/ads/click?id=4471" rel="sponsored">Enroll today</a></div>
"""

COMPASS_SHARE = """<div class="share-bar">Share this guide: <a href="https://example.org/share?net=fb">Facebook</a> &middot; <a href="https://example.org/share?net=li">LinkedIn</a> &middot; 2.4k shares</div>
"""

COMPASS_AUTHOR = """<div class="author-box"><img src="/img/logo.png" alt="" width="16" height="16"> Written by the Compass editorial desk. Reviewed for accuracy every quarter.</div>
"""


def compass_related(path):
    others = [link for link in GUIDE_LINKS if link[0] != path]
    i = sum(map(ord, path)) % len(others)
    picks = (others + others)[i:i + 3]
    items = "\n".join(f'    <li><a href="{h}">{t}</a></li>' for h, t in picks)
    return f"""<div class="related-posts">
  <h4>Related articles</h4>
  <ul>
{items}
  </ul>
</div>
"""


COMPASS_SIDEBAR = """<aside class="sidebar">
  <div class="widget popular-posts">
    <h3>Popular posts</h3>
    <ol>
      <li><a href="/guides/remote-medical-coding-jobs.html">Remote coding jobs</a></li>
      <li><a href="/guides/cpc-vs-ccs.html">CPC vs. CCS</a></li>
      <li><a href="/guides/medical-coder-salary-by-state.html">Coder pay by state</a></li>
    </ol>
  </div>
  <div class="widget salary-widget">
    <h3>Salary calculator</h3>
    <p>Salary calculator: coders earn up to $90,000 with three credentials and 5 years on the job.</p>
    <a href="https://example.org/calculator">Try the calculator</a>
  </div>
</aside>
"""

COMPASS_BOTTOM = """<div class="newsletter-signup">
  <h4>Get the Compass Weekly</h4>
  <p>Join 40,000 readers who get our free coding-career newsletter every Tuesday.</p>
  <form action="https://example.org/subscribe" method="post"><input type="email" name="email" placeholder="you@example.com"><button>Subscribe</button></form>
</div>
<footer class="site-footer">
  <p>&copy; 2026 CodeCareer Compass Media LLC. All rights reserved.</p>
  <p>Questions about a guide? Call 1-800-555-0199, Monday to Friday.</p>
  <p><a href="https://example.org/terms">Terms</a> | <a href="https://example.org/privacy">Privacy</a> | <a href="/downloads/coding-checklist.pdf">Free checklist (PDF)</a> | <a href="/private/trap.html">Staff area</a></p>
</footer>
</body>
</html>
"""


def render_compass(p):
    charset = "windows-1252" if p["encoding"] == "cp1252" else "utf-8"
    out = [COMPASS_TOP.format(charset=charset, title=p["title"], head=p["head"])]
    if p["variant"] == "article":
        out.append('<main class="page-main">\n<article class="post">\n')
        out.append(COMPASS_SHARE)
        out.append(p["body"])
        out.append(COMPASS_AUTHOR)
        out.append(compass_related(p["path"]))
        out.append("</article>\n</main>\n")
        out.append(COMPASS_SIDEBAR)
    else:  # bare div#content, no semantic landmarks around the text
        out.append('<div id="wrapper">\n<div id="content" class="entry">\n')
        out.append(COMPASS_SHARE)
        out.append(p["body"])
        out.append(COMPASS_AUTHOR)
        out.append("</div>\n")
        out.append(COMPASS_SIDEBAR.replace("<aside", '<div id="sidebar"').replace("</aside>", "</div>"))
        out.append(compass_related(p["path"]))
        out.append("</div>\n")
    out.append(COMPASS_BOTTOM)
    return "".join(out)


SCOUT_TOP = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} - SchoolScout</title>
<link rel="stylesheet" href="/css/scout.css">
{head}</head>
<body>
<div class="scout-top">
  <div class="scout-logo"><a href="/index.html"><img src="/img/logo.png" alt="SchoolScout" width="16" height="16">SchoolScout</a></div>
  <div class="scout-menu">
    <a href="/programs/index.html">All programs</a> <a href="/guides/blog.html">Advice</a>
    <a href="/certifications/credentials-overview.html">Credentials</a> <a href="https://example.org/scout/sign-in">Sign in</a>
  </div>
</div>
<div id="cookie-notice" class="consent-strip">SchoolScout remembers your saved schools with cookies. <span class="ok-btn">Got it</span></div>
<div class="scout-wrap">
<div class="scout-crumbs"><a href="/index.html">Home</a> &rsaquo; <a href="/programs/index.html">Programs</a> &rsaquo; {crumb}</div>
<div class="listing-body">
"""

SCOUT_BOTTOM = """</div>
<div class="promo-box">Sponsored listing: Apex Fast-Track Coding. Graduates report starting pay of $62,000 and 98% of graduates placed within 90 days. <a href="https://example.org/apex?ref=scout">Request info</a></div>
<div class="scout-rail">
  <div class="rail-box"><b>Tuition tracker</b><br>Compare up to 4 schools and save an average of $4,200.</div>
  <div class="rail-box"><b>Recently viewed</b><br><a href="/programs/page-2.html">More programs</a><br><a href="/programs/page-3.html">Even more programs</a></div>
</div>
</div>
<div class="scout-foot">
  SchoolScout is an independent directory; schools may pay to be featured. &copy; 2026 SchoolScout Directory Inc. All rights reserved.
  Advisors: 1-888-555-0142. <a href="https://example.org/scout/terms">Terms</a> <a href="/private/trap.html">Admin</a>
</div>
</body>
</html>
"""


def render_scout(p):
    crumb = p["title"]
    return SCOUT_TOP.format(title=p["title"], head=p["head"], crumb=crumb) + p["body"] + SCOUT_BOTTOM


COUNCIL_TOP = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} &ndash; Credential Reference</title>
<link rel="stylesheet" href="/css/council.css">
{head}</head>
<body class="cc-body">
<a class="skip" href="#main-content">Skip to content</a>
<header class="cc-header" role="banner">
  <div class="cc-brand"><img src="/img/logo.png" alt="" width="16" height="16"> Allied Credential Council Reference Library</div>
  <nav class="cc-nav" aria-label="Primary">
    <a href="/index.html">Home</a>
    <a href="/certifications/credentials-overview.html">All credentials</a>
    <a href="/certifications/exam-facts-comparison.html">Compare exams</a>
    <a href="/certifications/ceu-renewal-guide.html">Renewal</a>
    <a href="https://example.org/council/donate">Support us</a>
  </nav>
</header>
<div class="cc-alert" role="status">Notice: Testing centers close December 24-26. Candidate hold line 1-877-555-0123.</div>
<nav class="cc-breadcrumb" aria-label="Breadcrumb"><a href="/index.html">Home</a> / <a href="/certifications/credentials-overview.html">Credentials</a> / {crumb}</nav>
<div class="cc-layout">
<main id="main-content">
<section class="cc-page">
"""

COUNCIL_BOTTOM = """</section>
</main>
<aside class="cc-related" role="complementary">
  <h2>Council Quick Links</h2>
  <ul>
    <li><a href="/certifications/cpc-certified-professional-coder.html">CPC</a></li>
    <li><a href="/certifications/cca-certified-coding-associate.html">CCA</a></li>
    <li><a href="/certifications/cbcs-billing-and-coding-specialist.html">CBCS</a></li>
  </ul>
  <p class="cc-promo">Council supporters save $150 on every exam voucher bundle.</p>
</aside>
</div>
<footer class="cc-footer">
  <p>&copy; 2026 Allied Credential Council. All rights reserved. The Council is not a credentialing body.</p>
  <p><a href="https://example.org/council/accessibility">Accessibility</a> &middot; <a href="https://example.org/council/contact">Contact</a></p>
</footer>
</body>
</html>
"""


def render_council(p):
    return COUNCIL_TOP.format(title=p["title"], head=p["head"], crumb=p["title"]) + p["body"] + COUNCIL_BOTTOM


RENDER = {"guides": render_compass, "programs": render_scout, "certifications": render_council}

CHROME_MARKERS = {
    "guides": [
        "We use cookies to personalise your CodeCareer Compass",
        "Compass tip: certified coders out-earn the rest",
        "ADVERTISEMENT",
        "earn $75,000 from home",
        "95% job placement guaranteed",
        "Share this guide",
        "2.4k shares",
        "Written by the Compass editorial desk",
        "Popular posts",
        "Salary calculator: coders earn up to $90,000",
        "Related articles",
        "Join 40,000 readers",
        "Get the Compass Weekly",
        "2026 CodeCareer Compass Media LLC. All rights reserved.",
        "1-800-555-0199",
    ],
    "programs": [
        "SchoolScout remembers your saved schools",
        "Sponsored listing: Apex Fast-Track Coding",
        "starting pay of $62,000",
        "98% of graduates placed",
        "Tuition tracker",
        "save an average of $4,200",
        "Recently viewed",
        "2026 SchoolScout Directory Inc. All rights reserved.",
        "1-888-555-0142",
    ],
    "certifications": [
        "Allied Credential Council Reference Library",
        "Skip to content",
        "Testing centers close December 24-26",
        "1-877-555-0123",
        "Council Quick Links",
        "save $150 on every exam voucher bundle",
        "2026 Allied Credential Council. All rights reserved.",
    ],
}

# ======================================================================
# Home page
# ======================================================================
page("/index.html", "guides", "Medical Billing and Coding Careers", """<h1>Medical billing and coding careers, explained</h1>
<p>This site gathers plain-language guides, a directory of training programs and a reference library of billing and coding credentials.
Start with whichever question you have today.</p>
<h2>Career guides</h2>
<p>Our <a href="/guides/blog.html">career guide index</a> covers how to get started, pay, job outlook, courses and exam preparation.
New readers usually begin with <a href="/guides/how-to-become-a-medical-coder.html">how to become a medical coder</a>.</p>
<h2>Training programs</h2>
<p>Browse <a href="/programs/index.html">coding and billing programs</a> at community colleges, career schools and online academies, with cost, length and accreditation for each.</p>
<h2>Certifications</h2>
<p>The <a href="/certifications/credentials-overview.html">credential reference</a> lists eligibility, exam facts and renewal rules for CPC, CCA, CCS, CBCS, RHIT and more.</p>
<h2>Useful downloads and outside sources</h2>
<ul>
<li><a href="/downloads/coding-checklist.pdf">Coding career checklist (PDF)</a></li>
<li><a href="https://www.bls.gov/ooh/healthcare/medical-records-and-health-information-technicians.htm">Occupational Outlook Handbook entry</a></li>
<li><a href="https://www.aapc.com/certifications/cpc">AAPC certification pages</a></li>
<li><a href="https://www.ahima.org/certification-careers/certifications-overview/">AHIMA certification pages</a></li>
</ul>
<p class="small">Editors can reach the <a href="/private/trap.html">draft archive</a> after signing in.</p>
""", variant="content")

# ======================================================================
# Guides
# ======================================================================
blog_items = "\n".join(
    f'<li><a href="{h}">{t}</a></li>' for h, t in GUIDE_LINKS)
page("/guides/blog.html", "guides", "Career Guides", f"""<h1>Career guides for billers and coders</h1>
<p>Every guide on this page is written for someone weighing a move into medical billing or coding.
We update the pay and outlook articles whenever new federal figures are published.</p>
<ul class="post-list">
{blog_items}
</ul>
""", variant="content")

page("/guides/how-to-become-a-medical-coder.html", "guides", "How to Become a Medical Coder", """<h1>How to Become a Medical Coder: A Four-Step Plan</h1>
<p class="dek">A practical route from a first class to a first coding job.</p>
<p>Medical coders translate what clinicians write in a chart into standard codes that insurers and public health agencies can process.</p>
<h2>Step 1: Finish high school</h2>
<p>Almost every coding program and certification exam expects you to hold a high school diploma or GED before you enroll.</p>
<h2>Step 2: Complete a coding program</h2>
<p>Most employers hire coders who have finished a postsecondary certificate or an associate degree in medical coding or health information.</p>
<p>A certificate program usually takes 9 to 12 months, while an associate degree takes about 24 months of full-time study.</p>
<h2>Step 3: Earn a credential</h2>
<p>The most widely recognized entry credential is the Certified Professional Coder (CPC) offered by AAPC.</p>
<p>Coders aiming for hospital work often choose the Certified Coding Associate (CCA) from AHIMA instead.</p>
<h2>Step 4: Land the first job</h2>
<p>New coders often start in physician offices or billing companies, where they handle routine visits before moving on to surgical or inpatient charts.</p>
<p>The Bureau of Labor Statistics counts coders among medical records specialists, whose median annual wage was $48,780 in May 2023.</p>
<p>Keep our <a href="/downloads/coding-checklist.pdf">one-page coding career checklist (PDF)</a> next to you as you go, and read the
<a href="https://www.bls.gov/ooh/healthcare/medical-records-and-health-information-technicians.htm">federal occupation profile</a> for more detail.</p>
""", gold=[
    R(None, "education", "high school diploma or GED", "Almost every coding program and certification exam expects you to hold a high school diploma or GED before you enroll."),
    R(None, "education", "postsecondary certificate or associate degree in medical coding or health information", "Most employers hire coders who have finished a postsecondary certificate or an associate degree in medical coding or health information."),
    PD("certificate", 9, 12, "A certificate program usually takes 9 to 12 months, while an associate degree takes about 24 months of full-time study."),
    PD("associate", 24, 24, "A certificate program usually takes 9 to 12 months, while an associate degree takes about 24 months of full-time study."),
    C("CPC", "Certified Professional Coder", "AAPC", "The most widely recognized entry credential is the Certified Professional Coder (CPC) offered by AAPC."),
    C("CCA", "Certified Coding Associate", "AHIMA", "Coders aiming for hospital work often choose the Certified Coding Associate (CCA) from AHIMA instead."),
    W("medical records specialists", "median", 48780, "annual", "2023-05", "BLS", None, "The Bureau of Labor Statistics counts coders among medical records specialists, whose median annual wage was $48,780 in May 2023."),
])

page("/guides/medical-billing-vs-medical-coding.html", "guides", "Medical Billing vs. Medical Coding", """<h1>Medical billing vs. medical coding: same office, different jobs</h1>
<p>People often use the two titles as if they meant the same thing. In a small practice one person may do both, but the work is not the same.</p>
<h2>What a coder does</h2>
<p>A coder reads the provider's documentation and assigns diagnosis and procedure codes. Accuracy matters more than speed, because every code has to be supported by the chart.</p>
<h2>What a biller does</h2>
<p>A biller takes those codes, builds the claim, sends it to the payer, follows up on rejections and posts payments. Billers spend much more time on the phone with insurers and patients.</p>
<h2>Which one suits you?</h2>
<table class="compare">
<thead><tr><th>Question</th><th>Coding</th><th>Billing</th></tr></thead>
<tbody>
<tr><td>Main task</td><td>Assign codes from documentation</td><td>Submit claims and chase payment</td></tr>
<tr><td>Typical credential</td><td>CPC or CCA</td><td>CPB or CBCS</td></tr>
<tr><td>Contact with patients</td><td>Rare</td><td>Frequent</td></tr>
</tbody>
</table>
<p>If you like puzzles and detail, start with coding. If you like resolving problems with people, billing may be the better fit.
AAPC describes both paths on <a href="https://www.aapc.com/certifications/cpb">its certification pages</a>.</p>
""", variant="content")

page("/guides/cpc-vs-ccs.html", "guides", "CPC vs. CCS", """<h1>CPC vs. CCS: which coding credential should you pick?</h1>
<p>The Certified Professional Coder (CPC) credential is issued by AAPC, while the Certified Coding Specialist (CCS) credential is issued by AHIMA.</p>
<p>The CPC exam centers on CPT, HCPCS Level II and ICD-10-CM codes for physician services, and the CCS exam adds ICD-10-PCS for hospital inpatient procedures.</p>
<h2>Side by side</h2>
<table class="vs-table">
<thead><tr><th>Feature</th><th>CPC</th><th>CCS</th></tr></thead>
<tbody>
<tr><td>Best fit</td><td>Physician offices and outpatient clinics</td><td>Hospitals and inpatient facilities</td></tr>
<tr><td>Exam fee</td><td>$499 with two attempts</td><td>$399 for non-members, $299 for members</td></tr>
<tr><td>Number of questions</td><td>100</td><td>115</td></tr>
<tr><td>Time allowed</td><td>4 hours</td><td>4 hours</td></tr>
<tr><td>Renewal</td><td>36 CEUs every 2 years</td><td>20 CEUs every 2 years</td></tr>
</tbody>
</table>
<h2>Our take</h2>
<p>Pick the CPC if you want to work for a physician group or a billing company, and pick the CCS if you picture yourself in a hospital coding department.
Both organizations publish exam handbooks: see <a href="https://www.aapc.com/certifications/cpc">AAPC</a> and <a href="https://www.ahima.org/certification-careers/certifications-overview/ccs/">AHIMA</a>.</p>
""", gold=[
    C("CPC", "Certified Professional Coder", "AAPC", "The Certified Professional Coder (CPC) credential is issued by AAPC, while the Certified Coding Specialist (CCS) credential is issued by AHIMA."),
    C("CCS", "Certified Coding Specialist", "AHIMA", "The Certified Professional Coder (CPC) credential is issued by AAPC, while the Certified Coding Specialist (CCS) credential is issued by AHIMA."),
    M("code_system", "CPT", "The CPC exam centers on CPT, HCPCS Level II and ICD-10-CM codes for physician services, and the CCS exam adds ICD-10-PCS for hospital inpatient procedures."),
    M("code_system", "HCPCS Level II", "The CPC exam centers on CPT, HCPCS Level II and ICD-10-CM codes for physician services, and the CCS exam adds ICD-10-PCS for hospital inpatient procedures."),
    M("code_system", "ICD-10-CM", "The CPC exam centers on CPT, HCPCS Level II and ICD-10-CM codes for physician services, and the CCS exam adds ICD-10-PCS for hospital inpatient procedures."),
    M("code_system", "ICD-10-PCS", "The CPC exam centers on CPT, HCPCS Level II and ICD-10-CM codes for physician services, and the CCS exam adds ICD-10-PCS for hospital inpatient procedures."),
    E("CPC", "fee", 499, "USD", "Exam fee $499 with two attempts $399 for non-members, $299 for members", "two attempts"),
    E("CCS", "fee", 399, "USD", "Exam fee $499 with two attempts $399 for non-members, $299 for members", "non-member"),
    E("CCS", "fee", 299, "USD", "Exam fee $499 with two attempts $399 for non-members, $299 for members", "member"),
    E("CPC", "questions", 100, "questions", "Number of questions 100 115"),
    E("CCS", "questions", 115, "questions", "Number of questions 100 115"),
    E("CPC", "time_limit", 240, "minutes", "Time allowed 4 hours 4 hours"),
    E("CCS", "time_limit", 240, "minutes", "Time allowed 4 hours 4 hours"),
    R("CPC", "renewal", "36 CEUs every 2 years", "Renewal 36 CEUs every 2 years 20 CEUs every 2 years"),
    R("CCS", "renewal", "20 CEUs every 2 years", "Renewal 36 CEUs every 2 years 20 CEUs every 2 years"),
])

page("/guides/remote-medical-coding-jobs.html", "guides", "Remote Medical Coding Jobs", """<h1>Can you really code from home?</h1>
<p>Yes, but rarely on day one. Most remote coding roles go to people who have already proven their accuracy on site.</p>
<h2>What employers look for</h2>
<ul>
<li>An active credential and at least a year or two of production coding</li>
<li>Accuracy scores above the employer's audit threshold, often 95 percent</li>
<li>A quiet, private workspace that meets privacy rules for patient data</li>
<li>A reliable broadband connection and, sometimes, a company-issued laptop</li>
</ul>
<h2>Where the remote jobs are</h2>
<p>Large hospital systems, outsourced coding vendors and insurers hire the most remote coders. Small practices usually keep coding in the office.</p>
<p>Working from home does not cost you pay: in our 2023 reader survey, medical records specialists who code remotely reported a median annual salary of $50,200.</p>
<h2>Watch out for scams</h2>
<p>No legitimate employer charges you for a job offer or asks you to buy software before your first day. Check any unfamiliar company with the
<a href="https://www.ftc.gov/business-guidance/resources/work-home-business-opportunities">consumer protection guidance</a> before you share personal details.</p>
""", variant="content")

STATES = [("California", 61450), ("Washington", 60830), ("New York", 55900), ("Ohio", 46200), ("Texas", 45120), ("Florida", 44310)]
state_rows = "\n".join(f"<tr><td>{s}</td><td>${a:,}</td></tr>" for s, a in STATES)
# The BLS medians of the 2010 code (29-2071), before the 2018 classification split it
HISTORY = [(2014, 35900), (2016, 38040), (2018, 40350)]
HISTORY_OCCUPATION = "Medical records and health information technicians"
history_rows = "\n".join(f"<tr><td>May {y}</td><td>{HISTORY_OCCUPATION}</td><td>${a:,}</td></tr>" for y, a in HISTORY)
page("/guides/medical-coder-salary-by-state.html", "guides", "Medical Coder Salary by State", f"""<h1>Medical coder salary by state</h1>
<p>Where you live changes what you earn more than almost anything else in this field.</p>
<p>Nationally, the median annual wage for medical records specialists was $48,780 in May 2023, according to the Bureau of Labor Statistics.</p>
<p>That works out to a median of $23.45 per hour.</p>
<p>The lowest-paid 10 percent earned less than $35,730, and the highest-paid 10 percent earned more than $78,520.</p>
<h2>Annual mean wage in selected states</h2>
<p>The table shows the BLS annual mean wage for medical records specialists in May 2023.</p>
<table class="wage-table">
<thead><tr><th>State</th><th>Annual mean wage</th></tr></thead>
<tbody>
{state_rows}
</tbody>
</table>
<p>Higher pay in coastal states is partly offset by higher living costs, so compare offers against local rent before you relocate.</p>
<h2>The national median over the years</h2>
<p>Until 2019 the Bureau of Labor Statistics counted coders as medical records and health information technicians, so its earlier figures carry that name.</p>
<table class="wage-table">
<thead><tr><th>Year</th><th>Occupation</th><th>Median annual wage</th></tr></thead>
<tbody>
{history_rows}
</tbody>
</table>
""", gold=[
    W("medical records specialists", "median", 48780, "annual", "2023-05", "BLS", None, "Nationally, the median annual wage for medical records specialists was $48,780 in May 2023, according to the Bureau of Labor Statistics."),
    W("medical records specialists", "median", 23.45, "hourly", "2023", "BLS", None, "That works out to a median of $23.45 per hour."),
    W("medical records specialists", "bottom10", 35730, "annual", "2023", "BLS", None, "The lowest-paid 10 percent earned less than $35,730, and the highest-paid 10 percent earned more than $78,520."),
    W("medical records specialists", "top10", 78520, "annual", "2023", "BLS", None, "The lowest-paid 10 percent earned less than $35,730, and the highest-paid 10 percent earned more than $78,520."),
] + [W("medical records specialists", "mean", a, "annual", "2023-05", "BLS", f"state: {s}", f"{s} ${a:,}") for s, a in STATES]
  + [W(HISTORY_OCCUPATION, "median", a, "annual", f"{y}-05", "BLS", None, f"May {y} {HISTORY_OCCUPATION} ${a:,}")
     for y, a in HISTORY])

CRED_PAY = [("CPC-A", "Certified Professional Coder Apprentice", 46820), ("CPC", "Certified Professional Coder", 61310),
            ("CPB", "Certified Professional Biller", 57290), ("COC", "Certified Outpatient Coder", 66450),
            ("CIC", "Certified Inpatient Coder", 72980)]
cred_rows = "\n".join(f"<tr><td>{n} ({c})</td><td>${a:,}</td></tr>" for c, n, a in CRED_PAY)
page("/guides/coding-salary-by-credential.html", "guides", "Coding Salary by Credential", f"""<h1>How much does each coding credential pay?</h1>
<p>AAPC surveys its members every year about pay, and the 2024 results show how much a credential can matter.</p>
<p>All five credentials in the table below are awarded by AAPC.</p>
<table class="cred-pay">
<thead><tr><th>Credential</th><th>Average salary (2024)</th></tr></thead>
<tbody>
{cred_rows}
</tbody>
</table>
<p>Members who held two credentials reported an average salary of $68,900 in the same survey.</p>
<p>Average pay across all respondents rose 4.1 percent compared with the year before, which is a pay change and not a hiring forecast.</p>
<h2>Reading the numbers</h2>
<p>Survey averages lean on the people who answer, so treat them as a guide to direction rather than a promise.</p>
""", variant="content", gold=[
    W("medical coders", "mean", a, "annual", "2024", "AAPC", f"credential: {c}", f"{n} ({c}) ${a:,}") for c, n, a in CRED_PAY
] + [
    W("medical coders", "mean", 68900, "annual", "2024", "AAPC", "credentials: 2", "Members who held two credentials reported an average salary of $68,900 in the same survey."),
] + [C(c, n, "AAPC", f"{n} ({c}) ${a:,}") for c, n, a in CRED_PAY])

page("/guides/medical-records-job-outlook.html", "guides", "Medical Records Job Outlook", """<h1>Job outlook for medical records specialists and coders</h1>
<p>Demand for coding work keeps rising as more patients are seen and more of their care is documented electronically.</p>
<p>Employment of medical records specialists is projected to grow 7 percent from 2023 to 2033, faster than the average for all occupations.</p>
<p>Medical records specialists held about 194,600 jobs in 2023.</p>
<p>The projections add roughly 13,400 jobs from 2023 to 2033.</p>
<p>About 14,900 openings for medical records specialists are projected each year from 2023 to 2033, mostly to replace workers who retire or change careers.</p>
<h2>A related, faster-growing role</h2>
<p>Employment of health information technologists and medical registrars is projected to grow 16 percent from 2023 to 2033.</p>
<p>Those technologists earned a median annual wage of $62,990 in May 2023.</p>
<h2>What the numbers do not say</h2>
<p>A certified coder in our reader survey reported a 12 percent raise after earning a second credential, but raises like that say nothing about how many jobs there will be.
All projections above come from the Bureau of Labor Statistics.</p>
""", gold=[
    Out("medical records specialists", "growth_percent", 7, 2023, 2033, "BLS", "Employment of medical records specialists is projected to grow 7 percent from 2023 to 2033, faster than the average for all occupations."),
    Out("medical records specialists", "employment", 194600, None, 2023, "BLS", "Medical records specialists held about 194,600 jobs in 2023."),
    Out("medical records specialists", "employment_change", 13400, 2023, 2033, "BLS", "The projections add roughly 13,400 jobs from 2023 to 2033."),
    Out("medical records specialists", "openings", 14900, 2023, 2033, "BLS", "About 14,900 openings for medical records specialists are projected each year from 2023 to 2033, mostly to replace workers who retire or change careers.", qualifier="per year"),
    Out("health information technologists and medical registrars", "growth_percent", 16, 2023, 2033, "BLS", "Employment of health information technologists and medical registrars is projected to grow 16 percent from 2023 to 2033."),
    W("health information technologists and medical registrars", "median", 62990, "annual", "2023-05", "BLS", None, "Those technologists earned a median annual wage of $62,990 in May 2023."),
])

COURSE_LIST = ["Medical terminology", "Anatomy and physiology", "Pathophysiology", "Pharmacology",
               "ICD-10-CM diagnosis coding", "CPT procedural coding", "HCPCS Level II coding",
               "Health insurance and reimbursement", "Medical law and ethics", "Electronic health records"]
course_lis = "\n".join(f"<li>{c}</li>" for c in COURSE_LIST)
page("/guides/medical-coding-courses.html", "guides", "Medical Coding Courses", f"""<h1>What courses will you take in a coding program?</h1>
<p>Program names differ from school to school, but the course lists look remarkably alike.</p>
<h2>The core course list</h2>
<ul class="course-list">
{course_lis}
</ul>
<h2>Why the science comes first</h2>
<p>You cannot code a procedure you do not understand, so the body-systems and drug courses come before the coding ones.</p>
<p>Some hospital-focused programs add a unit on ICD-10-PCS for inpatient procedures.</p>
<h2>Hands-on practice</h2>
<p>The best programs finish with a practicum in which you code real, de-identified charts under supervision.</p>
""", variant="content", gold=courses(COURSE_LIST) + [
    M("code_system", "ICD-10-CM", "ICD-10-CM diagnosis coding"),
    M("code_system", "CPT", "CPT procedural coding"),
    M("code_system", "HCPCS Level II", "HCPCS Level II coding"),
    M("code_system", "ICD-10-PCS", "Some hospital-focused programs add a unit on ICD-10-PCS for inpatient procedures."),
])

PREP_HEAD = """<script>
  window.prepConfig = {"mockQuestions": 150, "passMark": 82, "bundlePrice": "$349"};
  var tickerText = "Flash sale: 61% off CPC prep until midnight";
</script>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article", "headline": "Exam prep tips", "wordCount": 4321}</script>
"""
page("/guides/coding-exam-prep-tips.html", "guides", "Coding Exam Prep Tips", """<h1>Eight habits of people who pass coding exams the first time</h1>
<div id="countdown-widget"></div>
<script>
  document.getElementById("countdown-widget").textContent = "Only 7 seats left at $199 in the live bootcamp";
</script>
<ol class="tips">
<li>Tab and highlight your code books early, since most coding exams are open book.</li>
<li>Take full-length practice exams under the real time limit, not in short bursts.</li>
<li>Answer the questions you know first, then return to the long operative-report cases.</li>
<li>Use the process of elimination: two of the four answers are usually wrong for an obvious reason.</li>
<li>Review the guidelines at the front of each code book chapter, because many questions test them directly.</li>
<li>Learn medical terminology roots so that unfamiliar procedure names stop being scary.</li>
<li>Sleep well the night before; no amount of last-minute cramming beats a rested brain.</li>
<li>Read the exam handbook for the rules on which books and notes are allowed in the room.</li>
</ol>
<p>Most candidates who follow a study plan for eight to twelve weeks feel ready on exam day.</p>
""", head=PREP_HEAD)

page("/guides/where-medical-coders-work.html", "guides", "Where Medical Coders Work", """<h1>Where do medical coders work?</h1>
<p>Coding jobs exist anywhere health care is paid for, which is almost everywhere.</p>
<h2>Hospitals</h2>
<p>Hospital coders handle inpatient stays, emergency visits and outpatient surgery. The charts are long and the work is detailed.</p>
<h2>Physician offices and clinics</h2>
<p>Office coders see a high volume of short visits and learn a few specialties very well.</p>
<h2>Billing companies and consultancies</h2>
<p>Outsourced coding firms serve many clients at once, so coders move between specialties often.</p>
<h2>Insurers and government</h2>
<p>Payers employ coders to review claims and to check that the codes billed match the documentation.</p>
<h2>Home offices</h2>
<p>Experienced coders increasingly work from home for any of the employers above.</p>
""", variant="content")

page("/guides/code-sets-explained.html", "guides", "The Code Sets Explained", """<h1>The code sets every coder learns</h1>
<p>A code set is a shared vocabulary that lets a provider, a payer and a public health agency describe the same visit in the same way.</p>
<h2>Diagnoses</h2>
<p>ICD-10-CM describes diagnoses and the reasons for a visit in every U.S. setting.</p>
<h2>Inpatient procedures</h2>
<p>ICD-10-PCS describes procedures performed during a hospital inpatient stay.</p>
<h2>Professional services</h2>
<p>CPT, maintained by the American Medical Association, describes what physicians and other clinicians do.</p>
<h2>Supplies and equipment</h2>
<p>HCPCS Level II covers ambulance rides, durable medical equipment, drugs given in the office and other items that CPT leaves out.</p>
<h2>What comes next</h2>
<p>The World Health Organization's ICD-11 is already in use abroad, but the United States has not yet adopted it for billing.</p>
<p>Clinical systems also record SNOMED CT terms, which coders see in the chart even though claims do not carry them.</p>
""", gold=[
    M("code_system", "ICD-10-CM", "ICD-10-CM describes diagnoses and the reasons for a visit in every U.S. setting."),
    M("code_system", "ICD-10-PCS", "ICD-10-PCS describes procedures performed during a hospital inpatient stay."),
    M("code_system", "CPT", "CPT, maintained by the American Medical Association, describes what physicians and other clinicians do."),
    M("code_system", "HCPCS Level II", "HCPCS Level II covers ambulance rides, durable medical equipment, drugs given in the office and other items that CPT leaves out."),
    M("code_system", "ICD-11", "The World Health Organization's ICD-11 is already in use abroad, but the United States has not yet adopted it for billing."),
    M("code_system", "SNOMED CT", "Clinical systems also record SNOMED CT terms, which coders see in the chart even though claims do not carry them."),
])

JOB_TITLES = ["Medical Coder", "Coding Specialist", "Medical Billing Specialist", "Health Information Technician",
              "Coding Auditor", "Clinical Documentation Specialist", "Charge Entry Specialist",
              "Revenue Cycle Analyst", "Coding Educator", "Medical Records Clerk"]
title_lis = "\n".join(f"<li>{t}</li>" for t in JOB_TITLES)
page("/guides/medical-coding-job-titles.html", "guides", "Medical Coding Job Titles", f"""<h1>Job titles to search for</h1>
<p>Job boards use many different names for the same kind of work, so a narrow search can hide good openings.</p>
<p>Try each of these titles when you search:</p>
<ul class="titles">
{title_lis}
</ul>
<p>Entry-level postings tend to use the first three titles, while auditing, documentation and education roles usually expect several years of experience.</p>
""", gold=[M("job_title", t, t) for t in JOB_TITLES])

page("/guides/coding-school-cost.html", "guides", "What Coding School Costs", """<h1>What does coding school cost?</h1>
<p>The price of training depends mostly on the kind of credential you earn and who offers it.</p>
<h2>Certificates</h2>
<p>Community college certificates in medical coding generally cost between $2,500 and $6,000 in tuition.</p>
<p>Most certificate programs last 8 to 12 months.</p>
<h2>Associate degrees</h2>
<p>An associate degree in health information technology usually runs $8,000 to $22,000 in total tuition.</p>
<h2>Self-paced online courses</h2>
<p>Self-paced online courses from private training companies range from $1,200 to $4,000.</p>
<p>Motivated students can finish a self-paced course in 4 to 6 months.</p>
<h2>Costs people forget</h2>
<p>Budget separately for code books, a professional membership and the certification exam itself.</p>
""", variant="content", gold=[
    PC("certificate", 2500, 6000, "Community college certificates in medical coding generally cost between $2,500 and $6,000 in tuition."),
    PD("certificate", 8, 12, "Most certificate programs last 8 to 12 months."),
    PC("associate", 8000, 22000, "An associate degree in health information technology usually runs $8,000 to $22,000 in total tuition."),
    PC(None, 1200, 4000, "Self-paced online courses from private training companies range from $1,200 to $4,000."),
    PD(None, 4, 6, "Motivated students can finish a self-paced course in 4 to 6 months."),
])

UNIQUE_PHRASE = "heliotrope reimbursement ledger"
page("/guides/denial-management-basics.html", "guides", "Denial Management Basics", f"""<h1>Denial management basics for new billers</h1>
<p>A denied claim is not the end of the story; it is a to-do item with a deadline.</p>
<h2>Sort before you fix</h2>
<p>Group denials by reason code so that one root cause does not have to be fixed twenty separate times.
One clinic we spoke with tracks every appeal in what its manager calls the {UNIQUE_PHRASE}, a color-coded spreadsheet that shows at a glance which payers owe money.</p>
<h2>The usual suspects</h2>
<ul>
<li>Missing or invalid patient eligibility information</li>
<li>A diagnosis that does not support the medical necessity of the service</li>
<li>Missing prior authorization</li>
<li>Duplicate claims submitted by mistake</li>
<li>Claims filed after the payer's deadline</li>
</ul>
<h2>Close the loop</h2>
<p>Share the patterns you find with the front desk and the coders, because most denials start long before the claim is sent.</p>
""")

STORY_BODY = """<h1>Career changer stories: three people who moved into coding</h1>
<h2>From the pharmacy counter to the coding desk</h2>
<p>Renée Dubois spent nine years as a pharmacy technician before she enrolled in an evening coding certificate.
“I wanted a desk job that still felt like patient care,” says Renée. She passed the CPC® exam on her second attempt and now reviews cardiology claims.</p>
<h2>A teacher who likes rules</h2>
<p>José Ortega taught middle-school science for a decade. He says the coding guidelines reminded him of a lab manual – precise, a bit dry, and oddly satisfying.
He uses the CodeFinder™ encoder every day at a regional hospital.</p>
<h2>Back to work after raising a family</h2>
<p>After twelve years at home, Margo Lindqvist chose a fully online program so she could study after the kids’ bedtime.
Her advice: “Don’t rush the anatomy course; everything else builds on it.”</p>
"""
page("/guides/career-changer-stories.html", "guides", "Career Changer Stories", STORY_BODY, variant="content", encoding="cp1252")

# ======================================================================
# Programs directory
# ======================================================================
SCHOOLS = [
    dict(slug="lakeshore-valley-community-college", inst="Lakeshore Valley Community College", prog="Medical Coding Certificate",
         awarded="certificate", acc=["HLC"], online=False, cost=4380, credits=32, months=10, prep="CCA",
         prep_name="Certified Coding Associate", issuer="AHIMA",
         courses=["Medical Terminology", "Anatomy and Physiology I", "Introduction to Pathophysiology", "Pharmacology for Coders",
                  "ICD-10-CM Diagnosis Coding", "ICD-10-PCS Procedure Coding", "CPT and HCPCS Level II Coding", "Coding Practicum"],
         systems=["ICD-10-CM", "ICD-10-PCS", "CPT", "HCPCS Level II"],
         about="Lakeshore Valley Community College offers its Medical Coding Certificate on campus in the evenings, so most students keep a day job while they study.",
         gold=True),
    dict(slug="redwood-crest-technical-institute", inst="Redwood Crest Technical Institute", prog="Medical Billing and Coding Diploma",
         awarded="diploma", acc=["ABHES"], online=False, cost=14950, credits=None, months=9, prep="CBCS",
         prep_name="Certified Billing and Coding Specialist", issuer="NHA",
         courses=["Medical Terminology", "Body Systems", "Insurance Billing", "Diagnosis Coding", "Procedure Coding", "Externship"],
         systems=[], about="Redwood Crest Technical Institute runs a 720 clock-hour diploma with daytime classes and a four-week externship.", gold=False),
    dict(slug="northfield-state-college", inst="Northfield State College", prog="Associate of Applied Science in Health Information Technology",
         awarded="associate", acc=["HLC", "CAHIIM"], online=True, cost=11200, credits=64, months=24, prep="RHIT",
         prep_name="Registered Health Information Technician", issuer="AHIMA",
         courses=["Medical Terminology", "Human Anatomy and Physiology", "Health Data Management", "Legal and Ethical Aspects of Health Information",
                  "Classification Systems I: ICD-10-CM and ICD-10-PCS", "Classification Systems II: CPT", "Healthcare Statistics",
                  "Reimbursement Methodologies", "Professional Practice Experience"],
         systems=["ICD-10-CM", "ICD-10-PCS", "CPT"],
         about="Northfield State College delivers its Associate of Applied Science in Health Information Technology fully online, with a supervised practice placement near the student's home.",
         gold=True),
    dict(slug="summit-ridge-online-academy", inst="Summit Ridge Online Academy", prog="Professional Coding Certificate",
         awarded="certificate", acc=["DEAC"], online=True, cost=3295, credits=None, months=6, prep="CPC",
         prep_name="Certified Professional Coder", issuer="AAPC",
         courses=["Medical Terminology", "Anatomy and Physiology", "CPT Coding", "ICD-10-CM Coding", "HCPCS Level II and Modifiers", "Exam Review"],
         systems=["CPT", "ICD-10-CM", "HCPCS Level II"],
         about="Summit Ridge Online Academy offers its Professional Coding Certificate entirely online and self-paced, with an instructor who answers questions by message.",
         gold=True),
    dict(slug="brightwater-career-college", inst="Brightwater Career College", prog="Medical Insurance Billing and Coding Diploma",
         awarded="diploma", acc=["ACCSC"], online=False, cost=16400, credits=36, months=12, prep="CBCS",
         prep_name="Certified Billing and Coding Specialist", issuer="NHA",
         courses=["Medical Terminology", "Anatomy and Physiology", "Medical Office Procedures", "Health Insurance and Claims Processing",
                  "Diagnosis Coding with ICD-10-CM", "Procedure Coding with CPT and HCPCS Level II", "Electronic Health Records",
                  "Medical Law and Ethics", "Externship"],
         systems=["ICD-10-CM", "CPT", "HCPCS Level II"],
         about="Brightwater Career College teaches its Medical Insurance Billing and Coding Diploma on campus, with morning and afternoon sections.",
         gold=True),
    dict(slug="granite-plains-community-college", inst="Granite Plains Community College", prog="Coding Specialist Certificate",
         awarded="certificate", acc=["HLC"], online=True, cost=5120, credits=36, months=12, prep="CCA",
         prep_name="Certified Coding Associate", issuer="AHIMA",
         courses=["Medical Terminology", "Anatomy and Physiology", "Diagnosis Coding", "Procedure Coding", "Coding Capstone"],
         systems=[], about="Granite Plains Community College teaches its certificate online in eight-week terms.", gold=False),
    dict(slug="cedar-hollow-college-of-health-careers", inst="Cedar Hollow College of Health Careers", prog="Associate of Applied Science in Medical Billing and Coding",
         awarded="associate", acc=["ABHES"], online=False, cost=21600, credits=60, months=20, prep="CPC",
         prep_name="Certified Professional Coder", issuer="AAPC",
         courses=["Medical Terminology", "Anatomy and Physiology", "Outpatient Coding", "Revenue Cycle Management", "Composition", "Externship"],
         systems=[], about="Cedar Hollow College of Health Careers combines general education with coding courses on its downtown campus.", gold=False),
    dict(slug="meridian-bay-university-online", inst="Meridian Bay University Online", prog="Bachelor of Science in Health Information Management",
         awarded="bachelor", acc=["HLC", "CAHIIM"], online=True, cost=38400, credits=120, months=48, prep="RHIA",
         prep_name="Registered Health Information Administrator", issuer="AHIMA",
         courses=["Health Information Systems", "Data Analytics", "Quality Management", "Coding and Classification", "Leadership"],
         systems=[], about="Meridian Bay University Online offers a bachelor's degree for students who want to manage health information departments.", gold=False),
    dict(slug="pinecrest-technical-college", inst="Pinecrest Technical College", prog="Medical Coding Diploma",
         awarded="diploma", acc=["ACCSC"], online=False, cost=9870, credits=40, months=11, prep="CCA",
         prep_name="Certified Coding Associate", issuer="AHIMA",
         courses=["Medical Terminology", "Anatomy and Physiology", "Hospital Coding", "Coding Lab"],
         systems=[], about="Pinecrest Technical College keeps classes small and schedules labs in the evening.", gold=False),
    dict(slug="harborview-institute-of-allied-health", inst="Harborview Institute of Allied Health", prog="Billing and Coding Certificate",
         awarded="certificate", acc=["DEAC"], online=True, cost=2750, credits=18, months=5, prep="CBCS",
         prep_name="Certified Billing and Coding Specialist", issuer="NHA",
         courses=["Medical Terminology", "Claims and Billing", "Coding Fundamentals", "Exam Review"],
         systems=[], about="Harborview Institute of Allied Health runs a short online certificate aimed at working adults.", gold=False),
]
ACC_NAMES = {"HLC": "Higher Learning Commission", "ABHES": "Accrediting Bureau of Health Education Schools",
             "CAHIIM": "Commission on Accreditation for Health Informatics and Information Management Education",
             "DEAC": "Distance Education Accrediting Commission", "ACCSC": "Accrediting Commission of Career Schools and Colleges"}


def badges(acc):
    return "".join(f'<span class="badge badge-{a.lower()}" title="{ACC_NAMES[a]}">{a}</span>' for a in acc)


LISTING_PAGES = [("/programs/index.html", "Medical Coding Programs", SCHOOLS[0:4]),
                 ("/programs/page-2.html", "Medical Coding Programs, Page 2", SCHOOLS[4:7]),
                 ("/programs/page-3.html", "Medical Coding Programs, Page 3", SCHOOLS[7:10])]
NOSCRIPT = ('<noscript><div class="noscript-msg">Switch on JavaScript to sort schools by tuition; '
            'otherwise the 412-school comparison grid stays hidden.</div></noscript>\n')
for i, (path, title, schools) in enumerate(LISTING_PAGES):
    cards = []
    for s in schools:
        fmt = "Online" if s["online"] else "On campus"
        cards.append(f"""<div class="school-card">
  <div class="card-title"><a href="/programs/{s['slug']}.html">{s['inst']}</a></div>
  <div class="card-sub">{s['prog']}</div>
  <div class="card-badges">{badges(s['acc'])}</div>
  <div class="card-meta">{s['awarded'].capitalize()} &middot; {fmt} &middot; ${s['cost']:,} &middot; {s['months']} months</div>
</div>""")
    nav = ['<div class="pager">']
    for j, (p2, _, _) in enumerate(LISTING_PAGES):
        nav.append(f'<span class="cur">{j + 1}</span>' if j == i else f'<a href="{p2}">{j + 1}</a>')
    if i + 1 < len(LISTING_PAGES):
        nav.append(f'<a class="next" href="{LISTING_PAGES[i + 1][0]}">Next &rsaquo;</a>')
    nav.append("</div>")
    intro = ("<p>These programs train students for entry-level billing and coding work. "
             "Each card shows the credential a graduate earns, how the classes are delivered, the published total cost and the usual length.</p>\n")
    page(path, "programs", title,
         f'<div class="page-heading">{title}</div>\n' + intro + (NOSCRIPT if i == 0 else "") + "\n".join(cards) + "\n" + "".join(nav) + "\n")

for s in SCHOOLS:
    fmt = "Online" if s["online"] else "On campus"
    credit_txt = f"{s['credits']}" if s["credits"] else "Not credit-bearing"
    lis = "\n".join(f"<li>{c}</li>" for c in s["courses"])
    accs = " and the ".join(ACC_NAMES[a] + f" ({a})" for a in s["acc"])
    cost_sentence = f"Published tuition and fees for the whole program total ${s['cost']:,}."
    length_sentence = (f"Students complete {s['credits']} credits in about {s['months']} months." if s["credits"]
                       else f"Most students finish in about {s['months']} months.")
    prep_sentence = f"The program prepares graduates for the {s['prep_name']} ({s['prep']}) exam from {s['issuer']}."
    acc_sentence = f"The school is accredited by the {accs}." if s["acc"] else ""
    body = f"""<div class="school-profile">
<div class="school-name"><h1>{s['inst']}</h1></div>
<div class="program-name">{s['prog']}</div>
<div class="card-badges">{badges(s['acc'])}</div>
<div class="facts-grid">
  <div class="fact"><span class="k">Credential awarded</span> <span class="v">{s['awarded'].capitalize()}</span></div>
  <div class="fact"><span class="k">Delivery</span> <span class="v">{fmt}</span></div>
  <div class="fact"><span class="k">Total cost</span> <span class="v">${s['cost']:,}</span></div>
  <div class="fact"><span class="k">Credits</span> <span class="v">{credit_txt}</span></div>
  <div class="fact"><span class="k">Length</span> <span class="v">{s['months']} months</span></div>
  <div class="fact"><span class="k">Prepares for</span> <span class="v">{s['prep']}</span></div>
</div>
<div class="section-title">About the program</div>
<p>{s['about']}</p>
<p>{acc_sentence}</p>
<p>{cost_sentence} {length_sentence}</p>
<p>{prep_sentence}</p>
<div class="section-title">Curriculum</div>
<ul class="curriculum">
{lis}
</ul>
<p class="school-link">Visit the <a href="https://www.{s['slug'].replace('-', '')}.example.edu/coding">school's own website</a> for start dates, or go back to <a href="/programs/index.html">all programs</a>.</p>
</div>
"""
    gold = []
    if s["gold"]:
        gold.append(P(s["inst"], s["prog"], s["awarded"], s["acc"], s["online"], s["cost"], s["credits"], s["months"], s["prep"], s["about"]))
        gold.append(C(s["prep"], s["prep_name"], s["issuer"], prep_sentence))
        gold += courses(s["courses"])
        gold += [M("code_system", cs, next(c for c in s["courses"] if cs in c)) for cs in s["systems"]]
    page(f"/programs/{s['slug']}.html", "programs", s["inst"], body, gold=gold)

# ======================================================================
# Certifications reference
# ======================================================================
CERT_LIST = [
    ("/certifications/cpc-certified-professional-coder.html", "CPC and CPC-A", "AAPC"),
    ("/certifications/coc-certified-outpatient-coder.html", "COC", "AAPC"),
    ("/certifications/cpb-certified-professional-biller.html", "CPB", "AAPC"),
    ("/certifications/cca-certified-coding-associate.html", "CCA", "AHIMA"),
    ("/certifications/ccs-and-ccs-p.html", "CCS and CCS-P", "AHIMA"),
    ("/certifications/rhit-and-rhia.html", "RHIT and RHIA", "AHIMA"),
    ("/certifications/cbcs-billing-and-coding-specialist.html", "CBCS", "NHA"),
    ("/certifications/cmrs-medical-reimbursement-specialist.html", "CMRS", "AMBA"),
    ("/certifications/exam-facts-comparison.html", "Exam facts compared", None),
    ("/certifications/ceu-renewal-guide.html", "Keeping a credential current", None),
]
cert_rows = "\n".join(f'<li><a href="{h}">{t}</a>{" &ndash; " + i if i else ""}</li>' for h, t, i in CERT_LIST)
page("/certifications/credentials-overview.html", "certifications", "Billing and Coding Credentials", f"""<h1>Billing and coding credentials at a glance</h1>
<p>This reference library summarizes the public rules of the major billing and coding credentials in one consistent format.
Always confirm details with the issuing organization before you register for an exam.</p>
<ul class="cred-index">
{cert_rows}
</ul>
<p>Issuers: <a href="https://www.aapc.com/">AAPC</a>, <a href="https://www.ahima.org/">AHIMA</a>, <a href="https://www.nhanow.com/">NHA</a> and <a href="https://www.ambanet.net/">AMBA</a>.</p>
""")

page("/certifications/cpc-certified-professional-coder.html", "certifications", "CPC and CPC-A", """<h1>Certified Professional Coder (CPC)</h1>
<p>The Certified Professional Coder (CPC) credential from AAPC shows that a coder can assign correct codes for physician and outpatient services.</p>
<dl class="quick-facts">
<dt>Exam fee</dt><dd>$499 (two attempts)</dd>
<dt>Online exam, one attempt</dt><dd>$399</dd>
<dt>Questions</dt><dd>100 multiple choice</dd>
<dt>Time limit</dt><dd>4 hours</dd>
<dt>Passing score</dt><dd>70%</dd>
</dl>
<h2>Eligibility</h2>
<ul>
<li>AAPC recommends, but does not require, an associate degree before you attempt the exam.</li>
<li>Candidates must hold a current AAPC membership when they sit for the exam.</li>
<li>The full CPC requires two years of coding experience; candidates who pass without it receive the apprentice designation, CPC-A.</li>
</ul>
<h2>About the exam</h2>
<p>The exam has 100 multiple-choice questions, and candidates get 4 hours to finish.</p>
<p>A score of 70% is needed to pass.</p>
<p>The standard fee of $499 covers two attempts, while an online-proctored exam with a single attempt costs $399.</p>
<h2>Renewal</h2>
<p>To keep the CPC active, holders must report 36 continuing education units (CEUs) every 2 years.</p>
<p>Official handbook: <a href="https://www.aapc.com/certifications/cpc">aapc.com</a>.</p>
""", gold=[
    C("CPC", "Certified Professional Coder", "AAPC", "The Certified Professional Coder (CPC) credential from AAPC shows that a coder can assign correct codes for physician and outpatient services."),
    C("CPC-A", None, None, "The full CPC requires two years of coding experience; candidates who pass without it receive the apprentice designation, CPC-A."),
    E("CPC", "fee", 499, "USD", "The standard fee of $499 covers two attempts, while an online-proctored exam with a single attempt costs $399.", "two attempts"),
    E("CPC", "fee", 399, "USD", "The standard fee of $499 covers two attempts, while an online-proctored exam with a single attempt costs $399.", "online, one attempt"),
    E("CPC", "questions", 100, "questions", "The exam has 100 multiple-choice questions, and candidates get 4 hours to finish."),
    E("CPC", "time_limit", 240, "minutes", "The exam has 100 multiple-choice questions, and candidates get 4 hours to finish."),
    E("CPC", "passing_score", 70, "percent", "A score of 70% is needed to pass."),
    R("CPC", "education", "associate degree recommended, not required", "AAPC recommends, but does not require, an associate degree before you attempt the exam.", rec=True),
    R("CPC", "membership", "current AAPC membership", "Candidates must hold a current AAPC membership when they sit for the exam."),
    R("CPC", "experience", "two years of coding experience (otherwise CPC-A)", "The full CPC requires two years of coding experience; candidates who pass without it receive the apprentice designation, CPC-A.", months=24),
    R("CPC", "renewal", "36 CEUs every 2 years", "To keep the CPC active, holders must report 36 continuing education units (CEUs) every 2 years."),
])

page("/certifications/coc-certified-outpatient-coder.html", "certifications", "COC", """<h1>Certified Outpatient Coder (COC)</h1>
<p>The COC, awarded by AAPC, is aimed at coders who work in hospital outpatient departments and ambulatory surgery centers.</p>
<dl class="quick-facts">
<dt>Exam fee</dt><dd>$499 (two attempts)</dd>
<dt>Questions</dt><dd>100</dd>
<dt>Time limit</dt><dd>4 hours</dd>
</dl>
<h2>Who should take it</h2>
<p>Coders who already understand facility payment rules, such as outpatient prospective payment, tend to find the COC a natural next step after the CPC.</p>
<p>Like other AAPC credentials, it requires membership and continuing education to stay active.</p>
""")

page("/certifications/cpb-certified-professional-biller.html", "certifications", "CPB", """<h1>Certified Professional Biller (CPB)</h1>
<p>AAPC created the CPB for people who manage claims, payments and collections rather than assigning codes.</p>
<dl class="quick-facts">
<dt>Exam fee</dt><dd>$499 (two attempts)</dd>
<dt>Questions</dt><dd>135</dd>
<dt>Time limit</dt><dd>4 hours</dd>
</dl>
<h2>What it covers</h2>
<ul>
<li>Insurance plan types and their rules</li>
<li>Claim submission and follow-up</li>
<li>Payment posting and patient statements</li>
<li>Compliance and collection practices</li>
</ul>
""")

page("/certifications/cca-certified-coding-associate.html", "certifications", "CCA", """<h1>Certified Coding Associate (CCA)</h1>
<p>The Certified Coding Associate (CCA) is AHIMA's entry-level coding credential for both hospital and physician settings.</p>
<h2>Eligibility</h2>
<p>The only firm requirement is a high school diploma or GED.</p>
<p>AHIMA recommends that candidates have at least one of the following before testing:</p>
<ul>
<li>6 months of hands-on coding experience</li>
<li>completion of an AHIMA-approved coding program</li>
<li>coursework in anatomy and physiology, medical terminology, and basic ICD-10-CM, ICD-10-PCS and CPT coding</li>
</ul>
<h2>Exam facts</h2>
<table class="exam-facts">
<thead><tr><th>Exam fact</th><th>Detail</th></tr></thead>
<tbody>
<tr><td>Fee for AHIMA members</td><td>$125</td></tr>
<tr><td>Fee for non-members</td><td>$199</td></tr>
<tr><td>Number of questions</td><td>100</td></tr>
<tr><td>Time limit</td><td>2 hours</td></tr>
<tr><td>Passing score</td><td>300 on a scale of 100 to 400</td></tr>
<tr><td>First-time pass rate (2024)</td><td>64%</td></tr>
</tbody>
</table>
<h2>Renewal</h2>
<p>CCA holders must earn 20 continuing education units every two years.</p>
""", gold=[
    C("CCA", "Certified Coding Associate", "AHIMA", "The Certified Coding Associate (CCA) is AHIMA's entry-level coding credential for both hospital and physician settings."),
    R("CCA", "education", "high school diploma or GED", "The only firm requirement is a high school diploma or GED."),
    R("CCA", "experience", "6 months of hands-on coding experience", "6 months of hands-on coding experience", rec=True, months=6),
    R("CCA", "training", "completion of an AHIMA-approved coding program", "completion of an AHIMA-approved coding program", rec=True),
    R("CCA", "training", "coursework in anatomy and physiology, medical terminology, and basic ICD-10-CM, ICD-10-PCS and CPT coding", "coursework in anatomy and physiology, medical terminology, and basic ICD-10-CM, ICD-10-PCS and CPT coding", rec=True),
    M("course", "Anatomy and physiology", "coursework in anatomy and physiology, medical terminology, and basic ICD-10-CM, ICD-10-PCS and CPT coding"),
    M("course", "Medical terminology", "coursework in anatomy and physiology, medical terminology, and basic ICD-10-CM, ICD-10-PCS and CPT coding"),
    M("code_system", "ICD-10-CM", "coursework in anatomy and physiology, medical terminology, and basic ICD-10-CM, ICD-10-PCS and CPT coding"),
    M("code_system", "ICD-10-PCS", "coursework in anatomy and physiology, medical terminology, and basic ICD-10-CM, ICD-10-PCS and CPT coding"),
    M("code_system", "CPT", "coursework in anatomy and physiology, medical terminology, and basic ICD-10-CM, ICD-10-PCS and CPT coding"),
    E("CCA", "fee", 125, "USD", "Fee for AHIMA members $125", "member"),
    E("CCA", "fee", 199, "USD", "Fee for non-members $199", "non-member"),
    E("CCA", "questions", 100, "questions", "Number of questions 100"),
    E("CCA", "time_limit", 120, "minutes", "Time limit 2 hours"),
    E("CCA", "passing_score", 300, "scaled score (100-400)", "Passing score 300 on a scale of 100 to 400"),
    E("CCA", "pass_rate", 64, "percent", "First-time pass rate (2024) 64%", "first-time, 2024"),
    R("CCA", "renewal", "20 continuing education units every two years", "CCA holders must earn 20 continuing education units every two years."),
])

page("/certifications/ccs-and-ccs-p.html", "certifications", "CCS and CCS-P", """<h1>Certified Coding Specialist (CCS) and CCS-P</h1>
<p>AHIMA offers two mastery-level coding credentials. The CCS focuses on hospital coding, and the CCS-P focuses on physician-based settings.</p>
<dl class="quick-facts">
<dt>CCS exam fee</dt><dd>$299 members / $399 non-members</dd>
<dt>CCS-P exam fee</dt><dd>$299 members / $399 non-members</dd>
<dt>CCS time limit</dt><dd>4 hours</dd>
</dl>
<h2>Eligibility</h2>
<p>Candidates for either exam should hold another AHIMA credential, have completed a coding program, or bring one to two years of coding experience.</p>
<h2>Keeping it active</h2>
<p>Both credentials need 20 continuing education units in each two-year cycle, including a coding self-assessment.</p>
""")

page("/certifications/rhit-and-rhia.html", "certifications", "RHIT and RHIA", """<h1>RHIT and RHIA: the degree-based credentials</h1>
<p>The Registered Health Information Technician (RHIT) and Registered Health Information Administrator (RHIA) are both issued by AHIMA.</p>
<table class="exam-facts">
<thead><tr><th>Fact</th><th>RHIT</th><th>RHIA</th></tr></thead>
<tbody>
<tr><td>Education required</td><td>Associate degree from a CAHIIM-accredited program</td><td>Bachelor's or master's degree from a CAHIIM-accredited program</td></tr>
<tr><td>Exam length</td><td>3.5 hours</td><td>4 hours</td></tr>
<tr><td>Renewal</td><td>20 CEUs every 2 years</td><td>30 CEUs every 2 years</td></tr>
</tbody>
</table>
<p>Because these credentials require a degree, they open doors to supervisory and data roles that coding-only credentials may not.</p>
""")

page("/certifications/cbcs-billing-and-coding-specialist.html", "certifications", "CBCS", """<h1>Certified Billing and Coding Specialist (CBCS)</h1>
<p>The Certified Billing and Coding Specialist (CBCS) credential is awarded by the National Healthcareer Association (NHA).</p>
<dl class="quick-facts">
<dt>Exam fee</dt><dd>$125</dd>
<dt>Scored questions</dt><dd>100</dd>
<dt>Time limit</dt><dd>3 hours</dd>
<dt>Passing score</dt><dd>390 on a scale of 200 to 500</dd>
</dl>
<h2>Eligibility</h2>
<ul>
<li>Candidates need a high school diploma or GED.</li>
<li>They must also have completed a billing and coding training program within the last 5 years, or</li>
<li>have at least 1 year of supervised work experience in billing and coding.</li>
</ul>
<h2>What the exam covers</h2>
<p>The exam tests claims processing, compliance, and ICD-10-CM and CPT coding for outpatient services.</p>
<h2>Renewal</h2>
<p>CBCS holders renew by completing 10 continuing education credits every 2 years.</p>
""", gold=[
    C("CBCS", "Certified Billing and Coding Specialist", "NHA", "The Certified Billing and Coding Specialist (CBCS) credential is awarded by the National Healthcareer Association (NHA)."),
    E("CBCS", "fee", 125, "USD", "Exam fee $125"),
    E("CBCS", "questions", 100, "questions", "Scored questions 100", "scored"),
    E("CBCS", "time_limit", 180, "minutes", "Time limit 3 hours"),
    E("CBCS", "passing_score", 390, "scaled score (200-500)", "Passing score 390 on a scale of 200 to 500"),
    R("CBCS", "education", "high school diploma or GED", "Candidates need a high school diploma or GED."),
    R("CBCS", "training", "billing and coding training program completed within the last 5 years", "They must also have completed a billing and coding training program within the last 5 years, or"),
    R("CBCS", "experience", "at least 1 year of supervised work experience", "have at least 1 year of supervised work experience in billing and coding.", months=12),
    M("code_system", "ICD-10-CM", "The exam tests claims processing, compliance, and ICD-10-CM and CPT coding for outpatient services."),
    M("code_system", "CPT", "The exam tests claims processing, compliance, and ICD-10-CM and CPT coding for outpatient services."),
    R("CBCS", "renewal", "10 continuing education credits every 2 years", "CBCS holders renew by completing 10 continuing education credits every 2 years."),
])

page("/certifications/cmrs-medical-reimbursement-specialist.html", "certifications", "CMRS", """<h1>Certified Medical Reimbursement Specialist (CMRS)</h1>
<p>The CMRS is offered by the American Medical Billing Association (AMBA) and is aimed at billers who work for practices or billing services.</p>
<h2>Eligibility</h2>
<p>There are no prerequisites to sit for the exam, although AMBA membership lowers the cost.</p>
<h2>The exam</h2>
<p>The exam is taken online and is open book, with sections on claims, coding basics, compliance and reimbursement.</p>
<h2>Renewal</h2>
<p>Holders keep the CMRS current by earning 15 continuing education units each year.</p>
""")

EXAM_ROWS = [
    ("CPC", "AAPC", 499, 100, 4, "70%", 70, "percent"),
    ("COC", "AAPC", 499, 100, 4, "70%", 70, "percent"),
    ("CPB", "AAPC", 499, 135, 4, "70%", 70, "percent"),
    ("CCA", "AHIMA", 199, 100, 2, "300 (scaled)", 300, "scaled score"),
    ("CCS", "AHIMA", 399, 115, 4, "300 (scaled)", 300, "scaled score"),
    ("CBCS", "NHA", 125, 100, 3, "390 (scaled)", 390, "scaled score"),
]


def exam_row_text(r):
    return f"{r[0]} {r[1]} ${r[2]} {r[3]} {r[4]} hours {r[5]}"


exam_rows_html = "\n".join(
    f"<tr><td>{r[0]}</td><td>{r[1]}</td><td>${r[2]}</td><td>{r[3]}</td><td>{r[4]} hours</td><td>{r[5]}</td></tr>" for r in EXAM_ROWS)
exam_gold = []
for r in EXAM_ROWS:
    ev = exam_row_text(r)
    exam_gold += [
        C(r[0], None, r[1], ev),
        E(r[0], "fee", r[2], "USD", ev, "non-member" if r[1] == "AHIMA" else None),
        E(r[0], "questions", r[3], "questions", ev),
        E(r[0], "time_limit", r[4] * 60, "minutes", ev),
        E(r[0], "passing_score", r[6], r[7], ev),
    ]
page("/certifications/exam-facts-comparison.html", "certifications", "Exam Facts Compared", f"""<h1>Coding and billing exams compared</h1>
<p>The table lines up the headline facts for six popular exams. Fees shown for AHIMA exams are the non-member prices.</p>
<table class="exam-compare">
<thead><tr><th>Credential</th><th>Issuer</th><th>Fee</th><th>Questions</th><th>Time limit</th><th>Passing score</th></tr></thead>
<tbody>
{exam_rows_html}
</tbody>
</table>
<p>Scaled scores are not percentages: they adjust for small differences in difficulty between versions of the same exam.</p>
""", gold=exam_gold)

page("/certifications/ceu-renewal-guide.html", "certifications", "Keeping a Credential Current", """<h1>Keeping a credential current</h1>
<p>Every credential in this library expires unless its holder keeps learning. The rules differ in the number of units and the length of the cycle.</p>
<dl class="renewal-facts">
<dt>AAPC credentials</dt><dd>36 CEUs every 2 years for one credential, plus annual membership</dd>
<dt>AHIMA coding credentials</dt><dd>20 CEUs every 2 years</dd>
<dt>NHA credentials</dt><dd>10 CE credits every 2 years</dd>
</dl>
<h2>Tips for earning units</h2>
<ul>
<li>Local chapter meetings often award one unit per session at no cost.</li>
<li>Webinars from issuers and coding publishers count if they are pre-approved.</li>
<li>Keep certificates of attendance in one folder in case you are audited.</li>
</ul>
""")

# ======================================================================
# Extra files
# ======================================================================
TRAP_PHRASE = "obsidian turnstile sentinel"
TRAP_HTML = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Draft archive</title><meta name="robots" content="noindex"></head>
<body><h1>Draft archive</h1>
<p>Robots trap: the {TRAP_PHRASE} page. A polite crawler never fetches it.</p>
<p>The median annual wage for medical coders was $1,111,111 in May 2099.</p>
<p>Employment of medical coders is projected to grow 999 percent from 2098 to 2099.</p>
</body></html>
"""

COMPASS_CSS = """body.compass{font-family:Georgia,serif;margin:0}.masthead{background:#123;color:#fff;padding:8px}
.topnav ul{list-style:none;display:flex;gap:12px}.cookie-banner{background:#ffd;padding:6px}.ad-slot{border:1px dashed #999;padding:6px}
.page-main,#content{max-width:700px;float:left}.sidebar,#sidebar{float:right;width:240px}.site-footer{clear:both;font-size:small}
"""
SCOUT_CSS = """body{font-family:Arial,sans-serif}.scout-top{background:#064;color:#fff}.school-card{border:1px solid #ccc;margin:6px;padding:6px}
.badge{background:#eef;border-radius:3px;padding:1px 4px;margin-right:4px;font-size:small}.scout-rail{float:right;width:220px}
.promo-box{background:#fee;padding:6px}.scout-foot{clear:both;font-size:small}
"""
COUNCIL_CSS = """.cc-body{font-family:Verdana,sans-serif}.cc-header{border-bottom:3px solid #520}.cc-layout{display:flex}
#main-content{flex:3}.cc-related{flex:1}dl.quick-facts dt{font-weight:bold}.cc-alert{background:#fcc}.skip{position:absolute;left:-999px}
"""


def make_pdf() -> bytes:
    text = "Medical coding career checklist: finish a program, pass a credential exam, keep earning CEUs."
    stream = f"BT /F1 11 Tf 40 760 Td ({text}) Tj ET".encode("latin-1")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def make_png() -> bytes:
    w = h = 16
    raw = b"".join(b"\x00" + b"".join(bytes((20, 80 + 8 * x, 140, 255)) for x in range(w)) for _ in range(h))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    for p in PAGES:
        html = RENDER[p["style"]](p)
        dest = SITE / p["path"].lstrip("/")
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(html.encode(p["encoding"]))
    for rel, data in {"robots.txt": "User-agent: *\nDisallow: /private/\n", "private/trap.html": TRAP_HTML,
                      "css/compass.css": COMPASS_CSS, "css/scout.css": SCOUT_CSS, "css/council.css": COUNCIL_CSS}.items():
        dest = SITE / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(data, encoding="utf-8")
    (SITE / "downloads").mkdir(exist_ok=True)
    (SITE / "downloads" / "coding-checklist.pdf").write_bytes(make_pdf())
    (SITE / "img").mkdir(exist_ok=True)
    (SITE / "img" / "logo.png").write_bytes(make_png())

    by_style = {}
    for p in PAGES:
        by_style.setdefault(p["style"], []).append(p["path"])
    expected = {
        "content_pages": [p["path"] for p in PAGES],
        "pages_by_style": by_style,
        "gold_pages": [p["path"] for p in PAGES if p["gold"]],
        "chrome_markers": [m for ms in CHROME_MARKERS.values() for m in ms],
        "chrome_markers_by_style": CHROME_MARKERS,
        "script_markers": ["Flash sale: 61% off CPC prep until midnight", "mockQuestions", "wordCount",
                           "Only 7 seats left at $199 in the live bootcamp"],
        "script_page": "/guides/coding-exam-prep-tips.html",
        "noscript_page": "/programs/index.html",
        "noscript_text": "412-school comparison grid",
        "trap_path": "/private/trap.html",
        "trap_phrase": TRAP_PHRASE,
        "robots_disallow": ["/private/"],
        "offsite_urls": sorted({
            "https://www.bls.gov/ooh/healthcare/medical-records-and-health-information-technicians.htm",
            "https://www.aapc.com/certifications/cpc",
            "https://www.ahima.org/certification-careers/certifications-overview/",
            "https://example.org/ads/click?id=4471",
            "https://example.org/privacy",
            "https://example.org/apex?ref=scout",
            "https://www.nhanow.com/",
        }),
        "non_html": ["/downloads/coding-checklist.pdf", "/img/logo.png", "/css/compass.css", "/css/scout.css", "/css/council.css"],
        "unique_phrase": {"phrase": UNIQUE_PHRASE, "path": "/guides/denial-management-basics.html"},
        "windows_1252_page": {"path": "/guides/career-changer-stories.html",
                              "text": "“I wanted a desk job that still felt like patient care,” says Renée.",
                              "also": ["She passed the CPC® exam on her second attempt", "CodeFinder™ encoder", "José Ortega"]},
        "pagination": ["/programs/index.html", "/programs/page-2.html", "/programs/page-3.html"],
    }
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as f:
        for p in PAGES:
            pid = p["path"].rsplit("/", 1)[-1][:-5]
            for g in p["gold"]:
                f.write(json.dumps({"page": pid, **g}, ensure_ascii=False) + "\n")
    print(f"{len(PAGES)} content pages, {sum(len(p['gold']) for p in PAGES)} gold facts on "
          f"{sum(1 for p in PAGES if p['gold'])} pages")


if __name__ == "__main__":
    main()
