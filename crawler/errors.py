"""Name what went wrong with a request, for the crawl_errors table."""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

KINDS: tuple[tuple[type[BaseException], str], ...] = (
    (CannotResolveHostError, "dns"),
    (DownloadConnectionRefusedError, "refused"),
    (DownloadTimeoutError, "timeout"),
    (ResponseDataLossError, "truncated"),
    (DownloadCancelledError, "too_large"),
    (DownloadFailedError, "download_failed"),
)


def error_kind(failure: Failure) -> str:
    """A short, stable name for the failure: http_503, timeout, truncated, redirect_loop, ..."""
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    if failure.check(IgnoreRequest):
        return "redirect_loop" if "redirection" in str(failure.value) else "ignored"
    for exception, kind in KINDS:
        if failure.check(exception):
            return kind
    return type(failure.value).__name__
