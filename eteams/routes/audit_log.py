"""The admin's audit log: who did what, when, to which record. Never personal data."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from flask import Blueprint, current_app, render_template, request
from flask_babel import gettext as _
from sqlalchemy import select

from eteams.extensions import db
from eteams.labels import AUDIT_ACTIONS
from eteams.models import User
from eteams.permissions import Permission
from eteams.routes.helpers import db_int
from eteams.security import requires
from eteams.services import audit, days

bp = Blueprint("audit", __name__, url_prefix="/admin/audit")


def _day(name: str, problems: list[str]) -> dt.date | None:
    text = request.args.get(name, "").strip()
    if not text:
        return None
    try:
        return days.parse_day(text)
    except days.OutsideWindow as outside:
        problems.append(str(outside))
        return None
    except ValueError:
        problems.append(_("“%(text)s” is not a date; use the date picker.", text=text[:20]))
        return None


def _int(name: str) -> int | None:
    text = request.args.get(name, "")
    try:
        return db_int(text)
    except ValueError:
        return None


@bp.route("/")
@requires(Permission.AUDIT_READ)
def index() -> Any:
    problems: list[str] = []
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    start, end = _day("from", problems), _day("to", problems)
    action = request.args.get("action", "")
    known_actions = audit.actions(db.session)
    if action and action not in known_actions:
        action = ""
    found = audit.events(
        db.session,
        action=action or None,
        actor_id=_int("actor"),
        start=dt.datetime.combine(start, dt.time.min, zone) if start else None,
        end=dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, zone) if end else None,
        before_id=_int("before"),
        limit=audit.PAGE_SIZE + 1,
    )
    more = len(found) > audit.PAGE_SIZE
    found = found[: audit.PAGE_SIZE]
    users = {u.id: u for u in db.session.scalars(select(User).order_by(User.email))}
    return render_template(
        "admin/audit.html", events=found, more=more, users=users, problems=problems,
        actions=[(a, AUDIT_ACTIONS.get(a, a)) for a in known_actions], labels=AUDIT_ACTIONS,
        filters={"action": action, "actor": _int("actor"), "from": start, "to": end},
    )  # fmt: skip
