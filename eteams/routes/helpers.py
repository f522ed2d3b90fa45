"""Small helpers shared by the HTML views."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import abort, flash, request
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from eteams.extensions import db
from eteams.services import clock, days, scoping
from eteams.services.errors import NotFound, ValidationError

M = TypeVar("M")


def get_visible_or_404(model: type[M], object_id: Any) -> M:
    """Fetch through the caller's scope: out of reach and missing look the same (404)."""
    try:
        return scoping.get_visible(db.session, model, object_id, current_user)
    except NotFound:
        abort(404)


def safe_next(target: str | None, default: str) -> str:
    """Follow ``next`` only when it stays on this site (no scheme, no host)."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


def show_errors(form: FlaskForm, error: ValidationError) -> None:
    """Put a service's validation messages next to the matching form fields."""
    for name, messages in error.fields.items():
        field = getattr(form, name, None)
        if field is None:
            form.form_errors.extend(messages)
        else:
            field.errors = [*field.errors, *messages]


def flash_errors(fields: Mapping[str, Iterable[object]]) -> None:
    """A form's or a service's messages as flashed errors, for a form posted from a page that
    redirects back (it cannot show them next to its fields)."""
    for messages in fields.values():
        for message in messages:
            flash(str(message), "error")


def report_period(values: Any = None) -> tuple[dt.date, dt.date]:
    """The report period from ``?from=&to=`` (or a posted form's); this year so far when
    missing or wrong."""
    args = request.args if values is None else values
    today = clock.today()
    default = (dt.date(today.year, 1, 1), today)
    if "from" not in args and "to" not in args:
        return default
    try:
        start = days.parse_day(args.get("from"))
        end = days.parse_day(args.get("to"))
    except days.OutsideWindow as outside:
        flash(str(outside), "error")
        return default
    except ValueError:
        both = args.get("from") and args.get("to")
        flash(_("Enter both dates of the period as real days (YYYY-MM-DD).") if both
              else _("Enter both dates of the period."), "error")  # fmt: skip
        return default
    if start > end:
        flash(_("The period starts after it ends."), "error")
        return default
    return start, end


class NotADay(ValueError):
    """A day asked for in a URL or a form that is no day in the window."""


def asked_day(value: str | None, fallback: dt.date | None) -> dt.date:
    """The day a URL or a form asks for; ``fallback`` when it asks none. A value that is not
    a day, or no value where there is no fallback (a form that changes things must name its
    day), raises NotADay (the message is ``not_a_day_message()``)."""
    if not value:
        if fallback is None:
            raise NotADay("")
        return fallback
    try:
        return days.parse_day(value)
    except ValueError:
        raise NotADay(value[:20]) from None


def not_a_day_message() -> str:
    return _("That is not a day (a date from 2000 to 2100, as YYYY-MM-DD).")


def day_to_show(value: str | None, fallback: dt.date, showing: str) -> dt.date:
    """The day a page is asked to show; ``fallback`` when none, and when it is no day, with
    a warning that ends in ``showing`` ("Showing today.")."""
    try:
        return asked_day(value, fallback)
    except NotADay:
        flash(not_a_day_message() + " " + showing, "warning")
        return fallback


DB_INT_LIMIT = 2**31  # PostgreSQL's INTEGER, which every id and count column is


def db_int(text: str) -> int:
    """A whole number a column can hold, typed in a form or a URL (``type=`` for request
    values): "²" or a 30-digit number is a ValueError, so the value counts as missing."""
    if not (text.isascii() and text.isdigit()) or int(text) >= DB_INT_LIMIT:
        raise ValueError(text[:20])
    return int(text)
