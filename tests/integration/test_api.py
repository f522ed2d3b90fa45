"""The JSON API: validation, scoping, pagination, tokens, CSRF and the OpenAPI document."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, select

from eteams.models import ApiToken, AuditEvent, Employee, Employer, Team, TrainingRecord
from eteams.models.enums import Language
from eteams.services import accounts
from tests import factories
from tests.conftest import login

EMPLOYER = {
    "name": "Groene Handen B.V.",
    "kvk_number": "87654321",
    "contact_name": "Fatima Ouali",
    "contact_email": "hr@groenehanden.example.nl",
}


def _employee_body(employer_id: int, **extra: object) -> dict[str, object]:
    return {
        "employer_id": employer_id,
        "first_name": "Ayaan",
        "last_name": "Mohamed",
        "target_group": "participatiewet",
        "hired_on": "2026-03-02",
        "contract_type": "temporary",
        "hours_per_week": 32,
        **extra,
    }


def _admin_client(client, make_user) -> tuple[object, dict[str, str]]:  # noqa: ANN001
    token = login(client, make_user("admin"))
    return client, {"X-CSRFToken": token}


def test_admin_creates_reads_updates_an_employer(client, make_user) -> None:  # noqa: ANN001
    client, headers = _admin_client(client, make_user)
    created = client.post("/api/v1/employers", json=EMPLOYER, headers=headers)
    assert created.status_code == 201
    employer_id = created.json["id"]
    assert client.get(f"/api/v1/employers/{employer_id}").json["kvk_number"] == "87654321"
    patched = client.patch(
        f"/api/v1/employers/{employer_id}", json={"contact_name": "Joost"}, headers=headers
    )
    assert patched.status_code == 200
    assert patched.json["contact_name"] == "Joost"
    assert patched.json["name"] == EMPLOYER["name"]


def test_invalid_employer_gets_422_with_fields_and_saves_nothing(
    client, session, make_user
) -> None:  # noqa: ANN001
    client, headers = _admin_client(client, make_user)
    before = session.scalar(select(func.count(Employer.id)))
    bad = {**EMPLOYER, "kvk_number": "1234", "contact_email": "not-an-address"}
    response = client.post("/api/v1/employers", json=bad, headers=headers)
    assert response.status_code == 422
    body = response.json
    assert body["error"] == "validation_error"
    assert set(body["fields"]) == {"kvk_number", "contact_email"}
    assert session.scalar(select(func.count(Employer.id))) == before


def test_duplicate_kvk_number_is_a_field_error(client, make_user) -> None:  # noqa: ANN001
    client, headers = _admin_client(client, make_user)
    factories.EmployerFactory(kvk_number="87654321")
    response = client.post("/api/v1/employers", json=EMPLOYER, headers=headers)
    assert response.status_code == 422
    assert "kvk_number" in response.json["fields"]


def test_unknown_fields_are_rejected(client, make_user) -> None:  # noqa: ANN001
    client, headers = _admin_client(client, make_user)
    response = client.post(
        "/api/v1/employers", json={**EMPLOYER, "is_admin": True}, headers=headers
    )
    assert response.status_code == 422
    assert "is_admin" in response.json["fields"]


def test_employee_dates_and_end_reason_are_checked(client, session, make_user) -> None:  # noqa: ANN001
    client, headers = _admin_client(client, make_user)
    employer = factories.EmployerFactory()
    body = _employee_body(employer.id, ended_on="2026-01-01")
    response = client.post("/api/v1/employees", json=body, headers=headers)
    assert response.status_code == 422
    assert set(response.json["fields"]) == {"ended_on", "end_reason"}
    assert session.scalar(select(func.count(Employee.id))) == 0


def test_employee_end_of_employment_and_training(client, make_user) -> None:  # noqa: ANN001
    client, headers = _admin_client(client, make_user)
    employer = factories.EmployerFactory()
    created = client.post("/api/v1/employees", json=_employee_body(employer.id), headers=headers)
    assert created.status_code == 201, created.json
    employee_id = created.json["id"]
    ended = client.patch(
        f"/api/v1/employees/{employee_id}",
        json={"ended_on": "2026-10-31", "end_reason": "regular_job"},
        headers=headers,
    )
    assert ended.status_code == 200, ended.json
    assert ended.json["end_reason"] == "regular_job"
    training = client.post(
        f"/api/v1/employees/{employee_id}/training-records",
        json={"course": "VCA Basis", "completed_on": "2026-04-01", "certificate": True},
        headers=headers,
    )
    assert training.status_code == 201
    assert (
        client.get(f"/api/v1/employees/{employee_id}").json["training_records"][0]["course"]
        == "VCA Basis"
    )


def test_team_with_members_and_overlap_check(client, make_user) -> None:  # noqa: ANN001
    client, headers = _admin_client(client, make_user)
    lead = make_user("lead")
    employee = factories.EmployeeFactory(hired_on=__import__("datetime").date(2026, 2, 1))
    body = {
        "name": "Team Zuilen",
        "lead_user_id": lead.id,
        "members": [{"employee_id": employee.id, "from": "2026-02-01", "to": None}],
    }
    created = client.post("/api/v1/teams", json=body, headers=headers)
    assert created.status_code == 201, created.json
    assert created.json["members"][0]["from"] == "2026-02-01"
    twice = {**body, "name": "Team Twee", "members": body["members"] * 2}
    response = client.post("/api/v1/teams", json=twice, headers=headers)
    assert response.status_code == 422
    early = {
        **body,
        "name": "Team Vroeg",
        "members": [{"employee_id": employee.id, "from": "2026-01-01"}],
    }
    assert client.post("/api/v1/teams", json=early, headers=headers).status_code == 422


def test_employer_user_sees_only_its_own_employer(client, make_user) -> None:  # noqa: ANN001
    own = factories.EmployerFactory()
    other = factories.EmployerFactory()
    factories.EmployeeFactory(employer=own)
    theirs = factories.EmployeeFactory(employer=other)
    login(client, make_user("employer", employer=own))
    assert [e["id"] for e in client.get("/api/v1/employers").json] == [own.id]
    assert client.get(f"/api/v1/employers/{other.id}").status_code == 404
    listed = client.get("/api/v1/employees").json
    assert {e["employer_id"] for e in listed} == {own.id}
    assert client.get(f"/api/v1/employees/{theirs.id}").status_code == 404
    assert client.get(f"/api/v1/employees?employer_id={other.id}").json == []


def test_lead_sees_only_employees_of_own_teams(client, make_user) -> None:  # noqa: ANN001
    lead = make_user("lead")
    mine = factories.MembershipFactory(team=factories.TeamFactory(lead_user_id=lead.id)).employee
    stranger = factories.MembershipFactory().employee
    login(client, lead)
    assert [e["id"] for e in client.get("/api/v1/employees").json] == [mine.id]
    assert client.get(f"/api/v1/employees/{stranger.id}").status_code == 404


def test_coach_sees_own_team_only(client, make_user) -> None:  # noqa: ANN001
    membership = factories.MembershipFactory()
    other_team = factories.TeamFactory()
    login(client, make_user("coach", employee=membership.employee))
    assert [t["id"] for t in client.get("/api/v1/teams").json] == [membership.team_id]
    assert client.get(f"/api/v1/teams/{other_team.id}").status_code == 404


def test_lists_are_paginated(client, session, make_user) -> None:  # noqa: ANN001
    client, _ = _admin_client(client, make_user)
    for _ in range(7):
        factories.EmployerFactory()
    page = client.get("/api/v1/employers?page=2&per_page=3")
    assert page.status_code == 200
    assert len(page.json) == 3
    meta = json.loads(page.headers["X-Pagination"])
    assert meta == {"total": 7, "page": 2, "per_page": 3, "total_pages": 3}
    assert client.get("/api/v1/employers?per_page=0").status_code == 422


def test_session_writes_need_the_csrf_header(client, session, make_user) -> None:  # noqa: ANN001
    login(client, make_user("admin"))
    response = client.post("/api/v1/employers", json=EMPLOYER)
    assert response.status_code == 400
    assert session.scalar(select(func.count(Employer.id))) == 0


def test_bearer_token_works_without_csrf_and_is_stored_hashed(client, session, make_user) -> None:  # noqa: ANN001
    admin = make_user("admin")
    token = accounts.create_token(session, admin, "script", actor_id=None)
    session.flush()
    stored = session.scalar(select(ApiToken.token_hash))
    assert token not in stored
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/me", headers=headers).json["role"] == "admin"
    assert client.post("/api/v1/employers", json=EMPLOYER, headers=headers).status_code == 201
    wrong = {"Authorization": "Bearer et_not-a-token"}
    assert client.get("/api/v1/me", headers=wrong).status_code == 401


def test_bad_token_with_a_session_cookie_is_not_a_way_around_csrf(
    client, session, make_user
) -> None:  # noqa: ANN001
    login(client, make_user("admin"))
    response = client.post(
        "/api/v1/employers", json=EMPLOYER, headers={"Authorization": "Bearer et_forged"}
    )
    assert response.status_code == 401
    assert session.scalar(select(func.count(Employer.id))) == 0


def test_errors_are_json_without_internals(client, make_user) -> None:  # noqa: ANN001
    login(client, make_user("admin"))
    missing = client.get("/api/v1/employers/999999")
    assert missing.status_code == 404
    assert missing.json == {"error": "not_found", "message": "Niet gevonden.", "fields": {}}
    assert client.get("/api/v1/no-such-thing").json["error"] == "not_found"


def test_openapi_document_is_generated_from_the_schemas(client) -> None:  # noqa: ANN001
    spec = client.get("/api/v1/openapi.json").json
    assert spec["openapi"].startswith("3.1")
    assert "/api/v1/employers" in spec["paths"]
    employer = spec["components"]["schemas"]["Employer"]
    assert set(employer["required"]) == {"name", "kvk_number"}
    assert "post" in spec["paths"]["/api/v1/teams"]


def test_team_update_replaces_members(client, session, make_user) -> None:  # noqa: ANN001
    client, headers = _admin_client(client, make_user)
    team = factories.MembershipFactory().team
    response = client.put(
        f"/api/v1/teams/{team.id}", json={"name": "Team Nieuw", "members": []}, headers=headers
    )
    assert response.status_code == 200
    session.expire_all()
    assert session.get(Team, team.id).name == "Team Nieuw"
    assert session.get(Team, team.id).memberships == []


def test_team_lead_must_be_a_lead(client, make_user) -> None:  # noqa: ANN001
    client, headers = _admin_client(client, make_user)
    coach = make_user("coach")
    response = client.post(
        "/api/v1/teams", json={"name": "T", "lead_user_id": coach.id}, headers=headers
    )
    assert response.status_code == 422
    assert "lead_user_id" in response.json["fields"]


def test_admin_manages_users_through_the_api(client, session, make_user) -> None:  # noqa: ANN001
    client, headers = _admin_client(client, make_user)
    employee = factories.EmployeeFactory()
    body = {
        "email": "Coach@Example.nl",
        "role": "coach",
        "employee_id": employee.id,
        "password": "een lang wachtwoord",
    }
    created = client.post("/api/v1/users", json=body, headers=headers)
    assert created.status_code == 201, created.json
    assert created.json["email"] == "coach@example.nl"
    assert "password" not in created.json and "password_hash" not in created.json
    user_id = created.json["id"]
    again = client.post("/api/v1/users", json=body, headers=headers)
    assert again.status_code == 422 and "email" in again.json["fields"]
    patched = client.patch(f"/api/v1/users/{user_id}", json={"active": False}, headers=headers)
    assert patched.status_code == 200 and patched.json["active"] is False
    short = client.patch(f"/api/v1/users/{user_id}", json={"password": "kort"}, headers=headers)
    assert short.status_code == 422 and "password" in short.json["fields"]


def test_a_role_change_never_drops_a_link_without_a_word(client, session, make_user) -> None:  # noqa: ANN001
    """Issue 13 review: PATCH {"role": "lead"} on a coach silently threw the employee link
    away. Now the link the new role does not use must be taken away in the same request."""
    client, headers = _admin_client(client, make_user)
    coach = make_user("coach", employee=factories.EmployeeFactory())
    employee_id = coach.employee_id
    session.commit()
    url = f"/api/v1/users/{coach.id}"
    refused = client.patch(url, json={"role": "lead"}, headers=headers)
    assert refused.status_code == 422
    assert "medewerker" in refused.json["fields"]["employee_id"][0]  # in the admin's Dutch
    session.expire_all()
    assert client.get(url).json["role"] == "coach"
    assert client.get(url).json["employee_id"] == employee_id  # nothing changed
    # An employer link on a coach is refused too, rather than dropped.
    refused = client.patch(
        url, json={"employer_id": factories.EmployerFactory().id}, headers=headers
    )
    assert refused.status_code == 422 and "employer_id" in refused.json["fields"]
    # Taking the link away with the role change is the way; the audit log says what changed.
    changed = client.patch(url, json={"role": "lead", "employee_id": None}, headers=headers)
    assert changed.status_code == 200, changed.json
    assert (changed.json["role"], changed.json["employee_id"]) == ("lead", None)
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "role_changed"))
    assert event.details == {"old": "coach", "new": "lead"}
    # And back: the employee has no login now, so it can be linked again.
    back = client.patch(url, json={"role": "coach", "employee_id": employee_id}, headers=headers)
    assert back.status_code == 200 and back.json["employee_id"] == employee_id


def test_admin_cannot_demote_themselves_through_the_api(client, make_user) -> None:  # noqa: ANN001
    admin = make_user("admin")
    headers = {"X-CSRFToken": login(client, admin)}
    response = client.patch(f"/api/v1/users/{admin.id}", json={"role": "lead"}, headers=headers)
    assert response.status_code == 422
    assert client.get("/api/v1/me").json["role"] == "admin"


def test_api_messages_speak_the_user_s_language(client, session, make_user) -> None:  # noqa: ANN001
    """Issue 13 review: the API mixed English (marshmallow's texts, "Some fields are not
    valid.") with Dutch. Every message follows the user's language."""
    admin = make_user("admin")
    headers = {"X-CSRFToken": login(client, admin)}
    bad = {"kvk_number": 12, "colour": "groen"}
    response = client.post("/api/v1/employers", json=bad, headers=headers)
    assert response.status_code == 422
    assert response.json["message"] == "Niet alle velden zijn goed ingevuld."
    fields = response.json["fields"]
    assert fields["colour"] == ["Onbekend veld."]
    assert fields["kvk_number"] == ["Geen tekst."]
    assert fields["name"] == ["Dit veld is verplicht."]
    assert client.get("/api/v1/employees?per_page=0").json["fields"]["per_page"] == [
        "Tussen 1 en 500."
    ]
    employee = factories.EmployeeFactory()
    session.commit()
    hours = client.patch(f"/api/v1/employees/{employee.id}", json={"hours_per_week": 41},
                         headers=headers)  # fmt: skip
    assert hours.json["fields"]["hours_per_week"] == ["Tussen 1 en 40."]
    admin.locale = Language.EN
    session.commit()
    response = client.post("/api/v1/employers", json=bad, headers=headers)
    assert response.json["message"] == "Some fields are not valid."
    assert response.json["fields"]["name"] == ["This field is required."]


def test_a_hiring_date_cannot_move_past_the_employee_s_own_history(
    client, session, make_user
) -> None:  # noqa: ANN001
    """Issue 13 review: hired_on 2100-12-31 was accepted for a coach with a team, a training
    and visits, who then vanished from the placement report without a word."""
    client, headers = _admin_client(client, make_user)
    membership = factories.MembershipFactory(from_date=date(2026, 3, 2))
    employee = membership.employee
    employee.hired_on = date(2026, 2, 1)
    session.commit()
    url = f"/api/v1/employees/{employee.id}"
    refused = client.patch(url, json={"hired_on": "2026-03-03"}, headers=headers)
    assert refused.status_code == 422
    assert "2 maart 2026" in refused.json["fields"]["hired_on"][0]
    assert client.get(url, headers=headers).json["hired_on"] == "2026-02-01"  # unchanged
    moved = client.patch(url, json={"hired_on": "2026-03-02"}, headers=headers)  # the same day
    assert moved.status_code == 200 and moved.json["hired_on"] == "2026-03-02"
    # The mirror: an end of employment before the employee's last training is refused too.
    session.add(TrainingRecord(employee=employee, course="VCA", completed_on=date(2026, 5, 4),
                               certificate=True))  # fmt: skip
    session.commit()
    ended = {"ended_on": "2026-05-01", "end_reason": "regular_job"}
    refused = client.patch(url, json=ended, headers=headers)
    assert refused.status_code == 422 and "4 mei 2026" in refused.json["fields"]["ended_on"][0]
    assert client.get(url, headers=headers).json["ended_on"] is None
    ended["ended_on"] = "2026-05-04"
    assert client.patch(url, json=ended, headers=headers).status_code == 200


def test_api_writes_are_audited_like_the_forms(client, session, make_user) -> None:  # noqa: ANN001
    """Issue 14, finding 7: API writes to employers, employees, teams and campaigns wrote no
    audit event (the forms did). The services record them now, whichever door was used."""
    admin = make_user("admin")
    headers = {"X-CSRFToken": login(client, admin)}
    lead = make_user("lead")

    def events(action: str) -> list[tuple[int | None, str | None]]:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action == action))
        return [(e.actor_user_id, e.object_id) for e in rows]

    employer = client.post("/api/v1/employers", json=EMPLOYER, headers=headers).json
    client.patch(f"/api/v1/employers/{employer['id']}", json={"contact_name": "F. Ouali"},
                 headers=headers)  # fmt: skip
    assert events("employer_saved") == [(admin.id, str(employer["id"]))] * 2
    employee = client.post("/api/v1/employees", json=_employee_body(employer["id"]),
                           headers=headers).json  # fmt: skip
    client.patch(f"/api/v1/employees/{employee['id']}", json={"hours_per_week": 30},
                 headers=headers)  # fmt: skip
    assert events("employee_saved") == [(admin.id, str(employee["id"]))] * 2
    team = client.post("/api/v1/teams", json={"name": "Team Audit", "lead_user_id": lead.id,
                                               "members": []}, headers=headers).json  # fmt: skip
    assert events("team_saved") == [(admin.id, str(team["id"]))]
    campaign = client.post("/api/v1/campaigns", json={
        "name": "Audit 2026", "municipality": "Utrecht", "starts_on": "2026-01-05",
        "ends_on": "2026-12-31", "letter_language": "nl"}, headers=headers).json  # fmt: skip
    assert events("campaign_saved") == [(admin.id, str(campaign["id"]))]
    assert all("Ouali" not in str(e.details) for e in session.scalars(select(AuditEvent)))
