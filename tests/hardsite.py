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
    delay: float = 0.0  # seconds to wait before answering


@dataclass
class Site:
    """The served routes (change them between crawls), every request as (monotonic time, path), and the user
    agents that sent them."""

    base: str
    routes: dict[str, Route | list[Route]]
    requests: list[tuple[float, str]]
    agents: set[str]

    def times(self, path: str) -> list[float]:
        return [at for at, requested in self.requests if requested == path]


@contextmanager
def serve(routes: dict[str, Route | list[Route]]) -> Iterator[Site]:
    """Serve ``routes`` on 127.0.0.1 (anything else is a 404); a list of routes answers one after the other,
    then keeps to its last."""
    requests: list[tuple[float, str]] = []
    agents: set[str] = set()

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            requests.append((time.monotonic(), self.path))
            agents.add(self.headers.get("User-Agent", ""))
            route = routes.get(self.path, Route(404, b"<html><body>Not here</body></html>"))
            if isinstance(route, list):
                route = route.pop(0) if len(route) > 1 else route[0]
            if route.gate is not None:
                route.gate.wait(120)
            time.sleep(route.delay)
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

    with tempfile.TemporaryDirectory() as folder, serve_directory(folder, handler_class=Handler) as base:
        yield Site(base, routes, requests, agents)
