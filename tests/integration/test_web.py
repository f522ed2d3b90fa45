"""What every page shares: language, security headers, friendly errors without leaks."""

from __future__ import annotations

import logging

from flask import request

from eteams.security import public
from tests.conftest import login, make_app


def test_dutch_by_default_english_by_parameter_and_remembered(client) -> None:  # noqa: ANN001
    assert "Inloggen" in client.get("/login").get_data(as_text=True)
    assert "Sign in" in client.get("/login?lang=en").get_data(as_text=True)
    assert "Sign in" in client.get("/login").get_data(as_text=True)
    assert "Inloggen" in client.get("/login?lang=nl").get_data(as_text=True)


def test_profile_language_is_used_after_sign_in(client, session, make_user) -> None:  # noqa: ANN001
    user = make_user("lead")
    token = login(client, user)
    response = client.post("/profile", data={"locale": "en", "csrf_token": token})
    assert response.status_code == 302
    assert "Your teams" in client.get("/lead/").get_data(as_text=True)
    session.refresh(user)
    assert user.locale.value == "en"


def test_security_headers_on_every_page(client, make_user) -> None:  # noqa: ANN001
    anonymous = client.get("/login")
    csp = anonymous.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert anonymous.headers["X-Content-Type-Options"] == "nosniff"
    assert anonymous.headers["Referrer-Policy"] == "same-origin"
    login(client, make_user("admin"))
    assert client.get("/admin/employers").headers["Cache-Control"] == "no-store"
    assert client.get("/api/v1/me").headers["Cache-Control"] == "no-store"


def test_hsts_only_over_tls(client) -> None:  # noqa: ANN001
    assert "Strict-Transport-Security" not in client.get("/login").headers
    secure = client.get("/login", base_url="https://eteams.example.nl")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")


def test_unexpected_error_shows_no_trace_and_logs_no_values(database_url, caplog) -> None:  # noqa: ANN001
    app = make_app(database_url, PROPAGATE_EXCEPTIONS=False, TESTING=False)

    @public
    def broken() -> str:
        raise ValueError(request.args["household"])  # submitted personal data in the message

    app.add_url_rule("/broken", "broken", broken)
    app.add_url_rule("/api/v1/broken", "api_broken", public(lambda: broken()))
    with caplog.at_level(logging.ERROR):
        household = {"household": "Jan Jansen, Kanaalstraat 12, 06-12345678"}
        page = app.test_client().get("/broken", query_string=household)
        api = app.test_client().get("/api/v1/broken", query_string=household)
    assert page.status_code == 500
    assert "Jan Jansen" not in page.get_data(as_text=True)
    assert "Traceback" not in page.get_data(as_text=True)
    assert "Er ging bij ons iets mis" in page.get_data(as_text=True)
    assert api.status_code == 500 and api.json["error"] == "internal_error"
    assert "Jan Jansen" not in caplog.text
    assert "ValueError" in caplog.text


def test_404_page_is_friendly_and_translated(client) -> None:  # noqa: ANN001
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.get_data(as_text=True)


def test_health_check_answers_without_signing_in(client) -> None:  # noqa: ANN001
    assert client.get("/healthz").json == {"status": "ok"}


def test_a_nul_character_is_refused_and_changes_nothing(client, session, make_user) -> None:  # noqa: ANN001
    from sqlalchemy import func, select

    from eteams.models import Employer

    token = login(client, make_user("admin"))
    before = session.scalar(select(func.count(Employer.id)))
    form = {"name": "Nul\x00 B.V.", "kvk_number": "12345678", "csrf_token": token}
    response = client.post("/admin/employers/new", data=form)
    assert response.status_code == 400
    assert "Dit verzoek is niet gelukt." in response.get_data(as_text=True)
    assert client.get("/admin/audit/?action=a%00b").status_code == 400
    assert session.scalar(select(func.count(Employer.id))) == before
    api = client.post("/api/v1/employers", json={"name": "Nul\x00", "kvk_number": "12345678"},
                      headers={"X-CSRFToken": token})  # fmt: skip
    assert api.status_code == 422 and "name" in api.get_json()["fields"]


def test_switching_language_keeps_the_page_s_filters(client, make_user) -> None:  # noqa: ANN001
    login(client, make_user("employer"))
    html = client.get("/employer/?from=2026-01-01&to=2026-03-31").get_data(as_text=True)
    assert 'href="/employer/?from=2026-01-01&amp;to=2026-03-31&amp;lang=en"' in html
    again = client.get("/employer/?from=2026-01-01&to=2026-03-31&lang=en").get_data(as_text=True)
    assert 'href="/employer/?from=2026-01-01&amp;to=2026-03-31&amp;lang=nl"' in again


def test_the_session_cookie_is_secure_whenever_the_request_came_over_tls(app, client) -> None:  # noqa: ANN001
    """Issue 14, finding 10: with the default settings the cookie went out without Secure,
    also over HTTPS."""
    plain = client.get("/login")
    assert "Secure" not in plain.headers.get("Set-Cookie", "")  # http (the dev server)
    tls = app.test_client().get("/login", base_url="https://eteams.example.nl")
    assert "session=" in tls.headers["Set-Cookie"] and "; Secure" in tls.headers["Set-Cookie"]
    # Behind a proxy that says the client came over TLS (TRUSTED_PROXIES hops).
    from eteams import create_app

    proxied = create_app({**app.config, "TRUSTED_PROXIES": "1"}).test_client()
    answer = proxied.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert "; Secure" in answer.headers["Set-Cookie"]


def test_the_english_ui_writes_dates_the_british_way(client, session, visit, make_user) -> None:  # noqa: ANN001
    """Issue 15, eleventh review: the English UI wrote 3/10/26 (US) where the English letters
    write 10 March 2026; it formats with en_GB now, and still reads the "en" texts."""
    login(client, make_user("lead"))
    english = client.get("/lead/letters?date=2026-03-10&lang=en").get_data(as_text=True)
    assert '<html lang="en">' in english and "Advice letters of Tuesday, 10 March 2026" in english
    row = english[english.index("<tbody>") : english.index("</tbody>")]
    assert "10/03/2026" in row and "3/10/26" not in row  # 11:00 in Amsterdam, day first
    assert "1 letter" in english and 'aria-current="true">EN' in english  # the "en" plural
    dutch = client.get("/lead/letters?date=2026-03-10&lang=nl").get_data(as_text=True)
    assert "Adviesbrieven van dinsdag 10 maart 2026" in dutch
