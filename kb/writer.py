"""The crawl's writer process: the one place a crawl touches the knowledge-base file.

A crawl's StorePipeline runs these functions in a process of their own, so that SQLite and
the Python work around it never compete with the crawler for its core.
"""

from __future__ import annotations

from collections import Counter

from crawler.items import PageItem
from crawler.runstate import RunState
from kb.runs import begin_run, finish_run
from kb.schema import refresh_statistics
from kb.store import Store

_store: Store | None = None  # this process's open file


def open_run(path: str, command: str, args: dict, seeds: list[tuple[str, str]], revisit: list[str]) -> RunState:
    """Open the file, refresh the credential and occupation registries, and begin or resume the run."""
    global _store
    _store = Store(path)
    _store.write_registries()
    return begin_run(_store.db, command, args, seeds, revisit)


def write(run_id: int, items: list[PageItem]) -> Counter[str]:
    return _store.write_batch(run_id, items)


def close_run(run_id: int, finished: bool) -> None:
    """Close the file; a finished run is recorded as ended, an interrupted one stays open to resume.

    A finished run refreshes the query planner's statistics of the tables it doubled (kb.schema), so that the
    published file is read with plans that fit its size from the first request after the run."""
    if finished:
        finish_run(_store.db, run_id)
        refresh_statistics(_store.db)
    _store.close()
