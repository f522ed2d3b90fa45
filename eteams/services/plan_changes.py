"""The planning screen's door actions on one campaign's day: the lead ticks doors on any of
the day's lists (or among the unplanned) and moves, swaps, removes or reorders them at once.

A refusal names the list it concerns, so the page can show it beside that list; room is a
warning the lead may override (``ChangeError.over_capacity``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext as _ln
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from eteams.models import Address, WalkList, WalkListStop
from eteams.models.enums import WalkListStatus
from eteams.services import planning, walklists
from eteams.services.errors import Conflict, ValidationError

UNPLANNED = 0  # the list id the page gives the day's unplanned doors
ACTIONS = ("move", "remove", "swap", "up", "down", "order")


@dataclass(frozen=True)
class Door:
    """A ticked door: the list it is on (UNPLANNED for none) and its address."""

    list_id: int
    address_id: int


class ChangeError(Exception):
    """Nothing changed; ``list_id`` is the list the message belongs beside (None: the day)."""

    def __init__(
        self, list_id: int | None, message: str, *, over_capacity: bool = False,
        stale: bool = False,
    ) -> None:  # fmt: skip
        super().__init__(message)
        self.list_id, self.message = list_id, message
        self.over_capacity, self.stale = over_capacity, stale


def parse_doors(values: Iterable[str]) -> list[Door]:
    """``"<list id>:<address id>"`` values from the page's checkboxes; others are ignored."""
    doors: list[Door] = []
    for value in values:
        list_part, _, address_part = value.partition(":")
        if list_part.isdigit() and address_part.isdigit():
            door = Door(int(list_part), int(address_part))
            if door not in doors and door.address_id < 2**31 and door.list_id < 2**31:
                doors.append(door)
    return doors


def day_lists(session: Session, campaign_id: int, day: dt.date) -> dict[int, WalkList]:
    stmt = (
        select(WalkList)
        .where(WalkList.campaign_id == campaign_id, WalkList.date == day)
        .options(selectinload(WalkList.stops).selectinload(WalkListStop.address))
    )
    return {wl.id: wl for wl in session.scalars(stmt)}


def change_doors(
    session: Session,
    campaign_id: int,
    day: dt.date,
    doors: list[Door],
    action: str,
    *,
    versions: Mapping[int, int],
    to_list: int | None = None,
    override: bool = False,
    order: list[int] | None = None,
    actor_id: int | None,
) -> tuple[str, int | None]:
    """Apply one action to the ticked doors; returns the message to show and the list to
    show it at. ``order`` is a whole list's new walking order (a door dragged within its
    list: the one ticked door names the list). Raises ChangeError (nothing changed)."""
    if action not in ACTIONS:
        raise ChangeError(None, str(_l("Choose what to do with the doors.")))
    if not doors:
        raise ChangeError(None, str(_l("Tick one or more doors first.")))
    lists = day_lists(session, campaign_id, day)
    _still_there(lists, doors)
    try:
        if action == "swap":
            return _swap(session, day, lists, doors, versions, actor_id)
        if action == "order":
            return _order(session, lists, doors, versions, order or [], actor_id)
        if action in ("up", "down"):
            return _shift(session, lists, doors, versions, action == "up", actor_id)
        target = UNPLANNED if action == "remove" else to_list
        if target == UNPLANNED:
            return _unplan(session, day, lists, doors, versions, actor_id)
        return _move(session, day, lists, doors, versions, target, override, actor_id)
    except walklists.OverCapacity as warning:
        raise ChangeError(
            warning.walk_list_id, warning.fields["stops"][0], over_capacity=True
        ) from warning


def _still_there(lists: dict[int, WalkList], doors: list[Door]) -> None:
    """Each ticked door is still where the page showed it."""
    for door in doors:
        if door.list_id == UNPLANNED:
            continue
        walk_list = lists.get(door.list_id)
        if walk_list is None:
            raise ChangeError(None, str(_l("A list on the page is no longer there. Reload it.")),
                              stale=True)  # fmt: skip
        if door.address_id not in {s.address_id for s in walk_list.stops}:
            raise ChangeError(walk_list.id, str(_l("That door is no longer on the list.")),
                              stale=True)  # fmt: skip


def _check(lists: Iterable[WalkList], versions: Mapping[int, int]) -> None:
    for walk_list in lists:
        if versions.get(walk_list.id) != walk_list.version:
            raise ChangeError(walk_list.id, str(_l(
                "Someone else changed this list in the meantime. Reload it and try again.")),
                stale=True)  # fmt: skip
        if walk_list.status is WalkListStatus.DONE:
            raise ChangeError(walk_list.id, str(_l("That list is done: its doors stay as walked.")))
        if walk_list.locked:
            raise ChangeError(walk_list.id, str(_l("That list is locked; unlock it first.")))


def _with_entrances(
    session: Session, day: dt.date, lists: dict[int, WalkList], doors: list[Door]
) -> list[Door]:
    """A flat's door brings the other doors of its entrance: those on the same list, or,
    for a door not planned, the entrance's other doors not planned either."""
    not_planned = [d.address_id for d in doors if d.list_id == UNPLANNED]
    unplanned = _unplanned_entrances(session, day, lists, not_planned)
    out: list[Door] = []
    for door in doors:
        if door.list_id == UNPLANNED:
            group = unplanned[door.address_id]
        else:
            group = walklists.entrance_doors(lists[door.list_id], door.address_id)
        out += [d for d in (Door(door.list_id, a) for a in group) if d not in out]
    return out


def _unplanned_entrances(
    session: Session, day: dt.date, lists: dict[int, WalkList], address_ids: list[int]
) -> dict[int, list[int]]:
    """Per door not planned: the door and, for a flat, the doors behind its entrance that
    may be visited that day and are on none of the day's lists (what the page shows as not
    planned). The day's eligible doors are worked out once, however many flats are ticked."""
    found = {a.id: a for a in session.scalars(select(Address).where(Address.id.in_(address_ids)))}
    flats = [a for a in found.values() if a.entrance_key]
    mates: dict[str, list[int]] = {}
    if flats:
        on_lists = {s.address_id for wl in lists.values() for s in wl.stops}
        keys = {a.entrance_key for a in flats}
        for c in planning.eligible_doors(session, flats[0].campaign_id, day):
            if c.address.entrance_key in keys and c.address.id not in on_lists:
                mates.setdefault(c.address.entrance_key, []).append(c.address.id)
    out = {}
    for address_id in address_ids:
        key = found[address_id].entrance_key if address_id in found else None
        out[address_id] = [address_id, *(m for m in mates.get(key, []) if m != address_id)]
    return out


def _one_door(session: Session, day: dt.date, lists: dict[int, WalkList], door: Door) -> bool:
    """Whether the door stands alone (not a flat with other doors behind its entrance)."""
    if door.list_id == UNPLANNED:
        return (
            len(_unplanned_entrances(session, day, lists, [door.address_id])[door.address_id]) == 1
        )
    return len(walklists.entrance_doors(lists[door.list_id], door.address_id)) == 1


def _move(
    session: Session,
    day: dt.date,
    lists: dict[int, WalkList],
    doors: list[Door],
    versions: Mapping[int, int],
    to_list: int | None,
    override: bool,
    actor_id: int | None,
) -> tuple[str, int | None]:
    target = lists.get(to_list or -1)
    if target is None:
        raise ChangeError(None, str(_l("Choose the list the doors go to.")))
    moving = [d for d in _with_entrances(session, day, lists, doors) if d.list_id != target.id]
    if not moving:
        raise ChangeError(target.id, str(_l("Those doors are already on this list.")))
    sources = {lists[d.list_id] for d in moving if d.list_id != UNPLANNED}
    _check([target, *sorted(sources, key=lambda wl: wl.id)], versions)
    _apply(lambda: walklists.move_doors(
        session, [d.address_id for d in moving], source=None, source_version=None,
        target=target, target_version=target.version, over_capacity=override,
        actor_id=actor_id), target)  # fmt: skip
    n = len(moving)
    return str(_ln("%(n)d door moved.", "%(n)d doors moved.", n, n=n)), target.id


def _unplan(
    session: Session,
    day: dt.date,
    lists: dict[int, WalkList],
    doors: list[Door],
    versions: Mapping[int, int],
    actor_id: int | None,
) -> tuple[str, int | None]:
    moving = [d for d in _with_entrances(session, day, lists, doors) if d.list_id != UNPLANNED]
    if not moving:
        raise ChangeError(None, str(_l("Those doors are not on a list.")))
    sources = sorted({lists[d.list_id] for d in moving}, key=lambda wl: wl.id)
    _check(sources, versions)
    for source in sources:
        mine = [d.address_id for d in moving if d.list_id == source.id]
        _apply(lambda wl=source, doors=mine: walklists.move_doors(
            session, doors, source=wl, source_version=wl.version, target=None,
            target_version=None, actor_id=actor_id), source)  # fmt: skip
    n = len(moving)
    message = _ln("%(n)d door taken off its list.", "%(n)d doors taken off their lists.", n, n=n)
    return str(message), sources[0].id if len(sources) == 1 else None


def _swap(
    session: Session,
    day: dt.date,
    lists: dict[int, WalkList],
    doors: list[Door],
    versions: Mapping[int, int],
    actor_id: int | None,
) -> tuple[str, int | None]:
    if len(doors) != 2:
        raise ChangeError(None, str(_l("Tick exactly two doors to swap them.")))
    first, second = sorted(doors, key=lambda d: d.list_id == UNPLANNED)
    if first.list_id == UNPLANNED:
        raise ChangeError(None, str(_l("Tick at least one door that is on a list to swap.")))
    one = lists[first.list_id]
    if not all(_one_door(session, day, lists, d) for d in (first, second)):
        raise ChangeError(one.id, str(_l(
            "A flat's doors stay together behind their entrance, so they cannot be swapped one "
            "by one: move the whole entrance instead.")))  # fmt: skip
    if second.list_id == UNPLANNED:  # the unplanned door takes the other's place
        _check([one], versions)
        order = [second.address_id if a == first.address_id else a
                 for a in (s.address_id for s in one.stops)]  # fmt: skip
        change = walklists.WalkListChange(one.version, stops=order)
        _apply(lambda: walklists.change_walk_list(session, one, change, actor_id=actor_id), one)
        return str(_l("The doors changed places.")), one.id
    other = lists[second.list_id]
    _check({one, other}, versions)
    _apply(lambda: walklists.swap_doors(session, one, first.address_id, one.version, other,
                                        second.address_id, other.version, actor_id=actor_id),
           one)  # fmt: skip
    return str(_l("The doors changed places.")), one.id


def _shift(
    session: Session,
    lists: dict[int, WalkList],
    doors: list[Door],
    versions: Mapping[int, int],
    up: bool,
    actor_id: int | None,
) -> tuple[str, int | None]:
    """Each ticked door one place up (or down) its own list; ticked neighbours move as one."""
    on_lists = [d for d in doors if d.list_id != UNPLANNED]
    if not on_lists:
        raise ChangeError(None, str(_l("Those doors are not on a list.")))
    touched = sorted({lists[d.list_id] for d in on_lists}, key=lambda wl: wl.id)
    _check(touched, versions)
    orders = {}
    for walk_list in touched:
        ticked = {d.address_id for d in on_lists if d.list_id == walk_list.id}
        now = [s.address_id for s in walk_list.stops]
        if (order := _one_place(now, ticked, up)) != now:
            orders[walk_list.id] = order
    if not orders:
        n = len(on_lists)
        first = _ln(
            "Nothing changed: that door is already first on its list.",
            "Nothing changed: those doors are already first on their list.",
            n,
        )
        last = _ln(
            "Nothing changed: that door is already last on its list.",
            "Nothing changed: those doors are already last on their list.",
            n,
        )
        raise ChangeError(touched[0].id, str(first if up else last))  # fmt: skip
    touched = [wl for wl in touched if wl.id in orders]
    for walk_list in touched:
        order = orders[walk_list.id]
        change = walklists.WalkListChange(walk_list.version, stops=order)
        _apply(lambda wl=walk_list, c=change: walklists.change_walk_list(
            session, wl, c, actor_id=actor_id), walk_list)  # fmt: skip
    return str(_l("The walking order changed.")), touched[0].id


def _order(
    session: Session,
    lists: dict[int, WalkList],
    doors: list[Door],
    versions: Mapping[int, int],
    order: list[int],
    actor_id: int | None,
) -> tuple[str, int | None]:
    walk_list = lists.get(doors[0].list_id)
    if walk_list is None:
        raise ChangeError(None, str(_l("Those doors are not on a list.")))
    _check([walk_list], versions)
    if sorted(order) != sorted(s.address_id for s in walk_list.stops):
        raise ChangeError(walk_list.id, str(_l(
            "Someone else changed this list in the meantime. Reload it and try again.")),
            stale=True)  # fmt: skip
    change = walklists.WalkListChange(walk_list.version, stops=order)
    _apply(lambda: walklists.change_walk_list(session, walk_list, change, actor_id=actor_id),
           walk_list)  # fmt: skip
    return str(_l("The walking order changed.")), walk_list.id


def _one_place(order: list[int], ticked: set[int], up: bool) -> list[int]:
    """Move the ticked doors one place; a door at the end stays, and so do the ticked doors
    behind it (their relative order never changes)."""
    order = list(order) if up else list(reversed(order))
    for i in range(1, len(order)):
        if order[i] in ticked and order[i - 1] not in ticked:
            order[i - 1], order[i] = order[i], order[i - 1]
    return order if up else list(reversed(order))


def _apply(operation, walk_list: WalkList) -> None:  # noqa: ANN001
    try:
        operation()
    except walklists.OverCapacity:
        raise
    except (ValidationError, Conflict) as error:
        stale = isinstance(error, Conflict)
        raise ChangeError(walk_list.id, _message(error), stale=stale) from error


def _message(error: ValidationError | Conflict) -> str:
    if isinstance(error, ValidationError):
        return " ".join(m for msgs in error.fields.values() for m in msgs)
    return str(error)


def problems(walk_list: WalkList, room: int) -> list[str]:
    """What the lead should look at before publishing this list."""
    found: list[str] = []
    doors = len(walk_list.stops)
    if not doors:
        found.append(str(_l("No doors")))
    if doors > room:
        found.append(str(_ln("%(n)d door more than fit", "%(n)d doors more than fit",
                             doors - room, n=doors - room)))  # fmt: skip
    if walk_list.shift.meeting_lat is None:
        found.append(str(_l("No meeting point on the map")))
    unlocated = sum(1 for s in walk_list.stops if s.address.lat is None)
    if unlocated:
        found.append(str(_ln("%(n)d door without coordinates", "%(n)d doors without coordinates",
                             unlocated, n=unlocated)))  # fmt: skip
    barred = sum(1 for s in walk_list.stops if s.address.do_not_visit or s.address.erased_at)
    if barred:
        found.append(str(_ln("%(n)d door may not be visited any more",
                             "%(n)d doors may not be visited any more",
                             barred, n=barred)))  # fmt: skip
    return found
