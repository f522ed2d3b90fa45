"""The tablet's rule for a typed count, on the server (services.numbers), worked by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from eteams.services.numbers import read_typed


@pytest.mark.parametrize(
    ("typed", "read"),
    [("1200", 1200), ("1.200", 1200), ("12.345.678", 12345678), (" 900 ", 900), ("0", 0),
     ("", None), ("  ", None), (None, None)],
)  # fmt: skip
def test_a_count_typed_the_dutch_way(typed, read) -> None:  # noqa: ANN001
    assert read_typed(typed) == (None if read is None else Decimal(read))


@pytest.mark.parametrize(
    "typed", ["1.5", "12.00", "1.2000", "1 200", "-5", "1e3", "ongeveer 900", "1,200.5", "NaN"]
)
def test_what_the_tablet_refuses_is_no_number(typed) -> None:  # noqa: ANN001
    with pytest.raises(ValueError, match="Write a number, for example 1200 or 1.200."):
        read_typed(typed)


def test_a_comma_only_where_decimals_are_allowed() -> None:
    with pytest.raises(ValueError, match="Fill in a whole number."):
        read_typed("3,5")
    assert read_typed("1.200,5", decimals=True) == Decimal("1200.5")
