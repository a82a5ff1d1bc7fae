"""A large knowledge base from a crawled one: the crawl's wage facts copied, with varied columns, to N rows.

A crawl of the benchmark site states one occupation, one source and one date, so plain copies would give
a million rows that a filter either keeps all of or none of. A knowledge base grown over many crawls holds
many pages restating a limited set of published figures: a source's statistic for an occupation, dated,
perhaps for one state or setting. So each copy here keeps its fact's period, amount (scaled a little) and
evidence (with a sentence of some page's prose added, so that search words range from rare to common), is
put on a random page, and takes its occupation (with the SOC code a crawl would give it), source, statistic,
date and qualifier from one of a few thousand such figures, the popular ones restated far more often than the
rest (all with a fixed seed).
"""

from __future__ import annotations

import functools
import random
import sqlite3
from collections.abc import Callable
from itertools import accumulate
from pathlib import Path
from typing import Any

import sqlite_utils

from kb.schema import refresh_statistics
from pipeline.occupations import name_occupation
from pipeline.statements import occupation_columns

OCCUPATIONS = [
    "medical records specialists", "medical coders", "medical billers", "medical billing and coding specialists",
    "health information technicians", "coding specialists", "medical records technicians",
    "certified professional coders", "inpatient coders", "outpatient coders", "billing specialists",
    "health information managers", "revenue cycle specialists", "coding auditors",
    "clinical documentation specialists", "remote medical coders", "risk adjustment coders",
    "medical claims examiners", "patient account representatives", "charge entry specialists",
    "coding managers", "medical office specialists", "reimbursement specialists", "coding educators",
]
SOURCES = ["BLS", "AAPC", "AHIMA", "Indeed", "Glassdoor", "NHA", "Payscale", "ZipRecruiter", None]
STATISTICS = {"median": 35, "mean": 30, "top10": 8, "bottom10": 8, "p25": 7, "p75": 7, "other": 5}
STATES = ["Texas", "Ohio", "Florida", "Georgia", "Oregon", "Nevada", "Maine", "Iowa", "Utah", "Kansas",
          "California", "New York", "Illinois", "Arizona", "Colorado", "Virginia", "Michigan", "Alabama"]
QUALIFIERS = ([None] * 18 + [f"state: {s}" for s in STATES]
              + ["industry: hospitals", "industry: physician offices", "industry: insurance carriers",
                 "setting: remote", "experience: entry level", "experience: 10 years"]
              + [f"credentials: {n}" for n in (1, 2, 3)] + [f"credential: {c}" for c in ("CPC", "CCS", "CCA")])
YEARS = list(range(2014, 2026))
OLD_RUN = "2025-01-15T00:00:00+00:00"  # copies were first read by earlier runs, not by the file's last one


def zipf(values: list, rng: random.Random) -> Callable[[], Any]:
    """A draw from ``values`` where the k-th is 1/k as likely as the first."""
    weights = list(accumulate(1 / (k + 1) for k in range(len(values))))
    return lambda: rng.choices(values, cum_weights=weights)[0]


def figures(rng: random.Random, count: int) -> list[tuple]:
    """``count`` published figures: (occupation, source, statistic, as_of, qualifier)."""
    occupation, source, qualifier = zipf(OCCUPATIONS, rng), zipf(SOURCES, rng), zipf(QUALIFIERS, rng)
    statistics, weights = list(STATISTICS), list(STATISTICS.values())

    def as_of() -> str | None:
        year = rng.choice(YEARS[rng.randrange(len(YEARS)):])  # recent years more often
        return rng.choices([None, str(year), f"{year}-{rng.randint(1, 12):02d}"], [15, 45, 40])[0]

    return [(occupation(), source(), rng.choices(statistics, weights)[0], as_of(), qualifier()) for _ in range(count)]


@functools.cache
def soc(occupation: str, as_of: str | None) -> tuple[str | None, str | None]:
    """The occupation's SOC code and its basis, as a crawl gives them to a statement naming it, dated ``as_of``."""
    columns = occupation_columns((name_occupation(occupation), "statement"), int(as_of[:4]) if as_of else None)
    return columns["occupation_code"], columns["occupation_basis"]


def grow_facts(db: Path, rows: int, seed: int = 18, published: int = 3000) -> None:
    """Add copies of the crawl's wage facts until ``wages`` holds ``rows`` rows (full-text index kept current)."""
    rng = random.Random(seed)
    with sqlite3.connect(db) as conn:
        conn.execute("pragma cache_size = -400000")  # the full-text index merges in memory, not through the disk
        facts = conn.execute("select id, amount, period, evidence from wages order by id").fetchall()
        pages = [url for (url,) in conn.execute("select url from pages order by url")]
        prose = sorted({line for (text,) in conn.execute("select text from pages") for line in text.splitlines()
                        if 8 <= line.count(" ") <= 30 and "|" not in line and "$" not in line})
        pool = {period: zipf(figures(rng, published), rng) for period in ("annual", "hourly")}

        def copy(n: int) -> tuple:
            fact_id, amount, period, evidence = facts[n % len(facts)]
            occupation, source, statistic, as_of, qualifier = pool[period]()
            scaled = round(amount * rng.uniform(0.8, 1.25), 2 if period == "hourly" else -1)
            return (f"{fact_id}-{n}", rng.choice(pages), occupation, *soc(occupation, as_of), statistic, scaled, period,
                    as_of, source, qualifier, f"{evidence} {rng.choice(prose)}", OLD_RUN, OLD_RUN)

        conn.executemany(
            "insert into wages (id, page_url, occupation, occupation_code, occupation_basis, statistic, amount, "
            "period, as_of, attributed_to, qualifier, evidence, first_seen, last_seen) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (copy(n) for n in range(rows - len(facts))),
        )
    with sqlite_utils.Database(db) as grown:  # as the end of the run that grew it would
        refresh_statistics(grown)
