"""The lead's planning screen: plan a day, see the lists on a map, move and reorder doors,
lock and publish; and the printable walk sheet."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Response, flash, jsonify, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from eteams.documents import walk_sheet
from eteams.extensions import db
from eteams.models import Campaign, WalkList
from eteams.models.enums import JobKind, WalkListStatus
from eteams.permissions import Permission
from eteams.routes.helpers import (
    NotADay,
    asked_day,
    day_to_show,
    db_int,
    get_visible_or_404,
    not_a_day_message,
)
from eteams.routes.lead import bp, plan_day
from eteams.routes.lead import jobs as lead_jobs
from eteams.security import requires
from eteams.services import clock, planning, walklists
from eteams.services.errors import Conflict, ValidationError
from eteams.services.list_colours import ink, list_colour


def _day() -> dt.date:
    """The day asked for; today when none, or (with a message) when it is no day."""
    return day_to_show(request.args.get("date"), clock.today(), _("Showing today."))


def _lists(campaign_id: int, day: dt.date) -> list[WalkList]:
    return plan_day.day_lists(campaign_id, day)


@bp.route("/campaigns/<int:campaign_id>/plan", methods=["GET", "POST"])
@requires(Permission.CAMPAIGNS_WRITE)
def plan(campaign_id: int) -> Any:
    campaign = get_visible_or_404(Campaign, campaign_id)
    if request.method == "POST":
        try:  # the form's own day, always: a mistyped or missing day never plans today
            day = asked_day(request.form.get("date"), None)
        except NotADay:
            return _render_plan(campaign, clock.today(), [not_a_day_message()], 422)
        return _run_plan(campaign, day)
    return _render_plan(campaign, _day())


def _render_plan(
    campaign: Campaign, day: dt.date, errors: list[str] | None = None, status: int = 200
) -> Any:
    return plan_day.render_plan(campaign, day, errors, status)


def _run_plan(campaign: Campaign, day: dt.date) -> Any:
    """Check the request here (errors beside the form), plan in a background job."""
    shift_ids = request.form.getlist("shift_ids", type=db_int)
    doors_per_hour = request.form.get("doors_per_hour", type=db_int) or 0
    try:
        planning.check_plan(db.session, campaign, day, shift_ids or None, doors_per_hour)
    except ValidationError as error:
        db.session.rollback()
        return _render_plan(campaign, day, [m for msgs in error.fields.values() for m in msgs], 422)
    params = {"shift_ids": shift_ids, "doors_per_hour": doors_per_hour}
    return lead_jobs.start(JobKind.PLAN, campaign_id=campaign.id, day=day, params=params)


@bp.route("/campaigns/<int:campaign_id>/plan.json")
@requires(Permission.CAMPAIGNS_READ)
def plan_data(campaign_id: int) -> Any:
    """The day's lists for the map (stops in order, each list's colour, number and meeting
    point) and the doors not planned; no household data."""
    campaign = get_visible_or_404(Campaign, campaign_id)
    day = _day()
    lists = _lists(campaign.id, day)
    logged = planning.outcomes_on_lists(db.session, [wl.id for wl in lists])
    on_lists = {s.address_id for wl in lists for s in wl.stops}
    eligible = planning.eligible_doors(db.session, campaign.id, day) if lists else []
    return jsonify(
        lists=[
            {
                "id": wl.id,
                "number": n,
                "colour": list_colour(n),
                "ink": ink(list_colour(n)),
                "team": wl.shift.team.name,
                "start": [wl.shift.meeting_lat, wl.shift.meeting_lon],
                "meeting_point": wl.shift.meeting_point,
                "stops": [
                    {"seq": s.seq, "label": f"{s.address.street} {s.address.house_label}",
                     "lat": s.address.lat, "lon": s.address.lon, "address_id": s.address_id,
                     "outcome": logged.get((wl.id, s.address_id))}
                    for s in wl.stops if s.address.lat is not None
                ],
            }
            for n, wl in enumerate(lists, start=1)
        ],
        unplanned=[
            {"label": f"{c.address.street} {c.address.house_label}", "lat": c.address.lat,
             "lon": c.address.lon, "address_id": c.address.id}
            for c in eligible if c.address.id not in on_lists and c.address.lat is not None
        ],
    )  # fmt: skip


@bp.route("/walklists/<int:walk_list_id>/change", methods=["POST"])
@requires(Permission.CAMPAIGNS_WRITE)
def change_walk_list(walk_list_id: int) -> Any:
    """Keyboard-friendly edits: up, down, move to another list, lock, publish."""
    walk_list = get_visible_or_404(WalkList, walk_list_id)
    try:
        _apply(walk_list, request.form)
    except Conflict as error:
        db.session.rollback()
        flash(str(error), "error")
    except ValidationError as error:
        db.session.rollback()
        flash(" ".join(m for msgs in error.fields.values() for m in msgs), "error")
    else:
        db.session.commit()
        done = LIST_ACTIONS_DONE.get(request.form.get("action", ""))
        if done is not None:
            flash(str(done), "success")
    anchor = f"#list-{walk_list.id}"
    return redirect(url_for("lead.plan", campaign_id=walk_list.campaign_id, open=walk_list.id,
                            date=walk_list.date.isoformat()) + anchor)  # fmt: skip


LIST_ACTIONS_DONE = {
    "lock": _l("The list is locked."),
    "unlock": _l("The list is unlocked."),
    "publish": _l("The list is published: the team sees it on the tablet."),
    "unpublish": _l("The list is back to draft: the team no longer sees it."),
}


def _apply(walk_list: WalkList, form: Any) -> None:
    version = form.get("version", type=db_int)
    if version is None:  # a list's button on the day's planning form names its own version
        version = form.get(f"version-{walk_list.id}", type=db_int)
    action = form.get("action", "")
    order = [s.address_id for s in walk_list.stops]
    address_id = form.get("address_id", type=db_int)
    change = walklists.WalkListChange(version=version if version is not None else -1)
    if action in ("up", "down") and address_id in order:
        at = order.index(address_id)
        to = max(0, at - 1) if action == "up" else min(len(order) - 1, at + 1)
        order.insert(to, order.pop(at))
        change = walklists.WalkListChange(version=change.version, stops=order)
    elif action == "move" and address_id in order:
        # The day's door form's own rules: a flat's whole entrance moves, room is a warning.
        from eteams.services.plan_changes import ChangeError, Door, change_doors

        target = get_visible_or_404(WalkList, form.get("to_list", type=db_int))
        try:
            change_doors(db.session, walk_list.campaign_id, walk_list.date,
                         [Door(walk_list.id, address_id)], "move",
                         versions={walk_list.id: change.version, target.id: target.version},
                         to_list=target.id, actor_id=current_user.id)  # fmt: skip
        except ChangeError as error:
            if error.stale:
                raise Conflict(error.message) from None
            raise ValidationError({"stops": [error.message]}) from None
        return
    elif action in ("lock", "unlock"):
        change = walklists.WalkListChange(version=change.version, locked=action == "lock")
    elif action in ("publish", "unpublish"):
        status = WalkListStatus.PUBLISHED if action == "publish" else WalkListStatus.DRAFT
        change = walklists.WalkListChange(version=change.version, status=status)
    walklists.change_walk_list(db.session, walk_list, change, actor_id=current_user.id)


@bp.route("/walklists/<int:walk_list_id>/sheet.pdf")
@requires(Permission.CAMPAIGNS_READ)
def walk_sheet_pdf(walk_list_id: int) -> Any:
    walk_list = get_visible_or_404(WalkList, walk_list_id)
    pdf = walk_sheet.render(walklists.walk_sheet_data(walk_list))
    filename = f"looproute-{walk_list.date.isoformat()}-{walk_list.id}.pdf"
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
