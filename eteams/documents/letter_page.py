"""What the letter's first sheet carries besides the text: logo, sender, the recipient in the
envelope window, date and reference, and the fold and punch marks.

Positions are from the top of the sheet. The window of a DL envelope (DIN 680): 20 mm from
the left, 50–95 mm from the top, 90 mm wide. Every block is fitted to its box: a long line
wraps at spaces, the block shrinks down to a floor size, and only then is it cut.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from eteams.documents.styles import BRAND, MUTED, register_fonts, visual, wrap_breaking

PAGE_W, PAGE_H = A4
RIGHT = PAGE_W - 20 * mm  # the right margin, where the sender and the reference end
WINDOW = (20 * mm, 50 * mm, 90 * mm, 45 * mm)  # left, top, width, height (from the top)
WINDOW_INSET = 4 * mm  # text starts this far inside the window, and ends as far from its right
LOGO_BOX = (40 * mm, 14 * mm, 18 * mm)  # at most this wide and high, its top from the top
SENDER_BOX = (34 * mm, 99 * mm, RIGHT - (WINDOW[0] + WINDOW[2] + 5 * mm))  # top, bottom, width
DATE_LINE = 104 * mm
FOLDS = (297 * mm / 3, 297 * mm * 2 / 3, 297 * mm / 2)  # DL folds at thirds, punch at half
FOLD_MARK = (4 * mm, 9 * mm)  # from x to x

Block = list[tuple[str, float, str]]  # (font, size, text) per drawn line


def first_page(canvas: Canvas, sender: list[str], recipient: list[str], logo: str | None) -> None:
    canvas.saveState()
    if not (logo and _image_logo(canvas, logo)):
        _vector_logo(canvas, RIGHT - 14 * mm, PAGE_H - LOGO_BOX[2] - 14 * mm)
    _sender(canvas, sender)
    _recipient(canvas, recipient)
    _fold_marks(canvas)
    canvas.restoreState()


def date_line(canvas: Canvas, date_text: str, reference: str) -> None:
    regular, _bold = register_fonts()
    canvas.setFont(regular, 9)
    canvas.setFillColor(colors.black)
    canvas.drawString(20 * mm, PAGE_H - DATE_LINE, visual(date_text))
    canvas.drawRightString(RIGHT, PAGE_H - DATE_LINE, visual(reference))


def fit(texts: list[tuple[str, float, str]], scales: tuple[float, ...], width: float,
        height: float, leading: float, keep_last: bool = False) -> Block:  # fmt: skip
    """The lines wrapped at ``width``, at the first scale whose block is at most ``height``
    high (each line ``leading`` × its size); at the last scale cut to the height, from the
    end, or with ``keep_last`` from the line before the last text (an address keeps its
    postcode and city). A word wider than the box is broken where it must (a 300-letter
    street name stays readable, not shrunk to a speck)."""
    for scale in scales:
        wrapped = [[(font, size * scale, line)
                    for line in wrap_breaking(text, font, size * scale, width)]
                   for font, size, text in texts]  # fmt: skip
        block = [line for lines in wrapped for line in lines]
        if _height(block, leading) <= height:
            return block
    last = wrapped.pop() if keep_last and len(wrapped) > 1 else []
    block = [line for lines in wrapped for line in lines]
    while block and _height(block + last, leading) > height:
        block.pop()
    while len(last) > 1 and _height(block + last, leading) > height:
        last.pop()
    if block and len(block) < sum(len(lines) for lines in wrapped):
        font, size, text = block[-1]  # the cut line says it goes on
        while text and _drawn(text + " …", font, size) > width:
            text = text[:-1]
        block[-1] = (font, size, text.rstrip() + " …")
    return block + last


def _height(block: Block, leading: float) -> float:
    return sum(size * leading for _f, size, _t in block)


def _drawn(text: str, font: str, size: float) -> float:
    return stringWidth(visual(text), font, size)


def _sender(canvas: Canvas, sender: list[str]) -> None:
    regular, bold = register_fonts()
    top, bottom, width = SENDER_BOX
    texts = [(bold if n == 0 else regular, 10 if n == 0 else 8.5, line)
             for n, line in enumerate(sender)]  # fmt: skip
    leading = 1.4
    block = fit(texts, (1, 0.94, 0.88, 0.82), width, bottom - top, leading)
    y = PAGE_H - top
    for font, size, text in block:
        y -= size * leading
        canvas.setFont(font, size)
        canvas.setFillColor(BRAND if font == bold else MUTED)
        canvas.drawRightString(RIGHT, y, visual(text))


def _recipient(canvas: Canvas, recipient: list[str]) -> None:
    """Plain, no bold (PostNL's advice), 10.5 pt down to 9 pt, inside the window."""
    regular, _bold = register_fonts()
    left, top, width, height = WINDOW
    texts = [(regular, 10.5, line) for line in recipient]
    scales = (1, 10 / 10.5, 9.5 / 10.5, 9 / 10.5)
    leading = 1.35
    block = fit(texts, scales, width - 2 * WINDOW_INSET, height - 5 * mm, leading, keep_last=True)
    canvas.setFillColor(colors.black)
    y = PAGE_H - top - 3 * mm
    for font, size, text in block:
        y -= size * leading
        canvas.setFont(font, size)
        canvas.drawString(left + WINDOW_INSET, y, visual(text))


def _fold_marks(canvas: Canvas) -> None:
    canvas.setLineWidth(0.3)
    canvas.setStrokeColor(colors.grey)
    for y in FOLDS:
        canvas.line(FOLD_MARK[0], PAGE_H - y, FOLD_MARK[1], PAGE_H - y)


def _image_logo(canvas: Canvas, path: str) -> bool:
    """The organisation's own logo (PNG or JPEG), kept in proportion; False if unusable."""
    file = Path(path)
    if file.suffix.lower() not in {".png", ".jpg", ".jpeg"} or not file.is_file():
        return False
    try:
        image = ImageReader(str(file))
        w, h = image.getSize()
    except (OSError, ValueError):
        return False
    max_w, max_h, top = LOGO_BOX
    scale = min(max_w / w, max_h / h)
    canvas.drawImage(image, RIGHT - w * scale, PAGE_H - top - h * scale, w * scale, h * scale,
                     mask="auto")  # fmt: skip
    return True


def _vector_logo(canvas: Canvas, x: float, y: float) -> None:
    """A house with a leaf, drawn as vectors."""
    canvas.setFillColor(BRAND)
    canvas.roundRect(x, y, 14 * mm, 14 * mm, 2.5 * mm, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    path = canvas.beginPath()
    path.moveTo(x + 7 * mm, y + 11.5 * mm)
    path.lineTo(x + 2.5 * mm, y + 7.5 * mm)
    path.lineTo(x + 2.5 * mm, y + 2.5 * mm)
    path.lineTo(x + 11.5 * mm, y + 2.5 * mm)
    path.lineTo(x + 11.5 * mm, y + 7.5 * mm)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.setFillColor(BRAND)
    canvas.ellipse(x + 5.5 * mm, y + 3.5 * mm, x + 8.5 * mm, y + 7.5 * mm, stroke=0, fill=1)
