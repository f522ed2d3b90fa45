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
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eteams.models import FinancingOption, Measure, PriceBook
from eteams.models.enums import FinancingKind
from eteams.services import audit

DATA = Path(__file__).resolve().parent.parent / "data"
CATALOGUE_JSON = DATA / "catalogue.json"


def _decimal(value: str) -> Decimal | None:
    try:
        return Decimal(value) if value.strip() else None
    except InvalidOperation:
        return None


@cache
def data() -> dict[str, Any]:
    """The advice catalogue as shipped (eteams/data/catalogue.json), with its sources."""
    return json.loads(CATALOGUE_JSON.read_text(encoding="utf-8"))


def canonical_key(key: str) -> str:
    """The measure a key means now: a key of the catalogue's earlier variant rows
    ("cavity_wall_terraced", "solar_pv_8") maps to its measure ("cavity_wall", "solar_pv"),
    so a tablet that still has the old form loses nothing the household said."""
    return data()["aliases"].get(key, key)


def source(key: str, entry: dict[str, Any] | None = None) -> dict[str, Any]:
    """A source by its key: the measure's own (an admin's new source), else the catalogue's."""
    own = (entry or {}).get("sources", {})
    return own[key] if key in own else data()["sources"][key]


def _number(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def seed_measures(session: Session, path: Path = CATALOGUE_JSON) -> int:
    """Insert or update every measure of the catalogue by its key; the earlier variant rows
    (aliases) stay for the visits that named them, inactive."""
    catalogue = json.loads(path.read_text(encoding="utf-8"))
    existing = {m.key: m for m in session.scalars(select(Measure))}
    for entry in catalogue["measures"]:
        measure = existing.get(entry["key"]) or Measure(key=entry["key"])
        first = entry["variants"][0]
        cited = catalogue["sources"][first["source"]]
        _fill(measure, entry, category=entry["group"], small=False, cited=cited)
        measure.invest_min_eur, measure.invest_max_eur = _invest_span(entry["variants"])
        measure.figures = entry
        session.add(measure)
    for entry in catalogue["small"]:
        measure = existing.get(entry["key"]) or Measure(key=entry["key"])
        cited = catalogue["sources"].get(entry.get("source", ""), {"text": "", "year": None})
        _fill(measure, entry, category="small", small=True, cited=cited)
        measure.invest_min_eur = _number(entry.get("invest_min_eur"))
        measure.invest_max_eur = _number(entry.get("invest_max_eur"))
        measure.gas_m3_saved_per_year = _number(entry.get("gas_m3"))
        measure.figures = entry
        session.add(measure)
    for key in catalogue["aliases"]:
        if key in existing:
            existing[key].active = False
    session.flush()
    return len(catalogue["measures"]) + len(catalogue["small"])


def variant_investment(variant: dict[str, Any]) -> tuple[Decimal | None, Decimal | None]:
    """A variant's investment, lowest and highest: a price per m² (floor insulation, € 30–40)
    times the area the variant assumes, or its amounts as they stand."""
    per_m2, area = variant.get("invest_eur_per_m2"), variant.get("area_m2")
    if per_m2 and area:
        return _number(per_m2["min"] * area), _number(per_m2["max"] * area)
    return _number(variant.get("invest_min_eur")), _number(variant.get("invest_max_eur"))


def _invest_span(variants: list[dict[str, Any]]) -> tuple[Decimal | None, Decimal | None]:
    """The lowest and highest investment over the variants: what the list shows."""
    spans = [variant_investment(v) for v in variants]
    lows = [low for low, _high in spans if low]
    highs = [high for _low, high in spans if high]
    return (min(lows) if lows else None), (max(highs) if highs else None)


def _fill(measure: Measure, entry: dict[str, Any], *, category: str, small: bool,
          cited: dict[str, Any]) -> None:  # fmt: skip
    measure.name_nl, measure.name_en = entry["name_nl"], entry["name_en"]
    measure.category, measure.is_small, measure.active = category, small, True
    measure.unit = "per woning" if not small else ""
    measure.lifetime_years = entry.get("lifetime_years")
    measure.source = cited["text"] + (f" ({cited['url']})" if cited.get("url") else "")
    measure.source_year = cited.get("year")


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
            export_eur_per_kwh=_decimal(row.get("export_eur_per_kwh") or ""),
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
    from eteams.services import sroi

    return {
        "measures": seed_measures(session),
        "financing options": seed_financing(session),
        "price books": seed_price_books(session),
        "social-return rule tables": sroi.seed(session),
    }


def active_measures(session: Session) -> list[Measure]:
    """In the order of the advice's steps (insulation, ventilation, heating, solar), then by
    name: the coach's form lists them as the letter will (issue 15, ninth review)."""
    measures = session.scalars(select(Measure).where(Measure.active)).all()
    return sorted(measures, key=lambda m: (_step(m), m.category, m.name_nl.casefold()))


def _step(measure: Measure) -> int:
    step = (measure.figures or {}).get("step") if isinstance(measure.figures, dict) else None
    return step if isinstance(step, int) else 99


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
    figures = values.get("figures")
    if isinstance(figures, dict) and "variants" not in figures:  # a small measure
        measure.gas_m3_saved_per_year = _number(figures.get("gas_m3"))  # the impact report's
        measure.invest_min_eur = _number(figures.get("invest_min_eur"))
        measure.invest_max_eur = _number(figures.get("invest_max_eur"))
    if isinstance(figures, dict) and figures.get("variants"):  # the list shows what letters use
        measure.invest_min_eur, measure.invest_max_eur = _invest_span(figures["variants"])
        measure.lifetime_years = figures.get("lifetime_years")
    session.flush()
    audit.record(session, "measure_saved", actor_id=actor_id, obj=measure)
    return measure


# What a price may be, so a slip ("120" for € 1.20, cents for euros) is refused, not printed
# in every letter: far above any Dutch consumer price so far (gas peaked near € 3 in 2022).
PRICE_LIMITS = {
    "gas_eur_per_m3": (Decimal("0.30"), Decimal(10)),
    "electricity_eur_per_kwh": (Decimal("0.05"), Decimal(5)),
    "export_eur_per_kwh": (Decimal(0), Decimal(5)),
    "co2_kg_per_m3_gas": (Decimal(0), Decimal(5)),
    "co2_kg_per_kwh": (Decimal(0), Decimal(2)),
}
# Every letter's € needs gas and electricity; solar's needs the export value (0 is a value).
NEEDED_PRICES = ("gas_eur_per_m3", "electricity_eur_per_kwh", "export_eur_per_kwh")


def add_price_book(
    session: Session, values: dict[str, object], *, actor_id: int | None, correct: bool = False
) -> PriceBook:
    """A new dated price book. Letters keep the figures they were made with (their snapshot),
    so a book may be corrected (``correct``: same date, a mistake) and the audit log keeps what
    it said before. Audited here."""
    from flask_babel import lazy_gettext as _l

    from eteams.services.errors import ValidationError

    problems: dict[str, list[str]] = {}
    for name, (low, high) in PRICE_LIMITS.items():
        value = values.get(name)
        if value is None:
            if name in NEEDED_PRICES:
                problems[name] = [str(_l("Enter this price: letters need it for their euros."))]
            continue
        if not low <= Decimal(str(value)) <= high:
            from flask_babel import format_decimal

            shown = {"low": format_decimal(low, "#,##0.00##"),
                     "high": format_decimal(high, "#,##0.00##")}  # fmt: skip
            message = (_l("Enter a value from %(low)s to %(high)s kg.", **shown)
                       if name.startswith("co2_") else
                       _l("Enter a value from %(low)s to %(high)s (in euros, not cents).",
                          **shown))  # fmt: skip
            problems[name] = [str(message)]
    export, electricity = values.get("export_eur_per_kwh"), values.get("electricity_eur_per_kwh")
    if (
        export is not None
        and electricity is not None
        and "electricity_eur_per_kwh" not in problems
        and Decimal(str(export)) > Decimal(str(electricity))
    ):
        message = _l("Power sent back earns less than power bought: at most the electricity price.")
        problems["export_eur_per_kwh"] = [str(message)]
    gas = values.get("gas_eur_per_m3")
    if (
        gas is not None
        and electricity is not None
        and not {"gas_eur_per_m3", "electricity_eur_per_kwh"} & set(problems)
        and Decimal(str(gas)) <= Decimal(str(electricity))
    ):  # a m³ of gas holds about 9.8 kWh: it has always cost more than a kWh of electricity
        message = _l("A m³ of gas costs more than a kWh of electricity: are the two swapped?")
        problems["gas_eur_per_m3"] = [str(message)]
    existing = session.scalar(select(PriceBook).where(PriceBook.valid_from == values["valid_from"]))
    if existing is not None and not correct:
        message = _l("There is already a price book from this date. To fix a mistake in it, tick "
                     "\"Correct the book from this date\".")  # fmt: skip
        problems["valid_from"] = [str(message)]
    if existing is None and correct:
        problems["valid_from"] = [str(_l("There is no price book from this date to correct."))]
    if problems:
        raise ValidationError(problems)
    if existing is not None:
        before = {name: str(getattr(existing, name)) for name in (*PRICE_LIMITS, "source")}
        for name, value in values.items():
            setattr(existing, name, value)
        session.flush()
        audit.record(session, "price_book_corrected", actor_id=actor_id, obj=existing,
                     before=before)  # fmt: skip
        return existing
    book = PriceBook(**values)
    session.add(book)
    session.flush()
    audit.record(session, "price_book_added", actor_id=actor_id, obj=book)
    return book


def remove_price_book(session: Session, book: PriceBook, *, actor_id: int | None) -> None:
    """Take out a book added by mistake (a wrong date: it cannot be corrected to another
    date, the correction is by date). Letters sent keep their figures (their snapshot); letters
    not yet sent are made again with the book then in force. The last book stays: letters need
    prices. Audited here, with what the book said."""
    from flask_babel import lazy_gettext as _l

    from eteams.services.errors import ValidationError

    if session.scalar(select(func.count(PriceBook.id))) <= 1:
        message = _l("This is the only price book: letters need prices. Add the right one "
                     "first, then remove this one.")  # fmt: skip
        raise ValidationError({"price_book": [str(message)]})
    before = {name: str(getattr(book, name)) for name in ("valid_from", *PRICE_LIMITS, "source")}
    audit.record(session, "price_book_removed", actor_id=actor_id, obj=book, before=before)
    session.delete(book)
    session.flush()


def save_financing(
    session: Session, option: FinancingOption, values: dict[str, object], *, actor_id: int | None
) -> FinancingOption:
    """An edited financing option; audited here."""
    for name, value in values.items():
        setattr(option, name, value)
    session.flush()
    audit.record(session, "financing_saved", actor_id=actor_id, obj=option)
    return option
