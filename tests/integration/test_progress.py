"""The lead's day: progress per team, and signals when the logged data look wrong."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import select

from eteams.models import Measure, Shift, Visit, VisitInterest, WalkList, WalkListStop
from eteams.models.enums import Interest, Outcome, WalkListStatus
from eteams.services import clock, progress, shifts
from tests import factories
from tests.conftest import login

NOON = datetime.combine(clock.today(), time(12), tzinfo=UTC)


def _team_day(session, name, lead, outcomes, seconds_apart, flats=False):  # noqa: ANN001, ANN202
    """A team with a walk list today of 12 doors, ``outcomes`` logged ``seconds_apart``."""
    team = factories.TeamFactory(name=name, lead_user_id=lead.id)
    factories.MembershipFactory(team=team)
    shift = shifts.schedule_shift(
        session,
        shifts.ShiftData(team.id, clock.today(), time(0, 0), time(23, 59), "Buurthuis"),
        actor_id=None,
    )
    campaign = factories.CampaignFactory()
    number = factories.AddressFactory(campaign=campaign).house_number
    doors = [factories.AddressFactory(campaign=campaign, house_number=number,
                                      house_letter=chr(65 + n)) if flats
             else factories.AddressFactory(campaign=campaign) for n in range(12)]  # fmt: skip
    walk_list = WalkList(campaign_id=campaign.id, shift=shift, date=clock.today(),
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
    session.add(Measure(key="hybrid_heat_pump", name_nl="Hybride warmtepomp", name_en="Hybrid heat pump",
                        category="heating"))  # fmt: skip
    session.flush()


def test_progress_and_signals_per_team(session, make_user) -> None:  # noqa: ANN001
    lead = make_user("lead")
    usual = [Outcome.NOT_HOME] * 6 + [Outcome.CONVERSATION] * 3 + [Outcome.REFUSED]
    calm = _team_day(session, "Team Rustig", lead, usual, seconds_apart=240)
    too_good = [Outcome.CONVERSATION] * 11 + [Outcome.NOT_HOME]
    rushed = _team_day(session, "Team Snel", lead, too_good, seconds_apart=5)
    days = {d.team_name: d for d in progress.team_days(session, [calm, rushed], clock.today())}
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
    (day,) = progress.team_days(session, [team], clock.today())
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
    assert "Om te vieren deze week" in html
    assert "De meeste gesprekken van alle teams deze week: 12." in html
    row = "<td>Team Snel</td><td>12</td><td>12</td><td>12</td><td>1</td>"
    assert html.count(row) == 2  # today and this week


def test_the_coach_sees_the_milestones_of_their_team(client, session, make_user) -> None:  # noqa: ANN001
    team = _team_day(session, "Team Snel", make_user("lead"), [Outcome.CONVERSATION] * 3, 60)
    member = team.memberships[0].employee
    login(client, make_user("coach", employee=member))
    html = client.get("/coach/").get_data(as_text=True)
    assert "<strong>Team Snel</strong>: De meeste gesprekken van alle teams deze week: 3." in html


def test_milestones_of_the_week(session, make_user) -> None:  # noqa: ANN001
    """99 conversations before this week and 2 in it: the 100th is this week's milestone."""
    lead = make_user("lead")
    busy = _team_day(session, "Team Veel", lead, [Outcome.CONVERSATION] * 2, seconds_apart=300)
    quiet = _team_day(session, "Team Stil", lead, [Outcome.CONVERSATION], seconds_apart=300)
    walk_list = session.scalars(select(WalkList).join(Shift).where(Shift.team_id == busy.id)).one()
    coach = factories.user("coach")
    last_week = NOON - timedelta(days=7)
    for n in range(99):
        session.add(Visit(uuid=uuid.uuid4(), address=factories.AddressFactory(), walk_list=walk_list,
                          recorded_by=coach, outcome=Outcome.CONVERSATION,
                          visited_at=last_week - timedelta(minutes=n)))  # fmt: skip
    # The first heat-pump appointment of a street: this week, by the quiet team.
    street = factories.AddressFactory(street="Warmtestraat")
    quiet_list = session.scalars(
        select(WalkList).join(Shift).where(Shift.team_id == quiet.id)
    ).one()
    session.add(Visit(uuid=uuid.uuid4(), address=street, walk_list=quiet_list, recorded_by=coach,
                      outcome=Outcome.CONVERSATION, visited_at=NOON, appointment_at=NOON + timedelta(days=3),
                      interests=[VisitInterest(measure_key="hybrid_heat_pump", level=Interest.INTERESTED)]))  # fmt: skip
    session.flush()
    found = {
        (m.team_name, m.text) for m in progress.milestones(session, [busy, quiet], clock.today())
    }
    assert ("Team Veel", "100 conversations since the start!") in found
    assert ("Team Stil", "The first heat-pump appointment in Warmtestraat!") in found
    # Both had 2 conversations this week: a tie, so both are the week's best; nobody is last.
    assert ("Team Veel", "The most conversations of all teams this week: 2.") in found
    assert ("Team Stil", "The most conversations of all teams this week: 2.") in found
    assert len(found) == 4
    # A second heat-pump appointment in the same street is no longer the first.
    later = factories.AddressFactory(street="Warmtestraat", campaign=street.campaign)
    session.add(Visit(uuid=uuid.uuid4(), address=later, walk_list=walk_list, recorded_by=coach,
                      outcome=Outcome.CONVERSATION, visited_at=NOON + timedelta(hours=1),
                      appointment_at=NOON + timedelta(days=4),
                      interests=[VisitInterest(measure_key="hybrid_heat_pump", level=Interest.INTERESTED)]))  # fmt: skip
    session.flush()
    texts = [m.text for m in progress.milestones(session, [busy], clock.today())]
    assert "The first heat-pump appointment in Warmtestraat!" not in texts
    assert "The most conversations of all teams this week: 3." in texts


def test_the_week_sums_the_days_of_this_week_only(session, make_user) -> None:  # noqa: ANN001
    team = _team_day(
        session, "Team Week", make_user("lead"), [Outcome.CONVERSATION, Outcome.NOT_HOME], 60
    )
    (week,) = progress.team_week(session, [team], clock.today())
    assert (week.planned, week.visited, week.conversations, week.interested) == (12, 2, 1, 1)
    (next_week,) = progress.team_week(session, [team], clock.today() + timedelta(days=7))
    assert (next_week.planned, next_week.visited) == (0, 0)
