"""Advice letters: what was sent to a household, reproducible from its figures snapshot."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from eteams.models.base import Base, TimestampMixin, UTCDateTime, enum_column
from eteams.models.enums import Language

if TYPE_CHECKING:
    from eteams.models.visit import Visit


class AdviceLetter(TimestampMixin, Base):
    __tablename__ = "advice_letters"
    __table_args__ = (CheckConstraint("length(sha256) = 64", name="sha256_hex"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    language: Mapped[Language] = mapped_column(enum_column(Language, "language"))
    figures_snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    sha256: Mapped[str] = mapped_column(String(64))
    # Printed or downloaded: on paper somewhere, so a correction makes a new version.
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The PDF as it was made (None for letters made before 2026-12-03: made from the snapshot).
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    visit: Mapped[Visit] = relationship()
