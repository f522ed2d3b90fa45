"""/employers, /employees and /teams: list, create, read, update — each scoped to the caller."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import marshmallow as ma
from flask import Response, request
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_smorest import Blueprint
from sqlalchemy import or_

from eteams.documents import placement_report as placement_document
from eteams.extensions import db
from eteams.models import Employee, Employer, Team
from eteams.models.enums import ContractType, EndReason, LearningRoute, Role, TargetGroup
from eteams.permissions import Permission
from eteams.routes.api.pagination import PageArgs, paginate
from eteams.routes.api.schemas import (
    ContractChangeSchema,
    Day,
    EmployeePatchSchema,
    EmployeeQuerySchema,
    EmployeeSchema,
    EmployerPatchSchema,
    EmployerSchema,
    TeamSchema,
    TrainingRecordSchema,
    changed_read_only,
)
from eteams.security import requires
from eteams.services import audit, clock, placement, scoping
from eteams.services import employers as employer_service
from eteams.services import teams as team_service
from eteams.services.errors import NotFound, ValidationError

employers_bp = Blueprint("api_employers", __name__, description="Hiring employers")
employees_bp = Blueprint("api_employees", __name__, description="Hired employees")
teams_bp = Blueprint("api_teams", __name__, description="E-teams")
blueprints = [employers_bp, employees_bp, teams_bp]


def _get(model: type, object_id: int) -> Any:
    return scoping.get_visible(db.session, model, object_id, current_user)


def _refuse_read_only(schema: ma.Schema, obj: object) -> None:
    """A read-only field sent back as read is fine; sent with another value it is refused
    (422 naming it), never dropped without a word (a PATCH with ``contract_changes`` did)."""
    found = changed_read_only(schema, request.get_json(silent=True), schema.dump(obj))
    if found:
        raise ValidationError(found)


# --- employers ---------------------------------------------------------------------------


@employers_bp.route("/employers", methods=["GET"])
@requires(Permission.EMPLOYERS_READ)
@employers_bp.arguments(PageArgs, location="query")
@employers_bp.response(200, EmployerSchema(many=True))
def list_employers(page: dict[str, int]):  # noqa: ANN201
    stmt = scoping.visible(Employer, current_user).order_by(Employer.name)
    return paginate(stmt, page)


@employers_bp.route("/employers", methods=["POST"])
@requires(Permission.EMPLOYERS_WRITE)
@employers_bp.arguments(EmployerSchema)
@employers_bp.response(201, EmployerSchema)
def create_employer(data: dict[str, Any]):  # noqa: ANN201
    employer = employer_service.save_employer(
        db.session, employer_service.EmployerData(**data), None, current_user.id
    )
    db.session.commit()
    return employer


@employers_bp.route("/employers/<int:employer_id>", methods=["GET"])
@requires(Permission.EMPLOYERS_READ)
@employers_bp.response(200, EmployerSchema)
def get_employer(employer_id: int):  # noqa: ANN201
    return _get(Employer, employer_id)


class PlacementPeriodSchema(ma.Schema):
    """``?from=&to=``, both included; without them: this year up to today."""

    start = Day(data_key="from", load_default=None)
    end = Day(data_key="to", load_default=None)
    lang = ma.fields.String(
        load_default="nl", validate=ma.validate.OneOf(["nl", "en"]),
        metadata={"description": "the CSV's language: nl (default) or en; the PDF is Dutch "
                                 "only (lang=en is refused with 422)"},
    )  # fmt: skip
    audience = ma.fields.String(
        data_key="for", load_default=placement.FOR_EMPLOYER,
        validate=ma.validate.OneOf([placement.FOR_EMPLOYER, placement.FOR_MUNICIPALITY]),
        metadata={"description": "employer (default: named, with attendance and sickness) or "
                                 "municipality (no health data)"},
    )  # fmt: skip
    names = ma.fields.String(
        load_default="full", validate=ma.validate.OneOf(["full", "initials"]),
        metadata={"description": "the municipality's version: full names or initials"},
    )  # fmt: skip

    @ma.post_load
    def _period(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        today = clock.today()
        data["end"] = data["end"] or today
        data["start"] = data["start"] or dt.date(data["end"].year, 1, 1)
        if data["start"] > data["end"]:
            raise ma.ValidationError(str(_l("The period starts after it ends.")), field_name="from")
        if (data["end"] - data["start"]).days > 366 * 5:
            raise ma.ValidationError(
                str(_l("Ask for at most five years at a time.")), field_name="to"
            )
        return data


def refuse_partial_for_municipality(audience: str) -> None:
    """A lead sees only the members of their own teams: a partial report, never the one the
    municipality signs off (that covers everyone the employer placed)."""
    if current_user.role is Role.LEAD and audience == placement.FOR_MUNICIPALITY:
        raise ValidationError({"for": [str(_l(
            "The municipality's version covers all of the employer's people: the employer or the "
            "coordinator downloads it."))]})  # fmt: skip


def placement_filename(employer_id: int, period: dict[str, Any], kind: str) -> str:
    """Each version its own name: "plaatsing-3-gemeente-initialen-20260101-20261130-en.csv"."""
    who = "-gemeente" if period["audience"] == placement.FOR_MUNICIPALITY else ""
    if who and period.get("names") == "initials":
        who += "-initialen"
    lang = "-en" if kind == "csv" and period.get("lang") == "en" else ""
    days = f"{period['start']:%Y%m%d}-{period['end']:%Y%m%d}"
    return f"plaatsing-{employer_id}{who}-{days}{lang}.{kind}"


def _placement(period: dict[str, Any], employer_id: int, kind: str) -> tuple[Any, str]:
    employer = _get(Employer, employer_id)  # another employer's: 404
    refuse_partial_for_municipality(period["audience"])
    report = placement.produce(db.session, employer.id, period["start"], period["end"],
                               audience=period["audience"], initials=period["names"] == "initials",
                               user=current_user)  # fmt: skip
    audit.record(
        db.session, "placement_report_downloaded", actor_id=current_user.id, obj=employer,
        start=period["start"].isoformat(), end=period["end"].isoformat(), format=kind,
        audience=period["audience"], version=report.version,
    )  # fmt: skip
    db.session.commit()
    return report, placement_filename(employer.id, period, kind)


def _download(body: bytes, mimetype: str, filename: str) -> Response:
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store",
    })  # fmt: skip


@employers_bp.route("/employers/<int:employer_id>/placement-report.csv", methods=["GET"])
@requires(Permission.PLACEMENT_REPORTS)
@employers_bp.arguments(PlacementPeriodSchema, location="query")
@employers_bp.response(200, description="semicolon CSV for Dutch spreadsheets, one row a person")
def placement_report_csv(period: dict[str, Any], employer_id: int):  # noqa: ANN201
    report, filename = _placement(period, employer_id, "csv")
    body = placement.report_csv(report, period["lang"]).encode("utf-8")
    return _download(body, "text/csv", filename)


@employers_bp.route("/employers/<int:employer_id>/placement-report.pdf", methods=["GET"])
@requires(Permission.PLACEMENT_REPORTS)
@employers_bp.arguments(PlacementPeriodSchema, location="query")
@employers_bp.response(200, description="the report as PDF, with a chart and the rules appendix")
def placement_report_pdf(period: dict[str, Any], employer_id: int):  # noqa: ANN201
    if period["lang"] != "nl":  # no English PDF exists: say so rather than hand out Dutch
        _get(Employer, employer_id)  # another employer's: 404 first
        raise ValidationError({"lang": [str(_l(
            "The placement report PDF is in Dutch only; the CSV is also in English (lang=en)."
        ))]})  # fmt: skip
    report, filename = _placement(period, employer_id, "pdf")
    with force_locale("nl"):
        pdf = placement_document.render(report)
    return _download(pdf, "application/pdf", filename)


@employers_bp.route("/employers/<int:employer_id>", methods=["PATCH"])
@requires(Permission.EMPLOYERS_WRITE)
@employers_bp.arguments(EmployerPatchSchema(partial=True))
@employers_bp.response(200, EmployerSchema)
def update_employer(data: dict[str, Any], employer_id: int):  # noqa: ANN201
    employer = _get(Employer, employer_id)
    _refuse_read_only(EmployerSchema(), employer)
    current = EmployerSchema().dump(employer)
    current.pop("id")
    merged = employer_service.EmployerData(**{**current, **data})
    employer_service.save_employer(db.session, merged, employer, current_user.id)
    db.session.commit()
    return employer


# --- employees ---------------------------------------------------------------------------


def _employee_data(data: dict[str, Any]) -> employer_service.EmployeeData:
    return employer_service.EmployeeData(
        employer_id=data["employer_id"],
        first_name=data["first_name"],
        last_name=data["last_name"],
        target_group=TargetGroup(data["target_group"]),
        hired_on=data["hired_on"],
        contract_type=ContractType(data["contract_type"]),
        hours_per_week=Decimal(str(data["hours_per_week"])),
        birth_year=data.get("birth_year"),
        status_holder=data.get("status_holder", False),
        ended_on=data.get("ended_on"),
        end_reason=EndReason(data["end_reason"]) if data.get("end_reason") else None,
        doelgroepregister=data.get("doelgroepregister", False),
        language_deficit=data.get("language_deficit", False),
        benefit_since=data.get("benefit_since"),
        learning_route=LearningRoute(data["learning_route"])
        if data.get("learning_route")
        else None,
        evidence_contract=data.get("evidence_contract", False),
        evidence_pay=data.get("evidence_pay", False),
        evidence_target_group=data.get("evidence_target_group", False),
    )


@employees_bp.route("/employees", methods=["GET"])
@requires(Permission.EMPLOYEES_READ)
@employees_bp.arguments(EmployeeQuerySchema, location="query")
@employees_bp.response(200, EmployeeSchema(many=True))
def list_employees(args: dict[str, Any]):  # noqa: ANN201
    employer_id, active_on = args.get("employer_id"), args.get("active_on")
    stmt = scoping.visible(Employee, current_user).order_by(Employee.last_name, Employee.id)
    if employer_id is not None:
        stmt = stmt.where(Employee.employer_id == employer_id)
    if active_on is not None:
        stmt = stmt.where(
            Employee.hired_on <= active_on,
            or_(Employee.ended_on.is_(None), Employee.ended_on >= active_on),
        )
    return paginate(stmt, args)


@employees_bp.route("/employees", methods=["POST"])
@requires(Permission.EMPLOYEES_WRITE)
@employees_bp.arguments(EmployeeSchema)
@employees_bp.response(201, EmployeeSchema)
def create_employee(data: dict[str, Any]):  # noqa: ANN201
    employee = employer_service.save_employee(
        db.session, _employee_data(data), None, current_user.id
    )
    db.session.commit()
    return employee


@employees_bp.route("/employees/<int:employee_id>", methods=["GET"])
@requires(Permission.EMPLOYEES_READ)
@employees_bp.response(200, EmployeeSchema)
def get_employee(employee_id: int):  # noqa: ANN201
    return _get(Employee, employee_id)


@employees_bp.route("/employees/<int:employee_id>", methods=["PATCH"])
@requires(Permission.EMPLOYEES_WRITE)
@employees_bp.arguments(EmployeePatchSchema(partial=True))
@employees_bp.response(200, EmployeeSchema)
def update_employee(data: dict[str, Any], employee_id: int):  # noqa: ANN201
    employee = _get(Employee, employee_id)
    _refuse_read_only(EmployeeSchema(), employee)
    read_only = ("id", "training_records", "contract_changes", "current_contract")
    current = EmployeeSchema(exclude=read_only).dump(employee)
    merged = {**EmployeeSchema(exclude=read_only).load(current), **data}
    employer_service.save_employee(db.session, _employee_data(merged), employee, current_user.id)
    db.session.commit()
    return employee


@employees_bp.route("/employees/<int:employee_id>/training-records", methods=["POST"])
@requires(Permission.EMPLOYEES_WRITE)
@employees_bp.arguments(TrainingRecordSchema)
@employees_bp.response(201, TrainingRecordSchema)
def add_training_record(data: dict[str, Any], employee_id: int):  # noqa: ANN201
    employee = _get(Employee, employee_id)
    record = employer_service.add_training_record(
        db.session, employee, **data, actor_id=current_user.id
    )
    db.session.commit()
    return record


@employees_bp.route("/employees/<int:employee_id>/contract-changes", methods=["POST"])
@requires(Permission.EMPLOYEES_WRITE)
@employees_bp.arguments(ContractChangeSchema)
@employees_bp.response(201, ContractChangeSchema)
def add_contract_change(data: dict[str, Any], employee_id: int):  # noqa: ANN201
    """From a date on, another contract or other hours (a trial placement that became a
    contract). The hiring date's terms are the employee's own fields."""
    employee = _get(Employee, employee_id)
    change = employer_service.add_contract_change(
        db.session, employee, data["starts_on"], ContractType(data["contract_type"]),
        Decimal(str(data["hours_per_week"])), actor_id=current_user.id,
    )  # fmt: skip
    db.session.commit()
    return change


@employees_bp.route(
    "/employees/<int:employee_id>/contract-changes/<int:change_id>", methods=["DELETE"]
)
@requires(Permission.EMPLOYEES_WRITE)
@employees_bp.response(204)
def remove_contract_change(employee_id: int, change_id: int):  # noqa: ANN201
    employee = _get(Employee, employee_id)
    if not any(c.id == change_id for c in employee.contract_changes):
        raise NotFound("ContractChange")
    employer_service.remove_contract_change(db.session, employee, change_id,
                                            actor_id=current_user.id)  # fmt: skip
    db.session.commit()
    return ""


# --- teams -------------------------------------------------------------------------------


def _team_data(data: dict[str, Any]) -> team_service.TeamData:
    km = data.get("max_walk_km")
    return team_service.TeamData(
        name=data["name"],
        lead_user_id=data.get("lead_user_id"),
        members=[team_service.MemberData(**m) for m in data.get("members", [])],
        max_walk_km=Decimal(str(km)) if km is not None else None,
    )


def _team_dump(team: Team) -> dict[str, Any]:
    return {
        "id": team.id,
        "name": team.name,
        "lead_user_id": team.lead_user_id,
        "max_walk_km": float(team.max_walk_km) if team.max_walk_km is not None else None,
        "members": [
            {"employee_id": m.employee_id, "from_date": m.from_date, "to_date": m.to_date}
            for m in team.memberships
        ],
    }


@teams_bp.route("/teams", methods=["GET"])
@requires(Permission.TEAMS_READ)
@teams_bp.arguments(PageArgs, location="query")
@teams_bp.response(200, TeamSchema(many=True))
def list_teams(page: dict[str, int]):  # noqa: ANN201
    teams, headers = paginate(scoping.visible(Team, current_user).order_by(Team.name), page)
    return [_team_dump(t) for t in teams], headers


@teams_bp.route("/teams", methods=["POST"])
@requires(Permission.TEAMS_WRITE)
@teams_bp.arguments(TeamSchema)
@teams_bp.response(201, TeamSchema)
def create_team(data: dict[str, Any]):  # noqa: ANN201
    team = team_service.save_team(db.session, _team_data(data), None, current_user.id)
    db.session.commit()
    return _team_dump(team)


@teams_bp.route("/teams/<int:team_id>", methods=["GET"])
@requires(Permission.TEAMS_READ)
@teams_bp.response(200, TeamSchema)
def get_team(team_id: int):  # noqa: ANN201
    return _team_dump(_get(Team, team_id))


@teams_bp.route("/teams/<int:team_id>", methods=["PUT"])
@requires(Permission.TEAMS_WRITE)
@teams_bp.arguments(TeamSchema)
@teams_bp.response(200, TeamSchema)
def update_team(data: dict[str, Any], team_id: int):  # noqa: ANN201
    team = team_service.save_team(
        db.session, _team_data(data), _get(Team, team_id), current_user.id
    )
    db.session.commit()
    return _team_dump(team)
