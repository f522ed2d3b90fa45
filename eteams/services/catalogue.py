"""The catalogue: measures, financing options and dated price books, seeded from the
sourced reference figures in eteams/data (copied from shared/reference, with their sources).

Missing figures stay missing (NULL): nothing is invented.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from eteams.models import FinancingOption, Measure, PriceBook
from eteams.models.enums import FinancingKind
from eteams.services import audit

DATA = Path(__file__).resolve().parent.parent / "data"
MEASURES_CSV = DATA / "measures_nl.csv"
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
    suits = suitability()
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
        rule = suits.get(row["key"], {})
        measure.suits_dwelling_types = rule.get("dwelling_types", [])
        measure.suits_building_year_classes = rule.get("building_year_classes", [])
        measure.suits_heating = rule.get("heating", [])
        session.add(measure)
    session.flush()
    return len(rows)


@cache
def suitability() -> dict[str, dict[str, list[str]]]:
    rules = json.loads((DATA / "suitability.json").read_text(encoding="utf-8"))
    return {key: rule for key, rule in rules.items() if not key.startswith("_")}


def proposed_unasked(measure: Measure) -> bool:
    """Only measures the suitability file names are proposed to a household that did not
    ask; any other measure appears in a letter only when the household showed interest."""
    return measure.key in suitability()


def seed_financing(session: Session) -> int:
    data = json.loads((DATA / "financing_options.json").read_text(encoding="utf-8"))
    existing = {f.key: f for f in session.scalars(select(FinancingOption))}
    for item in data["options"]:
        option = existing.get(item["key"]) or FinancingOption(key=item["key"])
        option.kind = FinancingKind(item["kind"])
        for name in ("name_nl", "name_en", "description_nl", "description_en", "rules",
                     "source", "source_year"):  # fmt: skip
            setattr(option, name, item[name])
        option.active = True
        session.add(option)
    session.flush()
    return len(data["options"])


def seed_price_books(session: Session) -> int:
    """Price books are dated: a new row for a new date, an existing date is never changed
    (letters made with it must stay reproducible)."""
    known = set(session.scalars(select(PriceBook.valid_from)))
    with (DATA / "price_books.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        valid_from = dt.date.fromisoformat(row["valid_from"])
        if valid_from in known:
            continue
        session.add(PriceBook(
            valid_from=valid_from,
            gas_eur_per_m3=_decimal(row["gas_eur_per_m3"]),
            electricity_eur_per_kwh=_decimal(row["electricity_eur_per_kwh"]),
            co2_kg_per_m3_gas=_decimal(row["co2_kg_per_m3_gas"]),
            co2_kg_per_kwh=_decimal(row["co2_kg_per_kwh"]),
            source=row["source"],
        ))  # fmt: skip
    session.flush()
    return len(rows)


def price_book_on(session: Session, day: dt.date) -> PriceBook | None:
    """The price book in force on ``day``: the latest that starts on or before it."""
    stmt = (
        select(PriceBook).where(PriceBook.valid_from <= day).order_by(PriceBook.valid_from.desc())
    )
    return session.scalar(stmt.limit(1))


def seed_all(session: Session) -> dict[str, int]:
    return {
        "measures": seed_measures(session),
        "financing options": seed_financing(session),
        "price books": seed_price_books(session),
    }


def active_measures(session: Session) -> list[Measure]:
    return list(
        session.scalars(
            select(Measure).where(Measure.active).order_by(Measure.category, Measure.name_nl)
        )
    )


def save_measure(
    session: Session, measure: Measure, values: dict[str, object], *, actor_id: int | None
) -> Measure:
    """An edited measure; an empty figure means "not found" and stays empty. Audited here."""
    from flask_babel import lazy_gettext as _l

    from eteams.services.errors import ValidationError

    low, high = values.get("invest_min_eur"), values.get("invest_max_eur")
    problems: dict[str, list[str]] = {}
    if low is not None and high is not None and high < low:
        problems["invest_max_eur"] = [str(_l("The highest investment cannot be below the lowest."))]
    if not str(values.get("name_nl") or "").strip() or not str(values.get("name_en") or "").strip():
        problems["name_nl"] = [str(_l("A measure needs a Dutch and an English name."))]
    if problems:
        raise ValidationError(problems)
    for name, value in values.items():
        setattr(measure, name, value)
    session.flush()
    audit.record(session, "measure_saved", actor_id=actor_id, obj=measure)
    return measure


def add_price_book(
    session: Session, values: dict[str, object], *, actor_id: int | None
) -> PriceBook:
    """A new dated price book. Existing ones are never changed: letters were made with them.
    Audited here."""
    from flask_babel import lazy_gettext as _l

    from eteams.services.errors import ValidationError

    if session.scalar(select(PriceBook.id).where(PriceBook.valid_from == values["valid_from"])):
        raise ValidationError(
            {"valid_from": [str(_l("There is already a price book from this date."))]}
        )
    book = PriceBook(**values)
    session.add(book)
    session.flush()
    audit.record(session, "price_book_added", actor_id=actor_id, obj=book)
    return book


def save_financing(
    session: Session, option: FinancingOption, values: dict[str, object], *, actor_id: int | None
) -> FinancingOption:
    """An edited financing option; audited here."""
    for name, value in values.items():
        setattr(option, name, value)
    session.flush()
    audit.record(session, "financing_saved", actor_id=actor_id, obj=option)
    return option
