"""The admin's audit log: sensitive actions are recorded and shown, personal data never."""

from __future__ import annotations

import re

from sqlalchemy import select

from eteams.models import AuditEvent
from eteams.services import audit
from tests import factories
from tests.conftest import PASSWORD, csrf_from, login


def test_sign_ins_role_changes_and_exports_appear_in_the_log(client, session, make_user) -> None:  # noqa: ANN001
    admin = make_user("admin")
    lead = make_user("lead")
    token = login(client, admin)
    # A failed sign-in from someone else, a role change and a deactivation.
    other = client.application.test_client()
    page = other.get("/login").get_data(as_text=True)
    other.post("/login", data={"email": lead.email, "password": "wrong password!",
                               "csrf_token": csrf_from(page)})  # fmt: skip
    form = {"email": lead.email, "role": "employer", "employer_id": factories.EmployerFactory().id,
            "locale": "nl", "csrf_token": token}  # fmt: skip
    assert client.post(f"/admin/users/{lead.id}", data=form).status_code == 302
    address = factories.AddressFactory(street="Geheimstraat", house_number=7)
    session.flush()
    assert client.get(f"/admin/addresses/{address.id}/export").status_code == 200

    html = client.get("/admin/audit/").get_data(as_text=True)
    for text in (
        "Ingelogd",
        "Mislukte inlogpoging",
        "Rol gewijzigd",
        "Huishoudgegevens geëxporteerd",
    ):
        assert text in html, text
    assert "old: lead" in html and "new: employer" in html
    assert admin.email in html  # staff accounts are named; households never
    assert "Geheimstraat" not in html and PASSWORD not in html and "wrong password!" not in html
    role_change = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "role_changed")
    ).one()
    assert (role_change.actor_user_id, role_change.object_id) == (admin.id, str(lead.id))


def test_filters_and_paging(client, session, make_user) -> None:  # noqa: ANN001
    admin = make_user("admin")
    for n in range(audit.PAGE_SIZE + 5):
        audit.record(session, "letters_sent", actor_id=admin.id, count=n)
    audit.record(session, "household_erased", actor_id=None)
    session.flush()
    login(client, admin)
    first = client.get("/admin/audit/?action=letters_sent").get_data(as_text=True)
    assert first.count("Adviesbrieven als verstuurd gemarkeerd") == audit.PAGE_SIZE + 1  # + option
    assert "count: 54" in first and "count: 4<" not in first
    assert "Huishoudgegevens gewist</td>" not in first
    older = (
        re.search(r'href="/admin/audit/\?([^"]*before=[^"]*)"', first)
        .group(1)
        .replace("&amp;", "&")
    )
    second = client.get(f"/admin/audit/?{older}").get_data(as_text=True)
    assert "count: 4<" in second and "count: 0<" in second and "count: 54" not in second
    bad = client.get("/admin/audit/?from=gisteren")
    assert bad.status_code == 200 and "is geen datum" in bad.get_data(as_text=True)
    future = client.get("/admin/audit/?from=2099-01-01").get_data(as_text=True)
    assert "Geen gebeurtenissen gevonden." in future
    typo = client.get("/admin/audit/?from=2999-01-01").get_data(as_text=True)
    assert "Vul een datum in tussen 2000 en 2100." in typo


def test_only_the_admin_reads_the_log(client, make_user) -> None:  # noqa: ANN001
    for role in ("lead", "coach", "employer"):
        browser = client.application.test_client()
        login(browser, make_user(role))
        assert browser.get("/admin/audit/").status_code == 404
