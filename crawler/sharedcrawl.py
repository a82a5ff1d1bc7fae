"""The crawl that workers share in Redis: its definition, its run, the leased frontier, the item queue.

Keys start with the spider's name, like scrapy-redis's own (``articles:requests``, ``articles:dupefilter``).
Every step that must not be cut in half by a killed process is one Lua script or one MULTI transaction.
The scripts that look at every worker read the worker set inside Redis, so this needs one Redis server
(not a cluster), as scrapy-redis does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass

import redis
from scrapy_redis import defaults

from crawler.runstate import KnownPage, RunState

# Pop the best request and lease it to the worker, in one step: a request is always queued or leased.
LEASE = """
local popped = redis.call('ZPOPMIN', KEYS[1])
if popped[1] == nil then return false end
redis.call('HSET', KEYS[2], popped[1], popped[2])
return popped[1]
"""

# Queue a request unless its fingerprint was seen; the fingerprint and the request are added together.
ENQUEUE = """
if ARGV[3] == '1' or redis.call('SADD', KEYS[2], ARGV[4]) == 1 then
  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
  return 1
end
return 0
"""

# Queue an item for the ingest while its run is open, and end the leases of the requests it accounts for.
REPORT = """
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('LPUSH', KEYS[1], ARGV[1]) end
if #ARGV > 1 then redis.call('HDEL', KEYS[2], unpack(ARGV, 2)) end
"""

# Give every lease of a worker whose heartbeat has expired back to the queue; returns how many.
REQUEUE_DEAD = """
local requeued = 0
for _, worker in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('EXISTS', ARGV[1] .. 'alive:' .. worker) == 0 then
    local leases = ARGV[1] .. 'leases:' .. worker
    local held = redis.call('HGETALL', leases)
    for i = 1, #held, 2 do redis.call('ZADD', KEYS[2], held[i + 1], held[i]) end
    requeued = requeued + #held / 2
    redis.call('DEL', leases)
    redis.call('SREM', KEYS[1], worker)
  end
end
return requeued
"""

# The crawl is over when a worker of this run has queued the seeds, nothing is queued, leased or waiting.
QUIET = """
if redis.call('GET', KEYS[3]) ~= ARGV[2] or redis.call('ZCARD', KEYS[2]) > 0 or redis.call('LLEN', KEYS[4]) > 0 then
  return 0
end
for _, worker in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('HLEN', ARGV[1] .. 'leases:' .. worker) > 0 then return 0 end
end
return 1
"""


# Whether the run a worker joined (ARGV[1]) is still the open one (KEYS[1]): a worker that has not yet seen its run
# finished writes nothing that belongs to a run, so nothing of a finished run outlives it in Redis.
RUN_IS_OPEN = """
local function run_is_open(key, run_id)
  local run = redis.call('GET', key)
  return run ~= false and cjson.decode(run)['run_id'] == tonumber(run_id)
end
"""

# Say the worker is alive for ARGV[2] more milliseconds, while its run is open; returns whether it is.
BEAT = RUN_IS_OPEN + """
if not run_is_open(KEYS[1], ARGV[1]) then return 0 end
redis.call('SET', KEYS[2], 1, 'PX', ARGV[2])
redis.call('SADD', KEYS[3], ARGV[3])
return 1
"""

# The worker is idle: end its leases, and while its run is open record that the run's seeds are queued.
IDLE = RUN_IS_OPEN + """
redis.call('DEL', KEYS[2])
if run_is_open(KEYS[1], ARGV[1]) then redis.call('SET', KEYS[3], ARGV[1]) end
"""


class CrawlMismatchError(RuntimeError):
    """A worker joined a shared crawl that other workers started with different arguments."""


@dataclass(frozen=True)
class CrawlDefinition:
    """What the first worker announces and the ingest opens a run for (see kb.runs.begin_run)."""

    command: str
    args: dict
    seeds: list[tuple[str, str]]
    revisit_sites: list[str]

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, data: str | bytes) -> CrawlDefinition:
        values = json.loads(data)
        return cls(values["command"], values["args"], [tuple(s) for s in values["seeds"]], values["revisit_sites"])


class SharedKnown(Mapping[str, KnownPage]):
    """The pages the knowledge base held when the run began, as the ingest published them."""

    def __init__(self, server: redis.Redis, key: str) -> None:
        self.server, self.key = server, key

    def __getitem__(self, url: str) -> KnownPage:
        value = self.server.hget(self.key, url)
        if value is None:
            raise KeyError(url)
        return KnownPage(**json.loads(value))

    def __contains__(self, url: object) -> bool:
        return bool(self.server.hexists(self.key, url))

    def __iter__(self) -> Iterator[str]:
        return (key.decode() for key, _ in self.server.hscan_iter(self.key))

    def __len__(self) -> int:
        return self.server.hlen(self.key)


class SharedCrawl:
    """One shared crawl in one Redis database: the operations of workers and of the ingest on it."""

    def __init__(self, server: redis.Redis, spider: str = "articles") -> None:
        self.server = server
        self.prefix = f"{spider}:"
        self.queue = defaults.SCHEDULER_QUEUE_KEY % {"spider": spider}
        self.dupefilter = defaults.SCHEDULER_DUPEFILTER_KEY % {"spider": spider}
        self.items, self.taking = self._key("items"), self._key("items:taking")
        self.definition, self.run, self.known = self._key("crawl"), self._key("run"), self._key("known")
        self.seeds, self.seeded = self._key("seeds"), self._key("seeded")
        self.workers = self._key("workers")
        self._lease = server.register_script(LEASE)
        self._enqueue = server.register_script(ENQUEUE)
        self._report = server.register_script(REPORT)
        self._requeue_dead = server.register_script(REQUEUE_DEAD)
        self._quiet = server.register_script(QUIET)
        self._beat = server.register_script(BEAT)
        self._idle = server.register_script(IDLE)

    @classmethod
    def from_url(cls, url: str, spider: str = "articles") -> SharedCrawl:
        return cls(redis.Redis.from_url(url), spider)

    def _key(self, name: str) -> str:
        return self.prefix + name

    def leases(self, worker: str) -> str:
        return self._key(f"leases:{worker}")

    def alive(self, worker: str) -> str:
        return self._key(f"alive:{worker}")

    # What workers do.

    def define(self, definition: CrawlDefinition) -> None:
        """Announce the crawl, or check that the crawl already announced is the same one."""
        self.server.set(self.definition, definition.to_json(), nx=True)
        current = CrawlDefinition.from_json(self.server.get(self.definition))
        if current.args != definition.args:
            raise CrawlMismatchError(
                f"this Redis database holds another crawl ({json.dumps(current.args)}); finish it, or use another "
                "database number in the Redis URL"
            )

    def joined_run(self) -> RunState | None:
        """The run the ingest published for the crawl, as a worker sees it; None until it is published."""
        value = self.server.get(self.run)
        if value is None:
            return None
        run = json.loads(value)
        seeds = [tuple(seed) for seed in map(json.loads, self.server.lrange(self.seeds, 0, -1))]
        return RunState(run["run_id"], run["resumed"], SharedKnown(self.server, self.known), set(), seeds)

    def beat(self, worker: str, run_id: int, timeout: float) -> bool:
        """Say the worker is alive for ``timeout`` more seconds; False (and nothing said) once its run is over."""
        keys = [self.run, self.alive(worker), self.workers]
        return bool(self._beat(keys=keys, args=[run_id, int(timeout * 1000), worker]))

    def enqueue(self, data: bytes, score: float, fingerprint: str, dont_filter: bool) -> bool:
        """Queue an encoded request unless an equal one was queued before (or it must not be filtered)."""
        args = [data, score, int(dont_filter), fingerprint]
        return bool(self._enqueue(keys=[self.queue, self.dupefilter], args=args))

    def lease(self, worker: str) -> bytes | None:
        """Take the best queued request, leased to ``worker`` until it reports it (or dies)."""
        return self._lease(keys=[self.queue, self.leases(worker)])

    def report(self, worker: str, item: str, leased: list[bytes]) -> None:
        """Queue an item for the ingest and end the leases of the requests it accounts for, together.

        Once the run is finished (at its page limit, say), the item is dropped rather than left queued.
        """
        self._report(keys=[self.items, self.leases(worker), self.run], args=[item, *leased])

    def idle(self, worker: str, run_id: int) -> None:
        """The worker has nothing in progress: what it still holds leases on ended without an item, and it has
        queued its run's seeds (recorded with the run's id, and only while the run is open)."""
        self._idle(keys=[self.run, self.leases(worker), self.seeded], args=[run_id])

    def leave(self, worker: str) -> None:
        """The worker stops: give what it still holds back to the queue, and forget it."""
        self.server.delete(self.alive(worker))
        self._requeue_dead(keys=[self.workers, self.queue], args=[self.prefix])

    # What the ingest does.

    def announced(self) -> CrawlDefinition | None:
        value = self.server.get(self.definition)
        return CrawlDefinition.from_json(value) if value else None

    def publish(self, run: RunState) -> None:
        """Open the run to workers: what the file knows, the URLs to start from; a new run starts from scratch."""
        if not run.resumed:
            stale = [self.queue, self.dupefilter, self.items, self.taking, self.known, self.seeded,
                     *self.server.scan_iter(self._key("leases:*"))]
            self.server.delete(*stale)
        with self.server.pipeline() as pipe:
            pipe.delete(self.seeds, self.run)
            for url, known in run.known.items():
                pipe.hset(self.known, url, json.dumps(asdict(known)))
            for seed in run.pending:
                pipe.rpush(self.seeds, json.dumps(seed))
            pipe.set(self.run, json.dumps({"run_id": run.run_id, "resumed": run.resumed}))
            pipe.execute()

    def take(self, count: int, timeout: float) -> list[bytes]:
        """Up to ``count`` items, kept in a side list until ``taken`` (a restarted ingest takes them again)."""
        pending = self.server.lrange(self.taking, 0, -1)
        if pending:
            return pending[::-1]
        first = self.server.blmove(self.items, self.taking, timeout, "RIGHT", "LEFT")
        if first is None:
            return []
        with self.server.pipeline() as pipe:
            for _ in range(count - 1):
                pipe.lmove(self.items, self.taking, "RIGHT", "LEFT")
            rest = [item for item in pipe.execute() if item is not None]
        return [first, *rest]

    def taken(self) -> None:
        """The items last taken are committed."""
        self.server.delete(self.taking)

    def requeue_dead(self) -> int:
        """Give the leases of workers that stopped beating back to the queue."""
        return self._requeue_dead(keys=[self.workers, self.queue], args=[self.prefix])

    def is_quiet(self, run_id: int) -> bool:
        """True when nothing is queued, leased or waiting, and a worker of run ``run_id`` has queued every seed."""
        keys = [self.workers, self.queue, self.seeded, self.items]
        return bool(self._quiet(keys=keys, args=[self.prefix, str(run_id)]))

    def finish(self) -> None:
        """The run is over: its workers stop when they see it gone; the next crawl starts from scratch.

        Items still queued are dropped: they come after the run's page limit.
        """
        self.server.delete(self.definition, self.run, self.seeds, self.known, self.queue, self.dupefilter,
                           self.seeded, self.workers, self.items, self.taking)
