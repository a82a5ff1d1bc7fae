"""The vocabularies and patterns in pipeline/data, read as package resources (zip-safe)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files


@cache
def load(name: str) -> dict:
    """The TOML data file ``pipeline/data/<name>.toml``, read once however many modules ask (callers only read it)."""
    return tomllib.loads(files("pipeline").joinpath("data", f"{name}.toml").read_text(encoding="utf-8"))
