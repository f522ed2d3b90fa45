"""The coach's tablet pages."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy import select

from eteams.extensions import db
from eteams.models import Shift, Team, TeamMembership
from eteams.models.enums import ShiftStatus
from eteams.permissions import Permission
from eteams.security import requires

bp = Blueprint("coach", __name__, url_prefix="/coach")


@bp.route("/")
@requires(Permission.OWN_WALK_LISTS)
def index() -> Any:
    today = date.today()
    shifts = db.session.scalars(
        select(Shift)
        .join(Team)
        .join(TeamMembership, TeamMembership.team_id == Team.id)
        .where(
            TeamMembership.employee_id == current_user.employee_id,
            TeamMembership.from_date <= Shift.date,
            (TeamMembership.to_date.is_(None)) | (TeamMembership.to_date >= Shift.date),
            Shift.date >= today,
            Shift.date <= today + timedelta(days=7),
            Shift.status == ShiftStatus.PLANNED,
        )
        .order_by(Shift.date, Shift.start_time)
    ).all()
    return render_template(
        "coach/index.html", employee=current_user.employee, shifts=shifts, today=today
    )
