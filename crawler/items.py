"""What the spider hands to the item pipelines."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.extract import Row
from pipeline.page import CleanPage


@dataclass
class PageItem:
    """A fetched HTML page; the pipelines add its cleaned form and facts."""

    url: str
    site: str
    html: str
    status: int
    fetched_at: str
    etag: str | None = None
    last_modified: str | None = None
    page: CleanPage | None = None
    facts: dict[str, list[Row]] = field(default_factory=dict)
