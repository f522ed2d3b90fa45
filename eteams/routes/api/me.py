"""GET /api/v1/me: who am I, and in which role."""

from __future__ import annotations

from flask_login import current_user
from flask_smorest import Blueprint

from eteams.routes.api.schemas import UserSchema
from eteams.security import login_required_only

bp = Blueprint("api_me", __name__, description="The signed-in user")
blueprints = [bp]


@bp.route("/me", methods=["GET"])
@login_required_only
@bp.response(200, UserSchema)
def me():  # noqa: ANN201
    return current_user
