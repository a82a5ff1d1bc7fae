"""The crawl's worker processes (extraction, writing): fresh interpreters that end with the crawl.

The crawler's process hands pages to ``extract_page`` by name and never imports the pipeline
itself: its patterns and data stay in the extraction worker, which imports them once, at start-up.
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.page import ProcessedPage

PARENT_CHECK_SECONDS = 1.0


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of fresh interpreters (spawned, not forked from the reactor) that end with this process."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=exit_with_parent, initargs=(os.getpid(),))


def exit_with_parent(parent: int) -> None:
    """In a worker: end as soon as the process that started it is gone, even if it was killed outright."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


# Collection thresholds of an extraction worker (``gc.set_threshold``): a page makes tens of thousands of
# short-lived objects, which reference counting frees, and almost no cycles; at Python's (700, 10, 10) a worker
# collected about 0.3 times a page and went over the readings it keeps for later pages every tenth time, 3.5-5% of
# its time on the benchmark's pages, against under 2% at these, with the same peak memory.
COLLECT_AFTER = (5_000, 50, 100)


def load_pipeline() -> None:
    """In an extraction worker: import the pipeline, its patterns and data, before the first page comes.

    They live as long as the worker, so they are frozen out of garbage collection (``gc.freeze``): the
    collections that pages' readings set off no longer go over them again and again; and those collections
    come less often (COLLECT_AFTER).
    """
    importlib.import_module("pipeline.process")
    gc.freeze()
    gc.set_threshold(*COLLECT_AFTER)


def extract_page(html: str, url: str, known_hash: str | None) -> ProcessedPage:
    """``pipeline.process.process_page``, run in an extraction worker."""
    from pipeline.process import process_page  # imported by the worker only (see the module's docstring)

    return process_page(html, url, known_hash)
