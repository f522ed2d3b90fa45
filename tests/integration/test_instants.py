"""Instants are stored in UTC on both databases and compared as instants, never as wall clocks.

Before, SQLite stored 10:30+01:00 as "10:30" and read it back as 10:30 UTC: a tablet's correction
sent within the hour compared as older and was dropped, pages showed times an hour late and
``?since=`` with an offset skipped an hour.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from flask_migrate import downgrade, upgrade
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from eteams.extensions import db
from eteams.models import Visit
from eteams.models.enums import Outcome
from tests import factories
from tests.conftest import login, make_app

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WINTER = timezone(timedelta(hours=1))


def _at(door, when: datetime, outcome: str = "not_home", updated: datetime | None = None) -> dict:  # noqa: ANN001
    body = {
        "address_id": door["address"].id,
        "walklist_id": door["walk_list"].id,
        "visited_at": when.isoformat(),
        "outcome": outcome,
    }
    if updated is not None:
        body["updated_at"] = updated.isoformat()
    return body


def test_a_correction_within_the_hour_wins(client, session, door) -> None:  # noqa: ANN001
    """The tablet sends Amsterdam time; a correction 20 minutes later is newer, not stale."""
    headers = {"X-CSRFToken": login(client, door["coach"])}
    visit_uuid = uuid.uuid4()
    first = datetime.now(WINTER).replace(microsecond=0) - timedelta(minutes=30)
    created = client.put(f"/api/v1/visits/{visit_uuid}", json=_at(door, first, updated=first),
                         headers=headers)  # fmt: skip
    assert created.status_code == 201, created.json
    later = first + timedelta(minutes=20)
    corrected = client.put(f"/api/v1/visits/{visit_uuid}",
                           json=_at(door, first, "conversation", updated=later), headers=headers)  # fmt: skip
    assert corrected.status_code == 200
    assert corrected.json["stale"] is False
    session.expire_all()
    stored = session.scalar(select(Visit).where(Visit.uuid == visit_uuid))
    assert stored.outcome is Outcome.CONVERSATION
    assert stored.client_updated_at == later  # the same instant, read back in UTC
    assert stored.client_updated_at.utcoffset() == timedelta(0)
    # An older version from a second device is still refused: that rule compares instants too.
    older = client.put(f"/api/v1/visits/{visit_uuid}",
                       json=_at(door, first, "refused", updated=first + timedelta(minutes=5)),
                       headers=headers)  # fmt: skip
    assert older.json["stale"] is True


def test_every_instant_reads_back_in_utc(session, door) -> None:  # noqa: ANN001
    local = datetime(2026, 7, 14, 23, 30, tzinfo=AMSTERDAM)  # summer: 21:30 UTC
    visit = Visit(uuid=uuid.uuid4(), address=door["address"], recorded_by=door["coach"],
                  outcome=Outcome.CONVERSATION, visited_at=local, appointment_at=local,
                  client_updated_at=local)  # fmt: skip
    session.add(visit)
    session.flush()
    session.expire_all()
    stored = session.get(Visit, visit.id)
    for value in (stored.visited_at, stored.appointment_at, stored.client_updated_at):
        assert value == local
        assert (value.tzinfo, value.hour) == (UTC, 21)
    assert stored.created_at.tzinfo is UTC


def test_since_with_an_offset_is_the_same_instant(client, session, door) -> None:  # noqa: ANN001
    """``since=11:00+01:00`` is 10:00 UTC: a visit changed at 10:30 UTC is in the answer."""
    coach = door["coach"]
    base = datetime(2026, 3, 10, 10, 0, tzinfo=UTC)
    for minutes in (-30, 30, 90):
        visit = Visit(uuid=uuid.uuid4(), address=door["address"], recorded_by=coach,
                      outcome=Outcome.NOT_HOME, visited_at=base)  # fmt: skip
        session.add(visit)
        session.flush()
        visit.updated_at = base + timedelta(minutes=minutes)
    session.flush()
    headers = {"X-CSRFToken": login(client, coach)}
    since = datetime(2026, 3, 10, 11, 0, tzinfo=WINTER).isoformat()
    answer = client.get("/api/v1/visits", query_string={"since": since}, headers=headers)
    assert answer.status_code == 200
    assert len(answer.json) == 2, answer.json  # 10:30 and 11:30 UTC, not the one at 09:30


def test_household_page_shows_amsterdam_time(client, session, door, make_user) -> None:  # noqa: ANN001
    visit = Visit(uuid=uuid.uuid4(), address=door["address"], recorded_by=door["coach"],
                  outcome=Outcome.NOT_HOME,
                  visited_at=datetime(2026, 3, 10, 10, 30, tzinfo=WINTER))  # fmt: skip
    session.add(visit)
    session.flush()
    login(client, make_user("lead"))
    page = client.get(f"/lead/addresses/{door['address'].id}").get_data(as_text=True)
    assert "10:30" in page and "11:30" not in page


def test_the_hour_that_repeats_says_which_one_it_is(client, session, door, make_user) -> None:  # noqa: ANN001
    """The night summer time ends (25 October 2026) Amsterdam shows 02:30 twice: an hour apart,
    the two visits must not read the same."""
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 summer time
    for at in (first, first + timedelta(hours=1), first + timedelta(hours=2)):  # …, 03:30
        session.add(Visit(uuid=uuid.uuid4(), address=door["address"], recorded_by=door["coach"],
                          outcome=Outcome.NOT_HOME, visited_at=at))  # fmt: skip
    session.flush()
    login(client, make_user("lead"))
    page = client.get(f"/lead/addresses/{door['address'].id}").get_data(as_text=True)
    assert "02:30 (zomertijd)" in page and "02:30 (wintertijd)" in page
    assert "03:30</strong>" in page  # an hour that happens once says nothing more


# --- both backends agree with the arithmetic of instants ------------------------------------

offsets = st.integers(min_value=-12 * 4, max_value=14 * 4).map(
    lambda q: timezone(timedelta(minutes=15 * q))
)
instants = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)).map(
    lambda d: d.replace(microsecond=0, tzinfo=UTC)
)


def test_order_since_and_days_are_instant_arithmetic(session, door) -> None:  # noqa: ANN001
    """Random instants, each written in a random offset: the database orders them, filters them
    with ``since`` in yet another offset and counts an Amsterdam day exactly as Python does."""

    @given(moments=st.lists(st.tuples(instants, offsets), min_size=1, max_size=8),
           since=st.tuples(instants, offsets))  # fmt: skip
    @settings(
        max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def check(moments: list, since: tuple) -> None:
        nested = session.begin_nested()
        rows = []
        for moment, offset in moments:
            rows.append(Visit(uuid=uuid.uuid4(), address=door["address"], recorded_by=door["coach"],
                              outcome=Outcome.NOT_HOME, visited_at=moment.astimezone(offset)))  # fmt: skip
        session.add_all(rows)
        session.flush()
        session.expire_all()
        ids = [v.id for v in rows]
        mine = select(Visit).where(Visit.id.in_(ids))
        ordered = [v.id for v in session.scalars(mine.order_by(Visit.visited_at, Visit.id))]
        assert ordered == [v.id for v in sorted(rows, key=lambda v: (v.visited_at, v.id))]
        cut = since[0].astimezone(since[1])
        after = {v.id for v in session.scalars(mine.where(Visit.visited_at > cut))}
        assert after == {v.id for v, (m, _) in zip(rows, moments, strict=True) if m > since[0]}
        day = since[0].astimezone(AMSTERDAM).date()
        start = datetime.combine(day, datetime.min.time(), tzinfo=AMSTERDAM)
        end = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=AMSTERDAM)
        on_day = {v.id for v in session.scalars(
            mine.where(Visit.visited_at >= start, Visit.visited_at < end))}  # fmt: skip
        expected = {v.id for v, (m, _) in zip(rows, moments, strict=True)
                    if m.astimezone(AMSTERDAM).date() == day}  # fmt: skip
        assert on_day == expected
        nested.rollback()

    check()


# --- rows stored before 0007 -----------------------------------------------------------------


def test_migration_moves_device_times_to_utc(tmp_path) -> None:  # noqa: ANN001
    """Rows written by a tablet held Amsterdam wall-clock time; server times were UTC already."""
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    app = make_app(url)
    with app.app_context():
        upgrade()
        engine = create_engine(url)
        with Session(engine) as session:
            factories.bind(session)
            address = factories.AddressFactory()
            coach = factories.user("coach")
            device = Visit(uuid=uuid.uuid4(), address=address, recorded_by=coach,
                           outcome=Outcome.CONVERSATION, visited_at=datetime(2026, 1, 1, tzinfo=UTC),
                           client_updated_at=datetime(2026, 1, 1, tzinfo=UTC))  # fmt: skip
            server = Visit(uuid=uuid.uuid4(), address=address, recorded_by=coach,
                           outcome=Outcome.NOT_HOME, visited_at=datetime(2026, 1, 1, tzinfo=UTC))  # fmt: skip
            session.add_all([device, server])
            session.commit()
            device_id, server_id = device.id, server.id
        downgrade(revision="0006")
        with engine.begin() as connection:
            # What the old code wrote: the tablet's 10:30+01:00 and 14:05+02:00 without offsets.
            connection.execute(text(
                "UPDATE visits SET visited_at='2026-03-10 10:30:00.000000', "
                "appointment_at='2026-07-01 14:05:00.000000', "
                "client_updated_at='2026-03-10 10:31:00.000000' WHERE id=:id"), {"id": device_id})  # fmt: skip
            connection.execute(text("UPDATE visits SET visited_at='2026-03-10 10:30:00.000000' "
                                    "WHERE id=:id"), {"id": server_id})  # fmt: skip
        upgrade()
        with Session(engine) as session:
            device, server = session.get(Visit, device_id), session.get(Visit, server_id)
            assert device.visited_at == datetime(2026, 3, 10, 9, 30, tzinfo=UTC)
            assert device.appointment_at == datetime(2026, 7, 1, 12, 5, tzinfo=UTC)
            assert device.client_updated_at == datetime(2026, 3, 10, 9, 31, tzinfo=UTC)
            assert server.visited_at == datetime(2026, 3, 10, 10, 30, tzinfo=UTC)
        engine.dispose()
        db.engine.dispose()


def test_a_saved_visit_answers_with_its_stored_instant_in_utc(client, session, door) -> None:  # noqa: ANN001
    """Issue 15, eleventh review: PUT /visits/<uuid> answered ``updated_at: null`` when the
    device sent none; with one sent at +01:00 it echoed the offset. Both now read the stored
    instant in UTC (ISO 8601), as GET /visits does."""
    headers = {"X-CSRFToken": login(client, door["coach"])}
    when = datetime.now(WINTER).replace(microsecond=0) - timedelta(minutes=30)
    plain = client.put(f"/api/v1/visits/{uuid.uuid4()}", json=_at(door, when), headers=headers)
    assert plain.status_code == 201, plain.json
    session.expire_all()
    stored = session.scalar(select(Visit).where(Visit.uuid == uuid.UUID(plain.json["uuid"])))
    answered = datetime.fromisoformat(plain.json["updated_at"])
    assert answered == stored.updated_at and answered.utcoffset() == timedelta(0)
    device = client.put(f"/api/v1/visits/{uuid.uuid4()}", json=_at(door, when, updated=when),
                        headers=headers)  # fmt: skip
    assert device.json["updated_at"] == when.astimezone(UTC).isoformat()  # "…+00:00"
    listed = {v["uuid"]: v["updated_at"] for v in client.get("/api/v1/visits").json}
    assert listed[plain.json["uuid"]] == plain.json["updated_at"]
    assert listed[device.json["uuid"]] == device.json["updated_at"]
