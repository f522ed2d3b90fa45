"""Hostile text where it lands (issue 13 review): a name of zero-width spaces was accepted as
a name, and a direction override (U+202E) made a name display reversed on pages and in PDFs."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from eteams.models import Employer
from tests.conftest import csrf_from, login

ZERO_WIDTH = "\u200b\u200c\ufeff \u2060"
REVERSED = "\u202egnp.exe"  # shows as "exe.png"


@pytest.fixture
def admin_headers(client, make_user) -> dict[str, str]:  # noqa: ANN001
    return {"X-CSRFToken": login(client, make_user("admin"))}


def test_a_name_of_invisible_characters_is_no_name(client, session, admin_headers) -> None:  # noqa: ANN001
    response = client.post(
        "/api/v1/employers", json={"name": ZERO_WIDTH, "kvk_number": "12345678"},
        headers=admin_headers,
    )  # fmt: skip
    assert response.status_code == 422 and "name" in response.json["fields"]
    page = client.get("/admin/employers/new").get_data(as_text=True)
    response = client.post(
        "/admin/employers/new",
        data={"csrf_token": csrf_from(page), "name": ZERO_WIDTH, "kvk_number": "12345678",
              "municipality": "Utrecht"},
    )  # fmt: skip
    assert response.status_code == 200  # the form again, with the message
    assert 'aria-invalid="true"' in response.get_data(as_text=True)
    assert session.scalar(select(func.count(Employer.id))) == 0  # nothing stored


def test_direction_overrides_are_removed_and_the_rest_is_kept(
    client, session, admin_headers
) -> None:  # noqa: ANN001
    # A non-joiner inside a Persian word belongs to the writing and stays; one pasted after
    # the last letter changes nothing but the bytes and goes (issue 15: names are normalised).
    arabic = "شرکت سبز\u200cنو"
    response = client.post(
        "/api/v1/employers", json={"name": REVERSED, "kvk_number": "12345678",
                                   "contact_name": arabic + "\u200c"}, headers=admin_headers,
    )  # fmt: skip
    assert response.status_code == 201, response.json
    assert response.json["name"] == "gnp.exe" and response.json["contact_name"] == arabic
    page = client.get("/admin/employers/new").get_data(as_text=True)
    response = client.post(
        "/admin/employers/new",
        data={"csrf_token": csrf_from(page), "name": "Bouw \u2066B.V.\u2069 & <b", "kvk_number": "87654321",
              "municipality": "Utrecht"},
    )  # fmt: skip
    assert response.status_code == 302
    stored = session.scalar(select(Employer.name).where(Employer.kvk_number == "87654321"))
    assert stored == "Bouw B.V. & <b"
    listing = client.get("/admin/employers").get_data(as_text=True)
    assert "Bouw B.V. &amp; &lt;b" in listing and "\u202e" not in listing


PASTED = "\u2066Fatima\u200b\u2069"  # an isolate and a zero-width space, pasted from a mail


def test_an_employees_names_lose_pasted_invisible_characters_on_every_path(
    client, session, admin_headers
) -> None:  # noqa: ANN001
    """Issue 15: zero-width and direction characters in a coach's name reached the letter's
    thanks and the pages. The API and the admin form store the name without them; what an
    employee page or the API gives back is the name as it reads."""
    employer = client.post("/api/v1/employers", headers=admin_headers,
                           json={"name": "Groen Werk", "kvk_number": "12345678"}).json  # fmt: skip
    body = {"employer_id": employer["id"], "first_name": PASTED, "last_name": "El\u200dAmrani\ufeff",
            "target_group": "participatiewet", "hired_on": "2026-03-02",
            "contract_type": "temporary", "hours_per_week": 32}  # fmt: skip
    created = client.post("/api/v1/employees", json=body, headers=admin_headers)
    assert created.status_code == 201, created.json
    read = client.get(f"/api/v1/employees/{created.json['id']}").json
    assert (read["first_name"], read["last_name"]) == ("Fatima", "ElAmrani")
    # An Arabic name keeps every letter; the marks around it go.
    patched = client.patch(f"/api/v1/employees/{created.json['id']}", headers=admin_headers,
                           json={"first_name": "\u200fفاطمة\u200e"})  # fmt: skip
    assert patched.status_code == 200, patched.json
    assert client.get(f"/api/v1/employees/{created.json['id']}").json["first_name"] == "فاطمة"
