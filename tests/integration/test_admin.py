"""Admin screens: validated forms, messages next to the field, nothing partly saved."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from eteams.models import Employee, Employer, Team, TrainingRecord, User
from tests import factories
from tests.conftest import login


def _post(client, url: str, token: str, **data: object):  # noqa: ANN001, ANN201
    return client.post(url, data={"csrf_token": token, **data})


def test_employer_form_saves_and_normalises_kvk(client, session, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    response = _post(
        client, "/admin/employers/new", token, name="Buurtwerk B.V.", kvk_number="1234 5678"
    )
    assert response.status_code == 302
    employer = session.scalar(select(Employer).where(Employer.name == "Buurtwerk B.V."))
    assert employer.kvk_number == "12345678"
    assert "Buurtwerk B.V." in client.get("/admin/employers").get_data(as_text=True)


def test_bad_kvk_shows_dutch_message_next_to_field(client, session, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    response = _post(client, "/admin/employers/new", token, name="X", kvk_number="12-34")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="kvk_number-error"' in html
    assert "Een KvK-nummer heeft precies 8 cijfers." in html
    assert 'aria-invalid="true"' in html
    assert session.scalar(select(func.count(Employer.id))) == 0


def test_messages_in_english_for_an_english_user(client, session, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin", locale="en"))
    html = _post(client, "/admin/employers/new", token, name="X", kvk_number="12").get_data(
        as_text=True
    )
    assert "A KvK number has exactly 8 digits." in html


def test_duplicate_employer_name_is_reported(client, session, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    factories.EmployerFactory(name="Dubbel B.V.")
    html = _post(
        client, "/admin/employers/new", token, name="Dubbel B.V.", kvk_number="11112222"
    ).get_data(as_text=True)
    assert "Er is al een werkgever met deze naam." in html
    assert session.scalar(select(func.count(Employer.id))) == 1


def _employee_form(employer_id: int, **extra: str) -> dict[str, object]:
    return {
        "employer_id": employer_id,
        "first_name": "Noah",
        "last_name": "de Graaf",
        "target_group": "ww",
        "hired_on": "2026-02-02",
        "contract_type": "temporary",
        "hours_per_week": "24",
        **extra,
    }


def test_employee_end_before_hire_is_refused(client, session, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    employer = factories.EmployerFactory()
    data = _employee_form(employer.id, ended_on="2026-01-01", end_reason="health")
    html = _post(client, "/admin/employees/new", token, **data).get_data(as_text=True)
    assert "De einddatum kan niet voor de datum van indiensttreding liggen." in html
    assert session.scalar(select(func.count(Employee.id))) == 0


def test_employee_end_needs_a_reason(client, session, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    employer = factories.EmployerFactory()
    html = _post(
        client, "/admin/employees/new", token, **_employee_form(employer.id, ended_on="2026-06-30")
    ).get_data(as_text=True)
    assert "Geef aan waarom het dienstverband eindigde." in html
    response = _post(
        client,
        "/admin/employees/new",
        token,
        **_employee_form(employer.id, ended_on="2026-06-30", end_reason="regular_job"),
    )
    assert response.status_code == 302
    employee = session.scalar(select(Employee))
    assert (employee.ended_on, employee.end_reason.value) == (date(2026, 6, 30), "regular_job")


def test_training_record_is_added_and_checked(client, session, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    employee = factories.EmployeeFactory(hired_on=date(2026, 3, 1))
    url = f"/admin/employees/{employee.id}/training"
    early = _post(client, url, token, course="VCA", completed_on="2026-01-01")
    assert early.status_code == 422
    assert session.scalar(select(func.count(TrainingRecord.id))) == 0
    ok = _post(client, url, token, course="VCA", completed_on="2026-04-01", certificate="y")
    assert ok.status_code == 302
    assert "VCA" in client.get(f"/admin/employees/{employee.id}").get_data(as_text=True)


def test_team_form_with_members_and_lead(client, session, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    lead = make_user("lead")
    employee = factories.EmployeeFactory(hired_on=date(2026, 2, 1))
    data = {
        "name": "Team Overvecht",
        "lead_user_id": lead.id,
        "members-0-employee_id": employee.id,
        "members-0-from_date": "2026-02-01",
    }
    assert _post(client, "/admin/teams/new", token, **data).status_code == 302
    team = session.scalar(select(Team).where(Team.name == "Team Overvecht"))
    assert [(m.employee_id, m.from_date) for m in team.memberships] == [
        (employee.id, date(2026, 2, 1))
    ]
    edit = client.get(f"/admin/teams/{team.id}").get_data(as_text=True)
    assert 'name="members-1-employee_id"' in edit  # an empty row for the next member


def test_team_member_outside_employment_is_refused(client, session, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    employee = factories.EmployeeFactory(hired_on=date(2026, 5, 1))
    data = {
        "name": "Team Vroeg",
        "members-0-employee_id": employee.id,
        "members-0-from_date": "2026-04-01",
    }
    html = _post(client, "/admin/teams/new", token, **data).get_data(as_text=True)
    assert "is op de startdatum niet in dienst" in html
    assert session.scalar(select(func.count(Team.id))) == 0


def test_team_lead_must_have_the_lead_role(client, session, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    coach = make_user("coach")
    html = _post(client, "/admin/teams/new", token, name="Team X", lead_user_id=coach.id).get_data(
        as_text=True
    )
    assert session.scalar(select(func.count(Team.id))) == 0
    assert "Ongeldige keuze." in html  # only leads are offered


def test_user_form_creates_a_coach_tied_to_an_employee(client, session, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    employee = factories.EmployeeFactory()
    data = {
        "email": "Nieuwe.Coach@Example.nl",
        "role": "coach",
        "employee_id": employee.id,
        "locale": "nl",
        "password": "een lang wachtwoord",
        "active": "y",
    }
    assert _post(client, "/admin/users/new", token, **data).status_code == 302
    user = session.scalar(select(User).where(User.email == "nieuwe.coach@example.nl"))
    assert user.employee_id == employee.id


def test_coach_without_employee_is_refused(client, session, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    data = {
        "email": "c@example.nl",
        "role": "coach",
        "locale": "nl",
        "password": "een lang wachtwoord",
    }
    html = _post(client, "/admin/users/new", token, **data).get_data(as_text=True)
    assert "Een coach moet gekoppeld zijn aan een medewerker." in html
    assert session.scalar(select(func.count(User.id))) == 1


def test_short_password_is_refused(client, session, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    data = {"email": "a@example.nl", "role": "lead", "locale": "nl", "password": "kort"}
    response = _post(client, "/admin/users/new", token, **data)
    assert response.status_code == 200
    assert session.scalar(select(func.count(User.id))) == 1


def test_admin_cannot_demote_themselves(client, session, make_user) -> None:  # noqa: ANN001
    admin = make_user("admin")
    token = login(client, admin)
    data = {"email": admin.email, "role": "lead", "locale": "nl", "active": "y"}
    html = _post(client, f"/admin/users/{admin.id}", token, **data).get_data(as_text=True)
    assert "U kunt uw eigen beheerrechten niet afnemen." in html
    session.expire_all()
    assert session.get(User, admin.id).role.value == "admin"


def test_role_change_by_admin_ends_that_users_sessions(app, client, session, make_user) -> None:  # noqa: ANN001
    lead = make_user("lead")
    lead_client = app.test_client()
    login(lead_client, lead)
    token = login(client, make_user("admin"))
    data = {"email": lead.email, "role": "lead", "locale": "nl", "active": ""}
    assert _post(client, f"/admin/users/{lead.id}", token, **data).status_code == 302
    assert lead_client.get("/api/v1/me").status_code == 401


def test_missing_object_is_404(client, make_user) -> None:  # noqa: ANN001
    login(client, make_user("admin"))
    assert client.get("/admin/employers/424242").status_code == 404


ONE_LINE = "Gebruik één regel: geen tabs, regeleinden of andere stuurtekens."
CONTROL = ["An\tna", "An\nna", "An\rna", "An\x1bna", "An\x85na", "An\u2028na", "An\x7fna"]


def test_a_name_with_a_tab_or_line_break_is_refused_on_the_form_and_the_api(
    client, session, make_user
) -> None:  # noqa: ANN001
    """Issue 16, tenth review: a tab or a line break in a name (first or last name, the
    employer's or its contact's name) was saved through the API; one rule in the service
    (``text.is_one_line``) now refuses them, with the same message on the form and the API."""
    token = login(client, make_user("admin"))
    employer = factories.EmployerFactory()
    session.commit()
    headers = {"X-CSRFToken": token}
    for name in CONTROL:
        html = _post(client, "/admin/employees/new", token,
                     **_employee_form(employer.id, last_name=name)).get_data(as_text=True)  # fmt: skip
        assert ONE_LINE in html and 'id="last_name-error"' in html, repr(name)
        html = _post(client, "/admin/employers/new", token, name=f"Groen {name}",
                     kvk_number="11112222").get_data(as_text=True)  # fmt: skip
        assert ONE_LINE in html and 'id="name-error"' in html, repr(name)
        body = {**_employee_form(employer.id, first_name=name), "hours_per_week": 24}
        api = client.post("/api/v1/employees", json=body, headers=headers)
        assert api.status_code == 422 and api.get_json()["fields"] == {"first_name": [ONE_LINE]}
        api = client.post("/api/v1/employers", headers=headers, json={
            "name": "Groen Werk", "kvk_number": "11112222", "contact_name": name})  # fmt: skip
        assert api.status_code == 422 and api.get_json()["fields"] == {"contact_name": [ONE_LINE]}
    assert session.scalar(select(func.count(Employee.id))) == 0
    assert session.scalar(select(func.count(Employer.id))) == 1
    # A PATCH is held to the same rule; a trailing line break from a paste is trimmed as before.
    person = factories.EmployeeFactory(employer=employer, last_name="Jansen")
    session.commit()
    url = f"/api/v1/employees/{person.id}"
    assert client.patch(url, json={"last_name": "Jan\tsen"}, headers=headers).status_code == 422
    assert client.patch(url, json={"last_name": "Jansen\n"}, headers=headers).status_code == 200
    assert client.get(url).get_json()["last_name"] == "Jansen"


def test_hours_a_week_follow_one_rule_on_every_path(client, session, make_user) -> None:  # noqa: ANN001
    """Issue 16, eleventh review: 24.333 hours through the API or the employee form was kept
    as 24.3 without a word, and 0.5 through the API was taken, while the contract-change form
    refused both. One rule (employers.hours_problem): 1 to 40, at most one decimal."""
    from decimal import Decimal

    from eteams.services import employers
    from eteams.services.errors import ValidationError

    admin = make_user("admin")
    employer = factories.EmployerFactory()
    session.commit()
    token = login(client, admin)
    headers = {"X-CSRFToken": token}
    body = {"employer_id": employer.id, "first_name": "Noah", "last_name": "de Graaf",
            "target_group": "ww", "hired_on": "2026-02-02", "contract_type": "temporary"}  # fmt: skip
    for hours, says in ((24.333, "Uren per week met hoogstens één decimaal (25,5)."),
                        (0.5, "Tussen 1 en 40.")):  # fmt: skip
        refused = client.post("/api/v1/employees", json={**body, "hours_per_week": hours},
                              headers=headers)  # fmt: skip
        assert refused.status_code == 422 and refused.json["fields"]["hours_per_week"] == [says]
    for typed in ("24,333", "0,5"):
        page = _post(client, "/admin/employees/new", token,
                     **_employee_form(employer.id, hours_per_week=typed))  # fmt: skip
        html = page.get_data(as_text=True)
        assert page.status_code in (200, 422) and 'id="hours_per_week-error"' in html, typed
    assert session.scalar(select(func.count(Employee.id))) == 0
    assert client.post("/api/v1/employees", json={**body, "hours_per_week": 25.5},
                       headers=headers).status_code == 201  # fmt: skip
    employee = session.scalar(select(Employee))
    for hours in (Decimal("24.333"), Decimal("0.5"), Decimal("40.5")):
        assert employers.hours_problem(hours)
        try:
            employers.add_contract_change(session, employee, date(2026, 5, 1),
                                          employee.contract_type, hours, actor_id=None)  # fmt: skip
        except ValidationError as error:
            assert "hours_per_week" in error.fields
        else:
            raise AssertionError(hours)
    assert employers.hours_problem(Decimal(1)) is None
    assert employers.hours_problem(Decimal("25.5")) is None


def test_the_employee_form_shows_hours_as_a_dutch_reader_writes_them(
    client, session, make_user
) -> None:  # noqa: ANN001, E501
    """Issue 16, eleventh review: the Dutch form showed "32.0"; now 32, and 32.5 in the
    number box's own notation (HTML requires it: "32,5" would empty the box), which the
    browser shows as 32,5 on a Dutch page."""
    from decimal import Decimal

    whole = factories.EmployeeFactory(hours_per_week=Decimal(32))
    half = factories.EmployeeFactory(hours_per_week=Decimal("32.5"))
    session.commit()
    login(client, make_user("admin"))
    for employee, shown in ((whole, 'value="32"'), (half, 'value="32.5"')):
        page = client.get(f"/admin/employees/{employee.id}").get_data(as_text=True)
        field = page.split('id="hours_per_week"', 1)[1].split(">", 1)[0]
        assert shown in field, field
