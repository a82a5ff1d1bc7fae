"""Row 2 of `make bench`: clean + extract on one core, beside trafilatura, in a process of its own.

Run by bench/run.py as ``python -m bench.extraction [PAGES]``; prints the rates (pages/s) as JSON.
A fresh process reads pages as the crawl's extraction worker does, with nothing else loaded: it loads the
pipeline as the worker does (``crawler.workers.load_pipeline``).
"""

from __future__ import annotations

import functools
import json
import random
import sys
import time
from collections.abc import Callable
from typing import Any

import lxml.html
import trafilatura
from bs4 import BeautifulSoup

from bench.sitegen import article
from crawler.workers import load_pipeline
from pipeline.memo import forget_texts
from pipeline.process import process_page


def per_second(fn: Callable[[str], Any], pages: list[str]) -> float:
    start = time.perf_counter()
    for page in pages:
        fn(page)
    return len(pages) / (time.perf_counter() - start)


def first_reading(html: str) -> None:
    """``process_page`` as if the page were the first: every remembered reading forgotten."""
    forget_texts()
    process_page(html, "http://127.0.0.1/a")


ROUNDS = 5  # every reader over the pages in turn, this many times: the machine's speed drifts between readers


def rates(count: int) -> dict[str, Any]:
    """Pages/s of ours (with and without readings remembered from earlier pages) and of the baselines.

    The pages of one site share headings, labels and list items, which the pipeline reads once;
    a page's prose is new to it either way. The machine's speed drifts from round to round, so the
    rates are those of the round whose ratio of ours to trafilatura is the median, as for the crawl;
    ``ratios`` lists every round's.
    """
    load_pipeline()
    rng = random.Random(7)
    pages = [article(n, 5000, rng) for n in range(count)]
    readers = {  # ours and trafilatura side by side: their ratio is the figure that counts
        "ours": functools.partial(process_page, url="http://127.0.0.1/a"),
        "trafilatura": trafilatura.extract,
        "first": first_reading,
        "beautifulsoup": functools.partial(BeautifulSoup, features="lxml"),
        "lxml": lxml.html.document_fromstring,
    }
    measured = [one_round(readers, pages) for _ in range(ROUNDS)]
    ratios = [round_["ours"] / round_["trafilatura"] for round_ in measured]
    median = sorted(range(ROUNDS), key=ratios.__getitem__)[ROUNDS // 2]
    return {**measured[median], "ratios": ratios}


def one_round(readers: dict[str, Callable[[str], Any]], pages: list[str]) -> dict[str, float]:
    """Each reader's pages/s, ours starting as a fresh worker does: the last round's pages are not remembered."""
    forget_texts()
    process_page(pages[0], "http://127.0.0.1/warm-up")
    return {name: per_second(read, pages) for name, read in readers.items()}


if __name__ == "__main__":
    print(json.dumps(rates(int(sys.argv[1]) if len(sys.argv) > 1 else 600)))
