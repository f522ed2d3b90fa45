"""E-teams, their members over time, shifts and attendance."""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Numeric,
    String,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from eteams.models.base import Base, TimestampMixin, UTCDateTime, enum_column, utcnow
from eteams.models.enums import AttendanceStatus, ShiftStatus

if TYPE_CHECKING:
    from eteams.models.employer import Employee
    from eteams.models.user import User

SHIFT_ZONE = ZoneInfo("Europe/Amsterdam")  # shift times are the team's wall clock


class Team(TimestampMixin, Base):
    __tablename__ = "teams"
    __table_args__ = (
        CheckConstraint(
            "max_walk_km IS NULL OR (max_walk_km > 0 AND max_walk_km <= 30)", name="max_walk_km"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    lead_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    # A lower walking limit for teams with members who cannot walk far.
    max_walk_km: Mapped[Decimal | None] = mapped_column(Numeric(4, 1))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    lead: Mapped[User | None] = relationship()
    memberships: Mapped[list[TeamMembership]] = relationship(
        back_populates="team", cascade="all, delete-orphan", order_by="TeamMembership.from_date"
    )
    shifts: Mapped[list[Shift]] = relationship(back_populates="team")

    def members_on(self, day: date) -> list[Employee]:
        return [m.employee for m in self.memberships if m.covers(day)]

    def __repr__(self) -> str:
        return f"<Team {self.id}>"


class TeamMembership(Base):
    __tablename__ = "team_memberships"
    __table_args__ = (
        CheckConstraint("to_date IS NULL OR to_date >= from_date", name="dates_in_order"),
        UniqueConstraint("team_id", "employee_id", "from_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"), index=True
    )
    from_date: Mapped[date] = mapped_column(Date)
    to_date: Mapped[date | None] = mapped_column(Date)

    team: Mapped[Team] = relationship(back_populates="memberships")
    employee: Mapped[Employee] = relationship()

    def covers(self, day: date) -> bool:
        return self.from_date <= day and (self.to_date is None or day <= self.to_date)


class Shift(TimestampMixin, Base):
    __tablename__ = "shifts"
    __table_args__ = (CheckConstraint("end_time > start_time", name="ends_after_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="RESTRICT"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    meeting_point: Mapped[str] = mapped_column(String(200), default="")
    meeting_lat: Mapped[float | None]
    meeting_lon: Mapped[float | None]
    status: Mapped[ShiftStatus] = mapped_column(
        enum_column(ShiftStatus, "shift_status"), default=ShiftStatus.PLANNED
    )

    team: Mapped[Team] = relationship(back_populates="shifts")
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="shift", cascade="all, delete-orphan"
    )

    @property
    def hours(self) -> Decimal:
        """The hours the shift really lasts: on the night the clocks go forward 01:30–03:30
        is one hour, on the night they go back three."""
        start = datetime.combine(self.date, self.start_time, tzinfo=SHIFT_ZONE)
        end = datetime.combine(self.date, self.end_time, tzinfo=SHIFT_ZONE)
        minutes = int((end.astimezone(dt.UTC) - start.astimezone(dt.UTC)).total_seconds()) // 60
        return Decimal(minutes) / 60


class Attendance(Base):
    """Who worked a shift and for how long: the only source of hours in placement reports."""

    __tablename__ = "attendances"
    __table_args__ = (
        UniqueConstraint("shift_id", "employee_id"),
        CheckConstraint("hours >= 0 AND hours <= 24", name="hours_range"),
        CheckConstraint("status = 'present' OR hours = 0", name="hours_only_when_present"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id", ondelete="CASCADE"), index=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[AttendanceStatus] = mapped_column(
        enum_column(AttendanceStatus, "attendance_status")
    )
    notified: Mapped[bool | None] = mapped_column(Boolean)
    hours: Mapped[Decimal] = mapped_column(Numeric(4, 2), default=Decimal(0))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    shift: Mapped[Shift] = relationship(back_populates="attendance")
    employee: Mapped[Employee] = relationship()
