"""What the spider hands to the item pipelines."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from pipeline.extract import Row
from pipeline.page import Block, CleanPage

# What became of one URL in a run.
FETCHED = "fetched"  # a 200 HTML page; cleaned, and extracted unless its content is unchanged
NOT_MODIFIED = "not_modified"  # the server answered 304 to a conditional request
GONE = "gone"  # a page we had answers 404 or 410
FAILED = "failed"  # could not be fetched or used; ``error`` says why


@dataclass
class PageItem:
    """One visited URL: a fetched page (the pipelines add its cleaned form and facts) or what went wrong."""

    url: str
    site: str
    outcome: str
    status: int | None = None
    fetched_at: str | None = None
    html: str = ""
    etag: str | None = None
    last_modified: str | None = None
    aliases: list[str] = field(default_factory=list)  # other URLs that led here (redirects, non-canonical)
    links: list[str] = field(default_factory=list)
    depth: int = 0
    error_kind: str | None = None
    error: str | None = None
    unchanged: bool = False
    page: CleanPage | None = None
    facts: dict[str, list[Row]] = field(default_factory=dict)


def item_to_json(item: PageItem) -> str:
    """The item as the ingest needs it (everything but the raw HTML), for a worker to hand over."""
    data = asdict(item)
    del data["html"]
    return json.dumps(data)


def item_from_json(data: str | bytes) -> PageItem:
    values = json.loads(data)
    page = values.pop("page")
    if page:
        blocks = [Block(**{k: tuple(v) if isinstance(v, list) else v for k, v in block.items()})
                  for block in page["blocks"]]
        values["page"] = CleanPage(page["url"], page["title"], blocks)
    return PageItem(**values)
