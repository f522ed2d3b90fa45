"""The JSON API under /api/v1, documented by flask-smorest from the validating schemas."""

from __future__ import annotations

import functools
import re
from typing import Any

import flask_smorest
from flask import Flask, jsonify
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from eteams.security import is_api_request
from eteams.services.errors import Conflict, NotFound, ValidationError


class Api(flask_smorest.Api):
    """flask-smorest, answering errors in our shape: {"error", "message", "fields"}."""

    def handle_http_exception(self, error: HTTPException) -> Any:
        from eteams.web import error_response

        if not is_api_request():
            return error_response(error)
        response = error_response(error)
        data = getattr(error, "data", None) or {}
        messages = data.get("messages") or data.get("errors")
        if messages:
            payload = response.get_json()
            payload["fields"] = _flatten(messages)
            payload["message"] = data.get("message") or str(INVALID)
            response = jsonify(payload)
            response.status_code = error.code
        for name, value in (data.get("headers") or {}).items():
            response.headers[name] = value
        return response


def N_(message: str) -> str:  # noqa: N802 - marks a message for extraction only
    return message


INVALID = _l("Some fields are not valid.")
# marshmallow's own messages, in the user's language like every other message of the API.
FIXED = {
    "Missing data for required field.": _l("This field is required."),
    "Field may not be null.": _l("This field may not be empty (null)."),
    "Unknown field.": _l("Unknown field."),
    "Invalid input type.": _l("The body must be a JSON object."),
    "Invalid type.": _l("Not a valid value for this field."),
    "Invalid value.": _l("Not a valid value for this field."),
    "Not a valid integer.": _l("Not a whole number."),
    "Not a valid number.": _l("Not a number."),
    "Number too large.": _l("This number is too large."),
    "Not a valid string.": _l("Not a text."),
    "Not a valid boolean.": _l("Not true or false."),
    "Not a valid date.": _l("Not a valid date (YYYY-MM-DD)."),
    "Not a valid datetime.": _l("Not a valid time (YYYY-MM-DDTHH:MM:SS+01:00)."),
    "Not a valid aware datetime.": _l("Give the time with its offset, e.g. +01:00."),
    "Not a valid time.": _l("Not a valid time of day (HH:MM)."),
    "Not a valid UUID.": _l("Not a valid UUID."),
    "Not a valid email address.": _l("Not a valid e-mail address."),
    "Not a valid list.": _l("Not a list."),
    "Not a valid mapping type.": _l("Not an object."),
    "Special numeric values (nan or infinity) are not permitted.": _l("Not a number."),
    "Not a valid utf-8 string.": _l("Not a text."),
}
PATTERNS = (
    (re.compile(r"Must be one of: (?P<choices>.*)\.$"), N_("Choose one of: %(choices)s.")),
    (re.compile(r"Longer than maximum length (?P<max>\d+)\.$"),
     N_("At most %(max)s characters.")),
    (re.compile(r"Shorter than minimum length (?P<min>\d+)\.$"),
     N_("At least %(min)s characters.")),
    (re.compile(r"Length must be between (?P<min>\d+) and (?P<max>\d+)\.$"),
     N_("Between %(min)s and %(max)s long.")),
    (re.compile(r"Must be greater than or equal to (?P<min>\S+) and less than or equal to "
                r"(?P<max>\S+)\.$"), N_("Between %(min)s and %(max)s.")),
    (re.compile(r"Must be greater than (?P<min>\S+) and less than or equal to (?P<max>\S+)\.$"),
     N_("More than %(min)s and at most %(max)s.")),
    (re.compile(r"Must be greater than or equal to (?P<min>\S+) and less than (?P<max>\S+)\.$"),
     N_("At least %(min)s and less than %(max)s.")),
    (re.compile(r"Must be greater than (?P<min>\S+) and less than (?P<max>\S+)\.$"),
     N_("More than %(min)s and less than %(max)s.")),
    (re.compile(r"Must be greater than or equal to (?P<min>\S+)\.$"), N_("At least %(min)s.")),
    (re.compile(r"Must be less than or equal to (?P<max>\S+)\.$"), N_("At most %(max)s.")),
    (re.compile(r"Must be greater than (?P<min>\S+)\.$"), N_("More than %(min)s.")),
    (re.compile(r"Must be less than (?P<max>\S+)\.$"), N_("Less than %(max)s.")),
)  # fmt: skip


def _translated(message: Any) -> str:
    text = str(message)
    if text in FIXED:
        return str(FIXED[text])
    for pattern, wording in PATTERNS:
        match = pattern.match(text)
        if match:
            return _(wording, **match.groupdict())
    return text


def _flatten(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """webargs nests errors by location and field; clients want 'field' or 'members.0.from'."""
    if isinstance(messages, list):
        return {prefix or "_": [_translated(m) for m in messages]}
    flat: dict[str, list[str]] = {}
    for key, value in messages.items():
        if not prefix and key in ("json", "query", "form", "files", "view_args"):
            flat.update(_flatten(value, ""))
        else:
            flat.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    return flat


def field_messages(messages: Any) -> dict[str, list[str]]:
    """marshmallow's messages of a body, flat and in the reader's language, as the API says."""
    return _flatten(messages)


def validation_response(error: ValidationError) -> Any:
    # A warning the caller may override says so by its code: send the same with the override.
    code = getattr(error, "code", None) or "validation_error"
    response = jsonify(error=code, message=str(INVALID), fields=error.fields)
    response.status_code = 422
    return response


def not_found_response(_error: NotFound) -> Any:
    response = jsonify(error="not_found", message=_("Not found."), fields={})
    response.status_code = 404
    return response


def init_api(app: Flask) -> None:
    from eteams.routes.api import (
        campaigns,
        letters,
        me,
        people,
        shifts,
        users,
        visits,
        walklists,
    )

    api = Api(app)
    for module in (me, people, users, campaigns, shifts, walklists, visits, letters):
        for blp in module.blueprints:
            api.register_blueprint(blp, url_prefix="/api/v1")
    app.register_error_handler(ValidationError, validation_response)
    app.register_error_handler(NotFound, not_found_response)
    app.register_error_handler(Conflict, walklists.conflict_response)
    app.register_error_handler(StaleDataError, lambda _e: walklists.conflict_response(
        Conflict("Someone else changed this in the meantime. Reload and try again.")))  # fmt: skip


def in_reach(model: type, param: str, column: str = "id", may_be_new: bool = False):  # noqa: ANN201
    """Answer 404 for an object out of the caller's reach *before* the body is validated,
    so another team's or another coach's object is refused the same way, whatever is sent.

    Put it between ``@requires`` and ``@bp.arguments``. ``may_be_new``: an id that does not
    exist yet is let through (a PUT that creates, like a visit from the tablet).
    """
    from flask_login import current_user
    from sqlalchemy import select

    from eteams.extensions import db
    from eteams.services import scoping

    def decorate(view):  # noqa: ANN001, ANN202
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            key = getattr(model, column) == kwargs[param]
            if db.session.scalar(select(model.id).where(key)) is None:
                if not may_be_new:
                    raise NotFound(model.__name__)
            elif db.session.scalar(scoping.visible(model, current_user).where(key)) is None:
                raise NotFound(model.__name__)
            return view(*args, **kwargs)

        return wrapper

    return decorate
