"""The lead's start page: their teams."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import render_template
from flask_login import current_user
from sqlalchemy.orm import selectinload

from eteams.extensions import db
from eteams.models import Team, TeamMembership
from eteams.permissions import Permission
from eteams.routes.lead import bp
from eteams.security import requires
from eteams.services import scoping


@bp.route("/")
@requires(Permission.CAMPAIGNS_READ)
def index() -> Any:
    stmt = (
        scoping.visible(Team, current_user)
        .options(selectinload(Team.memberships).selectinload(TeamMembership.employee))
        .order_by(Team.name)
    )
    teams = db.session.scalars(stmt).all()
    return render_template("lead/index.html", teams=teams, today=date.today())
