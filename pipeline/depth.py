"""Markup nested deeper than libxml2 parses, flattened so that none of its text is lost.

libxml2 stops parsing at 2,048 nested elements, even with ``huge_tree``, and drops everything from there to the
end of the document without raising. Past ``MAX_DEPTH`` open elements the tags are left out and their text kept.
"""

from __future__ import annotations

from html.parser import HTMLParser

MAX_DEPTH = 1024
# Elements that never hold content, so never open a level (the HTML standard's void elements).
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def flatten(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` with no element nested more than ``max_depth`` deep: deeper tags are dropped, their text kept."""
    flattener = _Flattener(max_depth)
    flattener.feed(html)
    flattener.close()
    return "".join(flattener.out)


class _Flattener(HTMLParser):
    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self.max_depth = max_depth
        self.out: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, written)
        self.depth = 0  # written elements open now

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in VOID:
            self.out.append(self.get_starttag_text())
            return
        written = self.depth < self.max_depth
        self.open.append((tag, written))
        if written:
            self.depth += 1
            self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag: str) -> None:
        if all(name != tag for name, _ in self.open):
            return  # a stray end tag closes nothing
        while self.open:  # an end tag also closes the elements left open inside it
            name, written = self.open.pop()
            if written:
                self.depth -= 1
                self.out.append(f"</{name}>")
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")
