"""Run the articles spider in this process and report what the run did."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings

from crawler.sources import Site, hosts_of, sites_for
from crawler.spiders.articles import ArticlesSpider, agent_for
from kb.runs import check_db_file, lock


class UnreachableError(RuntimeError):
    """None of the sites to crawl can be reached from this machine."""


@dataclass
class CrawlReport:
    """The run's row of crawl_runs, and the start URLs that could not be reached."""

    db: str
    run: dict[str, Any]
    unreachable: dict[str, str] = field(default_factory=dict)

    @property
    def status(self) -> str:
        return self.run["status"]


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


class SettingError(ValueError):
    """A --set value the setting cannot take."""


# A setting whose default has this type takes a --set value that this getter reads; bool before int, its base.
SETTING_TYPES = ((bool, "getbool", "true or false"), (int | float, "getfloat", "a number"),
                 (dict, "getdict", "a JSON object"))


def check_settings(overrides: dict[str, str]) -> None:
    """Raise SettingError for a value that does not fit the type of the setting's default (a number, a flag)."""
    defaults = crawler_settings(None)
    for name, value in overrides.items():
        default = defaults.get(name)
        for kind, getter, expected in SETTING_TYPES:
            if isinstance(default, kind):
                try:
                    getattr(Settings({name: value}), getter)(name)
                except (ValueError, TypeError):
                    raise SettingError(f"--set {name}={value}: {name} takes {expected}") from None
                break


def crawler_settings(db: str | None, log_level: str = "INFO", overrides: dict[str, Any] | None = None) -> Settings:
    """The project's Scrapy settings, writing to ``db`` (None for a worker), with ``overrides`` on top."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    if db:
        settings.set("KB_DB", db, priority="cmdline")
    settings.set("LOG_LEVEL", log_level, priority="cmdline")
    settings.set("LOGSTATS_INTERVAL", 5.0, priority="cmdline")
    settings.update(overrides or {}, priority="cmdline")
    return settings


def crawl_in_process(settings: Settings, start_urls: list[str] | None, sources: str | None,
                     **arguments: Any) -> Crawler:
    """Run the articles spider to its end in this process; returns its crawler (stats, spider)."""
    sites = sites_for(",".join(start_urls or []), sources)
    agent_for(settings, sites)  # ContactError, before any request
    check_reachable(sites)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(ArticlesSpider)
    process.crawl(crawler, start_url=",".join(start_urls or []) or None, sources=sources, **arguments)
    process.start()
    return crawler


def run_crawl(
    db: str,
    start_urls: list[str] | None = None,
    sources: str | None = None,
    log_level: str = "INFO",
    settings: dict[str, Any] | None = None,
    **arguments: Any,
) -> CrawlReport:
    """Crawl the start URLs (or every site of the sources file) into ``db``; resume it if it was interrupted.

    ``arguments`` are the spider's: max_pages, depth, refresh, full.
    """
    check_db_file(db)
    lock(db).close()  # fail now, with a clear message, rather than inside the crawl
    crawler = crawl_in_process(crawler_settings(db, log_level, settings), start_urls, sources, **arguments)
    run_id = crawler.spider.run.run_id if crawler.spider.run else None
    with sqlite_utils.Database(db) as kb:
        run = kb["crawl_runs"].get(run_id) if run_id else {"status": "failed", "id": None}
    return CrawlReport(db, dict(run), dict(crawler.spider.unreachable))
