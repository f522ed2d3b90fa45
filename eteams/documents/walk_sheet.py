"""The printable walk sheet: the paper backup a pair takes out in the rain.

Per list: a sketch of the streets with the numbered doors, the doors in walking order with a
box for every outcome, then blank conversation forms in the tablet's order. Every page carries
the campaign, team, day, shift and list, and its page number within the list; with several
lists (``render_many``) each list starts on a front page, for printing on both sides.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from eteams.documents.styles import INK, plain, register_fonts, visual

PAGE = landscape(A4)
MARGIN = 10 * mm
HEADER = 20 * mm  # the band every page's header is drawn in, above the frame
FRAME_PADDING = 6  # points: reportlab's frame keeps this inside the margins


@dataclass(frozen=True)
class SheetStop:
    seq: int
    house: str  # "12A-3", as on the door
    street: str
    postcode: str
    dwelling: str
    lat: float | None
    lon: float | None
    previous: str = ""  # the last outcome and its day
    plans: str = ""  # an appointment, the day to come back, "come back later"

    @property
    def label(self) -> str:
        return f"{self.street} {self.house}"


@dataclass(frozen=True)
class ConversationForm:
    """What a blank conversation form asks besides the fixed fields: the tablet's wording."""

    consent_letter: str = ""
    consent_contact: str = ""
    wording_version: str = ""
    measures: list[str] = field(default_factory=list)
    small_measures: list[str] = field(default_factory=list)


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
    campaign: str = ""
    list_number: int = 1
    list_id: int = 0
    form: ConversationForm = field(default_factory=ConversationForm)
    conversation_forms: int = 2


def render(sheet: WalkSheet) -> bytes:
    return render_many([sheet])


def render_many(sheets: list[WalkSheet]) -> bytes:
    """One PDF with every sheet; each starts on an odd page and is numbered on its own."""
    from eteams.documents.walk_form import conversation_pages
    from eteams.documents.walk_table import door_table, first_page

    register_fonts()
    out = io.BytesIO()
    doc = _SheetsDoc(out, title=sheets[0].title if len(sheets) == 1 else _("Walk sheets"))
    width, height = doc.width - 2 * FRAME_PADDING, doc.height - 2 * FRAME_PADDING
    story: list[Flowable] = []
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story += [_Mark(index), *first_page(sheet, width, height), PageBreak()]
        story += [door_table(sheet, width), PageBreak()]
        story += conversation_pages(sheet, width, height)
    doc.build(story or [Spacer(1, 1)], canvasmaker=_headed(sheets))
    return out.getvalue()


class _SheetsDoc(SimpleDocTemplate):
    def __init__(self, out: io.BytesIO, title: str) -> None:
        super().__init__(
            out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN + HEADER, bottomMargin=MARGIN, title=title, author="eteams",
            lang="nl",
        )  # fmt: skip

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if isinstance(flowable, _Mark):
            self.canv.eteams_sheet = flowable.index


class _Mark(Flowable):
    """Where a sheet begins: the pages from here on carry its header."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, _width: float, _height: float) -> tuple[float, float]:
        return 0, 0.1  # not zero: a frame drops zero-size flowables at its top

    def draw(self) -> None:
        pass


def _headed(sheets: list[WalkSheet]) -> type[Canvas]:
    """A canvas that holds the pages until the end, then writes each page's header with
    its place in its own sheet ("page 2 of 6") and adds a blank back where a sheet ends on
    a front page."""

    class HeadedCanvas(Canvas):
        eteams_sheet = 0

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            by_sheet: dict[int, list[dict]] = {}
            for state in self._held:
                by_sheet.setdefault(state.get("eteams_sheet", 0), []).append(state)
            for index, pages in sorted(by_sheet.items()):
                total = len(pages) + len(pages) % 2
                for number, state in enumerate(pages, start=1):
                    self.__dict__.update(state)
                    if index < len(sheets):  # none: an empty PDF of no sheets
                        page_header(self, sheets[index], number, total)
                    super().showPage()
                if len(pages) % 2 and index < len(sheets):
                    page_header(self, sheets[index], total, total)
                    _blank_back(self)
                    super().showPage()
            super().save()

    return HeadedCanvas


def page_header(canvas: Canvas, sheet: WalkSheet, number: int, total: int) -> None:
    """Campaign, team, day, shift and list on every page, at sizes that read in the rain."""
    regular, bold = register_fonts()
    width, height = PAGE
    left, right = MARGIN, width - MARGIN
    canvas.saveState()
    canvas.setFillColor(INK)
    page_text = _("Page %(page)d of %(pages)d", page=number, pages=total)
    canvas.setFont(bold, 12)
    canvas.drawRightString(right, height - MARGIN - 6 * mm, page_text)
    room = right - left - stringWidth(page_text, bold, 12) - 8 * mm
    canvas.drawString(left, height - MARGIN - 6 * mm, fitted(sheet.title, bold, 12, room))
    list_text = _("List %(number)d (no. %(id)d)", number=sheet.list_number, id=sheet.list_id)
    when = f" · {sheet.date_text} · {sheet.time_text} · {list_text}"
    canvas.setFont(regular, 11)
    room = right - left - stringWidth(when, regular, 11)
    team = fitted(sheet.team, regular, 11, max(room, 40 * mm))
    canvas.drawString(left, height - MARGIN - 12.5 * mm, team + when)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(1.2)
    canvas.line(left, height - MARGIN - 16 * mm, right, height - MARGIN - 16 * mm)
    canvas.restoreState()


def _blank_back(canvas: Canvas) -> None:
    regular, _bold = register_fonts()
    canvas.setFont(regular, 11)
    canvas.setFillColor(INK)
    canvas.drawCentredString(PAGE[0] / 2, PAGE[1] / 2,
                             _("This page is left blank for printing on both sides."))  # fmt: skip


def fitted(text: str, font: str, size: float, width: float) -> str:
    """``text`` as drawn (right-to-left in visual order), cut with "…" to ``width``."""
    if stringWidth(visual(text), font, size) <= width:
        return visual(text)
    cut = len(text)
    while cut > 1 and stringWidth(visual(text[:cut]) + "…", font, size) > width:
        cut -= max(1, (cut // 8))
    return visual(text[:cut]) + "…"


def doors_line(sheet: WalkSheet) -> str:
    """The summary under the title: meeting point, doors, distance, minutes (markup-safe)."""
    doors = ngettext("%(num)d door", "%(num)d doors", len(sheet.stops))
    km = format_decimal(sheet.distance_m / 1000, "0.0")
    return " · ".join([
        plain(_("Meeting point: %(place)s", place=sheet.meeting_point or "—")),
        doors, _("%(km)s km", km=km), _("about %(n)d minutes", n=sheet.minutes),
    ])  # fmt: skip


def paragraph(text: str, style: object) -> Paragraph:
    return Paragraph(plain(text), style)
