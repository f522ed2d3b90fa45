"""How the placement report writes its numbers, dates and grids: one format a kind of column."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from reportlab.lib import colors
from reportlab.platypus import TableStyle

from eteams.documents.styles import LINE, register_fonts


def euro(amount: Decimal) -> str:
    whole, cents = f"{amount:,.2f}".split(".")
    return f"€ {whole.replace(',', '.')},{cents}"


def grid(header: bool) -> TableStyle:
    regular, bold = register_fonts()
    style = TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("GRID", (0, 0), (-1, -1), 0.4, LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ])  # fmt: skip
    if header:
        style.add("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef3f0"))
        style.add("FONTNAME", (0, -1), (-1, -1), bold)
    return style


def hours(value: Decimal) -> str:
    """Hours with a thousands separator: 72.000,00 (a column of bare 72000,00 misreads)."""
    whole, cents = f"{value:,.2f}".split(".")
    return f"{whole.replace(',', '.')},{cents}"


def date(day: dt.date) -> str:
    return f"{day.day}-{day.month}-{day.year}"
