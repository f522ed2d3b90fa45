"""Charts drawn once with reportlab graphics: embedded in PDFs, or as SVG in a web page.

Colours come from the Okabe–Ito palette, so series stay apart for colour-blind readers;
every chart also carries its numbers as labels, so no reader depends on colour alone.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from eteams.documents.styles import INK, LINE, SAFE_COLOURS, register_fonts

Series = tuple[str, Sequence[float]]


def chart_labels(names: Sequence[str]) -> list[str]:
    """Names as a chart prints them: shortened to fit, and apart where they came out the same
    (do it over everyone when one list is drawn as several charts)."""
    regular, _bold = register_fonts()
    return _distinct([_fit(_short(x), regular, LABEL_MAX) for x in names], names, regular)


def bar_chart(
    labels: Sequence[str],
    series: Sequence[Series],
    width: float,
    row_height: float = 22,
    fitted: bool = False,
) -> Drawing:
    """Horizontal bars, one group per label and one bar per series, values printed at the end."""
    regular, _bold = register_fonts()
    labels = list(labels) if fitted else chart_labels(labels)
    # The longest name, measured in the font it is drawn in, plus the gap to the axis.
    widest = max((stringWidth(x, regular, 7.5) for x in labels), default=0)
    legend_h, label_w = 18, min(170, 10 + widest)
    height = legend_h + 16 + max(1, len(labels)) * row_height
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 12
    chart.width, chart.height = width - label_w - 30, height - legend_h - 16
    # reportlab draws the first category at the bottom: reverse, so the list reads top-down.
    chart.data = [list(values)[::-1] or [0] for _name, values in series]
    chart.categoryAxis.categoryNames = list(labels)[::-1] or [""]
    chart.categoryAxis.labels.fontName = regular
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.strokeColor = LINE
    chart.valueAxis.valueMin = 0
    top = max((v for _name, values in series for v in values), default=0)
    if top < 1:  # nothing yet: an axis of 0 to 1, not 0 to 0.01
        chart.valueAxis.valueMax, chart.valueAxis.valueStep = 1, 1
    elif top <= 10:  # counts: whole steps (0, 1, 2, 3), not 0.5 doors
        chart.valueAxis.valueStep = 1
    chart.valueAxis.labels.fontName = regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = LINE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e6ebe8")
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = regular
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    chart.barSpacing = 1
    chart.groupSpacing = 5
    for i, _ in enumerate(series):
        chart.bars[i].fillColor = colors.HexColor(SAFE_COLOURS[i % len(SAFE_COLOURS)])
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = label_w, height - 6
    legend.fontName, legend.fontSize = regular, 7.5
    legend.fillColor = INK
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 110
    legend.colorNamePairs = [
        (colors.HexColor(SAFE_COLOURS[i % len(SAFE_COLOURS)]), name)
        for i, (name, _values) in enumerate(series)
    ]
    drawing.add(legend)
    return drawing


LABEL_MAX = 160  # points: the label column is at most 170 wide, with the gap to the axis


def _fit(label: str, font: str, width: float) -> str:
    """Shortened (with an ellipsis) until it fits ``width`` at the labels' size: 32 wide
    letters ("WWW…") run past the page's edge where 32 narrow ones fit."""
    while len(label) > 1 and stringWidth(label, font, 7.5) > width:
        label = label[:-2].rstrip() + "…"
    return label


def _distinct(short: list[str], full: Sequence[str], font: str) -> list[str]:
    """Shortened names that came out the same ("Wilhelmina van den Bergh-…" four times) keep
    their end instead ("Wilhelmina…Bergh-Smit"), and a number where even that repeats."""
    seen: dict[str, int] = {}
    for label in short:
        seen[label] = seen.get(label, 0) + 1
    result = []
    for label, name in zip(short, full, strict=True):
        if seen[label] > 1 and label != name:
            head, tail = name[:12].rstrip(), name[-16:].lstrip()
            label = _fit(f"{head}…{tail}", font, LABEL_MAX)
        result.append(label)
    # Still the same: the first keeps its label and the later ones are numbered, as the
    # municipality's version tells two "W. V." apart in its tables ("W. V.", "W. V. (2)").
    counts: dict[str, int] = {}
    for n, label in enumerate(list(result)):
        counts[label] = counts.get(label, 0) + 1
        if counts[label] > 1:
            result[n] = _fit(f"{label} ({counts[label]})", font, LABEL_MAX)
    return result


def _short(label: str, limit: int = 32) -> str:
    """Long names would be cut off at the chart's edge: end them with an ellipsis instead."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def svg_data_uri(drawing: Drawing) -> str:
    """The drawing as an SVG ``data:`` URI for an ``<img>``.

    An image keeps its own styling under the page's strict Content-Security-Policy (inline
    SVG's style attributes would be blocked); the ``<img>`` gets the alt text.
    """
    svg = renderSVG.drawToString(drawing)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
