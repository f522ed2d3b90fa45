"""Hostile text: what people type and what a CSV brings, for every place text lands.

Issue 14, finding 1: text reached reportlab as markup, so a typo like "<b" made a letter, the
day's bundle, the walk sheet or the placement report answer 500, and a landlord field could put
a link or an image in an official letter.
"""

from __future__ import annotations

import io

from pypdf import PdfReader

# Printed as typed: these must come back out of the PDF's text exactly.
LITERAL = [
    "<b",
    "</para>",
    "<i>open & dicht</i>",
    "R&D & co",
    "&amp; &lt;tag&gt;",
    "<img src='/etc/passwd'/>",
    '<a href="https://phish.example/">klik hier</a>',
    "<font size=40 color=red>GROOT</font>",
    "x" * 300,
]
# Must not break anything; the PDF fonts may lack the glyphs (see the closing note of #13).
OTHER = [
    "\u202egnp.exe",  # a direction override (removed where text is typed in)
    "zero\u200bwidth\u200d",
    "e\u0301\u0301\u0301 combining",
    "\U0001f642 emoji \U0001f3e0",
    "شركة الخضراء",
    "עברית",
]
CORPUS = LITERAL + OTHER


def flat(text: str) -> str:
    """PDF text as one line: a long name wraps over lines in a table cell."""
    return "".join(text.split())


def printed(value: str, pdf_text: str) -> bool:
    return flat(value) in flat(pdf_text)


def assert_printed_as_typed(pdf: bytes, value: str, images: bool = True) -> None:
    """The PDF holds no link (and, with ``images=False``, no image) that the text could have
    smuggled in, and a literal string prints as typed (its first 100 characters: the
    shortest name column)."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert all("/Annots" not in page for page in reader.pages)  # no link slipped in
    if not images:
        assert all(not page["/Resources"].get("/XObject") for page in reader.pages)
    if value in LITERAL:
        assert printed(value[:100], text), value
