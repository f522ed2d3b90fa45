"""Editing a team with members: saved in place, and a failed save is a clean JSON 500 that
logs no submitted value."""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from eteams.extensions import db
from eteams.models import Employee, TeamMembership
from eteams.models.enums import ContractType, TargetGroup
from eteams.permissions import Permission
from eteams.security import requires
from eteams.services import accounts
from tests import factories
from tests.conftest import login, make_app
from tests.html_forms import edit_form


def _team_with_members(session):  # noqa: ANN001, ANN202
    team = factories.TeamFactory()
    rows = [factories.MembershipFactory(team=team) for _ in range(3)]
    session.flush()
    return team, rows


def test_a_team_with_members_saved_unchanged_through_the_api(client, session, make_user) -> None:  # noqa: ANN001
    team, rows = _team_with_members(session)
    headers = {"X-CSRFToken": login(client, make_user("admin"))}
    body = client.get(f"/api/v1/teams/{team.id}").json
    response = client.put(f"/api/v1/teams/{team.id}", json=body, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert client.get(f"/api/v1/teams/{team.id}").json == body
    ids = session.scalars(select(TeamMembership.id).where(TeamMembership.team_id == team.id))
    assert sorted(ids) == sorted(r.id for r in rows)  # the same rows, not new ones


def test_an_edit_keeps_unchanged_rows_changes_changed_ones_and_deletes_removed_ones(
    client, session, make_user
) -> None:  # noqa: ANN001
    team, (kept, ended, removed) = _team_with_members(session)
    newcomer = factories.EmployeeFactory()
    removed_row, removed_employee = removed.id, removed.employee_id
    headers = {"X-CSRFToken": login(client, make_user("admin"))}
    body = client.get(f"/api/v1/teams/{team.id}").json
    body["members"] = [
        {"employee_id": kept.employee_id, "from": "2026-01-05", "to": None},
        {"employee_id": ended.employee_id, "from": "2026-02-01", "to": "2026-06-30"},
        {"employee_id": newcomer.id, "from": "2026-03-01", "to": None},
    ]
    response = client.put(f"/api/v1/teams/{team.id}", json=body, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    session.expire_all()
    rows = {
        m.employee_id: m
        for m in session.scalars(select(TeamMembership).where(TeamMembership.team_id == team.id))
    }
    assert set(rows) == {kept.employee_id, ended.employee_id, newcomer.id}
    assert rows[kept.employee_id].id == kept.id
    assert rows[ended.employee_id].id == ended.id
    assert (rows[ended.employee_id].from_date, rows[ended.employee_id].to_date) == (
        date(2026, 2, 1),
        date(2026, 6, 30),
    )
    assert session.get(TeamMembership, removed_row) is None
    assert session.get(Employee, removed_employee) is not None  # only the membership went


def test_the_admin_form_saves_a_team_with_members_unchanged(client, session, make_user) -> None:  # noqa: ANN001
    team, rows = _team_with_members(session)
    login(client, make_user("admin"))
    url = f"/admin/teams/{team.id}"
    form = edit_form(client.get(url).get_data(as_text=True), url)
    response = client.post(f"/admin/teams/{team.id}", data=form.data())
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    ids = session.scalars(select(TeamMembership.id).where(TeamMembership.team_id == team.id))
    assert sorted(ids) == sorted(r.id for r in rows)


def test_a_failed_flush_answers_json_500_and_logs_no_value(database_url, session, caplog) -> None:  # noqa: ANN001
    """A real integrity error carrying a person's name, in a signed-in API request: the
    session is rolled back before the error answer reads the user for the language."""
    app = make_app(database_url, PROPAGATE_EXCEPTIONS=False, TESTING=False)

    @requires(Permission.EMPLOYEES_WRITE)
    def broken() -> str:
        db.session.add(Employee(**_employee_of_missing_employer()))
        db.session.flush()
        return "saved"

    app.add_url_rule("/api/v1/broken", "api_broken", broken, methods=["POST"])
    app.add_url_rule("/broken", "broken", broken, methods=["POST"])
    user = factories.user("admin")
    with app.app_context():
        token = accounts.create_token(db.session, db.session.merge(user), "test", actor_id=None)
        db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    with caplog.at_level(logging.DEBUG):
        api = app.test_client().post("/api/v1/broken", headers=headers)
        page = app.test_client().post("/broken", headers=headers)
    assert api.status_code == 500
    assert api.is_json and api.json["error"] == "internal_error"
    assert page.status_code == 500 and "Er ging bij ons iets mis" in page.get_data(as_text=True)
    assert "IntegrityError" in caplog.text  # the failure is logged ...
    assert "Jansen-Oukili" not in caplog.text  # ... without the values
    assert "1999" not in caplog.text


def _employee_of_missing_employer() -> dict[str, object]:
    return {
        "employer_id": 2**31 - 1,
        "first_name": "Samira",
        "last_name": "Jansen-Oukili",
        "birth_year": 1999,
        "target_group": TargetGroup.PARTICIPATIEWET,
        "hired_on": date(2026, 1, 5),
        "contract_type": ContractType.TEMPORARY,
        "hours_per_week": 32,
    }


def test_a_database_error_logged_whole_carries_no_value(app, session, caplog) -> None:  # noqa: ANN001
    """Whoever logs a database error with its text (a library, a future handler), the engine
    leaves the submitted values out of it."""
    with app.app_context(), caplog.at_level(logging.DEBUG):
        db.session.add(Employee(**_employee_of_missing_employer()))
        try:
            db.session.flush()
        except IntegrityError:
            logging.getLogger("eteams.test").exception("the insert failed")
        db.session.rollback()
    assert "the insert failed" in caplog.text and "IntegrityError" in caplog.text
    assert "Jansen-Oukili" not in caplog.text and "Samira" not in caplog.text
