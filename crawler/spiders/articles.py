"""The articles spider: career guides, program listings and credential pages."""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.http import HtmlResponse, Response
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from crawler.items import PageItem
from crawler.sources import Site, load_sources, sites_from_urls

UNREACHABLE = (CannotResolveHostError, DownloadConnectionRefusedError, DownloadTimeoutError)


class ArticlesSpider(scrapy.Spider):
    """Crawl each site from its start URLs, following links the site's rules allow."""

    name = "articles"

    def __init__(
        self,
        start_url: str | None = None,
        sources: str | None = None,
        max_pages: str | int | None = None,
        depth: str | int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if start_url:
            self.sites = sites_from_urls([u.strip() for u in start_url.split(",") if u.strip()])
        else:
            self.sites = load_sources(sources) if sources else load_sources()
        self.sites_by_name = {site.name: site for site in self.sites}
        self.allowed_domains = sorted({d for site in self.sites for d in site.allowed_domains})
        self.max_pages = int(max_pages) if max_pages else 0
        self.depth = int(depth) if depth is not None else None
        self.unreachable: dict[str, str] = {}
        self.links = LinkExtractor()

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> ArticlesSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        if spider.max_pages:
            settings.set("CLOSESPIDER_PAGECOUNT", spider.max_pages, priority="spider")
        if spider.depth is not None:
            settings.set("DEPTH_LIMIT", spider.depth, priority="spider")
        if all(_is_loopback(url) for site in spider.sites for url in site.start_urls):
            settings.set("AUTOTHROTTLE_ENABLED", False, priority="spider")
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for site in self.sites:
            for url in site.start_urls:
                yield self._request(url, site)
            for url in site.sitemap_urls:
                yield self._sitemap_request(url, site.name)

    def _request(self, url: str, site: Site) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse, errback=self.failed, cb_kwargs={"site": site.name})

    def _sitemap_request(self, url: str, site: str) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_sitemap, errback=self.failed, cb_kwargs={"site": site})

    def parse(self, response: Response, site: str) -> Iterator[PageItem | scrapy.Request]:
        if not isinstance(response, HtmlResponse):
            self.logger.info("Skipped non-HTML response %s (%s)", response.url, _content_type(response))
            self.crawler.stats.inc_value("kb/skipped_non_html")
            return
        yield PageItem(
            url=response.url,
            site=site,
            html=response.text,
            status=response.status,
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            etag=_header(response, "ETag"),
            last_modified=_header(response, "Last-Modified"),
        )
        rules = self.sites_by_name[site]
        for link in self.links.extract_links(response):
            if rules.follows(link.url):
                yield self._request(link.url, rules)

    def parse_sitemap(self, response: Response, site: str) -> Iterator[scrapy.Request]:
        """Queue the pages a sitemap (or sitemap index, or robots.txt) lists."""
        rules = self.sites_by_name[site]
        if response.url.endswith("/robots.txt"):
            urls = list(sitemap_urls_from_robots(response.text, base_url=response.url))
            yield from (self._sitemap_request(u, site) for u in urls)
            return
        sitemap = Sitemap(response.body)
        for entry in sitemap:
            url = entry["loc"]
            if sitemap.type == "sitemapindex":
                yield self._sitemap_request(url, site)
            elif rules.follows(url):
                yield self._request(url, rules)

    def failed(self, failure: Failure) -> None:
        """Note requests that could not reach their server; Scrapy has logged the error."""
        request = failure.request
        if failure.check(IgnoreRequest):
            return
        if failure.check(*UNREACHABLE):
            self.unreachable[request.url] = failure.getErrorMessage()
        self.crawler.stats.inc_value("kb/failed_requests")


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _content_type(response: Response) -> str:
    return _header(response, "Content-Type") or "no content type"
