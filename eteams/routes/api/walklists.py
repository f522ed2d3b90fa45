"""Plans and walk lists: POST /campaigns/<id>/plans, GET/PATCH /walklists."""

from __future__ import annotations

from typing import Any

from flask import current_app, jsonify
from flask_login import current_user
from flask_smorest import Blueprint

from eteams.extensions import db
from eteams.models import Campaign, WalkList
from eteams.models.base import utcnow
from eteams.models.enums import Role, WalkListStatus
from eteams.permissions import Permission
from eteams.routes.api.pagination import paginate
from eteams.routes.api.schemas import (
    PlanRequestSchema,
    PlanResultSchema,
    WalkListPatchSchema,
    WalkListQuerySchema,
    WalkListSchema,
)
from eteams.security import requires
from eteams.services import planning, scoping, walklists
from eteams.services.errors import Conflict

bp = Blueprint("api_walklists", __name__, description="Walk-list planning and walk lists")
blueprints = [bp]


def walk_list_dump(
    walk_list: WalkList,
    history: dict[int, tuple[int, int]],
    logged: dict[tuple[int, int], str] | None = None,
    own: dict[tuple[int, int], tuple[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "id": walk_list.id,
        "campaign_id": walk_list.campaign_id,
        "shift_id": walk_list.shift_id,
        "date": walk_list.date,
        "status": walk_list.status.value,
        "locked": walk_list.locked,
        "version": walk_list.version,
        "distance_m": walk_list.planned_distance_m,
        "minutes": walk_list.planned_minutes,
        "doors_per_hour": walk_list.doors_per_hour,
        "team": walk_list.shift.team.name,
        "start": walk_list.shift.start_time.strftime("%H:%M"),
        "end": walk_list.shift.end_time.strftime("%H:%M"),
        "meeting_point": walk_list.shift.meeting_point,
        "stops": [
            {
                **_stop(s, history),
                "outcome": (logged or {}).get((walk_list.id, s.address_id)),
                **_own_visit((own or {}).get((walk_list.id, s.address_id))),
            }
            for s in walk_list.stops
        ],
    }


def _own_visit(own: tuple[str, Any] | None) -> dict[str, Any]:
    """The coach's own visit at the door, which their other tablet may correct."""
    uuid, visited_at = own or (None, None)
    return {"visit_uuid": uuid, "visit_visited_at": visited_at}


def _stop(stop: Any, history: dict[int, tuple[int, int]]) -> dict[str, Any]:
    a = stop.address
    visits, not_home = history.get(a.id, (0, 0))
    return {
        "address_id": a.id,
        "seq": stop.seq,
        "label": f"{a.street} {a.house_label}",
        "postcode": a.postcode,
        "lat": a.lat,
        "lon": a.lon,
        "dwelling_type": a.dwelling_type.value if a.dwelling_type else None,
        "building_year": a.building_year,
        "energy_label": a.energy_label.value if a.energy_label else None,
        "entrance_key": a.entrance_key,
        "visits_before": visits,
        "not_home_before": not_home,
    }


def _dump_all(lists: list[WalkList]) -> list[dict[str, Any]]:
    ids = [s.address_id for wl in lists for s in wl.stops]
    history = planning.door_history(db.session, ids)
    ids = [wl.id for wl in lists]
    logged = planning.outcomes_on_lists(db.session, ids)
    own = planning.own_visits_on_lists(db.session, current_user.id, ids, utcnow())
    return [walk_list_dump(wl, history, logged, own) for wl in lists]


@bp.route("/campaigns/<int:campaign_id>/plans", methods=["POST"])
@requires(Permission.CAMPAIGNS_WRITE)
@bp.arguments(PlanRequestSchema)
@bp.response(201, PlanResultSchema)
def create_plan(data: dict[str, Any], campaign_id: int):  # noqa: ANN201
    campaign = scoping.get_visible(db.session, Campaign, campaign_id, current_user)
    outcome = planning.plan_day(
        db.session, campaign, data["date"], data.get("shift_ids"), data["doors_per_hour"],
        max_seconds=current_app.config["PLAN_MAX_SECONDS"], actor_id=current_user.id,
    )  # fmt: skip
    db.session.commit()
    return {
        "walklists": _dump_all(outcome.walk_lists),
        "unplanned": outcome.unplanned,
        "kept": [wl.id for wl in outcome.kept],
    }


@bp.route("/walklists", methods=["GET"])
@requires(Permission.WALK_LISTS_READ)
@bp.arguments(WalkListQuerySchema, location="query")
@bp.response(200, WalkListSchema(many=True))
def list_walk_lists(args: dict[str, Any]):  # noqa: ANN201
    stmt = scoping.visible(WalkList, current_user).order_by(WalkList.date, WalkList.id)
    if args.get("date"):
        stmt = stmt.where(WalkList.date == args["date"])
    if args.get("campaign"):
        stmt = stmt.where(WalkList.campaign_id == args["campaign"])
    lists, headers = paginate(stmt, args)
    dumped = _dump_all(lists)
    _note_coach_downloads(lists)
    return dumped, headers


@bp.route("/walklists/<int:walk_list_id>", methods=["GET"])
@requires(Permission.WALK_LISTS_READ)
@bp.response(200, WalkListSchema)
def get_walk_list(walk_list_id: int):  # noqa: ANN201
    walk_list = scoping.get_visible(db.session, WalkList, walk_list_id, current_user)
    dumped = _dump_all([walk_list])[0]
    _note_coach_downloads([walk_list])
    return dumped


def _note_coach_downloads(lists: list[WalkList]) -> None:
    if current_user.role is Role.COACH:
        walklists.note_downloads(db.session, current_user, lists)
        db.session.commit()


@bp.route("/walklists/<int:walk_list_id>", methods=["PATCH"])
@requires(Permission.CAMPAIGNS_WRITE)
@bp.arguments(WalkListPatchSchema)
@bp.response(200, WalkListSchema)
@bp.alt_response(409, description="the version is stale: someone else changed the list")
def patch_walk_list(data: dict[str, Any], walk_list_id: int):  # noqa: ANN201
    walk_list = scoping.get_visible(db.session, WalkList, walk_list_id, current_user)
    change = walklists.WalkListChange(
        version=data["version"],
        stops=data.get("stops"),
        status=WalkListStatus(data["status"]) if data.get("status") else None,
        locked=data.get("locked"),
        over_capacity=data.get("over_capacity", False),
    )
    walklists.change_walk_list(db.session, walk_list, change, actor_id=current_user.id)
    db.session.commit()
    return _dump_all([walk_list])[0]


def conflict_response(error: Conflict) -> Any:
    response = jsonify(error="conflict", message=str(error), fields={})
    response.status_code = 409
    return response
