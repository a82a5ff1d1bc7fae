"""Scrapyd's job runner for this project (``runner = codingkb_scrapyd`` in scrapyd.conf).

Scrapyd's own runner imports the deployed egg as a zip file, from which the pipeline cannot read its
data files, and appends it to ``sys.path``, behind any installed copy of the project. This one unpacks
the egg for the job and puts it first, then runs Scrapy's command line as Scrapyd's runner does.
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import Distribution
from pathlib import Path

from scrapy.cmdline import execute
from scrapyd.config import Config
from scrapyd.utils import initialize_component


@contextmanager
def unpacked_egg(project: str) -> Iterator[Path | None]:
    """The project's egg (the version Scrapyd asks for, else the latest) unpacked into a temporary folder."""
    storage = initialize_component(Config(), "eggstorage", "scrapyd.eggstorage.FilesystemEggStorage")
    _, egg = storage.get(project, os.environ.get("SCRAPYD_EGG_VERSION"))
    if egg is None:
        yield None
        return
    with egg, zipfile.ZipFile(egg) as archive, tempfile.TemporaryDirectory(prefix=f"{project}-") as folder:
        archive.extractall(folder)
        yield Path(folder)


def main() -> None:
    with unpacked_egg(os.environ["SCRAPY_PROJECT"]) as folder:
        if folder:
            sys.path.insert(0, str(folder))
            (settings,) = Distribution.at(folder / "EGG-INFO").entry_points.select(group="scrapy", name="settings")
            os.environ.setdefault("SCRAPY_SETTINGS_MODULE", settings.value)
        execute()


if __name__ == "__main__":
    main()
