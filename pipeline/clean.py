"""Reduce an HTML page to its main content as ordered text blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from pipeline.boilerplate import strip_unwanted
from pipeline.density import content_roots
from pipeline.page import Block, CleanPage

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img",
    "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "tt",
    "u", "var", "wbr",
}
PARAGRAPHS = {"p", "figcaption", "caption", "pre", "address", "summary", "legend"}
MAIN_SELECTORS = ("main", "[role=main]", "article", "#content", "#main-content", "#main", ".main-content")
MIN_MAIN_CHARS = 200
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_SPACE = re.compile(r"\s+")


def clean_html(html: str, url: str) -> CleanPage:
    """Parse ``html`` and keep the headings, paragraphs, list items and table rows of its main content."""
    soup = BeautifulSoup(html, "lxml")
    title = _title(soup)
    strip_unwanted(soup)
    walker = _Walker()
    blocks = [block for root in main_content(soup) for block in walker.walk(root)]
    if blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        title = blocks[0].text
    return CleanPage(url=url, title=title, blocks=blocks)


def main_content(soup: BeautifulSoup) -> list[Tag]:
    """The elements holding the page's main content: a landmark if there is one, else the densest prose."""
    for selector in MAIN_SELECTORS:
        candidates = [tag for tag in soup.select(selector) if len(_text(tag)) >= MIN_MAIN_CHARS]
        if candidates:
            return [_common_root(candidates) if selector == "article" else candidates[0]]
    return content_roots(soup.body or soup)


def _common_root(tags: list[Tag]) -> Tag:
    """The single tag, or the closest ancestor that holds all of them."""
    if len(tags) == 1:
        return tags[0]
    ancestors = [set(map(id, tag.parents)) for tag in tags[1:]]
    return next(parent for parent in tags[0].parents if all(id(parent) in chain for chain in ancestors))


def _title(soup: BeautifulSoup) -> str:
    tag = soup.find("title")
    return normalize(tag.get_text()) if tag else ""


def normalize(text: str) -> str:
    """Collapse runs of whitespace (including non-breaking spaces) into single spaces."""
    return _SPACE.sub(" ", text.replace("\u00ad", "")).strip()


def _text(tag: Tag) -> str:
    return normalize(tag.get_text(" "))


class _Walker:
    """Walks the content tree in document order, tracking the headings above each block.

    The walk keeps its own stack rather than recursing, so that absurdly deep markup cannot
    exhaust Python's call stack.
    """

    def __init__(self) -> None:
        self.headings: list[tuple[int, str]] = []

    def walk(self, root: Tag) -> Iterator[Block]:
        stack = [self._visit(root)]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
            elif isinstance(step, Tag):
                stack.append(self._visit(step))
            else:
                yield step

    def _visit(self, tag: Tag) -> Iterator[Block | Tag]:
        """Blocks of ``tag`` itself, and the child tags to descend into, in order."""
        name = tag.name
        if name in HEADINGS:
            yield from self._heading(tag)
        elif name in PARAGRAPHS:
            yield from self._block("paragraph", _text(tag))
        elif name == "li":
            yield from self._item(tag)
        elif name == "table":
            yield from self._table(tag)
        elif name == "dl":
            yield from self._definitions(tag)
        else:
            yield from self._container(tag)

    def _block(self, kind: str, text: str, **fields: object) -> Iterator[Block]:
        if text:
            yield Block(kind=kind, text=text, headings=tuple(h for _, h in self.headings), **fields)

    def _heading(self, tag: Tag) -> Iterator[Block]:
        level, text = int(tag.name[1]), _text(tag)
        if not text:
            return
        yield from self._block("heading", text, level=level)
        self.headings = [(lvl, h) for lvl, h in self.headings if lvl < level] + [(level, text)]

    def _container(self, tag: Tag) -> Iterator[Block | Tag]:
        """Inline runs become paragraphs; block children are descended into in turn."""
        run: list[str] = []
        for child in tag.children:
            if isinstance(child, _SKIPPED_STRINGS):
                continue
            if isinstance(child, NavigableString) or child.name in INLINE:
                run.append(child.get_text(" ") if isinstance(child, Tag) else str(child))
                continue
            yield from self._block("paragraph", normalize(" ".join(run)))
            run = []
            yield child
        yield from self._block("paragraph", normalize(" ".join(run)))

    def _item(self, tag: Tag) -> Iterator[Block | Tag]:
        own = [c for c in tag.children if isinstance(c, NavigableString) or c.name in INLINE or c.name in PARAGRAPHS]
        text = normalize(" ".join(c.get_text(" ") if isinstance(c, Tag) else str(c) for c in own
                                  if not isinstance(c, _SKIPPED_STRINGS)))
        yield from self._block("item", text)
        yield from (child for child in tag.children if isinstance(child, Tag) and child not in own)

    def _table(self, tag: Tag) -> Iterator[Block]:
        header: tuple[str, ...] = ()
        for row in tag.find_all("tr"):
            if row.find_parent("table") is not tag:
                continue
            cells = tuple(_text(cell) for cell in row.find_all(["th", "td"], recursive=False))
            if not any(cells):
                continue
            if not header and _is_header_row(row):
                header = cells
            yield from self._block("row", " | ".join(c for c in cells if c), cells=cells, header=header)

    def _definitions(self, tag: Tag) -> Iterator[Block]:
        """A definition list becomes one row per term with its descriptions."""
        term: str | None = None
        for child in tag.find_all(["dt", "dd"]):
            if child.name == "dt":
                term = _text(child)
                continue
            cells = (term, _text(child)) if term else (_text(child),)
            yield from self._block("row", " | ".join(c for c in cells if c), cells=cells)


def _is_header_row(row: Tag) -> bool:
    cells = row.find_all(["th", "td"], recursive=False)
    return row.find_parent("thead") is not None or (bool(cells) and all(c.name == "th" for c in cells))

