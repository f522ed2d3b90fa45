"""PUT /visits/<uuid>: idempotent, 24-hour corrections, two devices, validation, scoping."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from eteams.models import Address, Visit
from eteams.services import clock
from tests import factories
from tests.conftest import login

NOW = datetime.now(UTC).replace(microsecond=0)


def conversation(door, **extra):  # noqa: ANN001, ANN201
    body = {
        "address_id": door["address"].id,
        "walklist_id": door["walk_list"].id,
        "visited_at": NOW.isoformat(),
        "outcome": "conversation",
        "household": {
            "tenure": "owner",
            "dwelling_type": "terraced",
            "building_year_class": "before_1945",
            "occupants": 3,
            "energy_label": "E",
            "gas_m3_per_year": 1450,
            "kwh_per_year": 2900,
            "heating": "gas_boiler",
            "heating_age_years": 14,
            "language": "nl",
        },
        "interests": {"cavity_wall": "interested"},
        "small_measures": {"radiator_foil": 2},
        "consents": {
            "advice_letter": {"given": True, "wording_version": "2026-01"},
            "follow_up_contact": {"given": True, "wording_version": "2026-01"},
        },
        "contact": {"name": "Fam. de Wit", "email": "dewit@example.nl", "phone": "0612345678"},
        "follow_up_on": (clock.today() + timedelta(days=14)).isoformat(),
        "notes": "Wil offerte spouwmuur",
    }
    return {**body, **extra}


def _put(client, headers, visit_uuid, body):  # noqa: ANN001, ANN202
    return client.put(f"/api/v1/visits/{visit_uuid}", json=body, headers=headers)


def test_same_body_twice_is_one_visit(client, session, door) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, door["coach"])}
    visit_uuid = uuid.uuid4()
    first = _put(client, headers, visit_uuid, conversation(door))
    assert first.status_code == 201, first.json
    again = _put(client, headers, visit_uuid, conversation(door))
    assert again.status_code == 200
    assert session.scalar(select(func.count(Visit.id))) == 1
    visit = session.scalar(select(Visit))
    assert (visit.gas_m3_per_year, visit.contact_name, visit.notes) == (
        1450,
        "Fam. de Wit",
        "Wil offerte spouwmuur",
    )
    assert {i.measure_key: i.level.value for i in visit.interests} == {"cavity_wall": "interested"}
    assert {c.kind.value: c.wording_version for c in visit.consents} == {
        "advice_letter": "2026-01",
        "follow_up_contact": "2026-01",
    }
    assert len(visit.coaches) == 2  # the pair on that walk list


def test_one_tap_outcome_and_correction_within_a_day(client, session, door) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, door["coach"])}
    visit_uuid = uuid.uuid4()
    body = {
        "address_id": door["other"].id,
        "walklist_id": door["walk_list"].id,
        "visited_at": NOW.isoformat(),
        "outcome": "not_home",
    }
    assert _put(client, headers, visit_uuid, body).status_code == 201
    corrected = _put(client, headers, visit_uuid, {**body, "outcome": "no_answer"})
    assert corrected.status_code == 200 and corrected.json["outcome"] == "no_answer"


def test_a_coach_cannot_correct_after_24_hours(client, session, door) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, door["coach"])}
    visit_uuid = uuid.uuid4()
    body = {"address_id": door["other"].id, "visited_at": NOW.isoformat(), "outcome": "not_home"}
    _put(client, headers, visit_uuid, body)
    visit = session.scalar(select(Visit))
    visit.created_at = datetime.now(UTC) - timedelta(hours=25)
    session.flush()
    late = _put(client, headers, visit_uuid, {**body, "outcome": "refused"})
    assert late.status_code == 422 and "uuid" in late.json["fields"]


def test_two_devices_the_later_clock_wins(client, session, door) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, door["coach"])}
    visit_uuid = uuid.uuid4()
    newer = conversation(
        door, notes="tweede tablet, later", updated_at=(NOW + timedelta(minutes=5)).isoformat()
    )
    older = conversation(door, notes="eerste tablet, eerder", updated_at=NOW.isoformat())
    assert _put(client, headers, visit_uuid, newer).status_code == 201
    response = _put(client, headers, visit_uuid, older)  # a slow retry arriving last
    assert response.status_code == 200 and response.json["stale"] is True
    assert response.json["notes"] == "tweede tablet, later"
    assert session.scalar(select(Visit.notes)) == "tweede tablet, later"


def test_validation_errors_are_per_field_and_save_nothing(client, session, door) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, door["coach"])}
    bad = conversation(
        door,
        outcome="not_home",
        consents={"follow_up_contact": {"given": False, "wording_version": "2026-01"}},
    )
    response = _put(client, headers, uuid.uuid4(), bad)
    assert response.status_code == 422
    assert {"household", "interests", "contact"} <= set(response.json["fields"])
    nonsense = conversation(
        door,
        household={"occupants": 0, "energy_label": "Z"},
        interests={"warp_drive": "interested"},
    )
    response = _put(client, headers, uuid.uuid4(), nonsense)
    assert response.status_code == 422
    assert set(response.json["fields"]) >= {"household.occupants", "household.energy_label"}
    assert session.scalar(select(func.count(Visit.id))) == 0
    # (A time in the future from a coach's tablet is a clock running ahead: kept for review,
    # test_field_visits.py::test_a_tablet_whose_clock_runs_ahead_keeps_its_visits.)


def test_a_fraction_for_a_whole_number_is_refused_never_cut(client, session, door) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, door["coach"])}
    household = conversation(door)["household"]
    fractions = {"gas_m3_per_year": 1.2, "kwh_per_year": 2500.5, "occupants": 2.5,
                 "heating_age_years": 3.7}  # fmt: skip
    body = conversation(door, household={**household, **fractions},
                        small_measures={"radiator_foil": 1.5})  # fmt: skip
    response = _put(client, headers, uuid.uuid4(), body)
    assert response.status_code == 422, response.json
    whole = ["Vul een geheel getal in."]
    assert response.json["fields"] == {
        **{f"household.{name}": whole for name in fractions},
        "small_measures.radiator_foil.value": whole,
    }
    assert session.scalar(select(func.count(Visit.id))) == 0
    # A whole number written as a float is that number.
    body = conversation(door, household={**household, "gas_m3_per_year": 1200.0})
    response = _put(client, headers, uuid.uuid4(), body)
    assert response.status_code == 201, response.json
    assert session.scalar(select(Visit.gas_m3_per_year)) == 1200


def test_a_coach_only_logs_doors_on_their_own_lists_and_own_visits(
    client, session, door, make_user
) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, door["coach"])}
    stranger = factories.AddressFactory()
    body = {"address_id": stranger.id, "visited_at": NOW.isoformat(), "outcome": "not_home"}
    response = _put(client, headers, uuid.uuid4(), body)
    assert response.status_code == 422 and "address_id" in response.json["fields"]
    # Another coach's visit: out of reach.
    lead_headers = {
        "X-CSRFToken": login(app_client := client.application.test_client(), make_user("lead"))
    }
    theirs = uuid.uuid4()
    assert (
        _put(
            app_client,
            lead_headers,
            theirs,
            {"address_id": door["other"].id, "visited_at": NOW.isoformat(), "outcome": "not_home"},
        ).status_code
        == 201
    )
    assert (
        _put(
            client,
            headers,
            theirs,
            {"address_id": door["other"].id, "visited_at": NOW.isoformat(), "outcome": "refused"},
        ).status_code
        == 404
    )


def test_do_not_visit_marks_the_address(client, session, door) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, door["coach"])}
    body = {
        "address_id": door["other"].id,
        "visited_at": NOW.isoformat(),
        "outcome": "refused",
        "do_not_return": True,
    }
    assert _put(client, headers, uuid.uuid4(), body).status_code == 201
    session.expire_all()
    assert session.get(Address, door["other"].id).do_not_visit is True


def test_lead_sees_visits_arrive_since_a_moment(client, session, door, make_user) -> None:  # noqa: ANN001
    coach_headers = {"X-CSRFToken": login(client, door["coach"])}
    before = datetime.now(UTC) - timedelta(seconds=1)
    _put(client, coach_headers, uuid.uuid4(), conversation(door))
    lead_client = client.application.test_client()
    login(lead_client, make_user("lead"))
    since = lead_client.get(
        "/api/v1/visits",
        query_string={"since": before.isoformat(), "campaign": door["address"].campaign_id},
    ).json
    assert len(since) == 1 and since[0]["outcome"] == "conversation"
    assert since[0]["contact"]["name"] == "Fam. de Wit"


def test_catalogue_for_the_form(client, session, door) -> None:  # noqa: ANN001
    login(client, door["coach"])
    keys = [m["key"] for m in client.get("/api/v1/measures").json]
    assert keys == ["cavity_wall", "radiator_foil"]


def test_a_sick_member_gets_no_credit_for_the_doors_and_a_correction_gives_it_back(
    client, session, door
) -> None:  # noqa: ANN001
    from eteams.models.enums import AttendanceStatus
    from eteams.services import placement, shifts

    headers = {"X-CSRFToken": login(client, door["coach"])}
    assert _put(client, headers, uuid.uuid4(), conversation(door)).status_code == 201
    shift = door["walk_list"].shift
    mates = [m.employee for m in shift.team.memberships]
    coach_id = door["coach"].employee_id
    sick = next(e for e in mates if e.id != coach_id)
    visit = session.scalar(select(Visit))
    assert {c.employee_id for c in visit.coaches} == {e.id for e in mates}  # the tablet: everyone

    def doors(employee) -> int:  # noqa: ANN001
        report = placement.placement_report(
            session, employee.employer_id, clock.today(), clock.today()
        )
        return next(e.doors_visited for e in report.employees if e.employee_id == employee.id)

    entries = [shifts.AttendanceEntry(coach_id, AttendanceStatus.PRESENT, None, None),
               shifts.AttendanceEntry(sick.id, AttendanceStatus.SICK, None, None)]  # fmt: skip
    shifts.record_attendance(session, shift, entries, None, clock.today())
    session.refresh(visit)
    assert {c.employee_id for c in visit.coaches} == {coach_id}
    assert doors(sick) == 0
    entries[1] = shifts.AttendanceEntry(sick.id, AttendanceStatus.PRESENT, None, None)
    shifts.record_attendance(session, shift, entries, None, clock.today())
    session.refresh(visit)
    assert {c.employee_id for c in visit.coaches} == {coach_id, sick.id}
    assert doors(sick) == 1
