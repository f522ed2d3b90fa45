"""Background jobs on the lead's pages: start one, watch its progress, retry it, fetch its
result. The work itself runs in a worker (``flask --app eteams worker``), not in the request.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import (
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import format_date, get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from eteams import worker
from eteams.extensions import db
from eteams.models import Campaign, Job
from eteams.models.enums import JobKind, JobState
from eteams.permissions import Permission, has_permission
from eteams.routes.api.letters import pdf_response
from eteams.routes.helpers import NotADay, asked_day, get_visible_or_404, not_a_day_message
from eteams.routes.lead import bp
from eteams.security import requires
from eteams.services import jobs

REFRESH_SECONDS = 3


def start(
    kind: JobKind,
    *,
    campaign_id: int | None = None,
    day: dt.date | None = None,
    params: dict[str, Any] | None = None,
    total: int = 0,
    scope: str | None = None,
    language: str | None = None,
) -> Response:
    """Submit the job (or find the one already running for the same campaign and day, or
    scope), commit, hand it to the queue and send the browser to its progress page."""
    job, created = jobs.submit(db.session, kind, campaign_id=campaign_id, day=day,
                               params=params, total=total, scope=scope,
                               language=language or str(get_locale() or "nl"),
                               actor_id=current_user.id)  # fmt: skip
    job_id = job.id  # read before the commit: nothing of this request's may touch it after
    page = job_urls(job)["page"]
    db.session.commit()
    if not created:
        flash(_("This is already running: here is its progress."), "warning")
        return redirect(page)
    worker.send(current_app._get_current_object(), job_id)  # type: ignore[attr-defined]
    job = db.session.get(Job, job_id)  # done already (a quick worker, or JOBS_IMMEDIATE)?
    if job.state is JobState.DONE and job.kind in (JobKind.PLAN, JobKind.GEOCODE):
        flash(" ".join(summary_lines(job)), "success")
        return redirect(back_link(job)[0])
    return redirect(page)


REPORTS = (JobKind.PLACEMENT_REPORT, JobKind.PROGRAMME_REPORT)


def job_urls(job: Job) -> dict[str, str]:
    """Where a job's page, status, retry and file are: a report's under /reports (its HR
    officer or coordinator is no lead), every other job's on the lead's pages."""
    prefix = "reports" if job.kind in REPORTS else "lead"
    return {
        "page": url_for(f"{prefix}.job", job_id=job.id),
        "status": url_for(f"{prefix}.job_status", job_id=job.id),
        "retry": url_for(f"{prefix}.retry_job", job_id=job.id),
        "result": url_for(f"{prefix}.job_result", job_id=job.id),
    }


def _job_or_404(job_id: int) -> Job:
    """A job of a campaign the caller may see; the day's letters need the letters right."""
    job = db.session.get(Job, job_id)
    if job is None or job.kind in REPORTS:  # a report is its asker's, on /reports
        abort(404)
    if job.campaign_id is not None:
        get_visible_or_404(Campaign, job.campaign_id)
    if job.kind is JobKind.LETTERS and not has_permission(
        current_user.role, Permission.LETTERS_WRITE
    ):
        abort(404)
    return job


def title(job: Job) -> str:
    day = format_date(job.day, "long") if job.day else ""
    if job.kind is JobKind.PLAN:
        return _("Planning the walk lists of %(date)s", date=day)
    if job.kind is JobKind.GEOCODE:
        return _("Finding coordinates")
    if job.kind is JobKind.WALK_SHEETS:
        return _("The walk sheets of %(date)s as one PDF", date=day)
    if job.kind in REPORTS:
        params = job.params or {}
        period = _("%(start)s to %(end)s",
                   start=format_date(dt.date.fromisoformat(params["start"]), "long"),
                   end=format_date(dt.date.fromisoformat(params["end"]), "long"))  # fmt: skip
        if job.kind is JobKind.PROGRAMME_REPORT:
            return _("The programme report, %(period)s", period=period)
        from eteams.models import Employer

        employer = db.session.get(Employer, params.get("employer_id"))
        return _("The placement report of %(employer)s, %(period)s",
                 employer=employer.name if employer else "—", period=period)  # fmt: skip
    return _("The letters of %(date)s as one PDF", date=day)


def status_line(job: Job) -> str:
    if job.state is JobState.QUEUED:
        return _("Waiting for a worker…")
    if job.state is JobState.RUNNING:
        if job.total > 1:  # one step (a plan, a report) has no "0 of 1"
            return _("Running: %(done)d of %(total)d.", done=job.done, total=job.total)
        return _("Running…")
    if job.state is JobState.DONE:
        return _("Done.")
    return _("Failed: %(reason)s", reason=jobs.failure_text(job))


def summary_lines(job: Job) -> list[str]:
    s = job.summary or {}
    if job.state is not JobState.DONE:
        return []
    if job.kind is JobKind.PLAN:
        lines = [ngettext("%(n)d walk list planned.", "%(n)d walk lists planned.",
                          s.get("lists", 0), n=s.get("lists", 0))]  # fmt: skip
        if s.get("unplanned"):
            lines.append(ngettext("%(n)d door did not fit.", "%(n)d doors did not fit.",
                                  s["unplanned"], n=s["unplanned"]))  # fmt: skip
        if s.get("no_coordinates"):
            lines.append(ngettext(
                "%(n)d door has no coordinates yet and could not be planned.",
                "%(n)d doors have no coordinates yet and could not be planned.",
                s["no_coordinates"], n=s["no_coordinates"]))  # fmt: skip
        return lines
    if job.kind is JobKind.GEOCODE:
        return [_("%(found)d found, %(missing)d not found, %(errors)d errors.",
                  found=s.get("found", 0), missing=s.get("not_found", 0),
                  errors=s.get("errors", 0))]  # fmt: skip
    if job.kind is JobKind.WALK_SHEETS:
        lines = [ngettext("%(n)d walk sheet in the PDF.", "%(n)d walk sheets in the PDF.",
                          s.get("sheets", 0), n=s.get("sheets", 0))]  # fmt: skip
        if s.get("left_out"):
            lines.append(ngettext(
                "%(n)d list was removed meanwhile and is not in it.",
                "%(n)d lists were removed meanwhile and are not in it.",
                s["left_out"], n=s["left_out"]))  # fmt: skip
        return lines
    if job.kind is JobKind.PLACEMENT_REPORT:
        lines = [report_version(job.params or {}),
                 ngettext("%(n)d person in the report.", "%(n)d people in the report.",
                          s.get("people", 0), n=s.get("people", 0))]  # fmt: skip
        if s.get("version"):
            lines.append(_("Version number %(v)d.", v=s["version"]))
        return lines
    if job.kind is JobKind.PROGRAMME_REPORT:
        return [_("The report is ready.")]
    return [ngettext("%(n)d letter in the PDF.", "%(n)d letters in the PDF.",
                     s.get("letters", 0), n=s.get("letters", 0))]  # fmt: skip


def report_version(params: dict[str, Any]) -> str:
    """Which of the placement report's versions the file is, so the HR officer never sends
    the employer's (with sickness) to the municipality by mistake."""
    if params.get("audience") == "municipality":
        who = (_("For the municipality, without health data, with initials")
               if params.get("initials") else
               _("For the municipality, without health data, with full names"))  # fmt: skip
    else:
        who = _("For the employer: with attendance and sickness, not for the municipality")
    if params.get("format") == "csv":
        form = _("CSV in English") if params.get("lang") == "en" else _("CSV in Dutch")
    else:
        form = "PDF"
    return f"{who} · {form}."


def back_link(job: Job) -> tuple[str, str]:
    if job.kind in (JobKind.PLAN, JobKind.WALK_SHEETS):
        return url_for("lead.plan", campaign_id=job.campaign_id, date=job.day.isoformat()), _(
            "Open the plan"
        )
    if job.kind is JobKind.GEOCODE:
        return url_for("lead.campaign", campaign_id=job.campaign_id), _("Back to the campaign")
    if job.kind in REPORTS:
        params = job.params or {}
        period = {"from": params["start"], "to": params["end"]}
        if job.kind is JobKind.PROGRAMME_REPORT:
            return url_for("admin.programme", **period), _("Back to the programme report")
        return url_for("employer.index", employer=params["employer_id"], **period), _(
            "Back to the placement page"
        )
    return url_for("lead.letter_register", date=job.day.isoformat()), _("Back to the letters")


@bp.route("/jobs/<int:job_id>")
@requires(Permission.CAMPAIGNS_WRITE)
def job(job_id: int) -> Any:
    job = _job_or_404(job_id)
    return render_job(job)


def render_job(job: Job) -> str:
    makes, kept = _makes_file(job), jobs.has_file(db.session, job)
    return render_template("lead/job.html", job=job, title=title(job), status=status_line(job),
                           summary=summary_lines(job), back=back_link(job),
                           refresh=REFRESH_SECONDS, has_file=makes and kept,
                           file_gone=makes and not kept,
                           file_hours=current_app.config["JOB_FILE_HOURS"])  # fmt: skip


def _makes_file(job: Job) -> bool:
    """Done with something to download (a day without letters or sheets has nothing)."""
    s = job.summary or {}
    made = job.kind in REPORTS or bool(s.get("letters")) or bool(s.get("sheets"))
    return job.state is JobState.DONE and made


@bp.route("/jobs/<int:job_id>.json")
@requires(Permission.CAMPAIGNS_WRITE)
def job_status(job_id: int) -> Any:
    """For the progress bar: state and counts only, no household data."""
    return status_json(_job_or_404(job_id))


def status_json(job: Job) -> Response:
    return jsonify(state=job.state.value, done=job.done, total=job.total,
                   status=status_line(job))  # fmt: skip


@bp.route("/jobs/<int:job_id>/retry", methods=["POST"])
@requires(Permission.CAMPAIGNS_WRITE)
def retry_job(job_id: int) -> Any:
    return retry_and_show(_job_or_404(job_id))


def retry_and_show(job: Job) -> Response:
    """Queue a failed job again and show its page (or say why it cannot be)."""
    job_id = job.id
    again, queued = jobs.retry(db.session, job, actor_id=current_user.id)
    again_id, page = again.id, job_urls(again)["page"]  # read before the commit (see start)
    db.session.commit()
    if queued:
        worker.send(current_app._get_current_object(), again_id)  # type: ignore[attr-defined]
    elif again_id == job_id:
        flash(_("Only a job that failed can be tried again."), "warning")
    return redirect(page)


@bp.route("/jobs/<int:job_id>/result.pdf")
@requires(Permission.CAMPAIGNS_WRITE)
def job_result(job_id: int) -> Any:
    job = _job_or_404(job_id)
    if job.state is not JobState.DONE or job.result is None:
        flash(_("This job has no file (yet)."), "warning")
        return redirect(url_for("lead.job", job_id=job.id))
    if job.kind is JobKind.WALK_SHEETS:
        return pdf_response(job.result, f"looproutes-{job.day.isoformat()}-{job.campaign_id}.pdf")
    return pdf_response(job.result, f"adviesbrieven-{job.day.isoformat()}.pdf")


@bp.route("/letters/bundle", methods=["POST"])
@requires(Permission.LETTERS_WRITE)
def letter_bundle_job() -> Any:
    """The day's letters as one PDF, made by a worker; the page shows progress, then the file."""
    try:
        day = asked_day(request.form.get("date"), None)
    except NotADay:
        flash(not_a_day_message(), "error")
        return redirect(url_for("lead.letter_register"))
    include_sent = request.form.get("include_sent") == "1"
    return start(JobKind.LETTERS, day=day, params={"include_sent": include_sent})


@bp.app_context_processor
def _job_helpers() -> dict[str, Any]:
    def job_for(kind: str, campaign_id: int | None = None, day: dt.date | None = None) -> Any:
        """The latest job of this kind for the page, while it runs or after it failed."""
        found = jobs.latest(db.session, JobKind(kind), campaign_id, day)
        return found if found is not None and found.state is not JobState.DONE else None

    return {"job_for": job_for, "job_status_line": status_line, "job_urls": job_urls,
            "job_title": title, "job_version": report_version}  # fmt: skip
