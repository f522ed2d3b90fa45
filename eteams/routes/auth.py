"""Sign in, sign out, and the user's own language choice."""

from __future__ import annotations

import hashlib
from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from eteams.extensions import db, limiter
from eteams.forms.auth import LoginForm, ProfileForm
from eteams.models.enums import Language
from eteams.routes.helpers import safe_next
from eteams.security import login_required_only, public, start_session
from eteams.services import accounts, audit

bp = Blueprint("auth", __name__)


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _account_key() -> str:
    # Throttle per account too (not only per address); the key is a hash, not the e-mail.
    email = request.form.get("email", "").strip().lower()
    return "account:" + hashlib.sha256(email.encode()).hexdigest()


def _failed(response: Any) -> bool:
    return response.status_code != 302


@bp.route("/login", methods=["GET", "POST"])
@public
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_login_limit, methods=["POST"], key_func=_account_key, deduct_when=_failed)
def login() -> Any:
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(db.session, form.email.data, form.password.data)
        if user is not None:
            audit.record(db.session, "login", actor_id=user.id)
            db.session.commit()
            start_session(user)
            return redirect(safe_next(request.args.get("next"), url_for("main.home")))
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
        # Ends the session on the server too: a copied cookie stops working. The version is
        # the user's, so their other devices are signed out as well (their unsent visits
        # wait on the tablet until the coach signs in there again).
        current_user.session_epoch += 1
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
        from flask import session

        session.pop("lang", None)
        flash(_("Your language is saved."), "success")
        return redirect(url_for("auth.profile"))
    return render_template("auth/profile.html", form=form)
