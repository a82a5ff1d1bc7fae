"""Which credential a sentence of a page is about, when it does not name one itself."""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from pipeline.credentials import CredentialHit, find_credentials
from pipeline.datafiles import load
from pipeline.memo import per_page
from pipeline.page import CleanPage
from pipeline.patterns import whole_words
from pipeline.statements import Statement, statements, table_blocks

_DATA = load("credential_context")
# A credential named aside (held already, or set against another): one of those words, then at most
# four words within the sentence, then the credential.
_ASIDE = re.compile(
    rf"{whole_words([*_DATA['held'], *_DATA['contrasted']])}(?:[^\w.;:!?]+[\w-]+){{0,4}}?[^\w.;:!?]*$", re.IGNORECASE
)
# The credential a requirement is for: right after a goal word and an article.
_GOAL = re.compile(rf"{whole_words(_DATA['goal'])}\s+(?:(?:the|an?|your|this)\s+)?$", re.IGNORECASE)
_REACH = 60  # characters before a credential that the words saying its part may take

# A page is about one credential when that credential is named in at least this
# many of its sentences and this many times as often as any other.
MIN_SENTENCES = 2
DOMINANCE = 2
# What may stand between two credentials named together: "CPC, COC and CIC", "the CCA (AHIMA) or the CCS".
_JOINED = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:,|&|/|\band\b|\bor\b|,\s*and\b|,\s*or\b|\()?\s*(?:the\s+)?",
                     re.IGNORECASE)


class CredentialContext:
    """Resolves the credential each part of a page is about: sentence, block, headings, then page."""

    def __init__(self, page: CleanPage) -> None:
        self.original = page
        self.page = CleanPage(page.url, page.title, table_blocks(page))
        self.hits = [find_credentials(block.text) for block in self.page.blocks]
        # the credentials each block speaks of, leaving out those it names aside
        self.spoken = [[hit for hit in hits if not self.aside(index, hit)] for index, hits in enumerate(self.hits)]
        self._index = {block: index for index, block in reversed(list(enumerate(self.page.blocks)))}
        self._heading_codes: dict[str, frozenset[str]] = {}

    def statements(self) -> list[tuple[int, int, int, Statement]]:
        """Every statement of the page with its block's index and its span in that block.

        A stat card spans several blocks and gets the whole of its first block.
        """
        return self._placed

    @cached_property
    def _placed(self) -> list[tuple[int, int, int, Statement]]:
        """The statements, placed once for all the extractors that read them."""
        placed = []
        for statement in statements(self.original):
            block = statement.block
            start = block.text.find(statement.text)
            end = start + len(statement.text) if start >= 0 else len(block.text)
            placed.append((self._index[block], max(start, 0), end, statement))
        return placed

    def resolve(self, index: int, start: int, end: int, position: int | None = None) -> str | None:
        """The credential the text block ``index`` holds at ``position`` within the sentence ``start:end``.

        A credential the sentence names before ``position`` wins, then one named after it
        (only if just one is), then the nearest one earlier in the block, in earlier blocks
        under the same heading (for a list item: its lead-in), in the enclosing headings,
        and last the page's own credential. Outside the sentence, a credential named aside
        (held already, or set against another) is passed over, and one that ends a list of
        several is no credential's to carry over.
        """
        position = start if position is None else position
        hits = self.hits[index]
        before = [hit.code for hit in hits if start <= hit.start < position]
        if before:
            return before[-1]
        after = {hit.code for hit in hits if position <= hit.start < end}
        if after:
            return after.pop() if len(after) == 1 else None
        earlier = [hit for hit in self.spoken[index] if hit.start < start]
        inherited = self._last_alone(index, earlier) if earlier else self._around(index)
        return self._continued(inherited) if inherited else self.page_credential

    def aside(self, index: int, hit: CredentialHit) -> bool:
        """Whether block ``index`` names the credential aside: as one a candidate holds already ("hold the
        CCA"), or set against another ("unlike the CPC"), rather than as the one it speaks of."""
        text = self.page.blocks[index].text
        return not self.goal(index, hit) and bool(_ASIDE.search(text, max(0, hit.start - _REACH), hit.start))

    def goal(self, index: int, hit: CredentialHit) -> bool:
        """Whether block ``index`` names the credential as the one something is for ("to sit for the CCS")."""
        return bool(_GOAL.search(self.page.blocks[index].text, max(0, hit.start - _REACH), hit.start))

    def together(self, index: int, start: int, position: int) -> list[str]:
        """The credentials the sentence at ``start`` of block ``index`` names together last before ``position``.

        A run joined only by commas, "and", "or", "&" or "/" ("the COC and CIC exams", "CPC, COC or
        CPB") is shared by what follows it; a single credential is no run, and gives an empty list.
        """
        hits = [hit for hit in self.hits[index] if start <= hit.start < position]
        if not hits:
            return []
        text, run = self.page.blocks[index].text, [hits[-1]]
        for previous in reversed(hits[:-1]):
            if not _JOINED.fullmatch(text, previous.end, run[0].start):
                break
            run.insert(0, previous)
        codes = list(dict.fromkeys(hit.code for hit in run))
        return codes if len(codes) > 1 else []

    def _last_alone(self, index: int, hits: list[CredentialHit]) -> str | None:
        """The last of the credentials block ``index`` names, unless it ends a list of several ("the CCA,
        CCS and CPC"): a list names examples, none of which later text then means."""
        last, text = hits[-1], self.page.blocks[index].text
        listed = len(hits) > 1 and hits[-2].code != last.code and _JOINED.fullmatch(text, hits[-2].end, last.start)
        return None if listed else last.code

    def _continued(self, code: str) -> str:
        """A credential carried over from earlier text; an apprentice form named in passing ("you
        then hold the CPB-A") does not take over from the page's own credential (CPB)."""
        base = code.removesuffix("-A")
        return base if base != code and base == self.page_credential else code

    def in_sentence(self, index: int, start: int, end: int) -> list[CredentialHit]:
        """The credentials a sentence of block ``index`` names."""
        return [hit for hit in self.hits[index] if start <= hit.start < end]

    def _around(self, index: int) -> str | None:
        block = self.page.blocks[index]
        for previous in range(index - 1, -1, -1):
            other = self.page.blocks[previous]
            if other.kind == "heading" or other.headings != block.headings:
                break
            if block.kind == "item" and other.kind == "item":
                continue  # items of one list are parallel: only their lead-in speaks for them
            if self.spoken[previous]:
                return self._last_alone(previous, self.spoken[previous])
        for heading in reversed(block.headings):
            codes = self._codes_in(heading)
            if codes:
                return next(iter(codes)) if len(codes) == 1 else None
        return None

    def _codes_in(self, heading: str) -> frozenset[str]:
        """The credentials a heading names (remembered: a heading frames every block under it)."""
        if heading not in self._heading_codes:
            self._heading_codes[heading] = frozenset(hit.code for hit in find_credentials(heading))
        return self._heading_codes[heading]

    @cached_property
    def page_credential(self) -> str | None:
        """The one credential the page as a whole is about: named in its title, else dominant."""
        in_title = {hit.code for hit in find_credentials(self.page.title)}
        if in_title:
            return in_title.pop() if len(in_title) == 1 else None
        counts: Counter[str] = Counter()
        for block in self.page.blocks:
            for sentence in block.sentences():
                counts.update({hit.code for hit in find_credentials(sentence)})
        ranked = counts.most_common(2)
        if not ranked:
            return None
        code, count = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        return code if count >= MIN_SENTENCES and count >= DOMINANCE * runner_up else None



@per_page
def credential_context(page: CleanPage) -> CredentialContext:
    """The page's credential context, shared by the extractors that read one page in a row."""
    return CredentialContext(page)
