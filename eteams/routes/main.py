"""The front door: everyone lands on the page of their role."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, redirect, url_for
from flask_login import current_user
from sqlalchemy import text

from eteams.extensions import db
from eteams.models.enums import Role
from eteams.security import login_required_only, public

bp = Blueprint("main", __name__)

HOME_BY_ROLE = {
    Role.ADMIN: "admin.index",
    Role.LEAD: "lead.index",
    Role.COACH: "coach.index",
    Role.EMPLOYER: "employer.index",
}


@bp.route("/")
@login_required_only
def home() -> Any:
    return redirect(url_for(HOME_BY_ROLE[current_user.role]))


@bp.route("/healthz")
@public
def health() -> Any:
    """For the load balancer: the app answers and reaches its database."""
    db.session.execute(text("SELECT 1"))
    return jsonify(status="ok")
