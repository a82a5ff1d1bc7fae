"""Item pipelines: clean and extract pages on other cores, then record every URL's outcome in batches.

The crawler's process only crawls: cleaning and extraction run in a pool of worker processes, and all
SQLite work in one writer process (kb.writer), so neither competes with the crawl for its core.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import time
from collections import Counter
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import IO, Any

from crawler.items import FAILED, FETCHED, PageItem
from crawler.workers import extract_page, load_pipeline, worker_pool
from kb import writer
from kb.runs import RunState, lock

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


class StorePipeline:
    """Own the run: take the file's lock, resume or begin the run, write outcomes in batches, finish it.

    The writing happens in a writer process (kb.writer); this pipeline only batches and hands over.
    """

    MAX_PENDING_WRITES = 2

    def __init__(self, crawler: Any) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.path = settings.get("KB_DB")
        self.batch_pages = settings.getint("KB_BATCH_PAGES")
        self.batch_seconds = settings.getfloat("KB_BATCH_SECONDS")
        self.pending: list[PageItem] = []
        self.writes: list[Future] = []
        self.last_flush = time.monotonic()
        self.totals: Counter[str] = Counter()
        self.writer = worker_pool(1)
        self.lock: IO[str] | None = None
        self.run: RunState | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.lock = lock(self.path)
        spider = self.crawler.spider
        self.run = self.writer.submit(writer.open_run, self.path, spider.command, spider.run_args(),
                                      spider.seeds(), spider.revisit_sites()).result()
        spider.run = self.run
        if self.run.resumed:
            logger.info("Resuming run %d: %d URLs done, %d left", self.run.run_id, len(self.run.done),
                        len(self.run.pending))

    async def process_item(self, item: PageItem) -> PageItem:
        self.pending.append(item)
        if len(self.pending) >= self.batch_pages or time.monotonic() - self.last_flush >= self.batch_seconds:
            self.flush()
        self.writes = [w for w in self.writes if not w.done()]
        if len(self.writes) > self.MAX_PENDING_WRITES:
            await asyncio.wrap_future(self.writes[0])
        return item

    def close_spider(self) -> None:
        self.flush()
        for write in self.writes:
            write.result()
        finished = self.crawler.stats.get_value("finish_reason") != "shutdown"
        if not finished:
            logger.info("Run %d interrupted; run the same command again to resume it", self.run.run_id)
        self.writer.submit(writer.close_run, self.run.run_id, finished).result()
        self.writer.shutdown()
        self.lock.close()

    def flush(self) -> None:
        self.last_flush = time.monotonic()
        if self.pending:
            write = self.writer.submit(writer.write, self.run.run_id, self.pending)
            write.add_done_callback(functools.partial(self._written, len(self.pending)))
            self.writes.append(write)
            self.pending = []

    def _written(self, urls: int, write: Future) -> None:
        if write.exception():
            return  # raised again where the write is awaited
        counts = write.result()
        self.totals.update(counts)
        for key, value in counts.items():
            self.crawler.stats.inc_value(f"kb/{key}", value)
        logger.info(
            "Stored %d URLs: %d new, %d changed, %d unchanged, %d failed; %d facts added (run totals: %s)",
            urls, counts["new"], counts["changed"], counts["unchanged"], counts["failed"],
            counts["facts_added"], ", ".join(f"{k} {v}" for k, v in sorted(self.totals.items())),
        )
