"""Summaries of the fact tables: how many facts hold each combination of the columns analysts group by.

A table page shows, for each configured facet, how many of the page's rows hold each value; canned
queries count facts per source and year, or per page. Counted from the facts, each reads every matching
row: a second a page on a million facts. A summary holds one row per combination of some columns of a
fact table (and whether the facts are current) with the number of facts that hold it and, for wages and
outlook, the total, lowest and highest figure. Triggers keep it current in the transaction of every
write, as they keep the full-text index, so a fact written by a crawl is counted on the next request,
and a facet sums a few thousand summary rows (kb/plugins/facets.py) instead of a million facts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

# The columns each fact table's main summary, <table>_counts, counts by: the table's facets and the columns
# analysts facet and filter it by, fewest distinct values first (kb.schema indexes the table on them).
SUMMARY_COLUMNS: dict[str, tuple[str, ...]] = {
    "wages": ("period", "statistic", "attributed_to", "occupation_code", "occupation", "qualifier", "as_of"),
    "outlook": ("measure", "attributed_to", "end_year", "occupation_code", "occupation", "qualifier"),
    "credential_mentions": ("issuer", "code", "page_code"),
    "requirements": ("recommended", "type", "credential"),
    "exams": ("unit", "attribute", "credential", "qualifier"),
    "programs": ("online", "credential_awarded", "prepares_for"),
    "program_norms": ("credential_awarded",),
    "mentions": ("kind", "name"),
}
# The figure each main summary totals, where a table has one.
MEASURES = {"wages": "amount", "outlook": "value"}
# The wage_claims view's own columns (kb.schema.VIEWS), as SQL over the columns of wages: the view's definition
# and, over the summary's columns, its facets.
WAGE_CLAIM_COLUMNS = {
    "as_of_year": "cast(substr(as_of, 1, 4) as integer)",
    "occupation_title": "(select o.title from occupations o where o.code = occupation_code)",
    "canonical_occupation": "(select s.title from occupations o join occupations s on s.code = o.series "
                            "where o.code = occupation_code)",
    "classification": "(select o.classification from occupations o where o.code = occupation_code)",
}


@dataclass(frozen=True)
class Summary:
    """A table of counts of ``table``'s facts per combination of ``columns`` and currency."""

    name: str
    table: str
    columns: tuple[str, ...]
    measure: str | None = None

    def key(self, row: str = "") -> str:
        """SQL for a row's key: its combination as a JSON array, so that nulls match each other."""
        prefix = f"{row}." if row else ""
        return f"json_array({', '.join(f'{prefix}[{c}]' for c in self.columns)}, {prefix}retracted_at is null)"


SUMMARIES = [Summary(f"{table}_counts", table, columns, MEASURES.get(table))
             for table, columns in SUMMARY_COLUMNS.items()]
SUMMARIES += [Summary(f"{table}_per_page", table, ("page_url",)) for table in SUMMARY_COLUMNS]


def summary_name(table: str) -> str:
    """The name of ``table``'s main summary, the one facets are counted from."""
    return f"{table}_counts"


@dataclass(frozen=True)
class Summarized:
    """A table or view whose facets the main summary of ``table`` can count."""

    table: str
    current_only: bool = False
    computed: dict[str, str] = field(default_factory=dict)  # view column -> SQL over the table's columns

    @property
    def summary(self) -> str:
        return summary_name(self.table)

    def expression(self, column: str) -> str | None:
        """SQL for ``column`` over the summary's columns, or None when the summary does not hold it."""
        if column in self.computed:
            return self.computed[column]
        return f"[{column}]" if column in SUMMARY_COLUMNS[self.table] else None

    def kept(self, filters: Mapping[str, Any]) -> tuple[str, dict[str, Any]] | None:
        """SQL that selects the summary's rows for the facts ``filters`` (column -> value, each ``=``) keep, with its
        parameters; None when the summary does not hold a filtered column."""
        where, params = ["current = 1"] if self.current_only else [], {}
        for n, (column, value) in enumerate(filters.items()):
            expression = self.expression(column)
            if expression is None:
                return None
            where.append(f"{expression} = :p{n}")
            params[f"p{n}"] = value
        return f"select * from [{self.summary}]{' where ' if where else ''}{' and '.join(where)}", params

    def count_where(self, tests: list[str]) -> str:
        """SQL that counts the facts from the summary rows ``tests`` (SQL over the summary's columns) keep."""
        where = " and ".join(["current = 1"] * self.current_only + tests)
        return f"select coalesce(sum(n), 0) from [{self.summary}]{' where ' if where else ''}{where}"


# What each main summary answers for: its table, the table's current_ view and the views built on those.
SUMMARIZED: dict[str, Summarized] = {
    **{table: Summarized(table) for table in SUMMARY_COLUMNS},
    **{f"current_{table}": Summarized(table, current_only=True) for table in SUMMARY_COLUMNS},
    "wage_claims": Summarized("wages", current_only=True, computed=WAGE_CLAIM_COLUMNS),
}


def ensure_summaries(db: sqlite_utils.Database) -> None:
    """Create each summary the file lacks, or holds in another form, counted from the facts, with the triggers
    that keep it current."""
    for summary in SUMMARIES:
        table = db[summary.name]
        columns = {"key", *summary.columns, "current", "n", *(("measured", "total", "lowest", "highest")
                                                               if summary.measure else ())}
        wanted = triggers(summary)
        present = {t.name: t.sql for t in db.triggers if t.name in wanted}
        if table.exists() and table.columns_dict.keys() == columns and present == wanted:
            continue
        with db.atomic():
            table.drop(ignore=True)
            types = db[summary.table].columns_dict
            measures = dict.fromkeys(("measured", "total", "lowest", "highest"), float) if summary.measure else {}
            table.create({"key": str, **{c: types[c] for c in summary.columns}, "current": int, "n": int,
                          **measures}, pk="key")
            for column in summary.columns:
                table.create_index([column])
            names = ", ".join(f"[{c}]" for c in summary.columns)
            m = summary.measure
            figures = f", count([{m}]), sum([{m}]), min([{m}]), max([{m}])" if m else ""
            db.execute(f"insert into [{summary.name}] select {summary.key()}, {names}, retracted_at is null, "
                       f"count(*){figures} from [{summary.table}] group by {names}, retracted_at is null")
            for name, sql in triggers(summary).items():
                db.execute(f"drop trigger if exists [{name}]")
                db.execute(sql)


def triggers(summary: Summary) -> dict[str, str]:
    """The triggers that count each inserted, deleted or changed fact into and out of the summary."""
    name, table, m = summary.name, summary.table, summary.measure
    names = ", ".join(f"[{c}]" for c in summary.columns)

    def add(row: str) -> str:
        values = ", ".join(f"{row}.[{c}]" for c in summary.columns)
        if not m:
            return (f"insert into [{name}] (key, {names}, current, n) values ({summary.key(row)}, {values}, "
                    f"{row}.retracted_at is null, 1) on conflict (key) do update set n = n + 1;")
        return (f"insert into [{name}] (key, {names}, current, n, measured, total, lowest, highest) values "
                f"({summary.key(row)}, {values}, {row}.retracted_at is null, 1, {row}.[{m}] is not null, "
                f"{row}.[{m}], {row}.[{m}], {row}.[{m}]) on conflict (key) do update set n = n + 1, "
                "measured = measured + excluded.measured, "
                "total = coalesce(total + excluded.total, total, excluded.total), "
                "lowest = coalesce(min(lowest, excluded.lowest), lowest, excluded.lowest), "
                "highest = coalesce(max(highest, excluded.highest), highest, excluded.highest);")

    def remove(row: str) -> str:
        key = summary.key(row)
        if not m:
            return (f"update [{name}] set n = n - 1 where key = {key}; "
                    f"delete from [{name}] where key = {key} and n = 0;")
        same = " and ".join(f"[{c}] is {row}.[{c}]" for c in summary.columns)
        return (f"update [{name}] set n = n - 1, measured = measured - ({row}.[{m}] is not null), "
                f"total = case when measured = ({row}.[{m}] is not null) then null "
                f"else total - coalesce({row}.[{m}], 0) end where key = {key}; "
                f"delete from [{name}] where key = {key} and n = 0; "
                # the figure leaving was the lowest or highest: read the combination's again (an index range)
                f"update [{name}] set (lowest, highest) = (select min([{m}]), max([{m}]) from [{table}] "
                f"where {same} and (retracted_at is null) = ({row}.retracted_at is null)) "
                f"where key = {key} and ({row}.[{m}] <= lowest or {row}.[{m}] >= highest);")

    return {
        f"{name}_ai": f"CREATE TRIGGER [{name}_ai] after insert on [{table}] begin {add('new')} end",
        f"{name}_ad": f"CREATE TRIGGER [{name}_ad] after delete on [{table}] begin {remove('old')} end",
        f"{name}_au": (f"CREATE TRIGGER [{name}_au] after update of {names}, {f'[{m}], ' if m else ''}retracted_at "
                       f"on [{table}] when {summary.key('old')} is not {summary.key('new')}"
                       f"{f' or old.[{m}] is not new.[{m}]' if m else ''} begin {remove('old')} {add('new')} end"),
    }
