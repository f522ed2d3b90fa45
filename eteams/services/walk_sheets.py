"""The plain data the printed walk sheets need, for one list or every list of a day.

The door, not who lives there: a door's line holds its own address and what the visits there
left that a pair needs at the door (the last outcome and its day, an appointment, "come back
later"), never a name, a phone number, an e-mail address or a note.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass

from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session, selectinload

from eteams.documents.walk_sheet import ConversationForm, SheetStop, WalkSheet
from eteams.labels import label
from eteams.models import Shift, Visit, WalkList, WalkListStop
from eteams.models.enums import DwellingType, Outcome
from eteams.services import catalogue, clock
from eteams.services.addresses import NOT_HOME_OUTCOMES
from eteams.services.consents import CONSENT_TEXTS, WORDING_VERSION

DOORS_PER_FORM = 8  # one blank conversation form for every eight doors, at least two


@dataclass(frozen=True)
class _Seen:
    """What one earlier visit at a door says for the walk sheet (no household data)."""

    outcome: Outcome
    visited_at: dt.datetime
    appointment_at: dt.datetime | None
    follow_up_on: dt.date | None


def walk_sheets_data(session: Session, lists: list[WalkList]) -> list[WalkSheet]:
    """Every list's sheet, in the order given, in a fixed number of queries however many
    lists and doors: the doors, the visits before each list's day, the lists' numbers."""
    if not lists:
        return []
    _load(session, [wl.id for wl in lists])
    seen = _visits_before(session, lists)
    numbers = _list_numbers(session, lists)
    form = _conversation_form(session)
    return [_sheet(wl, numbers[wl.id], seen, form) for wl in lists]


def _load(session: Session, ids: list[int]) -> None:
    """The lists' doors, shifts, teams and campaigns in one go (not one query per door)."""
    session.scalars(
        select(WalkList).where(WalkList.id.in_(ids)).options(
            selectinload(WalkList.stops).selectinload(WalkListStop.address),
            selectinload(WalkList.shift).selectinload(Shift.team),
            selectinload(WalkList.campaign),
        )
    ).all()  # fmt: skip


def _visits_before(session: Session, lists: list[WalkList]) -> dict[int, list[_Seen]]:
    """Per address, its visits before the last of the lists' days, oldest first. Only the
    columns the sheet prints are read."""
    ids = sorted({s.address_id for wl in lists for s in wl.stops})
    if not ids:
        return {}
    until = clock.day_start(max(wl.date for wl in lists))
    seen: dict[int, list[_Seen]] = defaultdict(list)
    for chunk in range(0, len(ids), 500):  # SQLite and PostgreSQL: a modest IN list
        rows = session.execute(
            select(Visit.address_id, Visit.outcome, Visit.visited_at, Visit.appointment_at,
                   Visit.follow_up_on)
            .where(Visit.address_id.in_(ids[chunk : chunk + 500]), Visit.visited_at < until)
            .order_by(Visit.visited_at, Visit.id)
        )  # fmt: skip
        for address_id, *fields in rows:
            seen[address_id].append(_Seen(*fields))
    return seen


def _list_numbers(session: Session, lists: list[WalkList]) -> dict[int, int]:
    """A list's number is its place among its campaign's lists of that day (the planning
    screen's badge): the lists by id."""
    days = {(wl.campaign_id, wl.date) for wl in lists}
    rows = session.execute(
        select(WalkList.id, WalkList.campaign_id, WalkList.date)
        .where(tuple_(WalkList.campaign_id, WalkList.date).in_(sorted(days)))
        .order_by(WalkList.id)
    )
    counters: dict[tuple[int, dt.date], int] = defaultdict(int)
    numbers = {}
    for walk_list_id, campaign_id, day in rows:
        counters[(campaign_id, day)] += 1
        numbers[walk_list_id] = counters[(campaign_id, day)]
    return numbers


def _conversation_form(session: Session) -> ConversationForm:
    """The blank conversation form: the tablet's consent wording and the catalogue's
    measures, in the tablet's language and order."""
    locale = "en" if str(get_locale()) == "en" else "nl"
    measures = catalogue.active_measures(session)

    def name(m: object) -> str:
        return m.name_en if locale == "en" else m.name_nl

    return ConversationForm(
        consent_letter=CONSENT_TEXTS["advice_letter"][locale],
        consent_contact=CONSENT_TEXTS["follow_up_contact"][locale],
        wording_version=WORDING_VERSION,
        measures=[name(m) for m in measures if not m.is_small],
        small_measures=[name(m) for m in measures if m.is_small],
    )


def _sheet(
    walk_list: WalkList, number: int, seen: dict[int, list[_Seen]], form: ConversationForm
) -> WalkSheet:
    shift = walk_list.shift
    start = (shift.meeting_lat, shift.meeting_lon) if shift.meeting_lat is not None else None
    before = clock.day_start(walk_list.date)
    stops = [_stop(s, [v for v in seen.get(s.address_id, []) if v.visited_at < before],
                   walk_list.date) for s in walk_list.stops]  # fmt: skip
    return WalkSheet(
        title=_("Walk list %(campaign)s", campaign=walk_list.campaign.name),
        campaign=walk_list.campaign.name,
        team=shift.team.name,
        date_text=format_date(walk_list.date, "full"),
        time_text=f"{shift.start_time:%H:%M}–{shift.end_time:%H:%M}",
        list_number=number,
        list_id=walk_list.id,
        meeting_point=shift.meeting_point,
        start=start,
        distance_m=walk_list.planned_distance_m,
        minutes=walk_list.planned_minutes,
        stops=stops,
        form=form,
        conversation_forms=max(2, math.ceil(len(stops) / DOORS_PER_FORM)),
    )


def _stop(stop: WalkListStop, visits: list[_Seen], day: dt.date) -> SheetStop:
    a = stop.address
    return SheetStop(
        seq=stop.seq,
        house=a.house_label,
        street=a.street,
        postcode=a.postcode,
        dwelling=str(label(DwellingType, a.dwelling_type) or ""),
        lat=a.lat,
        lon=a.lon,
        previous=_previous(visits),
        plans=_plans(visits, day),
    )


def _previous(visits: list[_Seen]) -> str:
    """The last outcome and its day; how often nobody opened, when more than once."""
    if not visits:
        return ""
    last = visits[-1]
    text = _("%(outcome)s, %(day)s", outcome=label(Outcome, last.outcome),
             day=_short_day(clock.local_day(last.visited_at)))  # fmt: skip
    absent = sum(v.outcome in NOT_HOME_OUTCOMES for v in visits)
    if absent > 1:
        text += " · " + _("%(n)d× not home", n=absent)
    return text


def _plans(visits: list[_Seen], day: dt.date) -> str:
    """An appointment on or after the list's day, the day to come back, and a "come back
    later" with the time it was said (the pair tries another hour)."""
    parts = []
    coming = sorted(v.appointment_at for v in visits
                    if v.appointment_at and clock.local_day(v.appointment_at) >= day)  # fmt: skip
    if coming:
        when = coming[0].astimezone(clock.LOCAL)
        parts.append(_("Appointment %(day)s %(time)s", day=_short_day(when.date()),
                       time=f"{when:%H:%M}"))  # fmt: skip
    last = visits[-1] if visits else None
    if last and last.follow_up_on and last.follow_up_on >= day:
        parts.append(_("Come back on %(day)s", day=_short_day(last.follow_up_on)))
    if last and last.outcome is Outcome.COME_BACK_LATER and not last.follow_up_on:
        at = last.visited_at.astimezone(clock.LOCAL)
        parts.append(_("Asked at %(time)s: another hour", time=f"{at:%H:%M}"))
    return " · ".join(parts)


def _short_day(day: dt.date) -> str:
    """ "7 jun": the day and its month on one line."""
    return format_date(day, "d MMM").replace(" ", "\u00a0")
