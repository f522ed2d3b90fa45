"""What a PDF page draws, read back with pypdf: text runs with their font, size and place,
and stroked line segments with their width, in points from the page's bottom left."""

from __future__ import annotations

import math
from dataclasses import dataclass

from pypdf import PageObject
from pypdf.generic import ContentStream
from reportlab.pdfbase.pdfmetrics import stringWidth

from eteams.documents.styles import register_fonts


@dataclass(frozen=True)
class Span:
    text: str
    font: str  # "Sans" or "Sans-Bold"
    size: float
    x: float
    y: float  # the baseline

    @property
    def right(self) -> float:
        return self.x + stringWidth(self.text.rstrip("\n"), self.font, self.size)


@dataclass(frozen=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


def spans(page: PageObject) -> list[Span]:
    register_fonts()
    found: list[Span] = []

    def visit(text: str, cm: list, tm: list, font: dict | None, size: float) -> None:
        if not text.strip() or font is None:
            return
        matrix = _times(tm, cm)
        name = "Sans-Bold" if "Bold" in str(font.get("/BaseFont", "")) else "Sans"
        # The text's height on the page (turned text too: a heading written upwards).
        found.append(Span(text, name, size * math.hypot(matrix[2], matrix[3]), matrix[4],
                          matrix[5]))  # fmt: skip

    page.extract_text(visitor_text=visit)
    return found


def segments(page: PageObject) -> list[Segment]:
    """Every stroked straight line (m … l … S), through the q/Q/cm transforms."""
    content = ContentStream(page.get_contents(), page.pdf)
    stack, cm, width, path, found = [], [1, 0, 0, 1, 0, 0], 1.0, [], []
    for operands, operator in content.operations:
        op = operator.decode()
        if op == "q":
            stack.append((cm, width))
        elif op == "Q":
            cm, width = stack.pop()
        elif op == "cm":
            cm = _times([float(v) for v in operands], cm)
        elif op == "w":
            width = float(operands[0])
        elif op in ("m", "l"):
            path.append((op, _apply(cm, float(operands[0]), float(operands[1]))))
        elif op == "S":
            pairs = zip(path, path[1:], strict=False)
            found += [Segment(*a[1], *b[1], width) for a, b in pairs if b[0] == "l"]
            path = []
        elif op in ("n", "f", "f*", "B", "b"):
            path = []
    return found


def _times(a: list, b: list) -> list[float]:
    """The matrix product a × b of two PDF matrices [a b c d e f]."""
    a = [float(v) for v in a]
    b = [float(v) for v in b]
    return [
        a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
    ]  # fmt: skip


def _apply(cm: list[float], x: float, y: float) -> tuple[float, float]:
    return (x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5])
