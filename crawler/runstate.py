"""The run a crawl belongs to, as the spider and its pipelines see it: what is known, done and left to fetch.

Whoever owns the run (the knowledge base's store, or a shared crawl's ingest) fills it in; the crawler only reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class KnownPage:
    """What the file already holds about a URL, for conditional requests and change detection."""

    etag: str | None
    last_modified: str | None
    content_hash: str | None
    gone: bool


@dataclass
class RunState:
    """The run in progress: its id, what is known, what is done and what is left to fetch."""

    run_id: int
    resumed: bool
    known: Mapping[str, KnownPage]  # a dict, or in a shared crawl what the ingest published in Redis
    done: set[str]
    pending: list[tuple[str, str, int]] = field(default_factory=list)  # (url, site, depth)
