"""What each caller may see: one scope per model, applied to every query and every fetch.

``visible(Model, user)`` is a SELECT narrowed to the rows within the user's reach;
``get_visible(session, Model, id, user)`` fetches one row through that scope and
raises NotFound when it is out of reach, so ids cannot be probed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, false, or_, select, true
from sqlalchemy.orm import Session

from eteams.models import (
    Address,
    Campaign,
    Employee,
    Employer,
    ImportUpload,
    Shift,
    Team,
    TeamMembership,
    User,
    Visit,
    WalkList,
)
from eteams.models.enums import Role, WalkListStatus
from eteams.services import clock
from eteams.services.errors import NotFound

M = TypeVar("M")
Scope = Callable[[User], ColumnElement[bool]]


def _employer_scope(user: User) -> ColumnElement[bool]:
    if user.role in (Role.ADMIN, Role.LEAD):
        return true()
    if user.role is Role.EMPLOYER:
        return Employer.id == user.employer_id
    return false()


def _employee_scope(user: User) -> ColumnElement[bool]:
    if user.role is Role.ADMIN:
        return true()
    if user.role is Role.EMPLOYER:
        return Employee.employer_id == user.employer_id
    if user.role is Role.LEAD:
        led = (
            select(TeamMembership.employee_id)
            .join(Team, Team.id == TeamMembership.team_id)
            .where(Team.lead_user_id == user.id)
        )
        return Employee.id.in_(led)
    return false()


def _team_scope(user: User) -> ColumnElement[bool]:
    if user.role is Role.ADMIN:
        return true()
    if user.role is Role.LEAD:
        return Team.lead_user_id == user.id
    if user.role is Role.COACH:
        mine = select(TeamMembership.team_id).where(TeamMembership.employee_id == user.employee_id)
        return Team.id.in_(mine)
    return false()


def _shift_scope(user: User) -> ColumnElement[bool]:
    if user.role is Role.ADMIN:
        return true()
    if user.role is Role.LEAD:
        return Shift.team_id.in_(select(Team.id).where(Team.lead_user_id == user.id))
    if user.role is Role.COACH:
        mine = select(TeamMembership.id).where(
            TeamMembership.team_id == Shift.team_id,
            TeamMembership.employee_id == user.employee_id,
            TeamMembership.from_date <= Shift.date,
            or_(TeamMembership.to_date.is_(None), TeamMembership.to_date >= Shift.date),
        )
        return mine.exists()
    return false()


def _walk_list_scope(user: User) -> ColumnElement[bool]:
    """Leads and admins see every list; a coach the published lists of their own shifts,
    today and the next 7 days, and today's list the lead has closed (the tablet says so, and
    doors still logged there are kept for the lead to check)."""
    if user.role in (Role.ADMIN, Role.LEAD):
        return true()
    if user.role is Role.COACH:
        today = clock.today()
        own_shifts = select(Shift.id).where(_shift_scope(user))
        return and_(
            WalkList.shift_id.in_(own_shifts),
            or_(
                WalkList.status == WalkListStatus.PUBLISHED,
                and_(WalkList.status == WalkListStatus.DONE, WalkList.date == today),
            ),
            WalkList.date >= today,
            WalkList.date <= today + timedelta(days=7),
        )
    return false()


def _visit_scope(user: User) -> ColumnElement[bool]:
    if user.role in (Role.ADMIN, Role.LEAD):
        return true()
    if user.role is Role.COACH:
        return Visit.recorded_by_id == user.id
    return false()


def _campaign_scope(user: User) -> ColumnElement[bool]:
    return true() if user.role in (Role.ADMIN, Role.LEAD) else false()


def _user_scope(user: User) -> ColumnElement[bool]:
    return true() if user.role is Role.ADMIN else User.id == user.id


SCOPES: dict[type, Scope] = {
    Employer: _employer_scope,
    Employee: _employee_scope,
    Team: _team_scope,
    User: _user_scope,
    Campaign: _campaign_scope,
    Address: _campaign_scope,
    ImportUpload: _campaign_scope,
    Shift: _shift_scope,
    WalkList: _walk_list_scope,
    Visit: _visit_scope,
}


def visible_clause(model: type, user: User) -> ColumnElement[bool]:
    """The condition ``visible`` filters on, for queries that select more than the model."""
    return SCOPES[model](user)


def visible(model: type[M], user: User) -> Select[tuple[M]]:
    return select(model).where(visible_clause(model, user))


def get_visible(session: Session, model: type[M], object_id: Any, user: User) -> M:
    found = session.scalar(visible(model, user).where(model.id == object_id))  # type: ignore[attr-defined]
    if found is None:
        raise NotFound(model.__name__)
    return found
