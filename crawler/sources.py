"""The sites to crawl: read from a TOML sources file or made from start URLs."""

from __future__ import annotations

import ipaddress
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_SOURCES = Path(__file__).with_name("sources.toml")
DEFAULT_PORTS = {"http": 80, "https": 443}


class SourcesError(ValueError):
    """The sources file cannot be used as it is."""


class ContactError(ValueError):
    """A crawl of public sites without a way for their owners to reach whoever runs it."""


@dataclass(frozen=True)
class Site:
    """One site of the crawl, with the rules for which of its links to follow."""

    name: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    sitemap_urls: tuple[str, ...] = ()
    _patterns: tuple[list[re.Pattern[str]], list[re.Pattern[str]]] = field(init=False, repr=False, compare=False)
    _ports: frozenset[int | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.allowed_domains:
            object.__setattr__(self, "allowed_domains", hosts_of(self.start_urls + self.sitemap_urls))
        patterns = ([re.compile(p) for p in self.allow], [re.compile(p) for p in self.deny])
        object.__setattr__(self, "_patterns", patterns)
        object.__setattr__(self, "_ports", frozenset(map(explicit_port, self.start_urls + self.sitemap_urls)))

    def owns(self, url: str) -> bool:
        """True when ``url`` is an http(s) URL on one of this site's hosts (or their subdomains) and on the port
        of its start URLs: another port of the same host is another site."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        return (
            parts.scheme in ("http", "https")
            and explicit_port(url) in self._ports
            and any(host == d or host.endswith("." + d) for d in self.allowed_domains)
        )

    def follows(self, url: str) -> bool:
        """True when the crawl should follow a link to ``url``."""
        allow, deny = self._patterns
        return (
            self.owns(url)
            and (not allow or any(p.search(url) for p in allow))
            and not any(p.search(url) for p in deny)
        )


def explicit_port(url: str) -> int | None:
    """The URL's port when it is not its scheme's default (so http and https URLs without one agree); -1 if bad."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        return -1
    return None if port == DEFAULT_PORTS.get(parts.scheme) else port


def hosts_of(urls: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((urlsplit(u).hostname or "").lower() for u in urls if urlsplit(u).hostname))


def sites_from_urls(urls: list[str]) -> list[Site]:
    """One site per start URL host, following links on that host only."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        if urlsplit(url).scheme not in ("http", "https"):
            raise SourcesError(f"not an http(s) URL: {url!r}")
        by_host.setdefault(urlsplit(url).netloc.lower(), []).append(url)
    return [Site(name=host, start_urls=tuple(group)) for host, group in by_host.items()]


def sites_for(start_url: str | None, sources: str | Path | None) -> list[Site]:
    """The sites a crawl's arguments name: comma-separated start URLs, else a sources file, else the default one."""
    if start_url:
        return sites_from_urls([url.strip() for url in start_url.split(",") if url.strip()])
    return load_sources(sources) if sources else load_sources()


def load_sources(path: str | Path = DEFAULT_SOURCES) -> list[Site]:
    """Read a sources file: one ``[[sites]]`` table per site; ``name`` and ``start_urls`` required."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise SourcesError(f"cannot read sources file {path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SourcesError(f"cannot read sources file {path}: {exc}") from exc
    entries = data.get("sites", [])
    if isinstance(entries, dict):
        raise SourcesError(f"{path}: write each site as [[sites]] (a list of tables), not [sites]")
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise SourcesError(f"{path}: sites must be [[sites]] tables")
    sites = [_site(entry, path) for entry in entries]
    if not sites:
        raise SourcesError(f"{path}: no [[sites]] tables")
    return sites


def _site(entry: dict, path: str | Path) -> Site:
    missing = {"name", "start_urls"} - entry.keys()
    if missing:
        raise SourcesError(f"{path}: a site lacks {', '.join(sorted(missing))}: {entry}")
    if not isinstance(entry["name"], str) or not entry["name"].strip():
        raise SourcesError(f"{path}: a site's name must be a string, got {entry['name']!r}")
    known = {"name", "start_urls", "allowed_domains", "allow", "deny", "sitemap_urls"}
    if unknown := entry.keys() - known:
        raise SourcesError(f"{path}: site {entry['name']!r} has unknown keys {sorted(unknown)}")
    for key in (known - {"name"}) & entry.keys():
        value = entry[key]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise SourcesError(f"{path}: site {entry['name']!r}: {key} must be a list of strings, got {value!r}")
    if not entry["start_urls"]:
        raise SourcesError(f"{path}: site {entry['name']!r} has no start_urls")
    for url in entry["start_urls"] + entry.get("sitemap_urls", []):
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            raise SourcesError(f"{path}: site {entry['name']!r}: not an http(s) URL: {url!r}")
    try:
        return Site(**{key: entry[key] if key == "name" else tuple(entry[key]) for key in entry})
    except re.error as exc:
        raise SourcesError(f"{path}: site {entry['name']!r} has a bad pattern: {exc}") from exc


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def user_agent(product: str, contact: str, sites: list[Site]) -> str:
    """``product`` with the contact URL added; ContactError when it is needed (a public site) and missing or bad."""
    if contact and not contact.startswith(("http://", "https://", "mailto:")):
        raise ContactError(f"KB_CONTACT_URL must be an http(s) or mailto: URL, got {contact!r}")
    if contact:
        name, _, comment = product.partition(" (")
        return f"{name} (+{contact}; {comment}" if comment else f"{name} (+{contact})"
    public = sorted({url for site in sites for url in site.start_urls + site.sitemap_urls if not is_loopback(url)})
    if public:
        raise ContactError(f"crawling public sites ({public[0]}, ...) needs a contact for their owners in the user "
                           "agent: add --set KB_CONTACT_URL=https://your.site/contact (or mailto:you@your.site)")
    return product
