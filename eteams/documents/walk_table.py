"""A walk sheet's first page (title, summary, sketch) and its door table.

The table is filled in with a pen outside: 10-point text and up, dark lines of at least
0.75 point, the stop and house number first in their own columns, and a box per outcome.
"""

from __future__ import annotations

from flask_babel import gettext as _
from reportlab.graphics import renderPDF
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from eteams.documents.styles import INK, plain, register_fonts, resized, styles, wrap_breaking
from eteams.documents.walk_sheet import WalkSheet, doors_line
from eteams.documents.walk_sketch import Dot, sketch
from eteams.labels import label
from eteams.models.enums import Outcome

GRID = 1.0  # points: a line that survives a wet print
PADDING = 3.0  # points left and right in a cell
HEAD_GREY = colors.HexColor("#e4e4e4")
ROW_GREY = colors.HexColor("#f0f0f0")
# #, number, street, postcode, dwelling, last time, appointments, 8 outcomes, note (mm)
WIDTHS = [9, 19, 35, 20.5, 31.5, 34.5, 31, *[9] * len(Outcome), 20]  # "Benedenwoning" fits whole


def first_page(sheet: WalkSheet, width: float, height: float) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [
        Paragraph(plain(sheet.title), s["sheet_title"]),
        Paragraph(doors_line(sheet), s["sheet_body"]),
    ]
    missing = [str(p.seq) for p in sheet.stops if p.lat is None]
    if missing:
        story.append(Paragraph(plain(_("Not on the sketch (no place known): %(doors)s",
                                       doors=", ".join(missing))), s["sheet_body"]))  # fmt: skip
    how = _(
        "One cross per door. Enter the visits on the tablet afterwards, or give this "
        "sheet to your team lead."
    )
    story += [Paragraph(plain(how), s["sheet_body"]), Spacer(1, 3 * mm), _Sketch(sheet, width)]
    return story


class _Sketch(Flowable):
    """The sketch in all the height the page has left (a long summary leaves less)."""

    def __init__(self, sheet: WalkSheet, width: float) -> None:
        super().__init__()
        self.sheet, self.width, self.height = sheet, width, 0.0

    def wrap(self, _width: float, height: float) -> tuple[float, float]:
        self.height = max(height - 2, 60 * mm)
        return self.width, self.height

    def draw(self) -> None:
        dots = [Dot(p.seq, p.street, p.lat, p.lon) for p in self.sheet.stops if p.lat is not None]
        drawing = sketch(dots, self.sheet.start, self.width, self.height)
        renderPDF.draw(drawing, self.canv, 0, 0)


def door_table(sheet: WalkSheet, width: float) -> Table:
    s = styles()
    cell, number = s["sheet_cell"], s["sheet_number"]
    house = resized(number, 11)
    head = [Paragraph(plain(t), s["sheet_head"]) for t in (
        "#", _("No."), _("Street"), _("Postcode"), _("Dwelling"), _("Last time"),
        _("Appointment, come back"))]  # fmt: skip
    head += [Upright(str(label(Outcome, o))) for o in Outcome]
    head.append(Paragraph(plain(_("Remark")), s["sheet_head"]))
    widths = [w * mm for w in WIDTHS]
    widths[-1] += width - sum(widths)
    rows = [head]
    for stop in sheet.stops:
        texts = [(stop.house, house), (stop.street, cell), (stop.postcode, cell),
                 (stop.dwelling, cell), (stop.previous, cell), (stop.plans, cell)]  # fmt: skip
        rows.append([
            Paragraph(str(stop.seq), number),
            *(_wrapped(t, style, w) for (t, style), w in zip(texts, widths[1:], strict=False)),
            *([""] * len(Outcome)), "",
        ])  # fmt: skip
    table = Table(rows, colWidths=widths, repeatRows=1)
    first_box = 7
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), GRID, INK),
        ("LINEAFTER", (first_box - 1, 0), (first_box - 1, -1), 2, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 2, INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_GREY),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ROW_GREY]),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 1), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 6),
    ]))  # fmt: skip
    return table


def _wrapped(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """A cell's text in lines broken between words, or after a hyphen of a long word
    ("Twee-onder-een-|kapwoning"), between letters only where nothing else fits."""
    lines = wrap_breaking(text, style.fontName, style.fontSize, width - 2 * PADDING - 0.5)
    return Paragraph("<br/>".join(plain(line) for line in lines), style)


class Upright(Flowable):
    """A column heading written upwards (in two lines at most): eight outcome boxes fit
    across the page with their names at 10 points."""

    SIZE, LEADING = 10.0, 11.5

    def __init__(self, text: str) -> None:
        super().__init__()
        _regular, self.font = register_fonts()
        words = text.split()
        half = max(1, (len(words) + 1) // 2) if len(words) > 1 else 1
        self.lines = [" ".join(words[:half]), " ".join(words[half:])] if len(words) > 1 else [text]
        self.lines = [line for line in self.lines if line]

    def wrap(self, _width: float, _height: float) -> tuple[float, float]:
        self.tall = max(stringWidth(line, self.font, self.SIZE) for line in self.lines)
        return len(self.lines) * self.LEADING, self.tall + 3

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFont(self.font, self.SIZE)
        c.setFillColor(INK)
        c.rotate(90)
        for i, line in enumerate(self.lines):
            c.drawString(0, -(i + 1) * self.LEADING + 2.5, line)
        c.restoreState()
