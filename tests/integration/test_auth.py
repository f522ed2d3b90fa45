"""Signing in and out: hashed passwords, CSRF, throttling, safe redirects, sessions."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from eteams import security
from eteams.extensions import db
from eteams.models import AuditEvent, User
from eteams.models.enums import Role
from eteams.services import accounts, audit
from tests.conftest import PASSWORD, csrf_from, frozen, login


def _login_page_token(client) -> str:  # noqa: ANN001
    return csrf_from(client.get("/login").get_data(as_text=True))


def test_login_then_me_shows_role(client, make_user) -> None:  # noqa: ANN001
    lead = make_user("lead")
    login(client, lead)
    me = client.get("/api/v1/me")
    assert me.status_code == 200
    assert me.json["role"] == "lead"
    assert me.json["email"] == lead.email
    assert client.get("/").headers["Location"].endswith("/lead/")


def test_password_is_stored_hashed_with_argon2id(session, make_user) -> None:  # noqa: ANN001
    user = make_user("admin")
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash


def test_wrong_password_changes_nothing(client, session, make_user) -> None:  # noqa: ANN001
    user = make_user("admin")
    token = _login_page_token(client)
    response = client.post(
        "/login", data={"email": user.email, "password": "wrong password!", "csrf_token": token}
    )
    assert response.status_code == 200
    assert "klopt niet" in response.get_data(as_text=True)
    assert client.get("/api/v1/me").status_code == 401
    assert session.get(User, user.id).last_login_at is None


def test_login_without_csrf_token_is_refused(client, make_user) -> None:  # noqa: ANN001
    user = make_user("admin")
    client.get("/login")
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/api/v1/me").status_code == 401


def test_eleventh_wrong_password_in_a_minute_is_429(client, make_user) -> None:  # noqa: ANN001
    user = make_user("admin")
    token = _login_page_token(client)
    bad = {"email": user.email, "password": "wrong password!", "csrf_token": token}
    codes = [client.post("/login", data=bad).status_code for _ in range(10)]
    assert codes == [200] * 10
    assert client.post("/login", data=bad).status_code == 429
    # Even the right password waits out the minute: the throttle is per account and address.
    good = {**bad, "password": PASSWORD}
    assert client.post("/login", data=good).status_code == 429


def test_nobody_can_lock_the_owner_out_from_elsewhere(client, make_user) -> None:  # noqa: ANN001
    """Issue 14, finding 8: failures for an account from other addresses locked its owner
    out (anyone could lock out the admin). The attacker's address is slowed; the owner, from
    their own address, signs in."""
    user = make_user("admin")
    token = _login_page_token(client)
    bad = {"email": user.email, "password": "wrong password!", "csrf_token": token}
    attacker = {"REMOTE_ADDR": "203.0.113.66"}
    codes = [client.post("/login", data=bad, environ_base=attacker).status_code for _ in range(11)]
    assert codes == [200] * 10 + [429]
    refused = client.post("/login", data=bad, environ_base=attacker)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "Te veel pogingen" in refused.get_data(as_text=True)
    for n in range(10):  # the same from ten other addresses, one try each
        client.post("/login", data=bad, environ_base={"REMOTE_ADDR": f"198.51.100.{n + 2}"})
    owner = client.post("/login", data={**bad, "password": PASSWORD},
                        environ_base={"REMOTE_ADDR": "192.0.2.10"})  # fmt: skip
    assert owner.status_code == 302  # in


def test_each_further_failure_from_one_address_waits_longer(app, client, make_user) -> None:  # noqa: ANN001
    """After the limit, one account from one address waits 2 s, 4 s, 8 s … (capped), counted
    in the database, so every worker and instance agrees."""
    from datetime import timedelta

    from eteams.models.base import utcnow
    from eteams.services import throttle

    user = make_user("admin")
    with app.app_context():
        now = utcnow()
        for _ in range(12):
            throttle.record_failure(
                db.session, user.email, "203.0.113.5", now - timedelta(minutes=5)
            )
        # The address's minute has passed; the pair's back-off has not: 2 ** (12 - 10 + 1) = 8 s
        # after the last failure, which was five minutes ago: nothing to wait now.
        assert (
            throttle.wait_seconds(
                db.session, user.email, "203.0.113.5", now, 10, timedelta(minutes=1)
            )
            == 0
        )
        for _ in range(3):
            throttle.record_failure(db.session, user.email, "203.0.113.5", now)
        # 15 in the hour: 2 ** 6 = 64 s from now; another address or account waits nothing.
        wait = throttle.wait_seconds(
            db.session, user.email, "203.0.113.5", now, 10, timedelta(minutes=1)
        )
        assert wait == 64
        assert (
            throttle.wait_seconds(
                db.session, user.email, "192.0.2.1", now, 10, timedelta(minutes=1)
            )
            == 0
        )
        assert (
            throttle.wait_seconds(
                db.session, "other@example.nl", "192.0.2.1", now, 10, timedelta(minutes=1)
            )
            == 0
        )
        db.session.rollback()


def test_successful_logins_are_not_throttled(client, make_user) -> None:  # noqa: ANN001
    user = make_user("admin")
    for _ in range(12):
        login(client, user)
        client.post(
            "/logout", data={"csrf_token": csrf_from(client.get("/profile").get_data(as_text=True))}
        )


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/admin/employers", "/admin/employers"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
    ],
)
def test_next_is_followed_only_within_the_site(client, make_user, target, expected) -> None:  # noqa: ANN001
    user = make_user("admin")
    token = _login_page_token(client)
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"email": user.email, "password": PASSWORD, "csrf_token": token},
    )
    assert response.headers["Location"] == expected


def test_session_cookie_flags(client, make_user) -> None:  # noqa: ANN001
    user = make_user("admin")
    token = _login_page_token(client)
    response = client.post(
        "/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_logout_needs_post_with_csrf(client, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 400
    assert client.get("/api/v1/me").status_code == 200
    client.post("/logout", data={"csrf_token": token})
    assert client.get("/api/v1/me").status_code == 401


def test_signing_out_ends_the_session_on_the_server(app, client, make_user) -> None:  # noqa: ANN001
    """Issue 14, finding 4: a cookie copied before sign-out kept working for 12 hours."""
    token = login(client, make_user("lead"))
    cookie = client.get_cookie("eteams_session").value
    thief = app.test_client()
    thief.set_cookie("eteams_session", cookie)
    assert thief.get("/api/v1/me").status_code == 200  # the copy works while signed in
    client.post("/logout", data={"csrf_token": token})
    assert thief.get("/api/v1/me").status_code == 401  # and not after signing out
    assert thief.get("/lead/").status_code == 302  # the pages send it to the sign-in


def test_deactivating_a_user_ends_their_session(client, session, make_user) -> None:  # noqa: ANN001
    user = make_user("lead")
    login(client, user)
    user.active = False
    session.flush()
    assert client.get("/api/v1/me").status_code == 401


def test_role_change_ends_open_sessions(client, session, make_user) -> None:  # noqa: ANN001
    user = make_user("admin")
    login(client, user)
    user.session_epoch += 1
    session.flush()
    assert client.get("/api/v1/me").status_code == 401


def test_login_and_failure_are_audited_without_personal_data(client, session, make_user) -> None:  # noqa: ANN001
    user = make_user("admin")
    token = _login_page_token(client)
    client.post(
        "/login", data={"email": user.email, "password": "nope nope nope", "csrf_token": token}
    )
    login(client, user)
    events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [e.action for e in events][-2:] == ["login_failed", "login"]
    assert all(user.email not in str(e.details) for e in events)


def test_failed_logins_can_be_counted_per_account_and_address_without_either(
    app, client, session, make_user
) -> None:  # noqa: ANN001
    """Issue 14, finding 12: failures could not be traced to an account or an address. Each
    now carries keyed digests: equal for the same account (whatever its case), different for
    another, and neither the e-mail nor the address is in the log."""
    user, other = make_user("admin"), make_user("lead")
    for email, addr in ((user.email, "203.0.113.7"), (user.email.upper(), "203.0.113.7"),
                        (other.email, "203.0.113.7"), (user.email, "198.51.100.2")):  # fmt: skip
        token = _login_page_token(client)
        client.post("/login", data={"email": email, "password": "nope nope nope",
                                    "csrf_token": token}, environ_base={"REMOTE_ADDR": addr})  # fmt: skip
    failed = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "login_failed").order_by(AuditEvent.id)
    ).all()
    accounts_, addresses = (
        [e.details["account"] for e in failed],
        [e.details["address"] for e in failed],
    )
    assert accounts_[0] == accounts_[1] == accounts_[3] != accounts_[2]
    assert addresses[0] == addresses[1] == addresses[2] != addresses[3]
    text = str([e.details for e in failed])
    assert user.email not in text and "203.0.113.7" not in text and "198.51.100.2" not in text
    with app.app_context():
        assert audit.keyed_digest(user.email) == accounts_[0]  # the admin can check one account


def test_unknown_email_gets_the_same_answer(client) -> None:  # noqa: ANN001
    token = _login_page_token(client)
    response = client.post(
        "/login",
        data={"email": "nobody@example.nl", "password": "whatever12345", "csrf_token": token},
    )
    assert response.status_code == 200
    assert "klopt niet" in response.get_data(as_text=True)


def test_a_session_ends_after_an_hour_without_requests(client, make_user, monkeypatch) -> None:  # noqa: ANN001
    login(client, make_user("lead"))
    start = security._now()

    def me_after(minutes: int) -> int:
        monkeypatch.setattr(security, "_now", lambda: start + minutes * 60)
        return client.get("/api/v1/me").status_code

    assert me_after(59) == 200  # activity: the idle clock starts again
    assert me_after(118) == 200
    assert me_after(118 + 61) == 401
    assert me_after(118 + 62) == 401  # and it stays ended


def test_a_busy_session_still_ends_after_twelve_hours(client, make_user, monkeypatch) -> None:  # noqa: ANN001
    login(client, make_user("lead"))
    start = security._now()
    for minutes in range(0, 12 * 60, 50):  # a request every 50 minutes all day
        monkeypatch.setattr(security, "_now", lambda m=minutes: start + m * 60)
        assert client.get("/api/v1/me").status_code == 200
    monkeypatch.setattr(security, "_now", lambda: start + 12 * 3600 + 60)
    page = client.get("/lead/", follow_redirects=True)
    assert page.request.path == "/login"
    assert "Uw sessie is beëindigd. Log opnieuw in." in page.get_data(as_text=True)
    assert client.get("/api/v1/me").status_code == 401


def test_login_renews_the_session(client, make_user) -> None:  # noqa: ANN001
    """A session cookie planted before login is not the one that is signed in afterwards."""
    user = make_user("admin")
    token = _login_page_token(client)
    with client.session_transaction() as planted:
        planted["planted"] = "by an attacker"
    client.post("/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token})
    with client.session_transaction() as after:
        assert "planted" not in after and "_user_id" in after


def test_an_outdated_hash_is_upgraded_at_login(client, session, make_user) -> None:  # noqa: ANN001
    from argon2 import PasswordHasher

    user = make_user("admin")
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)
    user.password_hash = weak
    session.flush()
    login(client, user)
    session.refresh(user)
    assert user.password_hash != weak and user.password_hash.startswith("$argon2id$")
    assert accounts._verify(user.password_hash, PASSWORD)


STRONG = "korenbloem vijver tram"


@pytest.mark.parametrize(
    ("password", "ok"),
    [
        (STRONG[:11], False),
        (STRONG[:12] + "qz", True),
        (STRONG * 5 + "x" * 18, True),
        (STRONG * 6, False),
    ],  # fmt: skip
)
def test_password_length_is_12_to_128(password: str, ok: bool) -> None:
    assert len(STRONG * 5 + "x" * 18) == 128 and len(STRONG * 6) == 132
    assert (accounts.password_problems(password) == []) is ok


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("aaaaaaaaaaaa", "te makkelijk"),  # issue 14, finding 9: was accepted
        ("123456789012", "te makkelijk"),
        ("wachtwoord123", "te makkelijk"),
        ("qwertyuiop12", "te makkelijk"),
        ("samira.bouzid@example.nl", "naam of e-mailadres"),  # the user's own e-mail
        ("bouzid vijver tram", "naam of e-mailadres"),  # the user's own last name
    ],
)
def test_weak_or_personal_passwords_are_refused_with_a_reason(
    in_app, password: str, why: str
) -> None:  # noqa: ANN001
    personal = ("samira.bouzid@example.nl", "Samira", "Bouzid")
    problems = accounts.password_problems(password, personal)
    assert len(problems) == 1 and why in problems[0], problems
    assert accounts.password_problems(STRONG, personal) == []


def test_the_idle_timeout_is_configurable(app, client, make_user, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setitem(app.config, "SESSION_IDLE_MINUTES", 5)
    login(client, make_user("lead"))
    start = security._now()
    monkeypatch.setattr(security, "_now", lambda: start + 4 * 60)
    assert client.get("/api/v1/me").status_code == 200
    monkeypatch.setattr(security, "_now", lambda: start + 10 * 60)
    assert client.get("/api/v1/me").status_code == 401


def test_signing_out_ends_this_session_only_and_a_new_password_ends_them_all(
    app, client, session, make_user
) -> None:  # noqa: ANN001
    """Issue 14, finding 4: the shared tablet signs out; the coach's own phone stays signed
    in. A password change (or a role change, or deactivation) signs out every device."""
    from eteams.models import UserSession
    from eteams.services import accounts

    user = make_user("coach")
    tablet_csrf = login(client, user)
    phone = app.test_client()
    login(phone, user)
    assert session.scalar(select(func.count(UserSession.id))) == 2
    client.post("/logout", data={"csrf_token": tablet_csrf})
    assert client.get("/api/v1/me").status_code == 401
    assert phone.get("/api/v1/me").status_code == 200
    ended = session.scalars(select(UserSession).where(UserSession.ended_at.is_not(None))).all()
    assert len(ended) == 1
    # Only a digest of the cookie's session id is stored.
    assert all(len(row.id) == 64 for row in session.scalars(select(UserSession)))

    accounts.update_user(session, user, email=user.email, role=user.role, active=True,
                         employer_id=None, employee_id=user.employee_id, locale=user.locale,
                         password="een heel ander wachtwoord 42", actor_id=None)  # fmt: skip
    session.flush()
    assert phone.get("/api/v1/me").status_code == 401


def test_purge_forgets_ended_and_timed_out_sessions(app, client, session, make_user) -> None:  # noqa: ANN001
    from eteams.models import UserSession

    user = make_user("lead")
    with frozen(dt.datetime(2026, 12, 31, 20, tzinfo=dt.UTC)):
        csrf = login(client, user)
        client.post("/logout", data={"csrf_token": csrf})  # ended: goes at the next purge
        login(app.test_client(), user)  # still within 12 hours at the purge: stays
        login(app.test_client(), user)
    with frozen(dt.datetime(2027, 1, 1, 7, 59, tzinfo=dt.UTC)):
        result = app.test_cli_runner().invoke(args=["purge-expired"])
    assert result.exit_code == 0 and "1 ended sessions" in result.output
    assert session.scalar(select(func.count(UserSession.id))) == 2
    with frozen(dt.datetime(2027, 1, 1, 8, 1, tzinfo=dt.UTC)):  # past the 12 hours
        result = app.test_cli_runner().invoke(args=["purge-expired"])
    assert "2 ended sessions" in result.output
    assert session.scalar(select(func.count(UserSession.id))) == 0


def test_a_new_coach_login_may_not_use_the_coachs_own_name(app, client, session, make_user) -> None:  # noqa: ANN001
    """Issue 14 review: the names were checked when a password changed, not when the login
    was made, so "PriyaRamdin2026!" was accepted for Priya Ramdin's login — by the form, the
    API and the command line alike (one service)."""
    from tests import factories

    priya = factories.EmployeeFactory(first_name="Priya", last_name="Ramdin")
    session.flush()
    headers = {"X-CSRFToken": login(client, make_user("admin"))}
    body = {"email": "nieuwe.coach@example.nl", "role": "coach", "employee_id": priya.id,
            "password": "PriyaRamdin2026!"}  # fmt: skip
    refused = client.post("/api/v1/users", json=body, headers=headers)
    assert refused.status_code == 422
    assert "naam of e-mailadres" in refused.json["fields"]["password"][0]
    cli = app.test_cli_runner().invoke(
        args=["create-user", "cli.coach@example.nl", "--role", "coach", "--employee",
              str(priya.id), "--password-stdin"], input="ramdinpriya vijver\n")  # fmt: skip
    assert cli.exit_code != 0 and "naam of e-mailadres" in cli.output
    assert session.scalar(select(func.count(User.id)).where(User.employee_id == priya.id)) == 0
    # Tying an existing login to Priya with her name as the new password is refused too.
    other = make_user("coach")
    try:
        accounts.update_user(session, other, email=other.email, role=Role.COACH, active=True,
                             employer_id=None, employee_id=priya.id, locale=other.locale,
                             password="Priya Ramdin vijver", actor_id=None)  # fmt: skip
    except accounts.ValidationError as error:
        assert "password" in error.fields
    else:
        raise AssertionError("a name as password was accepted")


@pytest.mark.parametrize(
    ("password", "refused"),
    [
        ("Pr1ya.R4md1n.Kanaal", True),  # digits for letters (second review: accepted)
        ("ayirP.nidmaR.Kanaal", True),  # backwards
        ("P-r-i-y-a-R-a-m-d-i-n", True),  # separators between the letters
        ("Zoe Muller 2024 fiets", True),  # the accents dropped
        ("caravan zebra lampion", False),  # "van" is a particle of "van Dijk", not a name
        ("correct horse battery", False),
    ],
)
def test_a_name_is_found_however_it_is_spelled(in_app, password: str, refused: bool) -> None:
    personal = ("p.ramdin@example.nl", "Priya", "Ramdin", "Zoë", "Müller", "Kees", "van Dijk")
    problems = accounts.password_problems(password, personal)
    assert bool(problems) is refused, problems
    if refused:
        assert "naam of e-mailadres" in problems[0]


def test_making_a_user_inactive_revokes_their_tokens_for_good(client, session, make_user) -> None:  # noqa: ANN001
    """Second review: deactivating and reactivating an account (to end its sessions, as the
    deploy guide suggested) brought its scripts' tokens back to life."""
    from eteams.models import ApiToken

    user = make_user("lead")
    token = accounts.create_token(session, user, "script", actor_id=None)
    admin = make_user("admin")

    def save(active: bool) -> None:
        accounts.update_user(session, user, email=user.email, role=user.role, active=active,
                             employer_id=None, employee_id=None, locale=user.locale,
                             actor_id=admin.id)  # fmt: skip
        session.flush()

    save(False)
    save(True)
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 401
    assert session.scalar(select(ApiToken.revoked_at)) is not None
    [event] = session.scalars(select(AuditEvent).where(AuditEvent.action == "token_revoked"))
    assert event.actor_user_id == admin.id
