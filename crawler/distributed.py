"""A crawl worker: a shared frontier in Redis (scrapy-redis), and pages handed to the ingest instead of SQLite.

The articles spider starts from ``async def start()``; scrapy-redis's RedisSpider feeds start URLs
through ``start_requests()``, which current Scrapy no longer calls, so workers use scrapy-redis's
Scheduler and RFPDupeFilter with the spider as it is. Its seeds come from the run the ingest
publishes, and every worker queues all of them: the shared duplicate filter keeps one of each.

Each request a worker takes is leased to it until the item that accounts for it is handed over
(see crawler.sharedcrawl); the ingest gives the leases of a worker whose heartbeat stopped back to the queue.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from typing import Any

from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.asyncio import create_looping_call
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.request import request_from_dict
from scrapy_redis.scheduler import Scheduler

from crawler.items import PageItem, item_to_json
from crawler.sharedcrawl import CrawlDefinition, SharedCrawl

logger = logging.getLogger(__name__)

# What the spider switches to when REDIS_URL is set.
WORKER_SETTINGS = {
    "SCHEDULER": "crawler.distributed.LeasingScheduler",
    "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
    "SCHEDULER_PERSIST": True,  # the frontier belongs to the run, not to one worker
    "ITEM_PIPELINES": {"crawler.pipelines.ExtractPipeline": 300, "crawler.distributed.HandOverPipeline": 800},
    "EXTENSIONS": {"crawler.distributed.Heartbeat": 500},
}


def definition(spider: Any) -> CrawlDefinition:
    """The crawl a worker's spider announces, or must find already announced."""
    return CrawlDefinition(spider.command, spider.run_args(), spider.seeds(), spider.revisit_sites())


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class LeasingScheduler(Scheduler):
    """scrapy-redis's scheduler, queueing atomically and leasing every request it hands out to this worker.

    Requests are stored as scrapy-redis's own queue stores them (Scrapy's ``Request.to_dict`` and
    ``request_from_dict``, through the queue's serializer, ``SCHEDULER_SERIALIZER``), so either can read the other's.
    """

    def open(self, spider: Any) -> None:
        super().open(spider)
        self.shared = SharedCrawl(self.server, spider.name)
        self.worker = worker_id()
        self.leased: dict[str, bytes] = {}

    def close(self, reason: str) -> None:
        self.shared.leave(self.worker)
        super().close(reason)

    def enqueue_request(self, request: Request) -> bool:
        data = self.queue.serializer.dumps(request.to_dict(spider=self.spider))
        fingerprint = self.df.request_fingerprint(request)
        if not self.shared.enqueue(data, -request.priority, fingerprint, request.dont_filter):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        data = self.shared.lease(self.worker)
        if data is None:
            return None
        request = request_from_dict(self.queue.serializer.loads(data), spider=self.spider)
        self.leased[request.url] = data
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def hand_over(self, item: PageItem) -> None:
        """Queue the item for the ingest, ending the leases of the requests it accounts for."""
        leased = [self.leased.pop(url) for url in {item.url, *item.aliases} if url in self.leased]
        self.shared.report(self.worker, item_to_json(item), leased)

    def idle(self) -> None:
        """Nothing is in progress here, so whatever is still leased ended without an item (robots.txt, sitemaps)."""
        self.leased.clear()
        self.shared.idle(self.worker, self.spider.run.run_id)


class HandOverPipeline:
    """Join the run the ingest opened, then hand every item over to it through Redis: workers never write SQLite."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> HandOverPipeline:
        return cls(crawler)

    async def open_spider(self) -> None:
        spider, shared = self.crawler.spider, self.crawler.engine.scheduler.shared
        shared.define(definition(spider))
        logger.info("Waiting for `kb ingest` to open the run")
        while (run := shared.joined_run()) is None:
            await asyncio.sleep(self.crawler.settings.getfloat("KB_WORKER_HEARTBEAT"))
        logger.info("Joined run %d as worker %s (%d seed URLs)", run.run_id, worker_id(), len(run.pending))
        spider.run = run

    def process_item(self, item: PageItem) -> PageItem:
        self.crawler.engine.scheduler.hand_over(item)
        self.crawler.stats.inc_value("kb/handed_over")
        return item


class Heartbeat:
    """Tell the ingest this worker is alive, let go of finished leases when idle, stop when the run is over."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.interval = crawler.settings.getfloat("KB_WORKER_HEARTBEAT")
        self.timeout = crawler.settings.getfloat("KB_WORKER_TIMEOUT")
        self.task: Any = None
        crawler.signals.connect(self.opened, signals.spider_opened)
        crawler.signals.connect(self.idle, signals.spider_idle)
        crawler.signals.connect(self.closed, signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> Heartbeat:
        return cls(crawler)

    def opened(self) -> None:
        self.task = create_looping_call(self.beat)
        self.task.start(self.interval)

    def beat(self) -> None:
        scheduler = self.crawler.engine.scheduler
        if scheduler.shared.beat(scheduler.worker, self.crawler.spider.run.run_id, self.timeout):
            return
        self.task.stop()
        logger.info("The ingest has finished the run")
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="finished"))

    def idle(self) -> None:
        self.crawler.engine.scheduler.idle()
        raise DontCloseSpider

    def closed(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
