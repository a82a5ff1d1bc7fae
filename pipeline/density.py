"""Find the main content of a page without landmarks, by where its prose is densest."""

from __future__ import annotations

from collections import defaultdict

from bs4 import NavigableString, Tag

TEXT_TAGS = ("p", "div", "td", "dd", "li", "pre", "blockquote", "section", "span")
MIN_CHARS = 25
MAX_LINK_SHARE = 0.5
SIBLING_SHARE = 0.3


def content_roots(body: Tag) -> list[Tag]:
    """The densest container of prose, with any sibling containers nearly as dense, in page order."""
    scores, tags = _scores(body)
    if not scores:
        return [body]
    best = tags[max(scores, key=scores.__getitem__)]
    parent = best.parent
    if parent is None:
        return [best]
    threshold = max(scores[id(best)] * SIBLING_SHARE, 3.0)
    return [c for c in parent.children if isinstance(c, Tag) and (c is best or scores.get(id(c), 0) >= threshold)]


def _scores(body: Tag) -> tuple[dict[int, float], dict[int, Tag]]:
    """Readability-style scores by tag id: prose credits its parent fully and its grandparent by half."""
    scores: dict[int, float] = defaultdict(float)
    tags: dict[int, Tag] = {}
    for tag in body.find_all(TEXT_TAGS):
        text, linked = _own_text(tag)
        if len(text) < MIN_CHARS or linked / len(text) > MAX_LINK_SHARE:
            continue
        score = 1 + text.count(",") + min(len(text) / 100, 3)
        parent = tag.parent
        if parent is not None:
            scores[id(parent)] += score
            tags[id(parent)] = parent
            if parent.parent is not None and parent is not body:
                scores[id(parent.parent)] += score / 2
                tags[id(parent.parent)] = parent.parent
    return scores, tags


def _own_text(tag: Tag) -> tuple[str, int]:
    """The text directly inside ``tag`` (not in nested blocks), and how much of it is link text."""
    parts, linked = [], 0
    for child in tag.children:
        if isinstance(child, NavigableString):
            parts.append(str(child))
        elif child.name in ("a", "b", "strong", "em", "i", "span", "small", "abbr", "code", "sup", "sub", "br"):
            text = child.get_text(" ")
            parts.append(text)
            if child.name == "a":
                linked += len(text.strip())
    return " ".join(" ".join(parts).split()), linked
