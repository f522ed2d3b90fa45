"""Every reference in an API body (an id, a list of ids, a catalogue key) that points at
nothing is a 422 naming the field — never a 500, never stored.

The fields come from the OpenAPI document: every property named ``*_id`` or ``*_ids`` (at any
depth), and the few references named otherwise. An operation that gains one fails here until
it has a valid body below.
"""

from __future__ import annotations

import copy
import uuid
from datetime import date, time
from typing import Any

import pytest

from eteams.extensions import db
from eteams.models import Shift, WalkList
from eteams.services import accounts, catalogue
from tests import factories

API = "/api/v1"
MISSING = 2**31 - 1  # the largest id the databases hold, and none of ours
# References whose names do not end in _id: what they point at.
OTHER_REFERENCES = {
    "stops": "address ids",
    "interests": "measure keys",
    "small_measures": "measure keys",
    "financing_interest": "financing option keys",
}


def _is_reference(name: str) -> bool:
    return name.endswith(("_id", "_ids")) or name in OTHER_REFERENCES


def _reference_paths(doc: dict, schema: dict, prefix: tuple = ()) -> list[tuple]:  # noqa: ANN001
    """Where references sit in a request schema: ('members', 0, 'employee_id'), ..."""
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    for option in schema.get("anyOf", []):
        if option.get("type") != "null":
            return _reference_paths(doc, option, prefix)
    if "items" in schema and not _is_reference(str(prefix[-1]) if prefix else ""):
        return _reference_paths(doc, schema["items"], (*prefix, 0))
    found = []
    for name, prop in schema.get("properties", {}).items():
        if prop.get("readOnly"):
            continue
        found += (
            [(*prefix, name)]
            if _is_reference(name)
            else _reference_paths(doc, prop, (*prefix, name))
        )
    return found


def _operations(doc: dict) -> dict[str, list[tuple]]:  # noqa: ANN001
    found = {}
    for path, operations in doc["paths"].items():
        for method in ("post", "put", "patch"):
            content = operations.get(method, {}).get("requestBody", {}).get("content", {})
            if "application/json" in content:
                refs = _reference_paths(doc, content["application/json"]["schema"])
                if refs:
                    found[f"{method.upper()} {path}"] = refs
    return found


# --- a valid body for each operation with references ---------------------------------------


def _team(session) -> Any:  # noqa: ANN001
    team = factories.TeamFactory()
    factories.MembershipFactory(team=team)
    session.flush()
    return team


def _past_shift(session) -> Shift:  # noqa: ANN001
    shift = Shift(
        team=_team(session), date=date(2026, 1, 12), start_time=time(9), end_time=time(13)
    )
    session.add(shift)
    session.flush()
    return shift


def _walk_list(session) -> WalkList:  # noqa: ANN001
    return factories.published_walk_list(session, _past_shift(session), doors=2)


def _employee(s) -> dict[str, Any]:  # noqa: ANN001
    return {"employer_id": factories.EmployerFactory().id, "first_name": "Ayaan",
            "last_name": "Mohamed", "target_group": "participatiewet", "hired_on": "2026-03-02",
            "contract_type": "temporary", "hours_per_week": 32}  # fmt: skip


def _team_body(s) -> dict[str, Any]:  # noqa: ANN001
    return {"name": f"Team {uuid.uuid4().hex[:6]}", "lead_user_id": factories.user("lead").id,
            "members": [{"employee_id": factories.EmployeeFactory().id, "from": "2026-01-05"}]}  # fmt: skip


def _user_body(s) -> dict[str, Any]:  # noqa: ANN001
    return {"email": f"{factories.tag()}@example.nl", "role": "coach",
            "employee_id": factories.EmployeeFactory().id, "password": "correct horse battery"}  # fmt: skip


def _shift_body(s) -> dict[str, Any]:  # noqa: ANN001
    return {"team_id": _team(s).id, "date": "2026-12-14", "start": "09:00", "end": "13:00"}


def _visit_body(s) -> dict[str, Any]:  # noqa: ANN001
    catalogue.seed_all(s)
    walk_list = _walk_list(s)
    return {"address_id": walk_list.stops[0].address_id, "walklist_id": walk_list.id,
            "visited_at": "2026-01-12T10:15:00+01:00", "outcome": "conversation",
            "interests": {"radiator_foil": "interested"}, "small_measures": {"radiator_foil": 2},
            "financing_interest": ["isde"]}  # fmt: skip


def _plan(s) -> tuple[str, dict[str, Any]]:  # noqa: ANN001
    shift = _past_shift(s)
    campaign = factories.CampaignFactory()
    factories.AddressFactory(campaign=campaign)
    return f"/campaigns/{campaign.id}/plans", {"date": "2026-01-12", "shift_ids": [shift.id]}


def _walk_list_patch(s) -> tuple[str, dict[str, Any]]:  # noqa: ANN001
    walk_list = _walk_list(s)
    return f"/walklists/{walk_list.id}", {"version": walk_list.version,
                                          "stops": [st.address_id for st in walk_list.stops]}  # fmt: skip


def _attendance(s) -> tuple[str, dict[str, Any]]:  # noqa: ANN001
    shift = _past_shift(s)
    employee_id = shift.team.memberships[0].employee_id
    return f"/shifts/{shift.id}/attendance", {
        "attendance": [{"employee_id": employee_id, "status": "present"}]
    }


# "METHOD path" → (session → (url under /api/v1, a valid body))
BODIES: dict[str, Any] = {
    f"POST {API}/employees": lambda s: ("/employees", _employee(s)),
    f"PATCH {API}/employees/{{employee_id}}": lambda s: (
        f"/employees/{factories.EmployeeFactory().id}", _employee(s)),
    f"POST {API}/teams": lambda s: ("/teams", _team_body(s)),
    f"PUT {API}/teams/{{team_id}}": lambda s: (f"/teams/{_team(s).id}", _team_body(s)),
    f"POST {API}/users": lambda s: ("/users", _user_body(s)),
    f"PATCH {API}/users/{{user_id}}": lambda s: (
        f"/users/{factories.user('lead').id}", {k: v for k, v in _user_body(s).items() if k != "password"}),
    f"POST {API}/shifts": lambda s: ("/shifts", _shift_body(s)),
    f"POST {API}/shifts/series": lambda s: ("/shifts/series", {
        **_shift_body(s), "weekdays": [0], "until": "2026-12-21"}),
    f"PATCH {API}/shifts/{{shift_id}}": lambda s: (f"/shifts/{_past_shift(s).id}", _shift_body(s)),
    f"PUT {API}/shifts/{{shift_id}}/attendance": _attendance,
    f"POST {API}/campaigns/{{campaign_id}}/plans": _plan,
    f"PATCH {API}/walklists/{{walk_list_id}}": _walk_list_patch,
    f"PUT {API}/visits/{{visit_uuid}}": lambda s: (f"/visits/{uuid.uuid4()}", _visit_body(s)),
}  # fmt: skip


@pytest.fixture
def admin_api(app, client, session) -> dict[str, str]:  # noqa: ANN001
    admin = factories.user("admin")
    with app.app_context():
        token = accounts.create_token(
            db.session, db.session.merge(admin), "references", actor_id=None
        )
        db.session.commit()
    return {"Authorization": f"Bearer {token}"}


def test_every_operation_with_references_has_a_body(client) -> None:  # noqa: ANN001
    operations = _operations(client.get(f"{API}/openapi.json").json)
    assert set(operations) - set(BODIES) == set(), "add a valid body to BODIES"


def _missing(where: tuple, body: dict[str, Any]) -> dict[str, Any]:
    """The body with the reference at ``where`` pointing at nothing."""
    changed = copy.deepcopy(body)
    parent = changed
    for step in where[:-1]:
        parent = parent[step]
    name, value = where[-1], parent[where[-1]]
    if isinstance(value, dict):  # keyed by a catalogue key
        parent[name] = {"no-such-measure": next(iter(value.values()))}
    elif isinstance(value, list):
        parent[name] = ["no-such-option" if isinstance(v, str) else MISSING for v in value[:1]]
    else:
        parent[name] = MISSING
    return changed


@pytest.mark.parametrize("operation", sorted(BODIES))
def test_a_reference_to_nothing_is_a_422_naming_the_field(
    client, session, admin_api, operation
) -> None:  # noqa: ANN001
    method, _path = operation.split(" ", 1)
    doc = client.get(f"{API}/openapi.json").json
    for where in _operations(doc)[operation]:
        url, body = BODIES[operation](session)
        session.flush()
        if where[0] not in body:
            body = {**body, **_missing(where, {where[0]: body.get(where[0])})}
        response = client.open(
            API + url, method=method, json=_missing(where, body), headers=admin_api
        )
        assert response.status_code == 422, f"{operation} {where}: {response.status_code}"
        named = ".".join(str(step) for step in where)
        fields = response.json["fields"]
        assert any(named.startswith(key) or key.startswith(str(where[0])) for key in fields), (
            f"{operation} {where}: {fields}"
        )
    url, body = BODIES[operation](session)
    response = client.open(API + url, method=method, json=body, headers=admin_api)
    assert response.status_code in (200, 201), f"{operation}: the valid body {response.json}"
