"""Names in the charts of the placement report fit the page."""

from __future__ import annotations


def test_a_chart_label_never_runs_past_the_page_edge() -> None:
    """Issue 14 review: a 100-character name began left of the page in the placement
    report's chart; 32 characters of wide letters do not fit the label column either."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from eteams.documents import charts
    from eteams.documents.styles import register_fonts

    regular, _bold = register_fonts()
    for name in ("W" * 100, "Wilhelmina Oosterhuis-Wiersma van Wassenaer", "Anna de Boer"):
        drawing = charts.bar_chart([name], [("uren", [12.0])], width=500)
        chart = drawing.contents[0]
        label = chart.categoryAxis.categoryNames[0]
        assert chart.x - stringWidth(label, regular, 7.5) >= 0, label  # starts on the page
        assert label == name or label.endswith("…")
    assert charts.bar_chart(["Anna de Boer"], [("uren", [1.0])], 500).contents[
        0
    ].categoryAxis.categoryNames == ["Anna de Boer"]  # a usual name stays whole


def test_long_names_that_shorten_alike_stay_apart() -> None:
    """Issue 16: four long names became four identical labels."""
    from eteams.documents import charts

    names = [f"Wilhelmina Oosterhuis-Wiersma van Wassenaer {tail}" for tail in
             ("Jansen", "de Boer", "Yılmaz", "Jansen")]  # fmt: skip
    drawing = charts.bar_chart(names, [("uren", [1.0, 2.0, 3.0, 4.0])], width=500)
    labels = drawing.contents[0].categoryAxis.categoryNames
    assert len(set(labels)) == 4
    assert any("Yılmaz" in label for label in labels)


def test_a_chart_with_nothing_yet_has_an_axis_of_whole_numbers() -> None:
    from eteams.documents import charts

    chart = charts.bar_chart(["Anna"], [("deuren", [0]), ("gesprekken", [0])], 500).contents[0]
    assert (chart.valueAxis.valueMax, chart.valueAxis.valueStep) == (1, 1)  # not 0 to 0.01
