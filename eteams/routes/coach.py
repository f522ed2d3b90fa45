"""The coach's tablet pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, render_template
from flask_login import current_user

from eteams.extensions import db
from eteams.permissions import Permission
from eteams.security import requires
from eteams.services import shifts

bp = Blueprint("coach", __name__, url_prefix="/coach")


@bp.route("/")
@requires(Permission.OWN_WALK_LISTS)
def index() -> Any:
    coming = shifts.coming_shifts(db.session, current_user.employee_id, date.today())
    return render_template("coach/index.html", employee=current_user.employee, shifts=coming)
