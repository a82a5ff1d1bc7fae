"""Find the main content of a page without landmarks, by where its prose is densest."""

from __future__ import annotations

from collections import defaultdict

from lxml.etree import _Element as Element

TEXT_TAGS = ("p", "div", "td", "dd", "li", "pre", "blockquote", "section", "span")
OWN_TEXT_TAGS = {"a", "b", "strong", "em", "i", "span", "small", "abbr", "code", "sup", "sub", "br"}
MIN_CHARS = 25
MAX_LINK_SHARE = 0.5
SIBLING_SHARE = 0.3


def content_roots(body: Element) -> list[Element]:
    """The densest container of prose, with any sibling containers nearly as dense, in page order."""
    scores = _scores(body)
    if not scores:
        return [body]
    best = max(scores, key=scores.__getitem__)
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(scores[best] * SIBLING_SHARE, 3.0)
    return [child for child in parent if child is best or scores.get(child, 0) >= threshold]


def _scores(body: Element) -> dict[Element, float]:
    """Readability-style scores: each prose element credits its parent fully and its grandparent by half."""
    scores: dict[Element, float] = defaultdict(float)
    for el in body.iter(*TEXT_TAGS):
        text, linked = _own_text(el)
        if len(text) < MIN_CHARS or linked / len(text) > MAX_LINK_SHARE:
            continue
        score = 1 + text.count(",") + min(len(text) / 100, 3)
        parent = el.getparent()
        if parent is not None:
            scores[parent] += score
            grandparent = parent.getparent()
            if grandparent is not None and parent is not body:
                scores[grandparent] += score / 2
    return scores


def _own_text(el: Element) -> tuple[str, int]:
    """The text directly inside ``el`` (not in nested blocks), and how much of it is link text."""
    parts, linked = [el.text or ""], 0
    for child in el:
        if child.tag in OWN_TEXT_TAGS:
            text = " ".join(child.itertext())
            parts.append(text)
            if child.tag == "a":
                linked += len(text.strip())
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split()), linked
