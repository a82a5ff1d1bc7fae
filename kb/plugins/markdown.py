"""Datasette plugin: datasette-render-markdown's template function and filter, without its per-cell hook.

datasette-render-markdown (installed with datasette-dashboards, whose Markdown charts use its template function)
renders a column as Markdown when its name matches a configured pattern. Its render_cell hook looks that
configuration up in the whole metadata for every cell of every page: 600 look-ups on a table page of fifty
facts, 11,000 on a canned query of a thousand rows, about 10 ms. No column here is Markdown, so the plugin is
registered again without that hook (and /-/plugins lists this module in its place).
"""

from __future__ import annotations

from typing import Any

import datasette_render_markdown
from datasette import hookimpl
from datasette.plugins import pm

if pm.has_plugin("render_markdown"):
    pm.unregister(name="render_markdown")


@hookimpl
def extra_template_vars() -> dict[str, Any]:
    return datasette_render_markdown.extra_template_vars()


@hookimpl
def prepare_jinja2_environment(env: Any) -> None:
    datasette_render_markdown.prepare_jinja2_environment(env)
