"""Small measuring tools: timed subprocesses with their peak memory, and an HTTP load client."""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx


@dataclass
class Timed:
    """A finished command: its wall time, peak resident memory of its process tree, and output."""

    seconds: float
    peak_mb: float
    stdout: str
    stderr: str


def process_tree(pid: int) -> list[int]:
    """A process and all its descendants."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
        found.append(current)
    return found


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    total = 0
    for current in process_tree(pid):
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total / 1024


def tree_cpu_seconds(pid: int) -> float:
    """CPU time (user and system) a process and its living descendants have used so far."""
    ticks = 0
    for current in process_tree(pid):
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rpartition(")")[2].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


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
    """Latencies and throughput of a run of requests under concurrent clients."""

    p50_ms: float
    p95_ms: float
    p99_ms: float
    per_s: float
    errors: int
    slowest: list[tuple[float, int, str]] = field(default_factory=list)  # (ms, status, URL), slowest first
    cpu_ms: float = 0  # CPU time the server used per request, where measured


def summarize(timings: list[tuple[float, int, str]], elapsed: float) -> Load:
    """Percentiles, rate and errors (any answer but 200) of (ms, status, URL) timings."""
    latencies = [ms for ms, _, _ in timings]
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return Load(statistics.median(latencies), cuts[94], cuts[98], len(latencies) / elapsed,
                sum(status != 200 for _, status, _ in timings), sorted(timings, reverse=True))


async def _get(http: httpx.AsyncClient, url: str) -> tuple[float, int, str]:
    began = time.perf_counter()
    try:
        status = (await http.get(url)).status_code
    except httpx.HTTPError:
        status = 0
    return (time.perf_counter() - began) * 1000, status, url


async def _load(url: str, clients: int, seconds: float, timeout: float) -> Load:
    timings: list[tuple[float, int, str]] = []
    deadline = time.perf_counter() + seconds

    async def client(http: httpx.AsyncClient) -> None:
        while time.perf_counter() < deadline:
            timings.append(await _get(http, url))

    async with httpx.AsyncClient(timeout=timeout, limits=httpx.Limits(max_connections=clients)) as http:
        start = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        return summarize(timings, time.perf_counter() - start)


def load(url: str, clients: int = 10, seconds: float = 10, timeout: float = 30) -> Load:
    """Hit ``url`` with ``clients`` concurrent clients for ``seconds``."""
    return asyncio.run(_load(url, clients, seconds, timeout))


async def _load_list(urls: list[str], clients: int, timeout: float) -> Load:
    pending = iter(urls)
    timings: list[tuple[float, int, str]] = []

    async def client(http: httpx.AsyncClient) -> None:
        for url in pending:  # the clients share one iterator: each URL is asked once
            timings.append(await _get(http, url))

    async with httpx.AsyncClient(timeout=timeout, limits=httpx.Limits(max_connections=clients)) as http:
        start = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        return summarize(timings, time.perf_counter() - start)


def load_list(urls: list[str], clients: int = 10, timeout: float = 120) -> Load:
    """Ask each of ``urls`` once, ``clients`` requests at a time."""
    return asyncio.run(_load_list(urls, clients, timeout))
