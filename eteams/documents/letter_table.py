"""The letter's table of measures: columns as many as the header has, each as wide as its
longest word at least (a word is never split), the measure's name taking what is left.

Cells are data: plain strings drawn by the table itself (a Paragraph per figure costs a
markup parse and a line break each), wrapped at spaces only. The header is our own wording,
with markup (CO<sub>2</sub>), so it stays a Paragraph.
"""

from __future__ import annotations

import re
from functools import cache

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from eteams.documents.styles import INK, LINE, register_fonts, resized, styles, visual, wrap_words

SIZES = (10.5, 10)  # pt: the table's text, 10 only when 10.5 does not fit
PADDING = 3  # pt, each side of a cell
LEADING = 13 / 10.5  # leading per pt of text
# A figure stays with its sign and its unit: "€ 2.400", "180 m³", never "€" alone on a line.
_SPACES = re.compile(r"[ \t\r\n]+")
_BOUND = re.compile(r"(?<=€) (?=[\d-])|(?<=\d) (?=(?:m³|m²|kWh|kg|m3|m2)\b)")


def measures_table(
    header: list[str], rows: list[list[str]], total: list[str] | None, width: float
) -> Table | None:
    """The table, ``width`` points wide; None when there are no rows (no empty grid)."""
    if not rows:
        return None
    body = [[_bound(cell) for cell in row] for row in [*rows, *([total] if total else [])]]
    for size in SIZES:
        heads = _header(header, size)
        widths = _widths(heads, body, size, width)
        if widths:
            break
    else:
        widths = _squeezed(heads, body, size, width)
    last = len(body) - 1 if total else -1  # the total's row, in bold
    cells = [[_lines(cell, size, w, bold=n == last) for cell, w in zip(row, widths, strict=False)]
             for n, row in enumerate(body)]  # fmt: skip
    table = Table([heads, *cells], colWidths=widths, repeatRows=1)
    table.setStyle(_style(size, total is not None))
    return table


def _bound(cell: str) -> str:
    return _BOUND.sub("\u00a0", _SPACES.sub(" ", str(cell)).strip())


def _header(header: list[str], size: float) -> list[Paragraph]:
    s = styles()
    left, right = resized(s["letter_head"], size), resized(s["letter_head_right"], size)
    return [Paragraph(h, left if n == 0 else right) for n, h in enumerate(header)]


def _widths(
    heads: list[Paragraph], body: list[list[str]], size: float, width: float
) -> list[float] | None:
    """Figures on one line where they can be; the name gets the rest, at least its longest
    word. None when even the longest words do not fit side by side."""
    need, want = _needs(heads, body, size)
    rest = width - sum(want[1:])
    if rest >= need[0]:
        return [rest, *want[1:]]
    slack = sum(w - n for w, n in zip(want[1:], need[1:], strict=True))
    deficit = need[0] - rest
    if deficit > slack:
        return None
    give = deficit / slack
    return [need[0], *(w - (w - n) * give for w, n in zip(want[1:], need[1:], strict=True))]


def _squeezed(
    heads: list[Paragraph], body: list[list[str]], size: float, width: float
) -> list[float]:
    """Too many columns for the page: every column in proportion to its longest word."""
    need, _want = _needs(heads, body, size)
    return [n * width / sum(need) for n in need]


def _needs(
    heads: list[Paragraph], body: list[list[str]], size: float
) -> tuple[list[float], list[float]]:
    """Per column: the longest word (need) and the longest cell on one line (want), padded."""
    regular, bold = register_fonts()
    need = [h.minWidth() for h in heads]
    want = list(need)
    for n, row in enumerate(body):
        font = bold if n == len(body) - 1 else regular  # the total may be bold: measure so
        for col, cell in enumerate(row[: len(need)]):
            words = [stringWidth(visual(w), font, size) for w in cell.split(" ")]
            need[col] = max(need[col], *words)
            want[col] = max(want[col], stringWidth(visual(cell), font, size))
    return [n + 2 * PADDING for n in need], [w + 2 * PADDING for w in want]


def _lines(cell: str, size: float, width: float, bold: bool) -> str:
    regular, bold_font = register_fonts()
    font = bold_font if bold else regular
    return "\n".join(visual(line) for line in wrap_words(cell, font, size, width - 2 * PADDING))


@cache
def _style(size: float, with_total: bool) -> TableStyle:
    regular, bold = register_fonts()
    commands = [
        ("FONT", (0, 1), (-1, -1), regular, size, size * LEADING),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("GRID", (0, 0), (-1, -1), 0.4, LINE),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef3f0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
    ]
    if with_total:
        commands += [
            ("FONT", (0, -1), (-1, -1), bold, size, size * LEADING),
            ("LINEABOVE", (0, -1), (-1, -1), 1, INK),
        ]
    return TableStyle(commands)
