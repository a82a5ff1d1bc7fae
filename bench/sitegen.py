"""Generate a large local site of realistic career pages (CMS markup and chrome included, facts inside).

Two site styles alternate, as on the public web: a blog's career guides (WordPress-like markup)
and a college's program pages (a Drupal-like theme). Both carry the markup real themes do:
wrapper divs with long class lists, inline links and emphasis, breadcrumbs, share buttons,
comments, widgets, JSON-LD and scripts, with tempting figures in the chrome.
"""

from __future__ import annotations

import random
import tomllib
from datetime import date, timedelta
from pathlib import Path

STATES = ["Texas", "Ohio", "Florida", "Georgia", "Oregon", "Nevada", "Maine", "Iowa", "Utah", "Kansas"]
CREDENTIALS = [("CPC", "AAPC"), ("CCS", "AHIMA"), ("CCA", "AHIMA"), ("CBCS", "NHA"), ("CPB", "AAPC")]
COURSES = ["Medical Terminology", "Anatomy and Physiology", "ICD-10-CM Coding", "CPT Coding",
           "Healthcare Reimbursement", "Pharmacology Basics", "Medical Law and Ethics"]
ACCREDITORS = [("Accrediting Bureau of Health Education Schools", "ABHES"),
               ("Accrediting Commission of Career Schools and Colleges", "ACCSC"),
               ("Distance Education Accrediting Commission", "DEAC")]
TOWNS = ["Lakeview", "Riverbend", "Cedar Falls", "Marlow", "Pine Hill", "Westbrook", "Ashford", "Dunmore"]
LISTING_SIZE = 100
_PROSE = tomllib.loads((Path(__file__).with_name("prose.toml")).read_text(encoding="utf-8"))

BLOG_TOP = """<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} &#8211; Coder Atlas</title>
<link rel="stylesheet" id="atlas-style-css" href="/wp-content/themes/atlas/style.css?ver=2.4" media="all">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"Article","headline":"{title}"}}</script>
</head>
<body class="post-template-default single single-post postid-{pid} single-format-standard">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<div class="top-bar promo-bar">Enroll this month: earn your certificate in 8 weeks and start at $92,000!</div>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="/index.html" rel="home">Coder Atlas</a></p>
<p class="site-description">Careers in medical billing and coding</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{nav}</ul></nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
"""
BLOG_BOTTOM = """</main></div>
<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="/">
<label><span class="screen-reader-text">Search for:</span><input type="search" class="search-field" name="s"></label>
<input type="submit" class="search-submit" value="Search"></form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Popular this week</h2>
<ul>{popular}</ul></section>
<section id="text-3" class="widget widget_text"><div class="textwidget"><p>Salary calculator: coders in Alaska
earn up to $88,400. 12% raises reported.</p></div></section>
</aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; 2026 Coder Atlas Media. All rights reserved.
Call 1-800-555-0187. <a href="/about.html">About</a> <a href="https://example.org/privacy">Privacy</a></div></footer>
</div>
<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<script id="atlas-ads-js">window.adSlots=[{{"id":"top","cpm":4.1}}];</script>
</body></html>
"""
SCHOOL_TOP = """<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title} | {school}</title>
<link rel="stylesheet" media="all" href="/sites/default/files/css/css_Xk2.css">
<script type="application/json" data-drupal-selector="drupal-settings-json">
{{"path":{{"currentPath":"node/{pid}"}}}}</script>
</head>
<body class="path-node page-node-type-program">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div class="alert-banner" role="alert">Spring term starts soon. Apply by March 1 and save $250!</div>
<header class="header" role="banner"><div class="container"><div class="region region-header">
<div id="block-sitebranding" class="block block-system"><a href="/index.html" rel="home">{school}</a></div>
<nav role="navigation" aria-labelledby="block-main-menu" id="block-main" class="block block-menu">
<ul class="nav navbar-nav">{nav}</ul></nav></div></div></header>
<div class="container"><div class="row">
<main id="main-content" class="col-md-9" role="main"><div class="region region-content">
"""
SCHOOL_BOTTOM = """</div></main>
<aside class="col-md-3 sidebar" role="complementary"><div class="region region-sidebar">
<div class="block block-views"><h2>Quick facts</h2><ul><li>4,800 students</li><li>94% job placement</li>
<li>Classes from $199 a credit</li></ul></div>
<div class="block block-block-content"><h2>Upcoming events</h2><ul>{popular}</ul></div></div></aside>
</div></div>
<footer class="site-footer" role="contentinfo"><div class="container">
<p>{school} &middot; 100 College Way &middot; (555) 013-2200</p>
<p>{school} is accredited by a regional accreditor. Gainful employment disclosures: median debt $9,875.</p>
<p>&copy; 2026 {school}. Equal opportunity institution. <a href="/about.html">About</a>
<a href="https://example.org/privacy">Privacy</a> <a href="/listing-4.html">Careers at the college</a></p>
</div></footer>
</div>
<script src="/core/assets/vendor/jquery/jquery.min.js?v=3.7.1"></script>
<script src="/core/misc/drupal.js?v=10.2.3"></script>
</body></html>
"""


def _prose(rng: random.Random, count: int) -> str:
    """``count`` paragraphs of one sentence each, put together from prose.toml's parts."""
    slots = _PROSE["slots"]
    return "".join("<p>" + template.format(**{name: rng.choice(slots[name]) for name in slots}) + "</p>\n"
                   for template in rng.sample(_PROSE["sentences"], count))


def _heading(rng: random.Random, topic: str, **names: str) -> str:
    return rng.choice(_PROSE["headings"][topic]).format(**names)


def _guide(n: int, total: int, rng: random.Random) -> str:
    """A blog's career guide: pay with a state table, outlook, an exam, a program and its courses."""
    code, issuer = CREDENTIALS[n % len(CREDENTIALS)]
    median = rng.randrange(38_000, 62_000, 10)
    state_rows = "".join(f"<tr><td>{s}</td><td>${rng.randrange(36_000, 64_000, 10):,}</td></tr>"
                         for s in rng.sample(STATES, 5))
    courses = "".join(f"<li>{c}</li>" for c in rng.sample(COURSES, 4))
    title = f"Medical coding career guide {n}: the {code} path"
    town = rng.choice(TOWNS)
    posted = date(2024, 1, 1) + timedelta(days=rng.randrange(1000))
    body = f"""<nav class="breadcrumbs"><a href="/index.html">Home</a> &raquo; <a href="/listing-1.html">Guides</a>
&raquo; <span>Guide {n}</span></nav>
<article id="post-{n}" class="post-{n} post type-post status-publish format-standard hentry category-careers">
<header class="entry-header"><h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <a href="/articles/guide-{n}.html" rel="bookmark">
<time class="entry-date published" datetime="{posted:%Y-%m-%d}T09:14:00+00:00">
{posted:%B} {posted.day}, {posted.year}</time>
</a></span></div>
</header>
<div class="entry-content">
<p><em>Guide {n}</em> looks at one route into <a href="/listing-1.html">medical billing and coding</a>: what it
pays, and how long it takes.</p>
<h2 class="wp-block-heading" id="pay">{_heading(rng, "pay")}</h2>
<p>The median annual wage for medical records specialists was <strong>${median:,}</strong> in May 2023,
according to the <a href="https://example.org/ooh">Bureau of Labor Statistics</a>. That is about
${median / 2080:.2f} per hour for a full-time schedule.</p>
<figure class="wp-block-table is-style-stripes"><table><thead><tr><th>State</th><th>Annual mean wage</th></tr>
</thead><tbody>{state_rows}</tbody></table><figcaption class="wp-element-caption">Annual mean wage by
state</figcaption></figure>
<h2 class="wp-block-heading" id="outlook">{_heading(rng, "outlook")}</h2>
<p>Employment of medical records specialists is projected to grow <strong>{rng.randint(3, 12)} percent</strong>
from 2023 to 2033, with about {rng.randrange(12_000, 16_000, 100):,} openings projected each year.</p>
<h2 class="wp-block-heading" id="exam">{_heading(rng, "exam", code=code)}</h2>
<p>The {code} credential is awarded by <a href="https://example.org/{issuer.lower()}">{issuer}</a>. The exam
fee is ${rng.choice([299, 349, 399, 425, 499])}, and the test has {rng.choice([100, 115, 141])} questions to
answer in {rng.choice([3, 4, 5])} hours.</p>
<h2 class="wp-block-heading" id="training">{_heading(rng, "training")}</h2>
<p>{town} Technical College {n} offers an online certificate in medical billing and coding that takes
{rng.choice([6, 9, 12, 18, 24])} months and costs ${rng.randrange(2_000, 18_000, 50):,} in tuition; it
prepares students for the {code} exam.</p>
<h3 class="wp-block-heading">{_heading(rng, "courses")}</h3>
<ul class="wp-block-list">{courses}</ul>
<h2 class="wp-block-heading" id="job">{_heading(rng, "job")}</h2>
{_prose(rng, 2)}
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/listing-1.html" rel="category tag">
Careers</a></span><div class="share-buttons"><a class="share-facebook" href="#">Share 1.2k</a>
<a class="share-x" href="#">Post 340</a></div></footer>
</article>
<nav class="navigation post-navigation" aria-label="Posts"><div class="nav-links">{_neighbours(n, total)}</div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on &ldquo;{title}&rdquo;</h2>
<ol class="comment-list"><li class="comment even depth-1"><article class="comment-body">
<footer class="comment-meta"><b class="fn">Dana</b> <span class="says">says:</span></footer>
<div class="comment-content"><p>I passed on my second try and my first coding job paid $41,600 a year.</p></div>
</article></li><li class="comment odd depth-1"><article class="comment-body">
<footer class="comment-meta"><b class="fn">Luis</b> <span class="says">says:</span></footer>
<div class="comment-content"><p>Took me 14 months part time. Worth it.</p></div></article></li></ol></div>
"""
    nav = "".join(f'<li id="menu-item-{i}" class="menu-item menu-item-type-post_type menu-item-object-page">'
                  f'<a href="/listing-{i}.html">Section {i}</a></li>' for i in range(1, 11))
    return BLOG_TOP.format(title=title, nav=nav, pid=n) + body + BLOG_BOTTOM.format(popular=_popular(n, total))


def _program(n: int, total: int, rng: random.Random) -> str:
    """A college's program page: award, length, cost, accreditation, admission, courses and career pay."""
    code, issuer = CREDENTIALS[n % len(CREDENTIALS)]
    accreditor, acronym = rng.choice(ACCREDITORS)
    school = f"{rng.choice(TOWNS)} Community College {n}"
    award = rng.choice(["Certificate", "Diploma"])
    months, credits = rng.choice([(9, 30), (12, 36), (15, 42), (18, 48)])
    cost = rng.randrange(3_000, 16_000, 50)
    courses = "".join(f'<li><a href="/articles/guide-{(n + 3 * i) % total}.html">{c}</a></li>'
                      for i, c in enumerate(rng.sample(COURSES, 5)))
    title = f"Medical Billing and Coding {award}"
    body = f"""<div data-drupal-messages-fallback class="hidden"></div>
<nav class="breadcrumb" role="navigation"><ol><li><a href="/index.html">Home</a></li><li><a href="/listing-2.html">
Programs</a></li><li>{title}</li></ol></nav>
<article data-history-node-id="{n}" role="article" class="node node--type-program node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">{title}</span></h1>
<div class="node__content"><div class="field field--name-field-summary field--type-text-long">
<p>{school}'s {award.lower()} trains you to code and bill for physicians, hospitals and insurers, and prepares
you for the <strong>{code}</strong> exam from {issuer}.</p></div>
<div class="program-facts"><dl class="field field--name-field-facts">
<dt>Award</dt><dd>{award}</dd><dt>Length</dt><dd>{months} months</dd><dt>Credits</dt><dd>{credits}</dd>
<dt>Tuition and fees</dt><dd>${cost:,}</dd><dt>Format</dt><dd>Online</dd></dl></div>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary">
<h2>Program overview</h2>
<p>The program is taught fully online, and students finish its {credits} credits in about {months} months.
Tuition and fees for the whole program come to <strong>${cost:,}</strong>, books included.</p>
<p>{school} is accredited by the {accreditor} ({acronym}).</p>
<h2>Admission requirements</h2>
<ul><li>A high school diploma or GED</li><li>A placement test in reading</li><li>A background check before the
externship</li></ul>
<h2>Courses</h2>
<ul class="course-list">{courses}</ul>
<h2>Career outlook</h2>
<p>According to the Bureau of Labor Statistics, medical records specialists earned a median annual wage of
${rng.randrange(44_000, 52_000, 10):,} in May 2023.</p>
{_prose(rng, 2)}
<h2>Externship</h2>
<p>In the final term, students spend 120 hours coding real charts at a partner clinic or hospital, under a
credentialed supervisor, before they sit for the certification exam.</p>
<div class="cta-box"><a class="btn btn-primary" href="/listing-2.html">Request information</a>
<a class="btn btn-outline" href="/listing-3.html">Apply now</a></div>
</div></div></article>
<div class="related-programs"><h2>Related programs</h2><ul>{_popular(n + 1, total)}</ul></div>
"""
    nav = "".join(f'<li class="nav-item menu-item--collapsed"><a href="/listing-{i}.html" class="nav-link">'
                  f'Area {i}</a></li>' for i in range(1, 11))
    return (SCHOOL_TOP.format(title=title, school=school, nav=nav, pid=n) + body
            + SCHOOL_BOTTOM.format(school=school, popular=_popular(n, total)))


def _neighbours(n: int, total: int) -> str:
    return "".join(f'<div class="nav-{rel}"><a href="/articles/guide-{(n + step) % total}.html" rel="{rel}">'
                   f'Guide {(n + step) % total}</a></div>' for rel, step in (("previous", total - 1), ("next", 1)))


def _popular(n: int, total: int) -> str:
    return "".join(f'<li><a href="/articles/guide-{(n * 7 + i) % total}.html">Popular guide {i}</a></li>'
                   for i in (1, 2, 3, 17, 101))


def article(n: int, total: int, rng: random.Random) -> str:
    """Page ``n`` of the site, about 8 KB: a career guide or, for every third page, a program page."""
    return _program(n, total, rng) if n % 3 == 2 else _guide(n, total, rng)


def listing(page: int, pages: int, total: int) -> str:
    start = (page - 1) * LISTING_SIZE
    items = "".join(f'<li><a href="/articles/guide-{i}.html">Medical coding career guide {i}</a></li>'
                    for i in range(start, min(start + LISTING_SIZE, total)))
    pager = "".join(f'<a href="/listing-{p}.html">{p}</a> ' for p in range(1, pages + 1))
    body = f"<h1>All guides, page {page}</h1><ul>{items}</ul><p>Pages: {pager}</p>"
    return BLOG_TOP.format(title=f"Guides page {page}", nav="", pid=0) + body + BLOG_BOTTOM.format(popular="")


def generate(out: Path, total: int = 5000, seed: int = 2026) -> Path:
    """Write ``total`` pages, listing pages and an index under ``out``; returns the index path."""
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
