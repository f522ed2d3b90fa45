"""A count as a Dutch coach types it: "1200" or "1.200" (a dot that groups by three is a
thousands separator), and a comma only where decimals are allowed ("1,5", "1.200,5").

One rule for the server (the paper sheet's fields); coach.js ``readNumber`` is the same rule in
the tablet's browser, which has to work without the server. Anything else ("1.5", "12.00",
"ongeveer 900") is no number: refused with the tablet's own words, never guessed at.
"""

from __future__ import annotations

import re
from decimal import Decimal

from flask_babel import lazy_gettext as _l

TYPED = re.compile(r"(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d+))?")
NOT_A_NUMBER = _l("Write a number, for example 1200 or 1.200.")
NOT_WHOLE = _l("Fill in a whole number.")


def read_typed(text: str | None, *, decimals: bool = False) -> Decimal | None:
    """The number typed, None when nothing was; ValueError with the message for beside the
    field when it is no number (or a fraction where a whole number belongs)."""
    raw = (text or "").strip()
    if not raw:
        return None
    match = TYPED.fullmatch(raw)
    if match is None:
        raise ValueError(str(NOT_A_NUMBER))
    whole, fraction = match.groups()
    if fraction is not None and not decimals:
        raise ValueError(str(NOT_WHOLE))
    return Decimal(whole.replace(".", "") + (f".{fraction}" if fraction else ""))
