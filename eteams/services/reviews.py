"""The lead's review list: visits accepted from the field with something that looks wrong.

The visit service raises the doubts (``VisitReview`` rows); here the lead sees the open ones
and marks a visit reviewed. Nothing of the visit itself changes: it stays a fact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from eteams.models import User, Visit, VisitReview, WalkList
from eteams.models.base import utcnow
from eteams.models.enums import ReviewReason
from eteams.services import audit, scoping


@dataclass(frozen=True)
class ToCheck:
    visit: Visit
    reasons: list[ReviewReason]


def _open_visits(user: User):  # noqa: ANN202
    return scoping.visible(Visit, user).where(
        Visit.id.in_(select(VisitReview.visit_id).where(VisitReview.reviewed_at.is_(None)))
    )


def open_count(session: Session, user: User) -> int:
    stmt = _open_visits(user).with_only_columns(func.count(Visit.id))
    return session.scalar(stmt) or 0


def to_check(session: Session, user: User, limit: int = 200) -> list[ToCheck]:
    """Open doubts, oldest visit first, each visit once with all its reasons."""
    stmt = (
        _open_visits(user)
        .options(
            selectinload(Visit.reviews),
            selectinload(Visit.address),
            selectinload(Visit.recorded_by),
            selectinload(Visit.walk_list).selectinload(WalkList.shift),
        )
        .order_by(Visit.visited_at, Visit.id)
        .limit(limit)
    )
    return [
        ToCheck(v, sorted(r.reason for r in v.reviews if r.reviewed_at is None))
        for v in session.scalars(stmt)
    ]


def mark_reviewed(
    session: Session, visit: Visit, user: User, now: dt.datetime | None = None
) -> int:
    """Close the visit's open doubts and return how many; marking twice changes nothing.
    Audited by ids and reason codes only."""
    open_ = [r for r in visit.reviews if r.reviewed_at is None]
    for review in open_:
        review.reviewed_at = now or utcnow()
        review.reviewed_by_id = user.id
    if open_:
        audit.record(session, "visit_reviewed", actor_id=user.id, obj=visit,
                     reasons=sorted(r.reason.value for r in open_))  # fmt: skip
    session.flush()
    return len(open_)
