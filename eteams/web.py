"""Things every page shares: language choice, template helpers and error pages."""

from __future__ import annotations

import json
import traceback
from typing import Any

from flask import (
    Flask,
    current_app,
    has_request_context,
    jsonify,
    render_template,
    request,
    session,
)
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import HTTPException

from eteams.models.enums import Language
from eteams.permissions import Permission
from eteams.security import can, is_api_request
from eteams.services import clock

MAX_JSON_BRACKETS = 200  # far below Python's recursion limit; a visit body has a handful


# The UI's languages and the locale each formats with: English dates the British way
# (4 December 2026, 04/12/2026), as the English letters write them, with the "en" catalogue.
FORMAT_LOCALES = {"en": "en_GB"}


def select_locale() -> str:
    """The UI language's formatting locale (``FORMAT_LOCALES``); its translations are the
    language's own (gettext falls back from en_GB to en)."""
    language = _ui_language()
    return FORMAT_LOCALES.get(language, language)


def _ui_language() -> str:
    """?lang= (remembered for the session), then the user's profile, then Dutch."""
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]  # CLI and background work
    languages = current_app.config["LANGUAGES"]
    asked = request.args.get("lang")
    if asked in languages:
        session["lang"] = asked
        return asked
    if session.get("lang") in languages:
        return session["lang"]
    _roll_back_a_failed_transaction()  # reading the user after a failed flush would raise
    if current_user and current_user.is_authenticated:
        return Language(current_user.locale).value
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def _roll_back_a_failed_transaction() -> None:
    from eteams.extensions import db

    if not db.session.is_active:
        db.session.rollback()


def _language_url(code: str) -> str:
    """This page in another language, keeping its filters (a report period, a search)."""
    from urllib.parse import urlencode

    args = request.args.to_dict(flat=False)
    args["lang"] = [code]
    return f"{request.path}?{urlencode(args, doseq=True)}"


def error_response(error: HTTPException) -> Any:
    """JSON for the API, a friendly page for people; never a stack trace."""
    code = error.code or 500
    if is_api_request():
        response = jsonify(error=_error_code(code), message=_error_message(code), fields={})
        response.status_code = code
        return response
    return render_template("error.html", code=code, message=_error_message(code)), code


def _error_code(code: int) -> str:
    return {
        400: "bad_request",
        401: "unauthorized",
        404: "not_found",
        405: "method_not_allowed",
        409: "conflict",
        413: "too_large",
        422: "validation_error",
        429: "too_many_requests",
        500: "internal_error",
    }.get(code, "server_error" if code >= 500 else "error")


def _error_message(code: int) -> str:
    messages = {
        400: _("The request could not be understood. Reload the page and try again."),
        401: _("Please sign in."),
        404: _("This page does not exist or is not available to you."),
        405: _("This action is not possible here."),
        413: _("The file is too large."),
        429: _("Too many attempts. Wait a minute and try again."),
    }
    return messages.get(code, _("Something went wrong on our side. Please try again later."))


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, error_response)

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Any:
        if app.config.get("PROPAGATE_EXCEPTIONS"):
            raise error
        from eteams.extensions import db

        try:
            db.session.rollback()  # a failed flush leaves the session unusable for the page
        except Exception:  # noqa: BLE001 - a lost connection: the plain answer below still works
            db.session.remove()
        # Logged without request data (which may hold personal data): type and endpoint only.
        # The message is left out: a database error's text can carry submitted values.
        app.logger.error(
            "unhandled %s at %s\n%s",
            type(error).__name__,
            request.endpoint,
            "".join(traceback.format_tb(error.__traceback__)),
        )
        from werkzeug.exceptions import InternalServerError

        try:
            return error_response(InternalServerError())
        except Exception:  # noqa: BLE001 - the error page itself failed: answer plainly
            app.logger.error("the error page failed at %s", request.endpoint)
            return _plain_500()

    @app.before_request
    def refuse_nul_characters() -> None:
        """A NUL character cannot be stored (PostgreSQL refuses it): refuse it at the door,
        before a form or filter gets it to the database."""
        values = [*request.args.values()]
        if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            values += request.form.values()
        if any("\x00" in value for value in values):
            from werkzeug.exceptions import BadRequest

            raise BadRequest()

    @app.before_request
    def refuse_deeply_nested_json() -> None:
        """JSON nested thousands deep exhausts the parser's recursion (a 500): answer 400.
        Counting brackets is cheap; only a body with many of them is parsed here to be sure."""
        if not request.is_json:
            return
        body = request.get_data(cache=True)
        if body.count(b"[") + body.count(b"{") <= MAX_JSON_BRACKETS:
            return
        try:
            json.loads(body)
        except RecursionError:
            from werkzeug.exceptions import BadRequest

            raise BadRequest() from None
        except ValueError:
            return  # malformed JSON: the API's own parser answers it

    app.jinja_env.add_extension("jinja2.ext.do")

    @app.context_processor
    def helpers() -> dict[str, Any]:
        from flask_babel import get_locale

        return {
            "can": can,
            "Permission": Permission,
            "current_locale": get_locale().language,  # "en", not "en_GB"
            "label": _label,
            "language_url": _language_url,
            "today": clock.today,
        }


def _plain_500() -> Any:
    message = "Something went wrong on our side. Please try again later."
    if is_api_request():
        response = jsonify(error="internal_error", message=message, fields={})
        response.status_code = 500
        return response
    return message, 500, {"Content-Type": "text/plain; charset=utf-8"}


def _label(enum_name: str, value: object) -> object:
    from eteams import labels

    enum_cls = next(e for e in labels.LABELS if e.__name__ == enum_name)
    return labels.label(enum_cls, value)
