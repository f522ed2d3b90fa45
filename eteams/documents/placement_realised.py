"""The municipality's appendix: what the contract's "Gerealiseerd" figure is made of.

From the contract's start to the peildatum (or its end), each person's social-return lines a
stretch at a time — building block, rate, hours a week over the table's basis, months, amount —
then the employer's hourly lines; they add up to the figure printed under the contract.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from eteams.documents.figures import date, euro, grid
from eteams.documents.styles import MUTED, plain, register_fonts, styles
from eteams.services import sroi
from eteams.services.placement import FOR_MUNICIPALITY, Contract, PlacementReport, sroi_source
from eteams.services.placement import decimal_comma as num

HEAD = ("Medewerker", "Van", "T/m", "Bouwblok", "Tarief", "Naar rato of aantal", "Bedrag")
WIDTHS = (42, 20, 20, 78, 28, 50, 27)  # 265 mm, the frame


def flowables(report: PlacementReport, n: int) -> list:
    """Numbered ``n`` in the appendix; the municipality's version only (it has the contract)."""
    c = report.contract
    if report.audience != FOR_MUNICIPALITY or c is None or c.realised is None:
        return []
    s = styles()
    table = c.sroi_table
    since = f", geldig vanaf {date(table.valid_from)}" if table and table.valid_from else ""
    source = (
        sroi_source(report)
        if table is None
        else (f"regeltabel {table.municipality} versie {table.version}{since or ', voorlopig'}")
    )
    intro = (
        f"{n}. Gerealiseerd onder contract {plain(c.reference)}: van {date(c.starts_on)} t/m "
        f"{date(c.until or report.peildatum)}, per medewerker en per deel met dezelfde "
        f"contractvoorwaarden, volgens de {plain(source)} (zie de regels hierboven). Een "
        "jaarbedrag telt naar rato: tarief × uren per week (ten hoogste de basis: meer uren is "
        "voltijd) / basis × maanden / 12; elke regel "
        "op centen; de som is het bedrag 'Gerealiseerd' bij het contract."
    )
    return [Spacer(1, 3 * mm), Paragraph(intro, s["small"]), Spacer(1, 1.5 * mm), _grid(c)]


def rows(c: Contract) -> list[tuple[str, object, object, str, Decimal, str, Decimal]]:
    """One row a line: name, first and last day, building block, rate, how much of it, amount."""
    found = []
    for e in c.people:
        first = max(c.starts_on, e.hired_on)
        last = min(c.until or e.ended_on, e.ended_on or c.until)  # type: ignore[type-var]
        for line in e.sroi_lines:
            found.append((e.name, line.first or first, line.last or last, str(line.label),
                          line.amount, _share(line), line.value))  # fmt: skip
    for a in c.activities:
        for line in a.lines:
            hours = f"{num(sroi._trim(line.quantity))} uur"
            found.append(("Werkgever", a.day, a.day, f"{line.label}: {a.description}",
                          line.amount, hours, line.value))  # fmt: skip
    return found


def _share(line: sroi.Line) -> str:
    if line.per == "year":
        return (f"{num(sroi._trim(line.hours_per_week))}/{num(sroi._trim(line.basis_hours))} "
                f"uur × {num(line.months)}/12 maanden")  # fmt: skip
    return f"× {num(sroi._trim(line.quantity))}"


def _grid(c: Contract) -> Table:
    s = styles()
    body: list[list[object]] = [[Paragraph(h, s["head"]) for h in HEAD]]
    previous = None
    for name, first, last, block, rate, share, amount in rows(c):
        body.append([Paragraph(plain(name), s["cell"]) if name != previous else "",
                     date(first) if first else "", date(last) if last else "",
                     Paragraph(plain(block), s["cell"]), euro(rate),
                     Paragraph(share, s["cell"]), euro(amount)])  # fmt: skip
        previous = name
    if len(body) == 1:
        body.append([Paragraph("Niemand in dienst in deze tijd.", s["cell"]), "", "", "", "",
                     "", euro(Decimal(0))])  # fmt: skip
    body.append([Paragraph("Gerealiseerd", s["cell"]), "", "", "", "", "",
                 euro(c.realised or Decimal(0))])  # fmt: skip
    table = Table(body, colWidths=[w * mm for w in WIDTHS], repeatRows=1, hAlign="LEFT")
    style = grid(header=True)
    style.add("ALIGN", (4, 1), (4, -1), "RIGHT")
    style.add("ALIGN", (6, 1), (6, -1), "RIGHT")
    style.add("LINEABOVE", (0, -1), (-1, -1), 0.9, MUTED)
    _regular, bold = register_fonts()
    style.add("FONTNAME", (0, -1), (-1, -1), bold)
    table.setStyle(style)
    return table
