"""Issue 14, finding 5: API tokens live for a set time, say when they were last used, are
listed for their owner and the admin, and can be revoked from the page and the command line;
every token made or revoked is in the audit log (ids only)."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, select

from eteams.models import ApiToken, AuditEvent
from eteams.services import accounts
from tests.conftest import csrf_from, frozen, login

START = dt.datetime(2026, 2, 28, 23, 30, tzinfo=dt.UTC)  # a month end, in a leap-free February


def _me(client, token: str):  # noqa: ANN001, ANN202
    return client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})


def _events(session, action: str) -> list[AuditEvent]:  # noqa: ANN001
    return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_a_token_works_for_its_days_and_not_a_second_longer(client, session, make_user) -> None:  # noqa: ANN001
    user = make_user("lead")
    with frozen(START):
        token = accounts.create_token(session, user, "export", days=30, actor_id=None)
        session.flush()
    stored = session.scalar(select(ApiToken))
    assert stored.expires_at == START + dt.timedelta(days=30)  # 30 March, past the DST switch
    with frozen(START + dt.timedelta(days=30, seconds=-1)):
        assert _me(client, token).status_code == 200
    with frozen(START + dt.timedelta(days=30)):
        expired = _me(client, token)
    assert expired.status_code == 401
    assert expired.json["message"] == (
        "Dit API-token is verlopen of ingetrokken. Vraag een beheerder om een nieuw token."
    )
    unknown = _me(client, "et_made-up")
    assert unknown.status_code == 401 and "bearer" in unknown.json["message"]


def test_the_last_use_is_recorded_for_reads_too_without_a_write_per_call(
    client, session, make_user
) -> None:  # noqa: ANN001
    token = accounts.create_token(session, make_user("admin"), "", actor_id=None)
    session.flush()
    stored = session.scalar(select(ApiToken))
    assert stored.last_used_at is None
    with frozen(START):
        assert _me(client, token).status_code == 200
    session.refresh(stored)
    assert stored.last_used_at == START
    with frozen(START + dt.timedelta(minutes=9)):
        assert _me(client, token).status_code == 200
    session.refresh(stored)
    assert stored.last_used_at == START  # within ten minutes: no write
    with frozen(START + dt.timedelta(minutes=10)):
        assert _me(client, token).status_code == 200
    session.refresh(stored)
    assert stored.last_used_at == START + dt.timedelta(minutes=10)


def test_bad_lifetimes_and_inactive_users_are_refused(session, make_user, in_app) -> None:  # noqa: ANN001
    user = make_user("lead")
    for days in (0, -1, 367):
        try:
            accounts.create_token(session, user, "", days=days, actor_id=None)
        except accounts.ValidationError as error:
            assert error.fields["days"] == ["Een token werkt 1 tot 366 dagen."]
        else:
            raise AssertionError(days)
    user.active = False
    try:
        accounts.create_token(session, user, "", actor_id=None)
    except accounts.ValidationError as error:
        assert "user" in error.fields
    else:
        raise AssertionError("an inactive user got a token")
    assert session.scalar(select(func.count(ApiToken.id))) == 0
    assert _events(session, "token_created") == []


def test_the_owner_lists_and_revokes_their_own_tokens_only(client, session, make_user) -> None:  # noqa: ANN001
    owner = make_user("lead")
    other = make_user("lead")
    mine = accounts.create_token(session, owner, "<script>alert(1)</script> & co", actor_id=None)
    theirs = accounts.create_token(session, other, "theirs", actor_id=None)
    session.flush()
    mine_id, theirs_id = (
        session.scalar(select(ApiToken.id).where(ApiToken.user_id == u.id)) for u in (owner, other)
    )
    login(client, owner)
    page = client.get("/profile").get_data(as_text=True)
    assert "Jouw API-tokens" in page and "theirs" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page  # shown as text
    csrf = csrf_from(page)

    refused = client.post(f"/profile/tokens/{theirs_id}/revoke", data={"csrf_token": csrf})
    assert refused.status_code == 404
    assert _me(client.application.test_client(), theirs).status_code == 200

    done = client.post(f"/profile/tokens/{mine_id}/revoke", data={"csrf_token": csrf})
    assert done.status_code == 302
    assert _me(client.application.test_client(), mine).status_code == 401
    page = client.get("/profile").get_data(as_text=True)
    assert "ingetrokken" in page and "Intrekken" not in page.split("Jouw API-tokens")[1]
    [event] = _events(session, "token_revoked")
    assert (event.actor_user_id, event.details) == (owner.id, {"token_id": mine_id})
    # Revoking twice changes nothing and records nothing more.
    client.post(f"/profile/tokens/{mine_id}/revoke", data={"csrf_token": csrf})
    assert len(_events(session, "token_revoked")) == 1


def test_the_admin_makes_lists_and_revokes_every_token(client, session, make_user) -> None:  # noqa: ANN001
    admin = make_user("admin")
    coach = make_user("coach")
    gone = make_user("lead", active=False)
    login(client, admin)
    page = client.get("/admin/tokens").get_data(as_text=True)
    assert gone.email not in page  # nobody makes a token for an inactive user
    csrf = csrf_from(page)

    for days in ("0", "367", "abc", "", "1e3"):
        bad = client.post("/admin/tokens", data={"csrf_token": csrf, "user_id": coach.id,
                                                 "label": "x", "days": days})  # fmt: skip
        html = bad.get_data(as_text=True)
        assert bad.status_code == 200 and "token-once" not in html
        assert re.search(r'class="error"[^>]*>[^<]*(1 tot en met 366|geheel getal)', html), days
    bad = client.post("/admin/tokens", data={"csrf_token": csrf, "user_id": gone.id, "days": "5"})
    assert "token-once" not in bad.get_data(as_text=True)
    assert session.scalar(select(func.count(ApiToken.id))) == 0

    made = client.post("/admin/tokens", data={"csrf_token": csrf, "user_id": coach.id,
                                              "label": "tablet & test", "days": "7"})  # fmt: skip
    html = made.get_data(as_text=True)
    token = re.search(r'<code class="token-once">(et_[^<]+)</code>', html).group(1)
    assert _me(client.application.test_client(), token).json["role"] == "coach"
    assert coach.email in html and "tablet &amp; test" in html
    stored = session.scalar(select(ApiToken))
    assert stored.created_by_id == admin.id
    [event] = _events(session, "token_created")
    assert (event.actor_user_id, event.object_id) == (admin.id, str(coach.id))
    assert event.details == {"token_id": stored.id, "days": 7}
    assert token not in str(event.details) and "tablet" not in str(event.details)
    # The token is on that page only: a reload shows it no more.
    assert token not in client.get("/admin/tokens").get_data(as_text=True)

    client.post(f"/admin/tokens/{stored.id}/revoke", data={"csrf_token": csrf})
    assert _me(client.application.test_client(), token).status_code == 401
    assert _events(session, "token_revoked")[0].actor_user_id == admin.id


def test_only_the_admin_reaches_the_token_page(client, make_user) -> None:  # noqa: ANN001
    for role in ("lead", "coach", "employer"):
        browser = client.application.test_client()
        login(browser, make_user(role))
        assert browser.get("/admin/tokens").status_code == 404  # out of reach looks missing


def test_the_command_line_makes_lists_and_revokes(app, session, make_user) -> None:  # noqa: ANN001
    user = make_user("lead")
    runner = app.test_cli_runner()
    with frozen(START):
        made = runner.invoke(
            args=["create-token", user.email, "--label", "rapport", "--days", "30"]
        )
    assert made.exit_code == 0, made.output
    token = made.output.strip()
    assert token.startswith("et_")
    stored = session.scalar(select(ApiToken))
    with frozen(START + dt.timedelta(days=1)):
        listed = runner.invoke(args=["list-tokens", "--email", user.email]).output
    assert (
        f"{stored.id}\t{user.email}\tactive\texpires 2026-03-31 01:30\tlast used never\trapport"
        in listed
    )

    assert runner.invoke(args=["create-token", user.email, "--days", "0"]).exit_code != 0
    assert runner.invoke(args=["revoke-token", "999999"]).exit_code != 0
    huge = runner.invoke(args=["revoke-token", "9" * 21])  # was an OverflowError traceback
    assert huge.exit_code == 2 and "Traceback" not in huge.output and huge.exception is not None
    assert "is not in the range" in huge.output
    revoked = runner.invoke(args=["revoke-token", str(stored.id)])
    assert revoked.exit_code == 0 and "revoked" in revoked.output
    again = runner.invoke(args=["revoke-token", str(stored.id)])
    assert "already revoked" in again.output
    assert "\trevoked\t" in runner.invoke(args=["list-tokens"]).output
    assert [e.actor_user_id for e in _events(session, "token_created")] == [None]
    assert len(_events(session, "token_revoked")) == 1
    assert _me(app.test_client(), token).status_code == 401
