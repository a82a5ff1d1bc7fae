"""What the spider hands to the item pipelines."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from pipeline.page import ProcessedPage

# What became of one URL in a run.
FETCHED = "fetched"  # a 200 HTML page; cleaned, and extracted unless its content is unchanged
NOT_MODIFIED = "not_modified"  # the server answered 304 to a conditional request
GONE = "gone"  # a page we had answers 404 or 410
FAILED = "failed"  # could not be fetched or used; ``error`` says why


@dataclass
class PageItem:
    """One visited URL: a fetched page (the pipelines add what is kept of it) or what went wrong."""

    url: str
    site: str
    outcome: str
    status: int | None = None
    fetched_at: str | None = None
    html: str = ""
    etag: str | None = None
    last_modified: str | None = None
    aliases: list[str] = field(default_factory=list)  # other URLs that led here (redirects)
    links: list[str] = field(default_factory=list)  # links first found on this page, queued with it
    depth: int = 0
    error_kind: str | None = None
    error: str | None = None
    page: ProcessedPage | None = None

    @property
    def changed(self) -> bool:
        """A fetched page whose main content is new or differs from what the file holds."""
        return self.outcome == FETCHED and self.page is not None and not self.page.unchanged


def item_to_json(item: PageItem) -> str:
    """The item as the ingest needs it (everything but the raw HTML), for a worker to hand over."""
    data = asdict(item)
    del data["html"]
    return json.dumps(data)


def item_from_json(data: str | bytes) -> PageItem:
    values = json.loads(data)
    page = values.pop("page")
    return PageItem(**values, page=ProcessedPage(**page) if page else None)
