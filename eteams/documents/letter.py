"""The personal advice letter (A4, reportlab platypus), in Dutch or English.

The recipient's address sits in the window of a standard DL/C5-6 envelope (DIN 680 window:
20 mm from the left, about 50–95 mm from the top of the folded sheet). Output is invariant:
the same data always gives the same bytes, so a letter can be reproduced and its sha256
checked.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate, NextPageTemplate

from eteams.documents.styles import (
    BRAND,
    LINE,
    MUTED,
    bold_then,
    plain,
    register_fonts,
    styles,
    visual,
)

Line = str | tuple[str, str]  # a plain line, or (bold start, rest)

PAGE_W, PAGE_H = A4
WINDOW = (20 * mm, 50 * mm, 90 * mm, 45 * mm)  # left, top, width, height (from the top)


@dataclass(frozen=True)
class LetterData:
    language: str
    title: str
    reference: str
    date_text: str
    sender: list[str]
    recipient: list[str]
    opening: str
    paragraphs: list[str]
    table_header: list[str]
    table_rows: list[list[str]]
    table_note: str
    sections: list[tuple[str, list[Line]]] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    page_word: str = "van"
    subject: str = ""
    table_total: list[str] | None = None
    logo_path: str | None = None


def render(letter: LetterData) -> bytes:
    out = io.BytesIO()
    doc = _Document(out, letter)
    doc.build(_story(letter), canvasmaker=_numbered(letter.page_word))
    return out.getvalue()


class _Document(BaseDocTemplate):
    def __init__(self, out: io.BytesIO, letter: LetterData) -> None:
        super().__init__(
            out, pagesize=A4, title=letter.title, author="E-teams", subject=letter.reference,
            lang=letter.language, invariant=True,
            leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm, bottomMargin=20 * mm,
        )  # fmt: skip
        self.letter = letter
        first = Frame(20 * mm, 20 * mm, PAGE_W - 40 * mm, PAGE_H - 130 * mm, id="first")
        later = Frame(20 * mm, 20 * mm, PAGE_W - 40 * mm, PAGE_H - 45 * mm, id="later")
        self.addPageTemplates([
            PageTemplate(id="first", frames=[first], onPage=self._first_page),
            PageTemplate(id="later", frames=[later], onPage=self._later_page),
        ])  # fmt: skip

    def _first_page(self, canvas: Canvas, _doc: object) -> None:
        regular, bold = register_fonts()
        _logo(canvas, PAGE_W - 20 * mm - 14 * mm, PAGE_H - 32 * mm)
        canvas.setFont(bold, 10)
        canvas.setFillColor(BRAND)
        canvas.drawRightString(PAGE_W - 20 * mm, PAGE_H - 38 * mm, self.letter.sender[0])
        canvas.setFont(regular, 8.5)
        canvas.setFillColor(MUTED)
        for n, line in enumerate(self.letter.sender[1:], start=1):
            canvas.drawRightString(PAGE_W - 20 * mm, PAGE_H - 38 * mm - n * 4.2 * mm, line)
        # The recipient, inside the envelope window; plain, no bold (PostNL's advice).
        left, top, _width, _height = WINDOW
        canvas.setFont(regular, 10.5)
        canvas.setFillColor(colors.black)
        for n, line in enumerate(self.letter.recipient):
            canvas.drawString(left + 4 * mm, PAGE_H - top - 8 * mm - n * 5 * mm, visual(line))
        canvas.setFont(regular, 9)
        canvas.drawString(20 * mm, PAGE_H - 108 * mm, self.letter.date_text)
        canvas.drawRightString(PAGE_W - 20 * mm, PAGE_H - 108 * mm, self.letter.reference)

    def _later_page(self, canvas: Canvas, _doc: object) -> None:
        regular, _bold = register_fonts()
        canvas.setFont(regular, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(
            20 * mm, PAGE_H - 14 * mm, f"{self.letter.title} · {self.letter.reference}"
        )


def _logo(canvas: Canvas, x: float, y: float) -> None:
    """A house with a leaf, drawn as vectors."""
    canvas.saveState()
    canvas.setFillColor(BRAND)
    canvas.roundRect(x, y, 14 * mm, 14 * mm, 2.5 * mm, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    path = canvas.beginPath()
    path.moveTo(x + 7 * mm, y + 11.5 * mm)
    path.lineTo(x + 2.5 * mm, y + 7.5 * mm)
    path.lineTo(x + 2.5 * mm, y + 2.5 * mm)
    path.lineTo(x + 11.5 * mm, y + 2.5 * mm)
    path.lineTo(x + 11.5 * mm, y + 7.5 * mm)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.setFillColor(BRAND)
    canvas.ellipse(x + 5.5 * mm, y + 3.5 * mm, x + 8.5 * mm, y + 7.5 * mm, stroke=0, fill=1)
    canvas.restoreState()


def _story(letter: LetterData) -> list:
    s = styles()
    story: list = [NextPageTemplate("later")]
    if letter.subject:
        story += [Paragraph(bold_then(letter.subject, ""), s["body"]), Spacer(1, 3 * mm)]
    story += [Paragraph(plain(letter.opening), s["body"]), Spacer(1, 3 * mm)]
    story += [Paragraph(plain(p), s["body"]) for p in letter.paragraphs if p]
    if letter.table_rows:
        story += [Spacer(1, 3 * mm), _measures_table(letter), Spacer(1, 1.5 * mm)]
        if letter.table_note:
            story.append(Paragraph(plain(letter.table_note), s["small"]))
    for title, lines in letter.sections:
        block = [Spacer(1, 4 * mm), Paragraph(bold_then(title, ""), s["body"]),
                 Spacer(1, 1 * mm)]  # fmt: skip
        block += [Paragraph(_line(line), s["body"]) for line in lines]
        story.append(KeepTogether(block))
    story += [Spacer(1, 5 * mm)] + [Paragraph(plain(line), s["body"]) for line in letter.closing]
    return story


def _line(line: Line) -> str:
    return bold_then(*line) if isinstance(line, tuple) else plain(line)


def _measures_table(letter: LetterData) -> Table:
    s = styles()
    # The header is our own wording, with markup (CO<sub>2</sub>); the cells are data.
    rows = [[Paragraph(h, s["head"]) for h in letter.table_header]]
    rows += [[Paragraph(plain(cell), s["cell"]) for cell in row] for row in letter.table_rows]
    if letter.table_total:
        rows.append([Paragraph(bold_then(cell, ""), s["cell"]) for cell in letter.table_total])
    columns = len(letter.table_header)
    rest = (PAGE_W - 40 * mm - 44 * mm) / max(columns - 1, 1)
    widths = [44 * mm] + [rest] * (columns - 1)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, LINE),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef3f0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))  # fmt: skip
    return table


def _numbered(word: str):  # noqa: ANN202
    """A canvas that writes "page 1 of 2" once the page count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            regular, _bold = register_fonts()
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(regular, 8)
                self.setFillColor(MUTED)
                self.drawRightString(
                    PAGE_W - 20 * mm, 10 * mm, f"{self._pageNumber} {word} {total}"
                )
                super().showPage()
            super().save()

    return NumberedCanvas
