"""/campaigns and /addresses: neighbourhood actions, their address import, household rights."""

from __future__ import annotations

from typing import Any

from flask import jsonify
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_smorest import Blueprint

from eteams.extensions import db
from eteams.models import Address, Campaign
from eteams.models.enums import Language
from eteams.permissions import Permission
from eteams.routes.api.pagination import PageArgs, paginate, paginate_rows
from eteams.routes.api.schemas import (
    AddressQuerySchema,
    AddressSchema,
    CampaignPatchSchema,
    CampaignSchema,
    ErasedSchema,
    ImportResultSchema,
    ImportUploadSchema,
)
from eteams.security import requires
from eteams.services import addresses, campaigns, importing, privacy, scoping
from eteams.services.addresses import DoorStatus

bp = Blueprint("api_campaigns", __name__, description="Campaigns, addresses and households")
blueprints = [bp]


def _get(model: type, object_id: int) -> Any:
    return scoping.get_visible(db.session, model, object_id, current_user)


def _campaign_data(data: dict[str, Any]) -> campaigns.CampaignData:
    return campaigns.CampaignData(
        name=data["name"],
        municipality=data["municipality"],
        starts_on=data["starts_on"],
        ends_on=data["ends_on"],
        neighbourhood=data.get("neighbourhood", ""),
        letter_language=Language(data.get("letter_language", "nl")),
    )


@bp.route("/campaigns", methods=["GET"])
@requires(Permission.CAMPAIGNS_READ)
@bp.arguments(PageArgs, location="query")
@bp.response(200, CampaignSchema(many=True))
def list_campaigns(page: dict[str, int]):  # noqa: ANN201
    stmt = scoping.visible(Campaign, current_user).order_by(Campaign.starts_on.desc())
    return paginate(stmt, page)


@bp.route("/campaigns", methods=["POST"])
@requires(Permission.CAMPAIGNS_WRITE)
@bp.arguments(CampaignSchema)
@bp.response(201, CampaignSchema)
def create_campaign(data: dict[str, Any]):  # noqa: ANN201
    campaign = campaigns.save_campaign(db.session, _campaign_data(data), None, current_user.id)
    db.session.commit()
    return campaign


@bp.route("/campaigns/<int:campaign_id>", methods=["GET"])
@requires(Permission.CAMPAIGNS_READ)
@bp.response(200, CampaignSchema)
def get_campaign(campaign_id: int):  # noqa: ANN201
    return _get(Campaign, campaign_id)


@bp.route("/campaigns/<int:campaign_id>", methods=["PATCH"])
@requires(Permission.CAMPAIGNS_WRITE)
@bp.arguments(CampaignPatchSchema(partial=True))
@bp.response(200, CampaignSchema)
def update_campaign(data: dict[str, Any], campaign_id: int):  # noqa: ANN201
    campaign = _get(Campaign, campaign_id)
    current = CampaignSchema(exclude=("id",)).dump(campaign)
    merged = {**CampaignSchema(exclude=("id",)).load(current), **data}
    campaigns.save_campaign(db.session, _campaign_data(merged), campaign, current_user.id)
    db.session.commit()
    return campaign


@bp.route("/campaigns/<int:campaign_id>/addresses", methods=["POST"])
@requires(Permission.CAMPAIGNS_WRITE)
@bp.arguments(ImportUploadSchema, location="files")
@bp.response(201, ImportResultSchema)
@bp.alt_response(422, description="nothing imported: {error, message, rows: [{row, messages}]}")
def import_addresses(files: dict[str, Any], campaign_id: int):  # noqa: ANN201
    campaign = _get(Campaign, campaign_id)
    try:
        result = importing.import_addresses(
            db.session, campaign, files["file"].read(), actor_id=current_user.id
        )
    except importing.ImportRejected as rejected:
        db.session.rollback()
        return _rejected(rejected)
    db.session.commit()
    return result


def _rejected(rejected: importing.ImportRejected) -> Any:
    message = "; ".join(rejected.file_problems) or (
        str(_l("%(n)d rows cannot be imported; nothing was imported.", n=rejected.bad_rows))
    )
    response = jsonify(
        error="import_rejected",
        message=message,
        fields={},
        rows=[{"row": p.row, "messages": p.messages} for p in rejected.problems],
    )
    response.status_code = 422
    return response


@bp.route("/campaigns/<int:campaign_id>/addresses", methods=["GET"])
@requires(Permission.CAMPAIGNS_READ)
@bp.arguments(AddressQuerySchema, location="query")
@bp.response(200, AddressSchema(many=True))
def list_addresses(args: dict[str, Any], campaign_id: int):  # noqa: ANN201
    campaign = _get(Campaign, campaign_id)
    status = DoorStatus(args["status"]) if args.get("status") else None
    stmt = addresses.addresses_with_status(campaign.id, status)
    rows, headers = paginate_rows(stmt, args)
    return [_address_dump(row) for row in addresses.as_door_rows(rows)], headers


def _address_dump(row: addresses.DoorRow) -> dict[str, Any]:
    a = row.address
    return {
        **{name: getattr(a, name) for name in ADDRESS_FIELDS},
        "dwelling_type": a.dwelling_type.value if a.dwelling_type else None,
        "energy_label": a.energy_label.value if a.energy_label else None,
        "tenure": a.tenure.value,
        "status": row.status.value,
        "visits": row.visits,
    }


ADDRESS_FIELDS = (
    "id", "campaign_id", "street", "house_number", "house_letter", "house_number_addition",
    "postcode", "city", "lat", "lon", "geocode_source", "building_year", "entrance_key",
    "do_not_visit",
)  # fmt: skip


@bp.route("/addresses/<int:address_id>", methods=["GET"])
@requires(Permission.CAMPAIGNS_READ)
@bp.response(200, AddressSchema)
def get_address(address_id: int):  # noqa: ANN201
    address = _get(Address, address_id)
    stmt = addresses.addresses_with_status(address.campaign_id).where(Address.id == address.id)
    return _address_dump(addresses.door_rows(db.session, stmt)[0])


@bp.route("/addresses/<int:address_id>/export", methods=["GET"])
@requires(Permission.PRIVACY_MANAGE)
@bp.response(200)
def export_address(address_id: int):  # noqa: ANN201
    address = _get(Address, address_id)
    export = privacy.export_household(db.session, address, actor_id=current_user.id)
    db.session.commit()
    return export


@bp.route("/addresses/<int:address_id>/erase", methods=["POST"])
@requires(Permission.PRIVACY_MANAGE)
@bp.response(200, ErasedSchema)
def erase_address(address_id: int):  # noqa: ANN201
    address = _get(Address, address_id)
    privacy.erase_household(db.session, address, current_user.id)
    db.session.commit()
    return {"erased": True}
