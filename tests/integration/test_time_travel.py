"""The main flows under a fixed clock on awkward nights: "today" is the Amsterdam day, not the
server's nor UTC's. From midnight to 01:00 (02:00 in summer) Amsterdam is a day ahead of UTC;
the tests stop the clock there, on a server whose own zone is UTC."""

from __future__ import annotations

import datetime as dt
import io
import uuid

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from eteams.models import Measure, Visit, VisitConsent, WalkList, WalkListStop
from eteams.models.enums import ConsentKind, Outcome, WalkListStatus
from eteams.services import clock, letters, planning, programme, shifts
from tests import factories
from tests.conftest import frozen, login

AMS = clock.LOCAL
NEW_YEARS_NIGHT = dt.datetime(2027, 1, 1, 0, 30, tzinfo=AMS)  # 2026-12-31 23:30 UTC
# (Amsterdam moment, its Amsterdam day): year end, and both nights the clocks change.
NIGHTS = {
    "31-dec-23:30": dt.datetime(2026, 12, 31, 23, 30, tzinfo=AMS),
    "1-jan-00:30": NEW_YEARS_NIGHT,
    "dst-starts-00:30": dt.datetime(2027, 3, 28, 0, 30, tzinfo=AMS),  # 27 March in UTC
    "dst-starts-03:30": dt.datetime(2027, 3, 28, 3, 30, tzinfo=AMS),  # just after 02:00 → 03:00
    "dst-ends-01:30": dt.datetime(2027, 10, 31, 1, 30, tzinfo=AMS),  # 30 October in UTC
    "dst-ends-02:30-again": dt.datetime(2027, 10, 31, 2, 30, fold=1, tzinfo=AMS),  # winter time
}


def _crew(session, make_user, days: list[dt.date]) -> dict:  # noqa: ANN001
    """A team with a coach and a lead; on each of ``days`` a night-long shift with a published
    walk list of two doors."""
    session.add(Measure(key="cavity_wall", name_nl="Spouwmuurisolatie",
                        name_en="Cavity wall", category="insulation"))  # fmt: skip
    lead = make_user("lead")
    team = factories.TeamFactory(lead_user_id=lead.id)
    member = factories.MembershipFactory(team=team, from_date=min(days)).employee
    campaign = factories.CampaignFactory(starts_on=min(days), ends_on=max(days))
    lists = {}
    for day in days:
        shift = shifts.schedule_shift(
            session,
            shifts.ShiftData(team.id, day, dt.time(0, 0), dt.time(23, 59), "Buurthuis"),
            actor_id=None,
        )
        doors = [factories.AddressFactory(campaign=campaign) for _ in range(2)]
        lists[day] = WalkList(
            campaign_id=campaign.id, shift=shift, date=day, status=WalkListStatus.PUBLISHED,
            stops=[WalkListStop(address_id=d.id, seq=n) for n, d in enumerate(doors, 1)],
        )  # fmt: skip
        session.add(lists[day])
    session.flush()
    coach = make_user("coach", employee=member)
    return {"lead": lead, "coach": coach, "team": team, "member": member, "lists": lists}


@pytest.mark.parametrize("name", NIGHTS)
def test_the_coachs_today_is_the_amsterdam_day(name, client, session, make_user) -> None:  # noqa: ANN001
    moment = NIGHTS[name]
    today = moment.date()
    week = dt.timedelta(days=7)
    crew = _crew(session, make_user, [today - dt.timedelta(days=1), today, today + week,
                                      today + week + dt.timedelta(days=1)])  # fmt: skip
    with frozen(moment):
        login(client, crew["coach"])
        lists = client.get("/api/v1/walklists").json
        # Today's list first, then the coming 7 days; yesterday's is gone from the tablet.
        assert [wl["date"] for wl in lists] == [today.isoformat(), (today + week).isoformat()]
        page = client.get("/coach/").get_data(as_text=True)
        coming = page.split('class="shift-list"', 1)[1].split("</ul>", 1)[0]
        assert coming.count("<li>") == 2
        assert f" {today.day} " in coming.split("<li>")[1]


def _visit_body(crew: dict, day: dt.date, at: dt.datetime) -> dict:
    walk_list = crew["lists"][day]
    return {
        "address_id": walk_list.stops[0].address_id,
        "walklist_id": walk_list.id,
        "visited_at": at.isoformat(),  # as the tablet sends it: Amsterdam time with its offset
        "outcome": "conversation",
        "household": {"tenure": "owner", "dwelling_type": "terraced", "language": "nl"},
        "interests": {"cavity_wall": "interested"},
        "consents": {"advice_letter": {"given": True, "wording_version": "2026-01"}},
    }


def test_a_visit_at_half_past_midnight_counts_for_new_years_day(app, session, make_user) -> None:  # noqa: ANN001
    new_year = NEW_YEARS_NIGHT.date()
    crew = _crew(session, make_user, [new_year - dt.timedelta(days=1), new_year])
    with frozen(NEW_YEARS_NIGHT + dt.timedelta(minutes=5)):
        tablet = app.test_client()
        headers = {"X-CSRFToken": login(tablet, crew["coach"])}
        sent = tablet.put(f"/api/v1/visits/{uuid.uuid4()}", headers=headers,
                          json=_visit_body(crew, new_year, NEW_YEARS_NIGHT))  # fmt: skip
        assert sent.status_code == 201, sent.json
        office = app.test_client()
        login(office, crew["lead"])
        page = office.get("/lead/").get_data(as_text=True)
    today = page.split('id="today-title">', 1)[1].split("</section>", 1)[0]
    assert "2027" in today and " 1 " in today.split("</h2>")[0]
    # Team · doors planned · doors done · conversations · interested
    row = today.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert [c.split("</td>")[0] for c in row.split("<td>")[2:]] == ["2", "1", "1", "1"]


def _conversation_on(session, crew: dict, day: dt.date, at: dt.datetime, door=None) -> Visit:  # noqa: ANN001
    walk_list = crew["lists"][day]
    visit = Visit(uuid=uuid.uuid4(), address_id=door or walk_list.stops[0].address_id,
                  walk_list=walk_list, recorded_by=crew["coach"], visited_at=at.astimezone(dt.UTC),
                  outcome=Outcome.CONVERSATION,
                  consents=[VisitConsent(kind=ConsentKind.ADVICE_LETTER, given=True,
                                         wording_version="2026-01")])  # fmt: skip
    session.add(visit)
    session.flush()
    return visit


def test_the_letters_of_yesterday_are_those_of_the_amsterdam_day(app, session, make_user) -> None:  # noqa: ANN001
    new_year = NEW_YEARS_NIGHT.date()
    crew = _crew(session, make_user, [new_year - dt.timedelta(days=1), new_year])
    _conversation_on(session, crew, new_year, NEW_YEARS_NIGHT)  # 23:30 UTC on 31 December
    office = app.test_client()
    with frozen(NEW_YEARS_NIGHT + dt.timedelta(days=1)):  # 2 January, 00:30 in Amsterdam
        login(office, crew["lead"])
        register = office.get("/lead/letters").get_data(as_text=True)
        assert 'value="2027-01-01"' in register  # yesterday, in Amsterdam
        assert crew["lists"][new_year].stops[0].address.street in register
        bundle = office.get("/lead/letters/2027-01-01.pdf")
        assert len(PdfReader(io.BytesIO(bundle.data)).pages) >= 1
        empty = office.get("/lead/letters/2026-12-31.pdf")  # no letters: no empty PDF
        assert empty.status_code == 302 and "date=2026-12-31" in empty.headers["Location"]
        letter = office.get(f"/api/v1/visits/{session.scalar(select(Visit.uuid))}/letter.pdf")
    assert letter.status_code == 200
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(letter.data)).pages)
    assert "1 januari 2027" in " ".join(text.split())  # the day the household met the coach


def test_a_report_from_1_january_counts_the_visit_at_half_past_midnight(
    app, session, make_user
) -> None:  # noqa: ANN001
    new_year = NEW_YEARS_NIGHT.date()
    crew = _crew(session, make_user, [new_year - dt.timedelta(days=1), new_year])
    _conversation_on(session, crew, new_year, NEW_YEARS_NIGHT)
    with app.app_context():
        this_year = programme.programme_report(session, new_year, dt.date(2027, 1, 31))
        last_year = programme.programme_report(session, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert (this_year.conversations, last_year.conversations) == (1, 0)


def test_attendance_of_today_s_shift_can_be_recorded_after_midnight(
    app, session, make_user
) -> None:  # noqa: ANN001
    new_year = NEW_YEARS_NIGHT.date()
    crew = _crew(session, make_user, [new_year])
    shift = crew["lists"][new_year].shift
    with frozen(NEW_YEARS_NIGHT):
        office = app.test_client()
        token = login(office, crew["lead"])
        sent = office.put(f"/api/v1/shifts/{shift.id}/attendance", headers={"X-CSRFToken": token},
                          json={"attendance": [{"employee_id": crew["member"].id,
                                                "status": "present", "hours": 1}]})  # fmt: skip
        assert sent.status_code == 200, sent.json


def test_a_follow_up_done_at_half_past_midnight_is_done(app, session, make_user) -> None:  # noqa: ANN001
    new_year = NEW_YEARS_NIGHT.date()
    crew = _crew(session, make_user, [new_year - dt.timedelta(days=10), new_year])
    first = _conversation_on(session, crew, new_year - dt.timedelta(days=10),
                             NEW_YEARS_NIGHT - dt.timedelta(days=10))  # fmt: skip
    first.follow_up_on = new_year  # "come back on new year's day"
    # And so they did, just after midnight.
    _conversation_on(session, crew, new_year, NEW_YEARS_NIGHT, door=first.address_id)
    with app.app_context():
        doors = planning.eligible_doors(session, first.address.campaign_id, new_year)
    assert first.address_id not in {d.address.id for d in doors}


def test_the_letter_reference_has_the_amsterdam_year(app, session, make_user) -> None:  # noqa: ANN001
    new_year = NEW_YEARS_NIGHT.date()
    crew = _crew(session, make_user, [new_year])
    visit = _conversation_on(session, crew, new_year, NEW_YEARS_NIGHT)
    with app.app_context(), frozen(NEW_YEARS_NIGHT + dt.timedelta(hours=10)):
        letter, _pdf = letters.letter_for(session, visit, "nl")
    assert letter.reference.startswith("EB-2027-")
    assert letter.figures_snapshot["created_on"] == "2027-01-01"
