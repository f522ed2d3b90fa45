"""Signed-in browsers, kept on the server so that signing out ends the session for good.

The session cookie is signed, so it cannot be forged; but a copy of it (a shared tablet, a
stolen backup) used to keep working until it timed out. Each sign-in now gets a random id,
kept in the cookie and, as a SHA-256, here; signing out ends that row, and the cookie with it.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from eteams.models import User, UserSession
from eteams.models.base import utcnow


def _digest(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def start(session: Session, user: User) -> str:
    """A new session for ``user``; the returned id goes into the cookie only."""
    session_id = secrets.token_urlsafe(32)
    session.add(UserSession(id=_digest(session_id), user_id=user.id))
    session.flush()
    return session_id


def user_of(session: Session, session_id: object) -> User | None:
    """The user of a session that has not ended (one query, on every request)."""
    if not isinstance(session_id, str) or not session_id:
        return None
    return session.scalar(
        select(User).join(UserSession, UserSession.user_id == User.id)
        .where(UserSession.id == _digest(session_id), UserSession.ended_at.is_(None))
    )  # fmt: skip


def end(session: Session, session_id: object) -> None:
    if isinstance(session_id, str) and session_id:
        row = session.get(UserSession, _digest(session_id))
        if row is not None and row.ended_at is None:
            row.ended_at = utcnow()


def purge(session: Session, now: datetime, absolute_hours: float) -> int:
    """Remove sessions that ended, or that are past the absolute timeout (run daily)."""
    started_before = now - timedelta(hours=absolute_hours)
    result = session.execute(
        delete(UserSession).where(
            or_(UserSession.ended_at.is_not(None), UserSession.created_at < started_before)
        )
    )
    return result.rowcount or 0
