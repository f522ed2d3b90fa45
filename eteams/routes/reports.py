"""Reports made by a worker: the placement report the employer's HR officer hands to the
municipality and the coordinator's programme report, as PDF or CSV. A page's button starts
the job; its page shows progress and then the file. A report job and its file belong to
whoever asked for it: nobody else reaches them, whatever their role.

The API (``/api/v1/employers/<id>/placement-report.pdf``) and the CLI still answer directly.
"""

from __future__ import annotations

import hashlib
from typing import Any

import marshmallow as ma
from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from eteams.extensions import db
from eteams.models import Employer, Job
from eteams.models.enums import JobKind, JobState
from eteams.permissions import Permission, has_permission
from eteams.routes.api.people import (
    PlacementPeriodSchema,
    placement_filename,
    refuse_partial_for_municipality,
)
from eteams.routes.helpers import db_int, get_visible_or_404, report_period
from eteams.routes.lead import jobs as lead_jobs
from eteams.security import requires
from eteams.services import audit, days, placement
from eteams.services.errors import ValidationError

bp = Blueprint("reports", __name__, url_prefix="/reports")

MIMETYPES = {"pdf": "application/pdf", "csv": "text/csv"}
# The employer page's buttons: format | for whom | names | language (the PDF is Dutch only;
# the employer's own version always has full names).
BUTTONS = frozenset({
    "pdf|employer|full|nl", "csv|employer|full|nl", "csv|employer|full|en",
    "pdf|municipality|full|nl", "pdf|municipality|initials|nl", "csv|municipality|full|nl",
    "csv|municipality|initials|nl", "csv|municipality|full|en", "csv|municipality|initials|en",
})  # fmt: skip


def _scope(*parts: object) -> str:
    """One report asked by one person: a second press while it runs finds the same job."""
    key = ":".join(str(p) for p in (*parts, current_user.id))
    return "r:" + hashlib.sha256(key.encode()).hexdigest()[:38]


def _period_problem(start: str | None, end: str | None) -> str | None:
    """What is wrong with a posted period, as the pages say it (None: two real days in
    order, within five years)."""
    if not (start and end):
        return _("Enter both dates of the period.")
    try:
        first, last = days.parse_day(start), days.parse_day(end)
    except days.OutsideWindow as outside:
        return str(outside)
    except ValueError:
        return _("Enter both dates of the period as real days (YYYY-MM-DD).")
    if first > last:
        return _("The period starts after it ends.")
    if (last - first).days > 366 * 5:
        return _("Ask for at most five years at a time.")
    return None


def _messages(error: ma.ValidationError | ValidationError) -> str:
    fields = error.messages if isinstance(error, ma.ValidationError) else error.fields
    found: list[str] = []
    for value in fields.values() if isinstance(fields, dict) else [fields]:
        found += value if isinstance(value, list) else [str(value)]
    return " ".join(str(m) for m in found)


@bp.route("/placement", methods=["POST"])
@requires(Permission.PLACEMENT_REPORTS)
def placement_report() -> Any:
    employer_id = request.form.get("employer_id", type=db_int)
    if employer_id is None:
        flash(_("Choose the employer."), "error")
        return redirect(url_for("employer.index"))
    employer = get_visible_or_404(Employer, employer_id)
    # The page's buttons each name one report: "pdf|municipality|initials|nl".
    back = redirect(url_for("employer.index", employer=employer.id))
    if request.form.get("report") not in BUTTONS:
        flash(_("Choose one of the page's report buttons."), "error")
        return back
    kind, audience, names, lang = request.form["report"].split("|")
    problem = _period_problem(request.form.get("from"), request.form.get("to"))
    if problem:
        flash(problem, "error")
        return back
    asked = {
        "from": request.form["from"],
        "to": request.form["to"],
        "for": audience,
        "names": names,
        "lang": "nl" if kind == "pdf" else lang,
    }  # the PDF: Dutch only
    try:
        period = PlacementPeriodSchema().load(asked)
        refuse_partial_for_municipality(period["audience"])
    except (ma.ValidationError, ValidationError) as error:
        flash(_messages(error), "error")
        return back
    initials = period["names"] == "initials"
    params = {"employer_id": employer.id, "start": period["start"].isoformat(),
              "end": period["end"].isoformat(), "audience": period["audience"],
              "initials": initials, "format": kind, "lang": period["lang"],
              "filename": placement_filename(employer.id, period, kind)}  # fmt: skip
    scope = _scope("placement", employer.id, params["start"], params["end"], period["audience"],
                   initials, kind, period["lang"])  # fmt: skip
    return lead_jobs.start(JobKind.PLACEMENT_REPORT, params=params, scope=scope,
                           language=period["lang"])  # fmt: skip


@bp.route("/programme", methods=["POST"])
@requires(Permission.PROGRAMME_REPORTS)
def programme_report() -> Any:
    problem = _period_problem(request.form.get("from"), request.form.get("to"))
    asked = request.form.get("format")
    if problem or asked not in ("pdf", "csv", "csv-en"):
        flash(problem or _("Choose one of the page's report buttons."), "error")
        return redirect(url_for("admin.programme"))
    start, end = report_period(request.form)
    kind = "pdf" if asked == "pdf" else "csv"
    lang = "en" if asked == "csv-en" else "nl"
    params = {"start": start.isoformat(), "end": end.isoformat(), "format": kind, "lang": lang,
              "filename": f"programma-{start:%Y%m%d}-{end:%Y%m%d}.{kind}"}  # fmt: skip
    scope = _scope("programme", params["start"], params["end"], kind, lang)
    return lead_jobs.start(JobKind.PROGRAMME_REPORT, params=params, scope=scope, language=lang)


def _mine_or_404(job_id: int) -> Job:
    """A report job of the caller's own, about what they may still see; any other job,
    someone else's, or one about an employer now out of their reach, is 404."""
    job = db.session.get(Job, job_id)
    if job is None or job.kind not in lead_jobs.REPORTS or job.created_by_id != current_user.id:
        abort(404)
    if job.kind is JobKind.PROGRAMME_REPORT and not has_permission(
        current_user.role, Permission.PROGRAMME_REPORTS
    ):
        abort(404)
    if job.kind is JobKind.PLACEMENT_REPORT:  # still theirs to see (an HR officer moved on)
        get_visible_or_404(Employer, (job.params or {}).get("employer_id"))
    return job


@bp.route("/jobs/<int:job_id>")
@requires(Permission.PLACEMENT_REPORTS)
def job(job_id: int) -> Any:
    return lead_jobs.render_job(_mine_or_404(job_id))


@bp.route("/jobs/<int:job_id>.json")
@requires(Permission.PLACEMENT_REPORTS)
def job_status(job_id: int) -> Any:
    """For the progress bar: state and counts only."""
    return lead_jobs.status_json(_mine_or_404(job_id))


@bp.route("/jobs/<int:job_id>/retry", methods=["POST"])
@requires(Permission.PLACEMENT_REPORTS)
def retry_job(job_id: int) -> Any:
    return lead_jobs.retry_and_show(_mine_or_404(job_id))


@bp.route("/jobs/<int:job_id>/result")
@requires(Permission.PLACEMENT_REPORTS)
def job_result(job_id: int) -> Any:
    """The file, handed out like the API's download: audited, never cached."""
    job = _mine_or_404(job_id)
    if job.state is not JobState.DONE or job.result is None:
        flash(_("This job has no file (yet)."), "warning")
        return redirect(url_for("reports.job", job_id=job.id))
    params = job.params or {}
    if job.kind is JobKind.PLACEMENT_REPORT:
        employer = db.session.get(Employer, params["employer_id"])
        audit.record(db.session, "placement_report_downloaded", actor_id=current_user.id,
                     obj=employer, start=params["start"], end=params["end"],
                     format=params["format"], audience=params["audience"],
                     version=(job.summary or {}).get("version"))  # fmt: skip
    else:
        audit.record(db.session, "programme_report_downloaded", actor_id=current_user.id,
                     start=params["start"], end=params["end"], format=params["format"])  # fmt: skip
    db.session.commit()
    return Response(job.result, mimetype=MIMETYPES[params["format"]], headers={
        "Content-Disposition": f'attachment; filename="{params["filename"]}"',
        "Cache-Control": "no-store",
    })  # fmt: skip


__all__ = ["bp", "placement"]
