"""Changing walk lists by hand: move doors between lists, reorder, lock, publish.

Every change names the version it was based on; a stale version is a Conflict, so two leads
editing the same list get a clear answer instead of a silent overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from eteams.documents.walk_sheet import SheetStop, WalkSheet
from eteams.models import Address, User, WalkList, WalkListDownload, WalkListStop
from eteams.models.enums import WalkListStatus
from eteams.services import audit, planning, routing
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
    if change.version != walk_list.version:
        raise Conflict(
            str(_l("Someone else changed this list in the meantime. Reload it and try again."))
        )
    if change.status is not None and change.status not in TRANSITIONS[walk_list.status]:
        raise ValidationError({"status": [str(_l("A list that is done cannot change status."))]})
    fields: list[str] = []
    details: dict[str, object] = {}  # the new values, which say lock from unlock
    if change.stops is not None and change.stops != [s.address_id for s in walk_list.stops]:
        taken_from = _set_stops(session, walk_list, change.stops)
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


def _set_stops(session: Session, walk_list: WalkList, address_ids: list[int]) -> list[int]:
    """Set the doors in this order; returns the ids of the other lists that gave doors up."""
    if walk_list.status is WalkListStatus.DONE:
        raise ValidationError({"stops": [str(_l("A list that is done cannot change."))]})
    if len(address_ids) != len(set(address_ids)):
        raise ValidationError({"stops": [str(_l("A door appears twice in the list."))]})
    room = planning.capacity(walk_list.shift, walk_list.doors_per_hour)
    if len(address_ids) > room:
        raise ValidationError(
            {"stops": [str(_l("At most %(n)d doors fit in this shift.", n=room))]}
        )
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
    from flask_babel import format_date

    from eteams.labels import label
    from eteams.models.enums import DwellingType

    shift = walk_list.shift
    start = (shift.meeting_lat, shift.meeting_lon) if shift.meeting_lat is not None else None
    stops = [
        SheetStop(
            seq=s.seq,
            label=s.address.street_line,
            postcode=s.address.postcode,
            dwelling=str(label(DwellingType, s.address.dwelling_type) or ""),
            lat=s.address.lat,
            lon=s.address.lon,
        )
        for s in walk_list.stops
    ]
    return WalkSheet(
        title=f"Looproute {walk_list.campaign.name}",
        team=shift.team.name,
        date_text=format_date(walk_list.date, "full"),
        time_text=f"{shift.start_time:%H:%M}–{shift.end_time:%H:%M}",
        meeting_point=shift.meeting_point,
        start=start,
        distance_m=walk_list.planned_distance_m,
        minutes=walk_list.planned_minutes,
        stops=stops,
    )
