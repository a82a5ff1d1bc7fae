"""Run the articles spider in this process as one worker of a crawl shared in Redis."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scrapy.crawler import CrawlerProcess

from crawler.distributed import worker_id
from crawler.sources import load_sources, sites_from_urls
from crawler.spiders.articles import ArticlesSpider
from kb.crawl import check_reachable, crawler_settings


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
    max_pages: int | None = None,
    depth: int | None = None,
    log_level: str = "INFO",
    refresh: bool = False,
    full: bool = False,
    settings: dict[str, Any] | None = None,
) -> WorkerReport:
    """Crawl as a worker of the shared crawl in ``redis_url`` until its ingest finishes the run."""
    sites = sites_from_urls(start_urls) if start_urls else load_sources(sources) if sources else load_sources()
    check_reachable(sites)
    process = CrawlerProcess(crawler_settings(None, log_level, {**(settings or {}), "REDIS_URL": redis_url}))
    crawler = process.create_crawler(ArticlesSpider)
    process.crawl(
        crawler, start_url=",".join(start_urls or []) or None, sources=sources, max_pages=max_pages, depth=depth,
        refresh=refresh, full=full,
    )
    process.start()
    stats = crawler.stats
    return WorkerReport(worker_id(), stats.get_value("finish_reason"), stats.get_value("response_received_count", 0),
                        stats.get_value("kb/handed_over", 0))
