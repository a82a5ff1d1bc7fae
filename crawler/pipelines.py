"""Item pipelines: clean and extract each page, then store pages and facts in batches."""

from __future__ import annotations

import logging
import time
from typing import Any

from crawler.items import PageItem
from kb.store import Store
from pipeline.clean import clean_html
from pipeline.extract import extract_facts

logger = logging.getLogger(__name__)


class ExtractPipeline:
    """Turn the page's HTML into main-content blocks and facts."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExtractPipeline:
        pipeline = cls()
        pipeline.stats = crawler.stats
        return pipeline

    def process_item(self, item: PageItem) -> PageItem:
        item.page = clean_html(item.html, item.url)
        item.facts = extract_facts(item.page)
        self.stats.inc_value("kb/facts_extracted", sum(map(len, item.facts.values())))
        return item


class StorePipeline:
    """Write pages and their facts to the knowledge base, many pages per transaction."""

    def __init__(self, path: str, batch_pages: int, batch_seconds: float, stats: Any) -> None:
        self.path = path
        self.batch_pages = batch_pages
        self.batch_seconds = batch_seconds
        self.stats = stats
        self.pending: list[PageItem] = []
        self.last_flush = time.monotonic()
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        s = crawler.settings
        return cls(s.get("KB_DB"), s.getint("KB_BATCH_PAGES"), s.getfloat("KB_BATCH_SECONDS"), crawler.stats)

    def open_spider(self) -> None:
        self.store = Store(self.path)

    def process_item(self, item: PageItem) -> PageItem:
        self.pending.append(item)
        if len(self.pending) >= self.batch_pages or time.monotonic() - self.last_flush >= self.batch_seconds:
            self.flush()
        return item

    def close_spider(self) -> None:
        self.flush()
        self.store.close()

    def flush(self) -> None:
        self.last_flush = time.monotonic()
        if not self.pending:
            return
        counts = self.store.write_pages(self.pending)
        for key, value in counts.items():
            self.stats.inc_value(f"kb/{key}", value)
        logger.info(
            "Stored %d pages (%d in all), %d facts (%d in all)",
            counts["pages_stored"], self.stats.get_value("kb/pages_stored"),
            counts["facts_stored"], self.stats.get_value("kb/facts_stored"),
        )
        self.pending = []
