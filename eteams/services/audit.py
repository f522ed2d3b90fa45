"""Record sensitive actions. Details hold ids, counts and field names, never personal data."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from typing import Any

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from eteams.models import AuditEvent

# Keys whose values could carry personal data are refused outright.
_FORBIDDEN_KEYS = frozenset(
    {"name", "email", "phone", "password", "notes", "street", "postcode", "contact", "token"}
)


def record(
    session: Session,
    action: str,
    *,
    actor_id: int | None,
    obj: Any = None,
    **details: Any,
) -> AuditEvent:
    leaked = _FORBIDDEN_KEYS.intersection(details)
    if leaked:
        raise ValueError(f"audit details may not hold personal data: {sorted(leaked)}")
    event = AuditEvent(
        action=action,
        actor_user_id=actor_id,
        object_type=type(obj).__name__ if obj is not None else None,
        object_id=str(obj.id) if obj is not None else None,
        details=details,
    )
    session.add(event)
    return event


PAGE_SIZE = 50


def events(
    session: Session,
    *,
    action: str | None = None,
    actor_id: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    before_id: int | None = None,
    limit: int = PAGE_SIZE,
) -> list[AuditEvent]:
    """Newest first; ``before_id`` pages back (stable while new events arrive)."""
    stmt = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    if actor_id:
        stmt = stmt.where(AuditEvent.actor_user_id == actor_id)
    if start:
        stmt = stmt.where(AuditEvent.at >= start)
    if end:
        stmt = stmt.where(AuditEvent.at < end)
    if before_id:
        stmt = stmt.where(AuditEvent.id < before_id)
    return list(session.scalars(stmt))


def actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)))


def keyed_digest(value: str) -> str:
    """A short HMAC-SHA256 of ``value`` under the app's secret key: the same e-mail or address
    gives the same digest, so failures can be counted per account and per address, but the
    audit log never holds the value and it cannot be looked up without the key."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:16]
