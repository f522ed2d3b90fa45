"""Shared fonts, colours and paragraph styles for every PDF.

Fonts are embedded TrueType: DejaVu Sans (Vera's design, shipped in documents/fonts), which
also has Arabic, Hebrew, Turkish, Polish and Cyrillic letters, so a household's or a coach's
name prints as typed, not as boxes. Right-to-left text is put in visual order and Arabic
letters are joined before reportlab sees it (reportlab draws glyphs left to right, unshaped).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).parent / "fonts"
# Hebrew, Arabic, Syriac, Thaana, N'Ko and the Arabic presentation forms.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"))


def visual(text: object) -> str:
    """Text in the order and shape it is drawn: unchanged unless it holds right-to-left
    letters, which are joined (Arabic) and put in visual order, Latin parts staying as
    they are. For canvas.drawString; Paragraph text goes through ``plain``."""
    # Zero-width spaces, word joiners and byte-order marks typed or pasted in draw nothing and
    # make a gap in copied text ("Boxtel ,"); the joiners some scripts need stay.
    value = str(text).translate(_INVISIBLE)
    if not _RIGHT_TO_LEFT.search(value):
        return value.replace("\u2068", "").replace("\u2069", "")
    # The isolates (FSI, PDI) that kept a house number out of a street's run have done their
    # work once in visual order; fonts have no glyph for them.
    return get_display(arabic_reshaper.reshape(value)).replace("\u2068", "").replace("\u2069", "")


def plain(text: object) -> str:
    """Text from people or the database, for a reportlab Paragraph, which reads its text as
    markup: "<i>", "&" or an unbalanced "<b" print as typed (a typo must not make a letter or
    a walk sheet fail, and a landlord field must not add a link or an image). Every piece of
    data goes into a Paragraph through here; only our own fixed wording carries markup.
    Right-to-left text comes out in visual order (a name or a street: one line). A euro sign
    keeps to its amount ("€ 27.000" never breaks after the sign)."""
    return escape(_EURO_SPACE.sub("€\u00a0", visual(text)))


_EURO_SPACE = re.compile(r"€ (?=[0-9−-])")


def bold_then(lead: str, rest: str) -> str:
    """A line that starts in bold, both parts data."""
    return f"<b>{plain(lead)}</b>{plain(rest)}"


BRAND = colors.HexColor("#0b6e4f")
INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#4a5560")
LINE = colors.HexColor("#c9d2cc")
# Okabe–Ito: distinguishable with every common colour-vision deficiency.
SAFE_COLOURS = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
]


@cache
def register_fonts() -> tuple[str, str]:
    pdfmetrics.registerFont(TTFont("Sans", str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("Sans-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily("Sans", normal="Sans", bold="Sans-Bold")
    return "Sans", "Sans-Bold"


@cache
def styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=15, leading=19, textColor=INK),
        "body": ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5, textColor=INK),
        "small": ParagraphStyle(
            "small", fontName=regular, fontSize=7.5, leading=9.5, textColor=MUTED
        ),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=8.5, leading=10.5, textColor=INK),
        "head": ParagraphStyle("head", fontName=bold, fontSize=6.5, leading=8, textColor=INK),
        # The walk sheet is read outside, in the rain: nothing under 10 points.
        "sheet_title": ParagraphStyle(
            "sheet_title", fontName=bold, fontSize=16, leading=20, textColor=INK
        ),
        "sheet_body": ParagraphStyle(
            "sheet_body", fontName=regular, fontSize=11, leading=14, textColor=INK
        ),
        "sheet_cell": ParagraphStyle(
            "sheet_cell", fontName=regular, fontSize=10, leading=12.5, textColor=INK
        ),
        "sheet_head": ParagraphStyle(
            "sheet_head", fontName=bold, fontSize=10, leading=12, textColor=INK
        ),
        "sheet_number": ParagraphStyle(
            "sheet_number", fontName=bold, fontSize=12, leading=14, textColor=INK
        ),
        # The advice letter goes to households: print sizes for reading, never a word split.
        # Running text breaks a word only when it is wider than a whole line (a 300-letter
        # street in the subject): reportlab's splitLongWords does just that.
        "letter_body": _whole_words(
            "letter_body", regular, 11, 14, INK, split_longer_than_line=True
        ),
        "letter_subject": _whole_words(
            "letter_subject", bold, 11, 14, INK, split_longer_than_line=True
        ),
        "letter_small": _whole_words(
            "letter_small", regular, 9, 11.5, MUTED, split_longer_than_line=True
        ),
        # What the table's figures rest on and what its total leaves out: read, not skimmed.
        "letter_note": _whole_words(
            "letter_note", regular, 11, 14, MUTED, split_longer_than_line=True
        ),
        "letter_cell": _whole_words("letter_cell", regular, 10.5, 13, INK),
        "letter_head": _whole_words("letter_head", bold, 10.5, 13, INK),
        "letter_head_right": _whole_words("letter_head_right", bold, 10.5, 13, INK, TA_RIGHT),
    }


def _whole_words(  # noqa: PLR0913
    name: str, font: str, size: float, leading: float, colour: colors.Color, align: int = TA_LEFT,
    *, split_longer_than_line: bool = False,
) -> ParagraphStyle:  # fmt: skip
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=leading, textColor=colour, alignment=align,
        splitLongWords=int(split_longer_than_line), hyphenationLang="", uriWasteReduce=0,
        allowWidows=0,
    )  # fmt: skip


@cache
def resized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    """The same style at another size, the leading in proportion (a table that must fit)."""
    return ParagraphStyle(
        f"{style.name}@{size}", parent=style, fontSize=size,
        leading=style.leading * size / style.fontSize,
    )  # fmt: skip


def wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of at most ``width`` points, broken at spaces only: a no-break space holds (€ 261),
    and a word longer than the width stays whole. Each line is measured as drawn (visual)."""
    lines: list[str] = []
    for word in filter(None, text.split(" ")):
        if lines and _width(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def wrap_breaking(text: str, font: str, size: float, width: float) -> list[str]:
    """``wrap_words``, and a word still wider than ``width`` broken where it must: after a
    hyphen where it has one, else between letters (a 300-letter name stays readable)."""
    lines = []
    for line in wrap_words(text, font, size, width):
        while len(line) > 1 and _width(line, font, size) > width + 0.01:
            cut = len(line) - 1
            while cut > 1 and _width(line[:cut], font, size) > width:
                cut -= 1
            hyphen = line.rfind("-", 0, cut)
            cut = hyphen + 1 if hyphen > 0 else cut
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


def _width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(visual(text), font, size)
