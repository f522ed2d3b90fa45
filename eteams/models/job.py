"""Background jobs: what a worker is doing, how far it got, why it failed, and its result.

The queue itself (huey) only carries a job's id; this table is the truth the pages show and
the worker resumes from. At most one job of a kind is queued or running per scope (a
campaign and day, a campaign, or a day): a partial unique index, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column

from eteams.models.base import Base, TimestampMixin, UTCDateTime, enum_column
from eteams.models.enums import JobKind, JobState

ACTIVE = "state IN ('queued', 'running')"


class Job(TimestampMixin, Base):
    __tablename__ = "jobs"
    __table_args__ = (
        Index("uq_jobs_active_scope", "kind", "scope", unique=True,
              sqlite_where=text(ACTIVE), postgresql_where=text(ACTIVE)),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[JobKind] = mapped_column(enum_column(JobKind, "job_kind"))
    # "<campaign id or ->:<day or ->": what "the same job" means for the unique index.
    scope: Mapped[str] = mapped_column(String(40))
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[date | None]
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    state: Mapped[JobState] = mapped_column(enum_column(JobState, "job_state"))
    done: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    attempts: Mapped[int] = mapped_column(default=0)
    # Why it failed: a code the pages translate, and for refused input the service's own
    # message in the requester's language. Never a stack trace or personal data.
    error: Mapped[str | None] = mapped_column(String(32))
    detail: Mapped[str | None] = mapped_column(String(2000))
    language: Mapped[str] = mapped_column(String(8), default="nl")
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    result: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    # "host:pid" of the worker running it, and when that worker last said it is alive.
    worker: Mapped[str | None] = mapped_column(String(100))
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"<Job {self.id} {self.kind.value} {self.state.value}>"
