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
    result = {t.id: TeamDay(t.id, t.name) for t in teams}
    lists = select(WalkList.id, Shift.team_id).join(Shift, Shift.id == WalkList.shift_id).where(
        WalkList.date == day, Shift.team_id.in_(result)
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
    for team in result.values():
        team.signals = _signals(team)
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
