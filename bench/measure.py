"""Small measuring tools: timed subprocesses with their peak memory, and an HTTP load client."""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx


@dataclass
class Timed:
    """A finished command: its wall time, peak resident memory of its process tree, and output."""

    seconds: float
    peak_mb: float
    stdout: str
    stderr: str


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total / 1024


def run_timed(command: list[str], cwd: Path | None = None) -> Timed:
    """Run a command to the end, sampling its process tree's memory every 100 ms."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.1):
            peak = max(peak, tree_rss_mb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode:
        raise RuntimeError(f"{command[:3]} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return Timed(time.perf_counter() - start, peak, stdout, stderr)


@dataclass
class Load:
    """Latencies and throughput of one URL under concurrent clients."""

    p50_ms: float
    p95_ms: float
    per_s: float
    errors: int


async def _load(url: str, clients: int, seconds: float, timeout: float) -> Load:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            began = time.perf_counter()
            try:
                response = await http.get(url)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append((time.perf_counter() - began) * 1000)
            errors += not ok

    async with httpx.AsyncClient(timeout=timeout, limits=httpx.Limits(max_connections=clients)) as http:
        start = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        elapsed = time.perf_counter() - start
    cuts = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else latencies * 19
    return Load(statistics.median(latencies), cuts[18], len(latencies) / elapsed, errors)


def load(url: str, clients: int = 10, seconds: float = 10, timeout: float = 30) -> Load:
    """Hit ``url`` with ``clients`` concurrent clients for ``seconds``."""
    return asyncio.run(_load(url, clients, seconds, timeout))
