"""Shifts and attendance: who works when, and the hours the placement report relies on.

A shift belongs to a team; its roster is the team's members on that date. Scheduling
refuses a member who is not employed that day or is already on another shift at that time.
Attendance is recorded after the shift by the team's lead (or an admin); every change is
written to the audit log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from flask_babel import format_date, format_decimal
from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, select
from sqlalchemy.orm import Session, selectinload

from eteams.models import (
    Attendance,
    Employee,
    Shift,
    Team,
    TeamMembership,
    Visit,
    VisitCoach,
    WalkList,
)
from eteams.models.base import utcnow
from eteams.models.enums import AttendanceStatus, ShiftStatus
from eteams.services import audit
from eteams.services.errors import ValidationError

# Hours may exceed the planned shift a little (the walk back, a long last conversation).
ATTENDANCE_MARGIN_HOURS = Decimal("1.5")
MAX_SERIES_SHIFTS = 200


@dataclass(frozen=True)
class ShiftData:
    team_id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    meeting_point: str = ""
    meeting_lat: float | None = None
    meeting_lon: float | None = None


@dataclass(frozen=True)
class AttendanceEntry:
    employee_id: int
    status: AttendanceStatus
    hours: Decimal | None = None  # None: the shift's length when present
    notified: bool | None = None


def roster(shift: Shift) -> list[Employee]:
    """The team's members on the shift's date who are employed that day."""
    return [e for e in shift.team.members_on(shift.date) if e.employed_on(shift.date)]


def attendance_roster(shift: Shift) -> list[Employee]:
    """Whose attendance the shift takes: the roster, and whoever already has attendance on
    it (a member taken off the team since was there all the same, and their record can be
    read back, written back or corrected)."""
    people = {e.id: e for e in roster(shift)}
    for row in shift.attendance:
        people.setdefault(row.employee_id, row.employee)
    return list(people.values())


def schedule_shift(
    session: Session, data: ShiftData, shift: Shift | None = None, *, actor_id: int | None
) -> Shift:
    """A new shift, or a change to one; audited here (scheduled or moved), for the week
    page and the API alike."""
    action = "shift_moved" if shift is not None else "shift_scheduled"
    shift = _save_shift(session, data, shift)
    audit.record(session, action, actor_id=actor_id, obj=shift)
    return shift


def _save_shift(session: Session, data: ShiftData, shift: Shift | None) -> Shift:
    team = session.get(Team, data.team_id)
    problems = _shift_problems(session, team, data, shift.id if shift else None)
    if shift is not None and shift.attendance and shift.date != data.date:
        problems.setdefault("date", []).append(
            str(_l("Attendance is already recorded: this shift cannot move to another day."))
        )
    if problems:
        raise ValidationError(problems)
    shift = shift or Shift(status=ShiftStatus.PLANNED)
    shift.team_id = data.team_id
    shift.date = data.date
    shift.start_time = data.start_time
    shift.end_time = data.end_time
    shift.meeting_point = data.meeting_point.strip()
    shift.meeting_lat = data.meeting_lat
    shift.meeting_lon = data.meeting_lon
    session.add(shift)
    session.flush()
    return shift


def schedule_series(
    session: Session, data: ShiftData, weekdays: set[int], until: dt.date, *, actor_id: int | None
) -> list[Shift]:
    """The same shift on the chosen weekdays from ``data.date`` up to ``until``: all or none.
    One audit event for the series, not one a shift."""
    dates = series_dates(data.date, until, weekdays)
    if not dates:
        raise ValidationError(
            {"weekdays": [str(_l("No day in this period matches the days chosen."))]}
        )
    if len(dates) > MAX_SERIES_SHIFTS:
        raise ValidationError(
            {
                "repeat_until": [
                    str(_l("That is more than %(n)d shifts at once.", n=MAX_SERIES_SHIFTS))
                ]
            }
        )
    shifts: list[Shift] = []
    problems: list[str] = []
    for day in dates:
        try:
            shifts.append(_save_shift(session, _on(data, day), None))
        except ValidationError as error:
            messages = " ".join(m for msgs in error.fields.values() for m in msgs)
            problems.append(f"{format_date(day, 'EEE d MMM')}: {messages}")
    if problems:
        raise ValidationError({"date": problems})
    audit.record(session, "shifts_scheduled", actor_id=actor_id, obj=shifts[0].team,
                 shifts=len(shifts))  # fmt: skip
    return shifts


def series_dates(start: dt.date, until: dt.date, weekdays: set[int]) -> list[dt.date]:
    if until < start:
        raise ValidationError(
            {"repeat_until": [str(_l("The last day cannot be before the first."))]}
        )
    days = (until - start).days + 1
    return [
        start + dt.timedelta(n)
        for n in range(days)
        if (start + dt.timedelta(n)).weekday() in weekdays
    ]


def _on(data: ShiftData, day: dt.date) -> ShiftData:
    return ShiftData(data.team_id, day, data.start_time, data.end_time, data.meeting_point,
                     data.meeting_lat, data.meeting_lon)  # fmt: skip


def _shift_problems(
    session: Session, team: Team | None, data: ShiftData, own_id: int | None
) -> dict[str, list[str]]:
    if team is None:
        return {"team_id": [str(_l("Choose a team."))]}
    if data.end_time <= data.start_time:
        return {"end_time": [str(_l("The shift must end after it starts."))]}
    problems: dict[str, list[str]] = {}
    members = team.members_on(data.date)
    if not members:
        problems["team_id"] = [str(_l("This team has no members on that day."))]
    for employee in members:
        if not employee.employed_on(data.date):
            problems.setdefault("team_id", []).append(
                str(_l("%(name)s is not employed on that day.", name=employee.full_name))
            )
    clash = _overlapping(session, data, own_id)
    for other, employee_id in clash:
        if other.team_id == data.team_id:
            start, end = other.start_time.strftime("%H:%M"), other.end_time.strftime("%H:%M")
            problems.setdefault("start_time", []).append(
                str(_l("The team already has a shift from %(start)s to %(end)s that day.",
                       start=start, end=end))
            )  # fmt: skip
        else:
            name = next((e.full_name for e in members if e.id == employee_id), "")
            problems.setdefault("start_time", []).append(
                str(_l("%(name)s is already on a shift of %(team)s at that time.",
                       name=name, team=other.team.name))
            )  # fmt: skip
    if problems.get("start_time"):
        problems["start_time"] = list(dict.fromkeys(problems["start_time"]))
    return problems


def _overlapping(
    session: Session, data: ShiftData, own_id: int | None
) -> list[tuple[Shift, int | None]]:
    """Planned shifts that overlap in time and share the team or one of its members."""
    member_ids = [
        m.employee_id for m in session.scalars(
            select(TeamMembership).where(TeamMembership.team_id == data.team_id)
        ) if m.covers(data.date)
    ]  # fmt: skip
    overlaps = and_(
        Shift.date == data.date,
        Shift.status == ShiftStatus.PLANNED,
        Shift.start_time < data.end_time,
        Shift.end_time > data.start_time,
        Shift.id != (own_id or 0),
    )
    same_team = session.scalars(select(Shift).where(overlaps, Shift.team_id == data.team_id))
    found: list[tuple[Shift, int | None]] = [(s, None) for s in same_team]
    shared = session.execute(
        select(Shift, TeamMembership.employee_id)
        .join(TeamMembership, TeamMembership.team_id == Shift.team_id)
        .where(
            overlaps,
            Shift.team_id != data.team_id,
            TeamMembership.employee_id.in_(member_ids),
            TeamMembership.from_date <= data.date,
            (TeamMembership.to_date.is_(None)) | (TeamMembership.to_date >= data.date),
        )
    )
    found += [(row[0], row[1]) for row in shared]
    return found


def cancel_shift(session: Session, shift: Shift, *, actor_id: int | None) -> None:
    """Audited here, for the week page and the API alike."""
    if shift.attendance:
        raise ValidationError(
            {"status": [str(_l("Attendance is already recorded: this shift took place."))]}
        )
    shift.status = ShiftStatus.CANCELLED
    audit.record(session, "shift_cancelled", actor_id=actor_id, obj=shift)
    session.flush()


def record_attendance(
    session: Session,
    shift: Shift,
    entries: list[AttendanceEntry],
    actor_id: int | None,
    today: dt.date,
) -> list[Attendance]:
    """Record or correct attendance; all entries or none. Every change is audited."""
    problems = _attendance_problems(shift, entries, today)
    if problems:
        raise ValidationError(problems)
    existing = {a.employee_id: a for a in shift.attendance}
    for entry in entries:
        hours = _hours(shift, entry)
        notified = entry.notified if entry.status is AttendanceStatus.ABSENT else None
        row = existing.get(entry.employee_id)
        if row is None:
            row = Attendance(shift=shift, employee_id=entry.employee_id, status=entry.status,
                             hours=hours, notified=notified, recorded_by_id=actor_id)  # fmt: skip
            session.add(row)
            audit.record(session, "attendance_recorded", actor_id=actor_id, obj=shift,
                         employee_id=entry.employee_id, hours=str(hours))  # fmt: skip
            continue
        changed = [
            name
            for name, new in (("status", entry.status), ("hours", hours), ("notified", notified))
            if getattr(row, name) != new
        ]
        if changed:
            # Field names and hours only: an absence reason such as sickness is health data.
            audit.record(session, "attendance_corrected", actor_id=actor_id, obj=shift,
                         employee_id=entry.employee_id, changed=changed,
                         hours_before=str(row.hours), hours_after=str(hours))  # fmt: skip
            row.status, row.hours, row.notified = entry.status, hours, notified
            row.recorded_by_id, row.recorded_at = actor_id, utcnow()
    session.flush()
    _credit_visits(session, shift)
    return list(shift.attendance)


def _credit_visits(session: Session, shift: Shift) -> None:
    """A visit counts for the members who were there. The tablet credits everyone on the
    team that day; attendance decides: an absent or sick member loses the credit, a
    correction to present gives it back (placement reports count doors from this)."""
    status = {a.employee_id: a.status for a in shift.attendance}
    visits = session.scalars(
        select(Visit).join(WalkList, WalkList.id == Visit.walk_list_id)
        .where(WalkList.shift_id == shift.id).options(selectinload(Visit.coaches))
    ).all()  # fmt: skip
    present = AttendanceStatus.PRESENT
    away = {employee_id for employee_id, s in status.items() if s is not present}
    there = sorted(employee_id for employee_id, s in status.items() if s is present)
    for visit in visits:
        credited = {c.employee_id for c in visit.coaches}
        visit.coaches = [c for c in visit.coaches if c.employee_id not in away]
        visit.coaches += [VisitCoach(employee_id=e) for e in there if e not in credited]
    session.flush()


def _hours(shift: Shift, entry: AttendanceEntry) -> Decimal:
    if entry.status is not AttendanceStatus.PRESENT:
        return Decimal(0)
    hours = shift.hours if entry.hours is None else Decimal(entry.hours)
    return hours.quantize(Decimal("0.01"))


def _attendance_problems(
    shift: Shift, entries: list[AttendanceEntry], today: dt.date
) -> dict[str, list[str]]:
    if shift.status is ShiftStatus.CANCELLED:
        return {"attendance": [str(_l("This shift was cancelled."))]}
    if shift.date > today:
        return {"attendance": [str(_l("Attendance can be recorded once the shift has started."))]}
    members = {e.id: e for e in attendance_roster(shift)}
    problems: list[str] = []
    limit = shift.hours + ATTENDANCE_MARGIN_HOURS
    seen: set[int] = set()
    for entry in entries:
        name = members[entry.employee_id].full_name if entry.employee_id in members else None
        if name is None:
            problems.append(str(_l("Employee %(id)d is not on this shift.", id=entry.employee_id)))
            continue
        if entry.employee_id in seen:
            problems.append(str(_l("%(name)s appears twice.", name=name)))
        seen.add(entry.employee_id)
        if entry.hours is not None and entry.status is AttendanceStatus.PRESENT:
            if entry.hours < 0:
                problems.append(str(_l("%(name)s: hours cannot be negative.", name=name)))
            elif entry.hours > limit:
                problems.append(
                    str(_l("%(name)s: at most %(max)s hours for this shift.", name=name,
                           max=format_decimal(limit, "0.##")))  # 4,5 in Dutch
                )  # fmt: skip
        if entry.hours and entry.status is not AttendanceStatus.PRESENT:
            problems.append(str(_l("%(name)s: hours are only for who was present.", name=name)))
    return {"attendance": problems} if problems else {}


def coming_shifts(session: Session, employee_id: int, today: dt.date, days: int = 7) -> list[Shift]:
    """The employee's planned shifts from today for ``days`` days, with the teams loaded."""
    return list(
        session.scalars(
            select(Shift)
            .join(TeamMembership, TeamMembership.team_id == Shift.team_id)
            .where(
                TeamMembership.employee_id == employee_id,
                TeamMembership.from_date <= Shift.date,
                (TeamMembership.to_date.is_(None)) | (TeamMembership.to_date >= Shift.date),
                Shift.date >= today,
                Shift.date <= today + dt.timedelta(days=days),
                Shift.status == ShiftStatus.PLANNED,
            )
            .options(
                selectinload(Shift.team)
                .selectinload(Team.memberships)
                .selectinload(TeamMembership.employee)
            )
            .order_by(Shift.date, Shift.start_time)
        )
    )


def week_shifts(session: Session, team_ids: list[int], monday: dt.date) -> list[Shift]:
    return list(
        session.scalars(
            select(Shift)
            .where(
                Shift.team_id.in_(team_ids),
                Shift.date >= monday,
                Shift.date < monday + dt.timedelta(days=7),
            )
            .options(selectinload(Shift.attendance))
            .order_by(Shift.date, Shift.start_time)
        )
    )
