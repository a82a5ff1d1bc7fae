"""Redirects the crawl will not follow, given up on with a reason instead of dropped without a word.

Scrapy drops a redirect to a URL it has already seen (its duplicate filter) or to another host (its offsite
filter) without calling the request's errback, and answers a redirect to another scheme with the 3xx response
itself. This middleware looks at each redirect before Scrapy's redirect middlewares do.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from scrapy import Request
from scrapy.http import HtmlResponse, Response
from scrapy.utils.response import get_meta_refresh
from w3lib.url import safe_url_string

from crawler.errors import GivenUp

REDIRECT_STATUSES = {301, 302, 303, 307, 308}


class RedirectCheckMiddleware:
    """Give up on a redirect that loops, leaves the site, or leads to a URL this run fetches anyway."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.meta_refresh_max_delay = crawler.settings.getfloat("METAREFRESH_MAXDELAY")

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedirectCheckMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get("dont_redirect") or request.method == "HEAD":
            return response
        refresh = response.status not in REDIRECT_STATUSES
        target = self._meta_refresh(response) if refresh else self._location(request, response)
        if target is None:
            return response
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            if refresh:  # a page that refreshes to itself is a page
                request.meta["dont_redirect"] = True
                return response
            raise GivenUp("redirect_loop", f"redirects back to {target} (a redirect loop)")
        spider = self.crawler.spider
        site = spider.sites_by_name.get(request.cb_kwargs.get("site"))
        if site is not None and not site.owns(target):
            raise GivenUp("offsite_redirect", f"redirects to {target}, outside the site {site.name}")
        if target in spider.scheduled:
            raise GivenUp("duplicate", f"redirects to {target}, which this run fetches itself")
        return response

    @staticmethod
    def _location(request: Request, response: Response) -> str | None:
        location = response.headers.get("Location")
        if not location:
            return None
        if location.startswith(b"//"):
            return safe_url_string(f"{request.url.split(':', 1)[0]}:{location.decode('latin-1')}")
        return urljoin(request.url, safe_url_string(location))

    def _meta_refresh(self, response: Response) -> str | None:
        if not isinstance(response, HtmlResponse):
            return None
        interval, url = get_meta_refresh(response)
        return url if url and interval is not None and interval < self.meta_refresh_max_delay else None
