"""Tell a binary body from markup, whatever its Content-Type says."""

from __future__ import annotations

import filetype

SNIFFED_BYTES = 4096
# Control bytes never found in text (tab, line feed, form feed and carriage return are), NUL first among them.
CONTROL = bytes(c for c in range(32) if c not in b"\t\n\x0c\r")
# Share of control bytes in the first SNIFFED_BYTES above which a body is binary; a stray one in a page is not.
MAX_CONTROL_SHARE = 0.01
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16 text is half NUL bytes


def binary_type(body: bytes) -> str | None:
    """What the body is when it is not text (a MIME type from its magic numbers, or "binary data"), else None."""
    head = body[:SNIFFED_BYTES]
    if kind := filetype.guess_mime(head):
        return kind
    if head.startswith(UTF16_BOMS) or not head:
        return None
    controls = len(head) - len(head.translate(None, CONTROL))
    return "binary data" if controls > MAX_CONTROL_SHARE * len(head) else None
