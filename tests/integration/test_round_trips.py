"""Round trips for every resource: what a client reads it can write back unchanged (200, the
same thing), and a change to one field changes exactly that field.

The API resources come from the OpenAPI document and the HTML edit forms from the URL map, so
a resource added later fails here until it has a builder below.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from sqlalchemy import inspect

from eteams.extensions import db
from eteams.models import (
    Campaign,
    FinancingOption,
    Measure,
    Shift,
    Team,
    User,
    Visit,
    VisitConsent,
    WalkList,
)
from eteams.models.enums import ConsentKind, Outcome, Tenure
from eteams.services import accounts, catalogue
from tests import factories
from tests.conftest import login
from tests.html_forms import edit_form

API = "/api/v1"


# --- what each resource needs to exist -----------------------------------------------------


def _team(session) -> Team:  # noqa: ANN001
    team = factories.TeamFactory(lead_user_id=factories.user("lead").id)
    for _ in range(3):  # members: saving them unchanged once answered 500
        factories.MembershipFactory(team=team)
    session.flush()
    return team


def _shift(session) -> Shift:  # noqa: ANN001
    shift = Shift(team=_team(session), date=date(2026, 12, 3), start_time=time(9),
                  end_time=time(13), meeting_point="Buurthuis De Kaart")  # fmt: skip
    session.add(shift)
    session.flush()
    return shift


def _walk_list(session) -> WalkList:  # noqa: ANN001
    return factories.published_walk_list(session, _shift(session), doors=3)


def _visit(session) -> Visit:  # noqa: ANN001
    catalogue.seed_all(session)
    visit = Visit(
        uuid=uuid.uuid4(), address=factories.AddressFactory(), recorded_by=factories.user("coach"),
        outcome=Outcome.CONVERSATION, visited_at=datetime(2026, 11, 30, 10, tzinfo=UTC),
        tenure=Tenure.OWNER, gas_m3_per_year=1400, notes="Belt liever na 18 uur",
        consents=[VisitConsent(kind=ConsentKind.ADVICE_LETTER, given=True, wording_version="2026-01")],
    )  # fmt: skip
    session.add(visit)
    session.flush()
    return visit


def _employee_user(session) -> User:  # noqa: ANN001
    return factories.user("employer")


API_RESOURCES: dict[str, Any] = {
    f"{API}/employers/{{employer_id}}": lambda s: factories.EmployerFactory().id,
    f"{API}/employees/{{employee_id}}": lambda s: factories.EmployeeFactory(birth_year=1990).id,
    f"{API}/teams/{{team_id}}": lambda s: _team(s).id,
    f"{API}/users/{{user_id}}": lambda s: _employee_user(s).id,
    f"{API}/campaigns/{{campaign_id}}": lambda s: factories.CampaignFactory().id,
    f"{API}/shifts/{{shift_id}}": lambda s: _shift(s).id,
    f"{API}/walklists/{{walk_list_id}}": lambda s: _walk_list(s).id,
    f"{API}/visits/{{visit_uuid}}": lambda s: str(_visit(s).uuid),
}
# Written with PUT but read elsewhere: where the written thing is read back.
READ_FROM = {f"{API}/visits/{{visit_uuid}}": (f"{API}/visits", "uuid")}
# Writes that are commands rather than a resource's representation, with the reason.
NOT_ROUND_TRIPS = {
    f"{API}/shifts/{{shift_id}}/attendance": "a register of the shift, read back in GET /shifts/<id>",
}
# Clearing this makes the object invalid: the service answers 422 for this field.
NULL_REFUSED_BY_A_RULE = {f"{API}/users/{{user_id}}": "employer_id"}  # an employer user's employer
# Optimistic locking: a change moves it on by one, an unchanged write leaves it.
CONCURRENCY_TOKENS = {"version"}


def _writable_paths(doc: dict[str, Any]) -> dict[str, str]:
    """Every path written as a whole (PUT) or in part (PATCH), with its method."""
    return {
        path: method
        for path, ops in doc["paths"].items()
        for method in ("put", "patch")
        if method in ops and "{" in path
    }


@pytest.fixture
def admin_api(app, client, session) -> dict[str, str]:  # noqa: ANN001
    admin = factories.user("admin")
    with app.app_context():
        token = accounts.create_token(
            db.session, db.session.merge(admin), "round trips", actor_id=None
        )
        db.session.commit()
    return {"Authorization": f"Bearer {token}"}


def test_every_writable_api_resource_has_a_round_trip(client, session) -> None:  # noqa: ANN001
    doc = client.get(f"{API}/openapi.json").json
    missing = set(_writable_paths(doc)) - set(API_RESOURCES) - set(NOT_ROUND_TRIPS)
    assert missing == set(), "add a builder to API_RESOURCES for these"


def _url(path: str, object_id: object) -> str:
    return path.replace(path[path.index("{") : path.index("}") + 1], str(object_id))


def _read(client, path: str, url: str, headers: dict[str, str]) -> dict[str, Any]:  # noqa: ANN001
    if path not in READ_FROM:
        response = client.get(url, headers=headers)
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.json
    listing, key = READ_FROM[path]
    rows = client.get(listing, headers=headers, query_string={"per_page": 100}).json
    return next(row for row in rows if row[key] == url.rsplit("/", 1)[1])


@pytest.mark.parametrize("path", sorted(API_RESOURCES))
def test_api_resource_round_trip(app, client, session, admin_api, path) -> None:  # noqa: ANN001
    doc = client.get(f"{API}/openapi.json").json
    method = _writable_paths(doc)[path]
    url = _url(path, API_RESOURCES[path](session))

    def write(body: dict[str, Any]) -> Any:
        return client.open(url, method=method.upper(), json=body, headers=admin_api)

    before = _read(client, path, url, admin_api)
    response = write(before)
    assert response.status_code in (200, 201), f"{path}: {response.get_data(as_text=True)}"
    assert _read(client, path, url, admin_api) == before, f"{path}: writing back changed it"

    for name, value in _changes(doc, path, method, before):
        if write({**before, name: value}).status_code == 200:
            break  # a text field may have a form the document does not say (a time)
    else:
        raise AssertionError(f"{path}: no change to one field was saved")
    expected = {**before, name: value}
    for token in CONCURRENCY_TOKENS & before.keys():
        expected[token] = before[token] + 1
    assert _read(client, path, url, admin_api) == expected, f"{path}: {name} changed more"


@pytest.mark.parametrize("path", sorted(API_RESOURCES))
def test_api_resource_takes_null_for_every_optional_field(
    app, client, session, admin_api, path, request
) -> None:  # noqa: ANN001
    doc = client.get(f"{API}/openapi.json").json
    method = _writable_paths(doc)[path]
    url = _url(path, API_RESOURCES[path](session))
    schema = _request_schema(doc, path, method)
    required = set(schema.get("required", []))
    read = _read(client, path, url, admin_api)
    body = {name: read[name] for name in required}
    for name, field in schema["properties"].items():
        if name not in required and not _resolve(doc, field).get("readOnly"):
            body[name] = None
    response = client.open(url, method=method.upper(), json=body, headers=admin_api)
    if path in NULL_REFUSED_BY_A_RULE:  # the schema takes the null, a rule refuses the result
        field = NULL_REFUSED_BY_A_RULE[path]
        assert response.status_code == 422 and list(response.json["fields"]) == [field]
        return
    assert response.status_code in (200, 201), f"{path}: {response.get_data(as_text=True)}"


def _request_schema(doc: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    content = doc["paths"][path][method]["requestBody"]["content"]
    return _resolve(doc, content["application/json"]["schema"])


def _changes(
    doc: dict[str, Any], path: str, method: str, body: dict[str, Any]
) -> list[tuple[str, Any]]:
    """Each plain text field with an 'x' more, then each yes/no field flipped."""
    schema = _request_schema(doc, path, method)
    fields = {k: _resolve(doc, v) for k, v in schema["properties"].items()}
    fields = {k: v for k, v in fields.items() if not v.get("readOnly")}
    texts = [
        (name, body[name][: field.get("maxLength", 10_000) - 1] + "x")
        for name, field in fields.items()
        if "string" in _types(field) and not {"enum", "format", "pattern"} & field.keys()
        and isinstance(body.get(name), str) and body[name]
    ]  # fmt: skip
    flags = [
        (name, not body[name])
        for name, field in fields.items()
        if "boolean" in _types(field) and isinstance(body.get(name), bool)
    ]
    return texts + flags


def _resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _types(field: dict[str, Any]) -> list[str]:
    kind = field.get("type", [])
    return kind if isinstance(kind, list) else [kind]


# --- the HTML edit forms -------------------------------------------------------------------


def _measure(session) -> Measure:  # noqa: ANN001
    catalogue.seed_all(session)
    return session.query(Measure).order_by(Measure.id).first()


def _financing(session) -> FinancingOption:  # noqa: ANN001
    catalogue.seed_all(session)
    return session.query(FinancingOption).order_by(FinancingOption.id).first()


def _campaign(session) -> Campaign:  # noqa: ANN001
    return factories.CampaignFactory()


# endpoint → (the object it edits, the role that edits it)
FORMS: dict[str, tuple[Any, str]] = {
    "admin.employer_form": (lambda s: factories.EmployerFactory(), "admin"),
    "admin.employee_form": (lambda s: factories.EmployeeFactory(birth_year=1990), "admin"),
    "admin.team_form": (_team, "admin"),
    "admin.user_form": (_employee_user, "admin"),
    "lead.campaign_form": (_campaign, "admin"),
    "lead.shift": (_shift, "admin"),
    "catalogue.measure": (_measure, "admin"),
    "catalogue.financing": (_financing, "admin"),
}
# GET+POST pages with an id that are not an object's edit form, with the reason.
NOT_EDIT_FORMS = {
    "lead.import_preview": "confirms an uploaded file, nothing to edit",
    "lead.paper_visits": "types in new visits from the paper sheet (tested on its own)",
    "lead.plan": "plans a day of a campaign, a command",
    "lead.upload": "uploads an address file, nothing to edit",
}


def _edit_form_endpoints(app) -> set[str]:  # noqa: ANN001
    return {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if {"GET", "POST"} <= rule.methods and rule.arguments and not rule.rule.startswith(API)
    }


def test_every_edit_form_has_a_round_trip(app) -> None:  # noqa: ANN001
    missing = _edit_form_endpoints(app) - set(FORMS) - set(NOT_EDIT_FORMS)
    assert missing == set(), "add the edit form to FORMS for these"


def _snapshot(session, obj: Any) -> dict[str, Any]:  # noqa: ANN001
    """The row's columns and its owned rows' columns (a team's memberships)."""
    session.expire_all()
    obj = session.get(type(obj), obj.id)
    mapper = inspect(type(obj))
    values: dict[str, Any] = {c.key: getattr(obj, c.key) for c in mapper.column_attrs
                              if c.key != "updated_at"}  # fmt: skip
    for rel in mapper.relationships:
        if "delete-orphan" in rel.cascade and rel.uselist:
            values[rel.key] = sorted(
                tuple((c.key, getattr(child, c.key)) for c in inspect(type(child)).column_attrs)
                for child in getattr(obj, rel.key)
            )
    return values


def _open_edit_form(app, client, session, endpoint: str) -> tuple[Any, str]:  # noqa: ANN001
    """The object an edit form is for, built by its factory, and the form's URL, signed in."""
    build, role = FORMS[endpoint]
    obj = build(session)
    session.flush()
    login(client, factories.user(role))
    rule = next(r for r in app.url_map.iter_rules(endpoint) if r.arguments)
    (argument,) = rule.arguments
    with app.test_request_context():
        from flask import url_for

        url = url_for(endpoint, **{argument: obj.id})
    return obj, url


@pytest.mark.parametrize("endpoint", sorted(FORMS))
def test_edit_form_round_trip(app, client, session, endpoint) -> None:  # noqa: ANN001
    obj, url = _open_edit_form(app, client, session, endpoint)
    before = _snapshot(session, obj)

    form = edit_form(client.get(url).get_data(as_text=True), url)
    response = client.post(url, data=form.data())
    assert response.status_code in (200, 302), f"{endpoint}: {response.status_code}"
    assert 'class="error"' not in response.get_data(as_text=True), response.get_data(as_text=True)
    assert _snapshot(session, obj) == before, f"{endpoint}: saving unchanged changed it"

    name, value = _form_change(form, before)
    data = form.data()
    data[name] = [value]
    response = client.post(url, data=data)
    assert response.status_code in (200, 302), f"{endpoint}: {response.status_code}"
    after = _snapshot(session, obj)
    assert after[name] == value, f"{endpoint}: {name} not saved"
    assert {k: v for k, v in after.items() if k != name} == {
        k: v for k, v in before.items() if k != name
    }, f"{endpoint}: changing {name} changed something else"


def _form_change(form: Any, columns: dict[str, Any]) -> tuple[str, str]:
    for name, value in form.fields:
        if form.kinds.get(name) == "text" and name in columns and value:
            return name, value + "x"
    for name, value in form.fields:
        if form.kinds.get(name) == "email" and name in columns and value:
            return name, "x" + value
    raise AssertionError("no text field to change")


@pytest.mark.parametrize("endpoint", sorted(FORMS))
def test_edit_form_refuses_a_reference_to_nothing(app, client, session, endpoint) -> None:  # noqa: ANN001
    """Each choice of another object (employer, team lead, member, team) posted with an id
    that exists nowhere: the form shows an error and nothing changes."""
    obj, url = _open_edit_form(app, client, session, endpoint)
    before = _snapshot(session, obj)
    form = edit_form(client.get(url).get_data(as_text=True), url)
    for name in [n for n, kind in form.kinds.items() if kind == "select" and n.endswith("_id")]:
        data = {**form.data(), name: [str(2**31 - 1)]}
        response = client.post(url, data=data)
        assert response.status_code in (200, 422), f"{endpoint} {name}: {response.status_code}"
        assert 'class="error"' in response.get_data(as_text=True), f"{endpoint} {name}"
        assert _snapshot(session, obj) == before, f"{endpoint} {name}: changed"
