"""Inputs at the edges — year 1 and 9999, a page number with 30 digits, JSON nested thousands
deep, a NUL byte in a CSV — get a clear message and change nothing; none is a server error.

The operations come from the OpenAPI document and the HTML pages from the URL map, so a new
date parameter or body field is covered the day it is added.
"""

from __future__ import annotations

import io
import re
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from eteams.extensions import db
from eteams.models import Address, Employee, Visit
from eteams.services import accounts
from tests import factories
from tests.conftest import login

BAD_DAYS = ["0001-01-01", "1999-12-31", "2101-01-01", "9999-12-31"]
BAD_INSTANTS = [
    "0001-01-01T00:30:00+01:00",
    "0001-01-01T12:00:00+00:00",
    "1970-01-01T00:00:00Z",
    "9999-12-31T23:59:59-05:00",
    "2101-01-01T00:00:00+00:00",
]
HUGE = "9" * 30


@pytest.fixture
def admin_headers(app, session) -> dict[str, str]:  # noqa: ANN001
    admin = factories.user("admin")
    session.flush()
    with app.app_context():
        token = accounts.create_token(db.session, db.session.merge(admin), "edges", actor_id=None)
        db.session.commit()
    return {"Authorization": f"Bearer {token}"}


def _api_operations(client, headers) -> list[tuple[str, str, dict]]:  # noqa: ANN001
    spec = client.get("/api/v1/openapi.json", headers=headers).json
    found = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                found.append((method, path, operation))
    return found


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", lambda m: str(uuid.uuid4()) if "uuid" in m.group() else "1", path)


def _date_params(operation: dict) -> list[tuple[str, str]]:
    params = []
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if parameter.get("in") == "query" and schema.get("format") in ("date", "date-time"):
            params.append((parameter["name"], schema["format"]))
    return params


def test_out_of_window_dates_in_queries_are_refused(client, admin_headers) -> None:  # noqa: ANN001
    factories.EmployerFactory()
    factories.CampaignFactory()
    tried = 0
    for method, path, operation in _api_operations(client, admin_headers):
        if method != "get":
            continue
        for name, kind in _date_params(operation):
            values = BAD_DAYS if kind == "date" else BAD_INSTANTS
            for value in values:
                answer = client.get(
                    _concrete(path), query_string={name: value}, headers=admin_headers
                )
                tried += 1
                assert answer.status_code in (404, 422), (path, name, value, answer.status_code)
                assert answer.is_json
    assert tried >= 20  # since=, date=, from=, to=, active_on= …


@pytest.mark.parametrize("value", [HUGE, "100001", "-1", "0", "1e9"])
def test_page_numbers_beyond_reason_are_refused(client, admin_headers, value) -> None:  # noqa: ANN001
    for method, path, operation in _api_operations(client, admin_headers):
        names = {p["name"] for p in operation.get("parameters", [])}
        if method == "get" and "page" in names:
            for name in ("page", "per_page"):
                answer = client.get(
                    _concrete(path), query_string={name: value}, headers=admin_headers
                )
                assert answer.status_code in (404, 422), (path, name, value, answer.status_code)


def test_deeply_nested_json_is_a_clear_400(client, admin_headers) -> None:  # noqa: ANN001
    deep = "[" * 50_000 + "]" * 50_000
    for method, path, _operation in _api_operations(client, admin_headers):
        if method in ("post", "put", "patch"):
            answer = client.open(_concrete(path), method=method.upper(), data=deep,
                                 content_type="application/json", headers=admin_headers)  # fmt: skip
            assert answer.status_code in (400, 404, 415, 422), (path, answer.status_code)
            assert answer.is_json and answer.json["message"]


@pytest.mark.parametrize("field", ["visited_at", "appointment_at", "updated_at"])
@pytest.mark.parametrize("value", BAD_INSTANTS)
def test_a_visit_outside_the_window_is_refused_and_not_stored(
    client, session, door, field, value
) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, door["coach"])}
    body = {"address_id": door["address"].id, "walklist_id": door["walk_list"].id,
            "visited_at": datetime.now(UTC).isoformat(), "outcome": "conversation", field: value}  # fmt: skip
    answer = client.put(f"/api/v1/visits/{uuid.uuid4()}", json=body, headers=headers)
    assert answer.status_code == 422, answer.json
    assert field in answer.json["fields"]
    assert session.scalar(select(func.count(Visit.id))) == 0
    # The lead's pages still work (on PostgreSQL a stored year-1 visit used to break them all).
    assert client.get("/api/v1/visits", headers=headers).status_code == 200


DAY_BODIES = {
    "/api/v1/employees": lambda ids: {"employer_id": ids["employer"], "first_name": "A", "last_name": "B",
                                      "target_group": "ww", "hired_on": "DAY", "contract_type": "temporary",
                                      "hours_per_week": 24},
    "/api/v1/campaigns": lambda ids: {"name": "C", "municipality": "Utrecht", "starts_on": "DAY",
                                      "ends_on": "2026-12-31", "letter_language": "nl"},
    "/api/v1/shifts": lambda ids: {"team_id": ids["team"], "date": "DAY", "start": "09:00", "end": "12:00"},
    "/api/v1/teams": lambda ids: {"name": "T", "lead_user_id": ids["lead"],
                                  "members": [{"employee_id": ids["employee"], "from": "DAY"}]},
}  # fmt: skip


@pytest.mark.parametrize("path", sorted(DAY_BODIES))
@pytest.mark.parametrize("day", BAD_DAYS)
def test_out_of_window_days_in_bodies_are_refused(
    client, session, admin_headers, path, day
) -> None:  # noqa: ANN001
    employee = factories.EmployeeFactory()
    team = factories.TeamFactory()
    ids = {"employer": employee.employer_id, "employee": employee.id, "team": team.id,
           "lead": factories.user("lead").id}  # fmt: skip
    session.flush()
    body = {k: (day if v == "DAY" else v) for k, v in DAY_BODIES[path](ids).items()}
    if "members" in body:
        body["members"] = [{**body["members"][0], "from": day}]
    before = client.get(path, headers=admin_headers).headers.get("X-Pagination")
    answer = client.post(path, json=body, headers=admin_headers)
    assert answer.status_code == 422, (
        path,
        day,
        answer.status_code,
        answer.get_data(as_text=True)[:300],
    )
    assert answer.json["fields"]
    assert client.get(path, headers=admin_headers).headers.get("X-Pagination") == before


def _html_date_pages(campaign_id: int) -> list[str]:
    return [
        "/lead/schedule?week={d}",
        "/lead/shifts/new?week={d}",
        "/lead/letters?date={d}",
        "/lead/letters/{d}.pdf",
        f"/lead/campaigns/{campaign_id}/plan?date={{d}}",
        f"/lead/campaigns/{campaign_id}/plan.json?date={{d}}",
        "/admin/programme?from={d}&to={d}",
        "/admin/programme?from=2026-01-01&to={d}",
        "/admin/audit/?from={d}&to={d}",
        "/employer/?from={d}&to={d}",
    ]


def test_html_pages_refuse_out_of_window_dates(client, session, make_user) -> None:  # noqa: ANN001
    campaign = factories.CampaignFactory()
    login(client, make_user("admin"))
    for page in _html_date_pages(campaign.id):
        for day in [*BAD_DAYS, HUGE, "2026-02-30"]:
            url = page.format(d=day)
            answer = client.get(url)
            assert answer.status_code in (200, 302, 400, 404), (url, answer.status_code)


def test_html_page_numbers_beyond_reason(client, session, make_user) -> None:  # noqa: ANN001
    campaign = factories.CampaignFactory()
    factories.AddressFactory(campaign=campaign)
    login(client, make_user("admin"))
    for url in (f"/lead/campaigns/{campaign.id}", "/admin/employees", "/admin/audit/",
                "/admin/users", "/admin/employers", "/admin/teams", "/lead/campaigns"):  # fmt: skip
        for page in (HUGE, "-5", "0", "x"):
            answer = client.get(url, query_string={"page": page})
            assert answer.status_code in (200, 302, 400), (url, page, answer.status_code)


def test_a_nul_byte_in_a_csv_is_a_row_error_and_imports_nothing(
    client, session, admin_headers
) -> None:  # noqa: ANN001
    campaign = factories.CampaignFactory()
    session.flush()
    csv = (b"straat,huisnummer,postcode,plaats\n"
           b"Damstraat,9,3511 AB,Utrecht\n"
           b"Dam\x00straat,11,3511 AB,Utrecht\n")  # fmt: skip
    answer = client.post(f"/api/v1/campaigns/{campaign.id}/addresses",
                         data={"file": (__import__("io").BytesIO(csv), "adressen.csv")},
                         headers=admin_headers, content_type="multipart/form-data")  # fmt: skip
    assert answer.status_code == 422, answer.get_data(as_text=True)[:300]
    assert [r["row"] for r in answer.json["rows"]] == [3]
    assert (
        session.scalar(select(func.count(Address.id)).where(Address.campaign_id == campaign.id))
        == 0
    )


@pytest.mark.parametrize("day", BAD_DAYS)
def test_a_form_refuses_a_day_outside_the_window_next_to_the_field(
    client, session, make_user, day
) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    employer = factories.EmployerFactory()
    form = {"csrf_token": token, "employer_id": employer.id, "first_name": "Noah",
            "last_name": "de Graaf", "target_group": "ww", "hired_on": day,
            "contract_type": "temporary", "hours_per_week": "24"}  # fmt: skip
    html = client.post("/admin/employees/new", data=form).get_data(as_text=True)
    assert "Vul een datum in tussen 2000 en 2100." in html
    assert session.scalar(select(func.count(Employee.id))) == 0


@pytest.mark.parametrize("number", [HUGE, "²", "-1", "1e3"])
def test_ids_typed_into_forms_and_filters_beyond_reason(client, session, make_user, number) -> None:  # noqa: ANN001
    """Found by the issue's review: '²' passes str.isdigit and a 20-digit id overflowed."""
    campaign = factories.CampaignFactory()
    factories.AddressFactory(campaign=campaign)
    token = login(client, make_user("admin"))
    for url in (f"/admin/audit/?actor={number}", f"/admin/audit/?before={number}",
                f"/employer/?employer={number}", f"/lead/campaigns/{campaign.id}?page={number}"):  # fmt: skip
        assert client.get(url).status_code in (200, 302, 400, 404), url
    answer = client.post(f"/lead/campaigns/{campaign.id}/plan",
                         data={"csrf_token": token, "date": "2026-12-01", "shift_ids": number,
                               "doors_per_hour": number})  # fmt: skip
    assert answer.status_code in (200, 302, 400, 422), answer.status_code


def test_invisible_and_garbled_street_names_in_a_csv(client, session, admin_headers) -> None:  # noqa: ANN001
    """Issue 14, finding 11: a zero-width space made "Damstraat" a second street, and a file
    read in the wrong encoding ("StraÃŸe") was imported as it came."""
    campaign = factories.CampaignFactory()
    session.flush()
    url = f"/api/v1/campaigns/{campaign.id}/addresses"

    def upload(rows: str) -> object:
        data = ("straat,huisnummer,postcode,plaats\n" + rows).encode()
        return client.post(url, data={"file": (io.BytesIO(data), "adressen.csv")},
                           headers=admin_headers, content_type="multipart/form-data")  # fmt: skip

    garbled = upload("Damstraat,9,3511 AB,Utrecht\nGroÃŸe StraÃŸe,11,3511 AB,Utrecht\n")
    assert garbled.status_code == 422
    assert garbled.json["rows"][0]["row"] == 3 and "UTF-8" in garbled.json["rows"][0]["messages"][0]
    stored = select(Address.street).where(Address.campaign_id == campaign.id)
    assert session.scalars(stored).all() == []  # nothing imported
    # NFC and no zero-width: two ways to type one street are one street.
    answer = upload("Dam\u200bstraat,9,3511 AB,Utrecht\nCafe\u0301laan,3,3511 AB,Utrecht\n")
    assert answer.status_code in (200, 201), answer.get_data(as_text=True)[:300]
    assert sorted(session.scalars(stored).all()) == ["Caf\u00e9laan", "Damstraat"]
