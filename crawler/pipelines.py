"""Item pipelines: clean and extract pages on other cores, then record every URL's outcome in batches.

The reactor thread only crawls: cleaning and extraction run in a process pool, and all SQLite
work runs in one writer thread, so neither slows the crawl down.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import time
from collections import Counter
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import IO, Any

from crawler.items import FAILED, FETCHED, PageItem
from kb.runs import RunState, begin_run, finish_run, lock
from kb.store import Store
from pipeline.credentials import registry
from pipeline.process import process_page

logger = logging.getLogger(__name__)


class ExtractPipeline:
    """Turn a fetched page's HTML into main-content blocks and, when its content changed, facts."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.workers = crawler.settings.getint("KB_EXTRACT_WORKERS") or max(1, (os.cpu_count() or 2) - 1)
        self.pool = self._new_pool()

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExtractPipeline:
        return cls(crawler)

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))

    async def process_item(self, item: PageItem) -> PageItem:
        if item.outcome != FETCHED:
            return item
        spider = self.crawler.spider
        known = spider.run.known.get(item.url)
        known_hash = None if spider.full or not known or known.gone else known.content_hash
        html, item.html = item.html, ""
        try:
            result = await asyncio.wrap_future(self.pool.submit(process_page, html, item.url, known_hash))
        except BrokenProcessPool:
            self.pool = self._new_pool()
            return _failed(item, "unparseable", "the extraction worker died on this page")
        except Exception as exc:  # a page that breaks cleaning or extraction is recorded, never fatal
            logger.error("Cannot process %s: %s: %s", item.url, type(exc).__name__, exc)
            return _failed(item, "unparseable", f"{type(exc).__name__}: {exc}")
        if not result.page.blocks:
            logger.warning("No main content in %s", item.url)
            return _failed(item, "empty", "no main content found")
        item.page, item.unchanged, item.facts = result.page, result.unchanged, result.facts
        self.crawler.stats.inc_value("kb/facts_extracted", sum(map(len, item.facts.values())))
        return item

    def close_spider(self) -> None:
        self.pool.shutdown()


def _failed(item: PageItem, kind: str, message: str) -> PageItem:
    item.outcome, item.error_kind, item.error, item.page = FAILED, kind, message, None
    return item


class StorePipeline:
    """Own the run: take the file's lock, resume or begin the run, write outcomes in batches, finish it."""

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
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="kb-writer")
        self.store: Store | None = None
        self.lock: IO[str] | None = None
        self.run: RunState | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.lock = lock(self.path)
        spider = self.crawler.spider
        self.run = self.writer.submit(self._open, spider).result()
        spider.run = self.run
        if self.run.resumed:
            logger.info("Resuming run %d: %d URLs done, %d left", self.run.run_id, len(self.run.done),
                        len(self.run.pending))

    def _open(self, spider: Any) -> RunState:
        """In the writer thread, which alone touches the file: open it and begin or resume the run."""
        self.store = Store(self.path)
        self.store.write_registry(registry())
        return begin_run(self.store.db, spider.command, spider.run_args(), spider.seeds(), spider.revisit_sites())

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
        self.writer.submit(self._close, self.crawler.stats.get_value("finish_reason")).result()
        self.writer.shutdown()
        self.lock.close()

    def _close(self, reason: str | None) -> None:
        if reason == "shutdown":
            logger.info("Run %d interrupted; run the same command again to resume it", self.run.run_id)
        else:
            finish_run(self.store.db, self.run.run_id)
        self.store.close()

    def flush(self) -> None:
        self.last_flush = time.monotonic()
        if self.pending:
            self.writes.append(self.writer.submit(self._write, self.pending))
            self.pending = []

    def _write(self, batch: list[PageItem]) -> None:
        counts = self.store.write_batch(self.run.run_id, batch)
        self.totals.update(counts)
        for key, value in counts.items():
            self.crawler.stats.inc_value(f"kb/{key}", value)
        logger.info(
            "Stored %d URLs: %d new, %d changed, %d unchanged, %d failed; %d facts added (run totals: %s)",
            len(batch), counts["new"], counts["changed"], counts["unchanged"], counts["failed"],
            counts["facts_added"], ", ".join(f"{k} {v}" for k, v in sorted(self.totals.items())),
        )
