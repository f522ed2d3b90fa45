"""Sign in, sign out, and the user's own language choice."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, logout_user

from eteams.extensions import db
from eteams.forms.auth import LoginForm, ProfileForm
from eteams.models import ApiToken
from eteams.models.base import utcnow
from eteams.models.enums import Language
from eteams.routes.helpers import safe_next
from eteams.security import login_required_only, public, start_session
from eteams.services import accounts, audit, sessions, throttle

bp = Blueprint("auth", __name__)


LIMIT_RE = re.compile(r"^\s*(\d+)\s*(?:per|/)\s*(\d*)\s*(second|minute|hour|day)s?\s*$")
UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


def _login_limit() -> tuple[int, dt.timedelta]:
    """LOGIN_RATE_LIMIT, e.g. "10 per minute": failed sign-ins per address per window."""
    match = LIMIT_RE.match(current_app.config["LOGIN_RATE_LIMIT"])
    if match is None:
        raise ValueError("LOGIN_RATE_LIMIT reads like '10 per minute'")
    amount, count, unit = match.groups()
    return int(amount), dt.timedelta(seconds=int(count or 1) * UNITS[unit])


@bp.route("/login", methods=["GET", "POST"])
@public
def login() -> Any:
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        address, now = request.remote_addr or "", utcnow()
        wait = throttle.wait_seconds(db.session, form.email.data, address, now, *_login_limit())
        if wait:  # before the password is even checked
            form.form_errors.append(ngettext(
                "Too many attempts. Try again in %(n)d second.",
                "Too many attempts. Try again in %(n)d seconds.", wait, n=wait))  # fmt: skip
            page = make_response(render_template("auth/login.html", form=form), 429)
            page.headers["Retry-After"] = str(wait)
            return page
        user = accounts.authenticate(db.session, form.email.data, form.password.data)
        if user is not None:
            throttle.forget(db.session, form.email.data, address)
            audit.record(db.session, "login", actor_id=user.id)
            start_session(user)
            db.session.commit()
            return redirect(safe_next(request.args.get("next"), url_for("main.home")))
        throttle.record_failure(db.session, form.email.data, address, now)
        # Keyed digests, not the e-mail or the address: an admin can see "10 failures for one
        # account from one address" without the audit log holding either.
        audit.record(db.session, "login_failed", actor_id=None,
                     account=audit.keyed_digest(form.email.data.strip().lower()),
                     address=audit.keyed_digest(request.remote_addr or ""))  # fmt: skip
        db.session.commit()
        form.form_errors.append(_("The e-mail address or password is not correct."))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@public
def logout() -> Any:
    if current_user.is_authenticated:
        # Ends this session on the server too: a copied cookie stops working. The user's
        # other devices (the coach's own phone) stay signed in.
        sessions.end(db.session, session.get("sid"))
        audit.record(db.session, "logout", actor_id=current_user.id)
        db.session.commit()
    logout_user()
    return redirect(url_for("auth.login"))


@bp.route("/profile", methods=["GET", "POST"])
@login_required_only
def profile() -> Any:
    form = ProfileForm(locale=current_user.locale)
    if form.validate_on_submit():
        current_user.locale = Language(form.locale.data)
        db.session.commit()
        session.pop("lang", None)
        flash(_("Your language is saved."), "success")
        return redirect(url_for("auth.profile"))
    own_tokens = accounts.tokens(db.session, current_user)
    return render_template("auth/profile.html", form=form, tokens=own_tokens, now=utcnow())


@bp.route("/profile/tokens/<int:token_id>/revoke", methods=["POST"])
@login_required_only
def revoke_own_token(token_id: int) -> Any:
    """The owner stops one of their own tokens (someone else's id is a 404)."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != current_user.id:
        abort(404)
    accounts.revoke_token(db.session, token, actor_id=current_user.id)
    db.session.commit()
    flash(_("The token no longer works."), "success")
    return redirect(url_for("auth.profile"))
