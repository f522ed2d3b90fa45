"""Social-return (SROI) rule tables: per municipality, versioned, never changed once added.

A report names the version it used, so an auditor can recompute every euro with the rules
that were valid then, even after the municipality changed its figures.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from eteams.models.base import Base, TimestampMixin


class SroiRuleSet(TimestampMixin, Base):
    __tablename__ = "sroi_rule_sets"
    __table_args__ = (
        UniqueConstraint("municipality", "version"),
        UniqueConstraint("municipality", "valid_from"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[int]
    valid_from: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text, default="")

    rules: Mapped[list[SroiRule]] = relationship(
        back_populates="rule_set", order_by="SroiRule.key", cascade="all, delete-orphan"
    )

    def amount(self, key: str) -> Decimal | None:
        return next((r.amount for r in self.rules if r.key == key), None)

    def __repr__(self) -> str:
        return f"<SroiRuleSet {self.id} v{self.version}>"


class SroiRule(Base):
    """One amount of a rule set; what the key means is defined in ``services.sroi.RULES``."""

    __tablename__ = "sroi_rules"
    __table_args__ = (
        UniqueConstraint("rule_set_id", "key"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rule_set_id: Mapped[int] = mapped_column(
        ForeignKey("sroi_rule_sets.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(64))
    amount: Mapped[Decimal] = mapped_column(Numeric(10, 2))

    rule_set: Mapped[SroiRuleSet] = relationship(back_populates="rules")
