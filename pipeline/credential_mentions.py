"""The credentials a page discusses, each with the issuer the page gives it."""

from __future__ import annotations

from pipeline.credentials import find_credentials, issuer_of
from pipeline.organizations import find_organizations
from pipeline.page import CleanPage


def extract_credential_mentions(page: CleanPage) -> list[dict[str, object]]:
    """One row per credential named on the page: code, issuer (null unless the page names it) and evidence.

    The issuer is the credential's awarding body when the page names that body
    anywhere (in the sentence, a heading or elsewhere); a body the page names that
    does not award the credential is never taken for its issuer.

    The evidence is the first sentence that names the credential together with its
    issuer, else the first sentence that names it.
    """
    on_page = _issuers_named(page.title + "\n" + page.text)
    rows: dict[str, dict[str, object]] = {}
    for block in page.blocks:
        for sentence in block.sentences():
            sentence_issuers = _issuers_named(sentence)
            for hit in find_credentials(sentence):
                issuer = issuer_of(hit.code)
                stated_here = issuer in sentence_issuers
                row = rows.get(hit.code)
                if row is None or (stated_here and not row["stated_here"]):
                    rows[hit.code] = {"code": hit.code, "issuer": issuer if issuer in on_page else None,
                                      "evidence": sentence, "stated_here": stated_here}
    return [{key: value for key, value in row.items() if key != "stated_here"} for row in rows.values()]


def _issuers_named(text: str) -> set[str]:
    return {org.acronym for org in find_organizations(text) if org.kind == "issuer"}
