"""PUT /visits/<uuid> (idempotent), GET /visits, and the catalogue the coach's form needs."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from typing import Any

from flask_login import current_user
from flask_smorest import Blueprint
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from eteams.extensions import db
from eteams.models import FinancingOption, Measure, Visit
from eteams.models.enums import ConsentKind, Interest, Outcome
from eteams.permissions import Permission
from eteams.routes.api import in_reach
from eteams.routes.api.pagination import PageArgs, paginate
from eteams.routes.api.schemas import (
    FinancingOptionSchema,
    MeasureSchema,
    VisitQuerySchema,
    VisitSchema,
)
from eteams.security import requires
from eteams.services import scoping, visits

bp = Blueprint("api_visits", __name__, description="Visits and the catalogue")
blueprints = [bp]


def visit_input(data: dict[str, Any]) -> visits.VisitInput:
    consents = {
        ConsentKind(kind): (value["given"], value["wording_version"])
        for kind, value in (data.get("consents") or {}).items()
    }
    return visits.VisitInput(
        address_id=data["address_id"],
        walk_list_id=data.get("walk_list_id"),
        visited_at=data["visited_at"],
        outcome=Outcome(data["outcome"]),
        household={k: v for k, v in (data.get("household") or {}).items()},
        interests={k: Interest(v) for k, v in data["interests"].items()},
        financing_interest=list(data["financing_interest"]),
        small_measures=dict(data["small_measures"]),
        consents=consents,
        contact=dict(data.get("contact") or {}),
        appointment_at=data.get("appointment_at"),
        follow_up_on=data.get("follow_up_on"),
        notes=data.get("notes"),
        do_not_return=data.get("do_not_return", False),
        client_updated_at=data.get("updated_at"),
    )


def dump_visit(visit: Visit, stale: bool = False) -> dict[str, Any]:
    return {
        "uuid": visit.uuid,
        "address_id": visit.address_id,
        "walk_list_id": visit.walk_list_id,
        "visited_at": visit.visited_at,
        "outcome": visit.outcome.value,
        "household": {n: _plain(getattr(visit, n)) for n in visits.HOUSEHOLD_FIELDS},
        "interests": {i.measure_key: i.level.value for i in visit.interests},
        "financing_interest": [f.financing_key for f in visit.financing_interests],
        "small_measures": {m.measure_key: m.quantity for m in visit.small_measures},
        "consents": {
            c.kind.value: {
                "given": c.given,
                "wording_version": c.wording_version,
                "on_paper": c.on_paper,
            }
            for c in visit.consents
        },
        "contact": {
            "name": visit.contact_name or "",
            "email": visit.contact_email or "",
            "phone": visit.contact_phone or "",
        },  # fmt: skip
        "appointment_at": visit.appointment_at,
        "follow_up_on": visit.follow_up_on,
        "notes": visit.notes,
        "do_not_return": visit.do_not_return,
        "from_paper": visit.from_paper,
        "updated_at": _stored_instant(visit),
        "stale": stale,
    }


def _stored_instant(visit: Visit) -> dt.datetime:
    """The version's instant in UTC: the device's clock it was sent with, else the moment the
    server stored it (never null: a client keeps it to compare versions)."""
    return (visit.client_updated_at or visit.updated_at).astimezone(dt.UTC)


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "value") else value


@bp.route("/visits/<uuid:visit_uuid>", methods=["PUT"])
@requires(Permission.VISITS_CREATE)
@in_reach(Visit, "visit_uuid", column="uuid", may_be_new=True)
@bp.arguments(VisitSchema)
@bp.response(200, VisitSchema)
@bp.alt_response(201, schema=VisitSchema, description="created")
def put_visit(data: dict[str, Any], visit_uuid: uuid_module.UUID):  # noqa: ANN201
    try:
        result = visits.save_visit(db.session, visit_uuid, visit_input(data), current_user)
        db.session.commit()
    except IntegrityError:
        # The same visit arrived a moment earlier through another worker or instance (a
        # tablet retrying while its first answer was lost) and is stored now: this copy is
        # applied to it, as any repeat is. Anything else that breaks a rule fails again here.
        db.session.rollback()
        result = visits.save_visit(db.session, visit_uuid, visit_input(data), current_user)
        db.session.commit()
    return dump_visit(result.visit, result.stale), 201 if result.created else 200


@bp.route("/visits", methods=["GET"])
@requires(Permission.VISITS_CREATE)
@bp.arguments(VisitQuerySchema, location="query")
@bp.response(200, VisitSchema(many=True))
def list_visits(args: dict[str, Any]):  # noqa: ANN201
    stmt = visits.visits_since(
        db.session, scoping.visible(Visit, current_user), args.get("since"), args.get("campaign")
    )
    rows, headers = paginate(stmt, args)
    return [dump_visit(v) for v in rows], headers


@bp.route("/measures", methods=["GET"])
@requires(Permission.CATALOGUE_READ)
@bp.arguments(PageArgs, location="query")
@bp.response(200, MeasureSchema(many=True))
def list_measures(page: dict[str, int]):  # noqa: ANN201
    return paginate(select(Measure).where(Measure.active).order_by(Measure.key), page)


@bp.route("/financing-options", methods=["GET"])
@requires(Permission.CATALOGUE_READ)
@bp.arguments(PageArgs, location="query")
@bp.response(200, FinancingOptionSchema(many=True))
def list_financing_options(page: dict[str, int]):  # noqa: ANN201
    stmt = select(FinancingOption).where(FinancingOption.active).order_by(FinancingOption.key)
    return paginate(stmt, page)
