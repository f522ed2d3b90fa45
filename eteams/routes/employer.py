"""The employer's HR contact: their own employer and employees, nothing else."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy.orm import selectinload

from eteams.extensions import db
from eteams.models import Employer
from eteams.permissions import Permission
from eteams.security import requires
from eteams.services import scoping

bp = Blueprint("employer", __name__, url_prefix="/employer")


@bp.route("/")
@requires(Permission.PLACEMENT_REPORTS)
def index() -> Any:
    stmt = (
        scoping.visible(Employer, current_user)
        .options(selectinload(Employer.employees))
        .order_by(Employer.name)
    )
    return render_template("employer/index.html", employers=db.session.scalars(stmt).all())
