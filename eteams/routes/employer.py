"""The employer's HR contact: their own employer and employees, nothing else."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from eteams.documents import charts
from eteams.documents.placement_report import has_visits, people_chart
from eteams.extensions import db
from eteams.models import Employee, Employer, Job
from eteams.models.enums import JobKind
from eteams.permissions import Permission
from eteams.routes.helpers import db_int, report_period
from eteams.security import requires
from eteams.services import placement, scoping

bp = Blueprint("employer", __name__, url_prefix="/employer")


@bp.route("/")
@requires(Permission.PLACEMENT_REPORTS)
def index() -> Any:
    employers = db.session.scalars(
        scoping.visible(Employer, current_user).order_by(Employer.name)
    ).all()
    # Employees through their own scope: a lead sees only the members of their teams.
    employees = db.session.scalars(
        scoping.visible(Employee, current_user).options(
            selectinload(Employee.employer), selectinload(Employee.contract_changes)
        )
    ).all()
    employees.sort(key=lambda p: (*placement.sort_name(p), p.id))  # as the report sorts them
    by_employer = {e.id: [p for p in employees if p.employer_id == e.id] for e in employers}
    # One employer's report at a time (an HR user has only theirs): the page costs one report,
    # however many employers a coordinator can see. First choice: one with people in reach.
    with_people = [e for e in employers if by_employer[e.id]] or employers
    wanted = request.args.get("employer", type=db_int)
    chosen = next((e for e in employers if e.id == wanted), with_people[0] if employers else None)
    shown = [chosen] if chosen else []
    start, end = report_period()
    scope = scoping.visible_clause(Employee, current_user)
    reports = {e.id: placement.placement_report(db.session, e.id, start, end, scope=scope)
               for e in shown}  # fmt: skip
    charts = {employer_id: _chart(report) for employer_id, report in reports.items()}
    return render_template("employer/index.html", employers=employers, shown=shown,
                           chosen=chosen, by_employer=by_employer, start=start, end=end,
                           reports=reports, charts=charts,
                           made=_made(chosen.id) if chosen else [])  # fmt: skip


def _made(employer_id: int) -> list[Job]:
    """The reports of this employer the reader had made lately, to find them again."""
    recent = db.session.scalars(
        select(Job).where(Job.kind == JobKind.PLACEMENT_REPORT,
                          Job.created_by_id == current_user.id)
        .order_by(Job.id.desc()).limit(50)
    )  # fmt: skip
    return [j for j in recent if (j.params or {}).get("employer_id") == employer_id][:5]


def _chart(report: placement.PlacementReport) -> str | None:
    """The PDF's doors-and-conversations chart, drawn by the same code (none without a visit:
    the page says so instead)."""
    if not has_visits(report):
        return None
    drawing = people_chart(report.employees, _("Doors"), _("Conversations"), width=640)
    return charts.svg_data_uri(drawing)
