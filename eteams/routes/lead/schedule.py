"""The week schedule: shifts per team per day, scheduling, moving, cancelling, attendance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from eteams.extensions import db
from eteams.forms.shifts import NewShiftForm, ShiftForm
from eteams.labels import options
from eteams.models import Shift, Team
from eteams.models.enums import AttendanceStatus
from eteams.permissions import Permission
from eteams.routes.helpers import day_to_show, get_visible_or_404, show_errors
from eteams.routes.lead import bp
from eteams.security import requires
from eteams.services import clock, meeting_points, paper_entry, scoping, shifts, walklists
from eteams.services.errors import ValidationError


def _monday(value: str | None) -> dt.date:
    day = day_to_show(value, clock.today(), _("Showing this week."))
    return day - dt.timedelta(days=day.weekday())


def _my_teams() -> list[Team]:
    return list(db.session.scalars(scoping.visible(Team, current_user).order_by(Team.name)))


@bp.route("/schedule")
@requires(Permission.SHIFTS_WRITE)
def schedule() -> Any:
    monday = _monday(request.args.get("week"))
    teams = _my_teams()
    week = shifts.week_shifts(db.session, [t.id for t in teams], monday)
    days = [monday + dt.timedelta(days=n) for n in range(7)]
    grid = {(s.team_id, s.date): [] for s in week}
    for s in week:
        grid[(s.team_id, s.date)].append(s)
    return render_template(
        "lead/schedule.html",
        teams=teams,
        days=days,
        grid=grid,
        lists=walklists.lists_by_shift(db.session, [s.id for s in week]),
        monday=monday,
        today=clock.today(),
        previous=monday - dt.timedelta(days=7),
        next=monday + dt.timedelta(days=7),
    )


def _shift_data(form: ShiftForm) -> shifts.ShiftData:
    return shifts.ShiftData(
        team_id=form.team_id.data,
        date=form.date.data,
        start_time=form.start_time.data,
        end_time=form.end_time.data,
        meeting_point=form.meeting_point.data or "",
        meeting_lat=form.meeting_lat.data,
        meeting_lon=form.meeting_lon.data,
    )


@bp.route("/shifts/new", methods=["GET", "POST"])
@requires(Permission.SHIFTS_WRITE)
def new_shift() -> Any:
    form = NewShiftForm()
    teams = _my_teams()
    form.team_id.choices = options((t.id, t.name) for t in teams)
    names = {t.id: t.name for t in teams}
    known = meeting_points.known(db.session, list(names))
    form.known_point.choices = [("", "—")] + [
        (str(p.shift_id), f"{names[p.team_id]}: {p.name or '—'} ({p.lat:.5f}, {p.lon:.5f})")
        for p in known
    ]
    if request.method == "GET":
        form.start_time.data = form.start_time.data or dt.time(9, 30)
        form.end_time.data = form.end_time.data or dt.time(12, 30)
        form.date.data = _monday(request.args.get("week")) if request.args.get("week") else None
    if form.validate_on_submit():
        chosen = next((p for p in known if str(p.shift_id) == form.known_point.data), None)
        try:
            created = _schedule(form, chosen)
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            n = len(created)
            flash(ngettext("%(n)d shift scheduled.", "%(n)d shifts scheduled.", n, n=n), "success")
            return redirect(url_for("lead.schedule", week=created[0].date.isoformat()))
    return render_template("lead/shift_new.html", form=form)


MEETING_NOTES = {
    "remembered": _l("The team's meeting point of its last shift was taken: %(point)s."),
    "address": _l("The meeting point's place was taken from the address %(point)s."),
}


def _schedule(form: NewShiftForm, chosen: meeting_points.MeetingPoint | None) -> list[Shift]:
    data, how = meeting_points.filled_in(db.session, _shift_data(form), chosen)
    if how in MEETING_NOTES:
        flash(str(MEETING_NOTES[how]) % {"point": data.meeting_point or "—"}, "success")
    if not form.repeat.data:
        return [shifts.schedule_shift(db.session, data, actor_id=current_user.id)]
    if not form.repeat_until.data:
        raise ValidationError({"repeat_until": [_("Enter the last day of the series.")]})
    weekdays = {int(d) for d in form.weekdays.data} or {data.date.weekday()}
    return shifts.schedule_series(
        db.session, data, weekdays, form.repeat_until.data, actor_id=current_user.id
    )


@bp.route("/shifts/<int:shift_id>", methods=["GET", "POST"])
@requires(Permission.SHIFTS_WRITE)
def shift(shift_id: int) -> Any:
    shift = get_visible_or_404(Shift, shift_id)
    form = ShiftForm(obj=shift)
    form.team_id.choices = options((t.id, t.name) for t in _my_teams())
    if form.validate_on_submit():
        try:
            shifts.schedule_shift(db.session, _shift_data(form), shift, actor_id=current_user.id)
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Shift saved."), "success")
            return redirect(url_for("lead.shift", shift_id=shift.id))
    return _render_shift(shift, form)


def _render_shift(shift: Shift, form: ShiftForm, problems: list[str] | None = None) -> Any:
    recorded = {a.employee_id: a for a in shift.attendance}
    status = 422 if problems or form.errors else 200
    return render_template(
        "lead/shift.html",
        shift=shift,
        form=form,
        roster=shifts.attendance_roster(shift),
        recorded=recorded,
        problems=problems or [],
        today=clock.today(),
        statuses=list(AttendanceStatus),
        walk_lists=paper_entry.shift_lists(db.session, shift.id),
    ), status


@bp.route("/shifts/<int:shift_id>/cancel", methods=["POST"])
@requires(Permission.SHIFTS_WRITE)
def cancel_shift(shift_id: int) -> Any:
    shift = get_visible_or_404(Shift, shift_id)
    try:
        shifts.cancel_shift(db.session, shift, actor_id=current_user.id)
    except ValidationError as error:
        db.session.rollback()
        flash(" ".join(m for msgs in error.fields.values() for m in msgs), "error")
    else:
        db.session.commit()
        flash(_("Shift cancelled."), "success")
    return redirect(url_for("lead.shift", shift_id=shift.id))


@bp.route("/shifts/<int:shift_id>/attendance", methods=["POST"])
@requires(Permission.SHIFTS_WRITE)
def attendance(shift_id: int) -> Any:
    shift = get_visible_or_404(Shift, shift_id)
    try:
        entries = [_entry(employee.id) for employee in shifts.attendance_roster(shift)]
        shifts.record_attendance(db.session, shift, entries, current_user.id, clock.today())
    except ValidationError as error:
        db.session.rollback()
        problems = [m for msgs in error.fields.values() for m in msgs]
        return _render_shift(shift, ShiftForm(obj=shift), problems)
    db.session.commit()
    flash(_("Attendance saved."), "success")
    return redirect(url_for("lead.shift", shift_id=shift.id))


def _entry(employee_id: int) -> shifts.AttendanceEntry:
    raw_status = request.form.get(f"status-{employee_id}", "")
    try:
        status = AttendanceStatus(raw_status)
    except ValueError:
        raise ValidationError(
            {"attendance": [_("Choose present, absent or sick for everyone.")]}
        ) from None
    raw_hours = request.form.get(f"hours-{employee_id}", "").strip().replace(",", ".")
    try:
        hours = Decimal(raw_hours) if raw_hours else None
    except InvalidOperation:
        raise ValidationError({"attendance": [_("Hours must be a number, like 2.5.")]}) from None
    return shifts.AttendanceEntry(
        employee_id=employee_id,
        status=status,
        hours=hours if status is AttendanceStatus.PRESENT else None,
        notified=request.form.get(f"notified-{employee_id}") == "1",
    )
