"""Blank conversation forms at the end of a walk sheet: what the tablet asks, on paper.

In the order of the coach's form on the tablet (household, the house now, interest per
measure, small measures, consent, next steps), so the lead types it in from top to bottom.
One form a page, in three columns; boxes to tick and lines to write on, at 10 points and up.
"""

from __future__ import annotations

from flask_babel import gettext as _
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from eteams.documents.styles import INK, plain, register_fonts, resized, styles
from eteams.documents.walk_sheet import WalkSheet
from eteams.labels import LABELS
from eteams.models.enums import (
    BuildingYearClass,
    DwellingType,
    EnergyLabel,
    Glazing,
    Heating,
    Interest,
    Tenure,
)

BOX = "☐"
LINE = 1.0  # points: the lines to write on
FIELD_H = 7.5 * mm  # room to write a word or a number by hand


def conversation_pages(sheet: WalkSheet, width: float, height: float) -> list[Flowable]:
    """The sheet's blank forms; every form of a PDF with the same wording is drawn once
    and placed on each page (a day's 40 lists print fast and the file stays small)."""
    pages: list[Flowable] = []
    for n in range(sheet.conversation_forms):
        if n:
            pages.append(PageBreak())
        pages.append(_Reused(f"eteamsConversation{id(sheet.form)}", sheet, width, height))
    return pages


class _Reused(Flowable):
    """A blank conversation form, drawn into a PDF form object the first time only."""

    def __init__(self, name: str, sheet: WalkSheet, width: float, height: float) -> None:
        super().__init__()
        self.name, self.sheet, self.width, self.height = name, sheet, width, height

    def wrap(self, _width: float, _height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        if not canvas.hasForm(self.name):
            canvas.beginForm(self.name, 0, 0, self.width, self.height)
            top = self.height
            for flowable in conversation_form(self.sheet, self.width, self.height):
                _w, tall = flowable.wrapOn(canvas, self.width, top)
                top -= tall
                flowable.drawOn(canvas, 0, top)
            canvas.endForm()
        canvas.doForm(self.name)


def conversation_form(sheet: WalkSheet, width: float, height: float) -> list[Flowable]:
    gap = 4 * mm
    column = (width - 4 * gap) / 3
    text = _("Conversation on paper")
    title = Paragraph(plain(text), styles()["sheet_number"])
    title_w = stringWidth(text, register_fonts()[1], 12) + 6 * mm
    top = Table(
        [[title, _fields([(_("Stop no."), 20 * mm), (_("Address"), None)], width - title_w)]],
        colWidths=[title_w, width - title_w],
    )
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("TOPPADDING", (0, 0), (-1, -1), 0),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    body = Table(
        [[_household(column), _house_and_interests(sheet, column),
          _consent_and_next(sheet, column)]],
        colWidths=[column + gap, column + 2 * gap, column + gap],
    )  # fmt: skip
    body.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (0, 0), (0, 0), 0), ("RIGHTPADDING", (0, 0), (0, 0), gap),
        ("LEFTPADDING", (1, 0), (1, 0), gap), ("RIGHTPADDING", (1, 0), (1, 0), gap),
        ("LEFTPADDING", (2, 0), (2, 0), gap), ("RIGHTPADDING", (2, 0), (2, 0), 0),
        ("LINEAFTER", (0, 0), (1, 0), LINE, INK),
    ]))  # fmt: skip
    # A longer wording than ours (another language) shrinks the form, never splits it.
    room = height - top.wrap(width, height)[1] - 2 * mm
    return [top, Spacer(1, 1.5 * mm), KeepInFrame(width, room, [body], mode="shrink")]


def _household(width: float) -> list[Flowable]:
    return [
        _legend(_("Household")),
        _choose(_("Owner or tenant"), _options(Tenure)),
        _fields([(_("Landlord (for tenants)"), None)], width),
        _choose(_("Dwelling type"), _options(DwellingType)),
        _choose(_("Building year"), _options(BuildingYearClass)),
        _fields([(_("Occupants"), 16 * mm)], width),
        _choose(_("Energy label"), [e.value for e in EnergyLabel]),
        _fields([(_("Gas per year (m³, from the bill)"), None)], width),
        _fields([(_("Electricity per year (kWh, from the bill)"), None)], width),
        _choose(_("Heating"), _options(Heating)),
        _fields([(_("Age of the heating (years)"), None)], width),
        _fields([(_("Language spoken"), None)], width),
        _choose(_("Letter in"), ["Nederlands", "English"]),
    ]


def _house_and_interests(sheet: WalkSheet, width: float) -> list[Flowable]:
    yes_no = [_("Yes"), _("No"), _("not known")]
    return [
        _legend(_("The house now")),
        _choose(_("Glass in most windows"), [*_options(Glazing), _("not known")]),
        _choose(_("Cavity wall already insulated"), yes_no),
        _choose(_("Roof already insulated"), yes_no),
        _choose(_("Floor already insulated"), yes_no),
        Spacer(1, 2 * mm),
        _legend(_("Interest per measure")),
        _interests(sheet.form.measures, width),
    ]


def _consent_and_next(sheet: WalkSheet, width: float) -> list[Flowable]:
    s = styles()
    form = sheet.form
    flowables: list[Flowable] = []
    if form.small_measures:
        flowables += [_legend(_("Small measures installed now")),
                      _counts(form.small_measures, width), Spacer(1, 2 * mm)]  # fmt: skip
    flowables += [
        _legend(_("Consent")),
        _consent(form.consent_letter, width),
        _consent(form.consent_contact, width),
        Paragraph(plain(_("Wording version %(v)s", v=form.wording_version)), s["sheet_cell"]),
        Paragraph(
            plain(_("Contact details only with consent for follow-up contact.")), s["sheet_cell"]
        ),  # fmt: skip
        _fields([(_("Name"), None)], width),
        _fields([(_("Phone"), None)], width),
        _fields([(_("E-mail address"), None)], width),
        Spacer(1, 2 * mm),
        _legend(_("Next steps")),
        _fields([(_("Appointment"), None)], width),
        _fields([(_("Come back on"), None)], width),
        _fields([(_("Short note"), None)], width),
    ]
    return flowables


def _legend(text: str) -> Paragraph:
    return Paragraph(plain(text), resized(styles()["sheet_number"], 11))


def _options(enum_cls: type) -> list[str]:
    return [str(LABELS[enum_cls][m.value]) for m in enum_cls]


def _choose(question: str, options: list[str]) -> Paragraph:
    """A question in bold, then a box before every answer (an answer never breaks apart)."""
    boxes = "\u2002 ".join(
        f'<font size="14">{BOX}</font>\u00a0{plain(o).replace(" ", chr(0xA0))}' for o in options
    )
    style = styles()["sheet_cell"]
    return Paragraph(f"<b>{plain(question)}</b><br/>{boxes}", style)


def _fields(fields: list[tuple[str, float | None]], width: float) -> Table:
    """Labels each followed by a line to write on (of a fixed width, or the rest of the
    line); a label too long for that stands above its line."""
    _regular, bold = register_fonts()
    style = styles()["sheet_cell"]
    sizes = [(t, stringWidth(t, bold, 10) + 6, w) for t, w in fields]
    if len(fields) == 1 and sizes[0][1] + (sizes[0][2] or 30 * mm) > width:
        rows, widths = [[Paragraph(f"<b>{plain(fields[0][0])}</b>", style)], [""]], [width]
        table = Table(rows, colWidths=widths, rowHeights=[None, FIELD_H - 1 * mm])
        lines = [("LINEBELOW", (0, 1), (0, 1), LINE, INK)]
    else:
        rest = width - sum(label_w + (w or 0) for _t, label_w, w in sizes)
        flexible = max(sum(w is None for _t, _l, w in sizes), 1)
        cells, widths = [], []
        for text, label_w, blank in sizes:
            cells += [Paragraph(f"<b>{plain(text)}</b>", style), ""]
            widths += [label_w, blank or max(rest / flexible, 20 * mm)]
        table = Table([cells], colWidths=widths, rowHeights=[FIELD_H])
        lines = [("LINEBELOW", (i, 0), (i, 0), LINE, INK) for i in range(1, len(cells), 2)]
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 0), *lines,
    ]))  # fmt: skip
    table.hAlign = "LEFT"
    return table


def _interests(measures: list[str], width: float) -> Table:
    from eteams.documents.walk_table import Upright

    s = styles()
    levels = [str(LABELS[Interest][level.value]) for level in Interest]
    rows = [["", *(Upright(t) for t in levels)]]
    rows += [[Paragraph(plain(m), s["sheet_cell"]), *([BOX] * len(levels))] for m in measures]
    box_w = 11 * mm
    table = Table(rows, colWidths=[width - box_w * len(levels), *[box_w] * len(levels)],
                  repeatRows=1)  # fmt: skip
    table.setStyle(_grid([("ALIGN", (1, 0), (-1, -1), "CENTER"), ("VALIGN", (1, 0), (-1, 0),
                          "BOTTOM"), ("FONTSIZE", (1, 1), (-1, -1), 15)]))  # fmt: skip
    table.hAlign = "LEFT"
    return table


def _counts(measures: list[str], width: float) -> Table:
    """A box for the number of each small measure."""
    s = styles()
    rows = [[Paragraph(plain(m), s["sheet_cell"]), ""] for m in measures]
    table = Table(rows, colWidths=[width - 14 * mm, 14 * mm])
    table.setStyle(_grid([("TOPPADDING", (0, 0), (-1, -1), 1)], header=False))
    table.hAlign = "LEFT"
    return table


def _consent(wording: str, width: float) -> Table:
    s = styles()
    table = Table([[BOX, Paragraph(plain(wording), s["sheet_cell"])]],
                  colWidths=[10 * mm, width - 10 * mm])  # fmt: skip
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (0, 0), register_fonts()[0]), ("FONTSIZE", (0, 0), (0, 0), 22),
        ("LEADING", (0, 0), (0, 0), 24), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (0, 0), 0),
    ]))  # fmt: skip
    table.hAlign = "LEFT"
    return table


def _grid(extra: list[tuple], header: bool = True) -> TableStyle:
    regular, _bold = register_fonts()
    shade = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e4e4"))] if header else []
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular), ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("GRID", (0, 0), (-1, -1), 0.75, INK), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        *shade,
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *extra,
    ])  # fmt: skip
