"""The demo, loaded under a fixed clock on awkward days, loads and makes sense on each of them:
today's walk lists for every coach, two weeks walked up to yesterday, nothing in the future,
reports with figures. SQLite takes every day; PostgreSQL a few (a load takes seconds)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from eteams.models import (
    AdviceLetter,
    Attendance,
    Campaign,
    Employee,
    Employer,
    Shift,
    Team,
    TeamMembership,
    TrainingRecord,
    Visit,
    WalkList,
)
from eteams.models.enums import WalkListStatus
from eteams.services import clock, demo, placement, programme, progress, sroi
from tests.conftest import frozen, login

AMS = clock.LOCAL
# Amsterdam wall-clock moments; the small hours are a day ahead of UTC.
MOMENTS = {
    "today": dt.datetime(2026, 12, 1, 9, 0),  # a Tuesday
    "new-years-eve": dt.datetime(2026, 12, 31, 23, 30),
    "new-year-0030": dt.datetime(2027, 1, 1, 0, 30),  # still 31 December in UTC
    "saturday": dt.datetime(2027, 1, 2, 12, 0),
    "leap-day": dt.datetime(2028, 2, 29, 8, 0),
    "after-leap-day": dt.datetime(2028, 3, 1, 0, 15),
    "dst-starts": dt.datetime(2027, 3, 28, 3, 30),  # a Sunday; 02:00 became 03:00
    "dst-ends": dt.datetime(2027, 10, 31, 2, 30),  # a Sunday; 02:30 happens twice
    "monday": dt.datetime(2027, 4, 5, 7, 0),  # the two weeks before it span summer time coming
}
ON_POSTGRESQL = {"new-year-0030", "leap-day", "dst-ends"}
QUICK_PLANNING = 60  # planner iterations: the same doors and lists, less polished routes


def _aware(instant: dt.datetime) -> dt.datetime:
    return instant if instant.tzinfo else instant.replace(tzinfo=dt.UTC)


@pytest.mark.parametrize("name", MOMENTS)
@pytest.mark.postgresql_cases(ON_POSTGRESQL)
def test_demo_loads_and_makes_sense(name: str, app, session) -> None:  # noqa: ANN001
    now = MOMENTS[name].replace(tzinfo=AMS)
    today = MOMENTS[name].date()
    with frozen(now):
        assert clock.today() == today
        with app.app_context():  # the services' messages are translated
            logins = demo.load_demo(session, clock.today(), plan_iterations=QUICK_PLANNING)
            session.flush()
        _people_and_teams_make_sense(session, today)
        _the_past_was_walked(session, now, today)
        _today_has_lists(session, app, logins, today)
        with app.app_context():
            _reports_have_figures(session, today)


def _people_and_teams_make_sense(session, today: dt.date) -> None:  # noqa: ANN001
    employees = session.scalars(select(Employee)).all()
    assert all(e.hired_on < today for e in employees)
    assert all(e.ended_on is None or e.hired_on < e.ended_on < today for e in employees)
    assert any(e.ended_on for e in employees)  # the leaver, for the outflow figure
    hired = {e.id: e.hired_on for e in employees}
    assert all(hired[t.employee_id] <= t.completed_on <= today
               for t in session.scalars(select(TrainingRecord)))  # fmt: skip
    for m in session.scalars(select(TeamMembership)):
        assert hired[m.employee_id] <= m.from_date <= today
        assert m.to_date is None or m.from_date <= m.to_date
    campaign = session.scalar(select(Campaign))
    assert campaign.starts_on < today < campaign.ends_on
    first_shift = min(session.scalars(select(Shift.date)))
    assert campaign.starts_on <= first_shift
    assert str(campaign.starts_on.year) in campaign.name


def _the_past_was_walked(session, now: dt.datetime, today: dt.date) -> None:  # noqa: ANN001
    visits = session.scalars(select(Visit)).all()
    assert len(visits) > 100
    lists = {wl.id: wl for wl in session.scalars(select(WalkList))}
    for visit in visits:
        assert _aware(visit.visited_at) < now
        # Walked in the shift's morning, on the list's own (Amsterdam) day.
        assert clock.local_day(visit.visited_at) == lists[visit.walk_list_id].date < today
        local = _aware(visit.visited_at).astimezone(AMS).time()
        assert dt.time(9, 30) <= local <= dt.time(12, 30)
        # Recorded when it happened: no coach may "correct" a visit of days ago (24 hours).
        assert _aware(visit.created_at) == _aware(visit.visited_at)
    # Each morning starts ten minutes into the 09:30 shift, in winter and in summer time.
    starts: dict[int, dt.datetime] = {}
    for visit in visits:
        at = _aware(visit.visited_at)
        starts[visit.walk_list_id] = min(starts.get(visit.walk_list_id, at), at)
    assert {s.astimezone(AMS).strftime("%H:%M") for s in starts.values()} <= {
        "09:40", "09:41", "09:42", "09:43"
    }  # fmt: skip
    walked_days = {clock.local_day(v.visited_at) for v in visits}
    assert min(walked_days) >= today - dt.timedelta(days=demo.WALKED_DAYS)
    assert len(walked_days) >= 6  # Monday to Thursday over two weeks
    attended = session.scalars(select(Shift.date).join(Attendance)).all()
    assert attended and max(attended) < today
    future = session.scalars(select(Shift.date).where(Shift.date > today)).all()
    assert future and max(future) <= today + dt.timedelta(days=demo.PLANNED_DAYS_AHEAD)
    assert not session.scalars(select(WalkList).where(WalkList.date > today)).all()
    letters = session.scalars(select(AdviceLetter)).all()
    assert letters
    for letter in letters:
        assert _aware(letter.sent_at) < now
        made = dt.date.fromisoformat(letter.figures_snapshot["created_on"])
        visited = dt.date.fromisoformat(letter.figures_snapshot["visit_date"])
        assert visited < made == clock.local_day(letter.sent_at) < today


def _today_has_lists(session, app, logins, today: dt.date) -> None:  # noqa: ANN001
    for team in session.scalars(select(Team)):
        todays = session.scalars(
            select(WalkList).join(Shift).where(Shift.team_id == team.id, WalkList.date == today)
        ).all()
        assert [wl.status for wl in todays] == [WalkListStatus.PUBLISHED], team.name
        assert todays[0].stops
    coaches = [x for x in logins if x.role == "coach"]
    assert len(coaches) == 8
    for coach in coaches[:: len(coaches) - 1]:  # the first and the last
        client = app.test_client()  # a tablet of their own
        login(client, SimpleNamespace(email=coach.email), password=coach.password)
        lists = client.get("/api/v1/walklists").json
        assert lists and min(wl["date"] for wl in lists) == today.isoformat(), coach.email
        assert lists[0]["stops"]
        assert "js-today" in client.get("/coach/").get_data(as_text=True)
    lead = next(x for x in logins if x.role == "lead")
    client = app.test_client()
    login(client, SimpleNamespace(email=lead.email), password=lead.password)
    page = client.get("/lead/").get_data(as_text=True)
    heading = page.split('id="today-title">', 1)[1].split("</h2>", 1)[0]
    assert f" {today.day} " in heading and str(today.year) in heading
    assert 'src="data:image/svg' in page  # the day's chart: doors planned per team


def _reports_have_figures(session, today: dt.date) -> None:  # noqa: ANN001
    teams = session.scalars(select(Team)).all()
    assert all(d.planned > 0 for d in progress.team_days(session, list(teams), today))
    start = today - dt.timedelta(days=90)  # "the last months"
    for employer in session.scalars(select(Employer)):
        report = placement.placement_report(session, employer.id, start, today)
        assert report.total_hours > 0, employer.name
        assert report.sroi_table is not None
    assert sroi.rule_table_for(session, "Utrecht", start) is not None
    figures = programme.programme_report(session, start, today)
    assert figures.conversations > 0 and figures.households_reached > 0
    assert figures.letters_sent > 0 and figures.measures
    assert figures.outflow_to_work == 1
