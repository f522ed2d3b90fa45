"""Fixtures shared by several integration test modules."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time

import pytest

from eteams.models import (
    Measure,
    Visit,
    VisitConsent,
    VisitInterest,
    VisitSmallMeasure,
    WalkList,
    WalkListStop,
)
from eteams.models.enums import (
    BuildingYearClass,
    ConsentKind,
    DwellingType,
    EnergyLabel,
    Heating,
    Interest,
    Outcome,
    Tenure,
    WalkListStatus,
)
from eteams.services import catalogue, clock, shifts
from tests import factories


@pytest.fixture
def visit(session):  # noqa: ANN001, ANN201
    """An owner of a 1958 terraced house in Utrecht, interested in cavity walls, maybe the roof."""
    catalogue.seed_all(session)
    address = factories.AddressFactory(campaign=factories.CampaignFactory(municipality="Utrecht"),
                                       dwelling_type=DwellingType.TERRACED, building_year=1958,
                                       energy_label=EnergyLabel.E, tenure=Tenure.OWNER)  # fmt: skip
    visit = Visit(
        uuid=uuid.uuid4(), address=address, recorded_by=factories.user("coach"),
        outcome=Outcome.CONVERSATION, visited_at=datetime(2026, 3, 10, 10, tzinfo=UTC),
        tenure=Tenure.OWNER, dwelling_type=DwellingType.TERRACED,
        building_year_class=BuildingYearClass.Y1945_1964, heating=Heating.GAS_BOILER,
        gas_m3_per_year=1400, kwh_per_year=2800,
        interests=[VisitInterest(measure_key="cavity_wall", level=Interest.INTERESTED),
                   VisitInterest(measure_key="roof", level=Interest.MAYBE),
                   VisitInterest(measure_key="solar_pv", level=Interest.NO)],
        small_measures=[VisitSmallMeasure(measure_key="radiator_foil", quantity=2)],
        consents=[VisitConsent(kind=ConsentKind.ADVICE_LETTER, given=True, wording_version="2026-01")],
    )  # fmt: skip
    session.add(visit)
    session.flush()
    return visit


@pytest.fixture
def door(session, make_user):  # noqa: ANN001, ANN201
    """A coach with today's published walk list holding two doors."""
    session.add_all(
        [
            Measure(
                key="radiator_foil",
                name_nl="Radiatorfolie",
                name_en="Radiator foil",
                category="small",
                is_small=True,
            ),
            Measure(
                key="cavity_wall",
                name_nl="Spouwmuurisolatie",
                name_en="Cavity wall",
                category="insulation",
            ),
        ]
    )
    team = factories.TeamFactory()
    member = factories.MembershipFactory(team=team).employee
    factories.MembershipFactory(team=team)
    shift = shifts.schedule_shift(
        session,
        shifts.ShiftData(team.id, clock.today(), time(0, 0), time(23, 59), "Buurthuis"),
        actor_id=None,
    )
    campaign = factories.CampaignFactory()
    a, b = factories.AddressFactory(campaign=campaign), factories.AddressFactory(campaign=campaign)
    walk_list = WalkList(
        campaign_id=campaign.id,
        shift=shift,
        date=clock.today(),
        status=WalkListStatus.PUBLISHED,
        stops=[WalkListStop(address_id=a.id, seq=1), WalkListStop(address_id=b.id, seq=2)],
    )
    session.add(walk_list)
    session.flush()
    coach = make_user("coach", employee=member)
    return {"coach": coach, "address": a, "other": b, "walk_list": walk_list}
