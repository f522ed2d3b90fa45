"""The lead's day: progress per team, and signals when the logged data look wrong."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

import pytest

from eteams.models import Measure, Visit, VisitInterest, WalkList, WalkListStop
from eteams.models.enums import Interest, Outcome, WalkListStatus
from eteams.services import progress, shifts
from tests import factories
from tests.conftest import login

NOON = datetime.combine(date.today(), time(12), tzinfo=UTC)


def _team_day(session, name, lead, outcomes, seconds_apart, flats=False):  # noqa: ANN001, ANN202
    """A team with a walk list today of 12 doors, ``outcomes`` logged ``seconds_apart``."""
    team = factories.TeamFactory(name=name, lead_user_id=lead.id)
    factories.MembershipFactory(team=team)
    shift = shifts.schedule_shift(
        session, shifts.ShiftData(team.id, date.today(), time(0, 0), time(23, 59), "Buurthuis")
    )
    campaign = factories.CampaignFactory()
    number = factories.AddressFactory(campaign=campaign).house_number
    doors = [factories.AddressFactory(campaign=campaign, house_number=number,
                                      house_letter=chr(65 + n)) if flats
             else factories.AddressFactory(campaign=campaign) for n in range(12)]  # fmt: skip
    walk_list = WalkList(campaign_id=campaign.id, shift=shift, date=date.today(),
                         status=WalkListStatus.PUBLISHED,
                         stops=[WalkListStop(address_id=d.id, seq=n) for n, d in enumerate(doors, 1)])  # fmt: skip
    session.add(walk_list)
    coach = factories.user("coach")
    for n, (door, outcome) in enumerate(zip(doors, outcomes, strict=False)):
        interests = (
            [VisitInterest(measure_key="radiator_foil", level=Interest.INTERESTED)]
            if n == 0
            else []
        )
        session.add(Visit(uuid=uuid.uuid4(), address=door, walk_list=walk_list, recorded_by=coach,
                          outcome=outcome, visited_at=NOON + timedelta(seconds=n * seconds_apart),
                          interests=interests))  # fmt: skip
    session.flush()
    return team


@pytest.fixture(autouse=True)
def _measure(session) -> None:  # noqa: ANN001
    session.add(
        Measure(key="radiator_foil", name_nl="Radiatorfolie", name_en="Foil", category="small")
    )
    session.flush()


def test_progress_and_signals_per_team(session, make_user) -> None:  # noqa: ANN001
    lead = make_user("lead")
    usual = [Outcome.NOT_HOME] * 6 + [Outcome.CONVERSATION] * 3 + [Outcome.REFUSED]
    calm = _team_day(session, "Team Rustig", lead, usual, seconds_apart=240)
    too_good = [Outcome.CONVERSATION] * 11 + [Outcome.NOT_HOME]
    rushed = _team_day(session, "Team Snel", lead, too_good, seconds_apart=5)
    days = {d.team_name: d for d in progress.team_days(session, [calm, rushed], date.today())}
    rustig, snel = days["Team Rustig"], days["Team Snel"]
    assert (rustig.planned, rustig.visited, rustig.contacts, rustig.conversations) == (12, 10, 4, 3)
    assert rustig.interested == 1 and rustig.signals == []
    assert (snel.planned, snel.visited, snel.conversations, snel.quick_pairs) == (12, 12, 11, 11)
    assert len(snel.signals) == 2
    assert "92 %" in snel.signals[0]  # 11 of 12 opened
    assert snel.signals[1].startswith("11 ")


def test_a_whole_entrance_logged_at_once_is_not_a_signal(session, make_user) -> None:  # noqa: ANN001
    """ "Not home" for every flat behind one door is one tap: those seconds are honest."""
    lead = make_user("lead")
    team = _team_day(
        session, "Team Flat", lead, [Outcome.NOT_HOME] * 12, seconds_apart=1, flats=True
    )
    (day,) = progress.team_days(session, [team], date.today())
    assert (day.visited, day.quick_pairs, day.signals) == (12, 0, [])


def test_the_lead_page_shows_today_and_the_signal(client, session, make_user) -> None:  # noqa: ANN001
    lead = make_user("lead")
    _team_day(session, "Team Snel", lead, [Outcome.CONVERSATION] * 12, seconds_apart=5)
    _team_day(session, "Team Anders", make_user("lead"), [Outcome.NOT_HOME] * 3, seconds_apart=60)
    login(client, lead)
    html = client.get("/lead/").get_data(as_text=True)
    assert "<td>Team Snel</td><td>12</td><td>12</td><td>12</td><td>1</td>" in html
    assert "Bij 100 % van de deuren deed iemand open" in html
    assert "Team Anders" not in html  # another lead's team
    assert 'src="data:image/svg+xml;base64,' in html
