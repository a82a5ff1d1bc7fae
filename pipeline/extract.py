"""Every fact a cleaned page holds, by table of the knowledge base."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.credential_mentions import extract_credential_mentions
from pipeline.exams import extract_exams
from pipeline.mentions import extract_mentions
from pipeline.outlook import extract_outlook
from pipeline.page import CleanPage
from pipeline.program_norms import extract_program_norms
from pipeline.programs import extract_programs
from pipeline.requirements import extract_requirements
from pipeline.wages import extract_wages

Row = dict[str, object]
Extractor = Callable[[CleanPage], list[Row]]

# table name -> function reading that table's rows off a page; each row holds the
# table's contract columns except page_url, and always an ``evidence`` string.
EXTRACTORS: dict[str, Extractor] = {
    "wages": extract_wages,
    "outlook": extract_outlook,
    "programs": extract_programs,
    "program_norms": extract_program_norms,
    "mentions": extract_mentions,
    "credential_mentions": extract_credential_mentions,
    "requirements": extract_requirements,
    "exams": extract_exams,
}


def extract_facts(page: CleanPage) -> dict[str, list[Row]]:
    """Run every extractor over the page."""
    return {table: extractor(page) for table, extractor in EXTRACTORS.items()}
