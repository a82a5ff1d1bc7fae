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


def load_pipeline() -> None:
    """In an extraction worker: import the pipeline, its patterns and data, before the first page comes.

    They live as long as the worker, so they are frozen out of garbage collection (``gc.freeze``): the
    collections that pages' readings set off no longer go over them again and again.
    """
    importlib.import_module("pipeline.process")
    gc.freeze()


def extract_page(html: str, url: str, known_hash: str | None) -> ProcessedPage:
    """``pipeline.process.process_page``, run in an extraction worker."""
    from pipeline.process import process_page  # imported by the worker only (see the module's docstring)

    return process_page(html, url, known_hash)
