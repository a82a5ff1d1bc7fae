"""robots.txt (RFC 9309): each site's file fetched once, before any other request to that site, and obeyed.

A site here is what RFC 9309 scopes a robots.txt to: a scheme, a host and a port.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any

from protego import Protego
from scrapy import Request, signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.httpobj import urlparse_cached

from crawler.errors import GivenUp
from crawler.politeness import hold

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rules:
    """What one site's robots.txt says; or that it could not be read, and until when that holds."""

    parser: Protego | None  # None: no file (4xx) or no answer at all, everything is allowed
    unavailable: str | None = None  # why everything is disallowed: robots.txt answered 5xx or 429 (RFC 9309)
    until: float = float("inf")  # monotonic time after which robots.txt is asked again

    def allows(self, url: str, user_agent: str) -> bool:
        return self.unavailable is None and (self.parser is None or self.parser.can_fetch(url, user_agent))

    def delay(self, user_agent: str) -> float:
        """Seconds between requests the file asks for (Crawl-delay, or Request-rate), 0 if it asks for none."""
        if self.parser is None:
            return 0.0
        rate = self.parser.request_rate(user_agent)
        per_request = rate.seconds / rate.requests if rate and rate.requests else 0.0
        return max(self.parser.crawl_delay(user_agent) or 0.0, per_request)


class RobotsTxtMiddleware:
    """Obey each site's robots.txt; used instead of Scrapy's RobotsTxtMiddleware.

    Scrapy 2.19's middleware has every request that arrives while a site's robots.txt downloads await one
    Deferred, and only the first of them receives the parser: the others get None and are let through (the
    path has no test upstream, as its author notes in scrapy/scrapy#6802). A refresh or a resumed run queues
    many requests at once, so disallowed pages were fetched. Here every request awaits one shared task.
    It also keeps to RFC 9309 where Scrapy's does not: a robots.txt that answers 5xx (or 429) disallows the
    whole site until it answers (asked again after ``KB_ROBOTS_RETRY_SECONDS``), and Crawl-delay is kept.
    """

    DOWNLOAD_PRIORITY = 1000

    def __init__(self, crawler: Any) -> None:
        settings = crawler.settings
        if not settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        self.user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        self.retry_seconds = settings.getfloat("KB_ROBOTS_RETRY_SECONDS")
        self.sites: dict[str, asyncio.Future[Rules]] = {}
        self.delays: dict[str, float] = {}  # download slot -> the Crawl-delay its site asks for
        crawler.signals.connect(self.keep_delay, signal=signals.response_downloaded)

    @classmethod
    def from_crawler(cls, crawler: Any) -> RobotsTxtMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if request.meta.get("dont_obey_robotstxt") or urlparse_cached(request).scheme not in ("http", "https"):
            return
        rules = await self.rules(request)
        if rules.unavailable:
            raise GivenUp("robots_unavailable", rules.unavailable)
        if not rules.allows(request.url, self.user_agent):
            self.crawler.stats.inc_value("robotstxt/forbidden")
            raise GivenUp("robots_txt", "disallowed by the site's robots.txt")
        if delay := rules.delay(self.user_agent):
            self.delays[self.crawler.engine.downloader.get_slot_key(request)] = delay
            hold(self.crawler, request, delay)

    def keep_delay(self, response: Response, request: Request) -> None:
        """Hold the Crawl-delay again after each response: AutoThrottle may have lowered the slot's delay."""
        if delay := self.delays.get(self.crawler.engine.downloader.get_slot_key(request)):
            hold(self.crawler, request, delay)

    async def rules(self, request: Request) -> Rules:
        """The rules of the request's site, fetched by the first request to the site and shared by the rest."""
        url = urlparse_cached(request)
        site = f"{url.scheme}://{url.netloc}"
        known = self.sites.get(site)
        if known is None or (known.done() and known.result().until <= time.monotonic()):
            self.sites[site] = asyncio.ensure_future(self.fetch(f"{site}/robots.txt"))
        return await asyncio.shield(self.sites[site])

    async def fetch(self, url: str) -> Rules:
        request = Request(url, priority=self.DOWNLOAD_PRIORITY, meta={"dont_obey_robotstxt": True},
                          callback=NO_CALLBACK)
        try:
            response = await self.crawler.engine.download_async(request)
        except Exception as exc:  # unreachable: the site's own requests meet the same error and are recorded
            logger.warning("Cannot fetch %s (%s: %s); allowing the site", url, type(exc).__name__, exc)
            return Rules(None)
        self.crawler.stats.inc_value(f"robotstxt/response_status_count/{response.status}")
        if response.status >= 500 or response.status == 429:
            logger.warning("%s answered HTTP %d: the site counts as disallowed until it answers", url, response.status)
            return Rules(None, f"robots.txt answered HTTP {response.status}: the whole site counts as disallowed "
                               "until it answers (RFC 9309)", time.monotonic() + self.retry_seconds)
        if response.status >= 400:
            return Rules(None)  # no robots.txt: everything is allowed
        return Rules(Protego.parse(response.body.decode("utf-8", errors="replace")))
