"""The credentials a page discusses, each with the issuer the page gives it."""

from __future__ import annotations

from pipeline.credentials import find_credentials, issuer_of
from pipeline.organizations import find_organizations
from pipeline.page import CleanPage


def extract_credential_mentions(page: CleanPage) -> list[dict[str, object]]:
    """One row per credential code the page writes: code, page_code, issuer (null unless the page names it), evidence.

    ``page_code`` is the code as the page names it and ``code`` the current credential: a page naming the
    renamed CPC-H gives code "COC", page code "CPC-H" (and a row of its own beside one for "COC" named as such).

    The issuer is the credential's awarding body when the page names that body
    anywhere (in the sentence, a heading or elsewhere); a body the page names that
    does not award the credential is never taken for its issuer.

    The evidence is the first sentence that names the credential together with its
    issuer, else the first that names it, a heading only when nothing else does.
    """
    rows: dict[str, dict[str, object]] = {}
    ranks: dict[str, tuple[bool, bool]] = {}
    for block in page.blocks:
        for sentence in block.sentences():
            hits = find_credentials(sentence)
            if not hits:
                continue
            sentence_issuers = _issuers_named(sentence)
            for hit in hits:
                issuer = issuer_of(hit.code)
                rank = (issuer not in sentence_issuers, block.kind == "heading")
                if hit.page_code not in ranks or rank < ranks[hit.page_code]:
                    ranks[hit.page_code] = rank
                    rows[hit.page_code] = {"code": hit.code, "page_code": hit.page_code, "issuer": issuer,
                                           "evidence": sentence}
    if rows:  # the issuers the page names are read only for a page that names a credential
        on_page = set().union(*[_issuers_named(text) for text in (page.title, *[block.text for block in page.blocks])])
        for row in rows.values():
            if row["issuer"] not in on_page:
                row["issuer"] = None
    return list(rows.values())


def _issuers_named(text: str) -> set[str]:
    return {org.acronym for org in find_organizations(text) if org.kind == "issuer"}
