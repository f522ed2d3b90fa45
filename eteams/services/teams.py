"""E-teams and who is in them when."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from eteams.models import Employee, Team, TeamMembership, User
from eteams.models.enums import Role
from eteams.services import audit
from eteams.services.errors import ValidationError


@dataclass(frozen=True)
class MemberData:
    employee_id: int
    from_date: date
    to_date: date | None = None


@dataclass(frozen=True)
class TeamData:
    name: str
    lead_user_id: int | None
    members: list[MemberData] = field(default_factory=list)
    max_walk_km: Decimal | None = None


def save_team(
    session: Session, data: TeamData, team: Team | None = None, actor_id: int | None = None
) -> Team:
    """Create or update a team and its memberships, audited here (form, API and CLI alike)."""
    problems = _team_problems(session, data, team.id if team else None)
    if problems:
        raise ValidationError(problems)
    team = team or Team()
    team.name = data.name.strip()
    team.lead_user_id = data.lead_user_id
    team.max_walk_km = data.max_walk_km
    session.add(team)
    _update_memberships(team, data.members)
    session.flush()
    audit.record(session, "team_saved", actor_id=actor_id, obj=team)
    return team


def _update_memberships(team: Team, members: list[MemberData]) -> None:
    """Keep the rows that did not change, change the ones that did, delete the rest.

    Replacing them all would insert a row equal to one not yet deleted, and the flush trips
    UNIQUE(team, employee, from). Here a changed or new row only ever takes a (employee, from)
    that no row of the team holds, so the order of the flush does not matter.
    """
    by_key = {(m.employee_id, m.from_date): m for m in team.memberships}
    kept = {(m.employee_id, m.from_date) for m in members} & by_key.keys()
    spare = [m for key, m in by_key.items() if key not in kept]
    new: list[MemberData] = []
    for member in members:
        key = (member.employee_id, member.from_date)
        if key in kept:
            by_key[key].to_date = member.to_date
            continue
        row = next((m for m in spare if m.employee_id == member.employee_id), None)
        if row is None:
            new.append(member)
            continue
        spare.remove(row)
        row.from_date, row.to_date = member.from_date, member.to_date
    for row in spare:
        team.memberships.remove(row)
    for member in new:
        team.memberships.append(
            TeamMembership(
                employee_id=member.employee_id, from_date=member.from_date, to_date=member.to_date
            )
        )


def _team_problems(session: Session, data: TeamData, own_id: int | None) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    name = data.name.strip()
    if not name:
        problems["name"] = [str(_l("Enter a team name."))]
    elif session.scalar(select(Team.id).where(Team.name == name, Team.id != own_id)):
        problems["name"] = [str(_l("A team with this name exists."))]
    if data.lead_user_id is not None:
        lead = session.get(User, data.lead_user_id)
        if lead is None or lead.role not in (Role.LEAD, Role.ADMIN):
            problems["lead_user_id"] = [str(_l("The team lead must be a user with the lead role."))]
    if data.max_walk_km is not None and not Decimal(0) < data.max_walk_km <= Decimal(30):
        problems["max_walk_km"] = [str(_l("The walking limit must be between 0 and 30 km."))]
    member_problems = _member_problems(session, data.members)
    if member_problems:
        problems["members"] = member_problems
    return problems


def _member_problems(session: Session, members: list[MemberData]) -> list[str]:
    problems: list[str] = []
    for n, member in enumerate(members, start=1):
        employee = session.get(Employee, member.employee_id)
        if employee is None:
            problems.append(str(_l("Member %(n)d: choose an employee.", n=n)))
            continue
        if member.to_date is not None and member.to_date < member.from_date:
            problems.append(str(_l("Member %(n)d: the end date is before the start date.", n=n)))
        if member.from_date < employee.hired_on or (
            employee.ended_on is not None and member.from_date > employee.ended_on
        ):
            problems.append(
                str(
                    _l(
                        "Member %(n)d: %(name)s is not employed on the start date.",
                        n=n,
                        name=employee.full_name,
                    )
                )
            )
    for n, a in enumerate(members, start=1):
        for b in members[n:]:
            if a.employee_id == b.employee_id and _overlap(a, b):
                problems.append(str(_l("Member %(n)d appears twice for overlapping dates.", n=n)))
    return problems


def _overlap(a: MemberData, b: MemberData) -> bool:
    a_end = a.to_date or date.max
    b_end = b.to_date or date.max
    return a.from_date <= b_end and b.from_date <= a_end
