"""The window (2000–2100) counts in the product's day, Amsterdam's (issue 13 review: the first
half hour of 2000 in Amsterdam was refused because it is still 1999 in UTC)."""

from __future__ import annotations

from datetime import datetime

import pytest

from eteams.services.days import instant_in_window


@pytest.mark.parametrize(
    ("moment", "inside"),
    [
        ("2000-01-01T00:30:00+01:00", True),  # Amsterdam's first half hour of 2000
        ("1999-12-31T23:30:00+00:00", True),  # the same instant, written in UTC
        ("1999-12-31T22:59:59+00:00", False),  # 23:59:59 in Amsterdam, still 1999
        ("2100-12-31T23:30:00+01:00", True),  # the last half hour of 2100 in Amsterdam
        ("2100-12-31T23:00:00+00:00", False),  # already 2101 in Amsterdam
        ("0001-01-01T00:30:00+01:00", False),  # before year 1 in UTC: no crash either
        ("9999-12-31T23:59:59-05:00", False),
    ],
)
def test_the_window_is_the_amsterdam_day(moment: str, inside: bool) -> None:
    assert instant_in_window(datetime.fromisoformat(moment)) is inside
