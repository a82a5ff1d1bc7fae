"""The one-screen summary printed after a crawl."""

from __future__ import annotations

import sqlite_utils

from kb.crawl import CrawlReport
from kb.schema import FACT_COLUMNS


def summary_lines(report: CrawlReport) -> list[str]:
    db = sqlite_utils.Database(report.db)
    lines = [
        f"Crawl {report.status}: {report.started_at} to {report.finished_at}",
        f"  pages fetched        {report.count('response_received_count'):>7}",
        f"  pages stored         {report.pages_stored:>7}",
        f"  skipped (not HTML)   {report.count('kb/skipped_non_html'):>7}",
        f"  skipped (robots.txt) {report.count('robotstxt/forbidden'):>7}",
        f"  failed requests      {report.count('kb/failed_requests'):>7}",
        f"  facts stored         {report.count('kb/facts_stored'):>7}",
        f"Knowledge base {report.db}: {db['pages'].count} pages",
    ]
    lines += [f"  {table:<20} {db[table].count:>7}" for table in FACT_COLUMNS]
    db.close()
    return lines
