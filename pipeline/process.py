"""One page through the whole pipeline: clean, then extract unless its content is unchanged."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.clean import clean_html
from pipeline.extract import Row, extract_facts
from pipeline.page import CleanPage


@dataclass
class ProcessedPage:
    """A cleaned page, and its facts when its content changed (``unchanged`` otherwise)."""

    page: CleanPage
    unchanged: bool
    facts: dict[str, list[Row]] = field(default_factory=dict)


def process_page(html: str, url: str, known_hash: str | None = None) -> ProcessedPage:
    """Clean ``html``; extract facts unless its main text hashes to ``known_hash``."""
    page = clean_html(html, url)
    if known_hash is not None and page.content_hash == known_hash:
        return ProcessedPage(page, unchanged=True)
    return ProcessedPage(page, unchanged=False, facts=extract_facts(page))
