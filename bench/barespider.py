"""Baseline for crawl speed: a bare Scrapy spider that only follows links on the same site."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from scrapy.linkextractors import LinkExtractor


class BareSpider(scrapy.Spider):
    """Fetch every page reachable from ``start_url`` on its host; keep nothing."""

    name = "bare"

    def __init__(self, start_url: str, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.start_urls = [start_url]
        self.host = urlsplit(start_url).netloc
        self.links = LinkExtractor()

    def parse(self, response: Response) -> Iterator[scrapy.Request]:
        for link in self.links.extract_links(response):
            if urlsplit(link.url).netloc == self.host:
                yield response.follow(link.url, self.parse)
