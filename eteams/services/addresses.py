"""A campaign's addresses as the lead sees them: where each door stands, and its history."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, false, func, not_, or_, select, true
from sqlalchemy.orm import Session, selectinload

from eteams.models import Address, Visit, VisitCoach
from eteams.models.enums import Outcome
from eteams.services import audit
from eteams.services.text import ZERO_WIDTH, clean

NOT_HOME_OUTCOMES = (Outcome.NOT_HOME, Outcome.NO_ANSWER)


class DoorStatus(StrEnum):
    NEVER_VISITED = "never_visited"
    NOT_HOME_1 = "not_home_1"
    NOT_HOME_2 = "not_home_2"
    NOT_HOME_3 = "not_home_3"
    CONVERSATION = "conversation"
    REFUSED = "refused"
    DO_NOT_VISIT = "do_not_visit"
    OTHER = "other"  # moved, no access, come back later


def visit_summary() -> Any:
    """Per address: visits, not-home count, and whether a conversation or refusal happened."""
    return (
        select(
            Visit.address_id.label("address_id"),
            func.count(Visit.id).label("visits"),
            func.count(case((Visit.outcome.in_(NOT_HOME_OUTCOMES), 1))).label("not_home"),
            func.count(case((Visit.outcome == Outcome.CONVERSATION, 1))).label("conversations"),
            func.count(case((Visit.outcome == Outcome.REFUSED, 1))).label("refusals"),
            func.max(Visit.visited_at).label("last_visit"),
        )
        .group_by(Visit.address_id)
        .subquery()
    )


def _status_condition(status: DoorStatus, summary: Any) -> ColumnElement[bool]:
    talked = or_(summary.c.conversations > 0, summary.c.refusals > 0)
    open_door = and_(not_(Address.do_not_visit), or_(summary.c.visits.is_(None), not_(talked)))
    return {
        DoorStatus.DO_NOT_VISIT: Address.do_not_visit,
        DoorStatus.NEVER_VISITED: and_(not_(Address.do_not_visit), summary.c.visits.is_(None)),
        DoorStatus.NOT_HOME_1: and_(open_door, summary.c.not_home == 1),
        DoorStatus.NOT_HOME_2: and_(open_door, summary.c.not_home == 2),
        DoorStatus.NOT_HOME_3: and_(open_door, summary.c.not_home >= 3),
        DoorStatus.CONVERSATION: and_(not_(Address.do_not_visit), summary.c.conversations > 0),
        DoorStatus.REFUSED: and_(
            not_(Address.do_not_visit), summary.c.refusals > 0, summary.c.conversations == 0
        ),
        DoorStatus.OTHER: and_(open_door, summary.c.visits > 0, summary.c.not_home == 0),
    }[status]


def status_of(row: Any) -> DoorStatus:
    if row.do_not_visit:
        return DoorStatus.DO_NOT_VISIT
    if not row.visits:
        return DoorStatus.NEVER_VISITED
    if row.conversations:
        return DoorStatus.CONVERSATION
    if row.refusals:
        return DoorStatus.REFUSED
    if row.not_home:
        return (
            DoorStatus.NOT_HOME_1
            if row.not_home == 1
            else (DoorStatus.NOT_HOME_2 if row.not_home == 2 else DoorStatus.NOT_HOME_3)
        )
    return DoorStatus.OTHER


@dataclass(frozen=True)
class DoorRow:
    address: Address
    visits: int
    last_visit: Any
    status: DoorStatus


def addresses_with_status(campaign_id: int | None, status: DoorStatus | None = None) -> Select[Any]:
    """A campaign's doors with what happened at them (``campaign_id`` None: every campaign's;
    the caller narrows them)."""
    summary = visit_summary()
    stmt = (
        select(
            Address,
            Address.do_not_visit,
            func.coalesce(summary.c.visits, 0).label("visits"),
            func.coalesce(summary.c.not_home, 0).label("not_home"),
            func.coalesce(summary.c.conversations, 0).label("conversations"),
            func.coalesce(summary.c.refusals, 0).label("refusals"),
            summary.c.last_visit,
        )
        .outerjoin(summary, summary.c.address_id == Address.id)
        .where(Address.campaign_id == campaign_id if campaign_id is not None else true())
        .order_by(Address.street, Address.house_number, Address.house_letter,
                  Address.house_number_addition)
    )  # fmt: skip
    if status is not None:
        stmt = stmt.where(_status_condition(status, summary))
    return stmt


@dataclass(frozen=True)
class Search:
    """What a lead typed to find a door: "Damstraat 9", "3531 CA 12", "3531ca", "dam"."""

    street: str = ""
    number: int | None = None
    postcode: str = ""
    # "Laan 1945 12": street "Laan" at 1945 (addition 12), or street "Laan 1945" at 12?
    also: Search | None = None

    @property
    def empty(self) -> bool:
        return not (self.street or self.number or self.postcode)


_SEARCH_POSTCODE = re.compile(r"\b([1-9]\d{3})\s?([A-Za-z]{2})\b")
_SEARCH_NUMBER = re.compile(r"(?<![\w])(\d{1,5})(?:\s*[A-Za-z]?(?:[-/\s]\w{1,4})?)?\s*$")


def parse_search(text: str | None) -> Search:
    """A search as typed: a postcode anywhere, a house number at the end, the rest the
    street (any part of it, any case)."""
    text = "".join(c for c in str(clean(text or "")) if c not in ZERO_WIDTH)  # pasted ones
    text = " ".join(text.split())[:200]
    postcode = ""
    found = _SEARCH_POSTCODE.search(text)
    if found:
        postcode = f"{found.group(1)} {found.group(2).upper()}"
        text = (text[: found.start()] + " " + text[found.end() :]).strip()
    number = None
    also = None
    found = _SEARCH_NUMBER.search(text)
    if found:
        number = int(found.group(1))
        last = re.fullmatch(r"\s+(\d{1,5})\s*", text[found.end(1) :])
        if last:  # two numbers at the end: the first may belong to the street's name
            also = Search(street=text[: found.end(1)].strip(" ,"), number=int(last.group(1)),
                          postcode=postcode)  # fmt: skip
        text = text[: found.start()].strip()
    return Search(street=text.strip(" ,"), number=number, postcode=postcode, also=also)


_LOOSE = ".' -"  # left out of a street name when searching for it


def search_condition(search: Search) -> ColumnElement[bool]:
    """The addresses that match: each part given must match."""
    parts: list[ColumnElement[bool]] = []
    if search.street:
        # "JP Coenstraat", "J.P.Coenstraat" and "j.p. coen straat" all find "J.P. Coenstraat":
        # both sides without the dots, spaces, hyphens and apostrophes people type differently.
        typed = "".join(c for c in search.street.casefold() if c not in _LOOSE)
        pattern = "%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace(
            "_", "\\_") + "%"  # fmt: skip
        street = func.lower(Address.street)
        for c in _LOOSE:
            street = func.replace(street, c, "")
        parts.append(street.like(pattern, escape="\\") if typed else false())
    if search.number is not None:
        parts.append(Address.house_number == search.number)
    if search.postcode:
        parts.append(Address.postcode == search.postcode)
    return and_(*parts) if parts else true()


def door_rows(session: Session, stmt: Select[Any]) -> list[DoorRow]:
    return as_door_rows(session.execute(stmt))


def as_door_rows(rows: Any) -> list[DoorRow]:
    return [DoorRow(row.Address, row.visits, row.last_visit, status_of(row)) for row in rows]


def status_counts(session: Session, campaign_id: int) -> dict[DoorStatus, int]:
    summary = visit_summary()
    stmt = (
        select(
            Address.do_not_visit,
            summary.c.visits,
            summary.c.not_home,
            summary.c.conversations,
            summary.c.refusals,
        )
        .outerjoin(summary, summary.c.address_id == Address.id)
        .where(Address.campaign_id == campaign_id)
    )
    counts = dict.fromkeys(DoorStatus, 0)
    for row in session.execute(stmt):
        counts[status_of(row)] += 1
    return counts


def household_visits(session: Session, address_id: int) -> list[Visit]:
    """Every visit at this door, oldest first, with what the household told us."""
    return list(
        session.scalars(
            select(Visit)
            .where(Visit.address_id == address_id)
            .options(
                selectinload(Visit.coaches).selectinload(VisitCoach.employee),
                selectinload(Visit.interests),
                selectinload(Visit.small_measures),
                selectinload(Visit.financing_interests),
                selectinload(Visit.consents),
                selectinload(Visit.recorded_by),
            )
            .order_by(Visit.visited_at, Visit.id)
        )
    )


def set_do_not_visit(
    session: Session, address: Address, value: bool, *, actor_id: int | None
) -> None:
    """The lead marks a door by hand. Audited here: release_do_not_visit reads these events."""
    address.do_not_visit = value
    audit.record(session, "do_not_visit", actor_id=actor_id, obj=address, value=value)


def release_do_not_visit(session: Session, address: Address, actor_id: int | None) -> bool:
    """A coach corrected the visit that marked this door "do not visit": the door may be
    planned again, unless something else keeps it out — another visit where the household
    asked for it, an erasure, or the lead marking it by hand (the latest such choice counts).
    True when the mark was lifted."""
    from eteams.models import AuditEvent

    if not address.do_not_visit or address.erased_at is not None:
        return False
    asked = select(Visit.id).where(
        Visit.address_id == address.id,
        or_(Visit.outcome == Outcome.DO_NOT_VISIT, Visit.do_not_return),
    )
    if session.scalar(asked.limit(1)) is not None:
        return False
    by_hand = session.scalar(
        select(AuditEvent)
        .where(
            AuditEvent.action == "do_not_visit",
            AuditEvent.object_type == "Address",
            AuditEvent.object_id == str(address.id),
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    if by_hand is not None and by_hand.details.get("value"):
        return False
    address.do_not_visit = False
    audit.record(session, "do_not_visit", actor_id=actor_id, obj=address, value=False,
                 reason="visit_corrected")  # fmt: skip
    return True


def never_plan() -> ColumnElement[bool]:
    """Doors that must stay out of every later walk list: marked do-not-visit, or a visit
    where the household said so (outcome do_not_visit, or a refusal asking not to return)."""
    asked = select(Visit.address_id).where(
        or_(Visit.outcome == Outcome.DO_NOT_VISIT, Visit.do_not_return)
    )
    return or_(Address.do_not_visit, Address.id.in_(asked))


def plannable_addresses(campaign_id: int) -> Select[tuple[Address]]:
    return select(Address).where(Address.campaign_id == campaign_id, not_(never_plan()))
