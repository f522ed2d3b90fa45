"""Walk lists: the ordered doors one team walks in one shift (the domain's "route")."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from eteams.models.base import Base, TimestampMixin, UTCDateTime, enum_column, utcnow
from eteams.models.enums import WalkListStatus

if TYPE_CHECKING:
    from eteams.models.campaign import Address, Campaign
    from eteams.models.team import Shift


class WalkList(TimestampMixin, Base):
    __tablename__ = "walk_lists"
    __table_args__ = (
        CheckConstraint("planned_distance_m >= 0", name="distance_non_negative"),
        CheckConstraint("planned_minutes >= 0", name="minutes_non_negative"),
        CheckConstraint("doors_per_hour >= 1 AND doors_per_hour <= 30", name="doors_per_hour"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="RESTRICT"), index=True
    )
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id", ondelete="RESTRICT"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[WalkListStatus] = mapped_column(
        enum_column(WalkListStatus, "walk_list_status"), default=WalkListStatus.DRAFT
    )
    planned_distance_m: Mapped[int] = mapped_column(default=0)
    planned_minutes: Mapped[int] = mapped_column(default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    doors_per_hour: Mapped[int] = mapped_column(default=8, server_default=text("8"))
    # Optimistic locking: a stale version on update raises StaleDataError (→ 409).
    version: Mapped[int] = mapped_column(default=1)

    campaign: Mapped[Campaign] = relationship()
    shift: Mapped[Shift] = relationship()
    stops: Mapped[list[WalkListStop]] = relationship(
        back_populates="walk_list", cascade="all, delete-orphan", order_by="WalkListStop.seq"
    )

    __mapper_args__ = {"version_id_col": version}


class WalkListStop(Base):
    __tablename__ = "walk_list_stops"
    __table_args__ = (
        UniqueConstraint("walk_list_id", "address_id"),
        CheckConstraint("seq >= 1", name="seq_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    walk_list_id: Mapped[int] = mapped_column(
        ForeignKey("walk_lists.id", ondelete="CASCADE"), index=True
    )
    address_id: Mapped[int] = mapped_column(
        ForeignKey("addresses.id", ondelete="RESTRICT"), index=True
    )
    seq: Mapped[int]

    walk_list: Mapped[WalkList] = relationship(back_populates="stops")
    address: Mapped[Address] = relationship()


class WalkListDownload(Base):
    """A coach's tablet received this list: the proof that its visits belong to it, whatever
    happened since — the coach's team membership ended or removed, the list planned anew.
    The list is named by its id without a foreign key: the proof outlives the list."""

    __tablename__ = "walk_list_downloads"
    __table_args__ = (UniqueConstraint("walk_list_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    walk_list_id: Mapped[int] = mapped_column(index=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    downloaded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
