"""One page through the whole pipeline: clean, then extract unless its content is unchanged."""

from __future__ import annotations

from pipeline.clean import clean_html
from pipeline.extract import extract_facts
from pipeline.page import ProcessedPage


def process_page(html: str, url: str, known_hash: str | None = None) -> ProcessedPage:
    """Clean ``html``; extract facts unless its main text hashes to ``known_hash``."""
    page = clean_html(html, url)
    unchanged = known_hash is not None and page.content_hash == known_hash
    facts = {} if unchanged else extract_facts(page)
    return ProcessedPage(page.title, page.text, page.content_hash, unchanged, facts)
