"""Campaigns: create and edit, the address list with filters, the map and geocoding."""

from __future__ import annotations

import math
from typing import Any

from flask import abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from eteams.extensions import db
from eteams.forms.campaigns import CampaignForm
from eteams.models import Address, Campaign
from eteams.models.enums import JobKind, Language
from eteams.permissions import Permission
from eteams.routes.helpers import db_int, get_visible_or_404, show_errors
from eteams.routes.lead import bp
from eteams.routes.lead import jobs as lead_jobs
from eteams.security import requires
from eteams.services import addresses, campaigns, geocoding, scoping
from eteams.services.addresses import DoorStatus
from eteams.services.errors import ValidationError

PER_PAGE = 50
MAX_PAGE = 100_000  # a page number beyond this is a typo; SQLite cannot even hold the offset


@bp.route("/campaigns")
@requires(Permission.CAMPAIGNS_READ)
def campaign_list() -> Any:
    counts = (
        select(Address.campaign_id, func.count(Address.id).label("n"))
        .group_by(Address.campaign_id)
        .subquery()
    )
    stmt = (
        scoping.visible(Campaign, current_user)
        .add_columns(func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.campaign_id == Campaign.id)
        .order_by(Campaign.starts_on.desc())
    )
    return render_template("lead/campaigns.html", rows=db.session.execute(stmt).all())


@bp.route("/campaigns/new", methods=["GET", "POST"])
@bp.route("/campaigns/<int:campaign_id>/edit", methods=["GET", "POST"])
@requires(Permission.CAMPAIGNS_WRITE)
def campaign_form(campaign_id: int | None = None) -> Any:
    campaign = get_visible_or_404(Campaign, campaign_id) if campaign_id else None
    form = CampaignForm(obj=campaign)
    if form.validate_on_submit():
        data = campaigns.CampaignData(
            name=form.name.data,
            municipality=form.municipality.data,
            starts_on=form.starts_on.data,
            ends_on=form.ends_on.data,
            neighbourhood=form.neighbourhood.data or "",
            letter_language=Language(form.letter_language.data),
        )
        try:
            saved = campaigns.save_campaign(db.session, data, campaign, current_user.id)
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Campaign saved."), "success")
            return redirect(url_for("lead.campaign", campaign_id=saved.id))
    title = _("Edit campaign") if campaign else _("New campaign")
    back = url_for("lead.campaign_list")
    return render_template("admin/form.html", form=form, title=title, back=back)


@bp.route("/campaigns/<int:campaign_id>")
@requires(Permission.CAMPAIGNS_READ)
def campaign(campaign_id: int) -> Any:
    campaign = get_visible_or_404(Campaign, campaign_id)
    status = _status_arg()
    page = min(max(1, request.args.get("page", 1, type=db_int)), MAX_PAGE)
    stmt = addresses.addresses_with_status(campaign.id, status)
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    rows = addresses.door_rows(db.session, stmt.limit(PER_PAGE).offset((page - 1) * PER_PAGE))
    return render_template(
        "lead/campaign.html",
        campaign=campaign,
        rows=rows,
        counts=addresses.status_counts(db.session, campaign.id),
        status=status,
        page=page,
        pages=max(1, math.ceil(total / PER_PAGE)),
        total=total,
        unplaced=_unplaced_count(campaign.id),
        pending=_pending_count(campaign.id),
        geocoder=current_app.config["GEOCODER"],
    )


def _status_arg() -> DoorStatus | None:
    value = request.args.get("status")
    if not value:
        return None
    try:
        return DoorStatus(value)
    except ValueError:
        abort(404)


def _unplaced_count(campaign_id: int) -> int:
    return db.session.scalar(
        select(func.count(Address.id)).where(
            Address.campaign_id == campaign_id,
            Address.lat.is_(None),
            Address.geocode_attempted_at.is_not(None),
        )
    )


def _pending_count(campaign_id: int) -> int:
    stmt = geocoding.pending_addresses(campaign_id).order_by(None).subquery()
    return db.session.scalar(select(func.count()).select_from(stmt))


@bp.route("/campaigns/<int:campaign_id>/geocode", methods=["POST"])
@requires(Permission.CAMPAIGNS_WRITE)
def geocode(campaign_id: int) -> Any:
    """Geocoding the campaign is a background job: this page may be closed meanwhile."""
    campaign = get_visible_or_404(Campaign, campaign_id)
    if geocoding.lookup_from_config(current_app.config) is None:
        flash(_("No geocoder is configured: coordinates must come in the address file."), "error")
        return redirect(url_for("lead.campaign", campaign_id=campaign.id))
    retry = request.form.get("retry") == "1"
    total = _pending_count(campaign.id) + (_unplaced_count(campaign.id) if retry else 0)
    return lead_jobs.start(JobKind.GEOCODE, campaign_id=campaign.id, params={"retry": retry},
                           total=total)  # fmt: skip


@bp.route("/campaigns/<int:campaign_id>/unplaced")
@requires(Permission.CAMPAIGNS_READ)
def unplaced(campaign_id: int) -> Any:
    campaign = get_visible_or_404(Campaign, campaign_id)
    rows = db.session.scalars(
        select(Address)
        .where(
            Address.campaign_id == campaign.id,
            Address.lat.is_(None),
            Address.geocode_attempted_at.is_not(None),
        )
        .order_by(Address.street, Address.house_number)
    ).all()
    return render_template("lead/unplaced.html", campaign=campaign, rows=rows)


@bp.route("/campaigns/<int:campaign_id>/map")
@requires(Permission.CAMPAIGNS_READ)
def campaign_map(campaign_id: int) -> Any:
    campaign = get_visible_or_404(Campaign, campaign_id)
    return render_template("lead/map.html", campaign=campaign, statuses=list(DoorStatus))


@bp.route("/campaigns/<int:campaign_id>/map.json")
@requires(Permission.CAMPAIGNS_READ)
def campaign_map_data(campaign_id: int) -> Any:
    """GeoJSON of the doors: where, and where each stands. No household data."""
    campaign = get_visible_or_404(Campaign, campaign_id)
    stmt = addresses.addresses_with_status(campaign.id).where(Address.lat.is_not(None))
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row.address.lon, row.address.lat]},
            "properties": {
                "label": f"{row.address.street} {row.address.house_label}",
                "status": row.status.value,
                "url": url_for("lead.household", address_id=row.address.id),
            },
        }
        for row in addresses.door_rows(db.session, stmt)
    ]
    return jsonify(type="FeatureCollection", features=features)
