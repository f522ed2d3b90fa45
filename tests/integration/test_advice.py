"""The advice service: figures worked out by hand from the reference catalogue."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from eteams.models import PriceBook
from eteams.models.enums import (
    Tenure,
)
from eteams.services import advice


def _by_key(result: advice.Advice) -> dict[str, advice.MeasureAdvice]:
    return {m.key: m for m in result.measures}


def test_owner_gets_ranked_measures_with_hand_worked_figures(session, visit) -> None:  # noqa: ANN001
    result = advice.advise(session, visit)
    assert [m.key for m in result.measures] == [
        "cavity_wall_terraced",  # 261 € a year for 1,100 €: 0.24 per euro
        "roof_insulation_terraced_corner",  # 609 for 5,500: 0.11
        "floor_insulation_avg",  # no investment figure: after the known ones
        "hr_glass_by_type",  # no saving figure for a terraced house's glass
        "hybrid_heat_pump",  # no saving figure
    ]
    wall = _by_key(result)["cavity_wall_terraced"]
    assert (wall.eur_per_year, wall.co2_kg_per_year, wall.payback_years) == (
        Decimal(261),
        Decimal(320),
        Decimal("4.2"),
    )
    assert wall.asked == "interested" and wall.source_year == 2024
    # Two insulation measures: ISDE doubles, 2 × €5.25/m² on 39 m² of a terraced house's cavity wall.
    assert result.two_measure_rule is True
    assert (wall.subsidy_eur, wall.subsidy_eur_per_m2) == (Decimal(410), Decimal("10.50"))
    roof = _by_key(result)["roof_insulation_terraced_corner"]
    assert roof.subsidy_eur is None and roof.subsidy_eur_per_m2 == Decimal("32.50")  # area unknown
    assert _by_key(result)["hybrid_heat_pump"].subsidy_eur == Decimal(2550)
    glass = _by_key(result)["hr_glass_by_type"]
    assert (glass.subsidy_eur, glass.subsidy_eur_per_m2) == (
        None,
        Decimal(50),
    )  # 2 × €25/m², area unknown
    assert "solar_pv_8" not in _by_key(result)  # the household said no


def test_missing_figures_stay_missing(session, visit) -> None:  # noqa: ANN001
    result = advice.advise(session, visit)
    pump = _by_key(result)["hybrid_heat_pump"]
    assert pump.eur_per_year is None and pump.payback_years is None
    assert _by_key(result)["floor_insulation_avg"].payback_years is None
    # The household's own gas is known, but no electricity price is: no total is invented.
    assert result.prices.electricity_eur_per_kwh is None
    assert result.household_eur_per_year is None
    assert (result.household_gas_m3, result.household_kwh) == (1400, 2800)


def test_a_tenant_gets_the_landlord_path(session, visit) -> None:  # noqa: ANN001
    visit.tenure, visit.landlord = Tenure.SOCIAL_RENT, "Bo-Ex"
    session.flush()
    result = advice.advise(session, visit)
    assert result.tenant and result.landlord == "Bo-Ex"
    assert result.financing == [] and result.two_measure_rule is False
    assert all(m.subsidy_eur is None and m.subsidy_eur_per_m2 is None for m in result.measures)


def test_owner_financing_in_utrecht(session, visit) -> None:  # noqa: ANN001
    keys = [f.key for f in advice.advise(session, visit).financing]
    assert keys == ["energiebespaarlening", "utrecht_duurzaamheidslening"]


def test_small_measures_installed_are_listed(session, visit) -> None:  # noqa: ANN001
    assert advice.advise(session, visit).small_installed == [
        {
            "key": "radiator_foil",
            "name_nl": "Radiatorfolie",
            "name_en": "Radiator reflective foil",
            "quantity": 2,
        }
    ]


def test_snapshot_is_json_and_prices_are_dated(session, visit) -> None:  # noqa: ANN001
    import json

    session.add(
        PriceBook(valid_from=date(2026, 6, 1), gas_eur_per_m3=Decimal("1.60"), source="later")
    )
    session.flush()
    march = advice.advise(session, visit)  # the visit was in March: the 2025 book applies
    assert march.prices.gas_eur_per_m3 == Decimal("1.45")
    json.dumps(advice.snapshot(march))
    later = advice.advise(session, visit, day=date(2026, 7, 1))
    assert _by_key(later)["cavity_wall_terraced"].eur_per_year == Decimal(288)  # 180 × 1.60


def test_letter_consent(session, visit) -> None:  # noqa: ANN001
    assert advice.has_letter_consent(visit)
    visit.consents[0].given = False
    assert not advice.has_letter_consent(visit)
