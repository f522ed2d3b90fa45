"""Find a door: a resident calls about "Damstraat 9", the lead finds it in every campaign.

The search is posted, never put in the address bar: an address with its visits is personal
data, and a URL ends up in logs and browser histories."""

from __future__ import annotations

from typing import Any

from flask import render_template, request
from flask_login import current_user
from sqlalchemy import select

from eteams.extensions import db
from eteams.models import Address, Campaign
from eteams.permissions import Permission
from eteams.routes.lead import bp
from eteams.security import requires
from eteams.services import addresses, scoping

MAX_RESULTS = 100


@bp.route("/search", methods=["GET", "POST"])
@requires(Permission.CAMPAIGNS_READ)
def search() -> Any:
    typed = (request.form.get("q") or "").strip()[:200] if request.method == "POST" else ""
    wanted = addresses.parse_search(typed)
    campaign_id = request.form.get("campaign_id", type=int) if request.method == "POST" else None
    rows: list[Any] = []
    campaigns: dict[int, Campaign] = {}
    if not wanted.empty:
        visible = select(Campaign.id).where(scoping.visible_clause(Campaign, current_user))
        if wanted.also is not None and db.session.scalar(  # a street whose name ends in a number
            select(Address.id).where(Address.campaign_id.in_(visible),
                                     addresses.search_condition(wanted.also)).limit(1)
        ):  # fmt: skip
            wanted = wanted.also
        stmt = addresses.addresses_with_status(campaign_id).where(
            Address.campaign_id.in_(visible), addresses.search_condition(wanted)
        )
        rows = addresses.door_rows(db.session, stmt.limit(MAX_RESULTS + 1))
        ids = {row.address.campaign_id for row in rows}
        found = db.session.scalars(select(Campaign).where(Campaign.id.in_(ids)))
        campaigns = {c.id: c for c in found}
    return render_template("lead/search.html", typed=typed, wanted=wanted, rows=rows[:MAX_RESULTS],
                           more=len(rows) > MAX_RESULTS, campaigns=campaigns,
                           campaign_id=campaign_id, limit=MAX_RESULTS)  # fmt: skip
