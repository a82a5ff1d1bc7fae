"""The registry of billing and coding credentials, and finding them in text."""

from __future__ import annotations

from typing import NamedTuple

from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.phrases import Case, Phrases

_DATA = load("credentials")
ISSUERS: dict[str, str] = {entry["code"]: entry["issuer"] for entry in _DATA["credential"]}


class CredentialHit(NamedTuple):
    """A credential named in text, by code or full name, with its character span (a named tuple: made often)."""

    code: str
    start: int
    end: int


def registry() -> list[dict[str, str]]:
    """Rows of the ``credentials`` table: code, name and issuer of every known credential."""
    return [{"code": e["code"], "name": e["name"], "issuer": e["issuer"]} for e in _DATA["credential"]]


def _spellings(spelling: str, code: str) -> list[tuple[str, str, Case]]:
    """A code as written; a full name in title case or capitals, with "&" for "and" too."""
    if " " not in spelling and spelling.upper() == spelling:
        return [(spelling, code, Case.EXACT)]
    return [(name, code, Case.TITLE) for name in dict.fromkeys([spelling, spelling.replace(" and ", " & ")])]


_CREDENTIALS = Phrases(
    [phrase for entry in _DATA["credential"] for spelling in [entry["code"], entry["name"], *entry.get("aliases", [])]
     for phrase in _spellings(spelling, entry["code"])],
    plural=True,
)


@per_text
def find_credentials(text: str) -> tuple[CredentialHit, ...]:
    """Every credential the text names, longest match first where they overlap, in order of appearance."""
    return tuple(CredentialHit(*hit) for hit in _CREDENTIALS.find(text))


def only_credential(text: str) -> str | None:
    """The credential a text names, if it names exactly one (a table column headed "CPC")."""
    codes = {hit.code for hit in find_credentials(text)}
    return codes.pop() if len(codes) == 1 else None


def issuer_of(code: str) -> str | None:
    """The canonical acronym of the body that awards the credential."""
    return ISSUERS.get(code)
