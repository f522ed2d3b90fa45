"""The personal advice letter (A4, reportlab platypus), in Dutch or English.

The recipient's address sits in the window of a standard DL/C5-6 envelope (letter_page).
Printed for households: body 11 pt, the table 10.5 pt (10 when it must) and its note 10 pt,
no word ever split. Output is invariant: the same data always gives the same bytes, so a
letter can be reproduced and its sha256 checked.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageTemplate, Paragraph, Spacer
from reportlab.platypus.doctemplate import BaseDocTemplate, NextPageTemplate

from eteams.documents.letter_page import PAGE_H, PAGE_W, RIGHT, date_line, first_page
from eteams.documents.letter_table import measures_table
from eteams.documents.pages import numbered
from eteams.documents.styles import MUTED, bold_then, plain, register_fonts, styles, visual

Line = str | tuple[str, str]  # a plain line, or (bold start, rest)

MARGIN = 20 * mm
TEXT_W = PAGE_W - 2 * MARGIN  # the frames have no side padding: text, table and date align
FIRST_TOP = 106 * mm  # page 1's text starts below the date line


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
    table_total: list[str] | None = None  # the package's total, a last row in bold
    subject: str = ""  # in bold above the opening
    logo_path: str | None = None  # a PNG or JPEG instead of the drawn house


def render(letter: LetterData) -> bytes:
    out = io.BytesIO()
    doc = _Document(out, letter)
    doc.build(
        _story(letter),
        canvasmaker=numbered(f"{{page}} {letter.page_word} {{total}}", RIGHT, 10 * mm),
    )
    return out.getvalue()


class _Document(BaseDocTemplate):
    def __init__(self, out: io.BytesIO, letter: LetterData) -> None:
        super().__init__(
            out, pagesize=(PAGE_W, PAGE_H), title=letter.title, author="E-teams",
            subject=letter.reference, lang=letter.language, invariant=True,
            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        )  # fmt: skip
        self.letter = letter
        first = _frame("first", PAGE_H - FIRST_TOP - MARGIN)
        later = _frame("later", PAGE_H - 45 * mm)
        self.addPageTemplates([
            PageTemplate(id="first", frames=[first], onPage=self._first_page),
            PageTemplate(id="later", frames=[later], onPage=self._later_page),
        ])  # fmt: skip

    def _first_page(self, canvas: Canvas, _doc: object) -> None:
        letter = self.letter
        first_page(canvas, letter.sender, letter.recipient, letter.logo_path)
        date_line(canvas, letter.date_text, letter.reference)

    def _later_page(self, canvas: Canvas, _doc: object) -> None:
        regular, _bold = register_fonts()
        canvas.setFont(regular, 8)
        canvas.setFillColor(MUTED)
        header = f"{self.letter.title} · {self.letter.reference}"
        canvas.drawString(MARGIN, PAGE_H - 14 * mm, header)


def _frame(name: str, height: float) -> Frame:
    return Frame(MARGIN, MARGIN, TEXT_W, height, id=name, leftPadding=0, rightPadding=0)


def _story(letter: LetterData) -> list:
    s = styles()
    body = s["letter_body"]
    story: list = [NextPageTemplate("later")]
    if letter.subject:
        story += [Paragraph(plain(letter.subject), s["letter_subject"]), Spacer(1, 4 * mm)]
    story += [Paragraph(plain(letter.opening), body), Spacer(1, 3 * mm)]
    for paragraph in filter(None, letter.paragraphs):  # a little air between paragraphs
        story += [Paragraph(plain(paragraph), body), Spacer(1, 2 * mm)]
    table = measures_table(letter.table_header, letter.table_rows, letter.table_total, TEXT_W)
    if table is not None:
        story += [Spacer(1, 3 * mm), table]
        if letter.table_note:
            story += [Spacer(1, 1.5 * mm), Paragraph(plain(letter.table_note), s["letter_note"])]
    # Two lines without widows or orphans do not split: the greeting stays with the name, and
    # with the last section, so it never stands alone on a page of its own.
    closing = "<br/>".join(plain(line) for line in letter.closing)
    ending = [Spacer(1, 5 * mm), Paragraph(closing, body)] if closing else []
    for n, (title, lines) in enumerate(letter.sections, start=1):
        block = [
            Spacer(1, 3.5 * mm),
            Paragraph(plain(title), s["letter_subject"]),
            Spacer(1, 1 * mm),
        ]
        # A paragraph per line: a plain line takes reportlab's fast path for one font.
        block += [_line(line, body) for line in lines]
        if n == len(letter.sections):
            block += ending
            ending = []
        story.append(_Section(block))
    return [*story, *ending]


SPLIT_FROM = 60 * mm  # room left on a page from which a long section starts on it


class _Section(Flowable):
    """A title with its lines, kept on one page like KeepTogether, but wrapped once (KeepTogether
    measures its content, then lets the frame wrap every piece again). Taller than a fresh
    page, it gives its pieces to the frame to flow."""

    def __init__(self, content: list[Flowable]) -> None:
        super().__init__()
        self._content = content
        self._sizes: list[tuple[float, float]] = []
        self._wrapped_width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # Lines break by width alone: a section moved to the next page (same frame width)
        # keeps the lines it was given, rather than breaking each paragraph again.
        if not self._sizes or self._wrapped_width != avail_width:
            self._sizes = [f.wrap(avail_width, avail_height) for f in self._content]
            self._wrapped_width = avail_width
        self.width, self.height = avail_width, sum(h for _w, h in self._sizes)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Moved to the next page whole, unless that leaves much of this one empty (a long
        "About each step" after the table left two thirds of page 2 blank, a sheet of paper
        a letter): then its title and first line start here and the rest flows on."""
        if getattr(self, "_postponed", False):
            return self._content
        head = 4  # the space, the title, the space under it and the first line
        if avail_height < SPLIT_FROM or len(self._content) <= head + 1:
            return []  # next page first
        first = _Section(self._content[:head])
        if first.wrap(avail_width, avail_height)[1] > avail_height:
            return []
        rest = self._content[head:]
        # the last lines stay together (with the greeting, in the last section): no widow
        tail = _Section(rest[-3:]) if len(rest) > 3 else _Section(rest)
        return [first, *rest[:-3], tail] if len(rest) > 3 else [first, tail]

    def draw(self) -> None:
        y = self.height
        for flowable, (_w, h) in zip(self._content, self._sizes, strict=True):
            y -= h
            flowable.drawOn(self.canv, 0, y)


def _line(line: Line, style: ParagraphStyle) -> Flowable:
    if isinstance(line, str):
        return Paragraph(plain(line), style)
    return _RunIn(*line, style)


class _RunIn(Flowable):
    """A line that starts in bold ("Floor insulation: the floor is …"), made as a paragraph of
    the rest in one font (reportlab's fast path) whose first line leaves room for the bold
    start, drawn on its baseline. Mixed fonts in one paragraph cost a tenth of a letter."""

    def __init__(self, lead: str, rest: str, style: ParagraphStyle) -> None:
        super().__init__()
        _regular, bold = register_fonts()
        self.raw_lead, self.lead, self.rest, self.style = lead, visual(lead), rest, style
        self.lead_width = stringWidth(self.lead, bold, style.fontSize)
        indented = ParagraphStyle(f"{style.name}+{self.lead_width:.1f}", parent=style,
                                  firstLineIndent=self.lead_width)  # fmt: skip
        self.paragraph = Paragraph(plain(rest), indented)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self.lead_width > avail_width / 2:  # a lead this long: one mixed paragraph
            self.paragraph = Paragraph(bold_then(self.raw_lead, self.rest), self.style)
            self.lead_width = 0.0
        self.width, self.height = self.paragraph.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        whole = Paragraph(bold_then(self.raw_lead, self.rest), self.style)  # taller than a page
        return whole.split(avail_width, avail_height)

    def draw(self) -> None:
        if self.lead_width:  # first, so the text reads in order when copied or extracted
            _regular, bold = register_fonts()
            size = self.style.fontSize
            first = size if rl_config.paraFontSizeHeightOffset else _ascent(self.style)
            self.canv.setFont(bold, size)
            self.canv.setFillColor(self.style.textColor)
            self.canv.drawString(0, self.height - first, self.lead)
        self.paragraph.drawOn(self.canv, 0, 0)


def _ascent(style: ParagraphStyle) -> float:
    return pdfmetrics.getAscent(style.fontName, style.fontSize)
