"""Changing walk lists by hand: move doors between lists, reorder, lock, publish.

Every change names the version it was based on; a stale version is a Conflict, so two leads
editing the same list get a clear answer instead of a silent overwrite.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session, selectinload

from eteams.documents.walk_sheet import WalkSheet
from eteams.models import Address, User, WalkList, WalkListDownload, WalkListStop
from eteams.models.enums import WalkListStatus
from eteams.services import audit, planning, routing, walk_sheets
from eteams.services.errors import Conflict, ValidationError

TRANSITIONS = {
    WalkListStatus.DRAFT: {WalkListStatus.DRAFT, WalkListStatus.PUBLISHED},
    WalkListStatus.PUBLISHED: {WalkListStatus.PUBLISHED, WalkListStatus.DRAFT, WalkListStatus.DONE},
    WalkListStatus.DONE: {WalkListStatus.DONE},
}


@dataclass(frozen=True)
class WalkListChange:
    version: int
    stops: list[int] | None = None  # address ids in walking order
    status: WalkListStatus | None = None
    locked: bool | None = None
    # The lead saw the warning and keeps more doors than the shift has room for.
    over_capacity: bool = False


MAX_STOPS = 200  # a hard ceiling, whatever the lead accepts: a list a pair can still carry


class OverCapacity(ValidationError):
    """More doors than the shift has room for: a warning the lead may override."""

    code = "over_capacity"

    def __init__(self, walk_list_id: int, doors: int, room: int) -> None:
        self.walk_list_id, self.doors, self.room = walk_list_id, doors, room
        super().__init__({"stops": [str(_l(
            "This list would have %(n)d doors: %(over)d more than the %(room)d that fit in this "
            "shift.", n=doors, over=doors - room, room=room))]})  # fmt: skip


def note_downloads(session: Session, user: User, lists: list[WalkList]) -> None:
    """Remember which lists reached this coach's tablet (once per list): a visit sent to one
    later is accepted even if the coach has left the team since."""
    campaigns = {wl.id: wl.campaign_id for wl in lists}
    ids = set(campaigns)
    if not ids:
        return
    known = set(session.scalars(select(WalkListDownload.walk_list_id).where(
        WalkListDownload.user_id == user.id, WalkListDownload.walk_list_id.in_(ids))))  # fmt: skip
    for walk_list_id in sorted(ids - known):
        try:
            with session.begin_nested():  # another tablet of the same coach may be first
                session.add(WalkListDownload(walk_list_id=walk_list_id, user_id=user.id,
                                             campaign_id=campaigns[walk_list_id]))  # fmt: skip
        except IntegrityError:
            pass


def change_walk_list(
    session: Session, walk_list: WalkList, change: WalkListChange, *, actor_id: int | None
) -> WalkList:
    """Apply a change; audited here, so the planning page and the API record the same
    event: which of stops, locked and status changed (codes and list ids only)."""
    _at_versions((walk_list, change.version))
    if change.status is not None and change.status not in TRANSITIONS[walk_list.status]:
        raise ValidationError({"status": [str(_l("A list that is done cannot change status."))]})
    fields: list[str] = []
    details: dict[str, object] = {}  # the new values, which say lock from unlock
    if change.stops is not None and change.stops != [s.address_id for s in walk_list.stops]:
        _refuse_split_entrances(session, walk_list, change.stops)
        taken_from = _set_stops(session, walk_list, change.stops, change.over_capacity)
        fields.append("stops")
        details["doors"] = len(change.stops)
        if taken_from:
            details["taken_from"] = taken_from  # those lists changed too
    if change.locked is not None and change.locked != walk_list.locked:
        walk_list.locked = change.locked
        fields.append("locked")
        details["locked"] = change.locked
    if change.status is not None and change.status is not walk_list.status:
        walk_list.status = change.status
        fields.append("status")
        details["status"] = change.status.value
    session.flush()  # the version column makes a concurrent update fail here
    if fields:
        audit.record(session, "walk_list_changed", actor_id=actor_id, obj=walk_list,
                     fields=fields, **details)  # fmt: skip
    return walk_list


def _refuse_split_entrances(session: Session, walk_list: WalkList, stops: list[int]) -> None:
    """A flat's doors behind one entrance are walked as one stop: a door brought onto this
    list while others of its entrance stay on another list of the day is refused (the API
    and every form alike; the planning screen moves the whole entrance)."""
    new = set(stops) - {s.address_id for s in walk_list.stops}
    if not new:
        return
    keys = set(session.scalars(select(Address.entrance_key).where(
        Address.id.in_(new), Address.entrance_key.is_not(None))))  # fmt: skip
    if not keys:
        return
    left = session.scalars(
        select(Address).join(WalkListStop, WalkListStop.address_id == Address.id)
        .join(WalkList, WalkList.id == WalkListStop.walk_list_id)
        .where(WalkList.campaign_id == walk_list.campaign_id, WalkList.date == walk_list.date,
               WalkList.id != walk_list.id, Address.entrance_key.in_(keys),
               Address.id.not_in(stops))
        .order_by(Address.id)
    ).first()  # fmt: skip
    if left is not None:
        door = f"{left.street} {left.house_label}"
        raise ValidationError({"stops": [str(_l(
            "%(door)s shares its entrance with doors on another list: a flat's doors stay "
            "together. Move the whole entrance.", door=door))]})  # fmt: skip


def _at_versions(*pairs: tuple[WalkList | None, int | None]) -> None:
    """Each list named is at the version the lead saw, or nothing changes."""
    for walk_list, version in pairs:
        if walk_list is not None and version != walk_list.version:
            raise Conflict(
                str(_l("Someone else changed this list in the meantime. Reload it and try again."))
            )


def entrance_doors(walk_list: WalkList, address_id: int) -> list[int]:
    """The door and, for a flat, the other doors of its entrance on the same list: they are
    walked as one stop, so they move together."""
    door = next((s for s in walk_list.stops if s.address_id == address_id), None)
    if door is None or not door.address.entrance_key:
        return [address_id]
    key = door.address.entrance_key
    return [s.address_id for s in walk_list.stops if s.address.entrance_key == key]


def move_doors(
    session: Session,
    doors: list[int],
    *,
    source: WalkList | None,
    source_version: int | None,
    target: WalkList | None,
    target_version: int | None,
    over_capacity: bool = False,
    actor_id: int | None,
) -> None:
    """Doors from a list (or from the day's unplanned doors, ``source`` None) into another
    list, each where it adds the least walking (or back to the unplanned, ``target`` None).
    Each list named must be at the version the lead saw."""
    _at_versions((source, source_version), (target, target_version))
    if any(wl is not None and (wl.locked or wl.status is WalkListStatus.DONE)
           for wl in (source, target)):  # fmt: skip
        raise ValidationError({"stops": [str(_l("That list is locked; unlock it first."))]})
    if target is None:
        if source is None:
            return
        kept = [s.address_id for s in source.stops if s.address_id not in set(doors)]
        change_walk_list(session, source, WalkListChange(source.version, stops=kept),
                         actor_id=actor_id)  # fmt: skip
        return

    order = [s.address_id for s in target.stops]
    stops = fitted_in(session, target, order, [d for d in doors if d not in order])
    change_walk_list(session, target, WalkListChange(target.version, stops=stops,
                     over_capacity=over_capacity), actor_id=actor_id)  # fmt: skip


def fitted_in(session: Session, target: WalkList, order: list[int], new: list[int]) -> list[int]:
    """The list's walking order with each new door put where it adds the least walking: from
    the meeting point to the first door, between two doors, or after the last (cheapest
    insertion; a flat's doors, at one spot, land side by side). Doors without coordinates go
    at the end, where the lead sees them and moves them by hand."""
    where = {a.id: (a.lat, a.lon) for a in session.scalars(
        select(Address).where(Address.id.in_([*order, *new])))}  # fmt: skip
    shift = target.shift
    start = (shift.meeting_lat, shift.meeting_lon) if shift is not None else None
    route, tail = list(order), []
    for door in new:
        here = where.get(door)
        if here is None or here[0] is None or here[1] is None:
            tail.append(door)
            continue
        points = [start, *(where.get(d) for d in route), None]  # None: the walk ends there
        costs = [_metres(points[i], here) + _metres(here, points[i + 1])
                 - _metres(points[i], points[i + 1]) for i in range(len(route) + 1)]  # fmt: skip
        route.insert(min(range(len(costs)), key=lambda i: (costs[i], -i)), door)
    return [*route, *tail]


def _metres(
    a: tuple[float | None, float | None] | None, b: tuple[float | None, float | None] | None
) -> float:
    """Straight-line metres between two points; 0 where either is unknown (no meeting point,
    a door without coordinates, the end of the walk)."""
    if a is None or b is None or None in a or None in b:
        return 0.0
    lat = math.radians((a[0] + b[0]) / 2)
    dy = (a[0] - b[0]) * 111_320.0
    dx = (a[1] - b[1]) * 111_320.0 * math.cos(lat)
    return math.hypot(dx, dy)


def swap_doors(
    session: Session,
    first: WalkList,
    first_door: int,
    first_version: int,
    second: WalkList,
    second_door: int,
    second_version: int,
    *,
    actor_id: int | None,
) -> None:
    """Two doors change places: each takes the other's place in the other's list (the same
    list: they change places in it). No list grows, so room is no question."""
    _at_versions((first, first_version), (second, second_version))
    one = [s.address_id for s in first.stops]
    other = [s.address_id for s in second.stops]
    if first_door not in one or second_door not in other:
        raise ValidationError({"stops": [str(_l("That door is no longer on the list."))]})
    if first.id == second.id:
        i, j = one.index(first_door), one.index(second_door)
        one[i], one[j] = one[j], one[i]
        change_walk_list(session, first, WalkListChange(first.version, stops=one),
                         actor_id=actor_id)  # fmt: skip
        return
    if any(wl.locked for wl in (first, second)):
        raise ValidationError({"stops": [str(_l("That list is locked; unlock it first."))]})
    one[one.index(first_door)] = second_door
    other[other.index(second_door)] = first_door
    change_walk_list(session, first, WalkListChange(first.version, stops=one, over_capacity=True),
                     actor_id=actor_id)  # takes the second door from its list  # fmt: skip
    change_walk_list(session, second, WalkListChange(second.version, stops=other,
                     over_capacity=True), actor_id=actor_id)  # fmt: skip


def change_all(
    session: Session,
    lists: list[WalkList],
    *,
    status: WalkListStatus | None = None,
    locked: bool | None = None,
    actor_id: int | None,
) -> int:
    """Lock, unlock, publish or take back every list given (the day's lists of a campaign);
    lists that are done, or already so, are left alone. Returns how many changed."""
    changed = 0
    for wl in lists:
        if wl.status is WalkListStatus.DONE:
            continue
        if (locked is None or wl.locked == locked) and (status is None or wl.status is status):
            continue
        change_walk_list(session, wl, WalkListChange(wl.version, status=status, locked=locked),
                         actor_id=actor_id)  # fmt: skip
        changed += 1
    return changed


def _set_stops(
    session: Session, walk_list: WalkList, address_ids: list[int], over_capacity: bool = False
) -> list[int]:
    """Set the doors in this order; returns the ids of the other lists that gave doors up.
    More doors than the shift has room for is a warning (``OverCapacity``) unless the lead
    accepted it; fewer is always fine."""
    if walk_list.status is WalkListStatus.DONE:
        raise ValidationError({"stops": [str(_l("A list that is done cannot change."))]})
    if len(address_ids) != len(set(address_ids)):
        raise ValidationError({"stops": [str(_l("A door appears twice in the list."))]})
    room = planning.capacity(walk_list.shift, walk_list.doors_per_hour)
    if len(address_ids) > MAX_STOPS:
        raise ValidationError(
            {"stops": [str(_l("A list holds at most %(n)d doors.", n=MAX_STOPS))]}
        )
    grows = len(address_ids) > len(walk_list.stops)
    if len(address_ids) > room and grows and not over_capacity:
        raise OverCapacity(walk_list.id, len(address_ids), room)
    addresses = {
        a.id: a for a in session.scalars(select(Address).where(Address.id.in_(address_ids)))
    }
    if set(addresses) != set(address_ids) or any(
        a.campaign_id != walk_list.campaign_id for a in addresses.values()
    ):
        raise ValidationError(
            {"stops": [str(_l("Every door must be an address of this campaign."))]}
        )
    # A household that asked not to be visited, or whose data was erased, is never planned
    # again, by hand either. A door already on the list may stay (it was there before).
    already = {s.address_id for s in walk_list.stops}
    new = [addresses[aid] for aid in address_ids if aid not in already]
    barred = [a for a in new if a.do_not_visit or a.erased_at is not None]
    if barred:
        raise ValidationError({"stops": [
            str(_l("%(door)s is not visited any more (do not visit) and cannot be planned.",
                   door=f"{a.street} {a.house_label}")) for a in barred]})  # fmt: skip
    taken_from = _take_from_other_lists(session, walk_list, set(address_ids))
    kept = {s.address_id: s for s in walk_list.stops}  # reuse rows: (list, address) is unique
    walk_list.stops = [kept.get(aid) or WalkListStop(address_id=aid) for aid in address_ids]
    for n, stop in enumerate(walk_list.stops, start=1):
        stop.seq = n
    session.flush()
    measure(walk_list, [addresses[aid] for aid in address_ids])
    return taken_from


def _take_from_other_lists(
    session: Session, walk_list: WalkList, address_ids: set[int]
) -> list[int]:
    """A door moved here leaves the list of the same day it was on; returns those lists' ids."""
    taken_from: list[int] = []
    others = session.scalars(
        select(WalkList).where(
            WalkList.campaign_id == walk_list.campaign_id,
            WalkList.date == walk_list.date,
            WalkList.id != walk_list.id,
        )
    )
    for other in others:
        moving = [s for s in other.stops if s.address_id in address_ids]
        if not moving:
            continue
        if other.locked or other.status is WalkListStatus.DONE:
            raise ValidationError(
                {"stops": [str(_l("A door is on a locked list; unlock that list first."))]}
            )
        other.stops = [s for s in other.stops if s.address_id not in address_ids]
        for n, stop in enumerate(other.stops, start=1):
            stop.seq = n
        session.flush()
        measure(other, [s.address for s in other.stops])
        taken_from.append(other.id)
    return taken_from


def measure(walk_list: WalkList, addresses: list[Address]) -> None:
    """Walking distance from the meeting point through the doors, and minutes at the doors."""
    shift = walk_list.shift
    located = [a for a in addresses if a.lat is not None]
    start = (shift.meeting_lat, shift.meeting_lon) if shift.meeting_lat is not None else None
    if located and start is None:
        start = (located[0].lat, located[0].lon)
    distance = 0
    if located:
        doors = [
            routing.Door(a.id, a.lat, a.lon, street=a.street, odd_side=bool(a.house_number % 2))
            for a in located
        ]
        matrix = routing.walking_matrix(doors, [start])
        path = list(range(len(doors) + 1))
        distance = int(sum(matrix[a, b] for a, b in zip(path, path[1:], strict=False)))
    walk_list.planned_distance_m = distance
    walk_list.planned_minutes = round(len(addresses) * 60 / walk_list.doors_per_hour)


def walk_sheet_data(walk_list: WalkList) -> WalkSheet:
    """The plain data the printed walk sheet needs (no household data: the door, not who)."""
    return walk_sheets.walk_sheets_data(object_session(walk_list), [walk_list])[0]


def lists_by_shift(session: Session, shift_ids: list[int]) -> dict[int, WalkList]:
    """Each shift's walk list (a shift has at most one), for the schedule."""
    if not shift_ids:
        return {}
    stmt = (
        select(WalkList)
        .where(WalkList.shift_id.in_(shift_ids))
        .options(selectinload(WalkList.stops))
    )
    return {wl.shift_id: wl for wl in session.scalars(stmt)}
