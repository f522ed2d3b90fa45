"""Create → read → update with generated data (schemathesis): whatever the API accepted at
creation it gives back on reading, and what it gave it takes back unchanged.

The collections and their items are found in the OpenAPI document (``POST /things`` and
``GET`` + ``PUT``/``PATCH`` ``/things/{thing_id}``), so a new resource is covered the day it is
added. The schemathesis pytest plugin does not load on pytest 9: it is driven by hand, as in
test_fuzz_api.py.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from eteams.extensions import db
from eteams.services import accounts
from tests import factories

API = "/api/v1"
EXAMPLES = 40


def _item_paths(doc: dict) -> dict[str, tuple[str, str]]:  # noqa: ANN001
    """Collection path → (its item path, the method that writes the item)."""
    found = {}
    for path, operations in doc["paths"].items():
        if "post" not in operations:
            continue
        for item, item_ops in doc["paths"].items():
            rest = item.removeprefix(path + "/")
            if item.startswith(path + "/{") and rest.count("/") == 0 and "get" in item_ops:
                method = next((m for m in ("put", "patch") if m in item_ops), None)
                if method:
                    found[path] = (item, method)
    return found


@pytest.fixture
def admin_token(app, session) -> str:  # noqa: ANN001
    """An admin, and what generated ids may hit: an employer, an employee, a lead, a team."""
    employee = factories.EmployeeFactory()
    team = factories.TeamFactory()
    factories.MembershipFactory(team=team, employee=employee)
    factories.user("lead")
    admin = factories.user("admin")
    with app.app_context():
        token = accounts.create_token(db.session, db.session.merge(admin), "fuzz", actor_id=None)
        db.session.commit()
    return token


def test_what_is_created_reads_back_and_writes_back_unchanged(app, admin_token) -> None:  # noqa: ANN001
    schema = schemathesis.openapi.from_wsgi(f"{API}/openapi.json", app)
    doc = app.test_client().get(f"{API}/openapi.json").json
    collections = _item_paths(doc)
    assert len(collections) >= 5, collections  # employers, employees, teams, users, campaigns...
    headers = {"Authorization": f"Bearer {admin_token}"}
    client = app.test_client()
    failures: list[str] = []
    created: dict[str, int] = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() != "POST" or operation.path not in collections:
            continue
        _round_trips(operation, *collections[operation.path], headers, client, created, failures)()
    assert failures == [], "\n".join(failures[:10])
    assert len(created) >= 3, created  # generated bodies did create things


def _round_trips(operation, item, method, headers, client, created, failures):  # noqa: ANN001, ANN202
    """POST generated bodies; each thing created is read, written back, read again."""

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    def check(case) -> None:  # noqa: ANN001
        response = case.call(headers=headers)
        if response.status_code != 201:
            return
        created[item] = created.get(item, 0) + 1
        object_id = str(response.json()["id"])
        url = item.replace(item[item.index("{") : item.index("}") + 1], object_id)
        read = client.get(url, headers=headers)
        if read.status_code != 200 or read.json != response.json():
            failures.append(f"GET {url} after POST {case.body!r}: {read.status_code}")
            return
        written = client.open(url, method=method.upper(), json=read.json, headers=headers)
        again = client.get(url, headers=headers)
        if written.status_code != 200 or again.json != read.json:
            failures.append(f"{method.upper()} {url} with {read.json!r}: "
                            f"{written.status_code} {written.get_data(as_text=True)[:300]}")  # fmt: skip

    return check
