"""A generated site of thousands of small career pages, each stating one fact and linking to others."""

from __future__ import annotations

import random
from pathlib import Path

STATES = ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
          "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
          "Louisiana", "Maine", "Maryland"]
TOPICS = ["medical coders", "medical billers", "coding specialists", "billing and coding specialists",
          "health information technicians"]
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} - CareerAtlas</title></head>
<body><nav><a href="/index.html">CareerAtlas</a> Guides by state Sign in</nav>
<main><article><h1>{title}</h1>
<p>{fact}</p>
<p>This guide is part of our series on billing and coding careers in {state}.</p>
</article></main>
<aside><h2>Related guides</h2><ul>{links}</ul></aside>
<footer>CareerAtlas guides are updated every year. Contact us for corrections.</footer></body></html>"""


def build_site(root: Path, pages_per_state: int = 100, seed: int = 7) -> list[str]:
    """Write the index, one hub per state and ``pages_per_state`` guides under each; returns every page's path."""
    rng = random.Random(seed)
    guides = [(state, n) for state in STATES for n in range(pages_per_state)]
    paths = ["/index.html"]
    _write(root, "/index.html", _page("Billing and coding careers by state", "all states",
                                      "Explore what billing and coding jobs pay in each state.",
                                      [(f"/{_slug(s)}/index.html", s) for s in STATES]))
    for state in STATES:
        hub = f"/{_slug(state)}/index.html"
        children = [(_guide_path(state, n), _guide_title(state, n)) for n in range(pages_per_state)]
        _write(root, hub, _page(f"Coding careers in {state}", state,
                                f"Our {state} guides cover pay, training and certification.", children))
        paths.append(hub)
    for state, n in guides:
        related = [rng.choice(guides) for _ in range(3)] + [(state, (n + 1) % pages_per_state)]
        links = [(_guide_path(s, m), _guide_title(s, m)) for s, m in related] + [(f"/{_slug(state)}/index.html",
                                                                                 f"All {state} guides")]
        path = _guide_path(state, n)
        _write(root, path, _page(_guide_title(state, n), state, _fact(state, n), links))
        paths.append(path)
    return paths


def _fact(state: str, n: int) -> str:
    topic = TOPICS[n % len(TOPICS)]
    amount = 38_000 + (STATES.index(state) * 997 + n * 131) % 30_000
    return (f"{topic.capitalize()} in {state} earned a median annual wage of ${amount:,} in May 2023, "
            "according to the Bureau of Labor Statistics.")


def _page(title: str, state: str, fact: str, links: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    return PAGE.format(title=title, state=state, fact=fact, links=items)


def _guide_path(state: str, n: int) -> str:
    return f"/{_slug(state)}/guide-{n}.html"


def _guide_title(state: str, n: int) -> str:
    return f"{TOPICS[n % len(TOPICS)].capitalize()} in {state}: guide {n}"


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def _write(root: Path, path: str, html: str) -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
