"""The job queue (huey) and the worker that runs jobs: ``flask --app eteams worker``.

huey keeps the queue: a SQLite file in the instance folder by default, Redis when
``JOBS_URL`` is a ``redis://`` URL (several machines). A message carries a job's id only;
the job's row (``eteams.services.jobs``) decides whether it runs, so a message delivered
twice is harmless. A worker resumes, at its start and every minute, the jobs whose worker is
gone (killed, restarted) and the queued ones whose message was lost.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from flask import Flask, g
from flask_babel import force_locale
from huey import Huey, RedisHuey, SqliteHuey, crontab

from eteams.extensions import db
from eteams.models import Job
from eteams.models.base import utcnow
from eteams.services import job_work, jobs
from eteams.services.errors import ValidationError

log = logging.getLogger(__name__)
TASK = "eteams.run_job"


def queue(app: Flask) -> Huey:
    """The app's huey, made on first use (so tests may move the instance folder first)."""
    huey = app.extensions.get("eteams_huey")
    if huey is None:
        huey = _make_huey(app)
        app.extensions["eteams_run_job"] = huey.task(name=TASK)(lambda job_id: execute(app, job_id))
        huey.periodic_task(crontab(minute="*"), name="eteams.resume_jobs")(lambda: resume(app))
        app.extensions["eteams_huey"] = huey
    return huey


def _make_huey(app: Flask) -> Huey:
    url = app.config.get("JOBS_URL") or ""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey("eteams", url=url, results=False)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
    elif url:
        raise ValueError("JOBS_URL must be redis://…, sqlite:///… or empty (instance/jobs.sqlite)")
    else:
        path = Path(app.instance_path) / "jobs.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("eteams", filename=str(path), results=False, fsync=True)


def send(app: Flask, job_id: int) -> None:
    """Hand a committed job to the queue. Should the queue be down, the job stays queued in
    the database and the next worker to start (or its minutely check) picks it up.
    With ``JOBS_IMMEDIATE`` (the test suite's pages) the job runs here and now instead."""
    if app.config.get("JOBS_IMMEDIATE"):
        execute(app, job_id, heartbeat=False)
        return
    queue(app)
    try:
        app.extensions["eteams_run_job"](job_id)
    except Exception:  # the queue is unreachable; the row is the truth
        log.exception("could not queue job %s; a worker will pick it up", job_id)


def execute(app: Flask, job_id: int, *, heartbeat: bool = True) -> None:
    """Run one job if this worker may claim it (see ``jobs.claim``)."""
    with app.app_context():
        g.writes = True  # SQLite: every transaction takes the write lock first (see __init__)
        stale = float(app.config["JOBS_STALE_SECONDS"])
        me = jobs.worker_id()
        job = jobs.claim(db.session, job_id, worker=me, stale_seconds=stale, now=utcnow())
        if job is None:
            db.session.remove()
            return
        beat = _Heartbeat(app, job_id, me, interval=max(0.5, stale / 4))
        if heartbeat:
            beat.start()
        try:
            _run(app, job)
        finally:
            if heartbeat:
                beat.stop()
            db.session.remove()


def _run(app: Flask, job: Job) -> None:
    session = db.session
    try:
        with force_locale(job.language):
            job_work.run(session, job, app.config)
        session.commit()
        return
    except ValidationError as error:
        session.rollback()
        detail = " ".join(m for messages in error.fields.values() for m in messages)
        code = "invalid"
    except job_work.JobGone:
        session.rollback()
        code, detail = "gone", None
    except job_work.NoGeocoder:
        session.rollback()
        code, detail = "no_geocoder", None
    except job_work.GeocoderSilent:
        session.commit()  # keep the attempts counted; the job itself failed
        code, detail = "geocoder_silent", None
    except Exception:
        session.rollback()
        log.exception("job %s (%s) failed", job.id, job.kind.value)
        code, detail = "crashed", None
    job = session.get(Job, job.id)
    jobs.fail(job, code, detail)
    session.commit()


class _Heartbeat(threading.Thread):
    """Tells the database, every few seconds, that the job's worker is alive."""

    def __init__(self, app: Flask, job_id: int, worker: str, interval: float) -> None:
        super().__init__(daemon=True, name=f"heartbeat-{job_id}")
        self.app, self.job_id, self.worker, self.interval = app, job_id, worker, interval
        self._stop_event = threading.Event()

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=5)

    def run(self) -> None:
        with self.app.app_context():
            g.writes = True
            while not self._stop_event.wait(self.interval):
                try:
                    jobs.heartbeat(db.session, self.job_id, self.worker, utcnow())
                except Exception:  # a busy database: try again next time
                    db.session.rollback()
                    log.warning("heartbeat of job %s skipped", self.job_id)
            db.session.remove()


def resume(app: Flask, *, every_queued: bool = False) -> list[int]:
    """Queue again the jobs that want a worker; returns their ids. Also removes the files of
    jobs finished longer ago than JOB_FILE_HOURS."""
    with app.app_context():
        ids = jobs.to_resume(db.session, utcnow(), float(app.config["JOBS_STALE_SECONDS"]),
                             every_queued=every_queued)  # fmt: skip
        g.writes = True
        jobs.forget_files(db.session, utcnow(), float(app.config["JOB_FILE_HOURS"]))
        db.session.commit()
        db.session.remove()
    for job_id in ids:
        send(app, job_id)
    return ids


def consumer(app: Flask, workers: int = 1, **options: Any) -> Any:
    """A huey consumer with ``workers`` threads, the jobs left over already queued again."""
    huey = queue(app)
    resume(app, every_queued=True)
    return huey.create_consumer(workers=workers, worker_type="thread", periodic=True, **options)
