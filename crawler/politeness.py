"""Keeping to what a site asks for beyond robots.txt's rules: a pause between requests (Crawl-delay, held by
crawler/robots.py) and no requests at all for a while after a 429 or 503 with Retry-After (the download handler).

Both act on Scrapy's download slot of the request's host (``Downloader.slots``, the attribute Scrapy's
AutoThrottle extension adjusts): a slot's delay holds back every request to that host, and no other.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Response

from crawler.errors import GivenUp

RETRY_AFTER_STATUSES = {429, 503}


def hold(crawler: Any, request: Request, delay: float) -> float | None:
    """Make the request's host wait at least ``delay`` seconds between requests; returns the delay it had."""
    downloader = crawler.engine.downloader
    slot = downloader.slots.get(downloader.get_slot_key(request))
    if slot is None or slot.delay >= delay:
        return None
    before, slot.delay, slot.jitter = slot.delay, delay, 0.0  # no random share below what the site asked
    return before


def release(crawler: Any, request: Request, delay: float) -> None:
    """Give the request's host back the delay ``hold`` replaced."""
    downloader = crawler.engine.downloader
    slot = downloader.slots.get(downloader.get_slot_key(request))
    if slot is not None:
        slot.delay = delay


def retry_after(response: Response) -> float | None:
    """Seconds the response asks to wait (a number of seconds or an HTTP date), if it says."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        return max(0.0, (parsedate_to_datetime(text) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


class PoliteDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP(S) download handler, keeping to Retry-After: after a 429 or 503 that names a wait, nothing
    is sent to that host until the wait is over.

    The handler is the one place that sees both the moment a request goes out and the moment its answer is in,
    before Scrapy sends the next request queued for the same host. A wait up to ``KB_RETRY_AFTER_MAX`` seconds is
    kept by the host's download slot, and Scrapy's retry middleware tries the request again after it; a longer
    one ends the host's part of the run: the request, and every later one to the host, is given up on (crawl_errors
    kind ``retry_after``) without being sent, for a later run.
    """

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        self.crawler = crawler
        self.max_wait = crawler.settings.getfloat("KB_RETRY_AFTER_MAX")
        self.paused: dict[str, float] = {}  # download slot -> monotonic time it may be asked again
        self.replaced: dict[str, float] = {}  # download slot -> its delay before a wait

    async def download_request(self, request: Request) -> Response:
        key = self.crawler.engine.downloader.get_slot_key(request)
        if (until := self.paused.get(key)) is not None:
            left = until - time.monotonic()
            if left > self.max_wait:
                raise GivenUp("retry_after", f"the site asked for no requests for {left:.0f} more s (Retry-After)")
            if left <= 0:
                del self.paused[key]
                if key in self.replaced:
                    release(self.crawler, request, self.replaced.pop(key))
        response = await super().download_request(request)
        if response.status in RETRY_AFTER_STATUSES and (seconds := retry_after(response)) is not None:
            self.paused[key] = max(self.paused.get(key, 0.0), time.monotonic() + seconds)
            if seconds > self.max_wait:
                raise GivenUp("retry_after", f"HTTP {response.status}: the site asked to wait {seconds:.0f} s "
                                             f"(Retry-After, over KB_RETRY_AFTER_MAX, {self.max_wait:.0f} s)")
            if (before := hold(self.crawler, request, seconds)) is not None:
                self.replaced.setdefault(key, before)
        return response
