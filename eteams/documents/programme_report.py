"""The programme report as PDF (A4, Dutch): the jobs, the neighbourhoods reached, and the
interest per measure with its projection, labelled as one and with what it rests on."""

from __future__ import annotations

import io
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from eteams.documents.charts import bar_chart
from eteams.documents.pages import numbered
from eteams.documents.placement_report import _date, _grid, footer
from eteams.documents.styles import MUTED, plain, register_fonts, styles
from eteams.services.placement import HOURS_PER_JOB
from eteams.services.placement import decimal_comma as _num
from eteams.services.programme import ProgrammeReport

PAGE = A4
PROJECTION = (
    "Projectie, geen resultaat: wat de geïnteresseerde huishoudens per jaar zouden besparen "
    "als elk de maatregel uitvoert, met de bedragen uit zijn eigen adviesbrief (de laatste brief "
    "van het laatste bezoek in de periode). Huishoudens zonder brief, of van wie de brief geen "
    "bedrag voor de maatregel noemt, tellen niet mee (kolom ‘met bedrag’). Wat werkelijk is "
    "uitgevoerd en bespaard, meet dit rapport niet."
)
CHART_MEASURES = 12


def render(report: ProgrammeReport) -> bytes:
    """Same report, same bytes (invariant PDF)."""
    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=PAGE, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=14 * mm,
        bottomMargin=16 * mm, title="Programmarapportage E-teams", author="E-teams", lang="nl",
        invariant=True,
    )  # fmt: skip
    s = styles()
    period = f"{_date(report.start)} t/m {_date(report.end)}"
    made = f" · gemaakt op {_date(report.made_on)}" if report.made_on else ""
    jobs = [
        ("Mensen in dienst", str(report.people_employed)),
        (f"Banen volgens de banenafspraak ({_num(HOURS_PER_JOB)} verloonde uren per week is één "
         "baan, alleen het doelgroepregister)", _num(report.jobs)),
        ("Uitstroom naar regulier werk", str(report.outflow_to_work)),
    ]  # fmt: skip
    saving = f"{_euro(report.eur_per_year)} · {_tonnes(report.co2_kg_per_year)} ton CO₂"
    reach = [
        ("Huishoudens bereikt (iemand deed open)", str(report.households_reached)),
        ("Gesprekken", str(report.conversations)),
        ("Adviesbrieven verstuurd", str(report.letters_sent)),
        ("Projectie: besparing per jaar als geïnteresseerde huishoudens de maatregelen uitvoeren "
         f"({report.priced} van {report.interested} met een bedrag in hun brief)", saving),
    ]  # fmt: skip
    story = [
        Paragraph("Programmarapportage E-teams", s["title"]),
        Paragraph(f"Periode {period}{made}", s["body"]),
        Spacer(1, 5 * mm),
        Paragraph("Banen", s["body"]),
        Spacer(1, 2 * mm),
        _facts(jobs),
        Spacer(1, 5 * mm),
        Paragraph("Wijken", s["body"]),
        Spacer(1, 2 * mm),
        _facts(reach),
        Spacer(1, 6 * mm),
    ]
    if report.measures:
        top = report.measures[:CHART_MEASURES]
        series = [("Geïnteresseerd", [m.interested for m in top]),
                  ("Misschien", [m.maybe for m in top])]  # fmt: skip
        chart = bar_chart([m.name_nl for m in top], series, width=doc.width - 12)
        story.append(KeepTogether([
            Paragraph("Huishoudens met interesse per maatregel", s["body"]), chart,
        ]))  # fmt: skip
        story.append(Spacer(1, 5 * mm))
    story += [_measures(report), Spacer(1, 3 * mm), Paragraph(PROJECTION, s["small"])]
    pages = numbered("pagina {page} van {total}", PAGE[0] - 16 * mm, 8 * mm, 7.5)
    line = footer(f"E-teams · programmarapportage · {period}", 16 * mm, 8 * mm)
    doc.build(story, onFirstPage=line, onLaterPages=line, canvasmaker=pages)
    return out.getvalue()


def _facts(rows: list[tuple[str, str]]) -> Table:
    s = styles()
    table = Table([[Paragraph(plain(a), s["cell"]), Paragraph(plain(b), s["cell"])]
                   for a, b in rows], colWidths=[118 * mm, 60 * mm], hAlign="LEFT")  # fmt: skip
    table.setStyle(_grid(header=False))
    return table


def _measures(report: ProgrammeReport) -> Table:
    s = styles()
    head = ["Maatregel", "Geïnte- resseerd", "Misschien", "Met bedrag",
            "Projectie € per jaar", "Projectie kg CO₂ per jaar"]  # fmt: skip
    rows: list[list[object]] = [[Paragraph(h, s["cell"]) for h in head]]
    for m in report.measures:
        rows.append([Paragraph(plain(m.name_nl), s["cell"]), str(m.interested), str(m.maybe),
                     str(m.priced), _euro(m.eur_per_year), _whole(m.co2_kg_per_year)])  # fmt: skip
    if not report.measures:
        rows.append([Paragraph("Geen interesse vastgelegd in deze periode.", s["cell"]),
                     "", "", "", "", ""])  # fmt: skip
    rows.append(["Alle maatregelen", str(report.interested), "", str(report.priced),
                 _euro(report.eur_per_year), _whole(report.co2_kg_per_year)])  # fmt: skip
    table = Table(rows, colWidths=[62 * mm, 20 * mm, 20 * mm, 20 * mm, 28 * mm, 28 * mm],
                  repeatRows=1, hAlign="LEFT")  # fmt: skip
    style = _grid(header=True)
    style.add("ALIGN", (1, 1), (-1, -1), "RIGHT")
    style.add("LINEABOVE", (0, -1), (-1, -1), 0.9, MUTED)
    table.setStyle(style)
    return table


def _euro(amount: Decimal | None) -> str:
    if amount is None:
        return "—"
    return "€ " + f"{amount:,.0f}".replace(",", ".")


def _whole(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:,.0f}".replace(",", ".")


def _tonnes(kg: Decimal) -> str:
    return _num((kg / 1000).quantize(Decimal("0.1")))
