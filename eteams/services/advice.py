"""The advice for one household: which measures fit, what they cost and save, how to pay.

Plain data in, plain data out: the letter renders an ``Advice`` and stores its snapshot, so a
letter can be made again later with exactly the same figures even after prices change.
A figure that is missing in the catalogue or price book stays missing (None): a letter never
shows an invented number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from eteams.models import FinancingOption, Measure, Visit
from eteams.models.enums import ConsentKind, Interest, Tenure
from eteams.services import catalogue, clock

ASKED = (Interest.INTERESTED, Interest.MAYBE)
INSULATION = {"cavity_wall", "roof", "floor", "ground", "hr_glass"}
PARTNERS_OF_INSULATION = {"heat_pump"}  # insulation + a heat pump also doubles ISDE


@dataclass(frozen=True)
class PriceFigures:
    valid_from: str
    gas_eur_per_m3: Decimal | None
    electricity_eur_per_kwh: Decimal | None
    co2_kg_per_m3_gas: Decimal | None
    co2_kg_per_kwh: Decimal | None
    source: str


@dataclass(frozen=True)
class MeasureAdvice:
    key: str
    name_nl: str
    name_en: str
    asked: str | None  # "interested" / "maybe", or None when suggested because it fits
    unit: str
    invest_min_eur: Decimal | None
    invest_max_eur: Decimal | None
    gas_m3_per_year: Decimal | None
    kwh_per_year: Decimal | None
    eur_per_year: Decimal | None
    co2_kg_per_year: Decimal | None
    payback_years: Decimal | None
    subsidy_eur: Decimal | None
    subsidy_eur_per_m2: Decimal | None
    lifetime_years: int | None
    source_year: int | None


@dataclass(frozen=True)
class FinancingAdvice:
    key: str
    kind: str
    name_nl: str
    name_en: str
    description_nl: str
    description_en: str
    source_year: int | None


@dataclass(frozen=True)
class Advice:
    tenant: bool
    landlord: str | None
    prices: PriceFigures | None
    measures: list[MeasureAdvice]
    small_installed: list[dict[str, Any]]
    financing: list[FinancingAdvice]
    two_measure_rule: bool
    household_gas_m3: int | None
    household_kwh: int | None
    household_eur_per_year: Decimal | None
    isde_source_year: int | None = None
    notes: list[str] = field(default_factory=list)


def _euros(value: Decimal) -> Decimal:
    """Whole units (euros, kg): a letter shows indicative figures, not false precision."""
    return value.quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def worth(
    gas_m3: Decimal | None, kwh: Decimal | None, per_m3: Decimal | None, per_kwh: Decimal | None
) -> Decimal | None:
    """Gas and electricity valued at a price (or emission factor). Nothing to value → None;
    a quantity whose price is missing makes the whole value unknown."""
    if gas_m3 is None and kwh is None:
        return None
    parts = [(gas_m3, per_m3), (kwh, per_kwh)]
    if any(amount is not None and factor is None for amount, factor in parts):
        return None
    return sum((amount * factor for amount, factor in parts if amount is not None), Decimal(0))


def _dwelling(visit: Visit) -> dict[str, str | None]:
    address = visit.address
    year_class = (
        visit.building_year_class.value
        if visit.building_year_class
        else _year_class(address.building_year)
    )
    dwelling_type = visit.dwelling_type or address.dwelling_type
    return {
        "dwelling_type": dwelling_type.value if dwelling_type else None,
        "building_year_class": year_class,
        "heating": visit.heating.value if visit.heating else None,
    }


def _year_class(year: int | None) -> str | None:
    if year is None:
        return None
    for limit, name in ((1945, "before_1945"), (1965, "1945_1964"), (1975, "1965_1974"),
                        (1992, "1975_1991"), (2006, "1992_2005")):  # fmt: skip
        if year < limit:
            return name
    return "2006_later"


def fits(measure: Measure, dwelling: dict[str, str | None]) -> bool:
    """A measure fits unless a known fact of the dwelling rules it out."""
    checks = (
        (measure.suits_dwelling_types, dwelling["dwelling_type"]),
        (measure.suits_building_year_classes, dwelling["building_year_class"]),
        (measure.suits_heating, dwelling["heating"]),
    )
    return all(not allowed or (fact is not None and fact in allowed) for allowed, fact in checks)


def advise(session: Session, visit: Visit, day: dt.date | None = None) -> Advice:
    day = day or clock.local_day(visit.visited_at)
    book = catalogue.price_book_on(session, day)
    prices = None if book is None else PriceFigures(
        book.valid_from.isoformat(), book.gas_eur_per_m3, book.electricity_eur_per_kwh,
        book.co2_kg_per_m3_gas, book.co2_kg_per_kwh, book.source,
    )  # fmt: skip
    tenure = visit.tenure or visit.address.tenure
    tenant = tenure in (Tenure.SOCIAL_RENT, Tenure.PRIVATE_RENT)
    chosen = _chosen_measures(session, visit)
    isde = session.scalar(
        select(FinancingOption).where(FinancingOption.key == "isde", FinancingOption.active)
    )
    groups = isde.rules.get("measure_groups", {}) if isde else {}
    kinds = {groups.get(m.key) for m, _asked in chosen}
    doubled = bool(kinds & INSULATION) and (
        len(kinds & INSULATION) >= 2 or bool(kinds & PARTNERS_OF_INSULATION)
    )
    dwelling = _dwelling(visit)
    measures = [
        _measure_advice(
            m, asked, prices, None if tenant else isde, doubled, dwelling["dwelling_type"]
        )
        for m, asked in chosen
    ]
    measures.sort(key=_rank)
    gas, kwh = visit.gas_m3_per_year, visit.kwh_per_year
    household_eur = None
    if prices is not None:
        household_eur = worth(
            Decimal(gas) if gas is not None else None,
            Decimal(kwh) if kwh is not None else None,
            prices.gas_eur_per_m3,
            prices.electricity_eur_per_kwh,
        )
    return Advice(
        tenant=tenant,
        landlord=visit.landlord,
        prices=prices,
        measures=measures,
        small_installed=_small_installed(session, visit),
        financing=[] if tenant else _financing(session, visit, dwelling["dwelling_type"]),
        two_measure_rule=doubled and not tenant,
        household_gas_m3=gas,
        household_kwh=kwh,
        household_eur_per_year=_euros(household_eur) if household_eur is not None else None,
        isde_source_year=isde.source_year if isde else None,
    )


def _chosen_measures(session: Session, visit: Visit) -> list[tuple[Measure, str | None]]:
    """What the household asked about, plus what fits the dwelling and they did not refuse."""
    levels = {i.measure_key: i.level for i in visit.interests}
    dwelling = _dwelling(visit)
    chosen = []
    for measure in session.scalars(select(Measure).where(Measure.active, ~Measure.is_small)):
        level = levels.get(measure.key)
        if level in ASKED:
            chosen.append((measure, level.value))
        elif level is None and catalogue.proposed_unasked(measure) and fits(measure, dwelling):
            chosen.append((measure, None))
    return chosen


def _measure_advice(
    m: Measure, asked: str | None, prices: PriceFigures | None, isde: FinancingOption | None,
    doubled: bool, dwelling_type: str | None,
) -> MeasureAdvice:  # fmt: skip
    eur = co2 = None
    if prices is not None:
        gas, kwh = m.gas_m3_saved_per_year, m.kwh_saved_per_year
        eur = worth(gas, kwh, prices.gas_eur_per_m3, prices.electricity_eur_per_kwh)
        co2 = worth(gas, kwh, prices.co2_kg_per_m3_gas, prices.co2_kg_per_kwh)
    invest = _mean(m.invest_min_eur, m.invest_max_eur)
    payback = (invest / eur).quantize(Decimal("0.1")) if invest and eur and eur > 0 else None
    subsidy, per_m2 = _isde(m.key, isde, doubled, dwelling_type)
    return MeasureAdvice(
        key=m.key, name_nl=m.name_nl, name_en=m.name_en, asked=asked, unit=m.unit,
        invest_min_eur=m.invest_min_eur, invest_max_eur=m.invest_max_eur,
        gas_m3_per_year=m.gas_m3_saved_per_year, kwh_per_year=m.kwh_saved_per_year,
        eur_per_year=_euros(eur) if eur is not None else None,
        co2_kg_per_year=_euros(co2) if co2 is not None else None,
        payback_years=payback, subsidy_eur=subsidy, subsidy_eur_per_m2=per_m2,
        lifetime_years=m.lifetime_years, source_year=m.source_year,
    )  # fmt: skip


def _mean(low: Decimal | None, high: Decimal | None) -> Decimal | None:
    known = [v for v in (low, high) if v is not None]
    return sum(known, Decimal(0)) / len(known) if known else None


def _isde(
    key: str, isde: FinancingOption | None, doubled: bool, dwelling_type: str | None
) -> tuple[Decimal | None, Decimal | None]:
    """ISDE for an owner: an amount where the area is known, else the rate per m²."""
    if isde is None:
        return None, None
    rules = isde.rules
    group = rules.get("measure_groups", {}).get(key)
    if group in INSULATION:
        rate = Decimal(str(rules["insulation_eur_per_m2"][group])) * (
            2 if doubled and rules.get("insulation_doubles_with_two_measures") else 1
        )
        area = rules.get("assumed_m2", {}).get(group)
        if isinstance(area, dict):  # by dwelling type (walls) or by measure (glass)
            area = area.get(dwelling_type or "") or area.get(key)
        return (_euros(rate * Decimal(area)) if area else None), rate
    if group == "heat_pump" and key == "hybrid_heat_pump":
        example = rules.get("heat_pump_air_water", {}).get("example_hybrid_4kw_eur")
        return (Decimal(example) if example is not None else None), None
    return None, None


def _rank(advice: MeasureAdvice) -> tuple[int, Decimal, str]:
    """Best value first: yearly saving per euro invested; unknown figures last."""
    invest = _mean(advice.invest_min_eur, advice.invest_max_eur)
    if advice.eur_per_year is None or not invest:
        return (1, Decimal(0), advice.key)
    return (0, -(advice.eur_per_year / invest), advice.key)


def _small_installed(session: Session, visit: Visit) -> list[dict[str, Any]]:
    keys = [s.measure_key for s in visit.small_measures]
    names = {m.key: m for m in session.scalars(select(Measure).where(Measure.key.in_(keys)))}
    return [
        {
            "key": s.measure_key,
            "name_nl": names[s.measure_key].name_nl,
            "name_en": names[s.measure_key].name_en,
            "quantity": s.quantity,
        }
        for s in visit.small_measures
        if s.measure_key in names
    ]


def _financing(session: Session, visit: Visit, dwelling_type: str | None) -> list[FinancingAdvice]:
    municipality = visit.address.campaign.municipality
    found = []
    for option in session.scalars(
        select(FinancingOption).where(FinancingOption.active).order_by(FinancingOption.key)
    ):
        rules = option.rules or {}
        if option.key == "isde":
            continue  # shown per measure
        if rules.get("municipality") and rules["municipality"] != municipality:
            continue
        if rules.get("dwelling_types") and dwelling_type not in rules["dwelling_types"]:
            continue
        found.append(
            FinancingAdvice(
                option.key,
                option.kind.value,
                option.name_nl,
                option.name_en,
                option.description_nl,
                option.description_en,
                option.source_year,
            )  # fmt: skip
        )
    return found


def has_letter_consent(visit: Visit) -> bool:
    return any(c.kind is ConsentKind.ADVICE_LETTER and c.given for c in visit.consents)


def snapshot(advice: Advice) -> dict[str, Any]:
    """JSON-ready copy of every figure, for the letter's register."""
    return _jsonable(asdict(advice))


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value
