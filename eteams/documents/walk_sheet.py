"""The printable walk sheet: the paper backup when a tablet dies.

A map sketch with the numbered doors in walking order, then the ordered table with a tick
box for every outcome and room for a note.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from eteams.documents.styles import BRAND, LINE, MUTED, plain, register_fonts, styles

OUTCOMES = ("Niet thuis", "Geen gehoor", "Geweigerd", "Later", "Gesprek", "Verhuisd",
            "Geen toegang", "Niet bezoeken")  # fmt: skip


@dataclass(frozen=True)
class SheetStop:
    seq: int
    label: str
    postcode: str
    dwelling: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class WalkSheet:
    title: str
    team: str
    date_text: str
    time_text: str
    meeting_point: str
    start: tuple[float, float] | None
    distance_m: int
    minutes: int
    stops: list[SheetStop]


def render(sheet: WalkSheet) -> bytes:
    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
        topMargin=10 * mm, bottomMargin=12 * mm, title=sheet.title, author="eteams", lang="nl",
    )  # fmt: skip
    s = styles()
    story = [
        Paragraph(plain(sheet.title), s["title"]),
        Paragraph(
            f"{plain(sheet.team)} · {sheet.date_text}, {sheet.time_text} · Verzamelpunt: "
            f"{plain(sheet.meeting_point or '—')} · {len(sheet.stops)} deuren · "
            f"{sheet.distance_m / 1000:.1f} km · ongeveer {sheet.minutes} minuten",
            s["body"],
        ),
        Spacer(1, 3 * mm),
        sketch(sheet, width=270 * mm, height=70 * mm),
        Spacer(1, 3 * mm),
        _table(sheet),
        Spacer(1, 2 * mm),
        Paragraph(
            "Zet bij elke deur één kruisje. Voer de bezoeken later in op de tablet.", s["small"]
        ),  # fmt: skip
    ]
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return out.getvalue()


def sketch(sheet: WalkSheet, width: float, height: float) -> Drawing:
    """The doors as numbered dots on a scaled sketch, the walking order as a line."""
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, strokeColor=LINE, fillColor=colors.whitesmoke))
    points = [(p.lat, p.lon) for p in sheet.stops if p.lat is not None]
    if sheet.start:
        points.append(sheet.start)
    if not points:
        return drawing
    place = _projection(points, width, height, margin=8 * mm)
    path = [place(p.lat, p.lon) for p in sheet.stops if p.lat is not None]
    if sheet.start:
        path.insert(0, place(*sheet.start))
        x, y = path[0]
        drawing.add(Rect(x - 4, y - 4, 8, 8, fillColor=BRAND, strokeColor=colors.white))
    if len(path) > 1:
        drawing.add(PolyLine([c for xy in path for c in xy], strokeColor=MUTED, strokeWidth=0.6))
    regular, bold = register_fonts()
    for stop in (p for p in sheet.stops if p.lat is not None):
        x, y = place(stop.lat, stop.lon)
        drawing.add(Circle(x, y, 6, fillColor=colors.white, strokeColor=BRAND, strokeWidth=1))
        drawing.add(String(x, y - 2.5, str(stop.seq), fontName=bold, fontSize=6.5,
                           textAnchor="middle", fillColor=BRAND))  # fmt: skip
    return drawing


def _projection(points: list[tuple[float, float]], width: float, height: float, margin: float):  # noqa: ANN202
    import math

    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    scale_x = math.cos(math.radians(sum(lats) / len(lats)))
    span_x = max((max(lons) - min(lons)) * scale_x, 1e-6)
    span_y = max(max(lats) - min(lats), 1e-6)
    k = min((width - 2 * margin) / span_x, (height - 2 * margin) / span_y)
    off_x = (width - span_x * k) / 2
    off_y = (height - span_y * k) / 2

    def place(lat: float, lon: float) -> tuple[float, float]:
        return off_x + (lon - min(lons)) * scale_x * k, off_y + (lat - min(lats)) * k

    return place


def _table(sheet: WalkSheet) -> Table:
    s = styles()
    header = ["#", "Adres", "Postcode", "Woning", *OUTCOMES, "Notitie"]
    rows = [[Paragraph(h, s["head"]) for h in header]]
    for stop in sheet.stops:
        label, dwelling = (
            Paragraph(plain(stop.label), s["cell"]),
            Paragraph(plain(stop.dwelling), s["cell"]),
        )
        rows.append([str(stop.seq), label, stop.postcode, dwelling, *([""] * len(OUTCOMES)), ""])
    widths = [8 * mm, 40 * mm, 17 * mm, 27 * mm, *([16.5 * mm] * len(OUTCOMES)), 47 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    regular, _bold = register_fonts()
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("FONTSIZE", (0, 1), (-1, -1), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, LINE),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef3f0")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f9f8")]),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 1), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
    ]))  # fmt: skip
    return table


def _page_number(canvas, doc) -> None:  # noqa: ANN001
    regular, _bold = register_fonts()
    canvas.saveState()
    canvas.setFont(regular, 7.5)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(doc.pagesize[0] - 12 * mm, 6 * mm, f"{doc.page}")
    canvas.restoreState()
