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
    words, longest = _measures(header, body)  # at 1 pt: widths grow with the size
    for size in SIZES:
        widths = _widths(_padded(words, size), _padded(longest, size), width)
        if widths:
            break
    else:
        need = _padded(words, size)
        widths = [n * width / sum(need) for n in need]  # too many columns: in proportion
    heads = _header(header, size)
    last = len(body) - 1 if total else -1  # the total's row, in bold
    cells = [[_lines(cell, size, w, bold=n == last) for cell, w in zip(row, widths, strict=False)]
             for n, row in enumerate(body)]  # fmt: skip
    table = _Table([heads, *cells], colWidths=widths, repeatRows=1)
    table.with_total = total is not None
    table.setStyle(_style(size, total is not None))
    return table


class _Table(Table):
    """A table whose total row never stands alone on the next page: the last measure goes
    with it."""

    with_total = False

    def split(self, avail_width: float, avail_height: float) -> list[Table]:
        parts = super().split(avail_width, avail_height)
        if self.with_total and len(parts) == 2 and len(parts[1]._cellvalues) == 2:  # noqa: PLR2004 - header and total
            kept = len(parts[0]._cellvalues)  # one row fewer: the last measure goes along
            fewer = sum(self._rowHeights[:kept]) - self._rowHeights[kept - 1] / 2
            parts = super().split(avail_width, fewer)
            if len(parts) == 2 and len(parts[0]._cellvalues) < 2:  # noqa: PLR2004 - only the header left
                return []
        for part in parts:
            part.__class__, part.with_total = _Table, self.with_total
        return parts


def _bound(cell: str) -> str:
    return _BOUND.sub("\u00a0", _SPACES.sub(" ", str(cell)).strip())


def _header(header: list[str], size: float) -> list[Paragraph]:
    s = styles()
    left, right = resized(s["letter_head"], size), resized(s["letter_head_right"], size)
    return [Paragraph(h, left if n == 0 else right) for n, h in enumerate(header)]


def _widths(need: list[float], want: list[float], width: float) -> list[float] | None:
    """Figures on one line where they can be; the name gets the rest, at least its longest
    word (need). None when even the longest words do not fit side by side."""
    rest = width - sum(want[1:])
    if rest >= need[0]:
        return [rest, *want[1:]]
    slack = sum(w - n for w, n in zip(want[1:], need[1:], strict=True))
    deficit = need[0] - rest
    if deficit > slack:
        return None
    give = deficit / slack
    return [need[0], *(w - (w - n) * give for w, n in zip(want[1:], need[1:], strict=True))]


def _measures(header: list[str], body: list[list[str]]) -> tuple[list[float], list[float]]:
    """Per column at 1 pt: its longest word, and its longest cell on one line."""
    regular, bold = register_fonts()
    words = [h.minWidth() / SIZES[0] for h in _header(header, SIZES[0])]
    cells = list(words)
    for n, row in enumerate(body):
        font = bold if n == len(body) - 1 else regular  # the total may be bold: measure so
        for col, cell in enumerate(row[: len(words)]):
            drawn = visual(cell)
            words[col] = max(words[col], *(stringWidth(w, font, 1) for w in drawn.split(" ")))
            cells[col] = max(cells[col], stringWidth(drawn, font, 1))
    return words, cells


def _padded(widths: list[float], size: float) -> list[float]:
    return [w * size + 2 * PADDING for w in widths]


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
