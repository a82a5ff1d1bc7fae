"""Serve a folder of static pages on 127.0.0.1, as the demo and the tests need."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_directory(
    directory: str | Path, port: int = 0, handler_class: type[SimpleHTTPRequestHandler] = QuietHandler
) -> Iterator[str]:
    """Serve ``directory`` in a background thread; yields the base URL (no trailing slash)."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
