"""The registry of billing and coding credentials, current and former, and finding them in text."""

from __future__ import annotations

from typing import NamedTuple

from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.phrases import Case, Phrases

_DATA = load("credentials")
CURRENT: tuple[dict, ...] = tuple(_DATA["credential"])
FORMER: tuple[dict, ...] = tuple(_DATA["former"])  # renamed or retired: code, name, issuer, successor?, changed?
ISSUERS: dict[str, str] = {entry["code"]: entry["issuer"] for entry in (*CURRENT, *FORMER)}
SUCCESSORS: dict[str, str] = {entry["code"]: entry["successor"] for entry in FORMER if "successor" in entry}


class CredentialHit(NamedTuple):
    """A credential named in text, by code or full name, with its character span (a named tuple: made often).

    ``code`` is the current credential; ``page_code`` the one the text names, which differs for a renamed
    credential ("CPC-H" for "COC"). A retired credential with no successor is its own ``code``.
    """

    code: str
    start: int
    end: int
    page_code: str


def current(code: str) -> str:
    """The credential a code stands for today: its successor's, for a renamed one, else the code itself."""
    while code in SUCCESSORS:
        code = SUCCESSORS[code]
    return code


def registry() -> list[dict[str, object]]:
    """Rows of the ``credentials`` table: every known credential, current and former, with its history.

    status is "current", "renamed" (it has a successor) or "retired"; changed the year it was, where known.
    """
    return ([_registry_row(entry, "current") for entry in CURRENT]
            + [_registry_row(entry, "renamed" if "successor" in entry else "retired") for entry in FORMER])


def _registry_row(entry: dict, status: str) -> dict[str, object]:
    return {"code": entry["code"], "name": entry["name"], "issuer": entry["issuer"], "status": status,
            "successor": entry.get("successor"), "changed": entry.get("changed")}


def _spellings(spelling: str, code: str) -> list[tuple[str, str, Case]]:
    """A code as written; a full name in title case or capitals, with "&" for "and" too."""
    if " " not in spelling and spelling.upper() == spelling:
        return [(spelling, code, Case.EXACT)]
    return [(name, code, Case.TITLE) for name in dict.fromkeys([spelling, spelling.replace(" and ", " & ")])]


_CREDENTIALS = Phrases(
    [phrase for entry in (*CURRENT, *FORMER)
     for spelling in [*([] if entry.get("name_only") else [entry["code"]]), entry["name"], *entry.get("aliases", [])]
     for phrase in _spellings(spelling, entry["code"])],
    plural=True,
)


@per_text
def find_credentials(text: str) -> tuple[CredentialHit, ...]:
    """Every credential the text names, longest match first where they overlap, in order of appearance."""
    return tuple(CredentialHit(current(hit.value), hit.start, hit.end, hit.value) for hit in _CREDENTIALS.find(text))


def only_credential(text: str) -> str | None:
    """The credential a text names, if it names exactly one (a table column headed "CPC")."""
    codes = {hit.code for hit in find_credentials(text)}
    return codes.pop() if len(codes) == 1 else None


def issuer_of(code: str) -> str | None:
    """The canonical acronym of the body that awards the credential."""
    return ISSUERS.get(code)
