"""Reading Dutch address fields the way real exports write them.

Each parser takes the raw cell (already stripped) and returns the clean value, or raises
``CellError`` with a message a team lead understands. Values that are address data (not a
household's personal data) may appear in messages: they help the lead find the row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flask_babel import lazy_gettext as _l

from eteams.models.enums import DwellingType, EnergyLabel, Tenure
from eteams.services import clock


class CellError(ValueError):
    pass


POSTCODE = re.compile(r"^([1-9]\d{3})\s*([A-Za-z]{2})$")
# 12 · 12A · 12 A · 12-3 · 12 bis · 12a-2 · 12/II · 12 hs
HOUSE_NUMBER = re.compile(
    r"^(?P<number>\d{1,5})\s*(?P<letter>[A-Za-z](?![A-Za-z]))?\s*[-/\s]?\s*(?P<addition>[A-Za-z0-9]{1,4})?$"
)
NL_LAT = (50.7, 53.6)
NL_LON = (3.3, 7.3)


@lru_cache(maxsize=4096)  # exports repeat the same values row after row
def parse_postcode(raw: str) -> str:
    """'3531ca', '3531 CA ' → '3531 CA'."""
    match = POSTCODE.match(raw.replace("\u00a0", " ").strip())
    if not match:
        raise CellError(_l("'%(value)s' is not a Dutch postcode (like 1234 AB).", value=raw))
    letters = match.group(2).upper()
    if letters in ("SA", "SD", "SS"):
        raise CellError(_l("'%(value)s' is not a Dutch postcode (like 1234 AB).", value=raw))
    return f"{match.group(1)} {letters}"


@dataclass(frozen=True)
class HouseNumber:
    number: int
    letter: str = ""
    addition: str = ""


def parse_house_number(raw: str, letter: str = "", addition: str = "") -> HouseNumber:
    """Split '12A', '12-3', '12 bis' unless letter and addition came in their own columns."""
    match = HOUSE_NUMBER.match(raw.strip())
    if not match or int(match.group("number")) == 0:
        raise CellError(_l("'%(value)s' is not a house number.", value=raw))
    found_letter = (match.group("letter") or "").upper()
    found_addition = (match.group("addition") or "").upper()
    letter = letter.strip().upper() or found_letter
    addition = addition.strip().upper() or found_addition
    if len(letter) > 1 or (letter and not letter.isalpha()):
        raise CellError(_l("The house letter '%(value)s' must be one letter.", value=letter))
    if len(addition) > 4:
        raise CellError(_l("The addition '%(value)s' is longer than 4 characters.", value=addition))
    return HouseNumber(int(match.group("number")), letter, addition)


def parse_coordinate(raw: str, low: float, high: float, name: str) -> float:
    """Decimal degrees, with a comma or a point as the decimal sign."""
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        raise CellError(
            _l("'%(value)s' is not a number (%(name)s).", value=raw, name=name)
        ) from None
    if not low <= value <= high:
        raise CellError(
            _l("%(name)s %(value)s lies outside the Netherlands (lat and lon swapped?).",
               name=name, value=raw)
        )  # fmt: skip
    return value


@lru_cache(maxsize=4096)  # exports repeat the same values row after row
def parse_building_year(raw: str) -> int:
    if not raw.isdigit() or not 1000 <= int(raw) <= clock.today().year + 5:
        raise CellError(_l("'%(value)s' is not a building year.", value=raw))
    return int(raw)


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9+]", "", text.lower())


DWELLING_WORDS = {
    **{_key(t.value): t for t in DwellingType},
    "tussenwoning": DwellingType.TERRACED,
    "rijtjeshuis": DwellingType.TERRACED,
    "rijwoning": DwellingType.TERRACED,
    "hoekwoning": DwellingType.END_TERRACE,
    "eindwoning": DwellingType.END_TERRACE,
    "2onder1kap": DwellingType.SEMI_DETACHED,
    "tweeondereenkap": DwellingType.SEMI_DETACHED,
    "twee1kap": DwellingType.SEMI_DETACHED,
    "vrijstaand": DwellingType.DETACHED,
    "vrijstaandewoning": DwellingType.DETACHED,
    "appartement": DwellingType.APARTMENT,
    "flat": DwellingType.APARTMENT,
    "portiekflat": DwellingType.APARTMENT,
    "galerijflat": DwellingType.APARTMENT,
    "portiekwoning": DwellingType.APARTMENT,
    "galerijwoning": DwellingType.APARTMENT,
    "benedenwoning": DwellingType.GROUND_FLOOR_FLAT,
    "bovenwoning": DwellingType.UPPER_FLOOR_FLAT,
    "maisonnette": DwellingType.UPPER_FLOOR_FLAT,
}

TENURE_WORDS = {
    **{_key(t.value): t for t in Tenure},
    "koop": Tenure.OWNER,
    "koopwoning": Tenure.OWNER,
    "eigenaar": Tenure.OWNER,
    "eigenwoning": Tenure.OWNER,
    "eigenaarbewoner": Tenure.OWNER,
    # A housing-corporation export says "huur": that is social rent.
    "huur": Tenure.SOCIAL_RENT,
    "huurwoning": Tenure.SOCIAL_RENT,
    "socialehuur": Tenure.SOCIAL_RENT,
    "corporatie": Tenure.SOCIAL_RENT,
    "woningcorporatie": Tenure.SOCIAL_RENT,
    "particulierehuur": Tenure.PRIVATE_RENT,
    "vrijesector": Tenure.PRIVATE_RENT,
    "vrijesectorhuur": Tenure.PRIVATE_RENT,
    "onbekend": Tenure.UNKNOWN,
}

LABEL_WORDS = {_key(label.value): label for label in EnergyLabel}


@lru_cache(maxsize=4096)  # exports repeat the same values row after row
def parse_dwelling_type(raw: str) -> DwellingType:
    found = DWELLING_WORDS.get(_key(raw))
    if found is None:
        raise CellError(_l("'%(value)s' is not a dwelling type we know.", value=raw))
    return found


@lru_cache(maxsize=4096)  # exports repeat the same values row after row
def parse_tenure(raw: str) -> Tenure:
    found = TENURE_WORDS.get(_key(raw))
    if found is None:
        raise CellError(_l("'%(value)s' is not owner, social rent or private rent.", value=raw))
    return found


@lru_cache(maxsize=4096)  # exports repeat the same values row after row
def parse_energy_label(raw: str) -> EnergyLabel | None:
    if _key(raw) in ("", "geen", "none", "onbekend", "unknown"):
        return None
    found = LABEL_WORDS.get(_key(raw))
    if found is None:
        raise CellError(_l("'%(value)s' is not an energy label (A++++ to G).", value=raw))
    return found
