"""Typing in the paper walk sheet: when the tablet failed, the lead enters what the team wrote.

Each door becomes a visit through the tablet's own service (``visits.save_visit``): recorded
by the lead, with the coaches who walked it, and its consents as given and signed on the
sheet. A door logged that day keeps its visit: one from paper beside it is a doubt for the
lead's review list, never a replacement. A sheet is saved whole, or not at all.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from eteams.models import Address, Employee, User, Visit, VisitCoach, WalkList
from eteams.models.enums import AttendanceStatus, DwellingType
from eteams.services import advice, audit, clock, visits
from eteams.services.errors import ValidationError

YEAR_CLASS_LIMITS = ((1945, "before_1945"), (1965, "1945_1964"), (1975, "1965_1974"),
                     (1992, "1975_1991"), (2006, "1992_2005"))  # fmt: skip
ROUND_TO = 5  # minutes: the time a door is guessed at


@dataclass(frozen=True)
class PaperDoor:
    """One door of the sheet: what the list knows of it, and what was logged there that day."""

    seq: int
    address: Address
    logged: list[Visit]
    default_time: dt.time
    prefill: dict[str, str]


@dataclass
class PaperVisit:
    """A door the lead typed in: the visit as the tablet would have sent it."""

    address_id: int
    visit_uuid: uuid_module.UUID
    data: visits.VisitInput


class SheetErrors(ValidationError):
    """Bad input on one or more doors: ``doors`` maps an address id to its field messages."""

    def __init__(self, doors: dict[int, dict[str, list[str]]]) -> None:
        self.doors = doors
        super().__init__({f"{a}.{k}": v for a, fields in doors.items() for k, v in fields.items()})


def sheet_doors(session: Session, walk_list: WalkList) -> list[PaperDoor]:
    """The list's doors in walking order, each with a time spread over the shift."""
    stops = list(walk_list.stops)
    logged = _logged_on(session, [s.address_id for s in stops], walk_list.date)
    times = default_times(walk_list.shift.start_time, walk_list.shift.end_time, len(stops))
    return [
        PaperDoor(
            stop.seq, stop.address, logged.get(stop.address_id, []), at, _prefill(stop.address)
        )
        for stop, at in zip(stops, times, strict=True)
    ]


def shift_lists(session: Session, shift_id: int) -> list[WalkList]:
    """The walk lists of a shift, for links to their sheets."""
    return list(
        session.scalars(select(WalkList).where(WalkList.shift_id == shift_id).order_by(WalkList.id))
    )


def default_times(start: dt.time, end: dt.time, doors: int) -> list[dt.time]:
    """The middle of each door's share of the shift, to ``ROUND_TO`` minutes."""
    first = start.hour * 60 + start.minute
    length = max(end.hour * 60 + end.minute - first, 0)
    minutes = [first + round(length * (n + 0.5) / doors / ROUND_TO) * ROUND_TO
               for n in range(doors)]  # fmt: skip
    return [dt.time(min(m // 60, 23), m % 60) for m in minutes]


def walkers(walk_list: WalkList) -> list[Employee]:
    """Who may have walked the list: the team on its day."""
    return sorted(walk_list.shift.team.members_on(walk_list.date), key=lambda e: e.first_name)


def likely_walkers(walk_list: WalkList) -> list[int]:
    """Checked by default: who was present, when attendance is recorded; else the team."""
    present = [a.employee_id for a in walk_list.shift.attendance
               if a.status is AttendanceStatus.PRESENT]  # fmt: skip
    return present or [e.id for e in walkers(walk_list)]


def fits(
    measure_key: str, dwelling_type: str | None, building_year: int | None, year_class: str | None
) -> bool:
    """Whether a measure can fit this home, by the advice's own check (no roof for a
    ground-floor flat, no cavity wall for a house built before 1920)."""
    years = advice.house_years(building_year, year_class)
    return advice.fits_home(measure_key, dwelling_type or None, years)


def visit_time(walk_list: WalkList, wall_clock: dt.time) -> dt.datetime:
    """The instant Amsterdam clocks showed ``wall_clock`` on the list's day."""
    return clock.at(walk_list.date, wall_clock)


def save_sheet(
    session: Session, walk_list: WalkList, entries: list[PaperVisit], lead: User
) -> list[visits.SaveResult]:
    """Save every door typed in, or none: SheetErrors names each door's problems."""
    problems = {e.address_id: p for e in entries if (p := _entry_problems(session, walk_list, e))}
    if problems:
        raise SheetErrors(problems)
    results = []
    for entry in entries:
        try:
            results.append(visits.save_visit(session, entry.visit_uuid, entry.data, lead))
        except ValidationError as error:
            problems[entry.address_id] = error.fields
    if problems:
        raise SheetErrors(problems)
    audit.record(session, "paper_visits_typed_in", actor_id=lead.id, obj=walk_list,
                 visits=[str(r.visit.uuid) for r in results],
                 outcomes=sorted(e.data.outcome.value for e in entries))  # fmt: skip
    return results


def _entry_problems(
    session: Session, walk_list: WalkList, entry: PaperVisit
) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    earliest = visit_time(walk_list, walk_list.shift.start_time) - visits.SHIFT_MARGIN
    latest = visit_time(walk_list, walk_list.shift.end_time) + visits.SHIFT_MARGIN
    if not earliest <= entry.data.visited_at <= latest:
        message = _l("Between %(start)s and %(end)s: the shift, give or take two hours.",
                     start=_hhmm(earliest), end=_hhmm(latest))  # fmt: skip
        problems["time"] = [str(message)]
    dwelling = entry.data.household.get("dwelling_type")
    year_class = entry.data.household.get("building_year_class")
    building_year = session.get(Address, entry.address_id).building_year
    for key in entry.data.interests:
        if not fits(key, dwelling, building_year, year_class):
            problems[f"interests.{key}"] = [str(_l("This measure does not fit this dwelling."))]
    stored = session.scalar(select(Visit).where(Visit.uuid == entry.visit_uuid))
    if stored is not None and not (stored.from_paper and stored.address_id == entry.address_id):
        # Only a resubmitted sheet names a stored visit: never another door's or a tablet's.
        problems["uuid"] = [str(_l("This form is out of date: reload the page."))]
    return problems


def _hhmm(instant: dt.datetime) -> str:
    return instant.astimezone(clock.LOCAL).strftime("%H:%M")


def _logged_on(session: Session, address_ids: list[int], day: dt.date) -> dict[int, list[Visit]]:
    start, end = clock.days_span(day, day)
    stmt = (
        select(Visit)
        .where(Visit.address_id.in_(address_ids), Visit.visited_at >= start, Visit.visited_at < end)
        .options(selectinload(Visit.coaches).selectinload(VisitCoach.employee))
        .order_by(Visit.visited_at, Visit.id)
    )
    found: dict[int, list[Visit]] = {}
    for visit in session.scalars(stmt):
        found.setdefault(visit.address_id, []).append(visit)
    return found


def _prefill(address: Address) -> dict[str, str]:
    """What the list knows of the house, as the tablet fills it in for the coach to check."""
    known = {}
    if address.dwelling_type:
        known["dwelling_type"] = DwellingType(address.dwelling_type).value
    if address.energy_label:
        known["energy_label"] = address.energy_label.value
    if address.building_year:
        year = address.building_year
        known["building_year_class"] = next(
            (name for limit, name in YEAR_CLASS_LIMITS if year < limit), "2006_later"
        )
    return known
