"""Tables that pages lay out without table markup, read as table rows.

Statements read a page's blocks through ``read_layouts``: tables written as text
("| State | Median |"), lines of "Label: value" pairs ("Ohio: $44,000; Iowa: $41,500"),
runs of lines of a label and a figure ("Ohio $44,000" / "Iowa $41,500"), a label with
its value on the next line ("Employment (2014):" / "188,600 employed"), and header rows
a table spreads over two rows or leaves unmarked.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import NamedTuple

from pipeline.dates import YEAR_TEXT
from pipeline.memo import per_text
from pipeline.money import find_money
from pipeline.numbers import find_numbers, parse_number
from pipeline.page import Block
from pipeline.percent import find_percents

_PIPE_ROW = re.compile(r"^\s*\|.*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^[\s|:-]*-[\s|:-]*$")
# What ends a label right before its value: a colon, or a dash with a space before it ("Ohio – $44,000").
_LABEL_END = re.compile(r"(?::|\s[-–—])\s*[~≈]?\s*$")
_LABEL_ENDS = re.compile(r":|\s[-–—]\s")
_VALUE_AFTER_LABEL = re.compile(r"(?::|\s[-–—])\s*[~≈]?\s*(?:US\$|\$|USD|\d)")  # a line of pairs holds one
_PAIR_GAP = re.compile(r"[;|•·]|,\s")  # what may stand between two pairs on one line
_GAPS = " ;|•·,"
_LABEL_WORDS = 8
_SPACED_WORDS = 5  # words of a label that only a space parts from its amount
_SPACED_CHARS = 80  # such a label and its figure ("Insurance carriers $47,200 a year") are a short line
_SPACED_TAIL = 16  # characters at the end of such a line that hold a digit ("7%", "$47,200 a year")
_DIGIT = re.compile(r"\d")
_VALUE_WORDS = 4  # words a value may carry after its figure: "188,600 employed", "$52,000 a year (2023)"
_HEADER_WORDS = 5
_YEAR = re.compile(YEAR_TEXT)
_YEARS = re.compile(rf"{YEAR_TEXT}(?:\s*[-–]\s*\d{{2,4}})?")  # "2022", "2022-32"
_SMALLEST_FIGURE = 100  # a bare number below this in a header cell is a label's part ("2019-29"), no figure


def read_layouts(blocks: list[Block]) -> list[Block]:
    """The blocks with every layout above read as table rows (of kind "row")."""
    return _table_headers(_label_values(pipe_tables(blocks)))


def pipe_tables(blocks: list[Block]) -> list[Block]:
    """The blocks with tables written as text ("| State | Median |") read as table rows, rules dropped."""
    read: list[Block] = []
    header: tuple[str, ...] = ()
    for index, block in enumerate(blocks):
        if block.kind == "row" or not _PIPE_ROW.match(block.text):
            read.append(block)
            header = ()
            continue
        if _PIPE_RULE.match(block.text):
            continue
        cells = tuple(cell.strip() for cell in block.text.strip().strip("|").split("|"))
        following = blocks[index + 1].text if index + 1 < len(blocks) else ""
        if not header and _PIPE_RULE.match(following):
            header = cells
        read.append(Block("row", block.text, block.level, block.headings, cells, header))
    return read


class Pair(NamedTuple):
    """A label and its value, and the text that states them ("Ohio – $44,000")."""

    label: str
    value: str
    text: str


def label_values(text: str) -> tuple[str, list[Pair]] | None:
    """A line made only of "Label: value" pairs: the text before its first label, and the pairs; else None.

    "Pay by industry: Hospitals: $45,000; Clinics: $39,500" gives "Pay by industry:" and the
    pairs (Hospitals, $45,000) and (Clinics, $39,500). A value opens with its figure and
    carries a few words at most; anything else makes the line prose.
    """
    prefix, pairs, position = "", [], 0
    for start, end in _figures(text):
        if start < position or not (before := _LABEL_END.search(text, position, start)):
            continue
        label_start = _skipped(text, position, before.start(), _GAPS)
        if not pairs and (colon := text.rfind(":", label_start, before.start())) >= 0:
            prefix = text[:colon + 1].strip()
            label_start = _skipped(text, colon + 1, before.start(), " ")
        label = text[label_start:before.start()].strip()
        if not label or len(label.split()) > _LABEL_WORDS or not any(char.isalpha() for char in label):
            return None
        gap = _PAIR_GAP.search(text, end)
        stop = gap.start() if gap else len(text)
        value_end = end if _LABEL_ENDS.search(text, end, stop) else stop
        if len(text[end:value_end].split()) > _VALUE_WORDS:
            return None
        pair_text = text[label_start:value_end].rstrip(" .")
        pairs.append(Pair(label, text[start:value_end].strip(" ."), pair_text))
        position = value_end
    if not pairs or text[position:].strip(_GAPS + "."):
        return None
    return prefix, pairs


def _skipped(text: str, start: int, end: int, chars: str) -> int:
    """The first position from ``start`` (up to ``end``) whose character is none of ``chars``."""
    while start < end and text[start] in chars:
        start += 1
    return start


@per_text
def spaced_pair(text: str) -> Pair | None:
    """A line of a few words and one figure after them, with nothing between ("Alabama $38,000"), else None.

    The figure is an amount, a percentage or a count written with a thousands separator ("TX 14,140"),
    which no year or list number is.
    """
    if len(text) > _SPACED_CHARS or not _DIGIT.search(text, max(0, len(text) - _SPACED_TAIL)):
        return None
    figures = _figures(text)
    if len(figures) != 1 or text[figures[0][1]:].strip():  # a full stop after it makes it a sentence
        return None
    start, end = figures[0]
    if "," not in text[start:end] and not find_money(text) and not find_percents(text):
        return None
    label = text[:start].strip()
    if not label or any(char.isdigit() or char in ":|;!?" for char in label) or len(label.split()) > _SPACED_WORDS:
        return None
    return Pair(label, text[start:].strip(), text.strip())


def _figures(text: str) -> list[tuple[int, int]]:
    """The spans of the text's amounts, percentages and numbers, each only once (an amount holds its number)."""
    spans = sorted(((f.start, f.end) for finder in (find_money, find_percents, find_numbers) for f in finder(text)),
                   key=lambda span: (span[0], -span[1]))
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


def _label_values(blocks: list[Block]) -> list[Block]:
    """Paragraphs and headings of "Label: value" pairs, and labels above their values, read as two-cell rows.

    A heading so read no longer heads the blocks after it.
    """
    read: list[Block] = []
    fixed: dict[str, tuple[str, ...]] = {}  # a heading read as a row: the headings it stood under
    spaced = [spaced_pair(block.text) if block.kind in ("paragraph", "heading") else None for block in blocks]
    index = 0
    while index < len(blocks):
        block = _unheaded(blocks[index], fixed)
        following = _unheaded(blocks[index + 1], fixed) if index + 1 < len(blocks) else None
        rows = list(_pair_rows(block))
        if not rows and (pair := spaced[index]) and _in_run(spaced, index):
            rows = [Block("row", pair.text, block.level, block.headings, (pair.label, pair.value))]
        if not rows and following and (row := _label_above(block, following)):
            rows, index = [row], index + 1
        index += 1
        if rows and block.kind == "heading":
            fixed[block.text] = block.headings
        read += rows or [block]
    return read


def _in_run(spaced: list[Pair | None], index: int) -> bool:
    """Whether a line of words and a figure has another such line next to it ("Ohio $44,000" / "Iowa $41,500")."""
    return bool(index and spaced[index - 1]) or bool(index + 1 < len(spaced) and spaced[index + 1])


def _unheaded(block: Block, fixed: dict[str, tuple[str, ...]]) -> Block:
    """The block with each heading read as a row replaced, in its headings, by the headings it stood under."""
    if not fixed:
        return block
    headings = block.headings
    for at in range(len(headings) - 1, -1, -1):
        if headings[at] in fixed:
            return block._replace(headings=fixed[headings[at]] + headings[at + 1:])
    return block


def _pair_rows(block: Block) -> Iterator[Block]:
    if block.kind not in ("paragraph", "heading", "item"):
        return
    read = _line_pairs(block.text)
    if read is None or (block.kind == "item" and len(read[1]) < 2):  # an item of one pair is read as an item
        return
    prefix, pairs = read
    if prefix:
        yield Block("paragraph", prefix, block.level, block.headings)
    for pair in pairs:
        yield Block("row", pair.text, block.level, block.headings, (pair.label, pair.value))


@per_text
def _line_pairs(text: str) -> tuple[str, tuple[Pair, ...]] | None:
    """``label_values`` of a line that holds a value after a label (remembered: a site repeats its lines)."""
    if not _VALUE_AFTER_LABEL.search(text):
        return None
    read = label_values(text)
    return (read[0], tuple(read[1])) if read else None


def _label_above(block: Block, following: Block) -> Block | None:
    """A short label ending in a colon, and the short value that opens the next block, as one row."""
    text = block.text
    if (block.kind not in ("paragraph", "heading") or following.kind not in ("paragraph", "heading")
            or not text.endswith(":") or len(text.split()) > _LABEL_WORDS):
        return None
    figures = _figures(following.text)
    if not figures or figures[0][0] > 1 or len(following.text[figures[0][1]:].split()) > _VALUE_WORDS:
        return None
    return Block("row", f"{text}\n{following.text}", block.level, block.headings, (text[:-1].strip(), following.text))


def _table_headers(blocks: list[Block]) -> list[Block]:
    """Rows under a header spread over two rows, or under an unmarked one, read with their whole header."""
    read: list[Block] = []
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and blocks[end].kind == "row" and blocks[end].header == blocks[start].header:
            end += 1
        if end == start:
            read.append(blocks[start])
            start += 1
            continue
        read += _with_header(blocks[start:end])
        start = end
    return read


def _with_header(rows: list[Block]) -> list[Block]:
    """One table's rows; a first row of labels over rows of figures is its header, a second one refines it."""
    first = rows[0]
    marked = bool(first.header) and first.cells == first.header
    if not marked and not _is_unmarked_header(rows):
        return rows
    header, rest = first.cells, rows[1:]
    if len(rest) >= 2 and _is_labels(rest[0].cells) and _has_figures(rest[1].cells):
        header = _merged(header, rest[0].cells, rest[1].cells)
        rest = rest[1:]
    if marked and header == first.cells:
        return rows
    text = " | ".join(cell for cell in header if cell)
    return [Block("row", text, first.level, first.headings, header, header),
            *(row._replace(header=header) for row in rest)]


def _is_unmarked_header(rows: list[Block]) -> bool:
    """Whether a table's first row, not marked as a header, is one: short labels over rows of figures.

    In a two-column table every row below must hold a figure of one kind (amount, percentage
    or count) in its second cell, as a key/value table ("| Degree | Associate |" /
    "| Median pay | $47,000 |" / "| Growth | 7% |") need not.
    """
    first, rest = rows[0], rows[1:]
    if first.header or not rest or not _is_labels(first.cells):
        return False
    if any(len(cell.split()) > _HEADER_WORDS for cell in first.cells):
        return False
    if len(first.cells) == 2:
        kinds = {_figure_kind(row.cells[1]) if len(row.cells) == 2 and _has_figures(row.cells[1:]) else None
                 for row in rest}
        return len(kinds) == 1 and None not in kinds
    return any(_has_figures(row.cells) for row in rest)


def _has_figures(cells: tuple[str, ...]) -> bool:
    """Whether any cell holds an amount, a percentage or a number that is no year nor part of a label."""
    for cell in cells:
        if find_money(cell) or find_percents(cell) or parse_number(cell) is not None:
            return True
        if any(n.value >= _SMALLEST_FIGURE and not _YEAR.fullmatch(cell[n.start:n.end]) for n in find_numbers(cell)):
            return True
    return False


def _figure_kind(cell: str) -> str:
    return "amount" if find_money(cell) else "percentage" if find_percents(cell) else "count"


def _is_labels(cells: tuple[str, ...]) -> bool:
    """Whether the cells are only words and years, as header cells are ("Employment, 2022", "Change, 2022-32")."""
    return not any(char.isdigit() for cell in cells for char in _YEARS.sub("", cell))


def _merged(header: tuple[str, ...], under: tuple[str, ...], data: tuple[str, ...]) -> tuple[str, ...]:
    """A header with the row of labels under it: cell by cell, or under the one header cell that spans several.

    Cell by cell, a blank header cell is the one on its left spanning on. Otherwise the blank
    cells that open the row below stand under the header cells before the spanning one; with
    none, the spanning cell is told by the rows of figures: the last that leaves figures under
    every label below it.
    """
    if len(under) == len(header):
        spread = list(header)
        for at in range(1, len(spread)):
            if not spread[at] and under[at]:
                spread[at] = spread[at - 1]
        return tuple(above if below == above else f"{above} {below}".strip()
                     for above, below in zip(spread, under, strict=True))
    labels = tuple(itertools.dropwhile(lambda cell: not cell, under))
    if len(labels) < 2 or len(data) != len(header) + len(labels) - 1:
        return header
    at = _spanning(header, labels, data, blanks=len(under) - len(labels))
    if at is None:
        return header
    return (*header[:at], *(f"{header[at]} {below}".strip() for below in labels), *header[at + 1:])


def _spanning(header: tuple[str, ...], labels: tuple[str, ...], data: tuple[str, ...], blanks: int) -> int | None:
    """The header cell that spans the labels below it, as ``_merged`` tells it, if one does."""
    if blanks:
        return blanks if blanks < len(header) else None
    return next((at for at in range(len(header) - 1, -1, -1)
                 if all(_has_figures((cell,)) for cell in data[at:at + len(labels)])), None)
