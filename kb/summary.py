"""The one-screen summary printed after a crawl or refresh."""

from __future__ import annotations

import sqlite_utils

from kb.crawl import CrawlReport
from kb.schema import FACT_COLUMNS

RUN_LINES = (
    ("fetched", "URLs fetched"), ("new", "new pages"), ("changed", "changed pages"),
    ("unchanged", "unchanged pages"), ("gone", "pages now gone"), ("skipped", "skipped"),
    ("failed", "failed URLs"), ("facts_added", "facts added"), ("facts_updated", "facts updated"),
    ("facts_retracted", "facts retracted"),
)


def summary_lines(report: CrawlReport) -> list[str]:
    run = report.run
    lines = [f"Run {run.get('id')} ({run.get('command')}) {report.status}: "
             f"{run.get('started_at')} to {run.get('finished_at')}"]
    lines += [f"  {label:<20} {run.get(key) or 0:>8}" for key, label in RUN_LINES]
    with sqlite_utils.Database(report.db) as db:
        lines.append(f"Knowledge base {report.db}: {db['pages'].count} pages ({db['crawl_errors'].count} errors "
                     "recorded in crawl_errors)")
        lines += [f"  {table:<20} {db[f'current_{table}'].count:>8} current"
                  f" ({db[table].count - db[f'current_{table}'].count} retracted)" for table in FACT_COLUMNS]
    return lines


def first_errors(report: CrawlReport, limit: int = 3) -> list[str]:
    """The run's first crawl_errors rows, one line each: what a failed run gave up on, and why."""
    with sqlite_utils.Database(report.db) as db:
        rows = db.query("select url, kind, message from crawl_errors where run_id = ? order by id limit ?",
                        [report.run.get("id"), limit])
        return [f"{row['url']}: {row['kind']}, {row['message']}" for row in rows]
