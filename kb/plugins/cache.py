"""Datasette plugin: answer repeated reads from memory until a database file changes.

The knowledge base is read far more often than it is written (a refresh a night), and the same
pages (the home page, a table's first page) are asked for again and again. Responses to GET
requests are kept in a bounded LRU keyed by the request and by the size and modification time
of every served file and its write-ahead log, so any commit (a refresh, a checkpoint) empties
the cache. Responses that set cookies, fail, or are large streams are never kept.

A response carries the address it was asked at: Datasette builds facet links, "next page", the
``Link`` header and ``next_url`` from the request's scheme and Host header. So the key holds
the scheme (which the server may take from X-Forwarded-Proto) and the Host header besides the
path and query: an answer to a request with a forged Host is only ever given again to requests
with the same Host, never to an ordinary visitor. Requests that carry credentials (cookies, an
Authorization header) are neither answered from the cache nor kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl

from kb.schema_cache import file_state

ASGIApp = Callable[[dict, Callable[[], Awaitable[dict]], Callable[[dict], Awaitable[None]]], Awaitable[None]]
MAX_ENTRIES = 1024
MAX_BODY_BYTES = 2 * 1024 * 1024


class ResponseCache:
    """Cached responses (status, headers, body) for the current state of the files."""

    def __init__(self, datasette: Any) -> None:
        self.datasette = datasette
        self.entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self.state: tuple = ()

    def files_state(self) -> tuple:
        return tuple(file_state(db.path) for db in self.datasette.databases.values() if db.path)

    def get(self, key: tuple) -> tuple[int, list, bytes] | None:
        state = self.files_state()
        if state != self.state:
            self.entries.clear()
            self.state = state
            return None
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key: tuple, entry: tuple[int, list, bytes]) -> None:
        self.entries[key] = entry
        if len(self.entries) > MAX_ENTRIES:
            self.entries.popitem(last=False)


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[ASGIApp], ASGIApp]:
    def wrap(app: ASGIApp) -> ASGIApp:
        cache = ResponseCache(datasette)

        async def cached(scope: dict, receive: Callable, send: Callable) -> None:
            if scope["type"] != "http" or scope["method"] != "GET" or _has_credentials(scope):
                return await app(scope, receive, send)
            key = (scope.get("scheme"), _header(scope, b"host"), scope["path"], scope.get("query_string", b""))
            entry = cache.get(key)
            if entry is not None:
                status, headers, body = entry
                await send({"type": "http.response.start", "status": status,
                            "headers": [*headers, (b"x-kb-cache", b"hit")]})
                await send({"type": "http.response.body", "body": body})
                return
            state = cache.files_state()
            recorded: dict[str, Any] = {"body": [], "size": 0, "ok": True}

            async def record(message: dict) -> None:
                if message["type"] == "http.response.start":
                    headers = list(message.get("headers", []))
                    sets_cookie = any(name.lower() == b"set-cookie" for name, _ in headers)
                    recorded["ok"] = message["status"] == 200 and not sets_cookie
                    recorded.update(status=message["status"], headers=headers)
                    message = {**message, "headers": [*headers, (b"x-kb-cache", b"miss")]}
                elif message["type"] == "http.response.body":
                    recorded["size"] += len(message.get("body", b""))
                    recorded["ok"] = recorded["ok"] and recorded["size"] <= MAX_BODY_BYTES
                    if recorded["ok"]:
                        recorded["body"].append(message.get("body", b""))
                    if recorded["ok"] and not message.get("more_body") and cache.files_state() == state:
                        cache.put(key, (recorded["status"], recorded["headers"], b"".join(recorded["body"])))
                await send(message)

            await app(scope, receive, record)

        return cached

    return wrap


def _has_credentials(scope: dict) -> bool:
    return any(name in (b"cookie", b"authorization") for name, _ in scope.get("headers", []))


def _header(scope: dict, name: bytes) -> tuple[bytes, ...]:
    """Every value the request sent for a header, in order."""
    return tuple(value for key, value in scope.get("headers", []) if key == name)
