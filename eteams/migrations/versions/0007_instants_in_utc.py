"""instants in UTC on SQLite

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 21:30:00

Until 0006 SQLite stored an instant's wall-clock time without its offset. What the server wrote
itself (created_at, sent_at, audit times, ...) was UTC already. What a tablet sent (visited_at,
appointment_at and the device clock client_updated_at) kept the device's offset; the tablet
sends Europe/Amsterdam time, and a row has client_updated_at only when a device sent it. Those
rows are converted from Amsterdam wall-clock time to UTC. PostgreSQL's timestamptz always kept
the instant: nothing changes there. The columns' type is unchanged; the models now convert on
the way in and out (eteams.models.base.UTCDateTime).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

DEVICE_ZONE = ZoneInfo("Europe/Amsterdam")
DEVICE_COLUMNS = ("visited_at", "appointment_at", "client_updated_at")
visits = sa.table("visits", sa.column("id", sa.Integer), *(sa.column(c, sa.String) for c in DEVICE_COLUMNS))


def _parse(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def _shift(value: dt.datetime | None, to_utc: bool) -> str | None:
    if value is None:
        return None
    if to_utc:
        moved = value.replace(tzinfo=DEVICE_ZONE).astimezone(dt.UTC)
    else:
        moved = value.replace(tzinfo=dt.UTC).astimezone(DEVICE_ZONE)
    return moved.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def _convert(to_utc: bool) -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    rows = connection.execute(
        sa.select(visits).where(visits.c.client_updated_at.is_not(None))
    ).all()
    for row in rows:
        values = {c: _shift(_parse(getattr(row, c)), to_utc) for c in DEVICE_COLUMNS}
        connection.execute(visits.update().where(visits.c.id == row.id).values(**values))


def upgrade():
    _convert(to_utc=True)


def downgrade():
    _convert(to_utc=False)
