"""Page numbers that know the total ("page 2 of 3"): a canvas that holds each page until the
document is done, then writes the number on every one of them."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from eteams.documents.styles import MUTED, register_fonts


def numbered(template: str, right: float, y: float, size: float = 8):  # noqa: ANN201
    """A canvas class writing ``template.format(page=…, total=…)`` right-aligned at (right, y)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            regular, _bold = register_fonts()
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(regular, size)
                self.setFillColor(MUTED)
                self.drawRightString(right, y, template.format(page=self._pageNumber, total=total))
                super().showPage()
            super().save()

    return NumberedCanvas
