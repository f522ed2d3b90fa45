"""What each kind of background job does, given its row: plan a day, geocode a campaign,
make the day's letters. Called by the worker inside an app context; no Flask request.

Each saves its progress on the job as it goes and ends with ``jobs.finish`` (committed by the
caller). A refusal (``ValidationError``) or a crash is the worker's to record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from eteams.models import Campaign, Employer, Job, User, WalkList
from eteams.models.enums import JobKind
from eteams.services import geocoding, jobs, letters, placement, planning, programme, walk_sheets


class JobGone(Exception):
    """The campaign (or whatever the job was for) was removed meanwhile."""


class GeocoderSilent(Exception):
    """Every address asked got an error and none an answer: the geocoder is not reachable."""


class NoGeocoder(Exception):
    """The configuration names no geocoder."""


def run(session: Session, job: Job, config: Mapping[str, Any]) -> None:
    WORK[job.kind](session, job, config)


def _campaign(session: Session, job: Job) -> Campaign:
    campaign = session.get(Campaign, job.campaign_id) if job.campaign_id else None
    if campaign is None:
        raise JobGone
    return campaign


def plan(session: Session, job: Job, config: Mapping[str, Any]) -> None:
    campaign = _campaign(session, job)
    params = job.params
    jobs.progress(job, 0, 1)
    outcome = planning.plan_day(
        session, campaign, job.day, params.get("shift_ids") or None,
        params.get("doors_per_hour") or config["DOORS_PER_HOUR"],
        max_seconds=config["PLAN_MAX_SECONDS"], actor_id=job.created_by_id,
        release=session.commit,  # no transaction open while the solver works
    )  # fmt: skip
    lost = len(outcome.no_coordinates)  # not a matter of room: these need coordinates first
    summary = {"lists": len(outcome.walk_lists), "unplanned": len(outcome.unplanned) - lost}
    jobs.finish(job, {**summary, "no_coordinates": lost})


def geocode(session: Session, job: Job, config: Mapping[str, Any]) -> None:
    """Resumable: the addresses still pending are the work left, and each answer is saved
    with the progress that counts it (the cache keeps every answer, so none is asked twice)."""
    campaign = _campaign(session, job)
    lookup = geocoding.lookup_from_config(config)
    if lookup is None:
        raise NoGeocoder
    retry = bool(job.params.get("retry"))
    since = job.params.get("retry_since")
    asked_before = dt.datetime.fromisoformat(since) if since else None
    base = job.done
    counts = {k: job.summary.get(k, 0) for k in ("found", "not_found", "errors")}

    def save(progress: geocoding.GeocodeProgress) -> None:
        jobs.progress(job, base + progress.done)
        job.summary = {"found": counts["found"] + progress.found,
                       "not_found": counts["not_found"] + progress.not_found,
                       "errors": counts["errors"] + progress.errors}  # fmt: skip

    before = dict(job.summary)
    geocoding.geocode_campaign(session, campaign.id, lookup, retry_failed=retry,
                               asked_before=asked_before, commit_every=1,
                               on_commit=save, actor_id=job.created_by_id)  # fmt: skip
    now = {k: job.summary.get(k, 0) - before.get(k, 0) for k in ("found", "not_found", "errors")}
    if now["errors"] and not now["found"] and not now["not_found"]:
        raise GeocoderSilent  # a retry asks the failed ones again
    jobs.finish(job, job.summary)


def day_letters(session: Session, job: Job, config: Mapping[str, Any]) -> None:
    """The day's letters as one PDF, kept on the job for download (any app instance serves
    it). Letters made so far are saved along the way, so a retry reuses them."""

    def save(done: int, total: int) -> None:
        jobs.progress(job, done, total)
        if done % 5 == 0:
            session.commit()

    include_sent = bool((job.params or {}).get("include_sent"))
    pdf, count = letters.day_bundle(session, job.day, actor_id=job.created_by_id,
                                    include_sent=include_sent, on_letter=save)  # fmt: skip
    jobs.finish(job, {"letters": count}, result=pdf)


def day_walk_sheets(session: Session, job: Job, config: Mapping[str, Any]) -> None:
    """The walk sheets of the lists the lead chose (the day's, as the planning screen's
    filter showed them) as one PDF, in the order chosen; lists removed meanwhile are left out."""
    from eteams.documents import walk_sheet

    del config
    campaign = _campaign(session, job)
    wanted = [int(i) for i in (job.params or {}).get("list_ids", [])]
    found = {wl.id: wl for wl in session.scalars(
        select(WalkList).where(WalkList.id.in_(wanted), WalkList.campaign_id == campaign.id)
    )}  # fmt: skip
    lists = [found[i] for i in wanted if i in found]
    if not lists:
        raise JobGone
    jobs.progress(job, 0, len(lists))
    pdf = walk_sheet.render_many(walk_sheets.walk_sheets_data(session, lists))
    jobs.progress(job, len(lists), len(lists))
    jobs.finish(job, {"sheets": len(lists), "left_out": len(wanted) - len(lists)}, result=pdf)


def _period(job: Job) -> tuple[dt.date, dt.date]:
    params = job.params or {}
    return dt.date.fromisoformat(params["start"]), dt.date.fromisoformat(params["end"])


def _asker(session: Session, job: Job) -> User:
    """Whoever asked: the report holds what they may see, as if they downloaded it now."""
    user = session.get(User, job.created_by_id) if job.created_by_id else None
    if user is None or not user.active:
        raise JobGone
    return user


def placement_report(session: Session, job: Job, config: Mapping[str, Any]) -> None:
    """An employer's placement report for a period, PDF (Dutch) or CSV, issued with its
    version number as the download through the API is; the file is kept on the job."""
    from flask_babel import force_locale

    from eteams.documents import placement_report as document

    del config
    params = job.params or {}
    user = _asker(session, job)
    if session.get(Employer, params.get("employer_id")) is None:
        raise JobGone
    start, end = _period(job)
    jobs.progress(job, 0, 1)
    report = placement.produce(session, params["employer_id"], start, end,
                               audience=params["audience"], initials=params.get("initials", False),
                               user=user)  # fmt: skip
    if params["format"] == "pdf":
        with force_locale("nl"):  # the PDF is in Dutch only
            body = document.render(report)
    else:
        body = placement.report_csv(report, params.get("lang", "nl")).encode("utf-8")
    jobs.progress(job, 1, 1)
    jobs.finish(job, {"people": len(report.employees), "version": report.version}, result=body)


def programme_report(session: Session, job: Job, config: Mapping[str, Any]) -> None:
    """The programme report for a period, PDF (Dutch) or CSV; the file is kept on the job."""
    from flask_babel import force_locale

    from eteams.documents import programme_report as document

    del config
    _asker(session, job)
    start, end = _period(job)
    jobs.progress(job, 0, 1)
    report = programme.programme_report(session, start, end)
    if (job.params or {}).get("format") == "pdf":
        with force_locale("nl"):
            body = document.render(report)
    else:
        body = programme.report_csv(report, (job.params or {}).get("lang", "nl")).encode("utf-8")
    jobs.progress(job, 1, 1)
    jobs.finish(job, {"households": report.households_reached}, result=body)


WORK: dict[JobKind, Callable[[Session, Job, Mapping[str, Any]], None]] = {
    JobKind.PLAN: plan,
    JobKind.GEOCODE: geocode,
    JobKind.LETTERS: day_letters,
    JobKind.WALK_SHEETS: day_walk_sheets,
    JobKind.PLACEMENT_REPORT: placement_report,
    JobKind.PROGRAMME_REPORT: programme_report,
}
