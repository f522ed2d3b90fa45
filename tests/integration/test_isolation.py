"""Employer A's HR user gets nothing of employer B's: not from any API list, not from any
report URL, and no household data at all."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from flask import Flask

from eteams.models import Visit, VisitCoach
from eteams.models.enums import Outcome
from tests import factories
from tests.conftest import login

SECRETS = ("Buurman Werk", "Bertha", "Vreemdeling", "Geheimstraat")


def _world(session):  # noqa: ANN001, ANN202
    mine = factories.EmployeeFactory(first_name="Anouk", last_name="Eigen")
    theirs = factories.EmployeeFactory(first_name="Bertha", last_name="Vreemdeling",
                                       employer=factories.EmployerFactory(name="Buurman Werk"))  # fmt: skip
    address = factories.AddressFactory(street="Geheimstraat")
    coach = factories.user("coach", employee=theirs)
    session.add(Visit(uuid=uuid.uuid4(), address=address, recorded_by=coach,
                      outcome=Outcome.CONVERSATION, visited_at=datetime(2026, 3, 2, 10, tzinfo=UTC),
                      coaches=[VisitCoach(employee_id=theirs.id)]))  # fmt: skip
    session.flush()
    return mine, theirs


def _list_urls(app: Flask) -> list[str]:
    urls = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/") and "GET" in rule.methods and "<" not in rule.rule:
            urls.append(rule.rule)
    return sorted(urls)


def test_employer_a_sees_nothing_of_employer_b(app, client, session, make_user) -> None:  # noqa: ANN001
    mine, theirs = _world(session)
    login(client, make_user("employer", employer=mine.employer))
    urls = _list_urls(app)
    assert "/api/v1/employees" in urls and "/api/v1/employers" in urls  # the lists are found
    for url in urls:
        response = client.get(url + "?date=2026-03-02")
        body = response.get_data(as_text=True)
        assert response.status_code < 500, url
        assert not [s for s in SECRETS if s in body], url
    employees = client.get("/api/v1/employees").get_json()
    assert [e["first_name"] for e in employees] == ["Anouk"]  # and it does see its own
    for kind in ("pdf", "csv"):
        other = f"/api/v1/employers/{theirs.employer_id}/placement-report.{kind}"
        assert client.get(other).status_code == 404
        own = client.get(f"/api/v1/employers/{mine.employer_id}/placement-report.{kind}")
        assert own.status_code == 200
    page = client.get("/employer/").get_data(as_text=True)
    assert "Anouk" in page and not [s for s in SECRETS if s in page]
    for url in (f"/api/v1/employers/{theirs.employer_id}", f"/api/v1/employees/{theirs.id}"):
        assert client.get(url).status_code == 404
    # The same lists do show B's data to someone allowed to see it: the check above can fail.
    admin = client.application.test_client()
    login(admin, make_user("admin"))
    assert "Buurman Werk" in admin.get("/api/v1/employers").get_data(as_text=True)
    assert "Vreemdeling" in admin.get("/api/v1/employees").get_data(as_text=True)
