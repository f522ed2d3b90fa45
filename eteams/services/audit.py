"""Record sensitive actions. Details hold ids, counts and field names, never personal data."""

from __future__ import annotations

from typing import Any

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
