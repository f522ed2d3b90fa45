"""The advice for one household: a short personal *maatwerkadvies*.

What fits this house (checked for every measure, asked about or not), in a sensible order
(insulation, then ventilation, then a (hybrid) heat pump, then solar), with savings scaled to
the household's own use and combined (each step saves on what the steps before left, so the
package never saves more than the household uses), the investment, ISDE once and doubled with
its condition, and the payback before and after the subsidy. Owners, tenants (the landlord
decides the big measures) and apartment owners (the owners' association, VvE, decides the
building's shell) each get their own route.

Every figure comes from the catalogue (eteams/data/catalogue.json, each with its source) or
the dated price book; where a figure was not found it stays None and the letter says what to
do instead. Plain data in, plain data out: the letter stores a snapshot, so it can be made
again later with exactly the same figures.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict, dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eteams.models import Address, FinancingOption, Measure, Visit
from eteams.models.enums import (
    ConsentKind,
    DwellingType,
    EnergyLabel,
    Glazing,
    Heating,
    Interest,
    Tenure,
)
from eteams.services import catalogue, catalogue_schema, clock

ASKED = (Interest.INTERESTED, Interest.MAYBE)
FLATS = {DwellingType.APARTMENT, DwellingType.GROUND_FLOOR_FLAT, DwellingType.UPPER_FLOOR_FLAT}
NO_GAS_HEATING = {Heating.HEAT_PUMP, Heating.DISTRICT_HEATING, Heating.OTHER}
GROUND_BOUND = {DwellingType.TERRACED, DwellingType.END_TERRACE, DwellingType.SEMI_DETACHED,
                DwellingType.DETACHED}  # fmt: skip
WELL_INSULATED_LABELS = {EnergyLabel.A4, EnergyLabel.A3, EnergyLabel.A2, EnergyLabel.A1,
                         EnergyLabel.A, EnergyLabel.B}  # fmt: skip
YEAR_CLASSES = {"before_1945": (None, 1944), "1945_1964": (1945, 1964),
                "1965_1974": (1965, 1974), "1975_1991": (1975, 1991),
                "1992_2005": (1992, 2005), "2006_later": (2006, None)}  # fmt: skip
# A boiler lasts about 15 years (Milieu Centraal); from 12 years on its replacement is near,
# the natural moment to choose a (hybrid) heat pump instead.
BOILER_NATURAL_MOMENT_YEARS = 12
# When the use a household gave lies below a quarter or above three times the CBS average for
# its type of home, the letter asks them to check their bill (a typo, a shared meter, a year
# with a empty house): the advice keeps their figure, it is theirs (product rule, not CBS's).
UNUSUAL_BELOW, UNUSUAL_ABOVE = Decimal("0.25"), Decimal(3)
# The parts of a home that an apartment shares with its building: with the dwelling type not
# known, the letter's figures are a terraced house's (the first variant) and it says so.
SHELL_OR_ROOF = ("cavity_wall", "roof", "floor", "solar_pv")
BASIS_CAP = Decimal(2)  # savings are worked out on at most twice a typical home's gas use
VVE_LOAN_MIN_UNITS = 8  # warmtefonds.nl/vve: the VvE Energiebespaarlening, from 8 apartments
# What a broken figure raises while a measure is worked out.
UNUSABLE = (KeyError, TypeError, ValueError, ArithmeticError, StopIteration, IndexError,
            AttributeError)  # fmt: skip
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PriceFigures:
    valid_from: str
    gas_eur_per_m3: Decimal | None
    electricity_eur_per_kwh: Decimal | None
    export_eur_per_kwh: Decimal | None
    co2_kg_per_m3_gas: Decimal | None
    co2_kg_per_kwh: Decimal | None
    source: str


@dataclass(frozen=True)
class MeasureAdvice:
    key: str
    name_nl: str
    name_en: str
    step: int  # 1 insulation, 2 ventilation, 3 heating, 4 solar
    route: str  # "own", "vve" (the owners' association decides) or "landlord"
    asked: str | None  # "interested" / "maybe", or None when proposed because it fits
    check_first: list[str]  # what a specialist checks first (codes, worded by the letter)
    invest_min_eur: Decimal | None
    invest_max_eur: Decimal | None
    gas_m3_per_year: Decimal | None  # saved, on what the steps before left
    kwh_per_year: Decimal | None  # saved from the grid; negative: uses more
    eur_per_year: Decimal | None
    co2_kg_per_year: Decimal | None
    isde_eur: Decimal | None  # for this measure alone
    isde_doubled_eur: Decimal | None  # with a second measure within 24 months
    isde_eur_per_m2: Decimal | None  # where the area is not known
    isde_condition: str | None  # "second_measure", "with_insulation", "a_plus_plus_plus"
    payback_years: Decimal | None  # before subsidy
    payback_after_isde_years: Decimal | None
    panels: int | None
    kwh_made: Decimal | None  # solar: what the panels make a year
    kwh_exported: Decimal | None
    area_m2: int | None  # assumed area behind an ISDE amount
    lifetime_years: int | None
    source: str
    source_year: int | None
    # Solar: "more" or "less" when the panels could not match the use (4 to 12 panels), and
    # the count whose price per panel was used when the source has no price for this many.
    panels_versus_use: str | None = None
    panel_price_of: int | None = None
    # The figures the letter's sentences quote, as the catalogue held them (an admin may edit).
    share_percent: int | None = None  # the share of the gas use this measure saves
    self_use_percent: int | None = None  # solar: the share of its power used at home
    self_use_cited: str | None = None  # who says so, and when ("Milieu Centraal 2026")
    priced_counts: tuple[int, ...] = ()  # solar: the numbers of panels the source prices
    # An investment priced per m² (floor insulation): the price range, its source's year, and
    # the area assumed for a home like this one; the letter says so beside the total.
    invest_eur_per_m2: tuple[Decimal, Decimal] | None = None
    invest_per_m2_year: int | None = None
    invest_area_m2: int | None = None


@dataclass(frozen=True)
class NotSuitable:
    key: str
    name_nl: str
    name_en: str
    reason: str


@dataclass(frozen=True)
class Package:
    gas_m3_per_year: Decimal | None
    kwh_per_year: Decimal | None
    eur_per_year: Decimal | None
    co2_kg_per_year: Decimal | None
    invest_min_eur: Decimal | None
    invest_max_eur: Decimal | None
    isde_eur: Decimal | None
    # What the totals leave out, so the letter can say so: column → measure keys ("invest",
    # "eur", "isde_per_m2"; "vve": the VvE's steps; "alternative": a heat pump beside a hybrid).
    left_out: dict[str, list[str]] = field(default_factory=dict)
    # True: the package meets ISDE's two-measure rule itself (two insulation measures, or one
    # and a heat pump), so its ISDE total counts the insulation amounts doubled.
    isde_doubled: bool = False


@dataclass(frozen=True)
class Tip:
    key: str
    name_nl: str
    name_en: str
    gas_m3_per_year: Decimal | None
    eur_per_year: Decimal | None
    invest_min_eur: Decimal | None
    invest_max_eur: Decimal | None
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
    route: str = "own"  # "own", "apartment" (VvE for the shell) or "tenant"
    gas_basis_m3: int | None = None  # the use the savings were scaled to
    gas_basis_assumed: bool = False  # True: a typical use, the household's was not known
    kwh_basis: int | None = None
    kwh_basis_assumed: bool = False
    package: Package | None = None
    not_suitable: list[NotSuitable] = field(default_factory=list)
    tips: list[Tip] = field(default_factory=list)
    boiler_age_years: int | None = None  # set when the boiler's replacement is near
    building_units: int | None = None  # addresses at this number in the campaign (apartments)
    letter_day: str | None = None
    # The CBS average for such a home, set only when the household's own use is far from it.
    typical_gas_m3: int | None = None
    typical_kwh: int | None = None
    declined: list[str] = field(default_factory=list)  # would fit, but the household said no
    heat_network: bool = False  # heated by a heat network: insulation saves heat, not gas
    other_heating: bool = False  # oil, wood, electric heaters: insulation saves, but not gas
    heating: str | None = None  # how the home is heated now (Heating), if known
    tenure_known: bool = True  # False: written as to an owner, with a line for a tenant
    # Insulation nobody asked about left out because at this use it would not pay back within
    # its life (a household using 60 m³ a year): the letter says so, it does not just vanish.
    insulation_too_late: bool = False
    gas_basis_capped: int | None = None  # the use the savings were capped to (see BASIS_CAP)
    isde_years: list[int] = field(default_factory=list)  # the years of the ISDE rates shown
    # No price book was in force on the visit's day (it lies before the first): no saving has
    # a euro figure, and the letter says why instead of leaving dashes.
    no_price_book: bool = False


@dataclass
class _House:
    """What the advice knows of the dwelling."""

    dwelling: DwellingType | None
    years: tuple[int | None, int | None]  # earliest and latest possible building year
    exact_year: int | None
    heating: Heating | None
    label: EnergyLabel | None
    glazing: Glazing | None
    insulated: dict[str, bool | None]
    tenant: bool
    heating_age: int | None

    @property
    def gas_heated(self) -> bool:
        """Heated with gas, as far as we know (a heat pump, a heat network or another fuel —
        oil, wood, electric heaters — saves no gas by insulating)."""
        return self.heating not in NO_GAS_HEATING


def _house(visit: Visit) -> _House:
    address = visit.address
    tenure = visit.tenure or address.tenure
    year = address.building_year
    year_class = visit.building_year_class.value if visit.building_year_class else None
    if year is not None and (year_class is None or _in_class(year, year_class)):
        years: tuple[int | None, int | None] = (year, year)
    else:
        years = YEAR_CLASSES.get(year_class or "", (None, None))
        year = None
    return _House(
        dwelling=visit.dwelling_type or address.dwelling_type,
        years=years,
        exact_year=year,
        heating=visit.heating,
        label=visit.energy_label or address.energy_label,
        glazing=visit.glazing,
        insulated={
            "cavity_wall": visit.wall_insulated,
            "roof": visit.roof_insulated,
            "floor": visit.floor_insulated,
        },  # fmt: skip
        tenant=tenure in (Tenure.SOCIAL_RENT, Tenure.PRIVATE_RENT),
        heating_age=visit.heating_age_years,
    )


def _in_class(year: int, year_class: str) -> bool:
    low, high = YEAR_CLASSES.get(year_class, (None, None))
    return (low is None or year >= low) and (high is None or year <= high)


def _built_before(house: _House, year: int) -> bool | None:
    """True/False when the building years tell, None when they don't."""
    low, high = house.years
    if high is not None and high < year:
        return True
    if low is not None and low >= year:
        return False
    return None


# --- suitability -----------------------------------------------------------------------------


@dataclass
class _Fit:
    fits: bool
    reason: str | None = None  # why not
    check_first: list[str] = field(default_factory=list)
    route: str = "own"


def _fit(key: str, house: _House) -> _Fit:  # noqa: C901, PLR0911, PLR0912 - one rule per measure
    flat = house.dwelling in FLATS
    shell_route = "vve" if flat else "own"
    if key in house.insulated and house.insulated[key]:
        return _Fit(False, "already_insulated")
    if key == "cavity_wall":
        if _built_before(house, 1920):
            return _Fit(False, "solid_wall")  # before 1920 walls were mostly built solid
        if _built_before(house, 1992) is False:
            return _Fit(False, "insulated_when_built")  # walls insulated by the 1992 rules
        checks = ["cavity_check"] if _built_before(house, 1930) is not False else []
        if _built_before(house, 1975) is False:
            checks = ["partly_insulated"]
        return _Fit(True, check_first=checks, route=shell_route)
    if key == "roof":
        if house.dwelling is DwellingType.GROUND_FLOOR_FLAT:
            return _Fit(False, "no_roof")
        if _built_before(house, 1992) is False:
            return _Fit(False, "insulated_when_built")
        return _Fit(True, check_first=["top_floor"] if flat else [], route=shell_route)
    # In a building split into apartments the facade, the roof and the concrete floor belong to
    # all owners (the VvE); window frames often do too (Vereniging Eigen Huis, "Appartement en
    # eigendom: wat is van wie?", eigenhuis.nl/actueel/nieuwsbrief/vve-kozijnen).
    if key == "floor":
        if house.dwelling is DwellingType.UPPER_FLOOR_FLAT:
            return _Fit(False, "no_ground_floor")
        if _built_before(house, 1992) is False:
            return _Fit(False, "insulated_when_built")
        if house.dwelling is DwellingType.APARTMENT:  # which floor is not known: the VvE's
            return _Fit(True, check_first=["ground_floor"], route="vve")
        if house.dwelling is DwellingType.GROUND_FLOOR_FLAT:  # this flat's saving, with consent
            return _Fit(True, check_first=["crawl_space", "vve_consent"])
        return _Fit(True, check_first=["crawl_space"])
    if key == "glazing":
        if house.glazing is Glazing.HR:
            return _Fit(False, "already_hr_glass")
        if house.glazing is None:
            if _built_before(house, 2006) is False:
                return _Fit(False, "insulated_when_built")
            return _Fit(True, check_first=["glazing_unknown", *(["frames_vve"] if flat else [])])
        return _Fit(True, check_first=["frames_vve"] if flat else [])
    if key == "ventilation":
        return _Fit(True)  # proposed with insulation only (see _chosen)
    if key in ("hybrid_heat_pump", "heat_pump"):
        if house.heating is Heating.DISTRICT_HEATING:
            return _Fit(False, "district_heating")
        if key == "hybrid_heat_pump" and house.heating is Heating.OTHER:
            return _Fit(False, "no_boiler")  # a hybrid works beside a central-heating boiler
        if house.heating is Heating.HEAT_PUMP or (
            key == "hybrid_heat_pump" and house.heating is Heating.HYBRID_HEAT_PUMP
        ):
            return _Fit(False, "has_heat_pump")
        checks = ["outdoor_unit"] if flat else []
        if house.heating is None or house.heating is Heating.OTHER:
            checks.append("heating_unknown")
        if key == "heat_pump" and not _well_insulated(house):
            checks.append("insulate_first")
        return _Fit(True, check_first=checks)
    if key == "solar_pv":
        if house.dwelling is DwellingType.GROUND_FLOOR_FLAT:
            return _Fit(False, "no_roof")
        return _Fit(True, check_first=["shared_roof"] if flat else ["roof_orientation"],
                    route=shell_route)  # fmt: skip
    return _Fit(False, "not_in_catalogue")


def fits_home(key: str, dwelling: str | None, years: tuple[int | None, int | None]) -> bool:
    """Whether a measure can fit a home of this type and building period (earliest, latest
    possible year), whatever else the coach records — its glass, its heating, what is already
    insulated: the advice's own check (``_fit``), so the forms offer what the letter can
    advise (no cavity wall for a home built before 1920, no roof for a ground-floor flat)."""
    house = _House(
        dwelling=DwellingType(dwelling) if dwelling else None, years=years, exact_year=None,
        heating=None, label=None, glazing=Glazing.SINGLE, insulated={}, tenant=False,
        heating_age=None,
    )  # fmt: skip
    return _fit(key, house).fits


def house_years(building_year: int | None, year_class: str | None) -> tuple[int | None, int | None]:
    """The building period the advice counts with (as ``_house``): the address's own year when
    it lies in the class the coach chose (or none was chosen), else the class's years."""
    if building_year is not None and (not year_class or _in_class(building_year, year_class)):
        return building_year, building_year
    return YEAR_CLASSES.get(year_class or "", (None, None))


# The building years the coach's form tells apart by the exact year (older or newer ones fall
# in the first or the last step: no rule turns on a year outside them).
FORM_YEARS = range(1800, 2101)


@cache
def form_suitability(keys: tuple[str, ...]) -> dict[str, Any]:
    """What the coach's form hides, worked out here by ``fits_home`` (the tablet works offline,
    so the page carries the answers): per dwelling type ("": not known) the measures that
    cannot fit, per building-year class ("": not known), and per exact building year as steps
    [[from year, keys], …]."""
    dwellings = ["", *(d.value for d in DwellingType)]
    classes = ["", *YEAR_CLASSES]

    def unfit(dwelling: str, years: tuple[int | None, int | None]) -> list[str]:
        return [k for k in keys if not fits_home(k, dwelling or None, years)]

    by_year: dict[str, list[list[Any]]] = {}
    for dwelling in dwellings:
        steps: list[list[Any]] = []
        for year in FORM_YEARS:
            found = unfit(dwelling, (year, year))
            if not steps or steps[-1][1] != found:
                steps.append([year, found])
        by_year[dwelling] = steps
    return {
        "classes": {d: {c: unfit(d, YEAR_CLASSES.get(c, (None, None))) for c in classes}
                    for d in dwellings},
        "years": by_year,
    }  # fmt: skip


def _well_insulated(house: _House) -> bool:
    """Label B or better, built to the 1992 rules, or walls, roof and floor insulated as the
    coach recorded (the parts a flat has)."""
    if house.label in WELL_INSULATED_LABELS:
        return True
    parts = ["cavity_wall"]
    if house.dwelling is not DwellingType.GROUND_FLOOR_FLAT:
        parts.append("roof")
    if house.dwelling not in (DwellingType.UPPER_FLOOR_FLAT, DwellingType.APARTMENT):
        parts.append("floor")
    if all(house.insulated.get(part) for part in parts):
        return True
    return _built_before(house, 1992) is False


# --- the advice ------------------------------------------------------------------------------


def advise(session: Session, visit: Visit, day: dt.date | None = None) -> Advice:
    day = day or clock.local_day(visit.visited_at)
    prices = _prices(session, day)
    house = _house(visit)
    data = catalogue.data()
    levels = {catalogue.canonical_key(i.measure_key): i.level for i in visit.interests}
    measures = {m.key: m for m in session.scalars(select(Measure).where(Measure.active))}
    chosen, not_suitable, declined = _chosen(house, levels, measures)
    gas_basis, gas_assumed = _gas_basis(visit, house, data)
    # A use far above a typical home's (8,000 m³ for an end-terrace: a slip, or a workshop on
    # the same meter) would make a cavity wall "save" 2,240 m³ where the source's house saves
    # 400: the savings are worked out on at most twice the typical use, and the letter says so.
    typical_use = _typical_gas(house, data)
    gas_capped = None
    if gas_basis is not None and typical_use is not None and not gas_assumed:
        # Twice CBS's figure for a home like this with a boiler, with a hybrid too: the cap is
        # against slips, and a hybrid home's own use varies with how it is set (a cap of twice
        # the hybrid's share, 960 m³, cut a plausible 1,000 m³ and was named "much less").
        cap = (typical_use * BASIS_CAP).to_integral_value(ROUND_HALF_UP)
        if gas_basis > cap:
            gas_basis, gas_capped = cap, int(cap)
    kwh_basis, kwh_assumed = _kwh_basis(visit, data)
    isde = session.scalar(
        select(FinancingOption).where(FinancingOption.key == "isde", FinancingOption.active)
    )
    owner = not house.tenant
    route = "tenant" if house.tenant else ("apartment" if house.dwelling in FLATS else "own")
    worked = _work_out(chosen, house, gas_basis, kwh_basis, prices, isde if owner else None)
    # A measure nobody asked about that does not pay back within its lifetime is not advised
    # (HR++ glass after three other insulation steps: 70 years); the rest is worked out again
    # without it, since each step saves on what the steps before left.
    # (With ISDE rules that cannot be read, paybacks lack the subsidy: not a reason to drop.)
    readable = isde is None or catalogue_schema.rules_problem(isde.rules) is None
    # A tenant's landlord invests, with the subsidy an owner gets: judged as the owner's would
    # be (an unasked hybrid in a rented flat paid back in 13.8 years with ISDE, not 19.9).
    # (A corporation has subsidies of its own: the owner's figure stands in for them.)
    judged = (
        worked
        if owner
        else _work_out(chosen, replace(house, tenant=False), gas_basis, kwh_basis, prices, isde)
    )
    late = {
        m.key for m in judged
        if m.asked is None and ((readable and _pays_back_too_late(m)) or _saves_nothing(m))
    }  # fmt: skip
    # Nor is HR++ glass nobody asked about, replacing double glass, whose saving cannot be
    # worked out (a home not heated with gas): it is the smallest step and a row of dashes tells
    # them nothing. Walls, roof and floor stay, figures or not: insulating is the first step in
    # any home (the letter says who can work out what it saves there).
    unknown = {
        m.key for m in worked
        if m.asked is None and m.key == "glazing" and house.glazing is not Glazing.SINGLE
        and m.route == "own" and m.eur_per_year is None and m.gas_m3_per_year is None
    }  # fmt: skip
    too_late_insulation = any(m.key in late and m.step == 1 for m in worked)
    late |= unknown
    if late:
        chosen = [item for item in chosen if item[0].key not in late]
        if not any(m.figures.get("step") == 1 for m, _f, _a in chosen):  # ventilation goes with
            chosen = [item for item in chosen if item[0].key != "ventilation" or item[2]]
        worked = _work_out(chosen, house, gas_basis, kwh_basis, prices, isde if owner else None)
    isde_kinds = {m.key for m in worked if m.step == 1 and m.route == "own"}
    # Said only where the household's own use is far below a typical home's (60 m³ a year):
    # there the insulation vanished because of that figure, which they can check.
    typical_gas = _unusual(visit.gas_m3_per_year, typical_use)
    if gas_capped is not None and typical_use is not None:
        typical_gas = int(typical_use)  # capped: the letter says by how much, and why
    insulation_too_late = (
        too_late_insulation
        and not unknown
        and not any(m.step == 1 for m in worked)
        and typical_gas is not None
        and (visit.gas_m3_per_year or 0) < typical_gas
    )
    units = _building_units(session, visit.address) if house.dwelling in FLATS else None
    household_eur = _household_eur(visit, prices)
    package = _package(worked, house)
    return Advice(
        tenant=house.tenant,
        landlord=visit.landlord,
        prices=prices,
        measures=worked,
        small_installed=_small_installed(session, visit),
        financing=[] if house.tenant else _financing(session, visit, house, units),
        two_measure_rule=owner and len(isde_kinds) >= 1,
        household_gas_m3=visit.gas_m3_per_year,
        household_kwh=visit.kwh_per_year,
        household_eur_per_year=_round(household_eur) if household_eur is not None else None,
        isde_source_year=isde.source_year if isde else None,
        route=route,
        gas_basis_m3=int(gas_basis) if gas_basis is not None else None,
        gas_basis_assumed=gas_assumed,
        gas_basis_capped=gas_capped,
        kwh_basis=int(kwh_basis) if kwh_basis is not None else None,
        kwh_basis_assumed=kwh_assumed,
        package=package,
        not_suitable=not_suitable,
        # Owners' small steps save on what the package leaves; a tenant's on the use now (the
        # landlord's measures may never come).
        tips=_tips(visit, _left_after(gas_basis, package, house), prices, measures),
        boiler_age_years=house.heating_age
        if house.heating is Heating.GAS_BOILER
        and house.heating_age is not None
        and house.heating_age >= BOILER_NATURAL_MOMENT_YEARS
        else None,
        building_units=units,
        letter_day=day.isoformat(),
        typical_gas_m3=typical_gas,
        typical_kwh=_unusual(visit.kwh_per_year, _typical_kwh(house, data)),
        declined=declined,
        heat_network=house.heating is Heating.DISTRICT_HEATING,
        other_heating=house.heating is Heating.OTHER,
        heating=house.heating.value if house.heating else None,
        tenure_known=(visit.tenure or visit.address.tenure) not in (None, Tenure.UNKNOWN),
        insulation_too_late=insulation_too_late,
        isde_years=_isde_years(isde, worked, measures) if owner else [],
        no_price_book=prices is None,
    )


def _isde_years(
    isde: FinancingOption | None, worked: list[MeasureAdvice], measures: dict[str, Measure]
) -> list[int]:
    """The years of the ISDE rates the letter shows: the rules' own year, and a later one for a
    rate found later (ventilation's € 400 is a 2026 rate)."""
    if isde is None or not isinstance(isde.rules, dict):
        return []
    rate_years = isde.rules.get("rate_years") or {}
    years = set()
    for m in worked:
        if m.isde_eur is None and m.isde_eur_per_m2 is None:
            continue
        group = (measures[m.key].figures or {}).get("isde") if m.key in measures else None
        year = rate_years.get(group) if isinstance(rate_years, dict) else None
        years.add(year if isinstance(year, int) else isde.source_year)
    return sorted(year for year in years if year)


def _prices(session: Session, day: dt.date) -> PriceFigures | None:
    book = catalogue.price_book_on(session, day)
    if book is None:
        return None
    return PriceFigures(
        book.valid_from.isoformat(), book.gas_eur_per_m3, book.electricity_eur_per_kwh,
        book.export_eur_per_kwh, book.co2_kg_per_m3_gas, book.co2_kg_per_kwh, book.source,
    )  # fmt: skip


def _chosen(
    house: _House, levels: dict[str, Interest], measures: dict[str, Measure]
) -> tuple[list[tuple[Measure, _Fit, str | None]], list[NotSuitable], list[str]]:
    """Every catalogue measure the household did not refuse and does not have, that fits;
    an asked-about measure that does not fit is named with the reason; and the measures that
    would fit which the household said no to."""
    chosen, refused, declined = [], [], []
    for entry in catalogue.data()["measures"]:
        measure = measures.get(entry["key"])
        figures = measure.figures if measure is not None else None
        if not isinstance(figures, dict) or not isinstance(figures.get("variants"), list):
            continue  # kept only for older visits, or its figures cannot be read
        level = levels.get(measure.key)
        fit = _fit(measure.key, house)
        if house.dwelling is None and fit.fits and measure.key in SHELL_OR_ROOF:
            fit.check_first = [*fit.check_first, "dwelling_unknown"]
        if level is Interest.NO and fit.fits:
            declined.append(measure.key)
        if level in (Interest.NO, Interest.HAS_IT):
            continue
        asked = level.value if level in ASKED else None
        recorded_not = house.insulated.get(measure.key) is False  # the coach saw it is not done
        if (
            fit.fits
            and figures.get("step") == 1
            and house.label in WELL_INSULATED_LABELS
            and (not recorded_not)
        ):
            fit.check_first = [*fit.check_first, "good_label"]  # a label A home: done already?
        if fit.fits:
            chosen.append((measure, fit, asked))
        elif asked:  # "already insulated": what the coach saw, said back to who asked
            refused.append(
                NotSuitable(measure.key, measure.name_nl, measure.name_en, fit.reason or "")
            )
    insulating = any(m.figures.get("step") == 1 for m, _fit_, _a in chosen)
    chosen = [
        (m, f, a) for m, f, a in chosen if m.key != "ventilation" or insulating or a is not None
    ]
    # An all-electric heat pump for a house not yet insulated: only when asked (and then with
    # "insulate first"); the hybrid is the step for now.
    chosen = [
        (m, f, a) for m, f, a in chosen
        if m.key != "heat_pump" or a is not None or "insulate_first" not in f.check_first
    ]  # fmt: skip
    # A home insulated well enough for an all-electric heat pump: that is the step, not a hybrid
    # nobody asked about beside it. The hybrid's advantage is that it can go in first and the
    # insulation follow (Milieu Centraal via nu.nl 2023, "De hybride warmtepomp wordt
    # verplicht"); a well-insulated home has nothing left to wait for.
    if any(m.key == "heat_pump" and "insulate_first" not in f.check_first for m, f, _a in chosen):
        chosen = [(m, f, a) for m, f, a in chosen if m.key != "hybrid_heat_pump" or a is not None]
    return chosen, refused, declined


def _gas_basis(visit: Visit, house: _House, data: dict[str, Any]) -> tuple[Decimal | None, bool]:
    if not house.gas_heated:
        return None, False  # gas for cooking only, if any: insulation saves no gas there
    if visit.gas_m3_per_year:
        return Decimal(visit.gas_m3_per_year), False
    # Not known, or 0 for a home heated with gas (which uses gas): "do not know", as for kWh.
    typical = data["reference_gas_m3"]
    key = house.dwelling.value if house.dwelling else "_any"
    if key not in typical and house.dwelling is DwellingType.DETACHED:
        return None, True  # no national figure: the absolute figures stand (not with a hybrid)
    use = Decimal(typical[key if key in typical else "_any"][0])
    if house.heating is Heating.HYBRID_HEAT_PUMP:  # CBS's figure is a boiler's: the hybrid
        use *= 1 - _hybrid_share(data)  # already saves its share of it
    return use.to_integral_value(ROUND_HALF_UP), True


def _hybrid_share(data: dict[str, Any]) -> Decimal:
    """How much gas a hybrid heat pump saves, as the shipped catalogue has it (60 %)."""
    entry = next(e for e in data["measures"] if e["key"] == "hybrid_heat_pump")
    return Decimal(str(entry["variants"][0]["gas_share"]))


def _typical_gas(house: _House, data: dict[str, Any]) -> Decimal | None:
    if not house.gas_heated:
        return None
    typical = data["reference_gas_m3"]
    if house.dwelling is DwellingType.DETACHED:
        return None  # no national figure for detached houses in the reference
    key = house.dwelling.value if house.dwelling and house.dwelling.value in typical else "_any"
    return Decimal(typical[key][0])


def _typical_kwh(house: _House, data: dict[str, Any]) -> Decimal | None:
    if house.heating in (Heating.HEAT_PUMP, Heating.HYBRID_HEAT_PUMP):
        return None  # a heat pump's electricity is not compared with a gas-heated home's
    return Decimal(data["reference_kwh"][0])


def _unusual(given: int | None, typical: Decimal | None) -> int | None:
    if not given or typical is None:
        return None
    return int(typical) if not typical * UNUSUAL_BELOW <= given <= typical * UNUSUAL_ABOVE else None


def _kwh_basis(visit: Visit, data: dict[str, Any]) -> tuple[Decimal, bool]:
    if visit.kwh_per_year:
        return Decimal(visit.kwh_per_year), False
    return Decimal(data["reference_kwh"][0]), True


def _variant(entry: dict[str, Any], house: _House) -> dict[str, Any] | None:
    for variant in entry["variants"]:
        types = variant.get("dwelling_types") or []
        if not types or (house.dwelling is not None and house.dwelling.value in types):
            return variant
    if house.dwelling is None:
        return entry["variants"][0]  # an unknown dwelling: the first (smallest) house
    return None


def _order(
    chosen: list[tuple[Measure, _Fit, str | None]], house: _House, gas_basis: Decimal | None
) -> list:
    """Insulation first, best value for money first within it (m³ saved per euro: a share of
    the use, or a fixed figure such as a detached house's); then ventilation, heating and
    solar (the order of the trias energetica: first use less, then use it well, then
    generate)."""

    def value(item: tuple[Measure, _Fit, str | None]) -> tuple[int, Decimal, str]:
        measure = item[0]
        try:
            variant = _variant(measure.figures, house) or {}
            share = _share(variant, house)
            m3 = share * gas_basis if share is not None and gas_basis else _number(
                variant.get("gas_m3")) or Decimal(0)  # fmt: skip
            invest = _mean(*catalogue.variant_investment(variant))
            per_euro = m3 / invest if invest else Decimal(0)
            step = int(measure.figures.get("step", 9))
        except UNUSABLE:
            return (9, Decimal(0), measure.key)  # _one leaves it out
        return (step, -per_euro, measure.key)

    return sorted(chosen, key=value)


def _share(variant: dict[str, Any], house: _House) -> Decimal | None:
    if "gas_share" in variant:
        return Decimal(str(variant["gas_share"]))
    shares = variant.get("gas_share_from")
    if shares:
        return Decimal(str(shares["single" if house.glazing is Glazing.SINGLE else "double"]))
    return None


def _work_out(
    chosen: list[tuple[Measure, _Fit, str | None]], house: _House, gas_basis: Decimal | None,
    kwh_basis: Decimal, prices: PriceFigures | None, isde: FinancingOption | None,
) -> list[MeasureAdvice]:  # fmt: skip
    remaining = gas_basis
    kwh_left = kwh_basis
    result = []
    for measure, fit, asked in _order(chosen, house, gas_basis):
        try:
            advised, gas, kwh = _one(measure, fit, asked, house, remaining, kwh_left, prices, isde)
        except UNUSABLE:  # an admin's edit the form let through: no letter may fail on it
            log.warning("measure %s: its figures cannot be worked out; left out", measure.key)
            continue
        if gas is not None and remaining is not None:
            remaining -= gas
        if kwh is not None and kwh < 0:
            kwh_left -= kwh  # a heat pump's extra use: more for solar to cover
        result.append(advised)
    return result


def _one(  # noqa: PLR0913 - one measure, worked out on what the steps before left
    measure: Measure, fit: _Fit, asked: str | None, house: _House, remaining: Decimal | None,
    kwh_left: Decimal, prices: PriceFigures | None, isde: FinancingOption | None,
) -> tuple[MeasureAdvice, Decimal | None, Decimal | None]:  # fmt: skip
    entry = measure.figures
    variant = _variant(entry, house) or {}
    route = "landlord" if house.tenant else fit.route
    if route == "vve":  # the owners' association works it out for the whole building
        gas = kwh = exported = None
        panels = None
        variant = {"source": variant.get("source")} if variant else {}
    else:
        gas, kwh, exported, panels = _saving(entry, variant, house, remaining, kwh_left)
    used = kwh_left - kwh if kwh is not None and kwh < 0 else kwh_left
    invest_min, invest_max = _invest(entry, variant, panels)
    eur = _value(gas, kwh, exported, prices)
    co2 = _co2(gas, kwh, prices)
    try:
        subsidy = _isde(entry, variant, isde if route == "own" else None)
    except UNUSABLE:  # the ISDE's rules cannot be read: the measure without its subsidy
        log.warning("financing isde: its rules cannot be read; left out")
        subsidy = {"single": None, "doubled": None, "per_m2": None, "condition": None}
    invest = _mean(invest_min, invest_max)
    cited = catalogue.source(variant.get("source") or entry["variants"][0]["source"], entry)
    advised = MeasureAdvice(
        key=measure.key, name_nl=measure.name_nl, name_en=measure.name_en,
        step=entry.get("step", 9), route=route, asked=asked, check_first=fit.check_first,
        invest_min_eur=invest_min, invest_max_eur=invest_max,
        gas_m3_per_year=_round(gas) if gas is not None else None,
        kwh_per_year=_round(kwh) if kwh is not None else None,
        eur_per_year=_round(eur) if eur is not None else None,
        co2_kg_per_year=_round(co2) if co2 is not None else None,
        isde_eur=subsidy["single"], isde_doubled_eur=subsidy["doubled"],
        isde_eur_per_m2=subsidy["per_m2"], isde_condition=subsidy["condition"],
        payback_years=_payback(invest, eur),
        payback_after_isde_years=_payback(
            invest - subsidy["single"] if invest is not None and subsidy["single"] else None,
            eur,
        ),
        panels=panels, kwh_exported=_round(exported) if exported is not None else None,
        kwh_made=_round(kwh + exported) if panels is not None else None,
        area_m2=variant.get("area_m2") if subsidy["single"] is not None else None,
        lifetime_years=entry.get("lifetime_years"),
        source=cited["text"], source_year=cited.get("year"),
        **_panel_notes(entry, panels, used),
        share_percent=_percent(_share(variant, house)) if route != "vve" else None,
        **_per_m2(variant, entry),
    )  # fmt: skip
    return advised, gas, kwh


def _per_m2(variant: dict[str, Any], entry: dict[str, Any]) -> dict[str, Any]:
    per_m2 = variant.get("invest_eur_per_m2")
    if not per_m2 or not variant.get("area_m2"):
        return {}
    cited = catalogue.source(per_m2["source"], entry) if per_m2.get("source") else {}
    return {
        "invest_eur_per_m2": (_number(per_m2["min"]), _number(per_m2["max"])),
        "invest_per_m2_year": cited.get("year"),
        "invest_area_m2": variant["area_m2"],
    }


def _panel_notes(entry: dict[str, Any], panels: int | None, use: Decimal) -> dict[str, Any]:
    if panels is None:
        return {}
    panel = entry["panel"]
    wanted = use / Decimal(panel["kwh"])
    versus = "more" if wanted < panel["min"] - Decimal("0.5") else None
    versus = "less" if wanted > panel["max"] + Decimal("0.5") else versus
    priced = panel.get("priced_counts") or []
    price_of = None
    if priced and not min(priced) <= panels <= max(priced):
        price_of = min(priced) if panels < min(priced) else max(priced)
    cited = (
        catalogue.source(panel["self_use_source"], entry) if panel.get("self_use_source") else {}
    )
    who = str(cited.get("text", "")).split(":")[0].split(",")[0].strip()
    return {"panels_versus_use": versus, "panel_price_of": price_of,
            "self_use_percent": _percent(Decimal(str(panel["self_use_share"]))),
            "self_use_cited": f"{who} {cited['year']}" if cited.get("year") else who or None,
            "priced_counts": tuple(priced)}  # fmt: skip


def _percent(share: Decimal | None) -> int | None:
    return None if share is None else int((share * 100).to_integral_value(ROUND_HALF_UP))


def _saving(
    entry: dict[str, Any], variant: dict[str, Any], house: _House, remaining: Decimal | None,
    kwh_basis: Decimal,
) -> tuple[Decimal | None, Decimal | None, Decimal | None, int | None]:  # fmt: skip
    """(gas m³ saved, kWh saved from the grid, kWh exported, panels)."""
    if entry["key"] == "solar_pv":
        panel = entry["panel"]
        count = int((kwh_basis / Decimal(panel["kwh"])).to_integral_value(ROUND_HALF_UP))
        count = max(panel["min"], min(panel["max"], count))
        made = Decimal(count * panel["kwh"])
        used = min(made * Decimal(str(panel["self_use_share"])), kwh_basis)
        return None, used, made - used, count
    share = _share(variant, house)
    if share is not None:
        if remaining is None:
            return None, None, None, None
        gas = remaining * share
    elif "gas_m3" in variant:
        hybrid = house.heating is Heating.HYBRID_HEAT_PUMP
        if remaining is None and (not house.gas_heated or hybrid):
            return None, None, None, None  # no gas to save, or far less than the source's house
        gas = Decimal(variant["gas_m3"])
        if remaining is not None:
            # A fixed figure (a detached house's, where no national use is known) saves at most
            # the largest share the measure saves in the other house types, of what is left.
            shares = [Decimal(str(v["gas_share"])) for v in entry["variants"] if "gas_share" in v]
            gas = min(gas, remaining * max(shares)) if shares else min(gas, remaining)
    else:
        return None, None, None, None
    kwh = None
    if "kwh_per_m3_saved" in variant:
        kwh = -gas * Decimal(str(variant["kwh_per_m3_saved"]))
    return gas, kwh, None, None


def _invest(
    entry: dict[str, Any], variant: dict[str, Any], panels: int | None
) -> tuple[Decimal | None, Decimal | None]:
    if panels is not None:
        per_panel = next(eur for limit, eur in entry["panel"]["eur_by_count"] if panels <= limit)
        total = Decimal(panels * per_panel)
        return total, total
    return catalogue.variant_investment(variant)


def _value(
    gas: Decimal | None, kwh: Decimal | None, exported: Decimal | None,
    prices: PriceFigures | None,
) -> Decimal | None:  # fmt: skip
    if prices is None or (gas is None and kwh is None):
        return None
    total = Decimal(0)
    if gas is not None:
        if prices.gas_eur_per_m3 is None:
            return None
        total += gas * prices.gas_eur_per_m3
    if kwh is not None:
        if prices.electricity_eur_per_kwh is None:
            return None
        total += kwh * prices.electricity_eur_per_kwh
    if exported:
        total += exported * (prices.export_eur_per_kwh or Decimal(0))
    return total


def _co2(gas: Decimal | None, kwh: Decimal | None, prices: PriceFigures | None) -> Decimal | None:
    if prices is None or (gas is None and kwh is None):
        return None
    total = Decimal(0)
    for amount, factor in ((gas, prices.co2_kg_per_m3_gas), (kwh, prices.co2_kg_per_kwh)):
        if amount is not None:
            if factor is None:
                return None
            total += amount * factor
    return total


def _isde(
    entry: dict[str, Any], variant: dict[str, Any], isde: FinancingOption | None
) -> dict[str, Any]:
    """ISDE for this measure alone and, for insulation, doubled: the letter states the
    doubling's condition (a second measure within 24 months) rather than assuming it."""
    none: dict[str, Any] = {"single": None, "doubled": None, "per_m2": None, "condition": None}
    if isde is None or not entry.get("isde"):
        return none
    rules = isde.rules if isinstance(isde.rules, dict) else {}
    group = entry["isde"]
    rates = rules.get("insulation_eur_per_m2", {})
    if group in rates:
        rate = Decimal(str(rates[group]))
        area = variant.get("area_m2")
        doubled = bool(rules.get("insulation_doubles_with_two_measures"))
        if area:
            single = _round(rate * Decimal(area))
            return {"single": single, "doubled": single * 2 if doubled else None,
                    "per_m2": None, "condition": "second_measure" if doubled else None}  # fmt: skip
        return {"single": None, "doubled": None, "per_m2": rate,
                "condition": "second_measure" if doubled else None}  # fmt: skip
    if group == "heat_pump":
        pump = rules.get("heat_pump_air_water", {})
        if "start_eur" not in pump or "eur_per_kw" not in pump:
            return none
        kw = Decimal(entry.get("heat_pump_kw", 0))
        single = _round(Decimal(pump["start_eur"]) + Decimal(pump["eur_per_kw"]) * kw)
        return {"single": single, "doubled": None, "per_m2": None,
                "condition": "a_plus_plus_plus"}  # fmt: skip
    if group == "ventilation":
        amount = rules.get("ventilation_eur")
        if amount is None:
            return none
        return {"single": Decimal(amount), "doubled": None, "per_m2": None,
                "condition": "with_insulation"}  # fmt: skip
    return none


def _saves_nothing(m: MeasureAdvice) -> bool:
    """Figures were worked out and come to nothing (the steps before left no gas to save)."""
    return m.eur_per_year is not None and m.eur_per_year <= 0


def _pays_back_too_late(m: MeasureAdvice) -> bool:
    payback = m.payback_after_isde_years or m.payback_years
    try:
        return payback is not None and m.lifetime_years is not None and (
            payback > Decimal(str(m.lifetime_years)))  # fmt: skip
    except UNUSABLE:
        return False


def _payback(invest: Decimal | None, eur: Decimal | None) -> Decimal | None:
    if invest is None or eur is None or eur <= 0 or invest <= 0:
        return None
    return (invest / eur).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _package(measures: list[MeasureAdvice], house: _House) -> Package | None:
    """The measures taken together. The gas figures already combine (each on what was left),
    so their sum never exceeds the use they were scaled to."""
    if not measures:
        return None
    # An all-electric heat pump advised beside a hybrid one is the later alternative to it (once
    # the house is insulated), not a second pump: the package counts the hybrid.
    left_out: dict[str, list[str]] = {}
    if any(m.key == "hybrid_heat_pump" for m in measures):
        left_out["alternative"] = [m.key for m in measures if m.key == "heat_pump"]
        measures = [m for m in measures if m.key != "heat_pump"]

    def total(name: str) -> Decimal | None:
        values = [getattr(m, name) for m in measures if getattr(m, name) is not None]
        return sum(values, Decimal(0)) if values else None

    own = [m for m in measures if m.route == "own"]
    low = [m.invest_min_eur or m.invest_max_eur for m in own]
    high = [m.invest_max_eur or m.invest_min_eur for m in own]
    insulating = any(m.step == 1 for m in own)
    # Ventilation's ISDE comes only with an insulation measure (RVO): not counted without one.
    # Two insulation measures, or one and a heat pump, within 24 months double the insulation
    # amounts (RVO, "ISDE: wat wijzigt er in 2025"): a package that holds them counts so.
    insulation = [m for m in own if m.step == 1 and m.isde_condition == "second_measure"]
    pump = any(m.step == 3 and m.isde_eur is not None for m in own)
    doubled = len(insulation) >= 2 or (len(insulation) >= 1 and pump)
    isde = [
        m.isde_doubled_eur if doubled and m.isde_doubled_eur is not None else m.isde_eur
        for m in own if m.isde_eur is not None
        and (m.isde_condition != "with_insulation" or insulating)
    ]  # fmt: skip
    left_out["vve"] = [m.key for m in measures if m.route == "vve"]
    left_out["invest"] = [
        m.key for m in own if m.invest_min_eur is None and m.invest_max_eur is None
    ]
    left_out["eur"] = [m.key for m in measures if m.route != "vve" and m.eur_per_year is None]
    left_out["isde_per_m2"] = [] if house.tenant else [
        m.key for m in own if m.isde_eur is None and m.isde_eur_per_m2 is not None]  # fmt: skip
    return Package(
        gas_m3_per_year=total("gas_m3_per_year"),
        kwh_per_year=total("kwh_per_year"),
        eur_per_year=total("eur_per_year"),
        co2_kg_per_year=total("co2_kg_per_year"),
        invest_min_eur=sum((v for v in low if v is not None), Decimal(0)) if any(low) else None,
        invest_max_eur=sum((v for v in high if v is not None), Decimal(0)) if any(high) else None,
        isde_eur=sum(isde, Decimal(0)) if isde and not house.tenant else None,
        left_out={column: keys for column, keys in left_out.items() if keys},
        isde_doubled=doubled and any(m.isde_doubled_eur is not None for m in insulation),
    )


def _left_after(
    gas_basis: Decimal | None, package: Package | None, house: _House
) -> Decimal | None:
    if gas_basis is None or house.tenant or package is None or package.gas_m3_per_year is None:
        return gas_basis
    return max(gas_basis - package.gas_m3_per_year, Decimal(0))


def _tips(
    visit: Visit, gas_basis: Decimal | None, prices: PriceFigures | None,
    measures: dict[str, Measure],
) -> list[Tip]:  # fmt: skip
    """Small measures not done at the door yet, and two habits, with what they save."""
    done = {s.measure_key for s in visit.small_measures}
    gas_price = prices.gas_eur_per_m3 if prices else None
    tips = []
    for shipped in catalogue.data()["small"]:
        key = shipped["key"]
        if key in done or key not in measures or key == "led_lamp_40w":
            continue
        measure = measures[key]  # what the admin keeps: names and figures
        own = measure.figures if isinstance(measure.figures, dict) else {}
        entry = {**shipped, **own, "name_nl": measure.name_nl, "name_en": measure.name_en}
        try:
            tips.append(_small_tip(entry, gas_basis, gas_price))
        except UNUSABLE:  # an admin's figure the form let through: the tip is left out
            log.warning("measure %s: its figures cannot be worked out; left out", key)
    if gas_basis is not None:
        left = gas_basis - sum((t.gas_m3_per_year or Decimal(0) for t in tips), Decimal(0))
        for entry in catalogue.data()["tips"]:
            # Each habit saves on what the small measures and habits before it left.
            left = max(left, Decimal(0))
            gas = (left * Decimal(str(entry["gas_share"])) if "gas_share" in entry
                   else min(Decimal(entry["gas_m3"]), left * Decimal("0.2")))  # fmt: skip
            left -= gas
            if _round(gas) == 0:
                continue  # "saves about 0 m³": a habit not worth a line
            eur = gas * gas_price if gas_price is not None else None
            cited = catalogue.source(entry["source"])
            tips.append(Tip(entry["key"], "", "", _round(gas),
                            _round(eur) if eur is not None else None, None, None,
                            cited.get("year")))  # fmt: skip
    return tips


def _small_tip(entry: dict[str, Any], gas_basis: Decimal | None, gas_price: Decimal | None) -> Tip:
    gas = _number(entry.get("gas_m3"))
    eur = _number(entry.get("eur_per_year"))
    if gas is not None and not gas.is_finite():
        raise ValueError("not a finite figure")
    if gas is not None and gas_basis is not None:
        gas = min(gas, gas_basis * Decimal("0.2"))  # never a large part of a small use
    elif gas is not None:
        gas = None  # no gas (a heat pump, a heat network): no gas to save
    if gas is not None and _round(gas) == 0:
        gas = eur = None  # nothing left worth a figure: the tip without one
    if gas is not None and gas_price is not None:
        eur = gas * gas_price
    source = entry.get("source", "")
    cited = catalogue.data()["sources"].get(source, {}) if isinstance(source, str) else {}
    return Tip(entry["key"], entry["name_nl"], entry["name_en"], gas,
               _round(eur) if eur is not None else None,
               _number(entry.get("invest_min_eur")), _number(entry.get("invest_max_eur")),
               cited.get("year"))  # fmt: skip


def _building_units(session: Session, address: Address) -> int:
    """How many apartments the building has, as far as the campaign knows (a lower bound): the
    addresses at this street number (12-A, 12-B …), or, where a building numbers each flat
    (101, 103 … 119), the flats in this postcode and street of the same building year."""
    same = (Address.campaign_id == address.campaign_id, Address.postcode == address.postcode)
    at_number = session.scalar(
        select(func.count(Address.id)).where(*same, Address.house_number == address.house_number)
    )
    if address.building_year is None:
        return at_number
    flats = session.scalar(
        select(func.count(Address.id)).where(
            *same, Address.street == address.street,
            Address.building_year == address.building_year,
            Address.dwelling_type.in_(list(FLATS)),
        )
    )  # fmt: skip
    return max(at_number, flats)


def _household_eur(visit: Visit, prices: PriceFigures | None) -> Decimal | None:
    if prices is None or (visit.gas_m3_per_year is None and visit.kwh_per_year is None):
        return None
    return _value(
        Decimal(visit.gas_m3_per_year) if visit.gas_m3_per_year is not None else None,
        Decimal(visit.kwh_per_year) if visit.kwh_per_year is not None else None,
        None,
        prices,
    )


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


def _round(value: Decimal) -> Decimal:
    """Whole units (euros, m³, kg): a letter shows indicative figures, not false precision."""
    return value.quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def _number(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _mean(low: Decimal | None, high: Decimal | None) -> Decimal | None:
    known = [v for v in (low, high) if v is not None]
    return sum(known, Decimal(0)) / len(known) if known else None


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


def _financing(
    session: Session, visit: Visit, house: _House, units: int | None
) -> list[FinancingAdvice]:
    municipality = visit.address.campaign.municipality
    dwelling = house.dwelling.value if house.dwelling else None
    found = []
    for option in session.scalars(
        select(FinancingOption).where(FinancingOption.active).order_by(FinancingOption.key)
    ):
        rules = option.rules or {}
        if option.key == "isde":
            continue  # shown per measure
        try:
            if rules.get("municipality") and (
                str(rules["municipality"]).strip().casefold() != municipality.strip().casefold()
            ):
                continue
            if rules.get("dwelling_types") and dwelling not in rules["dwelling_types"]:
                continue
            if rules.get("min_units") and (units or 0) < int(rules["min_units"]):
                continue
        except UNUSABLE:
            log.warning("financing %s: its rules cannot be read; left out", option.key)
            continue
        found.append(FinancingAdvice(
            option.key, option.kind.value, option.name_nl, option.name_en,
            option.description_nl, option.description_en, option.source_year,
        ))  # fmt: skip
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
