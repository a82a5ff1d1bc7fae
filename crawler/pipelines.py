"""Item pipelines: clean and extract each page, then record every URL's outcome in batches."""

from __future__ import annotations

import logging
import time
from collections import Counter
from typing import IO, Any

from crawler.items import FAILED, FETCHED, PageItem
from kb.runs import RunState, begin_run, finish_run, lock
from kb.store import Store, content_hash
from pipeline.clean import clean_html
from pipeline.credentials import registry
from pipeline.extract import extract_facts

logger = logging.getLogger(__name__)


class ExtractPipeline:
    """Turn a fetched page's HTML into main-content blocks and, when its content changed, facts."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExtractPipeline:
        return cls(crawler)

    def process_item(self, item: PageItem) -> PageItem:
        if item.outcome != FETCHED:
            return item
        try:
            item.page = clean_html(item.html, item.url)
        except Exception as exc:  # a page that breaks the cleaner is recorded, never fatal
            logger.error("Cannot clean %s: %s: %s", item.url, type(exc).__name__, exc)
            return _failed(item, "unparseable", f"{type(exc).__name__}: {exc}")
        item.html = ""
        if not item.page.blocks:
            logger.warning("No main content in %s", item.url)
            return _failed(item, "empty", "no main content found")
        spider = self.crawler.spider
        known = spider.run.known.get(item.url)
        item.unchanged = bool(
            known and not known.gone and not spider.full and known.content_hash == content_hash(item.page.text)
        )
        if not item.unchanged:
            item.facts = extract_facts(item.page)
            self.crawler.stats.inc_value("kb/facts_extracted", sum(map(len, item.facts.values())))
        return item


def _failed(item: PageItem, kind: str, message: str) -> PageItem:
    item.outcome, item.error_kind, item.error, item.page = FAILED, kind, message, None
    return item


class StorePipeline:
    """Own the run: take the file's lock, resume or begin the run, write outcomes in batches, finish it."""

    def __init__(self, crawler: Any) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.path = settings.get("KB_DB")
        self.batch_pages = settings.getint("KB_BATCH_PAGES")
        self.batch_seconds = settings.getfloat("KB_BATCH_SECONDS")
        self.pending: list[PageItem] = []
        self.last_flush = time.monotonic()
        self.totals: Counter[str] = Counter()
        self.store: Store | None = None
        self.lock: IO[str] | None = None
        self.run: RunState | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.lock = lock(self.path)
        self.store = Store(self.path)
        self.store.write_registry(registry())
        spider = self.crawler.spider
        self.run = begin_run(self.store.db, spider.command, spider.run_args(), spider.seeds(), spider.revisit_sites())
        spider.run = self.run
        if self.run.resumed:
            logger.info("Resuming run %d: %d URLs done, %d left", self.run.run_id, len(self.run.done),
                        len(self.run.pending))

    def process_item(self, item: PageItem) -> PageItem:
        self.pending.append(item)
        if len(self.pending) >= self.batch_pages or time.monotonic() - self.last_flush >= self.batch_seconds:
            self.flush()
        return item

    def close_spider(self) -> None:
        self.flush()
        reason = self.crawler.stats.get_value("finish_reason")
        if reason == "shutdown":
            logger.info("Run %d interrupted; run the same command again to resume it", self.run.run_id)
        else:
            row = self.store.db["crawl_runs"].get(self.run.run_id)
            status = "ok" if row["fetched"] else "failed"
            finish_run(self.store.db, self.run.run_id, status)
        self.store.close()
        self.lock.close()

    def flush(self) -> None:
        self.last_flush = time.monotonic()
        if not self.pending:
            return
        counts = self.store.write_batch(self.run.run_id, self.pending)
        self.totals.update(counts)
        for key, value in counts.items():
            self.crawler.stats.inc_value(f"kb/{key}", value)
        logger.info(
            "Stored %d URLs: %d new, %d changed, %d unchanged, %d failed; %d facts added (run totals: %s)",
            len(self.pending), counts["new"], counts["changed"], counts["unchanged"], counts["failed"],
            counts["facts_added"], ", ".join(f"{k} {v}" for k, v in sorted(self.totals.items())),
        )
        self.pending = []
