"""/users: the admin manages logins (list, create, read, update)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_smorest import Blueprint

from eteams.extensions import db
from eteams.models import User
from eteams.models.enums import Language, Role
from eteams.permissions import Permission
from eteams.routes.api.pagination import PageArgs, paginate
from eteams.routes.api.schemas import UserCreateSchema, UserPatchSchema
from eteams.security import requires
from eteams.services import accounts, scoping
from eteams.services.errors import ValidationError

bp = Blueprint("api_users", __name__, description="Logins and their roles (admin only)")
blueprints = [bp]


@bp.route("/users", methods=["GET"])
@requires(Permission.USERS_MANAGE)
@bp.arguments(PageArgs, location="query")
@bp.response(200, UserCreateSchema(many=True))
def list_users(page: dict[str, int]):  # noqa: ANN201
    return paginate(scoping.visible(User, current_user).order_by(User.email), page)


@bp.route("/users", methods=["POST"])
@requires(Permission.USERS_MANAGE)
@bp.arguments(UserCreateSchema)
@bp.response(201, UserCreateSchema)
def create_user(data: dict[str, Any]):  # noqa: ANN201
    data.pop("active")
    user = accounts.create_user(
        db.session,
        **{**data, "role": Role(data["role"]), "locale": Language(data["locale"])},
        actor_id=current_user.id,
    )
    db.session.commit()
    return user


@bp.route("/users/<int:user_id>", methods=["GET"])
@requires(Permission.USERS_MANAGE)
@bp.response(200, UserCreateSchema)
def get_user(user_id: int):  # noqa: ANN201
    return scoping.get_visible(db.session, User, user_id, current_user)


@bp.route("/users/<int:user_id>", methods=["PATCH"])
@requires(Permission.USERS_MANAGE)
@bp.arguments(UserPatchSchema(partial=True))
@bp.response(200, UserCreateSchema)
def update_user(data: dict[str, Any], user_id: int):  # noqa: ANN201
    user = scoping.get_visible(db.session, User, user_id, current_user)
    role = Role(data.get("role", user.role))
    active = data.get("active", user.active)
    if user.id == current_user.id and (role is not Role.ADMIN or not active):
        raise ValidationError({"role": [str(_l("You cannot take away your own admin rights."))]})
    accounts.update_user(
        db.session,
        user,
        email=data.get("email", user.email),
        role=role,
        active=active,
        employer_id=data.get("employer_id", user.employer_id),
        employee_id=data.get("employee_id", user.employee_id),
        locale=Language(data.get("locale", user.locale)),
        password=data.get("password"),
        actor_id=current_user.id,
    )
    db.session.commit()
    return user
