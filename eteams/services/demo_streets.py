"""Streets of the demo neighbourhood: Lombok, Utrecht (postcode area 3531).

Each street is a straight segment (start and end coordinates) with its house numbers,
postcode letters and the kind of housing along it. Coordinates follow the street grid
between the Kanaalstraat and the Leidsche Rijn canal closely enough for walk lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from eteams.models.enums import DwellingType


@dataclass(frozen=True)
class DemoStreet:
    name: str
    start: tuple[float, float]
    end: tuple[float, float]
    numbers: int
    postcode_letters: tuple[str, ...]
    dwelling: DwellingType
    built: tuple[int, int]
    flats_per_entrance: int = 1


STREETS: tuple[DemoStreet, ...] = (
    DemoStreet(
        "Kanaalstraat",
        (52.09402, 5.10198),
        (52.08968, 5.10440),
        64,
        ("CA", "CB", "CC", "CD"),
        DwellingType.UPPER_FLOOR_FLAT,
        (1895, 1925),
        2,
    ),
    DemoStreet(
        "Damstraat",
        (52.09280, 5.10262),
        (52.09090, 5.09868),
        40,
        ("EA", "EB"),
        DwellingType.TERRACED,
        (1900, 1915),
    ),
    DemoStreet(
        "Jan Pieterszoon Coenstraat",
        (52.09200, 5.10310),
        (52.09010, 5.09920),
        44,
        ("EH", "EJ"),
        DwellingType.TERRACED,
        (1905, 1920),
    ),
    DemoStreet(
        "Bankastraat",
        (52.09140, 5.10350),
        (52.08950, 5.09960),
        36,
        ("EK", "EL"),
        DwellingType.TERRACED,
        (1905, 1930),
    ),
    DemoStreet(
        "Javastraat",
        (52.09330, 5.10030),
        (52.09040, 5.10180),
        34,
        ("GA", "GB"),
        DwellingType.TERRACED,
        (1910, 1925),
    ),
    DemoStreet(
        "Sumatrastraat",
        (52.09290, 5.09940),
        (52.09000, 5.10090),
        34,
        ("GC", "GD"),
        DwellingType.TERRACED,
        (1910, 1925),
    ),
    DemoStreet(
        "Celebesstraat",
        (52.09250, 5.09860),
        (52.08990, 5.09990),
        28,
        ("GE", "GG"),
        DwellingType.END_TERRACE,
        (1915, 1935),
    ),
    DemoStreet(
        "Billitonkade",
        (52.09380, 5.09760),
        (52.08930, 5.09990),
        30,
        ("GH", "GJ"),
        DwellingType.APARTMENT,
        (1968, 1974),
        4,
    ),
    DemoStreet(
        "Amboinastraat",
        (52.09180, 5.09780),
        (52.09000, 5.09860),
        18,
        ("GK",),
        DwellingType.SEMI_DETACHED,
        (1992, 2004),
    ),
    DemoStreet(
        "Molukkenstraat",
        (52.09120, 5.10120),
        (52.08990, 5.10180),
        16,
        ("GL",),
        DwellingType.GROUND_FLOOR_FLAT,
        (1976, 1988),
        2,
    ),
)
