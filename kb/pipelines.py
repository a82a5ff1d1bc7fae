"""The knowledge base's item pipeline: own the crawl's run and record every URL's outcome in batches.

The crawler's settings enable it by name (``ITEM_PIPELINES``); the Scrapy project imports nothing from ``kb``.
All SQLite work happens in one writer process (kb.writer), so it never competes with the crawl for its core.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections import Counter
from concurrent.futures import Future
from typing import IO, Any

from crawler.items import PageItem
from crawler.runstate import RunState
from crawler.workers import worker_pool
from kb import writer
from kb.runs import lock

logger = logging.getLogger(__name__)


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
