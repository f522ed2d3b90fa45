"""A lead's day at a glance: per team the doors planned and done, conversations, interest —
and signals when the logged data look wrong. Team level only: never a single coach's figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eteams.models import Address, Shift, Team, Visit, VisitInterest, WalkList, WalkListStop
from eteams.models.enums import Interest, Outcome
from eteams.services import clock

# Someone opened the door: everything but "not home", "no answer", "moved", "no access".
CONTACT = (Outcome.CONVERSATION, Outcome.REFUSED, Outcome.COME_BACK_LATER, Outcome.DO_NOT_VISIT)
HIGH_CONTACT_RATE = 0.9  # door to door, a third to a half is usual
MIN_DOORS_FOR_RATE = 10
SECONDS_APART = 15  # two different buildings cannot be walked between in this time
MIN_QUICK_PAIRS = 5


@dataclass
class TeamDay:
    team_id: int
    team_name: str
    planned: int = 0
    visited: int = 0
    contacts: int = 0
    conversations: int = 0
    interested: int = 0
    quick_pairs: int = 0
    signals: list[str] = field(default_factory=list)

    @property
    def contact_rate(self) -> float | None:
        return self.contacts / self.visited if self.visited else None


def team_days(session: Session, teams: list[Team], day: dt.date) -> list[TeamDay]:
    """Progress of ``teams`` on ``day`` from the walk lists of their shifts that day."""
    days = _progress(session, teams, day, day)
    for team in days:
        team.signals = _signals(team)
    return days


def team_week(session: Session, teams: list[Team], day: dt.date) -> list[TeamDay]:
    """The week (Monday to Sunday) of ``day`` per team; signals are per day, not here."""
    return _progress(session, teams, *week_of(day))


def _progress(session: Session, teams: list[Team], start: dt.date, end: dt.date) -> list[TeamDay]:
    result = {t.id: TeamDay(t.id, t.name) for t in teams}
    lists = select(WalkList.id, Shift.team_id).join(Shift, Shift.id == WalkList.shift_id).where(
        WalkList.date.between(start, end), Shift.team_id.in_(result)
    )  # fmt: skip
    team_of = dict(session.execute(lists).all())
    if not team_of:
        return list(result.values())
    planned = session.execute(
        select(WalkListStop.walk_list_id, func.count(WalkListStop.id))
        .where(WalkListStop.walk_list_id.in_(team_of)).group_by(WalkListStop.walk_list_id)
    )  # fmt: skip
    for walk_list_id, count in planned:
        result[team_of[walk_list_id]].planned += count
    interested = select(VisitInterest.visit_id).where(
        VisitInterest.level.in_((Interest.INTERESTED, Interest.MAYBE))
    )
    visits = session.execute(
        select(Visit.walk_list_id, Visit.visited_at, Visit.outcome, Address.postcode,
               Address.house_number, Visit.id.in_(interested))
        .join(Address, Address.id == Visit.address_id)
        .where(Visit.walk_list_id.in_(team_of))
        .order_by(Visit.walk_list_id, Visit.visited_at)
    ).all()  # fmt: skip
    previous: dict[int, tuple] = {}
    for walk_list_id, at, outcome, postcode, number, is_interested in visits:
        team = result[team_of[walk_list_id]]
        team.visited += 1
        team.contacts += outcome in CONTACT
        team.conversations += outcome is Outcome.CONVERSATION
        team.interested += bool(is_interested)
        before = previous.get(walk_list_id)
        # Flats behind one entrance are logged together on purpose: only other buildings count.
        other_building = before is not None and (postcode, number) != before[1]
        if other_building and (at - before[0]).total_seconds() < SECONDS_APART:
            team.quick_pairs += 1
        previous[walk_list_id] = (at, (postcode, number))
    return list(result.values())


def _signals(team: TeamDay) -> list[str]:
    signals = []
    rate = team.contact_rate
    if rate is not None and team.visited >= MIN_DOORS_FOR_RATE and rate >= HIGH_CONTACT_RATE:
        percent = round(rate * 100)
        signals.append(
            _("Someone opened at %(percent)d %% of the doors; usually it is a third to a half. "
              "Check the outcomes with the team.", percent=percent)
        )  # fmt: skip
    if team.quick_pairs >= MIN_QUICK_PAIRS:
        signals.append(
            _("%(n)d doors in other buildings were logged seconds apart. Were they visited, "
              "or entered afterwards?", n=team.quick_pairs)
        )  # fmt: skip
    return signals


CONVERSATION_MILESTONES = (100, 250, 500, 1000, 2500, 5000, 10_000)


@dataclass(frozen=True)
class Milestone:
    team_name: str
    text: str


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def milestones(session: Session, teams: list[Team], day: dt.date) -> list[Milestone]:
    """What ``teams`` achieved in the week of ``day`` worth celebrating — always a team, never
    one person, and never a ranking of the rest."""
    monday, sunday = week_of(day)
    since, until = clock.days_span(monday, sunday)
    ids = {t.id: t.name for t in teams}
    by_team = (
        select(Shift.team_id, func.count(Visit.id))
        .join(WalkList, WalkList.id == Visit.walk_list_id)
        .join(Shift, Shift.id == WalkList.shift_id)
        .where(Visit.outcome == Outcome.CONVERSATION)
        .group_by(Shift.team_id)
    )
    before = dict(session.execute(by_team.where(Visit.visited_at < since)).all())
    upto = dict(session.execute(by_team.where(Visit.visited_at < until)).all())
    found = []
    for team_id, name in ids.items():
        reached = [m for m in CONVERSATION_MILESTONES
                   if before.get(team_id, 0) < m <= upto.get(team_id, 0)]  # fmt: skip
        if reached:
            found.append(Milestone(name, _("%(n)d conversations since the start!", n=reached[-1])))
    found += _first_heat_pumps(session, ids, since, until)
    week = {team_id: upto.get(team_id, 0) - before.get(team_id, 0) for team_id in upto}
    if week and max(week.values()) > 0:
        best = max(week.values())
        for team_id, count in week.items():
            if count == best and team_id in ids:
                found.append(Milestone(ids[team_id], _(
                    "The most conversations of all teams this week: %(n)d.", n=count)))  # fmt: skip
    return found


def _first_heat_pumps(
    session: Session, ids: dict[int, str], since: dt.datetime, until: dt.datetime
) -> list[Milestone]:
    """The first heat-pump appointment in a street (ever) that fell in this week."""
    heat_pump = select(VisitInterest.visit_id).where(VisitInterest.measure_key.like("%heat_pump%"))
    first = (
        select(Address.campaign_id, Address.street, func.min(Visit.visited_at).label("first_at"))
        .join(Visit, Visit.address_id == Address.id)
        .where(Visit.appointment_at.is_not(None), Visit.id.in_(heat_pump))
        .group_by(Address.campaign_id, Address.street)
        .subquery()
    )
    rows = session.execute(
        select(Shift.team_id, Address.street)
        .join(WalkList, WalkList.shift_id == Shift.id)
        .join(Visit, Visit.walk_list_id == WalkList.id)
        .join(Address, Address.id == Visit.address_id)
        .join(first, (first.c.campaign_id == Address.campaign_id)
              & (first.c.street == Address.street) & (first.c.first_at == Visit.visited_at))
        .where(Visit.visited_at >= since, Visit.visited_at < until, Shift.team_id.in_(ids),
               Visit.appointment_at.is_not(None), Visit.id.in_(heat_pump))
        .distinct()
    )  # fmt: skip
    return [Milestone(ids[team_id], _("The first heat-pump appointment in %(street)s!",
                                      street=street)) for team_id, street in rows]  # fmt: skip


@dataclass
class CampaignDay:
    """One campaign's walk lists on a day, over every team: what the planner checks first."""

    campaign_id: int
    campaign_name: str
    lists: int = 0
    published: int = 0
    drafts: int = 0
    done: int = 0
    planned: int = 0
    visited: int = 0


def campaign_days(session: Session, campaign_ids: list[int], day: dt.date) -> list[CampaignDay]:
    """The campaigns (of those given) with walk lists on ``day``, by name."""
    from eteams.models import Campaign
    from eteams.models.enums import WalkListStatus

    rows = session.execute(
        select(Campaign.id, Campaign.name, WalkList.id, WalkList.status)
        .join(WalkList, WalkList.campaign_id == Campaign.id)
        .where(WalkList.date == day, Campaign.id.in_(campaign_ids))
        .order_by(Campaign.name, Campaign.id)
    ).all()  # fmt: skip
    result: dict[int, CampaignDay] = {}
    campaign_of: dict[int, int] = {}
    for campaign_id, name, walk_list_id, status in rows:
        entry = result.setdefault(campaign_id, CampaignDay(campaign_id, name))
        entry.lists += 1
        entry.published += status is WalkListStatus.PUBLISHED
        entry.drafts += status is WalkListStatus.DRAFT
        entry.done += status is WalkListStatus.DONE
        campaign_of[walk_list_id] = campaign_id
    if not campaign_of:
        return []
    planned = session.execute(
        select(WalkListStop.walk_list_id, func.count(WalkListStop.id))
        .where(WalkListStop.walk_list_id.in_(campaign_of)).group_by(WalkListStop.walk_list_id)
    )  # fmt: skip
    for walk_list_id, count in planned:
        result[campaign_of[walk_list_id]].planned += count
    visited = session.execute(
        select(Visit.walk_list_id, func.count(func.distinct(Visit.address_id)))
        .where(Visit.walk_list_id.in_(campaign_of)).group_by(Visit.walk_list_id)
    )  # fmt: skip
    for walk_list_id, count in visited:
        result[campaign_of[walk_list_id]].visited += count
    return list(result.values())
