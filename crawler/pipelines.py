"""Item pipelines of the crawl: clean and extract pages on other cores.

The crawler's process only crawls: cleaning and extraction run in a pool of worker processes. Where the items
go next is the last pipeline's business: the knowledge base's ``kb.pipelines.StorePipeline``, or in a shared
crawl ``crawler.distributed.HandOverPipeline``.
"""

from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from crawler.items import FAILED, FETCHED, PageItem
from crawler.workers import extract_page, load_pipeline, worker_pool

logger = logging.getLogger(__name__)
PAGES_PER_WORKER = 4


class ExtractPipeline:
    """Turn a fetched page's HTML into main-content blocks and, when its content changed, facts."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.workers = crawler.settings.getint("KB_EXTRACT_WORKERS") or max(1, (os.cpu_count() or 2) - 1)
        self.pool = self._start_pool()
        self.slots: asyncio.Semaphore | None = None  # pages in the pool at once: bounds memory, slows the crawl

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExtractPipeline:
        return cls(crawler)

    def _start_pool(self) -> ProcessPoolExecutor:
        """The worker pool, its workers importing the pipeline now, while the crawl starts, not on the first page."""
        pool = worker_pool(self.workers)
        for _ in range(self.workers):
            pool.submit(load_pipeline)
        return pool

    async def process_item(self, item: PageItem) -> PageItem:
        if item.outcome != FETCHED:
            return item
        spider = self.crawler.spider
        known = spider.run.known.get(item.url)
        known_hash = None if spider.full or not known or known.gone else known.content_hash
        html, item.html = item.html, ""
        self.slots = self.slots or asyncio.Semaphore(self.workers * PAGES_PER_WORKER)
        try:
            async with self.slots:
                result = await asyncio.wrap_future(self.pool.submit(extract_page, html, item.url, known_hash))
        except BrokenProcessPool:
            self.pool = self._start_pool()
            return _failed(item, "unparseable", "the extraction worker died on this page")
        except Exception as exc:  # a page that breaks cleaning or extraction is recorded, never fatal
            logger.error("Cannot process %s: %s: %s", item.url, type(exc).__name__, exc)
            return _failed(item, "unparseable", f"{type(exc).__name__}: {exc}")
        if not result.text:
            logger.warning("No main content in %s", item.url)
            return _failed(item, "empty", "no main content found")
        item.page = result
        self.crawler.stats.inc_value("kb/facts_extracted", sum(map(len, result.facts.values())))
        return item

    def close_spider(self) -> None:
        self.pool.shutdown()


def _failed(item: PageItem, kind: str, message: str) -> PageItem:
    item.outcome, item.error_kind, item.error, item.page = FAILED, kind, message, None
    return item
