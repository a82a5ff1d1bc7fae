"""Every fact a cleaned page holds, by table of the knowledge base."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.outlook import extract_outlook
from pipeline.page import CleanPage
from pipeline.wages import extract_wages

Row = dict[str, object]
Extractor = Callable[[CleanPage], list[Row]]

# table name -> function reading that table's rows off a page; each row holds the
# table's contract columns except page_url, and always an ``evidence`` string.
EXTRACTORS: dict[str, Extractor] = {
    "wages": extract_wages,
    "outlook": extract_outlook,
}


def extract_facts(page: CleanPage) -> dict[str, list[Row]]:
    """Run every extractor over the page."""
    return {table: extractor(page) for table, extractor in EXTRACTORS.items()}
