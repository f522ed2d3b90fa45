"""Every list of a day has its own colour, with its number readable on it."""

from __future__ import annotations

from eteams.services.list_colours import OKABE_ITO, ink, list_colour


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_first_eight_are_okabe_ito_and_forty_never_repeat() -> None:
    assert [list_colour(n) for n in range(1, 9)] == list(OKABE_ITO)
    assert len({list_colour(n) for n in range(1, 49)}) == 48


def test_the_number_on_each_colour_meets_wcag_aa_for_large_bold_text() -> None:
    # 12-13 px bold numbers: WCAG 2.1 asks 4.5:1 for normal text, 3:1 for large; hold 4.5.
    low = min(_contrast(list_colour(n), ink(list_colour(n))) for n in range(1, 49))
    assert low >= 4.5, low
    assert ink("#F0E442") == "#000000" and ink("#0072B2") == "#FFFFFF"
