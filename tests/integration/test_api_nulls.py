"""An optional field sent as null is accepted: not given, or cleared where it may be empty."""

from __future__ import annotations

import uuid
from datetime import date

from eteams.models import Employee
from eteams.models.enums import EndReason
from tests import factories
from tests.conftest import login

BODY_METHODS = ("post", "put", "patch")


def _schemas(doc: dict, schema: dict, seen: set[str] | None = None):  # noqa: ANN201
    """The request schema and every schema nested in it, each once."""
    seen = set() if seen is None else seen
    for option in schema.get("anyOf", []) + ([schema["items"]] if "items" in schema else []):
        yield from _schemas(doc, option, seen)
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        if name in seen:
            return
        seen.add(name)
        schema = doc["components"]["schemas"][name]
        yield name, schema
    for prop in schema.get("properties", {}).values():
        if not prop.get("readOnly"):
            yield from _schemas(doc, prop, seen)


def _nullable(prop: dict) -> bool:
    kind = prop.get("type")
    return (isinstance(kind, list) and "null" in kind) or {"type": "null"} in prop.get("anyOf", [])


def test_every_optional_body_field_is_documented_as_nullable(client) -> None:  # noqa: ANN001
    doc = client.get("/api/v1/openapi.json").json
    refused = []
    for path, operations in doc["paths"].items():
        for method in BODY_METHODS:
            body = operations.get(method, {}).get("requestBody", {}).get("content", {})
            if "application/json" not in body:
                continue
            for name, schema in _schemas(doc, body["application/json"]["schema"]):
                required = set(schema.get("required", []))
                for field, prop in schema.get("properties", {}).items():
                    if field not in required and not prop.get("readOnly") and not _nullable(prop):
                        refused.append(f"{method.upper()} {path}: {name}.{field}")
    assert refused == []


def test_a_visit_with_null_contact_household_and_consents_is_saved(
    client, session, make_user
) -> None:  # noqa: ANN001
    address = factories.AddressFactory()
    headers = {"X-CSRFToken": login(client, make_user("admin"))}
    body = {
        "address_id": address.id, "visited_at": "2026-11-30T10:15:00+01:00",
        "outcome": "not_home", "contact": None, "household": None, "consents": None,
        "interests": None, "financing_interest": None, "small_measures": None, "notes": None,
        "walklist_id": None, "appointment_at": None, "follow_up_on": None,
        "do_not_return": None, "updated_at": None,
    }  # fmt: skip
    response = client.put(f"/api/v1/visits/{uuid.uuid4()}", json=body, headers=headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    saved = response.json
    assert saved["contact"] == {"name": "", "email": "", "phone": ""}
    assert saved["consents"] == {} and saved["interests"] == {} and saved["do_not_return"] is False


def test_null_creates_with_the_default_and_a_patch_leaves_the_field_or_clears_it(
    client, session, make_user
) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, make_user("admin"))}
    created = client.post("/api/v1/employers", headers=headers, json={
        "name": "Groene Handen B.V.", "kvk_number": "87654321", "contact_name": None,
        "contact_email": None, "contact_phone": None, "municipality": None,
    })  # fmt: skip
    assert created.status_code == 201, created.get_data(as_text=True)
    assert created.json["municipality"] == "Utrecht" and created.json["contact_name"] == ""

    employee = factories.EmployeeFactory(birth_year=1990, ended_on=date(2026, 6, 30),
                                         end_reason=EndReason.REGULAR_JOB)  # fmt: skip
    patched = client.patch(f"/api/v1/employees/{employee.id}", headers=headers,
                           json={"first_name": None, "birth_year": None})  # fmt: skip
    assert patched.status_code == 200, patched.get_data(as_text=True)
    assert patched.json["first_name"] == employee.first_name  # not given: unchanged
    assert patched.json["birth_year"] is None  # may be empty: cleared
    session.expire_all()
    assert session.get(Employee, employee.id).birth_year is None
