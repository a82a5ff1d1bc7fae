"""A local site whose pages a test sets and changes between crawls, for the hardening tests (issue: a hostile
site, a careless operator): each route answers with a status, headers and a body, and every request is logged."""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from kb.sitehost import QuietHandler, serve_directory

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><main><h1>{title}</h1>{body}</main></body></html>"""


def page(title: str, body: str, head: str = "") -> bytes:
    return PAGE.format(title=title, head=head, body=body).encode()


def wage_page(title: str, amount: int, head: str = "") -> bytes:
    """A guide stating one median wage."""
    return page(title, f"<p>Medical coders earned a median of ${amount:,} per year in May 2023, according to the "
                       "Bureau of Labor Statistics.</p>", head)


def links_page(*paths: str) -> bytes:
    items = "".join(f'<li><a href="{path}">{path}</a></li>' for path in paths)
    return page("Index", f"<p>Guides to medical billing and coding careers.</p><ul>{items}</ul>")


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    gate: threading.Event | None = None  # answer only once this is set


@dataclass
class Site:
    """The served routes (change them between crawls) and every request as (monotonic time, path)."""

    base: str
    routes: dict[str, Route]
    requests: list[tuple[float, str]]

    def times(self, path: str) -> list[float]:
        return [at for at, requested in self.requests if requested == path]


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[Site]:
    """Serve ``routes`` on 127.0.0.1 (anything else is a 404)."""
    requests: list[tuple[float, str]] = []

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            requests.append((time.monotonic(), self.path))
            route = routes.get(self.path, Route(404, b"<html><body>Not here</body></html>"))
            if route.gate is not None:
                route.gate.wait(120)
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

    with tempfile.TemporaryDirectory() as folder, serve_directory(folder, handler_class=Handler) as base:
        yield Site(base, routes, requests)
