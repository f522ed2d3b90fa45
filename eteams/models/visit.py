"""What happened at one door, keyed by the UUID the coach's device generated."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING
from uuid import UUID

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from eteams.models.base import Base, TimestampMixin, UTCDateTime, enum_column, utcnow
from eteams.models.enums import (
    BuildingYearClass,
    ConsentKind,
    DwellingType,
    EnergyLabel,
    Glazing,
    Heating,
    Interest,
    Language,
    Outcome,
    ReviewReason,
    Tenure,
)

if TYPE_CHECKING:
    from eteams.models.campaign import Address
    from eteams.models.employer import Employee
    from eteams.models.user import User
    from eteams.models.walklist import WalkList


class Visit(TimestampMixin, Base):
    __tablename__ = "visits"
    __table_args__ = (
        CheckConstraint("occupants IS NULL OR (occupants >= 1 AND occupants <= 20)", "occupants"),
        CheckConstraint(
            "gas_m3_per_year IS NULL OR (gas_m3_per_year >= 0 AND gas_m3_per_year <= 20000)",
            "gas_m3_range",
        ),
        CheckConstraint(
            "kwh_per_year IS NULL OR (kwh_per_year >= 0 AND kwh_per_year <= 50000)", "kwh_range"
        ),
        CheckConstraint(
            "heating_age_years IS NULL OR (heating_age_years >= 0 AND heating_age_years <= 80)",
            "heating_age_range",
        ),
        CheckConstraint(
            "outcome = 'conversation' OR appointment_at IS NULL", "appointment_needs_conversation"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[UUID] = mapped_column(Uuid, unique=True)
    address_id: Mapped[int] = mapped_column(
        ForeignKey("addresses.id", ondelete="RESTRICT"), index=True
    )
    walk_list_id: Mapped[int | None] = mapped_column(
        ForeignKey("walk_lists.id", ondelete="SET NULL"), index=True
    )
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    visited_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    outcome: Mapped[Outcome] = mapped_column(enum_column(Outcome, "outcome"))
    # Typed in by a lead from the paper walk sheet (the tablet failed); ``recorded_by`` is the
    # lead, the coaches are who walked the door.
    from_paper: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A refusal that asks never to be visited again keeps the address out of planning.
    do_not_return: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Household answers (only with a conversation).
    tenure: Mapped[Tenure | None] = mapped_column(enum_column(Tenure, "tenure"))
    landlord: Mapped[str | None] = mapped_column(String(200))
    dwelling_type: Mapped[DwellingType | None] = mapped_column(
        enum_column(DwellingType, "dwelling_type")
    )
    building_year_class: Mapped[BuildingYearClass | None] = mapped_column(
        enum_column(BuildingYearClass, "building_year_class")
    )
    occupants: Mapped[int | None]
    energy_label: Mapped[EnergyLabel | None] = mapped_column(
        enum_column(EnergyLabel, "energy_label")
    )
    gas_m3_per_year: Mapped[int | None]
    kwh_per_year: Mapped[int | None]
    heating: Mapped[Heating | None] = mapped_column(enum_column(Heating, "heating"))
    heating_age_years: Mapped[int | None]
    # What the advice needs to know of the house (None: not asked or not known).
    # The letter's language, when the household wants another than the campaign's.
    letter_language: Mapped[Language | None] = mapped_column(enum_column(Language, "language"))
    glazing: Mapped[Glazing | None] = mapped_column(enum_column(Glazing, "glazing"))
    wall_insulated: Mapped[bool | None]
    roof_insulated: Mapped[bool | None]
    floor_insulated: Mapped[bool | None]
    language: Mapped[str | None] = mapped_column(String(40))
    appointment_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    # Contact details: only with follow-up consent (enforced by the visit service).
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    # The device's own clock for this version of the visit: decides between two devices.
    client_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    address: Mapped[Address] = relationship()
    walk_list: Mapped[WalkList | None] = relationship()
    recorded_by: Mapped[User] = relationship()
    coaches: Mapped[list[VisitCoach]] = relationship(cascade="all, delete-orphan")
    interests: Mapped[list[VisitInterest]] = relationship(cascade="all, delete-orphan")
    financing_interests: Mapped[list[VisitFinancingInterest]] = relationship(
        cascade="all, delete-orphan"
    )
    small_measures: Mapped[list[VisitSmallMeasure]] = relationship(cascade="all, delete-orphan")
    consents: Mapped[list[VisitConsent]] = relationship(cascade="all, delete-orphan")
    reviews: Mapped[list[VisitReview]] = relationship(cascade="all, delete-orphan")


class VisitCoach(Base):
    __tablename__ = "visit_coaches"
    __table_args__ = (UniqueConstraint("visit_id", "employee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"), index=True
    )

    employee: Mapped[Employee] = relationship()


class VisitInterest(Base):
    __tablename__ = "visit_interests"
    __table_args__ = (UniqueConstraint("visit_id", "measure_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    measure_key: Mapped[str] = mapped_column(
        ForeignKey("measures.key", ondelete="RESTRICT"), index=True
    )
    level: Mapped[Interest] = mapped_column(enum_column(Interest, "interest"))


class VisitFinancingInterest(Base):
    __tablename__ = "visit_financing_interests"
    __table_args__ = (UniqueConstraint("visit_id", "financing_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    financing_key: Mapped[str] = mapped_column(
        ForeignKey("financing_options.key", ondelete="RESTRICT"), index=True
    )


class VisitSmallMeasure(Base):
    __tablename__ = "visit_small_measures"
    __table_args__ = (
        UniqueConstraint("visit_id", "measure_key"),
        CheckConstraint("quantity >= 1 AND quantity <= 100", name="quantity_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    measure_key: Mapped[str] = mapped_column(
        ForeignKey("measures.key", ondelete="RESTRICT"), index=True
    )
    quantity: Mapped[int]


class VisitConsent(Base):
    """A consent as given at the door: when, and which wording the household saw."""

    __tablename__ = "visit_consents"
    __table_args__ = (UniqueConstraint("visit_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    kind: Mapped[ConsentKind] = mapped_column(enum_column(ConsentKind, "consent_kind"))
    given: Mapped[bool] = mapped_column(Boolean)
    wording_version: Mapped[str] = mapped_column(String(32))
    # Given on the paper walk sheet and signed there, typed in afterwards by the lead.
    on_paper: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class VisitReview(Base):
    """A doubt about a visit accepted from the field, for the lead to check and mark reviewed.
    One row per reason; a reviewed row stays reviewed when the same doubt comes back."""

    __tablename__ = "visit_reviews"
    __table_args__ = (UniqueConstraint("visit_id", "reason"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    reason: Mapped[ReviewReason] = mapped_column(enum_column(ReviewReason, "review_reason"))
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
