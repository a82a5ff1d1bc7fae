"""Recognise and remove site chrome: menus, banners, ads, sidebars, footers."""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree
from lxml.etree import _Element as Element

from pipeline.datafiles import load
from pipeline.memo import per_text
from pipeline.patterns import one_of

# Elements that never hold article text.
UNWANTED_TAGS = (
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "form",
    "button", "input", "select", "textarea", "nav", "aside", "dialog", "menu", "head",
)
# Page-level header and footer are chrome; inside an article they are the article's own.
PAGE_LEVEL_TAGS = ("header", "footer")
KEPT_TAGS = {"html", "body", "main", "article"}
_DATA = load("chrome")
CHROME_ROLES = frozenset(_DATA["roles"])
# Class or id words that mark chrome, matched as whole words of a hyphen/underscore-separated name.
CHROME_WORDS = frozenset(_DATA["class_words"])
# A chrome word as a whole run of letters: "site-footer" and "nav_main" hold one, "navy" and "header" do not.
_CHROME = re.compile(rf"(?<![a-z])(?:{one_of(CHROME_WORDS)})(?![a-z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def strip_unwanted(root: Element) -> None:
    """Remove chrome and hidden elements from the tree in place, keeping the text that follows them."""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *UNWANTED_TAGS, with_tail=False)
    doomed = [el for el in root.iter(*PAGE_LEVEL_TAGS) if not _inside_content(el)]
    # Only an element with attributes can be marked; reading them in Python beats an XPath that tests each one.
    doomed += [el for el in root.iter(etree.Element)
               if (attributes := el.items()) and is_marked(attributes) and el.tag not in KEPT_TAGS]
    for el in doomed:
        if el.getparent() is not None:
            _drop(el)


def _drop(el: Element) -> None:
    """Remove the element and all it holds, keeping the text that follows it (lxml.html's ``drop_tree``)."""
    parent = el.getparent()
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


def _inside_content(el: Element) -> bool:
    return any(parent.tag in ("article", "main") for parent in el.iterancestors())


def is_marked(attributes: list[tuple[str, str]]) -> bool:
    """Whether an element with these attributes is marked as site chrome by role, class or id, or hidden."""
    for name, value in attributes:
        marks = _MARKS.get(name)
        if marks is not None and marks(value):
            return True
    return False


@per_text
def _chrome_name(name: str) -> bool:
    """Whether a class or id holds a chrome word; sites repeat the same names, so each is read once."""
    return _CHROME.search(name.lower()) is not None


def _chrome_role(role: str) -> bool:
    return role.lower() in CHROME_ROLES


def _hiding_style(style: str) -> bool:
    return _HIDDEN_STYLE.search(style) is not None


# What marks an element, attribute by attribute: one attribute that does is enough.
_MARKS: dict[str, Callable[[str], bool]] = {
    "role": _chrome_role,
    "class": _chrome_name,
    "id": _chrome_name,
    "hidden": lambda _: True,
    "aria-hidden": lambda value: value.lower() == "true",
    "style": _hiding_style,
}
