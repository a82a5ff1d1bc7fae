"""Run the articles spider in this process as one worker of a crawl shared in Redis."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crawler.distributed import definition, worker_id
from crawler.sharedcrawl import SharedCrawl
from crawler.spiders.articles import ArticlesSpider
from kb.crawl import crawl_in_process, crawler_settings


@dataclass
class WorkerReport:
    """Why the worker stopped, and what it did."""

    worker: str
    reason: str | None
    responses: int
    handed_over: int


def run_worker(
    redis_url: str,
    start_urls: list[str] | None = None,
    sources: str | None = None,
    log_level: str = "INFO",
    settings: dict[str, Any] | None = None,
    **arguments: Any,
) -> WorkerReport:
    """Crawl as a worker of the shared crawl in ``redis_url`` until its ingest finishes the run.

    ``arguments`` are the spider's: max_pages, depth, refresh, full.
    """
    announce(redis_url, start_urls, sources, **arguments)
    worker_settings = crawler_settings(None, log_level, {**(settings or {}), "REDIS_URL": redis_url})
    stats = crawl_in_process(worker_settings, start_urls, sources, **arguments).stats
    return WorkerReport(worker_id(), stats.get_value("finish_reason"), stats.get_value("response_received_count", 0),
                        stats.get_value("kb/handed_over", 0))


def announce(redis_url: str, start_urls: list[str] | None, sources: str | None, **arguments: Any) -> None:
    """Announce the crawl before Scrapy starts; raise CrawlMismatchError if Redis holds a different one."""
    spider = ArticlesSpider(start_url=",".join(start_urls or []) or None, sources=sources, **arguments)
    SharedCrawl.from_url(redis_url, spider.name).define(definition(spider))
