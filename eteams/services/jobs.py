"""Background jobs as rows: submit, claim, report progress, finish, fail and retry.

The queue (huey, see ``eteams.worker``) only carries a job's id. Whether a job may run is
decided here, by a compare-and-swap on its row: a queued job, or a running one whose worker
is gone (no heartbeat for a while, or its process on this machine has died), is claimed by
exactly one worker; a second message for the same job finds it taken and does nothing. So a
message delivered twice, a worker killed mid-way and an app restart neither lose a job nor
run it twice at once. No Flask request here: the web, the worker and tests call it alike.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from eteams.models import Job
from eteams.models.base import utcnow
from eteams.models.enums import JobKind, JobState
from eteams.services import audit

ACTIVE = (JobState.QUEUED, JobState.RUNNING)

# Why a job failed, as the pages say it (``invalid`` shows the service's own message).
FAILURES = {
    "crashed": _l("The job stopped on an unexpected error. The error was logged for the "
                  "administrator. Try again; if it fails again, ask the administrator."),
    "no_geocoder": _l("No geocoder is configured: coordinates must come in the address file."),
    "gone": _l("What this job was for no longer exists."),
    "geocoder_silent": _l("The geocoder did not answer for any address (no connection, or a "
                          "wrong geocoder setting). Check it, then try again: the addresses "
                          "are asked again."),
}  # fmt: skip


def worker_id() -> str:
    """This process, as "host:pid" (kept on the job it runs)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def scope_of(campaign_id: int | None, day: dt.date | None) -> str:
    return f"{campaign_id if campaign_id is not None else '-'}:{day.isoformat() if day else '-'}"


def active(
    session: Session,
    kind: JobKind,
    campaign_id: int | None = None,
    day: dt.date | None = None,
    scope: str | None = None,
) -> Job | None:
    """The queued or running job of this kind for this campaign and day (or this scope, for
    a job that is about something else, such as a report), if any."""
    return session.scalar(
        select(Job).where(Job.kind == kind, Job.scope == (scope or scope_of(campaign_id, day)),
                          Job.state.in_(ACTIVE))
    )  # fmt: skip


def latest(
    session: Session, kind: JobKind, campaign_id: int | None = None, day: dt.date | None = None
) -> Job | None:
    """The newest job of this kind for this campaign and day, whatever its state."""
    return session.scalar(
        select(Job).where(Job.kind == kind, Job.scope == scope_of(campaign_id, day))
        .order_by(Job.id.desc()).limit(1)
    )  # fmt: skip


def submit(
    session: Session,
    kind: JobKind,
    *,
    campaign_id: int | None = None,
    day: dt.date | None = None,
    params: dict[str, Any] | None = None,
    total: int = 0,
    language: str = "nl",
    scope: str | None = None,
    actor_id: int | None,
) -> tuple[Job, bool]:
    """A new queued job, or the one already queued or running for the same kind, campaign
    and day, or ``scope`` (then ``False``). The caller commits, then hands the id to the
    queue."""
    scope = scope or scope_of(campaign_id, day)
    existing = active(session, kind, scope=scope)
    if existing is not None:
        return existing, False
    job = Job(kind=kind, scope=scope, campaign_id=campaign_id, day=day,
              params=params or {}, state=JobState.QUEUED, done=0, total=total, attempts=0,
              language=language, summary={}, created_by_id=actor_id)  # fmt: skip
    try:
        with session.begin_nested():
            session.add(job)
    except IntegrityError:  # another request submitted it a moment ago
        found = active(session, kind, scope=scope)
        if found is None:
            raise
        return found, False
    return job, True


def retry(session: Session, job: Job, *, actor_id: int | None) -> tuple[Job, bool]:
    """Queue a failed job again (it resumes where it stopped, where its work allows); a job
    that did not fail, or whose scope has another job running, is returned as it is."""
    if job.state is not JobState.FAILED:
        return job, False
    other = active(session, job.kind, scope=job.scope)
    if other is not None:
        return other, False
    job.state, job.error, job.detail, job.worker, job.heartbeat_at = (
        JobState.QUEUED, None, None, None, None,
    )  # fmt: skip
    job.finished_at = None
    if job.kind is JobKind.GEOCODE:  # every address still without coordinates is asked again
        from eteams.services.geocoding import pending_addresses

        # from now: a retry resumed after a restart does not ask again what it asked already
        job.params = {**(job.params or {}), "retry": True, "retry_since": utcnow().isoformat()}
        again = pending_addresses(job.campaign_id, retry_failed=True).subquery()
        # a run of its own: counted from nought, its summary this run's only
        job.done, job.summary = 0, {}
        job.total = session.scalar(select(func.count()).select_from(again)) or 0
    audit.record(session, "job_retried", actor_id=actor_id, obj=job, kind=job.kind.value)
    return job, True


def abandoned(job: Job, now: dt.datetime, stale_seconds: float) -> bool:
    """A running job whose worker is gone: silent too long, or dead on this machine."""
    if job.state is not JobState.RUNNING:
        return False
    if job.heartbeat_at is None or now - job.heartbeat_at > dt.timedelta(seconds=stale_seconds):
        return True
    return _dead_here(job.worker)


def _dead_here(worker: str | None) -> bool:
    host, _, pid = (worker or "").rpartition(":")
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def claim(
    session: Session, job_id: int, *, worker: str, stale_seconds: float, now: dt.datetime
) -> Job | None:
    """Take the job for this worker, or None when it is not to run (done, failed, gone, or
    running elsewhere). Commits the claim, so other workers see it at once."""
    job = session.get(Job, job_id)
    if job is None or job.state not in ACTIVE:
        return None
    if job.state is JobState.RUNNING and not abandoned(job, now, stale_seconds):
        return None
    taken = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.state == job.state, Job.attempts == job.attempts)
        .values(state=JobState.RUNNING, worker=worker, heartbeat_at=now,
                started_at=job.started_at or now, attempts=Job.attempts + 1)
        .execution_options(synchronize_session=False)
    ).rowcount  # fmt: skip
    session.commit()
    if taken != 1:
        return None
    session.refresh(job)
    return job


def heartbeat(session: Session, job_id: int, worker: str, now: dt.datetime) -> bool:
    """Say the worker is alive; False when the job is no longer this worker's."""
    changed = session.execute(
        update(Job).where(Job.id == job_id, Job.worker == worker, Job.state == JobState.RUNNING)
        .values(heartbeat_at=now).execution_options(synchronize_session=False)
    ).rowcount  # fmt: skip
    session.commit()
    return changed == 1


def progress(job: Job, done: int, total: int | None = None) -> None:
    job.done = done
    if total is not None:
        job.total = total
    job.heartbeat_at = utcnow()


def finish(job: Job, summary: dict[str, Any] | None = None, result: bytes | None = None) -> None:
    job.state, job.summary, job.finished_at = JobState.DONE, summary or {}, utcnow()
    job.done = max(job.done, job.total)
    if result is not None:
        job.result = result


def fail(job: Job, error: str, detail: str | None = None) -> None:
    """Record why; ``error`` is a key of FAILURES or ``invalid`` with the message as detail."""
    job.state, job.error, job.finished_at = JobState.FAILED, error, utcnow()
    job.detail = detail[:2000] if detail else None


def failure_text(job: Job) -> str:
    if job.error == "invalid" and job.detail:
        return job.detail
    return str(FAILURES.get(job.error or "", FAILURES["crashed"]))


def to_resume(
    session: Session, now: dt.datetime, stale_seconds: float, *, every_queued: bool = False
) -> list[int]:
    """Jobs that want a worker: queued a while without one (their message may be lost; at a
    worker's start, every queued one), or running with their worker gone."""
    quiet = now if every_queued else now - dt.timedelta(seconds=stale_seconds)
    rows = session.scalars(
        select(Job).where(or_(Job.state == JobState.RUNNING,
                              (Job.state == JobState.QUEUED) & (Job.created_at <= quiet)))
        .order_by(Job.id)
    )  # fmt: skip
    return [j.id for j in rows if j.state is JobState.QUEUED or abandoned(j, now, stale_seconds)]


def forget_files(session: Session, now: dt.datetime, hours: float) -> int:
    """Remove the files of jobs that finished more than ``hours`` ago (letters, walk sheets
    and reports hold personal data; a job can be run again). Returns how many."""
    gone = session.execute(
        update(Job).where(Job.result.is_not(None),
                          Job.finished_at < now - dt.timedelta(hours=hours))
        .values(result=None)
    )  # fmt: skip
    return gone.rowcount or 0


def has_file(session: Session, job: Job) -> bool:
    """Done, and its file still kept (read without loading the file itself)."""
    return job.state is JobState.DONE and bool(
        session.scalar(select(Job.result.is_not(None)).where(Job.id == job.id))
    )
