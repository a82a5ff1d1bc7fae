"""US places that label pay figures: states by name or postal code, and metro areas ("Lincoln, NE")."""

from __future__ import annotations

import re

from pipeline.datafiles import load

_DATA = load("places")
STATES: dict[str, str] = _DATA["states"]  # by name, with its postal code
US_NAMES: tuple[str, ...] = (*_DATA["united_states"]["names"], *STATES)
_STATE_NAMES = {name.casefold() for name in STATES}
_STATE_CODES = frozenset(STATES.values())
_METRO = re.compile(r"[A-Z][\w.' -]*(?:-[A-Z][\w.' ]*)*, (?P<states>[A-Z]{2}(?:-[A-Z]{2})*)")


def is_state(label: str) -> bool:
    """Whether the label is the name or postal code of a US state ("Ohio", "OH")."""
    label = label.strip(" *.:")
    return label.casefold() in _STATE_NAMES or label in _STATE_CODES


def is_metro(label: str) -> bool:
    """Whether the label names a US city or metro area with its state codes ("Lincoln, NE", "Fargo, ND-MN")."""
    match = _METRO.fullmatch(label.strip(" *.:"))
    return bool(match) and all(code in _STATE_CODES for code in match.group("states").split("-"))
