"""The ingest: the one process that writes a shared crawl into the SQLite file, and decides when it is over."""

from __future__ import annotations

import logging
import time
from collections import Counter

from crawler.items import PageItem, item_from_json
from crawler.runstate import RunState
from crawler.sharedcrawl import CrawlDefinition, SharedCrawl
from kb.crawl import CrawlReport
from kb.runs import begin_run, check_db_file, finish_run, lock
from kb.store import Store

logger = logging.getLogger(__name__)


def run_ingest(redis_url: str, db: str, batch_pages: int = 50, wait: float = 1.0) -> CrawlReport:
    """Write the crawl announced in ``redis_url`` into ``db`` as one run, until nothing is queued or in progress."""
    check_db_file(db)
    handle = lock(db)
    store = Store(db)
    try:
        store.write_registries()
        shared = SharedCrawl.from_url(redis_url)
        definition = _announced(shared, wait)
        run = begin_run(store.db, definition.command, definition.args, definition.seeds, definition.revisit_sites)
        shared.publish(run)
        logger.info("%s run %d for %s: %d URLs to start from", "Resumed" if run.resumed else "Opened",
                    run.run_id, definition.command, len(run.pending))
        _ingest(shared, store, run, batch_pages, wait, definition.args.get("max_pages") or 0)
        finish_run(store.db, run.run_id)
        shared.finish()
        return CrawlReport(db, dict(store.db["crawl_runs"].get(run.run_id)))
    finally:
        store.close()
        handle.close()


def _announced(shared: SharedCrawl, wait: float) -> CrawlDefinition:
    """The crawl the first worker announced, once there is one."""
    logger.info("Waiting for a worker (`kb crawl --redis ...`) to announce the crawl")
    while (definition := shared.announced()) is None:
        time.sleep(wait)
    return definition


def _ingest(shared: SharedCrawl, store: Store, run: RunState, batch_pages: int, wait: float, max_pages: int) -> None:
    """Write batches until the crawl is quiet or ``max_pages`` URLs (0: no limit) are stored, whichever workers
    reported them; give the leases of silent workers back to the queue meanwhile."""
    reported: set[tuple[str, ...]] = set()
    totals: Counter[str] = Counter()
    stored = len(run.done)  # a resumed run counts what it stored before
    while True:
        batch = shared.take(batch_pages, wait)
        if batch:
            items = _first_reports([item_from_json(data) for data in batch], reported)
            items = items[:max_pages - stored] if max_pages else items
            stored += len(items)
            totals.update(store.write_batch(run.run_id, items))
            shared.taken()
            logger.info("Stored %d URLs (run totals: %s)", len(items),
                        ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))
        if max_pages and stored >= max_pages:
            logger.info("Stored %d URLs, the crawl's page limit: finishing the run", stored)
            return
        if requeued := shared.requeue_dead():
            logger.warning("Gave %d requests of stopped workers back to the queue", requeued)
        elif not batch and shared.is_quiet(run.run_id):
            return


def _first_reports(items: list[PageItem], reported: set[tuple[str, ...]]) -> list[PageItem]:
    """Drop a second report of the same request: one whose lease was given back while it was still in progress."""
    first = []
    for item in items:
        key = (item.url, *item.aliases)
        if key not in reported:
            reported.add(key)
            first.append(item)
    return first
