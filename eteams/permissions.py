"""Permissions as names; roles map to sets of them (DESIGN §3).

What a permission lets a role see is narrowed further per object by
``eteams.services.scoping`` (a lead sees the employees of their own teams, an
employer only its own employer).
"""

from __future__ import annotations

from enum import StrEnum

from eteams.models.enums import Role


class Permission(StrEnum):
    EMPLOYERS_READ = "employers.read"
    EMPLOYERS_WRITE = "employers.write"
    EMPLOYEES_READ = "employees.read"
    EMPLOYEES_WRITE = "employees.write"
    TEAMS_READ = "teams.read"
    TEAMS_WRITE = "teams.write"
    SHIFTS_READ = "shifts.read"
    SHIFTS_WRITE = "shifts.write"
    USERS_MANAGE = "users.manage"
    CATALOGUE_READ = "catalogue.read"
    CATALOGUE_WRITE = "catalogue.write"
    CAMPAIGNS_READ = "campaigns.read"
    CAMPAIGNS_WRITE = "campaigns.write"
    OWN_WALK_LISTS = "walklists.own"
    WALK_LISTS_READ = "walklists.read"
    VISITS_READ = "visits.read"
    VISITS_WRITE = "visits.write"
    VISITS_CREATE = "visits.create"
    LETTERS_READ = "letters.read"
    LETTERS_WRITE = "letters.write"
    PLACEMENT_REPORTS = "placement_reports.read"
    PROGRAMME_REPORTS = "programme_reports.read"
    SROI_RULES = "sroi_rules.write"
    AUDIT_READ = "audit.read"
    PRIVACY_MANAGE = "privacy.manage"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    # The coach's own pages need an employee record, which an admin does not have.
    Role.ADMIN: frozenset(Permission) - {Permission.OWN_WALK_LISTS},
    Role.LEAD: frozenset(
        {
            Permission.EMPLOYERS_READ,
            Permission.EMPLOYEES_READ,
            Permission.TEAMS_READ,
            Permission.SHIFTS_READ,
            Permission.SHIFTS_WRITE,
            Permission.CATALOGUE_READ,
            Permission.CAMPAIGNS_READ,
            Permission.CAMPAIGNS_WRITE,
            Permission.WALK_LISTS_READ,
            Permission.VISITS_READ,
            Permission.VISITS_WRITE,
            Permission.VISITS_CREATE,
            Permission.LETTERS_READ,
            Permission.LETTERS_WRITE,
            Permission.PLACEMENT_REPORTS,
        }
    ),
    # The catalogue is not personal data and the conversation form needs it.
    Role.COACH: frozenset(
        {
            Permission.TEAMS_READ,
            Permission.SHIFTS_READ,
            Permission.CATALOGUE_READ,
            Permission.OWN_WALK_LISTS,
            Permission.WALK_LISTS_READ,
            Permission.VISITS_CREATE,
            Permission.LETTERS_READ,
        }
    ),
    Role.EMPLOYER: frozenset(
        {
            Permission.EMPLOYERS_READ,
            Permission.EMPLOYEES_READ,
            Permission.PLACEMENT_REPORTS,
        }
    ),
}


def has_permission(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]
