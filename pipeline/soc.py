"""The occupation registry (pipeline/data/soc.toml): SOC codes, their history, and the names pages use."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.datafiles import load

_DATA = load("soc")


@dataclass(frozen=True)
class Occupation:
    """A SOC occupation: its code and title in one classification, and its links to the other."""

    code: str
    title: str
    classification: int
    series: str
    replaces: tuple[str, ...] = ()
    replaced_by: tuple[str, ...] = ()
    former_titles: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """A job pages discuss that has no SOC code of its own."""

    name: str
    note: str


OCCUPATIONS: tuple[Occupation, ...] = tuple(
    Occupation(**{key: tuple(value) if isinstance(value, list) else value for key, value in entry.items()})
    for entry in _DATA["occupation"])
ROLES: tuple[Role, ...] = tuple(Role(**entry) for entry in _DATA["role"])
BY_CODE: dict[str, Occupation] = {occupation.code: occupation for occupation in OCCUPATIONS}
