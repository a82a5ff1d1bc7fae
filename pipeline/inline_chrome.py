"""Site chrome inside the article that only its words give away.

Ad labels, teaser lists of other articles, author bylines and date stamps, share bars, tables of
contents and copyright lines often sit in the article's own markup (a ``<p>``, an ``<li>``, an
``<h3>``), where no class or id marks them. They are told by their words (``data/chrome.toml``)
and by their shape: short lines, titles without a sentence, entries that repeat the headings below.
"""

from __future__ import annotations

import calendar
import re

from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.page import Block
from pipeline.patterns import one_of

_DATA = load("chrome")
_AD_LABELS = frozenset(_DATA["ad_labels"])
_AD_WORDS = frozenset(_DATA["ad_words"])
_AD_BLOCK_WORDS = _DATA["ad_block_words"]
_TEASERS = frozenset(_DATA["teaser_labels"])
_TOCS = frozenset(_DATA["toc_labels"])
_TEASER_LABEL_OPENERS = tuple(f"{opener} " for opener in _DATA["teaser_openers_of_labels"])
_TEASER_LABEL_WORDS = 6  # "More from Coding Weekly Magazine"
_LINKS = frozenset(_DATA["link_labels"])
_SHARE_WORDS = frozenset(_DATA["share_words"])
_NETWORKS = frozenset(_DATA["networks"])
# phrases read in a label (lower case)
_RIGHTS = re.compile(one_of(_DATA["rights"]))
_RIGHTS_BLOCK_WORDS = _DATA["rights_block_words"]
_DISCLOSURES = re.compile(one_of(_DATA["disclosures"]))
_RIGHTS_OR_DISCLOSURES = re.compile(one_of(_DATA["rights"] + _DATA["disclosures"]))
_DISCLOSURE_BLOCK_WORDS = _DATA["disclosure_block_words"]
_TITLE_WORDS = 20  # a teaser or contents entry is a title, not a paragraph
_SENTENCE_WORDS = 3  # a line ending in a full stop with more words than this is a sentence ("Read more." is not)

_MARKS = " \t\n:;|•·*#>»«.!…-–—"  # what may stand around a label: "– Advertisement –", "Related Articles:"
_SEPARATOR = r"(?:\s*[|·•–—]|\s+-\s)"  # between the parts of a byline: "By Jane Doe | Updated ..."
_NAME = r"[A-Z][\w'’.-]*"  # a capitalised word or an initial of a person's name
_BYLINE = re.compile(
    rf"(?i:{one_of(_DATA['byline_openers'])})\s*:?\s+(?P<name>{_NAME}(?:\s+(?:{_NAME}|de|da|del|van|von|la|le)){{0,4}})"
    rf"(?:\s*,\s*{_NAME})*\s*(?:$|{_SEPARATOR}|\s+(?i:on|updated|published|posted|last)\b)"
)
_NOT_NAMES = frozenset(_DATA["not_names"])
_MONTHS = one_of(name for name in (*calendar.month_name, *calendar.month_abbr) if name)
_DATE = (rf"(?:(?:{_MONTHS})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}"
         r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})")
_STAMP = re.compile(rf"(?i:{one_of(_DATA['stamp_words'])})\s*:?\s+(?i:{_DATE})\s*(?:$|{_SEPARATOR}|\s+(?i:by)\s)")
_TEASER_LINK = re.compile(rf"(?:{one_of(_DATA['teaser_openers'])})\s*:\s*\S", re.IGNORECASE)
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+", re.IGNORECASE)
_TOKENS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
# the first words of bylines, date stamps, links to other articles and share bars
_OPENERS = frozenset(phrase.split()[0] for key in ("byline_openers", "stamp_words", "teaser_openers", "share_words")
                     for phrase in _DATA[key])
_LEAST_CONTENTS = 3  # an unlabelled table of contents repeats at least this many headings
_LAST_TEASERS = 12  # how many short lines ending an article a teaser label may own, whatever they are


def drop_inline_chrome(blocks: list[Block]) -> list[Block]:
    """The blocks without the chrome that sits among them; headings dropped leave the context of the rest."""
    doomed: set[int] = set()
    later = _later_headings(blocks)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        label = _label(block.text)
        teasers = block.kind != "row" and _is_teaser_label(label)
        if teasers or (block.kind != "row" and label in _TOCS):
            end = _run_end(blocks, i, teasers=teasers)
            doomed.update(range(i, end))
            i = end
            continue
        if _is_lone_chrome(block, label):
            doomed.add(i)
        elif block.kind == "item" and (end := _contents_end(blocks, i, later)) > i:
            doomed.update(range(i, end))
            i = end
            continue
        i += 1
    if not doomed:
        return blocks
    gone = {blocks[i].text for i in doomed if blocks[i].kind == "heading"}
    return [_without_headings(block, gone) if gone else block for i, block in enumerate(blocks) if i not in doomed]


def _is_teaser_label(label: str) -> bool:
    """Whether a label heads a list of other articles: "Related Articles", "More from Coding Weekly"."""
    return label in _TEASERS or (label.startswith(_TEASER_LABEL_OPENERS) and label.count(" ") < _TEASER_LABEL_WORDS)


def _label(text: str) -> str:
    """The text as a label is compared: case-blind, without the marks around it (its spaces are single already)."""
    return text.casefold().replace("’", "'").strip(_MARKS)


def _is_lone_chrome(block: Block, label: str) -> bool:
    """Whether the block on its own is chrome: an ad label, a lone link, a byline, a date stamp, a copyright line,
    an advertising disclosure or a share bar."""
    if block.kind == "row":  # a table's rows are its data
        return False
    if _chrome_label(label):
        return True
    if label.count(" ") + 1 > _TITLE_WORDS or (label.split(" ", 1)[0].rstrip(":") not in _OPENERS
                                               and not label[:1].isdigit()):
        return False  # most lines: the rest open with a word of their own, or a count ("12 shares")
    text = block.text
    return bool((_TEASER_LINK.match(text) and _title_like(block)) or _is_byline(text) or _STAMP.match(text)
                or _is_share_bar(label))


@per_text
def _chrome_label(label: str) -> bool:
    """Whether its label alone makes a block chrome: an ad label, a lone link, a copyright line or an advertising
    disclosure (remembered: a site repeats its chrome from page to page)."""
    if label in _AD_LABELS or label in _LINKS:
        return True
    words = label.count(" ") + 1
    if words > _TITLE_WORDS:  # most blocks: too long for anything but a copyright line or a disclosure
        return bool((words <= _RIGHTS_BLOCK_WORDS and _RIGHTS.search(label))
                    or (words <= _DISCLOSURE_BLOCK_WORDS and _DISCLOSURES.search(label)))
    return bool((words <= _AD_BLOCK_WORDS and not _AD_WORDS.isdisjoint(_TOKENS.findall(label)))
                or _RIGHTS_OR_DISCLOSURES.search(label))


def _is_byline(text: str) -> bool:
    """Whether the text opens with an author's name after "By" (not "By State", which heads a breakdown)."""
    match = _BYLINE.match(text)
    return match is not None and _NOT_NAMES.isdisjoint(match.group("name").casefold().split())


def _is_share_bar(label: str) -> bool:
    tokens = _TOKENS.findall(label)
    return bool(_NETWORKS.intersection(tokens)) and _SHARE_WORDS.issuperset(tokens)


def _title_like(block: Block) -> bool:
    """Whether the block reads as the title of another page rather than as part of the article."""
    words = len(block.text.split())
    text = block.text.rstrip()
    sentence = text.endswith(".") and not text.endswith("..") and words > _SENTENCE_WORDS
    return block.kind != "row" and words <= _TITLE_WORDS and not sentence


def _run_end(blocks: list[Block], start: int, teasers: bool) -> int:
    """Where the list under a teaser or contents label ends: at prose, a table or a section heading.

    A heading followed by a block that is not a heading, or by a deeper heading, opens a section; one
    that ranks above the label's heading, or that an entry of the list names, is the article's again.
    A few short lines that end the article are all a teaser list's.
    """
    label = blocks[start]
    rest = blocks[start + 1:]
    if teasers and len(rest) <= _LAST_TEASERS and all(_title_like(block) for block in rest):
        return len(blocks)  # titles to the end of the article, whatever their markup
    entries: set[str] = set()
    end = start + 1
    while end < len(blocks):
        block = blocks[end]
        if block.kind == "heading":
            after = blocks[end + 1] if end + 1 < len(blocks) else None
            if (label.kind != "heading" or block.level < label.level or _entry(block.text) in entries
                    or (after is not None and (after.kind != "heading" or after.level > block.level))):
                break
        elif not _title_like(block):
            break
        entries.add(_entry(block.text))
        end += 1
    return end


@per_text
def _entry(text: str) -> str:
    """A contents entry as it compares with a heading: without its numbering."""
    return _label(_NUMBERING.sub("", text))


def _later_headings(blocks: list[Block]) -> dict[str, int]:
    """Each heading's text as an entry, with the index of its last block."""
    return {_entry(block.text): i for i, block in enumerate(blocks) if block.kind == "heading"}


def _contents_end(blocks: list[Block], start: int, later: dict[str, int]) -> int:
    """The end of an unlabelled table of contents opening at ``start``: list items naming headings below them.

    ``start`` itself when the items there are not one.
    """
    end = start
    while end < len(blocks) and blocks[end].kind == "item" and later.get(_entry(blocks[end].text), -1) > end:
        end += 1
    return end if end - start >= _LEAST_CONTENTS else start


def _without_headings(block: Block, gone: set[str]) -> Block:
    if not gone.intersection(block.headings):
        return block
    return block._replace(headings=tuple(heading for heading in block.headings if heading not in gone))
