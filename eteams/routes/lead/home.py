"""The lead's start page: their teams, today's progress and signals when data look wrong."""

from __future__ import annotations

from typing import Any

from flask import render_template
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from eteams.documents import charts
from eteams.extensions import db
from eteams.models import Campaign, Team, TeamMembership
from eteams.permissions import Permission
from eteams.routes.lead import bp
from eteams.security import requires
from eteams.services import clock, progress, reviews, scoping


@bp.route("/")
@requires(Permission.CAMPAIGNS_READ)
def index() -> Any:
    stmt = (
        scoping.visible(Team, current_user)
        .options(selectinload(Team.memberships).selectinload(TeamMembership.employee))
        .order_by(Team.name)
    )
    teams = db.session.scalars(stmt).all()
    today = clock.today()
    days = progress.team_days(db.session, list(teams), today)
    chart = None
    if any(d.planned or d.visited for d in days):
        chart = charts.svg_data_uri(charts.bar_chart(
            [d.team_name for d in days],
            [(_("Doors planned"), [d.planned for d in days]),
             (_("Doors done"), [d.visited for d in days]),
             (_("Conversations"), [d.conversations for d in days])],
            width=640,
        ))  # fmt: skip
    celebrate = progress.milestones(db.session, list(teams), today)
    campaign_ids = list(db.session.scalars(scoping.visible(Campaign, current_user)
                                           .with_only_columns(Campaign.id)))  # fmt: skip
    campaigns_today = progress.campaign_days(db.session, campaign_ids, today)
    return render_template("lead/index.html", teams=teams, today=today, days=days, chart=chart,
                           milestones=celebrate, campaigns_today=campaigns_today,
                           to_check=reviews.open_count(db.session, current_user),
                           week=progress.team_week(db.session, list(teams), today))  # fmt: skip
