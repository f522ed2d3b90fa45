"""Who is calling, and may they: login, API tokens, deny-by-default, CSRF and headers.

Every view is closed unless it is marked: ``@public`` (anyone), ``@login_required_only``
(any signed-in user) or ``@requires(Permission.X)``. The check runs in one
``before_request``, so a view that forgets its mark answers 404 rather than leaking.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import (
    Flask,
    abort,
    current_app,
    flash,
    g,
    has_request_context,
    jsonify,
    redirect,
    request,
    session,
    url_for,
)
from flask.sessions import SecureCookieSessionInterface
from flask_babel import gettext as _
from flask_login import current_user

from eteams.extensions import csrf, db, login
from eteams.models import User
from eteams.models.base import utcnow
from eteams.permissions import Permission, has_permission
from eteams.services import accounts, sessions

F = TypeVar("F", bound=Callable[..., Any])

PUBLIC = "public"
SIGNED_IN = "signed_in"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Views of third-party blueprints that anyone may call.
PUBLIC_ENDPOINTS = frozenset({"static", "api-docs.openapi_json"})


def public(view: F) -> F:
    view.access = PUBLIC  # type: ignore[attr-defined]
    return view


def login_required_only(view: F) -> F:
    view.access = SIGNED_IN  # type: ignore[attr-defined]
    return view


def requires(permission: Permission) -> Callable[[F], F]:
    """This view needs ``permission``; other roles get 404, anonymous callers a login."""

    def mark(view: F) -> F:
        view.access = permission  # type: ignore[attr-defined]
        return view

    return mark


def view_access(endpoint: str | None) -> str | Permission | None:
    view = current_app.view_functions.get(endpoint or "")
    if view is None:
        return None
    return getattr(view, "access", None) or getattr(
        getattr(view, "view_class", None), "access", None
    )


def is_api_request() -> bool:
    return request.path.startswith("/api/")


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def can(permission: Permission | str) -> bool:
    return current_user.is_authenticated and has_permission(
        current_user.role, Permission(permission)
    )


class SessionOverTls(SecureCookieSessionInterface):
    """The session cookie is ``Secure`` whenever the request came over TLS (directly, or
    through the trusted proxies ProxyFix believes), and always when the setting says so."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"]) or (
            has_request_context() and request.is_secure
        )


def init_app(app: Flask) -> None:
    app.session_interface = SessionOverTls()
    login.login_view = "auth.login"
    login.session_protection = None  # sessions are renewed at login and tied to session_epoch

    @login.user_loader
    def load_user(user_id: str) -> User | None:
        if bearer_token() is not None:
            return None  # a request that presents a token is judged by the token alone
        ident, _, epoch = user_id.partition(":")
        if not ident.isdigit():
            return None
        if not _session_fresh():
            return None
        # None: signed out (a copy of the cookie), or a session from before session ids.
        user = sessions.user_of(db.session, session.get("sid"))
        if user is None or user.id != int(ident):
            return None
        if not user.active or str(user.session_epoch) != epoch:
            return None
        return user

    @login.request_loader
    def load_user_from_token(_request: Any) -> User | None:
        token = bearer_token()
        if token is None:
            return None
        user = accounts.user_for_token(db.session, token)
        if user is not None:
            g.token_authenticated = True
            if db.session.dirty:
                db.session.commit()  # the last use, before the request does any work of its own
        return user

    @login.unauthorized_handler
    def unauthorized() -> Any:
        return _unauthenticated()

    app.before_request(_check_access)
    app.after_request(_security_headers)


def _now() -> float:
    return time.time()


def session_limits() -> dict[str, int]:
    """This session's age and the idle and absolute timeouts, in milliseconds: the coach's
    tablet keeps the same limits while it has no network (static/js/tablet.js)."""
    config = current_app.config
    started = session.get("started", _now())
    return {
        "age": max(0, int((_now() - started) * 1000)),
        "idle": int(float(config["SESSION_IDLE_MINUTES"]) * 60_000),
        "absolute": int(float(config["SESSION_ABSOLUTE_HOURS"]) * 3_600_000),
    }


def _session_fresh() -> bool:
    """Within the idle and the absolute timeout; marks this request as activity."""
    now, started, seen = _now(), session.get("started"), session.get("seen")
    config = current_app.config
    if (
        not isinstance(started, int | float)
        or not isinstance(seen, int | float)
        or now - started > float(config["SESSION_ABSOLUTE_HOURS"]) * 3600
        or now - seen > float(config["SESSION_IDLE_MINUTES"]) * 60
    ):
        g.session_expired = True
        return False
    if now - seen >= 30:  # a cookie rewrite at most twice a minute
        session["seen"] = int(now)
    return True


def _unauthenticated() -> Any:
    if g.pop("session_expired", False):
        lang = session.get("lang")
        session.clear()
        if lang:
            session["lang"] = lang
        if not is_api_request():
            flash(_("Your session has ended. Please sign in again."), "warning")
    if is_api_request():
        message = _("Sign in or send a bearer token.")
        token = bearer_token()
        stored = accounts.token_for(db.session, token) if token else None
        if stored is not None and stored.state(utcnow()) != "active":
            message = _("This API token has expired or was revoked. Ask an admin for a new one.")
        response = jsonify(error="unauthorized", message=message, fields={})
        response.status_code = 401
        return response
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def _check_access() -> Any:
    if request.endpoint is None:
        return None  # 404/405 are answered by the router
    access = PUBLIC if request.endpoint in PUBLIC_ENDPOINTS else view_access(request.endpoint)
    if access == PUBLIC:
        return _protect_csrf()
    if not current_user.is_authenticated:
        return _unauthenticated()
    if access is None or (access != SIGNED_IN and not has_permission(current_user.role, access)):
        abort(404)
    return _protect_csrf()


def _protect_csrf() -> None:
    # Bearer-token calls carry no ambient credentials, so CSRF cannot apply to them.
    if request.method in UNSAFE_METHODS and not g.get("token_authenticated"):
        csrf.protect()


def _security_headers(response: Any) -> Any:
    tiles = urlsplit(current_app.config.get("MAP_TILE_URL") or "")
    tile_host = f" {tiles.scheme}://{tiles.netloc}" if tiles.netloc else ""
    response.headers.setdefault(
        "Content-Security-Policy",
        f"default-src 'self'; img-src 'self' data:{tile_host}; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if current_user.is_authenticated and request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
    return response


def start_session(user: User) -> None:
    """Renew the session at login so a planted session id is worth nothing."""
    from flask_login import login_user

    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    login_user(user)
    session["sid"] = sessions.start(db.session, user)
    session.permanent = True
    session["started"] = session["seen"] = int(_now())
