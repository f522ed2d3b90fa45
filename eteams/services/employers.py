"""Employers, employees and training records, with the rules that keep them true."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eteams.models import (
    Attendance,
    ContractChange,
    Employee,
    Employer,
    Shift,
    SocialActivity,
    SroiContract,
    TeamMembership,
    TrainingRecord,
    Visit,
    VisitCoach,
)
from eteams.models.enums import ContractType, EndReason, LearningRoute, TargetGroup
from eteams.services import audit, clock, text
from eteams.services.errors import ValidationError

KVK_PATTERN = re.compile(r"^\d{8}$")


@dataclass(frozen=True)
class EmployerData:
    name: str
    kvk_number: str
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    municipality: str = "Utrecht"


@dataclass(frozen=True)
class EmployeeData:
    employer_id: int
    first_name: str
    last_name: str
    target_group: TargetGroup
    hired_on: date
    contract_type: ContractType
    hours_per_week: Decimal
    birth_year: int | None = None
    status_holder: bool = False
    ended_on: date | None = None
    end_reason: EndReason | None = None
    doelgroepregister: bool = False
    language_deficit: bool = False
    benefit_since: date | None = None
    learning_route: LearningRoute | None = None
    evidence_contract: bool = False
    evidence_pay: bool = False
    evidence_target_group: bool = False


def normalise_kvk(value: str) -> str:
    """KvK numbers are often typed with spaces or dots: '1234 5678' → '12345678'."""
    return re.sub(r"[\s.]", "", value or "")


def save_employer(
    session: Session,
    data: EmployerData,
    employer: Employer | None = None,
    actor_id: int | None = None,
) -> Employer:
    """Create or update an employer, audited here so the form, the API and the CLI agree."""
    data = replace(data, name=text.name(data.name), contact_name=text.name(data.contact_name))
    kvk = normalise_kvk(data.kvk_number)
    problems: dict[str, list[str]] = {}
    name = data.name.strip()
    if not name:
        problems["name"] = [str(_l("Enter the employer's name."))]
    problems.update(_multi_line(name=name, contact_name=data.contact_name.strip()))
    if not KVK_PATTERN.match(kvk):
        problems["kvk_number"] = [str(_l("A KvK number has exactly 8 digits."))]
    own_id = employer.id if employer else None
    if name and session.scalar(
        select(Employer.id).where(Employer.name == name, Employer.id != own_id)
    ):
        problems.setdefault("name", []).append(str(_l("An employer with this name exists.")))
    if kvk and session.scalar(
        select(Employer.id).where(Employer.kvk_number == kvk, Employer.id != own_id)
    ):
        problems.setdefault("kvk_number", []).append(
            str(_l("An employer with this KvK number exists."))
        )
    if data.contact_email:
        from eteams.services.accounts import normalise_email

        try:
            normalise_email(data.contact_email)
        except ValidationError:
            problems["contact_email"] = [str(_l("Enter a valid e-mail address."))]
    if problems:
        raise ValidationError(problems)
    employer = employer or Employer()
    employer.name = name
    employer.kvk_number = kvk
    employer.contact_name = data.contact_name.strip()
    employer.contact_email = data.contact_email.strip().lower()
    employer.contact_phone = data.contact_phone.strip()
    employer.municipality = data.municipality.strip() or "Utrecht"
    session.add(employer)
    session.flush()
    audit.record(session, "employer_saved", actor_id=actor_id, obj=employer)
    return employer


def save_employee(
    session: Session,
    data: EmployeeData,
    employee: Employee | None = None,
    actor_id: int | None = None,
) -> Employee:
    """Create or update an employee, audited here (whichever way the change came in)."""
    data = replace(data, first_name=text.name(data.first_name), last_name=text.name(data.last_name))
    problems = _employee_problems(session, data)
    if employee is not None and not {"hired_on", "ended_on"} & set(problems):
        problems.update(_history_problems(session, employee, data.hired_on, data.ended_on))
    if employee is not None and not {"hired_on", "ended_on"} & set(problems):
        problems.update(_changes_problems(employee, data.hired_on, data.ended_on))
    if problems:
        raise ValidationError(problems)
    employee = employee or Employee()
    for field in EmployeeData.__dataclass_fields__:
        setattr(employee, field, getattr(data, field))
    employee.first_name = data.first_name.strip()
    employee.last_name = data.last_name.strip()
    # The banenafspraak target group is the doelgroepregister, whatever the box said.
    employee.doelgroepregister = (
        data.doelgroepregister or data.target_group is TargetGroup.BANENAFSPRAAK
    )
    session.add(employee)
    session.flush()
    audit.record(session, "employee_saved", actor_id=actor_id, obj=employee)
    return employee


MIN_HOURS, MAX_HOURS = Decimal(1), Decimal(40)


def hours_problem(hours: Decimal) -> str | None:
    """The one rule for hours a week, on every path (the forms, the API, a contract change):
    1 to 40, at most one decimal (25,5). What is stored is what was typed: 24.333 is refused,
    not kept as 24.3; 0.5 is no contract a week."""
    hours = Decimal(hours)
    if not hours.is_finite() or not MIN_HOURS <= hours <= MAX_HOURS:
        return str(_l("Enter the hours a week: 1 to 40."))
    if hours != hours.quantize(Decimal("0.1")):
        return str(_l("Hours per week with at most one decimal (25,5)."))
    return None


def _multi_line(**names: str) -> dict[str, list[str]]:
    """The names that break the one-line rule (``text.is_one_line``), each with its message."""
    return {field: [str(text.ONE_LINE)] for field, value in names.items()
            if not text.is_one_line(value)}  # fmt: skip


def _employee_problems(session: Session, data: EmployeeData) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    if session.get(Employer, data.employer_id) is None:
        problems["employer_id"] = [str(_l("Choose an employer."))]
    if not data.first_name.strip():
        problems["first_name"] = [str(_l("Enter a first name."))]
    if not data.last_name.strip():
        problems["last_name"] = [str(_l("Enter a last name."))]
    problems.update(_multi_line(first_name=data.first_name.strip(),
                                last_name=data.last_name.strip()))  # fmt: skip
    hours = hours_problem(data.hours_per_week)
    if hours:
        problems["hours_per_week"] = [hours]
    if data.birth_year is not None and not 1940 <= data.birth_year <= 2015:
        problems["birth_year"] = [str(_l("Enter a birth year between 1940 and 2015."))]
    if data.ended_on is not None and data.ended_on < data.hired_on:
        problems["ended_on"] = [str(_l("The end date cannot be before the hiring date."))]
    if data.ended_on is not None and data.end_reason is None:
        problems["end_reason"] = [str(_l("Say why the employment ended."))]
    if data.ended_on is None and data.end_reason is not None:
        problems["ended_on"] = [str(_l("Enter the date the employment ended."))]
    if data.benefit_since is not None and data.benefit_since > data.hired_on:
        problems["benefit_since"] = [str(_l("The benefit must have started on or before "
                                            "the hiring date."))]  # fmt: skip
    if data.benefit_since is not None and data.benefit_since < date(1960, 1, 1):
        problems["benefit_since"] = [str(_l("Enter a start date from 1960 on."))]
    return problems


def record_days(session: Session, employee_id: int) -> tuple[date | None, date | None]:
    """The first and last day the programme holds something of this employee: a training, a
    shift's attendance, a visit credited to them (and, for the first, a team membership)."""

    def span(column: Any, *joins: Any, where: Any) -> list[date | None]:
        stmt = select(func.min(column), func.max(column))
        for target, on in joins:
            stmt = stmt.join(target, on)
        return list(session.execute(stmt.where(where)).one())

    firsts, lasts = [], []
    for first, last in (
        span(TrainingRecord.completed_on, where=TrainingRecord.employee_id == employee_id),
        span(Shift.date, (Attendance, Attendance.shift_id == Shift.id),
             where=Attendance.employee_id == employee_id),
        [clock.local_day(v) if v else None for v in span(
            Visit.visited_at, (VisitCoach, VisitCoach.visit_id == Visit.id),
            where=VisitCoach.employee_id == employee_id)],
    ):  # fmt: skip
        firsts.append(first)
        lasts.append(last)
    joined = select(func.min(TeamMembership.from_date))
    firsts.append(session.scalar(joined.where(TeamMembership.employee_id == employee_id)))
    known_first = [d for d in firsts if d is not None]
    known_last = [d for d in lasts if d is not None]
    return (min(known_first) if known_first else None, max(known_last) if known_last else None)


def _history_problems(
    session: Session, employee: Employee, hired_on: date, ended_on: date | None
) -> dict[str, list[str]]:
    """Dates of employment around the employee's own history: a hiring date after it, or an
    end before it, would drop that history from the reports without a word."""
    first, last = record_days(session, employee.id)
    if first is not None and hired_on > first:
        message = _l("This employee is in the records from %(day)s (team, training, shift or "
                     "visit): the hiring date cannot be later.",
                     day=format_date(first, "long"))  # fmt: skip
        return {"hired_on": [str(message)]}
    if ended_on is not None and last is not None and ended_on < last:
        message = _l("This employee is in the records until %(day)s (training, shift or visit): "
                     "the end date cannot be earlier.", day=format_date(last, "long"))  # fmt: skip
        return {"ended_on": [str(message)]}
    return {}


def _changes_problems(
    employee: Employee, hired_on: date, ended_on: date | None
) -> dict[str, list[str]]:
    """The employment's dates around its contract changes: each change lies after the hiring
    date and no later than the end."""
    changes = employee.contract_changes
    if changes and hired_on >= changes[0].starts_on:
        message = _l("A contract change is recorded from %(day)s: the hiring date must be "
                     "earlier. Remove the change first if it was wrong.",
                     day=format_date(changes[0].starts_on, "long"))  # fmt: skip
        return {"hired_on": [str(message)]}
    if changes and ended_on is not None and ended_on < changes[-1].starts_on:
        message = _l("A contract change is recorded from %(day)s: the end date cannot be "
                     "earlier. Remove the change first if it was wrong.",
                     day=format_date(changes[-1].starts_on, "long"))  # fmt: skip
        return {"ended_on": [str(message)]}
    return {}


def add_contract_change(
    session: Session,
    employee: Employee,
    starts_on: date,
    contract_type: ContractType,
    hours_per_week: Decimal,
    *,
    actor_id: int | None,
) -> ContractChange:
    """From ``starts_on`` on the employee works under other terms. Audited here (no terms in
    the audit log: the event names the employee only)."""
    problems: dict[str, list[str]] = {}
    hours = hours_problem(hours_per_week)
    if hours:
        problems["hours_per_week"] = [hours]
    ended = employee.ended_on
    if starts_on <= employee.hired_on:
        message = _l("A change starts after the hiring date; the terms on the hiring date are "
                     "the employee's own contract and hours (correct those instead).")  # fmt: skip
    elif ended is not None and starts_on > ended:
        message = _l("The employment ended on %(day)s: a change cannot start later.",
                     day=format_date(ended, "long"))  # fmt: skip
    elif any(c.starts_on == starts_on for c in employee.contract_changes):
        message = _l("A change from this day is already recorded: remove it first to record "
                     "another.")  # fmt: skip
    else:
        message = None
    if message is not None:
        problems["starts_on"] = [str(message)]
    elif not problems:
        before = employee.terms_on(starts_on - timedelta(days=1))
        if (before.contract_type, before.hours_per_week) == (contract_type, hours_per_week):
            problems["contract_type"] = [str(_l("These are the terms already in force on that "
                                                "day: nothing changes."))]  # fmt: skip
    if problems:
        raise ValidationError(problems)
    change = ContractChange(employee=employee, starts_on=starts_on, contract_type=contract_type,
                            hours_per_week=hours_per_week)  # fmt: skip
    session.add(change)
    session.flush()
    session.refresh(employee, ["contract_changes"])
    audit.record(session, "contract_changed", actor_id=actor_id, obj=employee)
    return change


def remove_contract_change(
    session: Session, employee: Employee, change_id: int, *, actor_id: int | None
) -> None:
    """A change recorded by mistake: the terms before it run on."""
    change = next((c for c in employee.contract_changes if c.id == change_id), None)
    if change is None:
        raise ValidationError({"change": [str(_l("This contract change does not exist."))]})
    employee.contract_changes.remove(change)
    session.flush()
    audit.record(session, "contract_change_removed", actor_id=actor_id, obj=employee)


def add_training_record(
    session: Session,
    employee: Employee,
    course: str,
    completed_on: date,
    certificate: bool,
    *,
    actor_id: int | None,
) -> TrainingRecord:
    """Audited here, for the employee page and the API alike (the course name is free text)."""
    problems: dict[str, list[str]] = {}
    if not course.strip():
        problems["course"] = [str(_l("Enter the course name."))]
    if completed_on < employee.hired_on:
        problems["completed_on"] = [str(_l("The course date cannot be before the hiring date."))]
    if completed_on > clock.today():
        problems["completed_on"] = [str(_l("The course date cannot be in the future."))]
    if problems:
        raise ValidationError(problems)
    record = TrainingRecord(
        employee=employee, course=course.strip(), completed_on=completed_on, certificate=certificate
    )
    session.add(record)
    session.flush()
    audit.record(session, "training_added", actor_id=actor_id, obj=employee)
    return record


@dataclass(frozen=True)
class ContractData:
    reference: str
    contract_value: Decimal
    starts_on: date
    obligation_percent: Decimal | None = None
    obligation_eur: Decimal | None = None
    ends_on: date | None = None
    description: str = ""
    municipality_contact: str = ""


MAX_CONTRACT_EUR = Decimal("1000000000")


MAX_ACTIVITY_HOURS = Decimal(1000)  # one entry: a course, a season of help; 10,000 is a slip


def add_social_activity(
    session: Session, employer: Employer, day: date, hours: Decimal, description: str, *,
    actor_id: int | None,
) -> SocialActivity:  # fmt: skip
    """Hours the employer's people gave to a social activity or a local initiative; rule
    tables with an hourly line value them (Utrecht: € 100 an hour). Audited here, without the
    description (it may name people)."""
    problems: dict[str, list[str]] = {}
    description = str(text.clean(description or "")).strip()
    if not description:
        problems["description"] = [str(_l("Say what the activity was."))]
    elif len(description) > 300:
        problems["description"] = [str(_l("At most 300 characters."))]
    if not hours.is_finite() or not Decimal(0) < hours <= MAX_ACTIVITY_HOURS:
        problems["hours"] = [str(_l("Enter the hours: more than 0 and at most 1,000."))]
    elif hours != hours.quantize(Decimal("0.1")):  # kept as typed: 3.25 is no 3.2 or 3.3
        problems["hours"] = [str(_l("Hours with at most one decimal (3,5)."))]
    if day > clock.today():
        problems["day"] = [str(_l("The activity must have taken place: not after today."))]
    if problems:
        raise ValidationError(problems)
    activity = SocialActivity(employer=employer, day=day, hours=hours, description=description)
    session.add(activity)
    session.flush()
    audit.record(session, "social_activity_added", actor_id=actor_id, obj=employer)
    return activity


def remove_social_activity(
    session: Session, employer: Employer, activity_id: int, *, actor_id: int | None
) -> None:
    activity = session.get(SocialActivity, activity_id)
    if activity is None or activity.employer_id != employer.id:
        raise ValidationError({"activity": [str(_l("This activity does not exist."))]})
    session.delete(activity)
    session.flush()
    audit.record(session, "social_activity_removed", actor_id=actor_id, obj=employer)


def add_sroi_contract(
    session: Session, employer: Employer, data: ContractData, *, actor_id: int | None
) -> SroiContract:
    """A contract or tender with a social-return obligation: a share of its value or an
    amount, never both. Audited here."""
    problems: dict[str, list[str]] = {}
    if not data.reference.strip():
        problems["reference"] = [str(_l("Enter the contract or tender reference."))]
    if not Decimal(0) <= data.contract_value <= MAX_CONTRACT_EUR:
        problems["contract_value"] = [str(_l("Enter the contract value in euros."))]
    if data.obligation_percent is None and data.obligation_eur is None:
        problems["obligation_percent"] = [
            str(_l("Enter the obligation: a percentage of the value, or an amount below."))
        ]
    elif data.obligation_percent is not None and data.obligation_eur is not None:
        problems["obligation_percent"] = [
            str(_l("Enter the obligation as a percentage of the value or as an amount, not both."))
        ]
    elif data.obligation_percent is not None and not Decimal(0) < data.obligation_percent <= 100:
        problems["obligation_percent"] = [str(_l("A percentage from 0 to 100."))]
    elif (
        data.obligation_eur is not None and not Decimal(0) < data.obligation_eur <= MAX_CONTRACT_EUR
    ):
        problems["obligation_eur"] = [str(_l("Enter the obligation in euros."))]
    if (
        data.obligation_percent is not None
        and "contract_value" not in problems
        and data.contract_value <= 0
    ):  # a share of nothing is no obligation
        problems["contract_value"] = [
            str(
                _l(
                    "A share of the contract value needs the value: enter it, or the obligation "
                    "as an amount."
                )
            )  # fmt: skip
        ]
    if data.ends_on is not None and data.ends_on < data.starts_on:
        problems["ends_on"] = [str(_l("The contract cannot end before it starts."))]
    elif (other := _overlapping(session, employer, data.starts_on, data.ends_on)) is not None:
        # A report measures its hires against one contract: two at once would credit the
        # same people twice, or silently drop one obligation.
        message = _l("Contract %(reference)s runs at the same time (%(period)s): a report "
                     "measures the hires against one contract at a time, so a new one starts "
                     "after it ends (give that contract its end date in the list above).",
                     reference=other.reference, period=_period_text(other))  # fmt: skip
        problems["starts_on"] = [str(message)]
    if problems:
        raise ValidationError(problems)
    contract = SroiContract(
        employer=employer, reference=data.reference.strip(), description=data.description.strip(),
        contract_value=data.contract_value, obligation_percent=data.obligation_percent,
        obligation_eur=data.obligation_eur, starts_on=data.starts_on, ends_on=data.ends_on,
        municipality_contact=data.municipality_contact.strip(),
    )  # fmt: skip
    session.add(contract)
    session.flush()
    audit.record(session, "sroi_contract_added", actor_id=actor_id, obj=employer)
    return contract


def end_sroi_contract(
    session: Session, employer: Employer, contract_id: int, ends_on: date | None, *,
    actor_id: int | None,
) -> SroiContract:  # fmt: skip
    """The day a contract ended (or ends), set or corrected. Audited here."""
    contract = session.get(SroiContract, contract_id)
    if contract is None or contract.employer_id != employer.id:
        raise ValidationError({"contract": [str(_l("This contract does not exist."))]})
    if ends_on is None:
        raise ValidationError({"ends_on": [str(_l("Enter the day the contract ends."))]})
    if ends_on < contract.starts_on:
        raise ValidationError({"ends_on": [str(_l("The contract cannot end before it starts."))]})
    later = session.scalar(select(SroiContract).where(
        SroiContract.employer_id == employer.id, SroiContract.id != contract.id,
        SroiContract.starts_on > contract.starts_on,
        SroiContract.starts_on <= ends_on))  # fmt: skip
    if later is not None:
        raise ValidationError({"ends_on": [str(_l(
            "Contract %(reference)s starts on %(day)s: this one must end before it.",
            reference=later.reference, day=format_date(later.starts_on, "long")))]})  # fmt: skip
    contract.ends_on = ends_on
    session.flush()
    audit.record(session, "sroi_contract_ended", actor_id=actor_id, obj=employer,
                 ends_on=ends_on.isoformat())  # fmt: skip
    return contract


def _overlapping(
    session: Session, employer: Employer, starts_on: date, ends_on: date | None
) -> SroiContract | None:
    end = ends_on or date.max
    return session.scalar(
        select(SroiContract)
        .where(SroiContract.employer_id == employer.id, SroiContract.starts_on <= end,
               (SroiContract.ends_on.is_(None)) | (SroiContract.ends_on >= starts_on))
        .order_by(SroiContract.starts_on).limit(1)
    )  # fmt: skip


def _period_text(contract: SroiContract) -> str:
    since = format_date(contract.starts_on, "long")
    if contract.ends_on is None:
        return str(_l("from %(day)s, without an end", day=since))
    return f"{since} – {format_date(contract.ends_on, 'long')}"


def contract_in(session: Session, employer_id: int, start: date, end: date) -> SroiContract | None:
    """The employer's contract running at some time from ``start`` to ``end`` (the latest
    started, if several): a contract that ended in the period is still the one it reports on."""
    return session.scalar(
        select(SroiContract)
        .where(SroiContract.employer_id == employer_id, SroiContract.starts_on <= end,
               (SroiContract.ends_on.is_(None)) | (SroiContract.ends_on >= start))
        .order_by(SroiContract.starts_on.desc(), SroiContract.id.desc())
        .limit(1)
    )  # fmt: skip


def contract_on(session: Session, employer_id: int, day: date) -> SroiContract | None:
    """The employer's contract running on ``day`` (the latest started, if several)."""
    return contract_in(session, employer_id, day, day)
