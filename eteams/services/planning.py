"""Walk-list planning: a campaign's doors still to do and the shifts of a day → one list each.

Which doors: never visited; not home fewer than 3 times and not in the last 2 days;
follow-ups that are due; never a door marked do-not-visit or refused. The best doors go
first when there are more doors than the teams can do (follow-ups, never visited, older
dwellings, owner-occupied, poor label); the rest come back as unplanned. Flats behind one
entrance are one stop. Routing itself is PyVRP's, in ``eteams.services.routing``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from sqlalchemy import case, delete, func, select
from sqlalchemy.orm import Session

from eteams.models import Address, Campaign, Shift, Visit, WalkList, WalkListStop
from eteams.models.enums import EnergyLabel, Outcome, ShiftStatus, Tenure, WalkListStatus
from eteams.services import audit, clock, routing
from eteams.services.addresses import never_plan
from eteams.services.errors import ValidationError

MAX_NOT_HOME = 3
REVISIT_AFTER_DAYS = 2
POOR_LABELS = {EnergyLabel.E, EnergyLabel.F, EnergyLabel.G}


@dataclass(frozen=True)
class Candidate:
    address: Address
    never_visited: bool
    follow_up_due: bool


@dataclass
class PlanOutcome:
    walk_lists: list[WalkList]
    unplanned: list[int]
    kept: list[WalkList]
    seconds: float
    no_coordinates: list[int] = field(default_factory=list)  # of ``unplanned``: not on a map yet


def capacity(shift: Shift, doors_per_hour: int) -> int:
    return max(1, math.floor(shift.hours * Decimal(doors_per_hour)))


def eligible_doors(session: Session, campaign_id: int, day: dt.date) -> list[Candidate]:
    """The campaign's doors that may be visited on ``day`` under the revisit rules."""
    not_home = Visit.outcome.in_((Outcome.NOT_HOME, Outcome.NO_ANSWER))
    summary = (
        select(
            Visit.address_id,
            func.count(case((not_home, 1))).label("not_home"),
            func.count(case((Visit.outcome == Outcome.CONVERSATION, 1))).label("talked"),
            func.count(case((Visit.outcome == Outcome.REFUSED, 1))).label("refused"),
            func.max(Visit.visited_at).label("last_visit"),
            func.max(Visit.follow_up_on).label("follow_up_on"),
        )
        .group_by(Visit.address_id)
        .subquery()
    )
    rows = session.execute(
        select(Address, summary.c.not_home, summary.c.talked, summary.c.refused,
               summary.c.last_visit, summary.c.follow_up_on)
        .outerjoin(summary, summary.c.address_id == Address.id)
        .where(Address.campaign_id == campaign_id, ~never_plan())
        .order_by(Address.id)
    )  # fmt: skip
    rest_until = clock.day_start(day - dt.timedelta(days=REVISIT_AFTER_DAYS - 1))
    doors = []
    for address, not_home_count, talked, refused, last_visit, follow_up_on in rows:
        if refused:
            continue
        last = _aware(last_visit)
        due = (follow_up_on is not None and follow_up_on <= day
               and clock.local_day(last) < follow_up_on)  # fmt: skip
        rested = last_visit is None or last < rest_until
        if due or (not talked and (not_home_count or 0) < MAX_NOT_HOME and rested):
            doors.append(Candidate(address, last_visit is None, due))
    return doors


def _aware(value: dt.datetime | None) -> dt.datetime:
    """A stored instant (UTC, aware on both databases), or the beginning of time for none."""
    return dt.datetime.min.replace(tzinfo=dt.UTC) if value is None else value


def prize(candidate: Candidate) -> int:
    """How much a door is worth, in metres of walking the solver will spend to reach it."""
    a = candidate.address
    value = 10_000
    value += 4_000 if candidate.follow_up_due else 0
    value += 3_000 if candidate.never_visited else 0
    value += _age_bonus(a.building_year)
    value += 1_000 if a.tenure is Tenure.OWNER else 0
    value += 1_000 if a.energy_label in POOR_LABELS else 0
    value += 500 if a.energy_label is EnergyLabel.D else 0
    return value


def _age_bonus(building_year: int | None) -> int:
    for before, bonus in ((1945, 1_500), (1975, 1_000), (1992, 500)):
        if building_year is not None and building_year < before:
            return bonus
    return 0


def plan_day(
    session: Session,
    campaign: Campaign,
    day: dt.date,
    shift_ids: list[int] | None = None,
    doors_per_hour: int = 8,
    seconds: float | None = None,
    max_seconds: float = 60,
    iterations: int | None = None,
    *,
    actor_id: int | None,
    release: Callable[[], None] | None = None,
) -> PlanOutcome:
    """Replace the day's draft lists of these shifts with new ones; locked or published
    lists stay as they are and keep their doors. Audited here, for the page, the API and
    the CLI (``actor_id`` None) alike.

    ``release`` (the background job's ``session.commit``) ends the reading transaction
    before the solver runs, so no transaction is open for the solver's seconds (on SQLite
    that would hold the one write lock and stall every sign-in and sync); what changed
    meanwhile is looked at again before the lists are written."""
    shifts = check_plan(session, campaign, day, shift_ids, doors_per_hour)
    kept, to_plan = _kept_and_to_plan(session, campaign.id, day, shifts)
    taken = {s.address_id for wl in kept for s in wl.stops}
    candidates = [c for c in eligible_doors(session, campaign.id, day) if c.address.id not in taken]
    doors, members, unplaced = _doors(candidates)
    teams = _teams(to_plan, doors, doors_per_hour)
    demand = sum(d.demand for d in doors)
    budget = seconds if seconds is not None else routing.time_limit(demand, max_seconds)
    planned_ids = [s.id for s in to_plan]
    if release is not None:
        release()
    result = routing.plan_routes(doors, teams, seconds=budget, iterations=iterations)
    if release is not None:  # a new transaction: the day as it is now
        shifts = check_plan(session, campaign, day, shift_ids, doors_per_hour)
        kept, to_plan = _kept_and_to_plan(session, campaign.id, day, shifts)
    now_taken = {s.address_id for wl in kept for s in wl.stops}
    routes = dict(zip(planned_ids, result.routes, strict=True))
    existing = {wl.shift_id: wl for wl in lists_of_day(session, campaign.id, day)}
    for shift in to_plan:
        if shift.id in routes and shift.id in existing:
            session.delete(existing[shift.id])  # the draft this plan replaces
    session.flush()
    left_out: list[int] = []
    created = []
    for shift in to_plan:
        route = routes.get(shift.id)
        if route is None:  # a shift planned anew meanwhile: it keeps no list from this plan
            continue
        mine = [k for k in route.door_keys if not set(members[k]) & now_taken]
        left_out += [k for k in route.door_keys if k not in mine]
        created.append(_walk_list(session, campaign, shift, replace(route, door_keys=mine),
                                  members, doors_per_hour))  # fmt: skip
    for shift_id, route in routes.items():  # shifts gone or locked meanwhile
        if shift_id not in {s.id for s in to_plan}:
            left_out += list(route.door_keys)
    unplanned = unplaced + [aid for key in [*result.unplanned, *left_out]
                            for aid in members[key] if aid not in now_taken]  # fmt: skip
    audit.record(session, "walk_lists_planned", actor_id=actor_id, obj=campaign,
                 lists=len(created), unplanned=len(unplanned))  # fmt: skip
    return PlanOutcome(created, unplanned, kept, result.seconds, no_coordinates=unplaced)


def _kept_and_to_plan(
    session: Session, campaign_id: int, day: dt.date, shifts: list[Shift]
) -> tuple[list[WalkList], list[Shift]]:
    """The day's lists that stay (locked, published or done) and the shifts to plan anew."""
    existing = lists_of_day(session, campaign_id, day)
    kept = [wl for wl in existing if wl.locked or wl.status is not WalkListStatus.DRAFT]
    return kept, [s for s in shifts if s.id not in {wl.shift_id for wl in kept}]


def check_plan(
    session: Session,
    campaign: Campaign,
    day: dt.date,
    shift_ids: list[int] | None,
    doors_per_hour: int,
) -> list[Shift]:
    """The shifts to plan, or ValidationError: what a request is checked for before its
    planning is handed to a background job, and the job again when it runs."""
    if not 1 <= doors_per_hour <= 30:
        raise ValidationError(
            {"doors_per_hour": [str(_l("Doors per hour must be between 1 and 30."))]}
        )
    shifts = _shifts(session, day, shift_ids)
    _refuse_taken_shifts(session, campaign, shifts)
    return shifts


def _shifts(session: Session, day: dt.date, shift_ids: list[int] | None) -> list[Shift]:
    stmt = select(Shift).where(Shift.date == day, Shift.status == ShiftStatus.PLANNED)
    if shift_ids is not None:
        stmt = stmt.where(Shift.id.in_(shift_ids))
    shifts = list(session.scalars(stmt.order_by(Shift.start_time, Shift.id)))
    if shift_ids is not None and len(shifts) != len(set(shift_ids)):
        raise ValidationError(
            {"shift_ids": [str(_l("Every shift must be a planned shift on that day."))]}
        )
    if not shifts:
        raise ValidationError(
            {"shift_ids": [str(_l("There are no shifts on that day to plan for."))]}
        )
    return shifts


def taken_shifts(session: Session, campaign_id: int, shift_ids: list[int]) -> dict[int, WalkList]:
    """Shift → the walk list another campaign already has on it (one list per shift: the
    coach's tablet shows one list per shift)."""
    if not shift_ids:
        return {}
    stmt = (
        select(WalkList)
        .where(WalkList.shift_id.in_(shift_ids), WalkList.campaign_id != campaign_id)
        .order_by(WalkList.id)
    )
    taken: dict[int, WalkList] = {}
    for walk_list in session.scalars(stmt):
        taken.setdefault(walk_list.shift_id, walk_list)
    return taken


def _refuse_taken_shifts(session: Session, campaign: Campaign, shifts: list[Shift]) -> None:
    taken = taken_shifts(session, campaign.id, [s.id for s in shifts])
    if not taken:
        return
    messages = [
        str(_l("The shift of %(team)s on %(date)s, %(start)s–%(end)s already has a walk list of "
               "campaign %(campaign)s. Leave that shift out, or remove that list first.",
               team=shift.team.name, date=format_date(shift.date, "long"),
               start=shift.start_time.strftime("%H:%M"), end=shift.end_time.strftime("%H:%M"),
               campaign=taken[shift.id].campaign.name))
        for shift in shifts if shift.id in taken
    ]  # fmt: skip
    raise ValidationError({"shift_ids": messages})


def _doors(
    candidates: list[Candidate],
) -> tuple[list[routing.Door], dict[int, list[int]], list[int]]:
    """One door per dwelling, one per entrance for flats; addresses without coordinates apart."""
    groups: dict[str, list[Candidate]] = defaultdict(list)
    doors, members, unplaced = [], {}, []
    for c in candidates:
        if c.address.lat is None:
            unplaced.append(c.address.id)
        elif c.address.entrance_key:
            groups[c.address.entrance_key].append(c)
        else:
            groups[f"#{c.address.id}"].append(c)
    for group in groups.values():
        group.sort(key=lambda c: (c.address.house_letter, c.address.house_number_addition.zfill(4)))
        first = group[0].address
        members[first.id] = [c.address.id for c in group]
        doors.append(routing.Door(
            key=first.id,
            lat=sum(c.address.lat for c in group) / len(group),
            lon=sum(c.address.lon for c in group) / len(group),
            demand=len(group),
            prize=sum(prize(c) for c in group),
            street=f"{first.street}, {first.city}",  # one Dorpsstraat per village
            odd_side=bool(first.house_number % 2),
            number=first.house_number,
        ))  # fmt: skip
    return doors, members, unplaced


def _teams(
    shifts: list[Shift], doors: list[routing.Door], doors_per_hour: int
) -> list[routing.Team]:
    total = sum(d.demand for d in doors)
    centre = (
        (sum(d.lat for d in doors) / len(doors), sum(d.lon for d in doors) / len(doors))
        if doors else (52.0907, 5.1214)
    )  # fmt: skip
    biggest = max((d.demand for d in doors), default=1)
    # With fewer doors than room, cap every list near the average so the work is shared.
    fair = math.ceil(total / len(shifts)) + 1 if shifts else 0
    teams = []
    for shift in shifts:
        room = capacity(shift, doors_per_hour)
        limit = shift.team.max_walk_km
        teams.append(routing.Team(
            key=shift.id,
            lat=shift.meeting_lat if shift.meeting_lat is not None else centre[0],
            lon=shift.meeting_lon if shift.meeting_lon is not None else centre[1],
            capacity=min(room, max(fair, biggest)),
            max_distance_m=int(limit * 1000) if limit else None,
        ))  # fmt: skip
    return teams


def _walk_list(
    session: Session,
    campaign: Campaign,
    shift: Shift,
    route: routing.WalkRoute,
    members: dict[int, list[int]],
    doors_per_hour: int,
) -> WalkList:
    address_ids = [aid for key in route.door_keys for aid in members[key]]
    walk_list = WalkList(
        campaign_id=campaign.id,
        shift_id=shift.id,
        date=shift.date,
        status=WalkListStatus.DRAFT,
        planned_distance_m=route.distance_m,
        planned_minutes=round(len(address_ids) * 60 / doors_per_hour),
        doors_per_hour=doors_per_hour,
        stops=[WalkListStop(address_id=aid, seq=n) for n, aid in enumerate(address_ids, start=1)],
    )
    session.add(walk_list)
    session.flush()
    return walk_list


def lists_of_day(session: Session, campaign_id: int, day: dt.date) -> list[WalkList]:
    stmt = select(WalkList).where(WalkList.campaign_id == campaign_id, WalkList.date == day)
    return list(session.scalars(stmt.order_by(WalkList.id)))


def clear_draft_lists(session: Session, campaign_id: int, day: dt.date) -> int:
    ids = select(WalkList.id).where(
        WalkList.campaign_id == campaign_id, WalkList.date == day,
        WalkList.status == WalkListStatus.DRAFT, ~WalkList.locked,
    )  # fmt: skip
    return session.execute(delete(WalkList).where(WalkList.id.in_(ids))).rowcount


def door_history(session: Session, address_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Per address: visits so far and how often nobody was home (for the coach at the door)."""
    if not address_ids:
        return {}
    not_home = Visit.outcome.in_((Outcome.NOT_HOME, Outcome.NO_ANSWER))
    rows = session.execute(
        select(Visit.address_id, func.count(Visit.id), func.count(case((not_home, 1))))
        .where(Visit.address_id.in_(address_ids))
        .group_by(Visit.address_id)
    )
    return {address_id: (visits, absent) for address_id, visits, absent in rows}


def outcomes_on_lists(session: Session, walk_list_ids: list[int]) -> dict[tuple[int, int], str]:
    """(walk list, address) → the latest outcome logged on that list."""
    if not walk_list_ids:
        return {}
    rows = session.execute(
        select(Visit.walk_list_id, Visit.address_id, Visit.outcome)
        .where(Visit.walk_list_id.in_(walk_list_ids))
        .order_by(Visit.visited_at)
    )
    return {(wl, address): outcome.value for wl, address, outcome in rows}


def own_visits_on_lists(
    session: Session, user_id: int, walk_list_ids: list[int], now: dt.datetime
) -> dict[tuple[int, int], tuple[str, dt.datetime]]:
    """(walk list, address) → the UUID and time of the latest visit there when this user
    recorded it and may still correct it, so a tablet that did not log it itself can correct
    it too, keeping the time the coach was at the door."""
    from eteams.services.visits import EDIT_WINDOW

    if not walk_list_ids:
        return {}
    rows = session.execute(
        select(Visit.walk_list_id, Visit.address_id, Visit.uuid, Visit.recorded_by_id,
               Visit.created_at, Visit.visited_at)
        .where(Visit.walk_list_id.in_(walk_list_ids))
        .order_by(Visit.visited_at, Visit.id)
    )  # fmt: skip
    latest = {(wl, address): rest for wl, address, *rest in rows}
    return {
        key: (str(uuid), _aware(visited))
        for key, (uuid, by, created, visited) in latest.items()
        if by == user_id and now - _aware(created) <= EDIT_WINDOW
    }
