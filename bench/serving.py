"""Row 4 of `make bench`: the questions analysts ask of a large file, each URL asked once.

Lists of distinct URLs of six kinds are drawn from the file with a fixed seed: table pages with one or two
filters, pages with facets and differing filters, full-text searches with different words, sorted pages,
canned queries with different parameters, and row pages. Each list is asked once, by 10 concurrent clients,
of `kb serve` and of a plain `datasette -i` of the same file, the two servers taking turns kind by kind, after
each has been asked a few other URLs of every kind. A plain Datasette has no canned queries: it is asked the same
SQL with the same parameters.

Usage: python -m bench.serving DB [--per-kind N] [--seed S] [--only ours|plain]
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import yaml

from bench.measure import Load, load, load_list, tree_cpu_seconds
from kb.serve import QUERIES, database_name
from kb.sitehost import free_port, wait_for_http

BIN = Path(sys.executable).parent
KINDS = ("filter", "facet", "search", "sort", "canned", "row")
DESCRIPTIONS = {
    "filter": "table pages with one or two filters", "facet": "pages with facets asked for and differing filters",
    "search": "full-text searches", "sort": "sorted pages", "canned": "canned queries with parameters",
    "row": "row pages",
}
GOALS = {"filter": 300, "facet": 300, "search": 300, "sort": 300, "canned": 300, "row": 100}
CLIENTS = 10
WARM_UP = 5  # URLs of each kind asked of each server before its lists are (kb serve runs a process per core)
# Columns an analyst filters and facets wages by; as_of_year only exists in the wage_claims view.
FILTER_COLUMNS = ("attributed_to", "statistic", "period", "as_of", "occupation_code", "occupation", "qualifier",
                  "page_url")
FACET_COLUMNS = ("attributed_to", "statistic", "period", "as_of", "occupation_code", "occupation", "qualifier")
# The columns wages can be sorted by (kb.serve.sortable_columns).
SORT_COLUMNS = ("amount", "as_of", "occupation_code", "occupation", "attributed_to", "statistic")
WAGE_TABLES = ("wages", "current_wages", "wage_claims")


class Sampler:
    """Values as the file holds them, drawn with a fixed seed."""

    def __init__(self, db: Path, seed: int) -> None:
        self.conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        self.rng = random.Random(seed)
        self.max_rowid = self.conn.execute("select max(rowid) from wages").fetchone()[0]

    def wage(self) -> sqlite3.Row:
        """A random wage row (so values come up as often as the file holds them)."""
        while True:
            cursor = self.conn.execute("select * from wages where rowid = ?", (self.rng.randint(1, self.max_rowid),))
            row = cursor.fetchone()
            if row is not None:
                return dict(zip([d[0] for d in cursor.description], row, strict=True))

    def filters(self, count: int, columns: tuple[str, ...] = FILTER_COLUMNS) -> dict[str, str]:
        """``count`` equality filters on different columns, their values taken from one real row."""
        row = self.wage()
        chosen = self.rng.sample([c for c in columns if row[c] is not None], count)
        return {column: str(row[column]) for column in chosen}

    def word(self) -> str:
        """A word of some fact's evidence: half the time drawn by frequency, else any of the words evidence uses."""
        if self.rng.random() < 0.5:
            return self.rng.choice(words(self.wage()["evidence"]))
        if not hasattr(self, "vocabulary"):
            self.vocabulary = sorted({w for _ in range(2000) for w in words(self.wage()["evidence"])})
        return self.rng.choice(self.vocabulary)

    def choice(self, sql: str) -> str:
        values = [str(v) for (v,) in self.conn.execute(sql)]
        return self.rng.choice(values) if values else ""


# Words nobody searches a knowledge base for.
STOPWORDS = {"about", "after", "also", "been", "each", "from", "have", "into", "more", "most", "much", "only", "over",
             "some", "such", "than", "that", "their", "them", "then", "there", "they", "this", "very", "were", "what",
             "when", "which", "while", "with", "will", "your"}


def words(text: str) -> list[str]:
    """The words of ``text`` an analyst might search for."""
    return [w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in STOPWORDS] or ["wage"]


def url_lists(db: Path, per_kind: int, seed: int = 18) -> dict[str, list[str]]:
    """``per_kind`` distinct URLs of every kind, under the served file's name; canned queries as (name, params)."""
    sample = Sampler(db, seed)
    rng, base = sample.rng, f"/{database_name(str(db))}"
    makers = {
        "filter": lambda: table_url(base, rng.choice(WAGE_TABLES[:2]), sample.filters(rng.choice((1, 2)))),
        "facet": lambda: facet_url(base, sample),
        "search": lambda: search_url(base, sample),
        "sort": lambda: sort_url(base, sample),
        "canned": lambda: canned_url(base, sample),
        "row": lambda: row_url(base, sample),
    }
    lists = {}
    for kind, make in makers.items():
        urls: dict[str, None] = {}
        while len(urls) < per_kind:
            urls[make()] = None
        lists[kind] = list(urls)
    return lists


def table_url(base: str, table: str, args: dict[str, str] | list[tuple[str, str]]) -> str:
    return f"{base}/{table}?{urlencode(args)}" if args else f"{base}/{table}"


def facet_url(base: str, sample: Sampler) -> str:
    """A wage table or view with up to two filters and one or two facets asked for by name."""
    table = sample.rng.choice(WAGE_TABLES)
    columns = FACET_COLUMNS + (("as_of_year",) if table == "wage_claims" else ())
    facets = sample.rng.sample(columns, sample.rng.choice((1, 2)))
    filters = sample.filters(sample.rng.choice((0, 1, 2)), FACET_COLUMNS)
    return table_url(base, table, [*filters.items(), *(("_facet", f) for f in facets)])


def search_url(base: str, sample: Sampler) -> str:
    """Full-text search of the wages' evidence: one word, two words, or a word and a filter."""
    shape = sample.rng.random()
    words = sample.word() if shape < 0.7 else f"{sample.word()} {sample.word()}"
    filters = sample.filters(1, FACET_COLUMNS) if shape > 0.85 else {}
    return table_url(base, "wages", {"_search": words, **filters})


def sort_url(base: str, sample: Sampler) -> str:
    """A wage table sorted by a column, ascending or descending, with no filter or one."""
    order = sample.rng.choice(("_sort", "_sort_desc"))
    filters = sample.filters(sample.rng.choice((0, 1)), FACET_COLUMNS)
    return table_url(base, sample.rng.choice(WAGE_TABLES[:2]), {**filters, order: sample.rng.choice(SORT_COLUMNS)})


def canned_url(base: str, sample: Sampler) -> str:
    """One of the canned queries that take parameters, with parameters drawn from the file ('' means any)."""
    rng, wage = sample.rng, sample.wage()

    def either(value: object) -> str:
        return rng.choice(("", str(value)))

    def occupation_code() -> str:
        """A wage's SOC code (so codes come up as often as the facts name them), else any code of the registry."""
        return wage["occupation_code"] or sample.choice("select code from occupations")

    accreditor = "select distinct value from programs, json_each(programs.accreditors)"
    params = {
        "credential_profile": lambda: {"code": sample.choice("select code from credentials")},
        "wage_claims_by_source_and_year": lambda: {"statistic": either(wage["statistic"]),
                                                   "period": either(wage["period"])},
        "growth_projections": lambda: {"measure": sample.choice("select distinct measure from outlook"),
                                       "occupation": rng.choice(("", "medical", "coder", "records"))},
        "programs_compared": lambda: {"accreditor": either(sample.choice(accreditor)),
                                      "online": either(rng.randint(0, 1)),
                                      "max_cost": either(rng.randint(20, 200) * 100)},
        "facts_of_page": lambda: {"url": wage["page_url"]},
        "latest_median_wage_per_source": lambda: {"soc": either(occupation_code())},
        "median_wage_over_years": lambda: {"soc": either(occupation_code())},
        "occupation_profile": lambda: {"soc": occupation_code()},
        "facts_per_page": lambda: {"site": either(sample.choice("select distinct site from pages"))},
        "changes_in_last_refresh": lambda: {"run_id": either(sample.choice("select id from crawl_runs"))},
        "issuer_attribution": lambda: {"verdict": rng.choice(("", "differs", "agrees", "unstated"))},
    }
    name = rng.choice(sorted(params))
    return f"{base}/{name}?{urlencode(params[name]())}"


def row_url(base: str, sample: Sampler) -> str:
    """A wage fact's row page, or now and then its page's or its occupation's (the registry's page of its code)."""
    wage, draw = sample.wage(), sample.rng.random()
    if draw < 0.8:
        return f"{base}/wages/{tilde(wage['id'])}"
    if draw < 0.9 and wage["occupation_code"]:
        return f"{base}/occupations/{tilde(wage['occupation_code'])}"
    return f"{base}/pages/{tilde(wage['page_url'])}"


def tilde(value: str) -> str:
    """Datasette's tilde encoding of a primary key in a URL path."""
    from datasette.utils import tilde_encode

    return tilde_encode(value)


def as_plain_sql(url: str) -> str:
    """A canned query's URL as the same SQL asked of a plain Datasette, which has no canned queries."""
    path, _, query = url.partition("?")
    base, _, name = path.rpartition("/")
    sql = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))[name]["sql"]
    return f"{base}?{urlencode({'sql': sql})}&{query}" if query else f"{base}?{urlencode({'sql': sql})}"


@contextmanager
def server(command: list[str]) -> Iterator[tuple[str, int]]:
    """A server started with ``command`` plus a free port; yields its base URL and process id."""
    port = free_port()
    proc = subprocess.Popen([*command, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/-/versions.json", timeout=300)
        yield f"http://127.0.0.1:{port}", proc.pid
    finally:
        proc.terminate()
        proc.wait()


SERVERS = {"ours": lambda db: [str(BIN / "kb"), "serve", "--db", str(db)],
           "plain": lambda db: [str(BIN / "datasette"), "-i", str(db)]}


def measure(db: Path, per_kind: int, seed: int = 18, only: tuple[str, ...] = ("ours", "plain")) -> dict:
    """Each kind's list asked of each server in turn: {kind: {server: Load}}."""
    lists = url_lists(db, per_kind, seed)
    results: dict[str, dict[str, Load]] = {kind: {} for kind in KINDS}
    with server(SERVERS["ours"](db)) as ours, server(SERVERS["plain"](db)) as plain:
        servers = {"ours": ours, "plain": plain}
        for name in only:
            warm_up(servers[name][0], db, seed, lists, canned_as_sql=name == "plain")
        for kind in KINDS:
            for name in only:
                base, pid = servers[name]
                urls = lists[kind] if name == "ours" or kind != "canned" else [as_plain_sql(u) for u in lists[kind]]
                cpu = tree_cpu_seconds(pid)
                results[kind][name] = load_list([base + url for url in urls], clients=CLIENTS)
                results[kind][name].cpu_ms = (tree_cpu_seconds(pid) - cpu) * 1000 / len(urls)
    return results


def warm_up(base: str, db: Path, seed: int, measured: dict[str, list[str]], canned_as_sql: bool) -> None:
    """A few URLs of every kind, none of those ``measured``, asked of a server just started: analysts ask a server
    that has been running, whose processes have compiled their templates and opened their connections."""
    for kind, urls in url_lists(db, WARM_UP, seed + 1).items():
        urls = [url for url in urls if url not in measured[kind]]
        urls = [as_plain_sql(u) for u in urls] if canned_as_sql and kind == "canned" else urls
        load_list([base + url for url in urls], clients=CLIENTS)


def repeated(db: Path, seconds: float = 10) -> dict[str, Load]:
    """One table page asked again and again by 10 clients, of each server."""
    results = {}
    for name, command in SERVERS.items():
        with server(command(db)) as (base, pid):
            cpu = tree_cpu_seconds(pid)
            results[name] = load(f"{base}/{database_name(str(db))}/wages", clients=CLIENTS, seconds=seconds)
            results[name].cpu_ms = (tree_cpu_seconds(pid) - cpu) * 1000 / max(len(results[name].slowest), 1)
    return results


def describe(result: Load) -> str:
    return (f"{result.p50_ms:.0f} / {result.p95_ms:.0f} / {result.p99_ms:.0f}, {result.per_s:.1f}/s "
            f"({result.errors} errors), server CPU {result.cpu_ms:.0f} ms a request")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path)
    parser.add_argument("--per-kind", type=int, default=100)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--only", choices=("ours", "plain"))
    parser.add_argument("--slowest", type=int, default=0, help="print this many slowest URLs of each kind")
    args = parser.parse_args()
    only = (args.only,) if args.only else ("ours", "plain")
    for kind, loads in measure(args.db, args.per_kind, args.seed, only).items():
        line = " | ".join(f"{name}: {describe(result)}" for name, result in loads.items())
        print(f"{kind:8} {line}")
        for name, result in loads.items():
            for ms, status, url in result.slowest[:args.slowest]:
                print(f"    {name} {ms:7.0f} ms {status} {url[:160]}")


if __name__ == "__main__":
    main()
