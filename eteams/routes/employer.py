"""The employer's HR contact: their own employer and employees, nothing else."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy.orm import selectinload

from eteams.extensions import db
from eteams.models import Employee, Employer
from eteams.permissions import Permission
from eteams.security import requires
from eteams.services import scoping

bp = Blueprint("employer", __name__, url_prefix="/employer")


@bp.route("/")
@requires(Permission.PLACEMENT_REPORTS)
def index() -> Any:
    employers = db.session.scalars(
        scoping.visible(Employer, current_user).order_by(Employer.name)
    ).all()
    # Employees through their own scope: a lead sees only the members of their teams.
    employees = db.session.scalars(
        scoping.visible(Employee, current_user)
        .options(selectinload(Employee.employer))
        .order_by(Employee.last_name, Employee.first_name)
    ).all()
    by_employer = {e.id: [p for p in employees if p.employer_id == e.id] for e in employers}
    return render_template("employer/index.html", employers=employers, by_employer=by_employer)
