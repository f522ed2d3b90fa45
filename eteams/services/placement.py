"""Placement figures for an employer: what the jobs of the people they hired achieved.

Hours worked come from attendance only (never typed twice); doors, conversations and letters
from the visits the employee took part in, and in the totals each visit once. Jobs are counted
the banenafspraak way (the national rule, UWV; maatwerkbanen.nl "Kennisdocument
Banenafspraak"): 25.5 paid hours ("verloonde uren") a week is one job, only for people in
UWV's doelgroepregister, pro rata over the period. Paid hours are the contract hours for the
days employed in the period, for each stretch under the same contract and hours (a trial
placement that became a paid contract counts from the day it did); an unpaid trial placement
has none.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, and_, distinct, func, literal, select, true
from sqlalchemy.orm import Session, selectinload

from eteams.models import (
    AdviceLetter,
    Attendance,
    Employee,
    Employer,
    Shift,
    SocialActivity,
    TrainingRecord,
    User,
    Visit,
    VisitCoach,
    VisitInterest,
)
from eteams.models.employer import Terms
from eteams.models.enums import (
    AttendanceStatus,
    ContractType,
    EndReason,
    Interest,
    Outcome,
    Role,
    TargetGroup,
)
from eteams.services import clock, sroi

# Zero as the column prints every other figure (an empty report's totals wrote "0" where the
# rows write "0,00").
CENTS = Decimal("0.00")
HOURS_PER_JOB = Decimal("25.5")  # banenafspraak: 25.5 paid hours a week is one job
UNPAID = sroi.UNPAID
RETENTION_MONTHS = (3, 6, 12)
TO_WORK = (EndReason.REGULAR_JOB, EndReason.PERMANENT_CONTRACT)
ASKED = (Interest.INTERESTED, Interest.MAYBE)


@dataclass(frozen=True)
class TermFigures:
    """One stretch of the period under the same contract and hours."""

    first: dt.date
    last: dt.date
    contract_type: str
    hours_per_week: Decimal
    months: Decimal
    paid_hours: Decimal


@dataclass(frozen=True)
class EmployeeFigures:
    employee_id: int
    name: str
    target_group: str
    contract_type: str  # on the peildatum (the last stretch's; ``terms`` holds each)
    hours_per_week: Decimal
    hired_on: dt.date
    ended_on: dt.date | None
    end_reason: str | None
    months_employed: Decimal
    hours_worked: Decimal
    shifts_present: int
    shifts_absent: int
    shifts_sick: int
    doors_visited: int
    conversations: int
    letters_sent: int
    households_interested: int
    trainings_completed: int
    paid_hours: Decimal  # contract hours for the days employed in the period; 0 when unpaid
    jobs: Decimal  # banenafspraak jobs over the period: registered people's paid hours only
    doelgroepregister: bool = False
    # Social return under the municipality's rule table; None when it has none.
    sroi_value: Decimal | None = None
    sroi_lines: tuple[sroi.Line, ...] = ()
    sroi_category: str | None = None
    sroi_category_key: str | None = None
    sroi_notes: tuple[str, ...] = ()
    certificates: int = 0
    status_holder: bool = False
    birth_year: int | None = None
    # Evidence the employer has on file (contract, payslips or paid hours, proof of target group)
    evidence: tuple[bool, bool, bool] = (False, False, False)
    terms: tuple[TermFigures, ...] = ()

    @property
    def terms_changed(self) -> bool:
        return len(self.terms) > 1


@dataclass(frozen=True)
class Retention:
    months: int
    eligible: int
    retained: int

    @property
    def percent(self) -> Decimal | None:
        if not self.eligible:
            return None
        return (Decimal(100) * self.retained / self.eligible).quantize(
            Decimal("0.1"), ROUND_HALF_UP
        )


@dataclass(frozen=True)
class ActivityFigures:
    """One social activity the employer recorded (admin, /admin/employers/<id>): its day,
    what it was, the hours, and its value by each of the rule table's hourly lines."""

    day: dt.date
    description: str
    hours: Decimal
    lines: tuple[sroi.Line, ...] = ()

    @property
    def value(self) -> Decimal:
        return sum((line.value for line in self.lines), CENTS)


def _lines_of(activities: tuple[ActivityFigures, ...]) -> tuple[sroi.Line, ...]:
    return tuple(line for a in activities for line in a.lines)


@dataclass(frozen=True)
class Contract:
    """The social-return contract a municipality's report is measured against."""

    reference: str
    description: str
    value: Decimal
    obligation: Decimal
    obligation_percent: Decimal | None
    starts_on: dt.date
    ends_on: dt.date | None
    municipality_contact: str
    realised: Decimal | None  # social return from the contract's start to the peildatum
    # What ``realised`` is made of, for an auditor to redo it: each person's social-return
    # lines from the contract's start to ``until`` (the peildatum, or the contract's end if
    # that came first), and the employer's hourly lines; they add up to ``realised``.
    until: dt.date | None = None
    people: tuple[EmployeeFigures, ...] = ()
    activities: tuple[ActivityFigures, ...] = ()
    sroi_table: sroi.RuleTable | None = None  # the table those lines used

    @property
    def activity_lines(self) -> tuple[sroi.Line, ...]:
        return _lines_of(self.activities)

    @property
    def balance(self) -> Decimal | None:
        """Still to realise (below zero: more than the obligation)."""
        return None if self.realised is None else self.obligation - self.realised


@dataclass(frozen=True)
class PlacementReport:
    employer_id: int
    employer_name: str
    start: dt.date
    end: dt.date
    employees: list[EmployeeFigures]
    retention: list[Retention] = field(default_factory=list)
    outflow_to_work: int = 0
    municipality: str = ""
    sroi_table: sroi.RuleTable | None = None
    # Other tables that took effect within the period: (version, valid from).
    sroi_table_changes: tuple[tuple[int, dt.date], ...] = ()
    # Doors, conversations, letters and interested households of the whole group, each visit
    # once (two colleagues at one door made one visit, not two).
    visits: dict[str, int] = field(default_factory=dict)
    kvk_number: str = ""
    # The social activities the employer gave hours to in the period, each valued by the
    # rule table's hourly lines (a line an activity, so each euro traces to one of them).
    activities: tuple[ActivityFigures, ...] = ()
    contact_name: str = ""
    contact_email: str = ""
    made_on: dt.date | None = None  # the day the report was made (the peildatum: min(end, it))
    contract: Contract | None = None
    # "employer": the employer's own, named, with attendance and sickness counts;
    # "municipality": what the social-return officer needs, without health data.
    audience: str = "employer"
    version: int | None = None  # its number among the reports issued for it (see ``issue``)
    # The issued version this one replaces (the one numbered before it) and the day it was
    # issued; and an earlier version with exactly these figures, when there is one.
    replaces: tuple[int, dt.date] | None = None
    same_as: tuple[int, dt.date] | None = None
    partial: bool = False  # a lead's: only the members of the reader's own teams

    @property
    def peildatum(self) -> dt.date:
        """The day the figures stand on: the period's end, or the day the report was made if
        that came first (a period running into the future counts what happened so far)."""
        return min(self.end, self.made_on) if self.made_on else self.end

    @property
    def provisional(self) -> bool:
        """The period ends on the day the report was made or later: an interim figure
        ("tussenstand") that may still change (attendance of today is still being entered),
        so it gets no version number and is not for signing. Only a period whose last day is
        over (``end`` before today, the Amsterdam day) is numbered."""
        return self.made_on is not None and self.end >= self.made_on

    @property
    def activity_hours(self) -> Decimal:
        return sum((a.hours for a in self.activities), Decimal("0.0"))

    @property
    def activity_lines(self) -> tuple[sroi.Line, ...]:
        return _lines_of(self.activities)

    @property
    def activity_sroi(self) -> Decimal | None:
        if self.sroi_table is None:
            return None
        return sum((line.value for line in self.activity_lines), CENTS)

    @property
    def people_sroi(self) -> Decimal | None:
        if self.sroi_table is None:
            return None
        return sum((e.sroi_value or CENTS for e in self.employees), CENTS)

    @property
    def total_sroi(self) -> Decimal | None:
        if self.sroi_table is None:
            return None
        return self.people_sroi + self.activity_sroi

    @property
    def total_hours(self) -> Decimal:
        return sum((e.hours_worked for e in self.employees), CENTS)

    @property
    def total_jobs(self) -> Decimal:
        return sum((e.jobs for e in self.employees), CENTS)

    @property
    def total_paid_hours(self) -> Decimal:
        return sum((e.paid_hours for e in self.employees), CENTS)


FOR_EMPLOYER, FOR_MUNICIPALITY = "employer", "municipality"
# What the municipality's version leaves out (health data, art. 9 GDPR): sickness and absence
# counts, "health" as the reason someone left, and a WIA/Wajong benefit as the target group.
# Per person it names no target group or category, only the category's yearly amount; the
# proof stays with the employer (the evidence list says which).
HEALTH_REASONS = (EndReason.HEALTH,)


def for_municipality(report: PlacementReport, *, initials: bool) -> PlacementReport:
    """The same figures for the municipality: no health data; names or initials."""
    # The names come told apart ("Jan Jansen (2)"); initials ignore the "(2)" (no letter in
    # it) and are told apart again: two "S. B.".
    names = _printed_names(report, _initials if initials else str)
    table = report.sroi_table
    people = [_for_municipality(e, names[e.employee_id], table) for e in report.employees]
    contract = report.contract
    if contract is not None:
        contract = replace(contract, people=tuple(
            _for_municipality(e, names[e.employee_id], contract.sroi_table)
            for e in contract.people), sroi_table=_neutral_table(contract.sroi_table))  # fmt: skip
    return replace(report, employees=people, audience=FOR_MUNICIPALITY,
                   sroi_table=_neutral_table(table), contract=contract)  # fmt: skip


def _printed_names(report: PlacementReport, shown: Any) -> dict[int, str]:
    """One printed name a person (``shown`` of their name), the same in the report's tables
    and the contract's: names that print the same are numbered in the report's own order,
    then the contract's ("Jan Jansen", "Jan Jansen (2)"), as the chart tells them apart."""
    names: dict[int, str] = {}
    seen: dict[str, int] = {}
    contract_people = report.contract.people if report.contract else ()
    for e in [*report.employees, *contract_people]:
        if e.employee_id in names:
            continue
        name = shown(e.name)
        seen[name] = seen.get(name, 0) + 1
        names[e.employee_id] = f"{name} ({seen[name]})" if seen[name] > 1 else name
    return names


def _told_apart(report: PlacementReport) -> PlacementReport:
    """The report with each person's printed name (see ``_printed_names``), in every version."""
    names = _printed_names(report, str)

    def named(people: Any) -> list[EmployeeFigures]:
        return [replace(e, name=names[e.employee_id]) for e in people]

    contract = report.contract
    if contract is not None:
        contract = replace(contract, people=tuple(named(contract.people)))
    return replace(report, contract=contract, employees=named(report.employees))


def _neutral_table(table: sroi.RuleTable | None) -> sroi.RuleTable | None:
    """The rule table as the municipality reads it: no condition that is a disability benefit."""
    if table is None:
        return None
    return replace(table, rules=tuple(
        replace(r, label=_neutral(r.amount), private=True) if r.about_health else r
        for r in table.rules))  # fmt: skip


def _for_municipality(
    e: EmployeeFigures, name: str, table: sroi.RuleTable | None
) -> EmployeeFigures:
    amounts = {r.key: r.amount for r in table.rules} if table else {}
    key = e.sroi_category_key
    category = _neutral(amounts[key]) if key in amounts else e.sroi_category
    lines = tuple(replace(line, label=category) if line.key == key else line
                  for line in e.sroi_lines)  # fmt: skip
    return replace(
        e, name=name, target_group="", shifts_absent=0, shifts_sick=0,
        end_reason=EndReason.OTHER.value if e.end_reason in HEALTH_REASONS else e.end_reason,
        sroi_category=category, sroi_lines=lines,
        sroi_notes=tuple(_neutral_note(n, table) for n in e.sroi_notes),
    )  # fmt: skip


def _neutral_note(note: Any, table: sroi.RuleTable | None) -> Any:
    """A note as the municipality reads it: each category by its amount, not its target group
    ("van Participatiewet, uitkering korter dan 2 jaar, …" named the benefit). Lazy, like the
    note: read in the reader's language."""
    if table is None:
        return note
    return LazyString(_neutral_text, note, table)


def _neutral_text(note: Any, table: sroi.RuleTable) -> str:
    text = str(note)
    for rule in sorted(table.of_kind("category"), key=lambda r: -len(r.label)):
        text = text.replace(rule.label, str(_neutral(rule.amount)))
    return text


def _neutral(amount: Decimal) -> Any:
    return LazyString(_neutral_label, amount)


def _neutral_label(amount: Decimal) -> str:
    from flask_babel import format_decimal
    from flask_babel import gettext as _

    whole = format_decimal(amount.quantize(Decimal(1)), "#,##0")  # 40.000 in Dutch, 40,000
    return _("Category with a yearly amount of € %(amount)s", amount=whole)


def _initials(name: str) -> str:
    """ "Samira van der Berg" → "S. v.d. B."; the parts Dutch names share stay lower case."""
    parts = []
    for word in name.split():
        letter = next((c for c in word if c.isalpha()), "")
        if not letter:
            continue
        parts.append(letter.lower() + "." if word.casefold() in PREFIXES else letter.upper() + ".")
    return " ".join(parts) or "?"


# Dutch surnames sort on the name itself, not on "van der" (in the Netherlands; Belgium
# sorts on the prefix): taaladvies.net, "Achternamen met voorvoegsels: alfabetische volgorde".
PREFIXES = {"van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "la", "le",
            "d'", "del", "di", "da", "du", "von", "zu"}  # fmt: skip


def sort_name(p: Employee) -> tuple[str, str, str]:
    """Surname without its prefix, then first name; "Çelik" among the C's, "Öz" among the
    O's (letters without their accents, as a Dutch list sorts them)."""
    words = p.last_name.split()
    while len(words) > 1 and words[0].casefold() in PREFIXES:
        words = words[1:]
    return (_plain(" ".join(words)), _plain(p.first_name), _plain(p.last_name))


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(start: dt.date, end: dt.date) -> Decimal:
    """Whole calendar months plus the rest as a fraction of 30 days, to one decimal."""
    if end < start:
        return Decimal("0.0")  # one decimal, like every other month figure in the column
    stop = end + dt.timedelta(days=1)  # ``end`` is included: 1–28 February is one whole month
    months = (stop.year - start.year) * 12 + stop.month - start.month
    if add_months(start, months) > stop:
        months -= 1
    rest = (stop - add_months(start, months)).days
    return (Decimal(months) + Decimal(rest) / 30).quantize(Decimal("0.1"), ROUND_HALF_UP)


def placement_report(
    session: Session,
    employer_id: int,
    start: dt.date,
    end: dt.date,
    scope: ColumnElement[bool] | None = None,
    *,
    with_contract: bool = True,
    told_apart: bool = True,
) -> PlacementReport:
    """The report for ``start``..``end`` (both included).

    ``scope`` narrows the people to those the reader may see (a lead: their own teams).
    ``told_apart``: two people of the same name print as "Jan Jansen" and "Jan Jansen (2)"
    (False: as recorded, for the contract's lines, which are told apart with the report's).
    """
    scope = true() if scope is None else scope
    employer = session.get(Employer, employer_id)
    today = clock.today()
    asked_end, end = end, min(end, today)  # nothing is counted after the peildatum
    if end < start:  # a period that has not begun: nothing happened in it yet
        end = start - dt.timedelta(days=1)
    people = [] if end < start else list(session.scalars(
        select(Employee).where(Employee.employer_id == employer_id, scope, Employee.hired_on <= end,
                               (Employee.ended_on.is_(None)) | (Employee.ended_on >= start))
        .options(selectinload(Employee.contract_changes))
    ))  # fmt: skip
    people.sort(key=lambda p: (*sort_name(p), p.id))  # the same names: the same "(2)" each time
    ids = [p.id for p in people]
    attendance = _attendance(session, ids, start, end)
    visits = _visits(session, ids, start, end)
    group_visits = _visits(session, ids, start, end, group=True).get(None, {})
    trainings = {employee_id: (count, certificates) for employee_id, count, certificates in
                 session.execute(
        select(TrainingRecord.employee_id, func.count(TrainingRecord.id),
               func.count(TrainingRecord.id).filter(TrainingRecord.certificate.is_(True)))
        .where(TrainingRecord.employee_id.in_(ids), TrainingRecord.completed_on.between(start, end))
        .group_by(TrainingRecord.employee_id)
    )}  # fmt: skip
    municipality = employer.municipality if employer else ""
    table = sroi.rule_table_for(session, municipality, end) if municipality else None
    figures = [
        _figures(
            p, start, end, attendance.get(p.id, {}), visits.get(p.id, {}),
            trainings.get(p.id, (0, 0)), table,
        )
        for p in people
    ]  # fmt: skip
    everyone = list(
        session.scalars(select(Employee).where(Employee.employer_id == employer_id, scope))
    )
    activities = _activities(session, employer_id, start, end, table)
    contract = (
        _contract(session, employer_id, start, max(end, start), scope) if with_contract else None
    )
    report = PlacementReport(
        contract=contract,
        employer_id=employer_id,
        employer_name=employer.name if employer else "",
        start=start,
        end=asked_end,
        employees=figures,
        retention=[_retention(everyone, months, start, end) for months in RETENTION_MONTHS],
        outflow_to_work=sum(1 for p in everyone if _left_for_work(p, start, end)),
        municipality=municipality,
        sroi_table=table,
        sroi_table_changes=tuple(sroi.tables_starting_within(session, municipality, start, end))
        if municipality
        else (),
        visits={name: group_visits.get(name, 0) for name in VISIT_COUNTS},
        kvk_number=employer.kvk_number if employer else "",
        contact_name=employer.contact_name if employer else "",
        contact_email=employer.contact_email if employer else "",
        made_on=today,
        activities=activities,
    )
    return _told_apart(report) if told_apart else report


def _contract(
    session: Session, employer_id: int, start: dt.date, peildatum: dt.date,
    scope: ColumnElement[bool],
) -> Contract | None:  # fmt: skip
    from eteams.services import employers

    found = employers.contract_in(session, employer_id, start, peildatum)
    if found is None:
        return None
    # Realised from the contract's start to the peildatum, or to its end if it ended before.
    until = min(peildatum, found.ends_on or peildatum)
    since = placement_report(session, employer_id, found.starts_on, until, scope,
                             with_contract=False, told_apart=False)  # fmt: skip
    return Contract(
        reference=found.reference, description=found.description,
        value=Decimal(found.contract_value), obligation=found.obligation,
        obligation_percent=found.obligation_percent, starts_on=found.starts_on,
        ends_on=found.ends_on, municipality_contact=found.municipality_contact,
        realised=since.total_sroi, until=until, people=tuple(since.employees),
        activities=since.activities, sroi_table=since.sroi_table,
    )  # fmt: skip


def _activities(
    session: Session, employer_id: int, start: dt.date, end: dt.date,
    table: sroi.RuleTable | None,
) -> tuple[ActivityFigures, ...]:  # fmt: skip
    """The employer's social activities in the period, by day; each valued on its own (every
    line rounded to cents), so the report can list what each euro of them came from."""
    rows = session.scalars(
        select(SocialActivity)
        .where(SocialActivity.employer_id == employer_id, SocialActivity.day.between(start, end))
        .order_by(SocialActivity.day, SocialActivity.id)
    )  # fmt: skip
    return tuple(
        ActivityFigures(a.day, a.description, Decimal(a.hours),
                        tuple(sroi.hourly(table, Decimal(a.hours))) if table else ())
        for a in rows
    )  # fmt: skip


def _attendance(session: Session, ids: list[int], start: dt.date, end: dt.date) -> dict[int, dict]:
    rows = session.execute(
        select(
            Attendance.employee_id,
            Attendance.status,
            func.count(Attendance.id),
            func.sum(Attendance.hours),
        )
        .join(Shift, Shift.id == Attendance.shift_id)
        .where(Attendance.employee_id.in_(ids), Shift.date.between(start, end))
        .group_by(Attendance.employee_id, Attendance.status)
    )  # fmt: skip
    found: dict[int, dict] = {}
    for employee_id, status, count, hours in rows:
        found.setdefault(employee_id, {})[status] = (count, Decimal(hours or 0))
    return found


VISIT_COUNTS = ("doors", "conversations", "letters", "interested")


def _visits(
    session: Session, ids: list[int], start: dt.date, end: dt.date, *, group: bool = False
) -> dict[int | None, dict]:
    """Per employee the visits they took part in; with ``group`` the whole group's, each
    visit once (under the key None)."""
    since, until = clock.days_span(start, end)
    in_period = and_(Visit.visited_at >= since, Visit.visited_at < until)
    who = literal(None).label("employee_id") if group else VisitCoach.employee_id
    base = (
        select(who)
        .select_from(Visit)
        .join(VisitCoach, VisitCoach.visit_id == Visit.id)
        .where(VisitCoach.employee_id.in_(ids), in_period)
    )
    counts = {
        "doors": base.add_columns(func.count(distinct(Visit.address_id))),
        "conversations": base.add_columns(func.count(distinct(Visit.id))).where(
            Visit.outcome == Outcome.CONVERSATION
        ),
        "interested": base.add_columns(func.count(distinct(Visit.address_id))).where(
            Visit.id.in_(select(VisitInterest.visit_id).where(VisitInterest.level.in_(ASKED)))
        ),
        "letters": base.add_columns(func.count(distinct(Visit.id)))  # households, not versions
        .join(AdviceLetter, AdviceLetter.visit_id == Visit.id)
        .where(AdviceLetter.sent_at.is_not(None)),
    }  # fmt: skip
    found: dict[int | None, dict] = {}
    for name, stmt in counts.items():
        grouped = stmt if group else stmt.group_by(VisitCoach.employee_id)
        for employee_id, count in session.execute(grouped):
            found.setdefault(None if group else employee_id, {})[name] = count
    return found


def _figures(
    p: Employee,
    start: dt.date,
    end: dt.date,
    att: dict,
    vis: dict,
    trainings: tuple[int, int],
    table: sroi.RuleTable | None,
) -> EmployeeFigures:
    first, last = max(start, p.hired_on), min(end, p.ended_on or end)
    present = att.get(AttendanceStatus.PRESENT, (0, Decimal(0)))
    months = months_between(first, last)
    terms = tuple(TermFigures(t.first, t.last, t.contract_type.value, t.hours_per_week,
                              months_between(t.first, t.last), _paid(t))
                  for t in p.terms(first, last))  # fmt: skip
    paid = sum((t.paid_hours for t in terms), Decimal("0.00"))
    if len(terms) > 1:  # the stretches' months, so the person's row adds up to its lines
        months = sum((t.months for t in terms), Decimal(0))
    now = p.terms_on(last)
    valued = None
    if table is not None:
        valued = sroi.value(table, sroi.Person(
            target_group=p.target_group, contract_type=now.contract_type,
            hours_per_week=now.hours_per_week, months_employed=months, hired_on=p.hired_on,
            birth_year=p.birth_year, status_holder=p.status_holder,
            language_deficit=p.language_deficit, doelgroepregister=p.doelgroepregister,
            benefit_since=p.benefit_since, learning_route=p.learning_route,
            left_for_work=_left_for_work(p, start, end), certificates=trainings[1],
            periods=tuple(sroi.Period(ContractType(t.contract_type), t.hours_per_week, t.months,
                                      t.first, t.last) for t in terms) if len(terms) > 1 else (),
        ))  # fmt: skip
    return EmployeeFigures(
        employee_id=p.id, name=p.full_name, target_group=p.target_group.value,
        contract_type=now.contract_type.value, hours_per_week=now.hours_per_week,
        hired_on=p.hired_on, terms=terms,
        ended_on=p.ended_on, end_reason=p.end_reason.value if p.end_reason else None,
        months_employed=months,
        hours_worked=sum((h for _count, h in att.values()), Decimal(0)).quantize(Decimal("0.01")),
        shifts_present=present[0], shifts_absent=att.get(AttendanceStatus.ABSENT, (0, 0))[0],
        shifts_sick=att.get(AttendanceStatus.SICK, (0, 0))[0],
        doors_visited=vis.get("doors", 0), conversations=vis.get("conversations", 0),
        letters_sent=vis.get("letters", 0), households_interested=vis.get("interested", 0),
        trainings_completed=trainings[0], paid_hours=paid, jobs=jobs(p, paid, start, end),
        doelgroepregister=p.doelgroepregister, certificates=trainings[1],
        status_holder=p.status_holder, birth_year=p.birth_year,
        evidence=(p.evidence_contract, p.evidence_pay, p.evidence_target_group),
        sroi_value=valued.value if valued else None, sroi_lines=valued.lines if valued else (),
        sroi_category=valued.category if valued else None,
        sroi_category_key=valued.category_key if valued else None,
        sroi_notes=valued.notes if valued else (),
    )  # fmt: skip


def paid_hours(p: Employee, first: dt.date, last: dt.date) -> Decimal:
    """Contract hours for the days from ``first`` to ``last``: for each stretch under the same
    terms, hours a week × days / 7 (rounded to cents a stretch); unpaid days count none."""
    return sum((_paid(t) for t in p.terms(first, last)), Decimal("0.00"))


def _paid(t: Terms) -> Decimal:
    if t.contract_type in UNPAID:
        return Decimal("0.00")
    days = Decimal((t.last - t.first).days + 1)
    return (t.hours_per_week * days / 7).quantize(Decimal("0.01"), ROUND_HALF_UP)


def jobs(p: Employee, paid: Decimal, start: dt.date, end: dt.date) -> Decimal:
    """Banenafspraak jobs over the period: paid hours / (25.5 × the period's weeks), for a
    person in the doelgroepregister; anyone else counts 0."""
    if not p.doelgroepregister:
        return Decimal("0.00")
    weeks = Decimal((end - start).days + 1) / 7
    return (paid / (HOURS_PER_JOB * weeks)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _left_for_work(p: Employee, start: dt.date, end: dt.date) -> bool:
    """Outflow to regular work: left in the period for a regular job or a permanent contract."""
    return p.end_reason in TO_WORK and p.ended_on is not None and start <= p.ended_on <= end


def _retention(people: list[Employee], months: int, start: dt.date, end: dt.date) -> Retention:
    """Of the people whose N-month mark fell in the period: those still employed then, or who
    had left for a regular job or a permanent contract before it (good outflow is no loss)."""

    def mark(p: Employee) -> dt.date:  # the last day of the N-th month: 1 January → 30 June
        return add_months(p.hired_on, months) - dt.timedelta(days=1)

    eligible = [p for p in people if start <= mark(p) <= end]
    retained = [
        p for p in eligible
        if p.ended_on is None or p.ended_on >= mark(p) or p.end_reason in TO_WORK
    ]  # fmt: skip
    return Retention(months, len(eligible), len(retained))


# One row a person: the field and its header (English; the Dutch is in the translations).
CSV_COLUMNS = (
    ("name", _l("Name")),
    ("target_group", _l("Target group")),
    ("contract_type", _l("Contract")),
    ("hours_per_week", _l("Hours a week")),
    ("hired_on", _l("Hired on")),
    ("ended_on", _l("Left on")),
    ("end_reason", _l("Reason for leaving")),
    ("months_employed", _l("Months employed")),
    ("hours_worked", _l("Hours worked")),
    ("shifts_present", _l("Shifts present")),
    ("shifts_absent", _l("Shifts absent")),
    ("shifts_sick", _l("Shifts sick")),
    ("doors_visited", _l("Doors (with the team)")),
    ("conversations", _l("Conversations (with the team)")),
    ("letters_sent", _l("Letters sent")),
    ("households_interested", _l("Households interested")),
    ("trainings_completed", _l("Trainings completed")),
    ("paid_hours", _l("Paid hours (contract)")),
    ("doelgroepregister", _l("Doelgroepregister")),
    ("jobs", _l("Jobs (banenafspraak)")),
    ("sroi_category", _l("Social-return category")),
    ("sroi_value", _l("Social return (€)")),
)
NOT_FOR_MUNICIPALITY = ("target_group", "shifts_absent", "shifts_sick")
LABELLED = {"target_group": TargetGroup, "contract_type": ContractType, "end_reason": EndReason}


def issue(session: Session, report: PlacementReport, actor_id: int | None) -> PlacementReport:
    """The report as it is handed out, with its version number: the same figures as the last
    one issued for this employer, audience and period keep its number; different figures get
    the next, even when an older version had them (the highest number is always the one in
    force), and the report names the version it replaces and the older one it equals. The
    digest is the Dutch CSV without the day it was made or its number."""
    import hashlib

    from sqlalchemy.exc import IntegrityError

    from eteams.models import PlacementReportVersion

    if report.provisional:  # the period is not over: no number an auditor could accept
        return report

    digest = hashlib.sha256(report_csv(_anonymous(report), "nl", stamped=False).encode())
    digest = digest.hexdigest()
    key = (PlacementReportVersion.employer_id == report.employer_id,
           PlacementReportVersion.audience == report.audience,
           PlacementReportVersion.starts_on == report.start,
           PlacementReportVersion.ends_on == report.end)  # fmt: skip
    for _attempt in range(3):  # two downloads at once: the second takes the number after
        last = session.scalar(select(PlacementReportVersion).where(*key)
                              .order_by(PlacementReportVersion.number.desc()).limit(1))  # fmt: skip
        if last is not None and last.digest == digest:
            return _numbered(session, report, key, last.number, digest)
        number = last.number + 1 if last is not None else 1
        try:
            with session.begin_nested():
                session.add(PlacementReportVersion(
                    employer_id=report.employer_id, audience=report.audience,
                    starts_on=report.start, ends_on=report.end, number=number, digest=digest,
                    issued_by_id=actor_id,
                ))  # fmt: skip
        except IntegrityError:
            continue
        return _numbered(session, report, key, number, digest)
    raise RuntimeError("could not number the report")  # pragma: no cover - three races in a row


def _numbered(
    session: Session, report: PlacementReport, key: tuple, number: int, digest: str
) -> PlacementReport:
    """``number`` with what it replaces (the version before it) and the earliest older version
    with the same figures: worked out from the issued versions, so a download again says the
    same."""
    from eteams.models import PlacementReportVersion

    older = session.execute(
        select(PlacementReportVersion.number, PlacementReportVersion.digest,
               PlacementReportVersion.issued_at)
        .where(*key, PlacementReportVersion.number < number)
        .order_by(PlacementReportVersion.number)
    ).all()  # fmt: skip
    day = {n: clock.local_day(issued_at) for n, _digest, issued_at in older}
    before = number - 1 if number - 1 in day else None
    same = next((n for n, d, _at in older if d == digest and n != before), None)
    return replace(
        report, version=number,
        replaces=(before, day[before]) if before is not None else None,
        same_as=(same, day[same]) if same is not None else None,
    )  # fmt: skip


def _anonymous(report: PlacementReport) -> PlacementReport:
    """What a version number stands for: the figures and whose they are (the people's ids),
    not how their names are printed. Full names or initials, a typo put right, do not make a
    new version (downloading the municipality's version with names, then with initials, must
    not use up a number each time); the contract's text does (the PDF shows it). Every list of
    people is anonymised (the report's and the contract's "Gerealiseerd" lines) and put in a
    fixed order: rows are sorted by name, and a new surname moved a row."""

    def plain(people: Any) -> list[EmployeeFigures]:
        in_order = sorted(people, key=lambda e: e.employee_id)
        return [replace(e, name=f"#{e.employee_id}") for e in in_order]

    contract = report.contract
    if contract is not None:
        contract = replace(contract, people=tuple(plain(contract.people)))
    return replace(report, employees=plain(report.employees), contract=contract)


def report_csv(report: PlacementReport, language: str = "nl", *, stamped: bool = True) -> str:
    """The report for a spreadsheet: a header block (employer, period, when made, the rules),
    one row a person under headers in the reader's language, then the totals on their own.
    Dutch: semicolons and decimal commas with a BOM, so it opens as columns in Dutch Excel;
    English: commas and decimal points. No cell a spreadsheet turns into a date or a formula
    ("1 van 1", not "1/1")."""
    from flask_babel import force_locale
    from flask_babel import gettext as _

    from eteams.labels import label

    nl = language == "nl"
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";" if nl else ",")

    def number(value: Decimal | None) -> str:
        return decimal_comma(value) if nl else ("" if value is None else format(value, "f"))

    def cell(value: object) -> str:
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if value is None or isinstance(value, Decimal):
            return number(value)
        if isinstance(value, dt.date):
            return value.isoformat()  # a date any spreadsheet reads as one
        return _cell(value)

    with force_locale(language):
        writer.writerow([_("Placement report"), _cell(report.employer_name)])
        writer.writerow([_("KvK number"), _cell(report.kvk_number)])
        writer.writerow([_("Period"), report.start.isoformat(), report.end.isoformat()])
        if stamped:  # (the version's digest leaves out the day and the number)
            writer.writerow([_("Made on"), clock.today().isoformat()])
        writer.writerow([_("Reference date (peildatum)"), report.peildatum.isoformat()])
        contact = " ".join(c for c in (report.contact_name, report.contact_email) if c)
        writer.writerow([_("Contact person"), _cell(contact)])
        writer.writerow([_("Social return"), sroi_source(report)])
        municipal = report.audience == FOR_MUNICIPALITY
        writer.writerow([_("Version"), _("for the municipality, without health data") if municipal
                         else _("for the employer (with attendance and sickness)")])  # fmt: skip
        if stamped and report.version is not None:
            writer.writerow([_("Version number"), str(report.version)])
            for text, found in ((_("Replaces"), report.replaces),
                                (_("Same figures as"), report.same_as)):  # fmt: skip
                if found:
                    writer.writerow([text, _("version %(n)s of %(day)s", n=found[0],
                                             day=found[1].isoformat())])  # fmt: skip
        if report.provisional:
            writer.writerow([_("Version number"), _(
                "none: provisional. The period runs until %(day)s, the figures stand on "
                "%(peildatum)s and may still change. Not for signing.",
                day=report.end.isoformat(), peildatum=report.peildatum.isoformat())])  # fmt: skip
        if report.partial:
            writer.writerow([_("Scope"), _("only the people in the reader's own teams: not the "
                                           "employer's whole report")])  # fmt: skip
        writer.writerow([])
        columns = [(n, h) for n, h in CSV_COLUMNS if not (municipal and n in NOT_FOR_MUNICIPALITY)]
        writer.writerow([str(header) for _name, header in columns])
        for e in report.employees:
            row = []
            for name, _header in columns:
                value = getattr(e, name)
                if name == "contract_type" and e.terms_changed:
                    value = " → ".join(str(label(ContractType, t.contract_type)) for t in e.terms)
                elif name == "hours_per_week" and e.terms_changed:
                    value = " → ".join(number(sroi._trim(t.hours_per_week)) for t in e.terms)
                elif name in LABELLED and value:
                    value = str(label(LABELLED[name], value))
                row.append(cell(value))
            writer.writerow(row)
        _terms_csv(writer, report, number)
        v = report.visits
        writer.writerow([])
        writer.writerow([_("Totals")])
        for text, value in (
            (_("Employees"), len(report.employees)),
            (_("Hours worked"), number(report.total_hours)),
            (_("Paid hours (contract)"), number(report.total_paid_hours)),
            (_("Jobs (banenafspraak)"), number(report.total_jobs)),
            (_("Doors (each visit once)"), v.get("doors", 0)),
            (_("Conversations (each visit once)"),
             v.get("conversations", 0)),
            (_("Letters sent"), v.get("letters", 0)),
            (_("Households interested"), v.get("interested", 0)),
            (_("Outflow to work"), report.outflow_to_work),
            (_("Social return (€)"), number(report.total_sroi)),
            *(((_("of which social activities of the employer (€)"),
                number(report.activity_sroi)),
               (_("Hours given to social activities"),
                number(_tenths(report.activity_hours)))) if report.activities else ()),
        ):  # fmt: skip
            writer.writerow([text, value])
        for r in report.retention:
            kept = _("%(kept)s of %(of)s", kept=r.retained, of=r.eligible)
            percent = f"{number(r.percent)} %" if r.percent is not None else ""
            months = _("Retained after %(n)s months", n=r.months)
            writer.writerow([months, kept, percent])
        if report.sroi_table is not None:
            _sroi_csv(writer, report, number, cell)
        if municipal:
            _municipal_csv(writer, report, number)
    return out.getvalue()


def _terms_csv(writer: Any, report: PlacementReport, number: Any) -> None:
    """Where a contract or its hours changed in the period: each stretch, with its paid hours
    (their sum is the person's paid hours)."""
    from flask_babel import gettext as _

    from eteams.labels import label

    changed = [e for e in report.employees if e.terms_changed]
    if not changed:
        return
    writer.writerow([])
    writer.writerow([_("Contract changes in the period")])
    writer.writerow([_("Name"), _("From"), _("To"), _("Contract"), _("Hours a week"),
                     _("Months employed"), _("Paid hours (contract)")])  # fmt: skip
    for e in changed:
        for t in e.terms:
            writer.writerow([_cell(e.name), t.first.isoformat(), t.last.isoformat(),
                             _cell(str(label(ContractType, t.contract_type))),
                             number(sroi._trim(t.hours_per_week)), number(t.months),
                             number(t.paid_hours)])  # fmt: skip


def _municipal_csv(writer: Any, report: PlacementReport, number: Any) -> None:
    """The contract the realisation is measured against, and the evidence per person."""
    from flask_babel import gettext as _

    c = report.contract
    writer.writerow([])
    writer.writerow([_("Social-return contract")])
    if c is None:
        writer.writerow([_("No contract with a social-return obligation ran in the period.")])
    else:
        balance = c.balance
        over = balance is not None and balance < 0
        for text, value in (
            (_("Contract or tender reference"), _cell(c.reference)),
            (_("What the contract is for"), _cell(c.description)),
            (_("Starts on"), c.starts_on.isoformat()),
            (_("Ends on"), c.ends_on.isoformat() if c.ends_on else ""),
            (_("Contract value (€)"), number(c.value)),
            (_("Obligation (percent of the contract value)"), number(c.obligation_percent)),
            (_("Obligation (€)"), number(c.obligation)),
            (_("Realised from the start to the peildatum (€)"), number(c.realised)),
            (_("Realised beyond the obligation (€)") if over
             else _("Balance still to realise (€)"),
             number(abs(balance)) if balance is not None else ""),
            (_("The municipality's adviser social return"), _cell(c.municipality_contact)),
        ):  # fmt: skip
            writer.writerow([text, value])
        _realised_csv(writer, c, number)
    writer.writerow([])
    writer.writerow([_("Evidence on file"), _("Employment contract"), _("Payslips or paid hours"),
                     _("Target group on the hiring date"),
                     _("Certificates in the period")])  # fmt: skip
    for e in report.employees:
        writer.writerow([_cell(e.name), *(_("yes") if held else _("no") for held in e.evidence),
                         e.certificates])  # fmt: skip


def _realised_csv(writer: Any, c: Contract, number: Any) -> None:
    """What "realised" is made of: from the contract's start to ``until``, one row a line —
    person, its days, the building block, the rate, hours a week, basis, months or a count,
    the amount — then the employer's hourly lines; they add up to the realised figure."""
    from flask_babel import gettext as _

    writer.writerow([])
    writer.writerow([_("Realised under the contract, line by line"), c.starts_on.isoformat(),
                     (c.until or c.starts_on).isoformat()])  # fmt: skip
    writer.writerow([_("Employee"), _("From"), _("To"), _("Building block"), _("Rate (€)"),
                     _("Hours a week"), _("Basis hours"), _("Months"), _("Number"),
                     _("Amount (€)")])  # fmt: skip
    for e in c.people:
        first = max(c.starts_on, e.hired_on)
        last = min(c.until or e.ended_on, e.ended_on or c.until)  # type: ignore[type-var]
        for line in e.sroi_lines:
            yearly = line.per == "year"
            writer.writerow([
                _cell(e.name), (line.first or first).isoformat(), (line.last or last).isoformat(),
                _cell(str(line.label)), number(sroi._cents(line.amount)),
                number(sroi._trim(line.hours_per_week)) if yearly else "",
                number(sroi._trim(line.basis_hours)) if yearly else "",
                number(line.months) if yearly else "",
                "" if yearly else number(sroi._trim(line.quantity)), number(line.value),
            ])  # fmt: skip
    for a in c.activities:
        for line in a.lines:
            writer.writerow([_("Employer"), a.day.isoformat(), a.day.isoformat(),
                             _cell(f"{line.label}: {a.description}"),
                             number(sroi._cents(line.amount)), "", "", "",
                             number(sroi._trim(line.quantity)), number(line.value)])  # fmt: skip
    writer.writerow([_("Realised"), "", "", "", "", "", "", "", "", number(c.realised)])


def _sroi_csv(writer: Any, report: PlacementReport, number: Any, cell: Any) -> None:
    """Each person's social-return lines, as in the PDF's appendix: who, which rule, how it
    was worked out, the amount; a subtotal a person; the employer's hourly lines."""
    from flask_babel import gettext as _

    def euro(amount: Decimal) -> str:  # a rate in cents, whatever the database gave back
        return number(sroi._cents(Decimal(amount)))

    writer.writerow([])
    writer.writerow([_("Social return, line by line")])
    writer.writerow([_("Employee"), _("Rule"), _("Worked out"), _("Amount (€)"), _("Note")])
    for e in report.employees:
        note = " ".join(map(str, e.sroi_notes))
        if not e.sroi_lines:
            writer.writerow([_cell(e.name), _cell(e.sroi_category or ""), "", number(CENTS),
                             _cell(note)])  # fmt: skip
            continue
        for line in e.sroi_lines:
            worked_out = _cell(sroi.formula(line, number, euro) + (
                f" ({line.first.isoformat()} – {line.last.isoformat()})" if line.first and
                line.last else ""))  # fmt: skip
            writer.writerow([_cell(e.name), _cell(line.label), worked_out, number(line.value), ""])
        writer.writerow([_cell(e.name), _("Subtotal"), "", number(e.sroi_value), _cell(note)])
    for a in report.activities:
        for line in a.lines:
            writer.writerow([_("Employer"), _cell(line.label),
                             _cell(sroi.formula(line, number, euro)), number(line.value),
                             _cell(f"{a.day.isoformat()}: {a.description}")])  # fmt: skip
    writer.writerow([_("Total"), "", "", number(report.total_sroi), ""])
    _activities_csv(writer, report, number, euro)


def _activities_csv(writer: Any, report: PlacementReport, number: Any, euro: Any) -> None:
    """The employer's social activities, one row an activity and hourly line: the day, what
    it was, the hours, the rate and the amount; their total is in the social-return total."""
    from flask_babel import gettext as _

    if not report.activities:
        return
    writer.writerow([])
    writer.writerow([_("Social activities of the employer")])
    writer.writerow([_("Day"), _("Description"), _("Hours"), _("Rule"), _("Rate (€)"),
                     _("Amount (€)")])  # fmt: skip
    for a in report.activities:
        hours = number(_tenths(a.hours))
        if not a.lines:  # the rule table has no hourly line: recorded, worth nothing here
            writer.writerow([a.day.isoformat(), _cell(a.description), hours, "", "",
                             number(Decimal("0.00"))])  # fmt: skip
        for line in a.lines:
            writer.writerow([a.day.isoformat(), _cell(a.description), hours, _cell(line.label),
                             euro(line.amount), number(line.value)])  # fmt: skip
    writer.writerow([_("Total"), "", number(_tenths(report.activity_hours)), "", "",
                     number(report.activity_sroi)])  # fmt: skip


def _tenths(hours: Decimal) -> Decimal:
    """Activity hours as they are kept, to a tenth: "12,5", "13,0" (one column, one form)."""
    return Decimal(hours).quantize(Decimal("0.1"), ROUND_HALF_UP)


def sroi_changes(report: PlacementReport, day: Any = dt.date.isoformat) -> str:
    """The note on other tables that took effect within the period (each a sentence, with a
    leading space), or ""."""
    from flask_babel import gettext as _

    return "".join(
        " " + _("Note: version %(version)s took effect on %(day)s, within the period; this "
                "report counts the whole period by the table in force on its last day.",
                version=version, day=day(valid_from))
        for version, valid_from in report.sroi_table_changes
    )  # fmt: skip


def sroi_source(
    report: PlacementReport, day: Any = dt.date.isoformat, *, changes: bool = True
) -> str:
    """Which rule table the social-return figures used, or why there are none (in the
    language of the moment); ``day`` writes a date (ISO for a spreadsheet, d-m-yyyy in the
    Dutch PDF). ``changes``: with the note on tables that took effect within the period
    (the PDF's appendix puts it after the table's title and source instead)."""
    from flask_babel import gettext as _

    table = report.sroi_table
    if table is None:
        return _("not worked out: no social-return rule table for the municipality of "
                 "%(municipality)s in force on %(day)s",
                 municipality=report.municipality or "—", day=day(report.peildatum))  # fmt: skip
    note = sroi_changes(report, day) if changes else ""
    if table.valid_from:
        return _("rule table %(municipality)s version %(version)s, in force from %(day)s",
                 municipality=table.municipality, version=table.version,
                 day=day(table.valid_from)) + note  # fmt: skip
    return _("rule table %(municipality)s version %(version)s, provisional: its start date is "
             "not confirmed yet",
             municipality=table.municipality, version=table.version)  # fmt: skip


def decimal_comma(value: Decimal | None) -> str:
    """1234.50 → "1234,50": how Dutch readers and Dutch Excel expect a decimal."""
    return "" if value is None else format(value, "f").replace(".", ",")


def safe_cell(value: object) -> str:
    """A spreadsheet cell that stays text (never a formula)."""
    return _cell(value)


def _cell(value: object) -> str:
    if value is None or isinstance(value, Decimal):
        return decimal_comma(value)
    text = str(value)
    # A name typed as "=HYPERLINK(...)" must stay text in a spreadsheet, never a formula; a
    # reference "3-12" must not become 3 December, nor a number "0123" lose its zero.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") or _LOOKS_LIKE_DATE_OR_NUMBER.match(text):
        return "'" + text
    return text


_LOOKS_LIKE_DATE_OR_NUMBER = re.compile(
    r"^\s*(\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?|0\d+|\d+[eE]\d+)\s*$"
)


def produce(
    session: Session,
    employer_id: int,
    start: dt.date,
    end: dt.date,
    *,
    audience: str,
    initials: bool,
    user: User,
) -> PlacementReport:
    """The report ``user`` may have, as the pages, the API and the worker hand it out: only
    the employees they may see; the municipality's version without health data; a number
    for each issued version. A lead sees only the members of their own teams: a partial
    report, never numbered and never the municipality's (the caller refuses that first)."""
    from eteams.services import scoping

    report = placement_report(session, employer_id, start, end,
                              scope=scoping.visible_clause(Employee, user))  # fmt: skip
    if audience == FOR_MUNICIPALITY:
        report = for_municipality(report, initials=initials)
    if user.role is Role.LEAD:
        return replace(report, partial=True)  # no version number: it is not the report
    return issue(session, report, user.id)
