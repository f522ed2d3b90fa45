"""Social-return (SROI) rule tables: per municipality, versioned, never changed once added.

A report names the version it used, so an auditor can recompute every euro with the rules
that were valid then, even after the municipality changed its figures. The one thing that may
be filled in later is the date a version applies from: municipalities publish their tables
without one, so a seeded version waits for the coordinator to confirm it (``valid_from`` None).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from eteams.models.base import Base, TimestampMixin


class SroiRuleSet(TimestampMixin, Base):
    __tablename__ = "sroi_rule_sets"
    __table_args__ = (
        UniqueConstraint("municipality", "version"),
        UniqueConstraint("municipality", "valid_from"),
        CheckConstraint("version >= 1", name="version_positive"),
        CheckConstraint("basis_hours > 0 AND basis_hours <= 40", name="basis_hours"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[int]
    # None: published without a date; the coordinator confirms it before reports rely on it.
    valid_from: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    # A yearly amount is for a full-time year contract of this many hours a week (36 or 40).
    basis_hours: Mapped[Decimal] = mapped_column(Numeric(4, 1), default=Decimal(36))

    rules: Mapped[list[SroiRule]] = relationship(
        back_populates="rule_set", order_by="SroiRule.position", cascade="all, delete-orphan"
    )

    def amount(self, key: str) -> Decimal | None:
        return next((r.amount for r in self.rules if r.key == key), None)

    def __repr__(self) -> str:
        return f"<SroiRuleSet {self.id} v{self.version}>"


class SroiRule(Base):
    """One line of a rule table: a category (what a year contract is worth for someone in a
    situation), a bonus, or an hourly amount; ``conditions`` say when it applies. What each
    condition means is defined once, in ``services.sroi``."""

    __tablename__ = "sroi_rules"
    __table_args__ = (
        UniqueConstraint("rule_set_id", "key"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        CheckConstraint("kind IN ('category', 'bonus', 'hourly')", name="kind"),
        CheckConstraint("per IN ('year', 'once', 'certificate', 'hour')", name="per"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rule_set_id: Mapped[int] = mapped_column(
        ForeignKey("sroi_rule_sets.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16), default="category")
    # "year": pro rata per year contract; "once": once in the period; "certificate": per
    # certificate obtained in the period; "hour": per hour given to social activities.
    per: Mapped[str] = mapped_column(String(16), default="year")
    label: Mapped[str] = mapped_column(Text, default="")  # as the municipality words it
    amount: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    conditions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    position: Mapped[int] = mapped_column(default=0)

    rule_set: Mapped[SroiRuleSet] = relationship(back_populates="rules")
