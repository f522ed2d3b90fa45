"""Employers, the people they hired (employees) and their training records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from eteams.models.base import Base, TimestampMixin, UTCDateTime, enum_column, utcnow
from eteams.models.enums import ContractType, EndReason, LearningRoute, TargetGroup


class Employer(TimestampMixin, Base):
    __tablename__ = "employers"
    __table_args__ = (CheckConstraint("length(kvk_number) = 8", name="kvk_number_8_digits"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kvk_number: Mapped[str] = mapped_column(String(8), unique=True)
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    # The municipality whose social-return rule table applies to this employer.
    municipality: Mapped[str] = mapped_column(String(100), default="Utrecht")

    employees: Mapped[list[Employee]] = relationship(
        back_populates="employer", order_by="Employee.last_name"
    )

    def __repr__(self) -> str:
        return f"<Employer {self.id}>"


class Employee(TimestampMixin, Base):
    __tablename__ = "employees"
    __table_args__ = (
        CheckConstraint("hours_per_week > 0 AND hours_per_week <= 40", name="hours_per_week"),
        CheckConstraint("ended_on IS NULL OR ended_on >= hired_on", name="ended_after_hired"),
        CheckConstraint(
            "(ended_on IS NULL AND end_reason IS NULL) OR "
            "(ended_on IS NOT NULL AND end_reason IS NOT NULL)",
            name="end_has_reason",
        ),
        CheckConstraint(
            "birth_year IS NULL OR (birth_year >= 1940 AND birth_year <= 2015)", name="birth_year"
        ),
        CheckConstraint(
            "benefit_since IS NULL OR benefit_since <= hired_on", name="benefit_before_hired"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employers.id", ondelete="RESTRICT"), index=True
    )
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    birth_year: Mapped[int | None]
    status_holder: Mapped[bool] = mapped_column(Boolean, default=False)
    target_group: Mapped[TargetGroup] = mapped_column(enum_column(TargetGroup, "target_group"))
    # What social-return rules and the banenafspraak look at (docs/privacy.md says why each is
    # held): registered in UWV's doelgroepregister; a language deficit ("taalachterstand");
    # since when the benefit was received (a category may depend on its length on the hiring
    # date; None: not known); a learning place (BBL, BOL, PrO/VSO/entree).
    doelgroepregister: Mapped[bool] = mapped_column(Boolean, default=False)
    language_deficit: Mapped[bool] = mapped_column(Boolean, default=False)
    benefit_since: Mapped[date | None] = mapped_column(Date)
    learning_route: Mapped[LearningRoute | None] = mapped_column(
        enum_column(LearningRoute, "learning_route")
    )
    # The evidence a municipality may ask for, as the employer has it on file.
    evidence_contract: Mapped[bool] = mapped_column(Boolean, default=False)
    evidence_pay: Mapped[bool] = mapped_column(Boolean, default=False)  # payslips / paid hours
    evidence_target_group: Mapped[bool] = mapped_column(Boolean, default=False)  # on hiring
    hired_on: Mapped[date] = mapped_column(Date)
    contract_type: Mapped[ContractType] = mapped_column(enum_column(ContractType, "contract_type"))
    hours_per_week: Mapped[Decimal] = mapped_column(Numeric(4, 1))
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[EndReason | None] = mapped_column(enum_column(EndReason, "end_reason"))

    employer: Mapped[Employer] = relationship(back_populates="employees")
    training_records: Mapped[list[TrainingRecord]] = relationship(
        back_populates="employee",
        order_by="TrainingRecord.completed_on",
        cascade="all, delete-orphan",
    )
    # Later changes of contract and hours; ``contract_type`` and ``hours_per_week`` above are
    # the terms on the hiring date.
    contract_changes: Mapped[list[ContractChange]] = relationship(
        back_populates="employee",
        order_by="ContractChange.starts_on",
        cascade="all, delete-orphan",
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def employed_on(self, day: date) -> bool:
        return self.hired_on <= day and (self.ended_on is None or day <= self.ended_on)

    def terms(self, first: date, last: date) -> list[Terms]:
        """The contract terms from ``first`` to ``last`` (both included), one period for each
        set of terms in force; empty when ``last`` is before ``first``."""
        periods = []
        starts = [(self.hired_on, self.contract_type, Decimal(self.hours_per_week))] + [
            (c.starts_on, c.contract_type, Decimal(c.hours_per_week)) for c in self.contract_changes
        ]
        for i, (since, kind, hours) in enumerate(starts):
            until = starts[i + 1][0] - timedelta(days=1) if i + 1 < len(starts) else last
            begin, end = max(since, first), min(until, last)
            if begin <= end:
                periods.append(Terms(begin, end, kind, hours))
        return periods

    def terms_on(self, day: date) -> Terms:
        """The terms in force on ``day`` (before hiring: those on the hiring date)."""
        found = [c for c in self.contract_changes if c.starts_on <= day]
        if found:
            return Terms(found[-1].starts_on, day, found[-1].contract_type,
                         Decimal(found[-1].hours_per_week))  # fmt: skip
        return Terms(self.hired_on, day, self.contract_type, Decimal(self.hours_per_week))

    def __repr__(self) -> str:
        return f"<Employee {self.id}>"


@dataclass(frozen=True)
class Terms:
    """One period of the same contract and hours."""

    first: date
    last: date
    contract_type: ContractType
    hours_per_week: Decimal


class ContractChange(TimestampMixin, Base):
    """From ``starts_on`` on, the employee works under another contract or other hours (a trial
    placement that became a paid contract, 24 hours that became 32). The terms before the
    first change are the employee's own (``Employee.contract_type``, ``hours_per_week``)."""

    __tablename__ = "contract_changes"
    __table_args__ = (
        UniqueConstraint("employee_id", "starts_on", name="uq_contract_changes_day"),
        CheckConstraint("hours_per_week > 0 AND hours_per_week <= 40", name="hours_per_week"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="CASCADE"), index=True
    )
    starts_on: Mapped[date] = mapped_column(Date)
    contract_type: Mapped[ContractType] = mapped_column(enum_column(ContractType, "contract_type"))
    hours_per_week: Mapped[Decimal] = mapped_column(Numeric(4, 1))

    employee: Mapped[Employee] = relationship(back_populates="contract_changes")


class TrainingRecord(TimestampMixin, Base):
    __tablename__ = "training_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="CASCADE"), index=True
    )
    course: Mapped[str] = mapped_column(String(200))
    completed_on: Mapped[date] = mapped_column(Date)
    certificate: Mapped[bool] = mapped_column(Boolean, default=False)

    employee: Mapped[Employee] = relationship(back_populates="training_records")


class SocialActivity(TimestampMixin, Base):
    """Hours the employer's people gave to a social activity or a local initiative (training,
    knowledge, support), which some rule tables value per hour."""

    __tablename__ = "social_activities"
    __table_args__ = (CheckConstraint("hours > 0 AND hours <= 10000", name="hours"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employers.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(String(300))
    hours: Mapped[Decimal] = mapped_column(Numeric(7, 1))

    employer: Mapped[Employer] = relationship()


class SroiContract(TimestampMixin, Base):
    """A contract (or tender) with a social-return obligation the employer reports on to a
    municipality: what the report's realisation and balance are measured against."""

    __tablename__ = "sroi_contracts"
    __table_args__ = (
        CheckConstraint("contract_value >= 0", name="value_not_negative"),
        CheckConstraint(
            "(obligation_percent IS NULL) <> (obligation_eur IS NULL)", name="one_obligation"
        ),
        CheckConstraint(
            "obligation_percent IS NULL OR (obligation_percent > 0 AND obligation_percent <= 100)",
            name="obligation_percent",
        ),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employers.id", ondelete="CASCADE"), index=True
    )
    reference: Mapped[str] = mapped_column(String(100))  # contract or tender number
    description: Mapped[str] = mapped_column(String(300), default="")
    contract_value: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    # The obligation: a share of the contract value (often 5 %), or a fixed amount.
    obligation_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    obligation_eur: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    municipality_contact: Mapped[str] = mapped_column(String(200), default="")

    employer: Mapped[Employer] = relationship()

    @property
    def obligation(self) -> Decimal:
        if self.obligation_eur is not None:
            return Decimal(self.obligation_eur)
        return (Decimal(self.contract_value) * Decimal(self.obligation_percent) / 100).quantize(
            Decimal("0.01")
        )


class PlacementReportVersion(Base):
    """A placement report as it was handed out: its number counts up for the same employer,
    audience and period each time the figures differ from the last one issued, so a
    municipality can tell "versie 2" from the one before (and the digest ties a figure to the
    file it came from)."""

    __tablename__ = "placement_report_versions"
    __table_args__ = (
        UniqueConstraint(
            "employer_id",
            "audience",
            "starts_on",
            "ends_on",
            "number",
            name="uq_placement_report_versions_number",
        ),  # fmt: skip
        CheckConstraint("number >= 1", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employers.id", ondelete="CASCADE"), index=True
    )
    audience: Mapped[str] = mapped_column(String(20))  # "employer" or "municipality"
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    number: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))  # sha256 of the figures (the Dutch CSV)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
