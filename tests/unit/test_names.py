"""One rule for a name as it comes in (services.text.name), worked out by hand (issue 15)."""

from __future__ import annotations

import pytest

from eteams.services.text import name


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Bo\u200b-Ex\u2060\ufeff", "Bo-Ex"),  # zero-width space, word joiner, BOM
        ("Fatima\u200d", "Fatima"),  # a joiner after the last letter joins nothing
        ("Jan\u200csen", "Jansen"),  # nor between two Latin letters
        ("\u202bفاطمة\u202c\u200e", "فاطمة"),  # an embedding and a mark around Arabic
        ("\u2067מרים\u2069\u200f", "מרים"),  # an isolate and a mark around Hebrew
        ("شرکت سبز\u200cنو", "شرکت سبز\u200cنو"),  # a non-joiner inside a Persian word stays
        ("De\u00adVries", "DeVries"),  # a soft hyphen
        ("\u202egnp.exe", "gnp.exe"),  # an override
        ("Rene\u0301", "René"),  # composed (NFC)
        (" \u200b\u2060 ", ""),  # nothing visible: no name
        (None, ""),
    ],
)
def test_a_name_keeps_its_letters_and_loses_invisible_format_characters(typed, stored) -> None:  # noqa: ANN001
    assert name(typed) == stored
