"""Hostile text: what people type and what a CSV brings, for every place text lands.

Issue 14, finding 1: text reached reportlab as markup, so a typo like "<b" made a letter, the
day's bundle, the walk sheet or the placement report answer 500, and a landlord field could put
a link or an image in an official letter.
"""

from __future__ import annotations

import io
import unicodedata

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from eteams.documents.styles import register_fonts, visual

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
    "İstanbul Çiğdem Łódź Ёлка",  # names of households and coaches, not only Dutch ones
]
# Right to left: printed with their own letters (joined, in reading order), never as boxes.
RIGHT_TO_LEFT = [
    "شركة الخضراء",
    "Fam. بن علي 12",
    "עברית",
]
# Must not break anything (the font has no emoji; invisible characters print as nothing).
OTHER = [
    "\u202egnp.exe",  # a direction override (removed where text is typed in)
    "zero\u200bwidth\u200d",
    "e\u0301\u0301\u0301 combining",
    "\U0001f642 emoji \U0001f3e0",
]
CORPUS = LITERAL + RIGHT_TO_LEFT + OTHER


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
    if value in RIGHT_TO_LEFT:
        # Drawn as joined presentation forms; read back (pypdf puts each right-to-left run in
        # reading order, the runs in drawing order), every word is the letters typed.
        read = unicodedata.normalize("NFKC", text)
        assert [w for w in value.split() if w not in read] == [], value
    if value in LITERAL + RIGHT_TO_LEFT:
        font = pdfmetrics.getFont(register_fonts()[0]).face
        boxes = [c for c in visual(value) if not c.isspace() and ord(c) not in font.charToGlyph]
        assert boxes == [], f"no glyph for {boxes!r}"
