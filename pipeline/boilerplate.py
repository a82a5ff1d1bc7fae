"""Recognise and remove site chrome: menus, banners, ads, sidebars, footers."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

# Elements that never hold article text.
UNWANTED_TAGS = (
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "form",
    "button", "input", "select", "textarea", "nav", "aside", "dialog", "menu",
)
# Page-level header and footer are chrome; inside an article they are the article's own.
PAGE_LEVEL_TAGS = ("header", "footer")
CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert", "menu", "menubar"}
# Class or id words that mark chrome, matched as whole words of a hyphen/underscore-separated name.
CHROME_WORDS = {
    "ad", "ads", "adsense", "advert", "advertisement", "advertising", "sponsor", "sponsored", "promo",
    "promotion", "sidebar", "widget", "cookie", "cookies", "consent", "gdpr", "related", "newsletter",
    "subscribe", "signup", "share", "sharing", "social", "breadcrumb", "breadcrumbs", "menu", "nav",
    "navbar", "navigation", "footer", "masthead", "comments", "comment", "popup", "modal", "banner",
    "skip", "toolbar", "pagination", "pager", "disclaimer", "byline", "author", "tags", "outbrain", "taboola",
}
_WORD = re.compile(r"[a-z]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def strip_unwanted(soup: BeautifulSoup) -> None:
    """Remove chrome and hidden elements from ``soup`` in place."""
    for tag in soup.find_all(UNWANTED_TAGS):
        tag.decompose()
    for tag in soup.find_all(PAGE_LEVEL_TAGS):
        if not tag.find_parent(["article", "main"]):
            tag.decompose()
    for tag in soup.find_all(True):
        if not tag.decomposed and (is_boilerplate(tag) or is_hidden(tag)):
            tag.decompose()


def is_boilerplate(tag: Tag) -> bool:
    """True for elements whose role, class or id marks them as site chrome."""
    if tag.name in ("html", "body", "main", "article"):
        return False
    if (tag.get("role") or "").lower() in CHROME_ROLES:
        return True
    names = " ".join([*(tag.get("class") or []), tag.get("id") or ""]).lower()
    return any(word in CHROME_WORDS for word in _WORD.findall(names))


def is_hidden(tag: Tag) -> bool:
    """True for elements a browser would not show."""
    return (
        tag.has_attr("hidden")
        or (tag.get("aria-hidden") or "").lower() == "true"
        or bool(_HIDDEN_STYLE.search(tag.get("style") or ""))
    )
