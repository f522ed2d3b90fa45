"""Errors services raise; the web and API layers turn them into messages next to fields."""

from __future__ import annotations


class ValidationError(Exception):
    """Bad input: nothing was saved. ``fields`` maps a field name to its messages."""

    def __init__(self, fields: dict[str, list[str]], message: str | None = None) -> None:
        self.fields = {name: [str(m) for m in msgs] for name, msgs in fields.items()}
        super().__init__(
            message or "; ".join(f"{k}: {', '.join(v)}" for k, v in self.fields.items())
        )


class NotFound(Exception):
    """The object does not exist or is out of the caller's reach (answered as 404)."""


class Conflict(Exception):
    """Someone else changed the object first (a stale version): answered as 409."""
