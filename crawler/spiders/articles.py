"""The articles spider: career guides, program listings and credential pages."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.http import HtmlResponse, Response
from scrapy.linkextractors import LinkExtractor
from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from crawler.distributed import WORKER_SETTINGS
from crawler.errors import error_kind, error_message
from crawler.items import FAILED, FETCHED, GONE, NOT_MODIFIED, PageItem
from crawler.runstate import RunState
from crawler.sniff import binary_type
from crawler.sources import Site, is_loopback, sites_for, user_agent

GONE_STATUSES = (404, 410)
CANONICAL = "kb_canonical"  # request meta: fetched because another page named it as its canonical URL


def agent_for(settings: BaseSettings, sites: list[Site]) -> str | None:
    """The user agent with the contact added (see ``user_agent``), or None when ``USER_AGENT`` was set by hand."""
    if settings.getpriority("USER_AGENT") > SETTINGS_PRIORITIES["project"]:
        return None
    return user_agent(settings.get("USER_AGENT"), settings.get("KB_CONTACT_URL"), sites)


class ArticlesSpider(scrapy.Spider):
    """Crawl each site from its start URLs, following links the site's rules allow.

    Arguments (``-a name=value``): ``start_url`` (comma-separated) or ``sources`` (a TOML file),
    ``max_pages``, ``depth``, ``refresh=1`` (also revisit every page already stored) and
    ``full=1`` (re-fetch and re-extract even unchanged pages). With the setting ``REDIS_URL`` the spider
    is a worker of a crawl shared in Redis (see crawler/distributed.py).
    """

    name = "articles"
    handle_httpstatus_list = [304, *GONE_STATUSES]

    def __init__(
        self,
        start_url: str | None = None,
        sources: str | None = None,
        max_pages: str | int | None = None,
        depth: str | int | None = None,
        refresh: str | bool = False,
        full: str | bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.sites = sites_for(start_url, sources)
        self.sites_by_name = {site.name: site for site in self.sites}
        self.allowed_domains = sorted({d for site in self.sites for d in site.allowed_domains})
        self.max_pages = int(max_pages) if max_pages else 0
        self.depth = int(depth) if depth is not None else None
        self.refresh = _flag(refresh)
        self.full = _flag(full)
        self.command = "refresh" if self.refresh else "crawl"
        self.links = LinkExtractor()
        self.unreachable: dict[str, str] = {}
        self.run: RunState | None = None  # set by the store (or hand-over) pipeline when it opens the run
        self.scheduled: set[str] = set()  # URLs this run has asked for already: links to them are not followed
        self.deferred: dict[str, str] = {}  # URL of a page not stored -> the canonical URL it named
        self.max_url_length = sys.maxsize  # URLLENGTH_LIMIT, set from the crawler's settings
        self.depth_limit: int | None = None  # the deepest request fetched (DEPTH_LIMIT); None: no limit

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> ArticlesSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        if spider.max_pages and not settings.get("REDIS_URL"):  # a shared crawl's ingest counts for all workers
            settings.set("CLOSESPIDER_PAGECOUNT", spider.max_pages, priority="spider")
        if spider.depth:  # DEPTH_LIMIT 0 would mean no limit; depth 0 is enforced by not following links
            settings.set("DEPTH_LIMIT", spider.depth, priority="spider")
        if agent := agent_for(settings, spider.sites):
            settings.set("USER_AGENT", agent, priority="spider")
        if all(is_loopback(url) for site in spider.sites for url in site.start_urls):
            settings.set("AUTOTHROTTLE_ENABLED", False, priority="spider")
        if settings.get("REDIS_URL"):
            settings.update(WORKER_SETTINGS, priority="spider")
        spider.max_url_length = settings.getint("URLLENGTH_LIMIT") or sys.maxsize
        spider.depth_limit = 0 if spider.depth == 0 else settings.getint("DEPTH_LIMIT") or None
        return spider

    def run_args(self) -> dict[str, Any]:
        """What identifies this run, so that an interrupted one is resumed only by the same command."""
        return {
            "command": self.command, "sites": {s.name: list(s.start_urls) for s in self.sites},
            "max_pages": self.max_pages, "depth": self.depth, "full": self.full,
        }

    def seeds(self) -> list[tuple[str, str]]:
        """(url, site) pairs a new run starts from."""
        return [(url, site.name) for site in self.sites for url in site.start_urls]

    def revisit_sites(self) -> list[str]:
        """Sites whose stored pages a new run fetches again (all of them on a refresh)."""
        return list(self.sites_by_name) if self.refresh else []

    async def start(self) -> AsyncIterator[scrapy.Request]:
        # Scrapy checks DEPTH_LIMIT on requests a response led to, not on start requests.
        pending = [(url, site, depth) for url, site, depth in self.run.pending if self._within_limit(depth)]
        self.scheduled = set(self.run.done) | {url for url, _, _ in pending}
        for url, site, depth in pending:
            yield self._request(url, site, depth)
        for site in self.sites:
            for url in site.sitemap_urls:
                yield self._sitemap_request(url, site.name)

    def _request(self, url: str, site: str, depth: int) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse, errback=self.failed, cb_kwargs={"site": site},
                              headers=self._validators(url), meta={"depth": depth})

    def _within_limit(self, depth: int) -> bool:
        """Whether a request this many links from a start URL is fetched."""
        return self.depth_limit is None or depth <= self.depth_limit

    def _validators(self, url: str) -> dict[str, str]:
        """Conditional-request headers for a page we already hold."""
        known = self.run.known.get(url)
        if self.full or not known or known.gone:
            return {}
        headers = {"If-None-Match": known.etag, "If-Modified-Since": known.last_modified}
        return {name: value for name, value in headers.items() if value}

    def _sitemap_request(self, url: str, site: str) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_sitemap, errback=self.failed, cb_kwargs={"site": site})

    def parse(self, response: Response, site: str) -> Iterator[PageItem | scrapy.Request]:
        item = PageItem(url=response.url, site=site, outcome=FETCHED, status=response.status,
                        depth=response.meta.get("depth", 0), aliases=list(response.meta.get("redirect_urls", [])))
        if response.status == 304:
            item.outcome = NOT_MODIFIED
        elif response.status in GONE_STATUSES:
            if response.url in self.run.known:
                item.outcome = GONE
            else:
                _fail(item, f"http_{response.status}", f"HTTP {response.status}")
        elif not isinstance(response, HtmlResponse):
            self.logger.info("Skipped non-HTML response %s (%s)", response.url, _content_type(response))
            _fail(item, "not_html", f"not HTML: {_content_type(response)}")
        elif binary := binary_type(response.body):
            self.logger.warning("Skipped %s: a %s body labelled %s", response.url, binary, _content_type(response))
            _fail(item, "not_html", f"not HTML: {binary} labelled {_content_type(response)}")
        else:
            yield from self._page(response, item)
            return
        yield item

    def _page(self, response: HtmlResponse, item: PageItem) -> Iterator[PageItem | scrapy.Request]:
        rules = self.sites_by_name[item.site]
        canonical = _canonical_url(response)
        if (canonical and canonical != response.url and rules.follows(canonical) and not response.meta.get(CANONICAL)
                and not self._defers_to(canonical, response.url)):
            self.deferred[response.url] = canonical
            yield from self._duplicate(item, canonical)
            return
        item.html = response.text
        item.fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
        item.etag = _header(response, "ETag")
        item.last_modified = _header(response, "Last-Modified")
        too_long: list[str] = []
        if self._within_limit(item.depth + 1):  # a page at the limit: its links would be dropped, so none is taken
            found = dict.fromkeys(link.url for link in self.links.extract_links(response))
            followed = [url for url in found if url not in self.scheduled and rules.follows(url)]
            too_long = [url for url in followed if len(url) > self.max_url_length]
            item.links = [url for url in followed if len(url) <= self.max_url_length]
            self.scheduled.update(followed)
        _release_tree(response)
        for url in item.links:
            yield self._request(url, item.site, item.depth + 1)
        for url in too_long:  # Scrapy would drop the request without a word (URLLENGTH_LIMIT)
            failed = PageItem(url=url, site=item.site, outcome=FAILED, depth=item.depth + 1)
            yield _fail(failed, "url_too_long", f"a URL of {len(url)} characters, over {self.max_url_length}")
        yield item  # last, so that a worker reports the page only once its links are in the shared frontier

    def _defers_to(self, url: str, other: str) -> bool:
        """Whether ``url`` was not stored because its canonical link, or that page's, and so on, names ``other``.

        Pages naming each other in a circle would otherwise all be duplicates: the last of them fetched is stored.
        """
        seen = set()
        while url in self.deferred and url not in seen:
            seen.add(url)
            url = self.deferred[url]
            if url == other:
                return True
        return False

    def _duplicate(self, item: PageItem, canonical: str) -> Iterator[PageItem | scrapy.Request]:
        """A page whose canonical link names another URL: that URL is fetched itself, and this page is not stored.

        A page's text and facts are only ever stored under the URL that served them, so a page cannot put its
        content under another's address by naming it; the original is requested once, if nothing else did.
        """
        if canonical not in self.scheduled and self._within_limit(item.depth + 1):  # Scrapy counts it a link deeper
            self.scheduled.add(canonical)
            request = self._request(canonical, item.site, item.depth)
            request.meta[CANONICAL] = True  # stored under its own URL whatever its own canonical link says
            yield request
        yield _fail(item, "duplicate", f"names {canonical} as its canonical URL; stored there, if fetched")

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
            elif rules.follows(url) and url not in self.scheduled:
                self.scheduled.add(url)
                yield self._request(url, site, 0)

    def failed(self, failure: Failure) -> Iterator[PageItem]:
        """Record a request that could not be fetched; Scrapy has logged why."""
        request = failure.request
        kind = error_kind(failure)
        if kind in ("dns", "refused", "timeout"):
            self.unreachable[request.url] = failure.getErrorMessage()
        status = failure.value.response.status if failure.check(HttpError) else None
        url = (request.meta.get("redirect_urls") or [request.url])[0]
        item = PageItem(url=url, site=request.cb_kwargs.get("site", ""), outcome=FAILED, status=status,
                        depth=request.meta.get("depth", 0))
        yield _fail(item, kind, error_message(failure))


def _fail(item: PageItem, kind: str, message: str) -> PageItem:
    item.outcome, item.error_kind, item.error = FAILED, kind, message
    return item


def _canonical_url(response: HtmlResponse) -> str | None:
    href = response.css('link[rel="canonical"]::attr(href)').get()
    return urljoin(response.url, href.strip()) if href and href.strip() else None


def _release_tree(response: HtmlResponse) -> None:
    """Free the response's parsed tree now rather than at the next full garbage collection.

    A response and its cached selector refer to each other (scrapy/scrapy#2977), so without this the
    tree, about ten times the body, outlives the response until the cyclic collector runs. Scrapy has no public
    way to drop it; tests/test_upstream.py fails if the private attribute stops doing this.
    """
    response._cached_selector = None


def _flag(value: str | bool) -> bool:
    return value is True or str(value).lower() in ("1", "true", "yes")


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _content_type(response: Response) -> str:
    return _header(response, "Content-Type") or "no content type"
