"""The catalogue of measures, seeded from the sourced reference figures in eteams/data.

Missing figures stay missing (NULL): nothing is invented. The full catalogue with
financing and price books is the advice-letter work; this seeds what the coach's
conversation form needs.
"""

from __future__ import annotations

import csv
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from eteams.models import Measure

MEASURES_CSV = Path(__file__).resolve().parent.parent / "data" / "measures_nl.csv"
SMALL = {"draught_proofing", "radiator_foil", "led_household", "led_lamp_40w",
         "water_saving_showerhead"}  # fmt: skip
CATEGORIES = (
    ("cavity_wall", "insulation"), ("roof", "insulation"), ("floor", "insulation"),
    ("ground", "insulation"), ("glass", "glazing"), ("heat_pump", "heating"),
    ("solar_pv", "solar"), ("solar_water", "solar"), ("thermostat", "heating"),
    ("ventilation", "ventilation"),
)  # fmt: skip


def _decimal(value: str) -> Decimal | None:
    try:
        return Decimal(value) if value.strip() else None
    except InvalidOperation:
        return None


def _category(key: str) -> str:
    if key in SMALL:
        return "small"
    return next((category for part, category in CATEGORIES if part in key), "other")


def seed_measures(session: Session, path: Path = MEASURES_CSV) -> int:
    """Insert or update every measure of the reference file by its key."""
    existing = {m.key: m for m in session.scalars(select(Measure))}
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        measure = existing.get(row["key"]) or Measure(key=row["key"])
        measure.name_nl = row["name_nl"]
        measure.name_en = row["name_en"]
        measure.category = _category(row["key"])
        measure.is_small = row["key"] in SMALL
        measure.unit = row["unit"]
        measure.invest_min_eur = _decimal(row["invest_min_eur"])
        measure.invest_max_eur = _decimal(row["invest_max_eur"])
        measure.gas_m3_saved_per_year = _decimal(row["gas_m3_saved_per_year"])
        measure.kwh_saved_per_year = _decimal(row["kwh_saved_per_year"])
        lifetime = _decimal(row["lifetime_years"])
        measure.lifetime_years = int(lifetime) if lifetime else None
        measure.source = row["source"]
        measure.source_year = int(row["year"]) if row["year"].strip().isdigit() else None
        session.add(measure)
    session.flush()
    return len(rows)


def active_measures(session: Session) -> list[Measure]:
    return list(
        session.scalars(
            select(Measure).where(Measure.active).order_by(Measure.category, Measure.name_nl)
        )
    )
