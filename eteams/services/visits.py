"""Visits: what happened at a door, saved idempotently by the UUID the device generated.

The same body sent twice is one visit. A coach may correct their own visit for 24 hours.
When two devices send the same visit, the version with the later device clock
(``client_updated_at``) wins and an older one is answered with the stored visit unchanged:
last writer by the coach's own clock, never by arrival order, so a slow retry from a
tablet that was offline cannot undo a correction made since.

A visit from the field is a fact. A coach's visit is accepted when it is plausible — the walk
list is one of their own team's (even if since re-planned, changed, done or past its day), or
the coach was on a shift of that campaign on the day — and what looks wrong about it is put in
the lead's review list (``VisitReview``). Only the impossible is refused: an address that does
not exist, a list of another campaign, or a list the coach could never see.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid as uuid_module
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from eteams.models import (
    Address,
    FinancingOption,
    Measure,
    Shift,
    TeamMembership,
    User,
    Visit,
    VisitCoach,
    VisitConsent,
    VisitFinancingInterest,
    VisitInterest,
    VisitReview,
    VisitSmallMeasure,
    WalkList,
    WalkListDownload,
    WalkListStop,
)
from eteams.models.base import utcnow
from eteams.models.enums import (
    ConsentKind,
    Interest,
    Outcome,
    ReviewReason,
    Role,
    WalkListStatus,
)
from eteams.services import catalogue, clock, text
from eteams.services.errors import NotFound, ValidationError

EDIT_WINDOW = dt.timedelta(hours=24)
CLOCK_SKEW = dt.timedelta(minutes=10)
SHIFT_MARGIN = dt.timedelta(hours=2)  # a visit further from its shift than this is checked
HOUSEHOLD_FIELDS = (
    "tenure", "landlord", "dwelling_type", "building_year_class", "occupants", "energy_label",
    "gas_m3_per_year", "kwh_per_year", "heating", "heating_age_years", "language",
    "letter_language", "glazing", "wall_insulated", "roof_insulated", "floor_insulated",
)  # fmt: skip
STRENGTH = (Interest.NO, Interest.MAYBE, Interest.INTERESTED, Interest.HAS_IT)


@dataclass
class VisitInput:
    address_id: int
    visited_at: dt.datetime
    outcome: Outcome
    walk_list_id: int | None = None
    household: dict[str, Any] = field(default_factory=dict)
    interests: dict[str, Interest] = field(default_factory=dict)
    financing_interest: list[str] = field(default_factory=list)
    small_measures: dict[str, int] = field(default_factory=dict)
    consents: dict[ConsentKind, tuple[bool, str]] = field(default_factory=dict)
    contact: dict[str, str] = field(default_factory=dict)
    appointment_at: dt.datetime | None = None
    follow_up_on: dt.date | None = None
    notes: str | None = None
    do_not_return: bool = False
    client_updated_at: dt.datetime | None = None
    # Typed in by a lead from the paper walk sheet: who walked the door (members of the
    # list's team that day), and the consents were given and signed on the sheet.
    coach_ids: list[int] | None = None
    on_paper: bool = False

    def __post_init__(self) -> None:
        """Interests named by an earlier catalogue's key ("cavity_wall_terraced") count for
        the measure it became; where two become one, the strongest answer stays."""
        merged: dict[str, Interest] = {}
        for key, level in self.interests.items():
            new = catalogue.canonical_key(key)
            if new not in merged or STRENGTH.index(level) > STRENGTH.index(merged[new]):
                merged[new] = level
        self.interests = merged


@dataclass(frozen=True)
class SaveResult:
    visit: Visit
    created: bool
    stale: bool = False  # an older version from another device: nothing was changed


def save_visit(
    session: Session,
    visit_uuid: uuid_module.UUID,
    data: VisitInput,
    user: User,
    now: dt.datetime | None = None,
) -> SaveResult:
    now = now or utcnow()
    if data.client_updated_at is not None and data.client_updated_at > now + CLOCK_SKEW:
        # A device clock running ahead would make every later correction look older and be
        # dropped as stale: it counts as the moment it arrived.
        data.client_updated_at = now
    existing = session.scalar(select(Visit).where(Visit.uuid == visit_uuid))
    if existing is not None:
        _may_edit(existing, user, now)
        if _is_older(data.client_updated_at, existing.client_updated_at):
            return SaveResult(existing, created=False, stale=True)
    address = session.get(Address, data.address_id)
    walk_list, doubts = _checked(session, data, user, address, now, existing)
    doubts |= _second_record(session, data, address, visit_uuid)
    doubts |= _second_conversation(session, data, address, visit_uuid)
    visit = existing or Visit(uuid=visit_uuid, recorded_by_id=user.id)
    marked = _marked_door(existing)
    _apply(session, visit, data, address, walk_list, user)
    if address.erased_at is not None:
        _keep_only_the_outcome(session, visit)
    _note_doubts(visit, doubts)
    session.add(visit)
    session.flush()
    _undo_do_not_visit(session, marked, visit, user)
    return SaveResult(visit, created=existing is None)


def _keep_only_the_outcome(session: Session, visit: Visit) -> None:
    """The household was erased (AVG art. 17): a late visit from a tablet keeps only its
    anonymous outcome — no contact, notes, answers, consents or interests, and so no letter."""
    from eteams.services.privacy import VISIT_PERSONAL_FIELDS

    for name in VISIT_PERSONAL_FIELDS:
        setattr(visit, name, None)
    visit.consents, visit.interests = [], []
    visit.financing_interests, visit.small_measures = [], []
    visit.erased_at = visit.erased_at or utcnow()


def _marked_door(visit: Visit | None) -> Address | None:
    """The door this visit marked "do not visit", before a correction."""
    if visit is None or not (visit.outcome is Outcome.DO_NOT_VISIT or visit.do_not_return):
        return None
    return visit.address


def _undo_do_not_visit(session: Session, marked: Address | None, visit: Visit, user: User) -> None:
    """A correction takes back what the visit said: the door may be planned again."""
    from eteams.services.addresses import release_do_not_visit

    if marked is None:
        return
    still_asks = visit.outcome is Outcome.DO_NOT_VISIT or visit.do_not_return
    if still_asks and visit.address_id == marked.id:
        return
    release_do_not_visit(session, marked, user.id)


def _may_edit(visit: Visit, user: User, now: dt.datetime) -> None:
    if user.role is Role.COACH:
        if visit.recorded_by_id != user.id:
            raise NotFound("Visit")  # another coach's visit is out of reach
        if now - visit.created_at > EDIT_WINDOW:  # instants, read back in UTC on every database
            raise ValidationError(
                {"uuid": [str(_l("A visit can be corrected for 24 hours; ask your team lead."))]}
            )


def _is_older(incoming: dt.datetime | None, stored: dt.datetime | None) -> bool:
    if incoming is None or stored is None:
        return False
    return incoming < stored  # instants: the device's offset does not matter


def _checked(
    session: Session,
    data: VisitInput,
    user: User,
    address: Address | None,
    now: dt.datetime,
    existing: Visit | None,
) -> tuple[WalkList | None, set[ReviewReason]]:
    """Refuse what cannot be; return the walk list and the doubts the lead should check."""
    problems: dict[str, list[str]] = {}
    if address is None:
        # A coach is told what they are told of a door that is not theirs: the answer never
        # shows which address ids exist (issue 15, ninth review).
        message = (_l("This door is not on one of your walk lists.") if user.role is Role.COACH
                   else _l("This address does not exist."))  # fmt: skip
        raise ValidationError({"address_id": [str(message)]})
    problems.update(_impossible_answers(data))
    walk_list, doubts = None, _doubtful_dates(data, address)
    if user.role is Role.COACH and data.visited_at > now + CLOCK_SKEW:
        # A tablet whose clock runs ahead: the visit is a fact, its time is not. It is kept
        # at the time it first arrived (a resend or a correction does not move it) and the
        # lead sees why; a refusal would strand it.
        data.visited_at = existing.visited_at if existing is not None else now
        doubts.add(ReviewReason.CLOCK_AHEAD)
    if user.role is Role.COACH:
        walk_list, found = _coach_list(session, data, user, address, problems)
        doubts |= found | _doubts(data, address, walk_list, now, existing)
    elif data.walk_list_id:
        walk_list = session.get(WalkList, data.walk_list_id)
        if walk_list is None or walk_list.campaign_id != address.campaign_id:
            problems["walklist_id"] = [str(_l("This walk list does not belong to the address."))]
    if data.visited_at > now + CLOCK_SKEW:
        problems["visited_at"] = [str(_l("The time of the visit lies in the future."))]
    talked = data.outcome is Outcome.CONVERSATION
    if not talked and any(v not in (None, "") for v in data.household.values()):
        problems["household"] = [str(_l("Household answers belong to a conversation."))]
    if not talked and (data.interests or data.small_measures or data.appointment_at):
        problems["interests"] = [str(_l("Interests and appointments belong to a conversation."))]
    follow_up = data.consents.get(ConsentKind.FOLLOW_UP_CONTACT, (False, ""))[0]
    if any(data.contact.values()) and not follow_up:
        problems["contact"] = [str(_l("Contact details only with consent for follow-up contact."))]
    problems.update(_catalogue_problems(session, data))
    problems.update(_coach_problems(data, user, walk_list))
    if problems:
        raise ValidationError(problems)
    return walk_list, doubts


def _coach_problems(
    data: VisitInput, user: User, walk_list: WalkList | None
) -> dict[str, list[str]]:
    """Who walked a door typed in from paper: coaches of the list's team on its day."""
    if data.coach_ids is None:
        return {}
    if user.role is Role.COACH:
        return {"coaches": [str(_l("A coach's visit is their own."))]}
    if not data.coach_ids:
        return {"coaches": [str(_l("Choose who walked this door."))]}
    team = walk_list.shift.team.members_on(walk_list.date) if walk_list else []
    if set(data.coach_ids) - {e.id for e in team}:
        return {"coaches": [str(_l("Only coaches of the team on that day."))]}
    return {}


def _second_record(
    session: Session, data: VisitInput, address: Address, visit_uuid: uuid_module.UUID
) -> set[ReviewReason]:
    """A door with a visit from the tablet and one from paper on the same day: two records
    of one door, which the lead checks (neither replaces the other)."""
    day = _local_day(data.visited_at)
    start, end = clock.day_start(day), clock.day_start(day + dt.timedelta(days=1))
    stmt = select(Visit.id).where(
        Visit.address_id == address.id,
        Visit.uuid != visit_uuid,
        Visit.visited_at >= start,
        Visit.visited_at < end,
    )
    if not data.on_paper:  # a tablet visit: only a paper record of that day is a second one
        stmt = stmt.where(Visit.from_paper)
    found = session.scalar(stmt.limit(1)) is not None
    return {ReviewReason.ALREADY_LOGGED} if found else set()


def _second_conversation(
    session: Session, data: VisitInput, address: Address, visit_uuid: uuid_module.UUID
) -> set[ReviewReason]:
    """A conversation at a door that has another one that day (the one that arrives second is
    flagged, earlier or later): the household gets one letter, from the latest
    (``letters.visits_with_letter_consent``); both stay, and the lead checks."""
    if data.outcome is not Outcome.CONVERSATION:
        return set()
    day = _local_day(data.visited_at)
    start, end = clock.day_start(day), clock.day_start(day + dt.timedelta(days=1))
    stmt = select(Visit.id).where(
        Visit.address_id == address.id,
        Visit.uuid != visit_uuid,
        Visit.outcome == Outcome.CONVERSATION,
        Visit.erased_at.is_(None),
        Visit.visited_at >= start,
        Visit.visited_at < end,
    )
    found = session.scalar(stmt.limit(1)) is not None
    return {ReviewReason.SECOND_CONVERSATION} if found else set()


# An appointment from 22:00 to 07:00 (Amsterdam) is possible but rare: most likely a slip
# of the hour (03:30 for 15:30), so the lead checks it with the coach.
NIGHT_FROM, NIGHT_UNTIL = dt.time(22, 0), dt.time(7, 0)
# An appointment more than a year after the visit is most likely a slip of the year.
APPOINTMENT_HORIZON = dt.timedelta(days=365)
# A language given as a code ("tr", "en-GB") must be one; a name is kept as the coach typed it.
LANGUAGE_CODE = re.compile(r"([a-z]{2})(?:[-_][a-z]{2})?")


def _impossible_answers(data: VisitInput) -> dict[str, list[str]]:
    """What cannot be true of a conversation: refused, each message naming its field (a
    tablet shows the messages without the field names). A day to come back before the visit
    is refused like an appointment before it."""
    problems: dict[str, list[str]] = {}
    if data.appointment_at is not None and data.appointment_at < data.visited_at:
        problems["appointment_at"] = [str(_l(
            "Appointment: it lies before the visit itself. Check the appointment's date and time."
        ))]  # fmt: skip
    if data.follow_up_on is not None and data.follow_up_on < _local_day(data.visited_at):
        problems["follow_up_on"] = [str(_l(
            "Come back on: the day lies before the visit itself. Check the date."
        ))]  # fmt: skip
    spoken = str(data.household.get("language") or "").strip()
    code = LANGUAGE_CODE.fullmatch(spoken.casefold())
    if code and code.group(1) not in _language_codes():
        problems["language"] = [str(_l(
            'Language spoken: "%(code)s" is no language code we know. Write the language\'s '
            "name (Turks) or its code (tr).", code=spoken))]  # fmt: skip
    return problems


@cache
def _language_codes() -> frozenset[str]:
    """ISO 639-1 codes, as the CLDR (through Babel) names them."""
    from babel import Locale

    return frozenset(code for code in Locale("en").languages if len(code) == 2)


def _doubtful_dates(data: VisitInput, address: Address) -> set[ReviewReason]:
    """Possible but doubtful: kept as recorded and put before the lead."""
    doubts = set()
    campaign = address.campaign
    if not campaign.starts_on <= _local_day(data.visited_at) <= campaign.ends_on:
        doubts.add(ReviewReason.OUTSIDE_CAMPAIGN)
    if data.appointment_at is not None:
        at = clock.local_time(data.appointment_at)
        if at >= NIGHT_FROM or at < NIGHT_UNTIL:
            doubts.add(ReviewReason.APPOINTMENT_AT_NIGHT)
        if data.appointment_at > data.visited_at + APPOINTMENT_HORIZON:
            doubts.add(ReviewReason.APPOINTMENT_FAR_AHEAD)
    return doubts


def _coach_list(
    session: Session,
    data: VisitInput,
    user: User,
    address: Address,
    problems: dict[str, list[str]],
) -> tuple[WalkList | None, set[ReviewReason]]:
    """The list a coach's visit belongs to. A list of the coach's own team is theirs whatever
    happened to it since it was downloaded; another team's list is refused (its doors would be
    credited to that team). A list that is gone (re-planned) falls back on the coach's shift of
    that day in the address's campaign."""
    walk_list = session.get(WalkList, data.walk_list_id) if data.walk_list_id else None
    if walk_list is not None:
        if walk_list.campaign_id != address.campaign_id:
            problems["walklist_id"] = [str(_l("This walk list does not belong to the address."))]
        elif not _on_the_team(session, user, walk_list.shift):
            if _knew_the_list(session, user, walk_list):  # the membership ended or was moved
                return walk_list, {ReviewReason.NOT_ON_TEAM}
            problems["walklist_id"] = [str(_l("This walk list is not one of your team's."))]
        return walk_list, set()
    of_the_day = _lists_of_coach(session, user, address.campaign_id, _local_day(data.visited_at))
    with_door = [wl for wl in of_the_day if _has_door(wl, address.id)]
    if data.walk_list_id:  # a list that no longer exists: planned anew, or its shift cancelled
        # Only with a sign the list was the coach's: their tablet had it, or the door is on
        # a list of their team. A made-up id never attaches another team's door to theirs.
        if not (
            with_door
            or _downloaded(session, user, data.walk_list_id, address.campaign_id)
            or _on_a_team_list(session, user, address.id)
        ):
            problems["walklist_id"] = [str(_l("This walk list no longer exists."))]
            return None, set()
        if of_the_day:
            return _of_the_day(
                (with_door or of_the_day)[0], session, user, ReviewReason.LIST_REPLANNED
            )
        return None, {ReviewReason.LIST_REPLANNED}
    if with_door:  # no list named, but the door is on the coach's list of that day: that one
        return _of_the_day(with_door[0], session, user)
    if of_the_day or _on_a_team_list(session, user, address.id):
        return None, {ReviewReason.NOT_ON_LIST}
    problems["address_id"] = [str(_l("This door is not on one of your walk lists."))]
    return None, set()


def _of_the_day(
    walk_list: WalkList, session: Session, user: User, *doubts: ReviewReason
) -> tuple[WalkList, set[ReviewReason]]:
    """A list of the coach's day, found for them: it may be one their tablet had after their
    membership ended, which the lead should know."""
    if not _on_the_team(session, user, walk_list.shift):
        return walk_list, {*doubts, ReviewReason.NOT_ON_TEAM}
    return walk_list, set(doubts)


def _doubts(
    data: VisitInput,
    address: Address,
    walk_list: WalkList | None,
    now: dt.datetime,
    existing: Visit | None,
) -> set[ReviewReason]:
    doubts = set()
    # A door already marked do not visit when the visit first came in; a correction keeps the
    # doubt (the visit may have marked the door itself since).
    if address.do_not_visit if existing is None else _doubted(existing, ReviewReason.DO_NOT_VISIT):
        doubts.add(ReviewReason.DO_NOT_VISIT)
    if walk_list is None:
        return doubts
    if not _has_door(walk_list, address.id):
        doubts.add(ReviewReason.NOT_ON_LIST)
    if walk_list.status is WalkListStatus.DONE:
        doubts.add(ReviewReason.LIST_DONE)
    elif walk_list.status is WalkListStatus.DRAFT:
        doubts.add(ReviewReason.LIST_REPLANNED)
    if clock.local_day(now) > walk_list.date:
        doubts.add(ReviewReason.DATE_PASSED)
    shift = walk_list.shift
    starts = clock.at(walk_list.date, shift.start_time) - SHIFT_MARGIN
    ends = clock.at(walk_list.date, shift.end_time) + SHIFT_MARGIN
    if not starts <= data.visited_at <= ends:
        doubts.add(ReviewReason.OUTSIDE_SHIFT)
    return doubts


def _local_day(at: dt.datetime) -> dt.date:
    try:
        return clock.local_day(at)
    except OverflowError:  # the edge of the calendar: refused elsewhere, never a 500 here
        return at.date()


def _member_on(user: User, team_id: Any, day: Any) -> Any:
    return select(TeamMembership.id).where(
        TeamMembership.team_id == team_id,
        TeamMembership.employee_id == user.employee_id,
        TeamMembership.from_date <= day,
        (TeamMembership.to_date.is_(None)) | (TeamMembership.to_date >= day),
    )


def _on_the_team(session: Session, user: User, shift: Shift) -> bool:
    """The coach was a member of the shift's team on the shift's day."""
    if user.employee_id is None:
        return False
    return session.scalar(_member_on(user, shift.team_id, shift.date).limit(1)) is not None


def _knew_the_list(session: Session, user: User, walk_list: WalkList) -> bool:
    """The coach's tablet received this list, or the coach was ever on its team: their
    visit to it is a fact, even when the membership was ended or taken away since."""
    if _downloaded(session, user, walk_list.id, walk_list.campaign_id):
        return True
    if user.employee_id is None:
        return False
    ever = select(TeamMembership.id).where(
        TeamMembership.team_id == walk_list.shift.team_id,
        TeamMembership.employee_id == user.employee_id,
    )
    return session.scalar(ever.limit(1)) is not None


def _downloaded(session: Session, user: User, walk_list_id: int, campaign_id: int) -> bool:
    stmt = select(WalkListDownload.id).where(
        WalkListDownload.walk_list_id == walk_list_id,
        WalkListDownload.user_id == user.id,
        WalkListDownload.campaign_id == campaign_id,
    )
    return session.scalar(stmt.limit(1)) is not None


def _lists_of_coach(session: Session, user: User, campaign_id: int, day: dt.date) -> list[WalkList]:
    """The coach's team's lists in this campaign on this day, whatever their status, and the
    lists of that day their tablet received (the membership may have ended since)."""
    downloaded = select(WalkListDownload.walk_list_id).where(WalkListDownload.user_id == user.id)
    ours = WalkList.id.in_(downloaded)
    if user.employee_id is not None:
        ours = ours | _member_on(user, Shift.team_id, Shift.date).exists()
    stmt = (
        select(WalkList)
        .join(Shift, Shift.id == WalkList.shift_id)
        .where(WalkList.campaign_id == campaign_id, WalkList.date == day)
        .where(ours)
        .order_by(WalkList.id)
    )
    return list(session.scalars(stmt))


def _on_a_team_list(session: Session, user: User, address_id: int) -> bool:
    """The door is on a list of a shift the coach's team walked with the coach in it."""
    if user.employee_id is None:
        return False
    stmt = (
        select(WalkListStop.id)
        .join(WalkList, WalkList.id == WalkListStop.walk_list_id)
        .join(Shift, Shift.id == WalkList.shift_id)
        .where(WalkListStop.address_id == address_id)
        .where(_member_on(user, Shift.team_id, Shift.date).exists())
    )
    return session.scalar(stmt.limit(1)) is not None


def _doubted(visit: Visit, reason: ReviewReason) -> bool:
    return any(r.reason is reason for r in visit.reviews)


def _has_door(walk_list: WalkList, address_id: int) -> bool:
    return any(s.address_id == address_id for s in walk_list.stops)


def _note_doubts(visit: Visit, doubts: set[ReviewReason]) -> None:
    """Open a review for each new doubt; an open one that no longer applies is closed by
    removing it, a reviewed one stays as the lead left it."""
    stored = {r.reason: r for r in visit.reviews}
    visit.reviews = [
        r for r in visit.reviews if r.reason in doubts or r.reviewed_at is not None
    ] + [VisitReview(reason=reason) for reason in sorted(doubts) if reason not in stored]


def _catalogue_problems(session: Session, data: VisitInput) -> dict[str, list[str]]:
    if not (data.interests or data.small_measures or data.financing_interest):
        return {}  # most doors: nothing to look up
    measures = set(session.scalars(select(Measure.key)))
    financing = set(session.scalars(select(FinancingOption.key)))
    problems: dict[str, list[str]] = {}
    for name, keys in (("interests", data.interests), ("small_measures", data.small_measures)):
        unknown = set(keys) - measures
        if unknown:
            problems[name] = [str(_l("Unknown measure: %(keys)s", keys=", ".join(sorted(unknown))))]
    if set(data.financing_interest) - financing:
        problems["financing_interest"] = [str(_l("Unknown financing option."))]
    if any(not 1 <= q <= 100 for q in data.small_measures.values()):
        problems.setdefault("small_measures", []).append(
            str(_l("A quantity is between 1 and 100."))
        )
    return problems


def _apply(
    session: Session,
    visit: Visit,
    data: VisitInput,
    address: Address,
    walk_list: WalkList | None,
    user: User,
) -> None:
    visit.address_id = address.id
    visit.walk_list_id = walk_list.id if walk_list else None
    visit.visited_at = data.visited_at
    visit.outcome = data.outcome
    visit.do_not_return = data.do_not_return
    visit.from_paper = bool(visit.from_paper) or data.on_paper
    visit.client_updated_at = data.client_updated_at
    for name in HOUSEHOLD_FIELDS:
        setattr(visit, name, data.household.get(name))
    visit.landlord = text.name(visit.landlord) or None
    visit.appointment_at = data.appointment_at
    visit.follow_up_on = data.follow_up_on
    visit.notes = (data.notes or "").strip()[:2000] or None
    visit.contact_name = text.name(data.contact.get("name")) or None
    visit.contact_email = data.contact.get("email") or None
    visit.contact_phone = data.contact.get("phone") or None
    _replace_children(visit, data, walk_list, user)
    if data.outcome is Outcome.DO_NOT_VISIT or data.do_not_return:
        address.do_not_visit = True


def _replace_children(
    visit: Visit, data: VisitInput, walk_list: WalkList | None, user: User
) -> None:
    """Answers of a visit are replaced as a whole: the device always sends the full visit.
    Rows are reused by key, since (visit, key) is unique and inserts run before deletes."""
    interests = {i.measure_key: i for i in visit.interests}
    visit.interests = [_set(interests.get(k) or VisitInterest(measure_key=k), level=v)
                       for k, v in sorted(data.interests.items())]  # fmt: skip
    financing = {f.financing_key: f for f in visit.financing_interests}
    visit.financing_interests = [financing.get(k) or VisitFinancingInterest(financing_key=k)
                                 for k in sorted(set(data.financing_interest))]  # fmt: skip
    small = {m.measure_key: m for m in visit.small_measures}
    visit.small_measures = [_set(small.get(k) or VisitSmallMeasure(measure_key=k), quantity=q)
                            for k, q in sorted(data.small_measures.items())]  # fmt: skip
    stored = {c.kind: c for c in visit.consents}
    consents = []
    for kind, (given, wording) in data.consents.items():
        consent = stored.get(kind) or VisitConsent(kind=kind)
        if consent.given != given or consent.wording_version != wording:
            consent.recorded_at = utcnow()
            consent.on_paper = data.on_paper
        consent.given, consent.wording_version = given, wording
        consents.append(consent)
    visit.consents = consents
    if data.coach_ids is not None:  # typed in from paper: who walked it, as the sheet says
        coaches = {c.employee_id: c for c in visit.coaches}
        visit.coaches = [coaches.get(i) or VisitCoach(employee_id=i)
                         for i in sorted(set(data.coach_ids))]  # fmt: skip
    elif not visit.coaches:
        # The team on the day, and the coach who was at the door even if no longer on it
        # (or the list is gone): the door counts for whoever knocked.
        team = walk_list.shift.team.members_on(walk_list.date) if walk_list else []
        ids = {e.id for e in team}
        if user.role is Role.COACH and user.employee_id is not None:
            ids.add(user.employee_id)
        visit.coaches = [VisitCoach(employee_id=i) for i in sorted(ids)]


def _set(row: Any, **values: Any) -> Any:
    for name, value in values.items():
        setattr(row, name, value)
    return row


def visits_since(
    session: Session, stmt: Any, since: dt.datetime | None, campaign_id: int | None
) -> Any:
    if since is not None:
        stmt = stmt.where(Visit.updated_at > since)
    if campaign_id is not None:
        stmt = stmt.where(
            Visit.address_id.in_(select(Address.id).where(Address.campaign_id == campaign_id))
        )
    return stmt.order_by(Visit.updated_at, Visit.id)


def published_lists_for(session: Session, user: User) -> list[WalkList]:
    from eteams.services.scoping import visible

    return list(
        session.scalars(visible(WalkList, user).where(WalkList.status == WalkListStatus.PUBLISHED))
    )
