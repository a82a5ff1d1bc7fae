"""A local site that misbehaves in every way a real one can, for the crawl-fault tests."""

from __future__ import annotations

import threading

from kb.sitehost import QuietHandler

GOOD_PAGES = [f"/good/page-{n}.html" for n in range(6)]
PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><nav><a href="/index.html">Home</a> Coders earn $99,999 says this menu</nav>
<main><h1>{title}</h1>{body}</main><footer>All rights reserved. Call 1-800-555-0100</footer></body></html>"""

# path -> what the server does; every bad one must end as exactly one crawl_errors row
BAD = {
    "/err500": "http_500",
    "/err503": "http_503",
    "/slow": "timeout",
    "/truncated": "truncated",
    "/loop": "redirect_loop",
    "/report": "not_html",
    "/picture": "not_html",
    "/huge": "too_large",
    "/empty": "empty",
}


def good_page(n: int) -> str:
    body = (f"<p>Guide number {n}: medical coders in this region earned a median of ${40_000 + n * 1_000:,} "
            "per year in May 2023, according to the Bureau of Labor Statistics.</p>")
    return PAGE.format(title=f"Coding guide {n}", head="", body=body)


def index_page() -> str:
    links = [*GOOD_PAGES, *BAD, "/dup-a", "/dup-b", "/latin1", "/hostile", "javascript:alert(1)"]
    body = "<ul>" + "".join(f'<li><a href="{href}">{href}</a></li>' for href in links) + "</ul>"
    return PAGE.format(title="Fault index", head="", body=body + "<p>Every kind of trouble a crawler meets.</p>")


def duplicate_page() -> str:
    body = "<p>The same article, reachable at two addresses; its canonical link names the first.</p>"
    return PAGE.format(title="Duplicated guide", head='<link rel="canonical" href="/dup-a">', body=body)


def hostile_page() -> str:
    nested = "<div>" * 5000 + "deeply nested words" + "</div>" * 5000
    body = ("<script>document.write('injected $55,555 salary')</script>"
            "<p>A hostile page with <a href=\"javascript:void(0)\">a script link</a> and "
            "<img src=x onerror=\"alert('x')\"> an image that fails.</p>" + nested)
    return PAGE.format(title="Hostile markup", head="<script>var wage = '$77,777';</script>", body=body)


class FaultHandler(QuietHandler):
    """Serves the fault routes; ``release`` lets a hanging request go when the test ends."""

    release = threading.Event()

    def do_GET(self) -> None:
        path = self.path
        if path == "/robots.txt":
            return self._send(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
        if path == "/index.html":
            return self._send(200, "text/html; charset=utf-8", index_page().encode())
        if path in GOOD_PAGES:
            return self._send(200, "text/html; charset=utf-8", good_page(GOOD_PAGES.index(path)).encode())
        if path in ("/err500", "/err503"):
            return self._send(int(path[4:]), "text/html", b"<html><body>Server trouble</body></html>")
        if path == "/slow":
            self.release.wait(60)
            return self._send(200, "text/html", b"<html><body><p>Too late.</p></body></html>")
        if path == "/truncated":
            return self._truncated()
        if path.startswith("/loop"):
            n = int(path.partition("?n=")[2] or 0)
            return self._redirect(f"/loop?n={n + 1}")
        if path == "/report":
            return self._send(200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%EOF\n")
        if path == "/picture":
            return self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
        if path == "/huge":
            return self._send(200, "text/html", b"<html><body><p>" + b"x" * (20 * 1024 * 1024) + b"</p></body></html>")
        if path == "/empty":
            return self._send(200, "text/html", b"")
        if path in ("/dup-a", "/dup-b"):
            return self._send(200, "text/html; charset=utf-8", duplicate_page().encode())
        if path == "/latin1":
            body = PAGE.format(title="Caf\xe9 coders", head="", body="<p>Ren\xe9e earns \xa340 an hour \xff\xfe.</p>")
            return self._send(200, "text/html", body.encode("latin-1"))
        if path == "/hostile":
            return self._send(200, "text/html; charset=utf-8", hostile_page().encode())
        return self._send(404, "text/html", b"<html><body>Not here</body></html>")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _truncated(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "5000")
        self.end_headers()
        self.wfile.write(b"<html><body><p>This body stops short")
        self.wfile.flush()
        self.close_connection = True
