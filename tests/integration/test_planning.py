"""Walk-list planning: who is eligible, capacity, priorities, entrances, kept lists."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from eteams.models import Address, Visit, WalkList
from eteams.models.enums import EnergyLabel, Outcome, Tenure, WalkListStatus
from eteams.services import clock, planning, shifts
from tests import factories

DAY = date(2026, 6, 10)


@pytest.fixture
def campaign(session):  # noqa: ANN001, ANN201
    return factories.CampaignFactory()


def _team_on_shift(
    session, start=time(9, 0), end=time(12, 0), lat=52.0900, lon=5.1000, max_walk_km=None
):  # noqa: ANN001, ANN201
    team = factories.TeamFactory(max_walk_km=max_walk_km)
    factories.MembershipFactory(team=team)
    factories.MembershipFactory(team=team)
    session.flush()
    return shifts.schedule_shift(
        session, shifts.ShiftData(team.id, DAY, start, end, "Buurthuis", lat, lon), actor_id=None
    )


def _door(campaign, n, **kwargs) -> Address:  # noqa: ANN001
    defaults = {
        "street": f"Straat {n // 20}",
        "house_number": n + 1,
        "lat": 52.0900 + (n % 20) * 0.0001,
        "lon": 5.1000 + (n // 20) * 0.0008,
    }
    return factories.AddressFactory(campaign=campaign, **{**defaults, **kwargs})


def _visit(session, address, outcome, days_ago, **kwargs) -> None:  # noqa: ANN001
    when = datetime.combine(DAY - timedelta(days=days_ago), time(10), tzinfo=UTC)
    session.add(
        Visit(
            uuid=uuid.uuid4(),
            address=address,
            recorded_by=factories.user("coach"),
            outcome=outcome,
            visited_at=when,
            **kwargs,
        )
    )
    session.flush()


def _planned_ids(outcome) -> list[int]:  # noqa: ANN001
    return [s.address_id for wl in outcome.walk_lists for s in wl.stops]


def test_every_eligible_door_is_planned_once_or_unplanned_and_no_list_is_over_capacity(
    session, campaign
) -> None:  # noqa: ANN001
    doors = [_door(campaign, n) for n in range(60)]
    no_coordinates = _door(campaign, 99, lat=None, lon=None)
    shift_a, shift_b = _team_on_shift(session), _team_on_shift(session, lat=52.0915, lon=5.1040)
    outcome = planning.plan_day(session, campaign, DAY, doors_per_hour=8, seconds=2, actor_id=None)
    planned = _planned_ids(outcome)
    assert len(planned) == len(set(planned))  # nobody twice
    assert set(planned) | set(outcome.unplanned) == {d.id for d in doors} | {no_coordinates.id}
    assert not set(planned) & set(outcome.unplanned)
    assert no_coordinates.id in outcome.unplanned
    assert all(
        len(wl.stops) <= planning.capacity(s, 8)
        for wl, s in zip(outcome.walk_lists, (shift_a, shift_b), strict=True)
    )
    assert sorted(len(wl.stops) for wl in outcome.walk_lists) == [24, 24]
    assert all(wl.planned_distance_m > 0 and wl.planned_minutes == 180 for wl in outcome.walk_lists)


def test_lists_are_balanced_when_there_is_room_to_spare(session, campaign) -> None:  # noqa: ANN001
    for n in range(30):
        _door(campaign, n)
    _team_on_shift(session)
    _team_on_shift(session, lat=52.0915, lon=5.1040)
    outcome = planning.plan_day(session, campaign, DAY, seconds=2, actor_id=None)
    sizes = sorted(len(wl.stops) for wl in outcome.walk_lists)
    assert sum(sizes) == 30 and sizes[1] - sizes[0] <= 2


def test_do_not_visit_and_refusals_are_never_planned(session, campaign) -> None:  # noqa: ANN001
    marked = _door(campaign, 1, do_not_visit=True)
    refused = _door(campaign, 2)
    _visit(session, refused, Outcome.REFUSED, days_ago=30)
    asked = _door(campaign, 3)
    _visit(session, asked, Outcome.DO_NOT_VISIT, days_ago=30)
    fine = _door(campaign, 4)
    _team_on_shift(session)
    outcome = planning.plan_day(session, campaign, DAY, seconds=1, actor_id=None)
    assert _planned_ids(outcome) == [fine.id]
    assert not {marked.id, refused.id, asked.id} & set(outcome.unplanned)


def test_revisit_rules(session, campaign) -> None:  # noqa: ANN001
    never = _door(campaign, 1)
    twice = _door(campaign, 2)
    _visit(session, twice, Outcome.NOT_HOME, days_ago=9)
    _visit(session, twice, Outcome.NO_ANSWER, days_ago=5)
    thrice = _door(campaign, 3)
    for days in (12, 8, 4):
        _visit(session, thrice, Outcome.NOT_HOME, days_ago=days)
    yesterday = _door(campaign, 4)
    _visit(session, yesterday, Outcome.NOT_HOME, days_ago=1)
    two_days = _door(campaign, 5)
    _visit(session, two_days, Outcome.NOT_HOME, days_ago=2)
    talked = _door(campaign, 6)
    _visit(session, talked, Outcome.CONVERSATION, days_ago=10)
    follow_up = _door(campaign, 7)
    _visit(session, follow_up, Outcome.CONVERSATION, days_ago=1, follow_up_on=DAY)
    later = _door(campaign, 8)
    _visit(session, later, Outcome.CONVERSATION, days_ago=3, follow_up_on=DAY + timedelta(days=5))
    eligible = {c.address.id for c in planning.eligible_doors(session, campaign.id, DAY)}
    assert eligible == {never.id, twice.id, two_days.id, follow_up.id}


def test_best_doors_go_first_when_there_are_too_many(session, campaign) -> None:  # noqa: ANN001
    best = [
        _door(campaign, n, building_year=1925, tenure=Tenure.OWNER, energy_label=EnergyLabel.G)
        for n in range(12)
    ]
    rest = [
        _door(
            campaign,
            20 + n,
            building_year=2010,
            tenure=Tenure.SOCIAL_RENT,
            energy_label=EnergyLabel.A,
        )
        for n in range(12)
    ]
    for door in rest:
        _visit(session, door, Outcome.NOT_HOME, days_ago=7)
    _team_on_shift(session, start=time(9, 0), end=time(10, 30))  # 12 doors of room
    outcome = planning.plan_day(session, campaign, DAY, seconds=2, actor_id=None)
    assert set(_planned_ids(outcome)) == {d.id for d in best}
    assert set(outcome.unplanned) == {d.id for d in rest}


def test_flats_behind_one_entrance_stay_together(session, campaign) -> None:  # noqa: ANN001
    flats = [
        _door(
            campaign,
            5,
            house_number=40,
            house_number_addition=str(n),
            entrance_key="3531 CA 40",
            lat=52.0905,
            lon=5.1005,
        )
        for n in (3, 1, 2)
    ]
    for n in range(20):
        _door(campaign, 100 + n, lat=52.0900 + n * 0.0002, lon=5.1020)
    _team_on_shift(session)
    _team_on_shift(session, lat=52.0920, lon=5.1020)
    outcome = planning.plan_day(session, campaign, DAY, seconds=2, actor_id=None)
    for wl in outcome.walk_lists:
        ids = [s.address_id for s in wl.stops]
        if flats[0].id in ids:
            at = ids.index(flats[1].id)  # addition 1 first
            assert ids[at : at + 3] == [flats[1].id, flats[2].id, flats[0].id]
            break
    else:
        pytest.fail("the entrance was not planned")


def test_replanning_keeps_locked_and_published_lists(session, campaign) -> None:  # noqa: ANN001
    for n in range(40):
        _door(campaign, n)
    shift_a = _team_on_shift(session)
    _team_on_shift(session, lat=52.0915, lon=5.1040)
    first = planning.plan_day(session, campaign, DAY, seconds=1, actor_id=None)
    locked = next(wl for wl in first.walk_lists if wl.shift_id == shift_a.id)
    locked.locked = True
    kept_doors = [s.address_id for s in locked.stops]
    session.flush()
    second = planning.plan_day(session, campaign, DAY, seconds=1, actor_id=None)
    assert [wl.id for wl in second.kept] == [locked.id]
    assert [s.address_id for s in locked.stops] == kept_doors
    assert not set(kept_doors) & set(_planned_ids(second))
    assert len(second.walk_lists) == 1
    assert session.query(WalkList).filter_by(date=DAY).count() == 2


def test_team_walking_limit_is_respected(session, campaign) -> None:  # noqa: ANN001
    for n in range(40):
        _door(campaign, n, lat=52.0900 + n * 0.0004, lon=5.1000)  # a 1.6 km long street
    _team_on_shift(session, max_walk_km=0.5)
    outcome = planning.plan_day(session, campaign, DAY, seconds=1, actor_id=None)
    assert outcome.walk_lists[0].planned_distance_m <= 500
    assert outcome.unplanned


def test_lists_start_near_the_meeting_point(session, campaign) -> None:  # noqa: ANN001
    for n in range(24):
        _door(campaign, n, lat=52.0900 + n * 0.0003, lon=5.1000)
    _team_on_shift(session, lat=52.0969, lon=5.1000)  # at the far end of the street
    outcome = planning.plan_day(session, campaign, DAY, seconds=1, actor_id=None)
    first = session.get(Address, outcome.walk_lists[0].stops[0].address_id)
    assert first.lat > 52.0960


def test_no_shifts_or_bad_doors_per_hour_is_a_clear_message(in_app, session, campaign) -> None:  # noqa: ANN001
    from eteams.services.errors import ValidationError

    with pytest.raises(ValidationError) as error:
        planning.plan_day(session, campaign, DAY, actor_id=None)
    assert "shift_ids" in error.value.fields
    _team_on_shift(session)
    with pytest.raises(ValidationError):
        planning.plan_day(session, campaign, DAY, doors_per_hour=0, actor_id=None)
    assert session.query(WalkList).count() == 0
    _ = WalkListStatus.DRAFT


# --- API and CLI ----------------------------------------------------------------------


def test_api_plan_then_patch_with_versions(client, session, campaign, make_user) -> None:  # noqa: ANN001
    from tests.conftest import login

    doors = [_door(campaign, n) for n in range(30)]
    shift_a, shift_b = _team_on_shift(session), _team_on_shift(session, lat=52.0915, lon=5.1040)
    headers = {"X-CSRFToken": login(client, make_user("lead"))}
    response = client.post(
        f"/api/v1/campaigns/{campaign.id}/plans",
        json={"date": DAY.isoformat(), "shift_ids": [shift_a.id, shift_b.id], "doors_per_hour": 8},
        headers=headers,
    )
    assert response.status_code == 201, response.json
    body = response.json
    lists = {wl["shift_id"]: wl for wl in body["walklists"]}
    assert set(lists) == {shift_a.id, shift_b.id}
    assert sum(len(wl["stops"]) for wl in body["walklists"]) + len(body["unplanned"]) == len(doors)
    first = lists[shift_a.id]
    assert first["stops"][0]["seq"] == 1 and first["stops"][0]["label"].startswith("Straat")
    # Move a door from the other list to this one and reverse the order.
    moved = lists[shift_b.id]["stops"][0]["address_id"]
    new_order = [moved, *reversed([s["address_id"] for s in first["stops"]])][:24]
    patched = client.patch(
        f"/api/v1/walklists/{first['id']}",
        json={"version": first["version"], "stops": new_order},
        headers=headers,
    )
    assert patched.status_code == 200, patched.json
    assert [s["address_id"] for s in patched.json["stops"]] == new_order
    assert patched.json["version"] == first["version"] + 1
    other = client.get(f"/api/v1/walklists/{lists[shift_b.id]['id']}").json
    assert moved not in [s["address_id"] for s in other["stops"]]
    # A second lead still holding the old version gets a clear conflict, not an overwrite.
    stale = client.patch(
        f"/api/v1/walklists/{first['id']}",
        json={"version": first["version"], "status": "published"},
        headers=headers,
    )
    assert stale.status_code == 409 and stale.json["error"] == "conflict"
    assert client.get(f"/api/v1/walklists/{first['id']}").json["status"] == "draft"
    published = client.patch(
        f"/api/v1/walklists/{first['id']}",
        json={"version": patched.json["version"], "status": "published"},
        headers=headers,
    )
    assert published.json["status"] == "published"


def test_patch_refuses_over_capacity_and_foreign_doors(
    client, session, campaign, make_user
) -> None:  # noqa: ANN001
    from tests.conftest import login

    doors = [_door(campaign, n) for n in range(30)]
    _team_on_shift(session)
    outcome = planning.plan_day(session, campaign, DAY, seconds=1, actor_id=None)
    session.commit() if False else session.flush()
    wl = outcome.walk_lists[0]
    headers = {"X-CSRFToken": login(client, make_user("lead"))}
    too_many = client.patch(
        f"/api/v1/walklists/{wl.id}",
        json={"version": wl.version, "stops": [d.id for d in doors[:25]]},
        headers=headers,
    )
    assert too_many.status_code == 422 and "stops" in too_many.json["fields"]
    assert too_many.json["error"] == "over_capacity"  # a warning: the lead may keep them
    assert "25 deuren: 1 meer dan de 24" in too_many.json["fields"]["stops"][0]  # in Dutch
    kept = client.patch(
        f"/api/v1/walklists/{wl.id}",
        json={"version": wl.version, "stops": [d.id for d in doors[:25]], "over_capacity": True},
        headers=headers,
    )
    assert kept.status_code == 200 and len(kept.json["stops"]) == 25
    wl = session.get(WalkList, wl.id)
    session.refresh(wl)
    stranger = factories.AddressFactory()
    foreign = client.patch(
        f"/api/v1/walklists/{wl.id}",
        json={"version": wl.version, "stops": [stranger.id]},
        headers=headers,
    )
    assert foreign.status_code == 422


def test_coach_sees_only_published_lists_of_own_shifts(
    client, session, campaign, make_user
) -> None:  # noqa: ANN001
    from tests.conftest import login

    for n in range(10):
        _door(campaign, n)
    today = clock.today()
    team = factories.TeamFactory()
    member = factories.MembershipFactory(team=team).employee
    shift = shifts.schedule_shift(
        session,
        shifts.ShiftData(team.id, today, time(9), time(12), "Buurthuis", 52.09, 5.10),
        actor_id=None,
    )
    outcome = planning.plan_day(session, campaign, today, [shift.id], seconds=1, actor_id=None)
    session.flush()
    login(client, make_user("coach", employee=member))
    assert client.get("/api/v1/walklists").json == []
    outcome.walk_lists[0].status = WalkListStatus.PUBLISHED
    session.flush()
    listed = client.get(f"/api/v1/walklists?date={today.isoformat()}").json
    assert [wl["id"] for wl in listed] == [outcome.walk_lists[0].id]
    assert "contact_name" not in str(listed)


def test_cli_plan(app, session, campaign) -> None:  # noqa: ANN001
    for n in range(10):
        _door(campaign, n)
    _team_on_shift(session)
    result = app.test_cli_runner().invoke(
        args=["plan", "--campaign", campaign.name, "--date", DAY.isoformat()]
    )
    assert result.exit_code == 0, result.output
    assert "planned 1 lists" in result.output and "unplanned 0 doors" in result.output
    bad = app.test_cli_runner().invoke(
        args=["plan", "--campaign", campaign.name, "--date", "2020-01-01"]
    )
    assert bad.exit_code != 0 and "shift_ids" in bad.output


def test_a_second_campaign_cannot_book_shifts_that_already_have_lists(
    client, session, campaign, make_user
) -> None:  # noqa: ANN001
    """Issue 13, finding 11: one list per shift, whichever campaign plans it."""
    from tests.conftest import login

    for n in range(20):
        _door(campaign, n)
    other = factories.CampaignFactory(name="Zuilen-Noord")
    for n in range(20):
        _door(other, 100 + n)
    shift_a, shift_b = _team_on_shift(session), _team_on_shift(session, lat=52.0915, lon=5.1040)
    first = planning.plan_day(session, other, DAY, [shift_a.id], seconds=1, actor_id=None)
    session.flush()
    headers = {"X-CSRFToken": login(client, make_user("lead"))}
    url = f"/api/v1/campaigns/{campaign.id}/plans"
    for shift_ids in ([shift_a.id, shift_b.id], None):
        refused = client.post(
            url, json={"date": DAY.isoformat(), "shift_ids": shift_ids}, headers=headers
        )
        assert refused.status_code == 422, refused.json
        (message,) = refused.json["fields"]["shift_ids"]
        assert shift_a.team.name in message and "Zuilen-Noord" in message
        assert shift_b.team.name not in message
    assert session.query(WalkList).filter_by(shift_id=shift_a.id).count() == 1
    assert session.query(WalkList).filter_by(shift_id=shift_b.id).count() == 0
    assert [wl.campaign_id for wl in session.query(WalkList)] == [other.id]
    # The free shift can be planned; the other campaign's list stays as it was.
    planned = client.post(
        url, json={"date": DAY.isoformat(), "shift_ids": [shift_b.id]}, headers=headers
    )
    assert planned.status_code == 201, planned.json
    assert session.get(WalkList, first.walk_lists[0].id).campaign_id == other.id
    # Planning the other campaign again replaces its own draft, never doubles it.
    again = planning.plan_day(session, other, DAY, [shift_a.id], seconds=1, actor_id=None)
    session.flush()
    assert [wl.shift_id for wl in again.walk_lists] == [shift_a.id]
    for shift in (shift_a, shift_b):
        assert session.query(WalkList).filter_by(shift_id=shift.id).count() == 1


def test_replanning_the_same_campaign_makes_one_list_per_shift(session, campaign) -> None:  # noqa: ANN001
    for n in range(40):
        _door(campaign, n)
    shift_a = _team_on_shift(session)
    shift_b = _team_on_shift(session, lat=52.0915, lon=5.1040)
    first = planning.plan_day(session, campaign, DAY, seconds=1, actor_id=None)
    published = next(wl for wl in first.walk_lists if wl.shift_id == shift_b.id)
    published.status = WalkListStatus.PUBLISHED
    session.flush()
    for shift_ids in (None, [shift_a.id], [shift_a.id, shift_b.id]):
        planning.plan_day(session, campaign, DAY, shift_ids, seconds=1, actor_id=None)
        session.flush()
        for shift in (shift_a, shift_b):
            assert session.query(WalkList).filter_by(shift_id=shift.id).count() == 1


def test_a_list_published_while_the_solver_works_is_kept_as_published(session, campaign) -> None:  # noqa: ANN001
    """A background plan reads the day, lets go of the database while the solver works, and
    looks again before writing: a list the lead published meanwhile stays as it is, only the
    other shift is planned anew, and no door ends up on two lists."""
    for n in range(40):
        _door(campaign, n)
    _team_on_shift(session)
    _team_on_shift(session, lat=52.0915, lon=5.1040)
    first, second = planning.plan_day(session, campaign, DAY, doors_per_hour=8, seconds=1,
                                      actor_id=None).walk_lists  # fmt: skip
    published = [s.address_id for s in first.stops]

    def meanwhile() -> None:  # the lead publishes the first list during the solve
        first.status = WalkListStatus.PUBLISHED
        session.flush()

    again = planning.plan_day(session, campaign, DAY, doors_per_hour=8, seconds=1,
                              actor_id=None, release=meanwhile)  # fmt: skip
    assert [wl.shift_id for wl in again.walk_lists] == [second.shift_id]
    assert [s.address_id for s in first.stops] == published
    fresh = again.walk_lists[0]
    assert not {s.address_id for s in fresh.stops} & set(published)
    assert not set(again.unplanned) & set(published)
    lists = session.scalars(select(WalkList).where(WalkList.date == DAY)).all()
    assert sorted(wl.id for wl in lists) == sorted([first.id, fresh.id])


@pytest.mark.parametrize(
    ("day", "start", "end", "hours", "room"),
    [
        (date(2027, 3, 28), time(1, 30), time(3, 30), 1, 8),  # clocks forward at 02:00
        (date(2027, 10, 31), time(1, 30), time(3, 30), 3, 24),  # clocks back at 03:00
        (date(2027, 6, 1), time(9, 0), time(12, 30), 3.5, 28),
        (date(2028, 2, 29), time(18, 0), time(21, 0), 3, 24),
    ],
)
def test_a_shift_lasts_the_hours_the_clock_really_runs(day, start, end, hours, room) -> None:  # noqa: ANN001
    """Room for doors is hours × doors an hour, by real hours: a shift across the night the
    clocks go forward is an hour shorter than its times say, and one going back an hour
    longer (worked out from the Netherlands' switch at 02:00 CET / 03:00 CEST)."""
    from decimal import Decimal

    from eteams.models import Shift

    shift = Shift(date=day, start_time=start, end_time=end)
    assert shift.hours == Decimal(str(hours))
    assert planning.capacity(shift, 8) == room
