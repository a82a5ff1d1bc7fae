"""Reduce an HTML page to its main content as ordered text blocks."""

from __future__ import annotations

import re

from lxml import etree
from lxml.etree import _Element as Element

from pipeline.boilerplate import strip_unwanted
from pipeline.density import content_roots
from pipeline.depth import flatten
from pipeline.inline_chrome import drop_inline_chrome
from pipeline.page import Block, CleanPage

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img",
    "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "tt",
    "u", "var", "wbr",
}
PARAGRAPHS = {"p", "figcaption", "caption", "pre", "address", "summary", "legend"}
MAIN_XPATHS = (
    "//main", "//*[@role='main']", "//article", "//*[@id='content']", "//*[@id='main-content']", "//*[@id='main']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' main-content ')]",
)
MIN_MAIN_CHARS = 200
# Compiled once: root.xpath(text) would compile its expression on every page.
_MAIN_XPATHS = [(xpath, etree.XPath(xpath)) for xpath in MAIN_XPATHS]
# lxml.etree's own elements: lxml.html's subclasses cost a Python call each time an element is read.
# No table of ids either: nothing looks an element up by its id.
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, collect_ids=False)
_CONTROLS = tuple(chr(code) for code in range(32) if chr(code) not in "\t\n\r")
_AS_SPACES = str.maketrans(dict.fromkeys(_CONTROLS, " "))
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_MOST_SPANNED = 50  # columns or rows one cell may span, whatever it claims


def clean_html(html: str, url: str) -> CleanPage:
    """Parse ``html`` and keep the headings, paragraphs, list items and table rows of its main content."""
    root = parse(html)
    title = normalize(root.findtext(".//title") or "")
    strip_unwanted(root)
    _space_blocks(root)
    walker = _Walker()
    blocks = drop_inline_chrome([block for element in main_content(root) for block in walker.walk(element)])
    if blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        title = blocks[0].text
    return CleanPage(url=url, title=title, blocks=blocks)


def parse(html: str) -> Element:
    """The document's root element; an empty document for markup with no elements at all.

    Control characters (a form feed, say) read as spaces, as a browser shows them: lxml keeps
    them in the tree but refuses any text that holds one, so spacing the blocks would fail. Markup nested
    deeper than libxml2 parses is flattened and parsed again, so that no text is lost.
    """
    if any(char in html for char in _CONTROLS):
        html = html.translate(_AS_SPACES)
    html = _XML_DECLARATION.sub("", html, count=1)
    root = etree.fromstring(html, _PARSER)
    if any(error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for error in _PARSER.error_log):
        root = etree.fromstring(flatten(html), _PARSER)  # nested past libxml2's limit: see pipeline/depth.py
    return root if root is not None else etree.fromstring("<html><body></body></html>", _PARSER)


def main_content(root: Element) -> list[Element]:
    """The elements holding the page's main content: a landmark if there is one, else the densest prose."""
    for xpath, find in _MAIN_XPATHS:
        candidates = [el for el in find(root) if _holds_text(el, MIN_MAIN_CHARS)]
        if candidates:
            return [_common_root(candidates) if xpath == "//article" else candidates[0]]
    body = root.find("body")
    return content_roots(body if body is not None else root)


def _common_root(elements: list[Element]) -> Element:
    """The single element, or the closest ancestor that holds all of them."""
    if len(elements) == 1:
        return elements[0]
    others = [set(el.iterancestors()) for el in elements[1:]]
    return next(parent for parent in elements[0].iterancestors() if all(parent in chain for chain in others))


def normalize(text: str) -> str:
    """Collapse runs of whitespace (including non-breaking spaces) into single spaces."""
    return " ".join(text.replace("\u00ad", "").split())


def _space_blocks(root: Element) -> None:
    """Put a space around every element that is not inline, and after every line break.

    Text then reads as a browser lays it out: "<a>coding</a>, what" stays "coding, what",
    while "<td>Ohio</td><td>$45,000</td>" or "Coder<br>Biller" keeps its words apart.
    """
    for el in root.iter(etree.Element):
        if el.tag == "br":
            el.tail = " " + (el.tail or "")
        elif el.tag not in INLINE:
            el.text = " " + (el.text or "")
            el.tail = " " + (el.tail or "")


def _holds_text(el: Element, chars: int) -> bool:
    """Whether ``_text(el)`` is at least ``chars`` long, read only as far as needed."""
    pieces: list[str] = []
    read = 0
    needed = chars  # what must be read before the text read so far can be long enough once normalized
    for piece in el.itertext():
        pieces.append(piece)
        read += len(piece)
        if read >= needed:
            held = len(normalize("".join(pieces)))
            if held >= chars:
                return True
            # n more characters lengthen the normalized text by at most n + 1 (a space between words), so
            # normalizing again sooner, piece after piece, could not answer yes.
            needed = read + chars - held - 1
    return False


def _text(el: Element) -> str:
    """All text inside ``el``."""
    return normalize(_joined_text(el))


def _joined_text(el: Element) -> str:
    """All the text inside ``el``, as ``"".join(el.itertext())`` gives it."""
    if len(el) == 0:
        return el.text or ""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


class _Walker:
    """Walks the content tree in document order, tracking the headings above each block.

    The walk keeps its own stack rather than recursing, so that absurdly deep markup cannot
    exhaust Python's call stack.
    """

    def __init__(self) -> None:
        self.headings: list[tuple[int, str]] = []
        self.above: tuple[str, ...] = ()  # the texts of ``headings``, which every block carries

    def walk(self, root: Element) -> list[Block]:
        """The blocks of ``root`` and all it holds, in document order."""
        blocks: list[Block] = []
        # What is left to read, last first: elements, and the texts of the paragraphs between them. A paragraph's
        # block is made only when it is reached, as it carries the headings read before it.
        todo: list[Element | str] = [root]
        while todo:
            item = todo.pop()
            if isinstance(item, str):
                self._add(blocks, "paragraph", item)
                continue
            tag = item.tag
            if tag in HEADINGS:
                self._heading(item, blocks)
            elif tag in PARAGRAPHS:
                self._add(blocks, "paragraph", _text(item))
            elif tag == "li":
                todo += reversed(self._item(item, blocks))
            elif tag == "table":
                self._table(item, blocks)
            elif tag == "dl":
                self._definitions(item, blocks)
            else:
                todo += reversed(_container(item))
        return blocks

    def _add(
        self, blocks: list[Block], kind: str, text: str, level: int = 0, cells: tuple[str, ...] = (),
        header: tuple[str, ...] = (),
    ) -> None:
        """Add the block, unless it holds no text."""
        if text:
            blocks.append(Block(kind, text, level, self.above, cells, header))

    def _heading(self, el: Element, blocks: list[Block]) -> None:
        level, text = int(el.tag[1]), _text(el)
        if not text:
            return
        self._add(blocks, "heading", text, level=level)
        self.headings = [(lvl, h) for lvl, h in self.headings if lvl < level] + [(level, text)]
        self.above = tuple(h for _, h in self.headings)

    def _item(self, el: Element, blocks: list[Block]) -> list[Element]:
        """Add the list item's block; the nested blocks to read after it."""
        run, nested = [el.text or ""], []
        for child in el:
            if child.tag in INLINE or child.tag in PARAGRAPHS:
                run.append(_joined_text(child))
            else:
                nested.append(child)
            run.append(child.tail or "")
        self._add(blocks, "item", normalize("".join(run)))
        return nested

    def _table(self, el: Element, blocks: list[Block]) -> None:
        """One row block per table row, its cells laid out on the table's grid (see ``_grid_row``)."""
        header: tuple[str, ...] = ()
        above: dict[int, tuple[str, int]] = {}
        for row in el.iter("tr"):
            if next(row.iterancestors("table"), None) is not el:
                continue
            cells, shown = _grid_row(row, above)
            if not any(cells):
                continue
            if not header and _is_header_row(row):
                header = cells
            self._add(blocks, "row", " | ".join(c for c in shown if c), cells=cells, header=header)

    def _definitions(self, el: Element, blocks: list[Block]) -> None:
        """A definition list becomes one row per term with its descriptions."""
        term: str | None = None
        for child in el.iter("dt", "dd"):
            if child.tag == "dt":
                term = _text(child)
                continue
            cells = (term, _text(child)) if term else (_text(child),)
            self._add(blocks, "row", " | ".join(c for c in cells if c), cells=cells)


def _container(el: Element) -> list[Element | str]:
    """The block children of ``el``, and the texts of the paragraphs its inline runs make between them."""
    parts: list[Element | str] = []
    run = [el.text or ""]
    for child in el:
        if child.tag in INLINE:
            run.append(_joined_text(child))
        else:
            if text := _paragraph("".join(run)):
                parts.append(text)
            run = []
            parts.append(child)
        run.append(child.tail or "")
    if text := _paragraph("".join(run)):
        parts.append(text)
    return parts


def _paragraph(run: str) -> str:
    """``normalize(run)``; most runs between blocks are only the whitespace of the markup, known empty at once."""
    return "" if run.isspace() else normalize(run)


def _grid_row(row: Element, above: dict[int, tuple[str, int]]) -> tuple[tuple[str, ...], list[str]]:
    """The row's cells one per column, and the texts the row shows.

    A cell spanning columns fills each of them; one spanning rows fills its column in the
    rows below, which ``above`` carries (column: text and rows still to fill), as a reader
    sees "Change, 2022-32" over both its columns and a year-wide label beside each row.
    """
    cells: list[str] = []
    shown: list[str] = []
    for cell in (cell for cell in row if cell.tag in ("th", "td")):
        while len(cells) in above:
            cells.append(_carried(above, len(cells)))
        text = _text(cell)
        shown.append(text)
        for _ in range(_span(cell, "colspan")):
            if (rows := _span(cell, "rowspan")) > 1:
                above[len(cells)] = (text, rows - 1)
            cells.append(text)
    while len(cells) in above:
        cells.append(_carried(above, len(cells)))
    return tuple(cells), shown


def _carried(above: dict[int, tuple[str, int]], column: int) -> str:
    text, rows = above.pop(column)
    if rows > 1:
        above[column] = (text, rows - 1)
    return text


def _span(cell: Element, attribute: str) -> int:
    """A cell's colspan or rowspan: 1 unless it gives a number from 2 to 50."""
    value = (cell.get(attribute) or "").strip()
    return min(int(value), _MOST_SPANNED) if value.isdigit() and int(value) > 1 else 1


def _is_header_row(row: Element) -> bool:
    cells = [cell for cell in row if cell.tag in ("th", "td")]
    in_head = next(row.iterancestors("thead", "table"), None)
    return (in_head is not None and in_head.tag == "thead") or (bool(cells) and all(c.tag == "th" for c in cells))
