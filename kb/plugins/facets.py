"""Datasette plugin: column facets counted from the fact tables' summaries (kb/summaries.py).

Datasette counts a column facet by grouping every row the page selects, in one query a facet. For a table or
view that a summary counts, when each of the page's filters is ``column=value`` on a column the summary holds,
the same counts are sums over the summary's matching rows, a few thousand at most. Any other page (a search, a
range filter, a facet by a column the summary lacks) has its facets counted from its rows, all in one query that
reads the rows once, unless it has more rows than that can count within a page's time: such a facet is
reported as timed out at once, rather than after it has held a database connection for the whole time limit.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import ArrayFacet, ColumnFacet, DateFacet
from datasette.plugins import pm
from datasette.utils import detect_json1, escape_sqlite, path_with_removed_args

from kb import searches
from kb.summaries import SUMMARIZED

# Query-string arguments that do not change which rows a table page counts.
NEUTRAL_ARGS = {
    "_facet", "_facet_size", "_facet_array", "_facet_date", "_sort", "_sort_desc", "_size", "_col", "_nocol",
    "_labels", "_label", "_shape", "_nl", "_json", "_json_infinity", "_trace", "_stream", "_dl", "_nofacet",
    "_nocount", "_nosuggest", "_timelimit", "_ttl", "_context",
}
# Datasette counts a facet by reading each row the page selects; past this many rows a page would wait longer
# for its facets than for everything else together. A search's rows are read one by one from the table (the
# filters' rows from an index holding the facet columns), ten times the cost a row.
SQL_FACET_ROWS = 10_000
SEARCH_FACET_ROWS = 1_000

# SummaryFacet takes the place of Datasette's own column facet (and falls back to it), so Datasette's module of
# facet classes is swapped for this one's; the date and array facets stay as they are.
if pm.has_plugin("datasette.facets"):
    pm.unregister(name="datasette.facets")


@hookimpl
def register_facet_classes() -> list[type]:
    return [SummaryFacet, DateFacet, *([ArrayFacet] if detect_json1() else [])]


def page_filters(args: Any) -> dict[str, str] | None:
    """The page's filters, column to value, when each is ``column=value`` and no other argument narrows its rows."""
    filters: dict[str, str] = {}
    for key in args:
        if key.startswith("_") and "__" not in key:
            if key in NEUTRAL_ARGS:
                continue
            return None
        column, lookup = key.rsplit("__", 1) if "__" in key else (key, "exact")
        values = args.getlist(key)
        if lookup != "exact" or len(values) != 1 or column in filters:
            return None
        filters[column] = values[0]
    return filters


def counts_query(kept: str, values: list[str], count: str, limit: int, once: bool) -> str:
    """SQL that counts the values of each of ``values`` (SQL over the rows ``kept`` selects) in one query: ``count`` is
    ``count(*)`` over a page's rows, ``sum(n)`` over a summary's; ``once`` reads the kept rows once for all values
    (a page's rows, which may come from a full-text search), rather than once for each (a summary's, from an index)."""
    counts = [f"select {n} as facet, * from (select {value} as value, {count} as count from kept "
              f"where {value} is not null group by {value} order by count desc, value limit {limit})"
              for n, value in enumerate(values)]
    return f"with kept as {'materialized' if once else 'not materialized'} ({kept}) {' union all '.join(counts)}"


class SummaryFacet(ColumnFacet):
    """Datasette's column facet, counted from a summary where one holds the page's rows, else from the rows in one
    query for all the page's facets."""

    async def facet_results(self) -> tuple[list[dict], list[str]]:
        summarized = SUMMARIZED.get(self.table or "")
        filters = page_filters(self.request.args) if summarized else None
        if filters is not None and not await self.ds.databases[self.database].table_exists(summarized.summary):
            filters = None  # a file no kb writer has opened since summaries were added
        size = self.get_facet_size()
        found = summarized.kept(filters) if filters is not None else None
        from_summary, from_rows = [], []
        for config in self.get_configs():
            column = config["config"].get("column") or config["config"]["simple"]
            value = summarized.expression(column) if found is not None else None
            (from_rows if value is None else from_summary).append((column, config["source"], value))
        results = []
        if from_summary:
            kept, params = found
            sql = counts_query(kept, [value for _, _, value in from_summary], "sum(n)", size + 1, once=False)
            results += await self.facets(from_summary, (await self.ds.execute(self.database, sql, params)).rows, size)
        if not from_rows:
            return results, []
        columns = [column for column, _, _ in from_rows]
        matches = self.request.scope.get(searches.MATCHES)  # a search's matches (kb/plugins/search.py)
        # A page whose count was cut off (kb/counts.py) has more rows than can be counted quickly.
        if self.row_count is None or self.row_count > SQL_FACET_ROWS or (matches or 0) > SEARCH_FACET_ROWS:
            return results, columns
        names = [escape_sqlite(column) for column in columns]
        sql = counts_query(f"select {', '.join(names)} from ({self.sql})", names, "count(*)", size + 1, once=True)
        try:
            rows = (await self.ds.execute(self.database, sql, self.params,
                                          custom_time_limit=self.ds.setting("facet_time_limit_ms"))).rows
        except QueryInterrupted:
            return results, columns
        return results + await self.facets(from_rows, rows, size), []

    async def labels(self, column: str, values: list) -> dict:
        """Datasette's labels of a column's values (a registry row's title for a code); a view of a fact table,
        which has no foreign keys of its own, takes its table's."""
        summarized = SUMMARIZED.get(self.table or "")
        table = summarized.table if summarized else self.table
        return await self.ds.expand_foreign_keys(self.database, table, column, values)

    async def facets(self, facets: list[tuple[str, str, Any]], rows: list, size: int) -> list[dict]:
        """The facets (column, source, ...) whose values and counts ``rows`` hold, each row numbering its facet."""
        summarized = SUMMARIZED.get(self.table or "")
        table = summarized.table if summarized else self.table
        keys = {fk["column"] for fk in await self.ds.databases[self.database].foreign_keys_for_table(table)}
        return [await self.facet(column, source, [r for r in rows if r["facet"] == n], size, column in keys)
                for n, (column, source, _) in enumerate(facets)]

    async def facet(self, column: str, source: str, rows: list, size: int, labelled: bool) -> dict:
        """A facet's result in Datasette's shape: each value with its count and the link that toggles it."""
        labels = await self.labels(column, [r["value"] for r in rows]) if labelled else {}
        argument = f"{column}__exact" if column.startswith("_") else column
        links = Links(self.ds, self.request)
        values = []
        for row in rows[:size]:
            selected = (argument, str(row["value"])) in links.pairs
            values.append({"value": row["value"], "label": labels.get((column, row["value"]), row["value"]),
                           "count": row["count"], "toggle_url": links.toggle(argument, row["value"], selected),
                           "selected": selected})
        return {"name": column, "type": self.type, "hideable": source != "metadata",
                "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet": column})),
                "results": values, "truncated": len(rows) > size}


class Links:
    """The links that add a facet value to the page's filters or remove it, as Datasette's helpers build them
    (path_with_added_args, path_with_removed_args, absolute_url), with the query string read once per facet
    rather than once per value: a page of six facets has some 150 such links."""

    def __init__(self, ds: Any, request: Any) -> None:
        self.ds, self.request = ds, request
        self.pairs = set(parse_qsl(request.query_string, keep_blank_values=True))
        self.current = parse_qsl(request.query_string)
        self.origin = ds.absolute_url(request, "/")[:-1]

    def toggle(self, argument: str, value: Any, selected: bool) -> str:
        if selected:
            pairs = [(k, v) for k, v in self.current if (k, v) != (argument, str(value))]
        else:
            pairs = [*self.current, (argument, value)]
        path = self.ds.urls.path(self.request.path + (f"?{urlencode(pairs)}" if pairs else ""))
        return self.origin + path if not path.startswith("//") else self.ds.absolute_url(self.request, path)
