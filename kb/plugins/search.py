"""Datasette plugin: a full-text search keeps its matches by the condition cheapest for their number (kb/searches.py).

Datasette's own search filter builds the search's condition; this one counts the search's matches in the full-text
index, up to a little past kb.searches.FEW (under a millisecond), and puts the condition that number calls for in
its place. The count is noted in the request (kb.searches.MATCHES), so that facets are not counted from the rows of
a search with many matches (kb/plugins/facets.py). Datasette's other two filters (?_where=, ?_through=) live in the
module whose registration this one takes over, and are registered again unchanged.
"""

from __future__ import annotations

from typing import Any

import datasette.filters as datasette_filters
from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.plugins import pm
from datasette.utils import await_me_maybe

from kb import searches

if pm.has_plugin("datasette.filters"):
    pm.unregister(name="datasette.filters")

where_filters = datasette_filters.where_filters
through_filters = datasette_filters.through_filters


@hookimpl(specname="filters_from_request")
def search_filters(request: Any, database: str, table: str, datasette: Any) -> Any:
    async def inner() -> FilterArguments:
        found = await await_me_maybe(datasette_filters.search_filters(request, database, table, datasette))
        where = []
        for clause in found.where_clauses:
            search = searches.DATASETTE.fullmatch(clause)
            if search is not None:
                query = searches.matches_query(search["fts"], search["match"])
                matches = (await datasette.get_database(database).execute(query, found.params)).single_value()
                request.scope[searches.MATCHES] = matches
                clause = searches.condition(clause, matches)
            where.append(clause)
        return FilterArguments(where, found.params, found.human_descriptions, found.extra_context)

    return inner
