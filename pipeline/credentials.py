"""The registry of billing and coding credentials, and finding them in text."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from pipeline import alternation
from pipeline.datafiles import load
from pipeline.memo import per_text

_DATA = load("credentials")
ISSUERS: dict[str, str] = {entry["code"]: entry["issuer"] for entry in _DATA["credential"]}

# Words of a full name that pages write in any case ("Billing And Coding", "Physician Based").
_MINOR_WORDS = {"and", "in", "of", "the", "for", "based"}
_DASH = "[-–—‑]"
_CODE_END = rf"(?:[®™]|\(R\))?(?:s\b)?(?!\w|{_DASH}\s?[A-Z](?![a-z]))"


class CredentialHit(NamedTuple):
    """A credential named in text, by code or full name, with its character span (a named tuple: made often)."""

    code: str
    start: int
    end: int


def registry() -> list[dict[str, str]]:
    """Rows of the ``credentials`` table: code, name and issuer of every known credential."""
    return [{"code": e["code"], "name": e["name"], "issuer": e["issuer"]} for e in _DATA["credential"]]


def _code_pattern(code: str) -> str:
    body = _DASH.join(re.escape(part) for part in code.split("-"))
    return rf"(?<![\w-]){body}{_CODE_END}"


def _word_pattern(word: str) -> str:
    if word.lower() == "and":
        return "(?:(?i:and)|&)"
    if word.lower() in _MINOR_WORDS:
        return f"(?i:{re.escape(word)})"
    return f"{re.escape(word[0].upper())}(?i:{re.escape(word[1:])})"


def _name_pattern(name: str) -> str:
    """A full name in title case or capitals, with loose spaces and dashes, optionally plural."""
    words = re.split(rf"\s*{_DASH}\s*|\s+", name)
    body = rf"(?:\s*{_DASH}\s*|\s+)".join(_word_pattern(word) for word in words)
    return rf"(?<![\w-]){body}(?:s)?(?:[®™])?(?!\w)"


def _is_code(spelling: str) -> bool:
    return " " not in spelling and spelling.upper() == spelling


def _first_word(spelling: str) -> str:
    return re.split(rf"\s*{_DASH}\s*|\s+", spelling)[0].lower()


def _patterns() -> dict[str, list[tuple[re.Pattern[str], str]]]:
    """Each spelling's pattern, filed under its first word in lower case (the only place a match can start)."""
    patterns = defaultdict(list)
    for entry in _DATA["credential"]:
        for spelling in [entry["code"], entry["name"], *entry.get("aliases", [])]:
            text = _code_pattern(spelling) if _is_code(spelling) else _name_pattern(spelling)
            patterns[_first_word(spelling)].append((alternation.compile(text), entry["code"]))
    return dict(patterns)


_PATTERNS = _patterns()
# Where a code or name may start: a word opening with a capital that opens some spelling (the
# first letter of a name is always a capital); a plural "s" may end the word.
_STARTS = "".join(sorted({key[0].upper() for key in _PATTERNS}))
_WORD = alternation.compile(rf"[{_STARTS}](?<![\w-][{_STARTS}])[^\W_]*")  # the letter first lets the engine skip ahead


@per_text
def find_credentials(text: str) -> tuple[CredentialHit, ...]:
    """Every credential the text names, longest match first where they overlap, in order of appearance."""
    if not _may_name(text):
        return ()
    hits: list[CredentialHit] = []
    for word in _WORD.finditer(text):
        start = word.start()
        if hits and start < hits[-1].end:
            continue
        key = word.group().lower()
        candidates = _PATTERNS.get(key, []) + (_PATTERNS.get(key[:-1], []) if key.endswith("s") else [])
        found = [(-m.end(), code) for pattern, code in candidates if (m := pattern.match(text, start))]
        if found:
            negative_end, code = min(found)
            hits.append(CredentialHit(code, start, -negative_end))
    return tuple(hits)


def _may_name(text: str) -> bool:
    """Whether the text holds a letter some code or name opens with: most hold none, and ``in`` finds that soonest."""
    for letter in _STARTS:  # noqa: SIM110 - a loop is quicker than any()
        if letter in text:
            return True
    return False


def only_credential(text: str) -> str | None:
    """The credential a text names, if it names exactly one (a table column headed "CPC")."""
    codes = {hit.code for hit in find_credentials(text)}
    return codes.pop() if len(codes) == 1 else None


def issuer_of(code: str) -> str | None:
    """The canonical acronym of the body that awards the credential."""
    return ISSUERS.get(code)
