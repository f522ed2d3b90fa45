"""A distinct colour for every walk list of a day: the eight colour-blind-safe Okabe–Ito
colours first, then hues a golden angle apart (never the same twice in 40), each with the
list's number on it, so colour is never the only cue."""

from __future__ import annotations

import colorsys

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
             "#000000")  # fmt: skip
GOLDEN_ANGLE = 137.508  # degrees: successive hues stay as far apart as they can


def list_colour(number: int) -> str:
    """The colour of the day's list ``number`` (1-based), as #rrggbb."""
    if 1 <= number <= len(OKABE_ITO):
        return OKABE_ITO[number - 1]
    n = max(0, number - len(OKABE_ITO) - 1)
    hue = (n * GOLDEN_ANGLE) % 360 / 360
    lightness = (0.38, 0.52, 0.30)[n % 3]  # three steps, so near hues still differ
    red, green, blue = colorsys.hls_to_rgb(hue, lightness, 0.75)
    return "#{:02X}{:02X}{:02X}".format(*(round(c * 255) for c in (red, green, blue)))


def ink(colour: str) -> str:
    """Black or white, whichever reads better on ``colour`` (WCAG 2 contrast ratio)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    on_white = 1.05 / (luminance + 0.05)
    on_black = (luminance + 0.05) / 0.05
    return "#000000" if on_black >= on_white else "#FFFFFF"
