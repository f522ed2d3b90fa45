"""Where a team meets: remembered from its earlier shifts, so a lead does not type latitude
and longitude each time, and found from a campaign's own address when typed as one."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from eteams.models import Address, Shift
from eteams.services import addresses
from eteams.services.shifts import ShiftData

KNOWN_POINTS = 30


@dataclass(frozen=True)
class MeetingPoint:
    shift_id: int  # a shift that used it: the form names it by that
    team_id: int
    name: str
    lat: float
    lon: float


def known(session: Session, team_ids: list[int]) -> list[MeetingPoint]:
    """The meeting points these teams used, latest first, each place once per team."""
    if not team_ids:
        return []
    rows = session.execute(
        select(Shift.id, Shift.team_id, Shift.meeting_point, Shift.meeting_lat, Shift.meeting_lon)
        .where(Shift.team_id.in_(team_ids), Shift.meeting_lat.is_not(None),
               Shift.meeting_lon.is_not(None))
        .order_by(Shift.date.desc(), Shift.id.desc()).limit(2000)
    )  # fmt: skip
    seen: set[tuple[int, str, float, float]] = set()
    points: list[MeetingPoint] = []
    for shift_id, team_id, name, lat, lon in rows:
        key = (team_id, name, round(lat, 5), round(lon, 5))
        if key not in seen:
            seen.add(key)
            points.append(MeetingPoint(shift_id, team_id, name, lat, lon))
    return points[:KNOWN_POINTS]


def filled_in(
    session: Session, data: ShiftData, chosen: MeetingPoint | None = None
) -> tuple[ShiftData, str]:
    """The shift with its meeting point completed, and how (for the lead to check):
    a point chosen from those used before; nothing typed: the team's last one; a name typed
    without coordinates that is one address of a campaign: that address's place."""
    if chosen is not None:
        return _with(data, chosen.name, chosen.lat, chosen.lon), "chosen"
    if data.meeting_lat is not None and data.meeting_lon is not None:
        return data, ""
    if not data.meeting_point.strip():
        last = next((p for p in known(session, [data.team_id])), None)
        if last is not None:
            return _with(data, last.name, last.lat, last.lon), "remembered"
        return data, ""
    search = addresses.parse_search(data.meeting_point)
    if search.number is None:
        return data, ""
    found = session.scalars(
        select(Address).where(addresses.search_condition(search), Address.lat.is_not(None))
        .limit(2)
    ).all()  # fmt: skip
    if len(found) == 1:
        return _with(data, data.meeting_point, found[0].lat, found[0].lon), "address"
    return data, ""


def _with(data: ShiftData, name: str, lat: float, lon: float) -> ShiftData:
    return dataclasses.replace(data, meeting_point=name, meeting_lat=lat, meeting_lon=lon)
