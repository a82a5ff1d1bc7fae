"""Run the articles spider in this process and report what it did."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.sources import Site, hosts_of, load_sources, sites_from_urls
from crawler.spiders.articles import ArticlesSpider
from kb.store import Store


@dataclass
class CrawlReport:
    """What one crawl fetched, stored and failed to reach."""

    db: str
    started_at: str
    finished_at: str
    stats: dict[str, Any]
    unreachable: dict[str, str] = field(default_factory=dict)

    def count(self, key: str) -> int:
        return int(self.stats.get(key, 0))

    @property
    def pages_stored(self) -> int:
        return self.count("kb/pages_stored")

    @property
    def status(self) -> str:
        return "ok" if self.pages_stored else "failed"


class UnreachableError(RuntimeError):
    """None of the sites to crawl can be reached from this machine."""


def check_reachable(sites: list[Site]) -> None:
    """Fail early, with one clear message, when no site's host name resolves."""
    hosts = sorted({host for site in sites for host in hosts_of(site.start_urls + site.sitemap_urls)})
    for host in hosts:
        try:
            socket.getaddrinfo(host, None)
            return
        except OSError:
            continue
    raise UnreachableError(
        f"cannot resolve any of the hosts to crawl ({', '.join(hosts)}); is this machine connected to the internet?"
    )


def crawler_settings(db: str, log_level: str = "INFO", **overrides: Any) -> Settings:
    """The project's Scrapy settings, writing to ``db``."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("KB_DB", db, priority="cmdline")
    settings.set("LOG_LEVEL", log_level, priority="cmdline")
    settings.set("LOGSTATS_INTERVAL", 5.0, priority="cmdline")
    for key, value in overrides.items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawl(
    db: str,
    start_urls: list[str] | None = None,
    sources: str | None = None,
    max_pages: int | None = None,
    depth: int | None = None,
    log_level: str = "INFO",
) -> CrawlReport:
    """Crawl the start URLs (or every site of the sources file) into ``db`` and record the run."""
    check_reachable(sites_from_urls(start_urls) if start_urls else load_sources(sources) if sources else load_sources())
    started = _now()
    process = CrawlerProcess(crawler_settings(db, log_level), install_root_handler=True)
    crawler = process.create_crawler(ArticlesSpider)
    process.crawl(
        crawler, start_url=",".join(start_urls or []) or None, sources=sources, max_pages=max_pages, depth=depth
    )
    process.start()
    report = CrawlReport(db, started, _now(), crawler.stats.get_stats(), dict(crawler.spider.unreachable))
    record_run(report, "crawl")
    return report


def record_run(report: CrawlReport, command: str) -> None:
    store = Store(report.db)
    store.db["crawl_runs"].insert({
        "command": command,
        "started_at": report.started_at,
        "finished_at": report.finished_at,
        "status": report.status,
        "pages_fetched": report.count("response_received_count"),
        "pages_stored": report.pages_stored,
        "skipped": report.count("kb/skipped_non_html") + report.count("robotstxt/forbidden"),
        "failed": report.count("kb/failed_requests"),
        "facts_stored": report.count("kb/facts_stored"),
    })
    store.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
