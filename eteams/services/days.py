"""The window of days every date and instant in the product falls in, and reading a day typed
in a URL or a form: year 1 or 9999 is a typo, and PostgreSQL stores years Python cannot read."""

from __future__ import annotations

import datetime as dt

from flask_babel import lazy_gettext as _l

from eteams.models.base import EARLIEST_DAY, LATEST_DAY, in_window
from eteams.services import clock

__all__ = [
    "EARLIEST_DAY",
    "LATEST_DAY",
    "OutsideWindow",
    "in_window",
    "parse_day",
    "window_message",
]


class OutsideWindow(ValueError):
    """A well-formed day outside the window; its text is the message to show."""


def window_message() -> str:
    return str(
        _l(
            "Enter a date between %(first)s and %(last)s.",
            first=EARLIEST_DAY.year,
            last=LATEST_DAY.year,
        )
    )


def parse_day(text: str | None) -> dt.date:
    """``YYYY-MM-DD`` inside the window; ValueError otherwise."""
    day = dt.date.fromisoformat((text or "").strip())
    if not in_window(day):
        raise OutsideWindow(window_message())
    return day


def instant_in_window(value: dt.datetime) -> bool:
    """Whether an aware instant falls in the window on its Amsterdam day, the product's day
    (2000-01-01T00:30+01:00 is in it, though it is still 1999 in UTC)."""
    try:
        return in_window(clock.local_day(value))
    except OverflowError:  # year 1 with a positive offset is before year 1 in UTC
        return False
