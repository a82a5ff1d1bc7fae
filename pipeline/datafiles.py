"""The vocabularies and patterns in pipeline/data, read as package resources (zip-safe)."""

from __future__ import annotations

import tomllib
from importlib.resources import files


def load(name: str) -> dict:
    """The TOML data file ``pipeline/data/<name>.toml``."""
    return tomllib.loads(files("pipeline").joinpath("data", f"{name}.toml").read_text(encoding="utf-8"))
