"""robots.txt: Scrapy's middleware, with the parsed file given to every request that waited for it."""

from __future__ import annotations

from scrapy.downloadermiddlewares import robotstxt
from scrapy.http import Request
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached


class RobotsTxtMiddleware(robotstxt.RobotsTxtMiddleware):
    """Scrapy's RobotsTxtMiddleware, minus a race that let requests through.

    While a host's robots.txt downloads, Scrapy has every request to that host await one Deferred, and only the
    first of them receives the parser: the others get None and are treated as allowed. A refresh or a resumed run
    queues many requests at once, so disallowed pages were fetched. Here each request reads the settled parser.
    """

    async def robot_parser(self, request: Request) -> RobotParser | None:
        await super().robot_parser(request)
        return self._parsers[urlparse_cached(request).netloc]
