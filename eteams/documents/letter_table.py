"""The letter's table of measures: columns as many as the header has, each as wide as its
longest word at least (a word is never split), the measure's name taking what is left.

Cells are data: plain strings, wrapped at spaces only and drawn straight on the canvas by a
flowable of our own (reportlab's Table sets a style per cell and costs a quarter of a
letter's making). The header is our own wording, with markup (CO<sub>2</sub>), so it stays
a Paragraph per column.
"""

from __future__ import annotations

import re

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from eteams.documents.styles import (
    INK,
    LINE,
    register_fonts,
    resized,
    styles,
    visual,
    wrap_breaking,
)

SIZES = (10.5, 10)  # pt: the table's text, 10 only when 10.5 does not fit
PADDING = 3  # pt, each side of a cell
NAME_SHARE = 0.3  # of the table's width, for a step's name on one line
BOTTOM_PADDING = 4  # pt, under a row's last line
HEAD_BACKGROUND = colors.HexColor("#eef3f0")
LEADING = 13 / 10.5  # leading per pt of text
# A figure stays with its sign and its unit: "€ 2.400", "180 m³", never "€" alone on a line.
_SPACES = re.compile(r"[ \t\r\n]+")
_BOUND = re.compile(r"(?<=€) (?=[\d-])|(?<=\d) (?=(?:m³|m²|kWh|kg|m3|m2)\b)")


def measures_table(
    header: list[str], rows: list[list[str]], total: list[str] | None, width: float
) -> Flowable | None:
    """The table, ``width`` points wide; None when there are no rows (no empty grid)."""
    if not rows:
        return None
    body = [[_bound(cell) for cell in row] for row in [*rows, *([total] if total else [])]]
    heads = _header(header, SIZES[0])
    words, longest = _measures(heads, body)  # at 1 pt: widths grow with the size
    # A name's one long word (an admin's 60-letter name) may not squeeze the figures: it gets at
    # most a third of the width and breaks where it must.
    words[0] = min(words[0], (width / 3 - 2 * PADDING) / SIZES[-1])
    for size in SIZES:
        # The step's name reads best on one line, and may take up to NAME_SHARE of the width
        # for it: the figures' columns give up their slack first (they wrap at spaces).
        target = min(_padded(longest, size)[0], width * NAME_SHARE)
        widths = _widths(_padded(words, size), _padded(longest, size), width, target)
        if widths:
            break
    else:  # the longest words do not fit side by side: the figures keep theirs, the name breaks
        need = _padded(words, size)
        rest = width - sum(need[1:])
        widths = [rest, *need[1:]] if rest >= width / 6 else [n * width / sum(need) for n in need]
    last = len(body) - 1 if total else -1  # the total's row, in bold
    cells = [[_lines(cell, size, w, bold=n == last) for cell, w in zip(row, widths, strict=False)]
             for n, row in enumerate(body)]  # fmt: skip
    heads = heads if size == SIZES[0] else _header(header, size)
    return _Grid(heads, cells, widths, size, total is not None)


class _Grid(Flowable):
    """Header, rows and grid lines. It breaks between rows, the header repeated on the next
    page, and the total row never stands alone there: the last measure goes along."""

    def __init__(self, heads: list[Paragraph], cells: list[list[list[str]]], widths: list[float],
                 size: float, with_total: bool) -> None:  # fmt: skip
        super().__init__()
        self.heads, self.cells, self.widths = heads, cells, widths
        self.size, self.with_total = size, with_total
        self.leading = size * LEADING
        self.width = sum(widths)
        self._head_h = 0.0
        self._rows_h: list[float] = []

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        if not self._rows_h:
            inner = [
                h.wrap(w - 2 * PADDING, 1e6)[1]
                for h, w in zip(self.heads, self.widths, strict=False)
            ]
            self._head_h = max(inner) + 2 * PADDING
            self._rows_h = [max(len(c) for c in row) * self.leading + PADDING + BOTTOM_PADDING
                            for row in self.cells]  # fmt: skip
        self.height = self._head_h + sum(self._rows_h)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        room, fits = avail_height - self._head_h, 0
        while fits < len(self.cells) and self._rows_h[fits] <= room:
            room -= self._rows_h[fits]
            fits += 1
        if self.with_total and fits == len(self.cells) - 1:
            fits -= 1  # the total would stand alone on the next page
        if fits <= 0:
            return []  # not even one row here: the whole table to the next page
        first, rest = self.cells[:fits], self.cells[fits:]
        return [_Grid(self.heads, first, self.widths, self.size, with_total=False),
                _Grid(self.heads, rest, self.widths, self.size, self.with_total)]  # fmt: skip

    def draw(self) -> None:
        canv, top = self.canv, self.height
        regular, bold = register_fonts()
        canv.setFillColor(HEAD_BACKGROUND)
        canv.rect(0, top - self._head_h, self.width, self._head_h, stroke=0, fill=1)
        x = 0.0
        for head, w in zip(self.heads, self.widths, strict=False):
            head.drawOn(canv, x + PADDING, top - PADDING - head.height)
            x += w
        canv.setFillColor(INK)
        y, last = top - self._head_h, len(self.cells) - 1
        for n, (row, height) in enumerate(zip(self.cells, self._rows_h, strict=True)):
            canv.setFont(bold if self.with_total and n == last else regular, self.size)
            x = 0.0
            for col, (lines, w) in enumerate(zip(row, self.widths, strict=False)):
                baseline = y - PADDING - self.size
                for line in lines:
                    if col == 0:
                        canv.drawString(x + PADDING, baseline, line)
                    else:  # figures right-aligned
                        canv.drawRightString(x + w - PADDING, baseline, line)
                    baseline -= self.leading
                x += w
            y -= height
        self._draw_grid(top)

    def _draw_grid(self, top: float) -> None:
        canv = self.canv
        canv.setStrokeColor(LINE)
        canv.setLineWidth(0.4)
        ys = [top, top - self._head_h]
        for height in self._rows_h:
            ys.append(ys[-1] - height)
        for y in ys:
            canv.line(0, y, self.width, y)
        x = 0.0
        for w in [0.0, *self.widths]:
            x += w
            canv.line(x, top, x, ys[-1])
        if self.with_total:  # the total under a line of its own
            canv.setStrokeColor(INK)
            canv.setLineWidth(1)
            canv.line(0, ys[-2], self.width, ys[-2])


def _bound(cell: str) -> str:
    return _BOUND.sub("\u00a0", _SPACES.sub(" ", str(cell)).strip())


def _header(header: list[str], size: float) -> list[Paragraph]:
    s = styles()
    left, right = resized(s["letter_head"], size), resized(s["letter_head_right"], size)
    return [Paragraph(h, left if n == 0 else right) for n, h in enumerate(header)]


def _widths(
    need: list[float], want: list[float], width: float, target: float = 0.0
) -> list[float] | None:
    """Figures on one line where they can be; the name gets the rest, at least its longest
    word (need) and, where the figures can give it up, ``target``. None when even the longest
    words do not fit side by side."""
    rest = width - sum(want[1:])
    goal = max(need[0], target)
    if rest >= goal:
        return [rest, *want[1:]]
    slack = sum(w - n for w, n in zip(want[1:], need[1:], strict=True))
    if need[0] - rest > slack:
        return None
    deficit = min(goal - rest, slack)
    if slack <= 0:
        return [rest, *want[1:]]
    give = deficit / slack
    return [rest + deficit, *(w - (w - n) * give for w, n in zip(want[1:], need[1:], strict=True))]


def _measures(heads: list[Paragraph], body: list[list[str]]) -> tuple[list[float], list[float]]:
    """Per column at 1 pt: its longest word, and its longest cell on one line."""
    regular, bold = register_fonts()
    words = [h.minWidth() / SIZES[0] for h in heads]
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


def _lines(cell: str, size: float, width: float, bold: bool) -> list[str]:
    regular, bold_font = register_fonts()
    font = bold_font if bold else regular
    return [visual(line) for line in wrap_breaking(cell, font, size, width - 2 * PADDING)]
