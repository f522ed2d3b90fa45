"""/shifts: the schedule per team and day, and attendance (DESIGN §4)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_smorest import Blueprint

from eteams.extensions import db
from eteams.models import Shift, Team
from eteams.models.enums import AttendanceStatus, Role, ShiftStatus
from eteams.permissions import Permission
from eteams.routes.api import in_reach
from eteams.routes.api.pagination import paginate
from eteams.routes.api.schemas import (
    AttendancePutSchema,
    ShiftPatchSchema,
    ShiftQuerySchema,
    ShiftSchema,
    ShiftSeriesSchema,
)
from eteams.security import requires
from eteams.services import clock, scoping, shifts
from eteams.services.errors import ValidationError

bp = Blueprint("api_shifts", __name__, description="Shifts and attendance")
blueprints = [bp]


def _get(shift_id: int) -> Shift:
    return scoping.get_visible(db.session, Shift, shift_id, current_user)


def _writable_team(team_id: int) -> Team:
    """Leads schedule only for the teams they lead: another team is a field error."""
    team = db.session.scalar(scoping.visible(Team, current_user).where(Team.id == team_id))
    if team is None:
        raise ValidationError({"team_id": [str(_l("Choose one of your own teams."))]})
    return team


def _dump(shift: Shift) -> dict[str, Any]:
    return {
        "id": shift.id,
        "team_id": shift.team_id,
        "date": shift.date,
        "start_time": shift.start_time,
        "end_time": shift.end_time,
        "meeting_point": shift.meeting_point,
        "meeting_lat": shift.meeting_lat,
        "meeting_lon": shift.meeting_lon,
        "status": shift.status.value,
        "members": [
            {"employee_id": e.id, "first_name": e.first_name, "last_name": e.last_name}
            for e in shifts.roster(shift)
        ],
        "attendance": [
            {
                "employee_id": a.employee_id,
                "status": a.status.value,
                "hours": float(a.hours),
                "notified": a.notified,
            }
            for a in shift.attendance
            if _may_see_attendance(a.employee_id)
        ],  # fmt: skip
    }


def _may_see_attendance(employee_id: int) -> bool:
    """Present, absent or sick is for the lead, the admin and the person themselves: a coach
    sees their own row only (sickness is health data, AVG art. 9)."""
    if current_user.role is Role.COACH:
        return employee_id == current_user.employee_id
    return True


def _data(data: dict[str, Any]) -> shifts.ShiftData:
    return shifts.ShiftData(
        team_id=data["team_id"],
        date=data["date"],
        start_time=data["start_time"],
        end_time=data["end_time"],
        meeting_point=data.get("meeting_point", ""),
        meeting_lat=data.get("meeting_lat"),
        meeting_lon=data.get("meeting_lon"),
    )


@bp.route("/shifts", methods=["GET"])
@requires(Permission.SHIFTS_READ)
@bp.arguments(ShiftQuerySchema, location="query")
@bp.response(200, ShiftSchema(many=True))
def list_shifts(args: dict[str, Any]):  # noqa: ANN201
    stmt = scoping.visible(Shift, current_user).order_by(Shift.date, Shift.start_time, Shift.id)
    if args.get("date"):
        stmt = stmt.where(Shift.date == args["date"])
    if args.get("team"):
        stmt = stmt.where(Shift.team_id == args["team"])
    if args.get("from_"):
        stmt = stmt.where(Shift.date >= args["from_"])
    if args.get("to"):
        stmt = stmt.where(Shift.date <= args["to"])
    rows, headers = paginate(stmt, args)
    return [_dump(s) for s in rows], headers


@bp.route("/shifts", methods=["POST"])
@requires(Permission.SHIFTS_WRITE)
@bp.arguments(ShiftSchema)
@bp.response(201, ShiftSchema)
def create_shift(data: dict[str, Any]):  # noqa: ANN201
    _writable_team(data["team_id"])
    shift = shifts.schedule_shift(db.session, _data(data), actor_id=current_user.id)
    db.session.commit()
    return _dump(shift)


@bp.route("/shifts/series", methods=["POST"])
@requires(Permission.SHIFTS_WRITE)
@bp.arguments(ShiftSeriesSchema)
@bp.response(201, ShiftSchema(many=True))
def create_series(data: dict[str, Any]):  # noqa: ANN201
    _writable_team(data["team_id"])
    created = shifts.schedule_series(db.session, _data(data), set(data["weekdays"]), data["until"],
                                     actor_id=current_user.id)  # fmt: skip
    db.session.commit()
    return [_dump(s) for s in created]


@bp.route("/shifts/<int:shift_id>", methods=["GET"])
@requires(Permission.SHIFTS_READ)
@bp.response(200, ShiftSchema)
def get_shift(shift_id: int):  # noqa: ANN201
    return _dump(_get(shift_id))


@bp.route("/shifts/<int:shift_id>", methods=["PATCH"])
@requires(Permission.SHIFTS_WRITE)
@bp.arguments(ShiftPatchSchema(partial=True))
@bp.response(200, ShiftSchema)
def update_shift(data: dict[str, Any], shift_id: int):  # noqa: ANN201
    shift = _get(shift_id)
    if data.get("status") == ShiftStatus.CANCELLED.value:
        shifts.cancel_shift(db.session, shift, actor_id=current_user.id)
    else:
        current = {k: v for k, v in _dump(shift).items() if k in SHIFT_FIELDS}
        merged = {**current, **{k: v for k, v in data.items() if k != "status"}}
        _writable_team(merged["team_id"])
        shifts.schedule_shift(db.session, _data(merged), shift, actor_id=current_user.id)
    db.session.commit()
    return _dump(shift)


SHIFT_FIELDS = ("team_id", "date", "start_time", "end_time", "meeting_point",
                    "meeting_lat", "meeting_lon")  # fmt: skip


@bp.route("/shifts/<int:shift_id>/attendance", methods=["PUT"])
@requires(Permission.SHIFTS_WRITE)
@in_reach(Shift, "shift_id")
@bp.arguments(AttendancePutSchema)
@bp.response(200, ShiftSchema)
def put_attendance(data: dict[str, Any], shift_id: int):  # noqa: ANN201
    shift = _get(shift_id)
    entries = [
        shifts.AttendanceEntry(
            employee_id=row["employee_id"],
            status=AttendanceStatus(row["status"]),
            hours=row.get("hours"),
            notified=row.get("notified"),
        )
        for row in data["attendance"]
    ]
    shifts.record_attendance(db.session, shift, entries, current_user.id, clock.today())
    db.session.commit()
    return _dump(shift)
