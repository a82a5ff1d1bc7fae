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

MESSAGES = {
    "truncated": "the connection closed before the body was complete",
    "redirect_loop": "redirected too many times (a redirect loop)",
}

class GivenUp(IgnoreRequest):
    """A request the crawl gives up on by its own rules (robots.txt, a redirect it will not follow), and why."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


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
    if failure.check(GivenUp):
        return failure.value.kind
    if failure.check(IgnoreRequest):
        return "redirect_loop" if "redirection" in str(failure.value) else "ignored"
    for exception, kind in KINDS:
        if failure.check(exception):
            return kind
    return type(failure.value).__name__


def error_message(failure: Failure) -> str:
    """One readable line about the failure."""
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}, after retries"
    if failure.check(GivenUp):
        return str(failure.value)
    return MESSAGES.get(error_kind(failure)) or failure.getErrorMessage() or type(failure.value).__name__
