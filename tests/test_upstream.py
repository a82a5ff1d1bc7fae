"""What the crawler relies on in Scrapy beyond its public API: each test fails loudly when Scrapy changes it."""

from __future__ import annotations

import gc
import weakref

from scrapy.http import HtmlResponse
from scrapy.linkextractors import LinkExtractor

from crawler.spiders.articles import _release_tree


def test_releasing_a_response_s_tree_frees_it_without_the_cyclic_collector():
    """``_release_tree`` clears ``TextResponse._cached_selector`` (scrapy/scrapy#2977, open): if Scrapy renames
    the attribute or keeps the selector elsewhere, the tree outlives the response and this fails."""
    body = b"<html><body><a href='/next.html'>Next</a></body></html>"
    response = HtmlResponse("http://127.0.0.1/guide.html", body=body)
    assert [link.url for link in LinkExtractor().extract_links(response)] == ["http://127.0.0.1/next.html"]
    tree = weakref.ref(response.selector)
    gc.disable()
    try:
        _release_tree(response)
        assert tree() is None
    finally:
        gc.enable()
    assert response.css("a::attr(href)").get() == "/next.html"  # parsed again if asked for
