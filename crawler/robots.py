"""robots.txt (RFC 9309): each site's file fetched once, before any other request to that site, and obeyed.

A site here is what RFC 9309 scopes a robots.txt to: a scheme, a host and a port.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from protego import Protego
from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.httpobj import urlparse_cached

from crawler.errors import GivenUp

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rules:
    """What one site's robots.txt says, or why everything on the site is allowed."""

    parser: Protego | None  # None: no usable file, everything is allowed

    def allows(self, url: str, user_agent: str) -> bool:
        return self.parser is None or self.parser.can_fetch(url, user_agent)


class RobotsTxtMiddleware:
    """Obey each site's robots.txt; used instead of Scrapy's RobotsTxtMiddleware.

    Scrapy 2.19's middleware has every request that arrives while a site's robots.txt downloads await one
    Deferred, and only the first of them receives the parser: the others get None and are let through (the
    path has no test upstream, as its author notes in scrapy/scrapy#6802). A refresh or a resumed run queues
    many requests at once, so disallowed pages were fetched. Here every request awaits one shared task.
    """

    DOWNLOAD_PRIORITY = 1000

    def __init__(self, crawler: Any) -> None:
        settings = crawler.settings
        if not settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        self.user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        self.sites: dict[str, asyncio.Future[Rules]] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> RobotsTxtMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if request.meta.get("dont_obey_robotstxt") or urlparse_cached(request).scheme not in ("http", "https"):
            return
        rules = await self.rules(request)
        if not rules.allows(request.url, self.user_agent):
            self.crawler.stats.inc_value("robotstxt/forbidden")
            raise GivenUp("robots_txt", "disallowed by the site's robots.txt")

    async def rules(self, request: Request) -> Rules:
        """The rules of the request's site, fetched by the first request to the site and shared by the rest."""
        url = urlparse_cached(request)
        site = f"{url.scheme}://{url.netloc}"
        if site not in self.sites:
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
        return Rules(_parse(response))


def _parse(response: Response) -> Protego | None:
    return Protego.parse(response.body.decode("utf-8", errors="replace"))
