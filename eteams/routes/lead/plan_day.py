"""The planning screen for a whole day: the overview of every list, filters, the door
actions (move, swap, remove, reorder, with room as a warning the lead may override) and the
day's actions (lock, publish, print every walk sheet)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from eteams.extensions import db
from eteams.models import Campaign, Shift, WalkList, WalkListStop
from eteams.models.enums import ShiftStatus, WalkListStatus
from eteams.permissions import Permission
from eteams.routes.helpers import NotADay, asked_day, db_int, get_visible_or_404
from eteams.routes.lead import bp
from eteams.security import requires
from eteams.services import clock, planning, walklists
from eteams.services.list_colours import ink, list_colour
from eteams.services.plan_changes import UNPLANNED, ChangeError, change_doors, parse_doors, problems

STATES = ("draft", "published", "done", "locked", "problems")


@dataclass
class ListRow:
    """One list on the page: its number and colour on the map, room and what to look at."""

    walk_list: WalkList
    number: int
    colour: str
    ink: str  # the number's colour on it
    room: int
    problems: list[str]


@dataclass
class Trouble:
    """What the last door action left to say: messages beside lists, ticked doors kept."""

    by_list: dict[int, list[str]] = field(default_factory=dict)
    day: list[str] = field(default_factory=list)
    over_capacity: int | None = None  # the list a "move anyway" would overfill
    ticked: set[str] = field(default_factory=set)
    to_list: int | None = None

    @property
    def unplanned_ticked(self) -> bool:
        return any(value.startswith(f"{UNPLANNED}:") for value in self.ticked)


def filters(args: Any) -> dict[str, str]:
    """The page's filters, as typed (the team's name, a state); unknown states are none."""
    state = args.get("state", "")
    return {"team": args.get("team", "")[:80].strip(), "state": state if state in STATES else ""}


def rows(lists: list[WalkList]) -> list[ListRow]:
    out = []
    for n, wl in enumerate(lists, start=1):
        room = planning.capacity(wl.shift, wl.doors_per_hour)
        colour = list_colour(n)
        out.append(ListRow(wl, n, colour, ink(colour), room, problems(wl, room)))
    return out


def shown(all_rows: list[ListRow], wanted: dict[str, str]) -> list[ListRow]:
    team = wanted["team"].casefold()
    state = wanted["state"]

    def keep(row: ListRow) -> bool:
        wl = row.walk_list
        if team and team not in wl.shift.team.name.casefold():
            return False
        if state == "locked":
            return wl.locked
        if state == "problems":
            return bool(row.problems)
        return not state or wl.status.value == state

    return [row for row in all_rows if keep(row)]


def _plan_url(campaign_id: int, day: dt.date, anchor: int | None = None, **wanted: str) -> str:
    url = url_for("lead.plan", campaign_id=campaign_id, date=day.isoformat(), open=anchor,
                  **{k: v for k, v in wanted.items() if v})  # fmt: skip
    return url + (f"#list-{anchor}" if anchor else "")


def _versions(form: Any, list_ids: list[int]) -> dict[int, int]:
    versions = {}
    for list_id in list_ids:
        version = form.get(f"version-{list_id}", type=db_int)
        if version is not None:
            versions[list_id] = version
    return versions


def _order(text: str) -> list[int]:
    """A list's walking order as the page's drag and drop sends it: address ids, commas."""
    parts = [p for p in text.split(",") if p]
    return [int(p) for p in parts if p.isdigit() and int(p) < 2**31][:500]


@bp.route("/campaigns/<int:campaign_id>/plan/doors", methods=["POST"])
@requires(Permission.CAMPAIGNS_WRITE)
def change_doors_of_day(campaign_id: int) -> Any:
    """The ticked doors of the day's lists: move (to a list or back to the unplanned), swap,
    remove, up or down. A refusal comes back beside the list it concerns, doors still ticked."""
    campaign = get_visible_or_404(Campaign, campaign_id)
    try:
        day = asked_day(request.form.get("date"), None)
    except NotADay:
        return redirect(url_for("lead.plan", campaign_id=campaign.id))
    form = request.form
    ticked = form.getlist("door")
    doors = parse_doors(ticked)
    action = form.get("action", "")
    to_list = form.get("to_list", type=db_int)
    list_ids = [int(k.removeprefix("version-")) for k in form if k.startswith("version-")
                and k.removeprefix("version-").isdigit()]  # fmt: skip
    wanted = filters(form)
    try:
        message, at = change_doors(
            db.session, campaign.id, day, doors, action.removesuffix("-anyway"),
            versions=_versions(form, list_ids), to_list=to_list,
            override=action.endswith("-anyway"), order=_order(form.get("order", "")),
            actor_id=current_user.id,
        )  # fmt: skip
    except ChangeError as error:
        db.session.rollback()
        trouble = Trouble(ticked=set(ticked), to_list=to_list)
        if error.list_id is None:
            trouble.day.append(error.message)
        else:
            trouble.by_list[error.list_id] = [error.message]
        if error.over_capacity:
            trouble.over_capacity = error.list_id
        return render_plan(campaign, day, status=409 if error.stale else 422, trouble=trouble)
    db.session.commit()
    flash(message, "success")
    return redirect(_plan_url(campaign.id, day, at, **wanted), code=303)


DAY_ACTIONS = {
    "lock": {"locked": True},
    "unlock": {"locked": False},
    "publish": {"status": WalkListStatus.PUBLISHED},
    "unpublish": {"status": WalkListStatus.DRAFT},
}


# What the lead is told, by action: the count and what happened to those lists.
DONE_MESSAGES = {
    "lock": lambda n: ngettext("%(n)d list locked.", "%(n)d lists locked.", n, n=n),
    "unlock": lambda n: ngettext("%(n)d list unlocked.", "%(n)d lists unlocked.", n, n=n),
    "publish": lambda n: ngettext("%(n)d list published: the teams see it.",
                                  "%(n)d lists published: the teams see them.", n, n=n),
    "unpublish": lambda n: ngettext("%(n)d list back to draft.", "%(n)d lists back to draft.",
                                    n, n=n),
}  # fmt: skip


@bp.route("/campaigns/<int:campaign_id>/plan/all", methods=["POST"])
@requires(Permission.CAMPAIGNS_WRITE)
def change_all_lists(campaign_id: int) -> Any:
    """Lock, unlock, publish or take back every list shown (the day's, or those the
    filter shows); lists that are done stay as they are."""
    campaign = get_visible_or_404(Campaign, campaign_id)
    try:
        day = asked_day(request.form.get("date"), None)
    except NotADay:
        return redirect(url_for("lead.plan", campaign_id=campaign.id))
    wanted = filters(request.form)
    change = DAY_ACTIONS.get(request.form.get("action", ""))
    if change is None:
        flash(_("Choose what to do with the lists."), "error")
        return redirect(_plan_url(campaign.id, day, **wanted), code=303)
    lists = [row.walk_list for row in shown(rows(day_lists(campaign.id, day)), wanted)]
    changed = walklists.change_all(db.session, lists, actor_id=current_user.id, **change)
    db.session.commit()
    if changed:
        flash(str(DONE_MESSAGES[request.form["action"]](changed)), "success")
    else:
        flash(_("No list changed: they already were so, or are done."), "warning")
    return redirect(_plan_url(campaign.id, day, **wanted), code=303)


def day_lists(campaign_id: int, day: dt.date) -> list[WalkList]:
    return list(
        db.session.scalars(
            select(WalkList)
            .where(WalkList.campaign_id == campaign_id, WalkList.date == day)
            .options(
                selectinload(WalkList.stops).selectinload(WalkListStop.address),
                selectinload(WalkList.shift).selectinload(Shift.team),
            )
            .order_by(WalkList.id)
        )
    )


def render_plan(
    campaign: Campaign,
    day: dt.date,
    errors: list[str] | None = None,
    status: int = 200,
    trouble: Trouble | None = None,
) -> Any:
    """The planning screen of one day: the plan form, the overview, the map and the lists."""
    trouble = trouble or Trouble()
    wanted = filters(request.args if request.method == "GET" else request.form)
    shifts = db.session.scalars(
        select(Shift).where(Shift.date == day, Shift.status == ShiftStatus.PLANNED)
        .options(selectinload(Shift.team)).order_by(Shift.start_time, Shift.id)
    ).all()  # fmt: skip
    all_rows = rows(day_lists(campaign.id, day))
    lists = [row.walk_list for row in all_rows]
    eligible = planning.eligible_doors(db.session, campaign.id, day)
    on_lists = {s.address_id for wl in lists for s in wl.stops}
    unplanned = [c.address for c in eligible if c.address.id not in on_lists] if lists else []
    per_hour = current_app.config["DOORS_PER_HOUR"]
    page = render_template(
        "lead/plan.html",
        campaign=campaign,
        day=day,
        past=day < clock.today(),
        shifts=shifts,
        taken=planning.taken_shifts(db.session, campaign.id, [s.id for s in shifts]),
        plan_errors=errors or [],
        all_rows=all_rows,
        rows=shown(all_rows, wanted),
        open_id=request.args.get("open", type=db_int),  # the list just changed: shown open
        wanted=wanted,
        states=STATES,
        trouble=trouble,
        unplanned_id=UNPLANNED,
        doors_per_hour=per_hour,
        eligible=len(eligible),
        unplanned=unplanned,
        logged=planning.outcomes_on_lists(db.session, [wl.id for wl in lists]),
        capacity={s.id: planning.capacity(s, per_hour) for s in shifts},
    )
    return page, status


@bp.route("/campaigns/<int:campaign_id>/plan/<day>/sheets", methods=["POST"])
@requires(Permission.CAMPAIGNS_WRITE)
def all_walk_sheets(campaign_id: int, day: str) -> Any:
    """Every walk sheet of the day (or of the lists the filter shows) in one PDF, each sheet
    starting on a front page, for the printer on a Monday morning. Forty sheets take longer
    to lay out than a request should wait, so a worker makes the file (see lead/jobs.py)."""
    from eteams.models.enums import JobKind
    from eteams.routes.lead.jobs import start

    campaign = get_visible_or_404(Campaign, campaign_id)
    try:
        the_day = asked_day(day, None)
    except NotADay:
        abort(404)
    wanted = filters(request.form)
    lists = [row.walk_list for row in shown(rows(day_lists(campaign.id, the_day)), wanted)]
    if not lists:
        flash(_("There is no walk list to print on this day."), "warning")
        return redirect(_plan_url(campaign.id, the_day, **wanted))
    return start(JobKind.WALK_SHEETS, campaign_id=campaign.id, day=the_day,
                 params={"list_ids": [wl.id for wl in lists]}, total=len(lists))  # fmt: skip
