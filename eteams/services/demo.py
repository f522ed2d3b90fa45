"""A deterministic demo programme: one Utrecht neighbourhood, two employers, three teams,
two weeks of shifts, attendance and visits up to today. The passwords are random per run and
printed.

Every date in it is counted from ``today``, the day it is loaded: people were hired months ago,
the last two weeks were walked, today has a walk list for every team (whatever day of the week),
and yesterday's letters are waiting to be printed. The same ``today`` gives the same programme."""

from __future__ import annotations

import math
import random
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eteams.models import (
    Address,
    Attendance,
    Base,
    Campaign,
    ContractChange,
    Employee,
    Employer,
    Shift,
    Team,
    TeamMembership,
    TrainingRecord,
    User,
    Visit,
    VisitCoach,
    VisitConsent,
    VisitInterest,
    WalkList,
)
from eteams.models.enums import (
    AttendanceStatus,
    ConsentKind,
    ContractType,
    DwellingType,
    EndReason,
    EnergyLabel,
    Interest,
    Language,
    Outcome,
    Role,
    TargetGroup,
    Tenure,
    WalkListStatus,
)
from eteams.services import accounts, catalogue, clock, letters, planning
from eteams.services.consents import WORDING_VERSION
from eteams.services.demo_streets import STREETS, DemoStreet

SEED = 2026
DOORS_PER_HOUR = 8
PLAN_ITERATIONS = 1500  # the planner's effort for today's lists; tests ask for less
PAST_PLAN_ITERATIONS = 300  # the walked days' lists: history, planned with less polish
FIRST_HIRED_DAYS_AGO = 300  # the first employee; one more about every four weeks
IN_TEAMS_DAYS_AGO = 60  # the teams as they are now were formed then
LEAVER_LEFT_DAYS_AGO = 30  # one employee found a regular job then
WALKED_DAYS = 14  # shifts with visits from this many days ago up to yesterday
PLANNED_DAYS_AHEAD = 7  # shifts without lists yet, for the lead to plan
CAMPAIGN_DAYS = (-21, 60)  # the campaign runs from 3 weeks ago to 2 months ahead
SHIFT_DAYS = (0, 1, 2, 3)  # Monday to Thursday; and always today, so the demo shows a list
VISITS_FROM = time(9, 40)  # Amsterdam time: ten minutes after the shift starts
METRES_PER_DEGREE_LAT = 111_320.0
OUTCOME_WEIGHTS = {
    Outcome.NOT_HOME: 44,
    Outcome.NO_ANSWER: 10,
    Outcome.REFUSED: 10,
    Outcome.COME_BACK_LATER: 5,
    Outcome.CONVERSATION: 26,
    Outcome.MOVED: 1,
    Outcome.NO_ACCESS: 2,
    Outcome.DO_NOT_VISIT: 2,
}


class DemoExists(Exception):
    pass


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    password: str


@dataclass(frozen=True)
class _Person:
    first: str
    last: str
    birth_year: int
    group: TargetGroup
    contract: ContractType
    hours: str
    status_holder: bool = False
    language_deficit: bool = False
    benefit_months: int | None = None  # how long the benefit had lasted when hired
    # (days after hiring, contract, hours): the contract changed once, a trial that became one
    becomes: tuple[int, ContractType, str] | None = None


EMPLOYERS = (
    ("Stichting Groen Werk Utrecht", "41234567", "Marieke de Vries"),
    ("Woonwijzer Facilitair B.V.", "72345678", "Hamid El Amrani"),
)
PEOPLE = (
    (
        _Person(
            "Samira",
            "Bouzid",
            1994,
            TargetGroup.PARTICIPATIEWET,
            ContractType.TEMPORARY,
            "32",
            benefit_months=30,
        ),
        _Person(
            "Joris",
            "Verhoeven",
            1971,
            TargetGroup.WW,
            ContractType.TEMPORARY,
            "36",
            benefit_months=8,
        ),
        _Person(
            "Tesfay",
            "Gebremedhin",
            1990,
            TargetGroup.PARTICIPATIEWET,
            ContractType.WORK_LEARNING,
            "28",
            status_holder=True,
        ),
        _Person(
            "Lotte",
            "Jansen",
            2003,
            TargetGroup.BANENAFSPRAAK,
            ContractType.TRIAL_PLACEMENT,
            "24",
            becomes=(91, ContractType.TEMPORARY, "28"),
        ),
        _Person("Emre", "Yilmaz", 2005, TargetGroup.NO_BENEFIT, ContractType.WORK_LEARNING, "32"),
    ),
    (
        _Person(
            "Rana",
            "Haddad",
            1987,
            TargetGroup.PARTICIPATIEWET,
            ContractType.TEMPORARY,
            "30",
            status_holder=True,
            language_deficit=True,
        ),
        _Person("Kees", "van Dijk", 1966, TargetGroup.WIA, ContractType.PERMANENT, "20"),
        _Person("Priya", "Ramdin", 1999, TargetGroup.WW, ContractType.TEMPORARY, "36"),
        _Person("Daan", "Smit", 2004, TargetGroup.BANENAFSPRAAK, ContractType.TEMPORARY, "25.5"),
    ),
)
TEAMS = (("Team Kanaal", 0, (0, 1, 2)), ("Team Lombok", 1, (3, 5)), ("Team Billiton", 1, (6, 7, 8)))
MEETING_POINTS = (
    ("Buurtcentrum Oase, Kanaalstraat", 52.09215, 5.10300),
    ("Bibliotheek Lombok, Javastraat", 52.09120, 5.10080),
    ("Speeltuin Billitonkade", 52.09150, 5.09850),
)


def load_demo(
    session: Session,
    today: date,
    *,
    reset: bool = False,
    plan_iterations: int = PLAN_ITERATIONS,
) -> list[DemoLogin]:
    """The demo programme as it stands on ``today`` (an Amsterdam day, see ``clock.today``)."""
    if session.scalar(select(func.count(User.id))):
        if not reset:
            raise DemoExists("the database already holds data; use --reset to replace it")
        _empty(session)
    rng = random.Random(SEED)
    catalogue.seed_all(session)
    logins: list[DemoLogin] = []
    employers = _employers(session, rng, today)
    employees = [e for group in employers for e in group.employees]
    logins += _users(session, employers, employees)
    leads = session.scalars(select(User).where(User.role == Role.LEAD).order_by(User.id)).all()
    teams = _teams(session, leads, employees, today)
    campaign = _campaign(session, rng, today)
    _shifts_and_visits(session, rng, teams, campaign, today, plan_iterations)
    _letters_sent(session, leads[0], today)
    return logins


def _empty(session: Session) -> None:
    for table in reversed(Base.metadata.sorted_tables):
        session.execute(table.delete())
    session.flush()


def _employers(session: Session, rng: random.Random, today: date) -> list[Employer]:
    first_hired = today - timedelta(days=FIRST_HIRED_DAYS_AGO)
    employers = []
    for (name, kvk, contact), people in zip(EMPLOYERS, PEOPLE, strict=True):
        employer = Employer(
            name=name,
            kvk_number=kvk,
            contact_name=contact,
            contact_email=f"hr@{name.split()[1].lower()}.example.nl",
            municipality="Utrecht",
        )
        for n, p in enumerate(people):
            hired = first_hired + timedelta(days=28 * n + rng.randint(0, 6))
            employee = Employee(
                first_name=p.first,
                last_name=p.last,
                birth_year=p.birth_year,
                status_holder=p.status_holder,
                language_deficit=p.language_deficit,
                doelgroepregister=p.group is TargetGroup.BANENAFSPRAAK,
                benefit_since=(
                    hired - timedelta(days=round(30.44 * p.benefit_months))
                    if p.benefit_months is not None
                    else None
                ),
                target_group=p.group,
                contract_type=p.contract,
                hours_per_week=Decimal(p.hours),
                hired_on=hired,
            )
            employee.training_records.append(
                TrainingRecord(
                    course="Energiecoach basis (MBO-2 module)",
                    completed_on=hired + timedelta(days=21),
                    certificate=True,
                )
            )
            if p.becomes is not None and hired + timedelta(days=p.becomes[0]) <= today:
                employee.contract_changes.append(ContractChange(
                    starts_on=hired + timedelta(days=p.becomes[0]), contract_type=p.becomes[1],
                    hours_per_week=Decimal(p.becomes[2]),
                ))  # fmt: skip
            employer.employees.append(employee)
        employers.append(employer)
    # One early leaver who found a regular job: the placement report's "outflow".
    leaver = employers[1].employees[2]
    leaver.ended_on = today - timedelta(days=LEAVER_LEFT_DAYS_AGO)
    leaver.end_reason = EndReason.REGULAR_JOB
    session.add_all(employers)
    session.flush()
    return employers


def _users(
    session: Session, employers: list[Employer], employees: list[Employee]
) -> list[DemoLogin]:
    logins = []

    def add(email: str, role: Role, **links: int) -> None:
        person = session.get(Employee, links["employee_id"]) if "employee_id" in links else None
        personal = (email, *((person.first_name, person.last_name) if person else ()))
        password = secrets.token_urlsafe(12)
        while accounts.password_problems(password, personal):  # a random one may hold "bas"
            password = secrets.token_urlsafe(12)
        accounts.create_user(
            session, email=email, role=role, password=password, **links, actor_id=None
        )
        logins.append(DemoLogin(role.value, email, password))

    add("admin@demo.eteams.nl", Role.ADMIN)
    add("lead.noor@demo.eteams.nl", Role.LEAD)
    add("lead.bas@demo.eteams.nl", Role.LEAD)
    for employee in employees:
        if employee.ended_on is None:
            email = f"{employee.first_name.lower()}@demo.eteams.nl"
            add(email, Role.COACH, employee_id=employee.id)
    for n, employer in enumerate(employers, start=1):
        add(f"hr{n}@demo.eteams.nl", Role.EMPLOYER, employer_id=employer.id)
    return logins


def _teams(
    session: Session, leads: list[User], employees: list[Employee], today: date
) -> list[Team]:
    teams = []
    for name, lead_index, member_indexes in TEAMS:
        team = Team(name=name, lead_user_id=leads[lead_index].id)
        for i in member_indexes:
            employee = employees[i]
            start = max(employee.hired_on, today - timedelta(days=IN_TEAMS_DAYS_AGO))
            team.memberships.append(
                TeamMembership(employee=employee, from_date=start, to_date=employee.ended_on)
            )
        teams.append(team)
    session.add_all(teams)
    session.flush()
    return teams


def _campaign(session: Session, rng: random.Random, today: date) -> Campaign:
    starts_on, ends_on = (today + timedelta(days=n) for n in CAMPAIGN_DAYS)
    campaign = Campaign(
        name=f"Lombok duurzaam {_season(starts_on)}",
        neighbourhood="Lombok",
        municipality="Utrecht",
        starts_on=starts_on,
        ends_on=ends_on,
        letter_language=Language.NL,
    )
    session.add(campaign)
    for street in STREETS:
        session.add_all(_street_addresses(campaign, street, rng))
    session.flush()
    return campaign


def _season(day: date) -> str:
    """Dutch season and year of ``day``: "najaar 2026", "winter 2026-2027"."""
    if day.month in (12, 1, 2):
        year = day.year if day.month == 12 else day.year - 1
        return f"winter {year}-{year + 1}"
    name = {3: "voorjaar", 4: "voorjaar", 5: "voorjaar", 6: "zomer", 7: "zomer", 8: "zomer"}
    return f"{name.get(day.month, 'najaar')} {day.year}"


def _street_addresses(campaign: Campaign, street: DemoStreet, rng: random.Random) -> list[Address]:
    addresses = []
    lat0, lon0 = street.start
    lat1, lon1 = street.end
    # Perpendicular offset: odd numbers on one side of the street, even on the other.
    dlat, dlon = lat1 - lat0, (lon1 - lon0) * math.cos(math.radians(lat0))
    length = math.hypot(dlat, dlon) or 1.0
    side = (-dlon / length * 9 / METRES_PER_DEGREE_LAT, dlat / length * 9 / METRES_PER_DEGREE_LAT)
    for number in range(1, street.numbers + 1):
        t = ((number - 1) // 2) / max(1, (street.numbers - 1) // 2)
        sign = 1 if number % 2 else -1
        lat = lat0 + (lat1 - lat0) * t + sign * side[0]
        lon = lon0 + (lon1 - lon0) * t + sign * side[1] / math.cos(math.radians(lat0))
        letters = street.postcode_letters
        postcode = (
            f"3531 {letters[min(len(letters) - 1, (number - 1) * len(letters) // street.numbers)]}"
        )
        built = rng.randint(*street.built)
        for flat in range(1, street.flats_per_entrance + 1):
            addresses.append(
                Address(
                    campaign=campaign,
                    street=street.name,
                    house_number=number,
                    house_number_addition=str(flat) if street.flats_per_entrance > 1 else "",
                    postcode=postcode,
                    city="Utrecht",
                    lat=round(lat, 6),
                    lon=round(lon, 6),
                    geocode_source="demo",
                    building_year=built,
                    dwelling_type=_dwelling(street, number, flat),
                    energy_label=_label(built, rng),
                    tenure=rng.choices(
                        [Tenure.OWNER, Tenure.SOCIAL_RENT, Tenure.PRIVATE_RENT],
                        weights=[45, 35, 20],
                    )[0],
                    entrance_key=(
                        f"{street.name} {number}" if street.flats_per_entrance > 1 else None
                    ),
                )
            )
    return addresses


def _dwelling(street: DemoStreet, number: int, flat: int) -> DwellingType:
    if street.flats_per_entrance > 1 and street.dwelling is not DwellingType.APARTMENT:
        return DwellingType.GROUND_FLOOR_FLAT if flat == 1 else DwellingType.UPPER_FLOOR_FLAT
    if street.dwelling is DwellingType.TERRACED and number in (1, 2, street.numbers):
        return DwellingType.END_TERRACE
    return street.dwelling


def _label(built: int, rng: random.Random) -> EnergyLabel:
    if built >= 1992:
        return rng.choice([EnergyLabel.A, EnergyLabel.B, EnergyLabel.C])
    if built >= 1965:
        return rng.choice([EnergyLabel.C, EnergyLabel.D, EnergyLabel.E])
    return rng.choice([EnergyLabel.D, EnergyLabel.E, EnergyLabel.F, EnergyLabel.G])


def _shifts_and_visits(
    session: Session,
    rng: random.Random,
    teams: list[Team],
    campaign: Campaign,
    today: date,
    plan_iterations: int,
) -> None:
    """Mon–Thu morning shifts (and one today) from two weeks ago to a week ahead, planned by the
    real planner day by day; the past ones were walked, so later days follow the revisit rules."""
    days = [today + timedelta(days=n) for n in range(-WALKED_DAYS, PLANNED_DAYS_AHEAD + 1)]
    # Walk lists up to today; later days are the lead's to plan.
    for day in (d for d in days if d.weekday() in SHIFT_DAYS or d == today):
        day_shifts = []
        for (name, lat, lon), team in zip(MEETING_POINTS, teams, strict=True):
            if not team.members_on(day):
                continue
            shift = Shift(team=team, date=day, start_time=time(9, 30), end_time=time(12, 30),
                          meeting_point=name, meeting_lat=lat, meeting_lon=lon)  # fmt: skip
            session.add(shift)
            day_shifts.append(shift)
        session.flush()
        if not day_shifts or day > today:
            continue
        effort = plan_iterations if day == today else min(plan_iterations, PAST_PLAN_ITERATIONS)
        outcome = planning.plan_day(
            session, campaign, day, [s.id for s in day_shifts], DOORS_PER_HOUR,
            iterations=effort, actor_id=None,  # the demo is loaded from the command line
        )  # fmt: skip
        for walk_list in outcome.walk_lists:
            walk_list.status = _status(day, today)
            if day < today:
                members = walk_list.shift.team.members_on(day)
                _attendance(walk_list.shift, members, rng)
                session.flush()
                # The doors count for whoever was there, as the attendance makes it in the app.
                there = {a.employee_id for a in walk_list.shift.attendance
                         if a.status is AttendanceStatus.PRESENT}  # fmt: skip
                crew = [m for m in members if m.id in there]
                _visits(session, rng, walk_list, [s.address for s in walk_list.stops], crew, day)
        session.flush()


def _status(day: date, today: date) -> WalkListStatus:
    return WalkListStatus.DONE if day < today else WalkListStatus.PUBLISHED


def _attendance(shift: Shift, members: list[Employee], rng: random.Random) -> None:
    for employee in members:
        roll = rng.random()
        if roll < 0.06:
            shift.attendance.append(
                Attendance(employee=employee, status=AttendanceStatus.SICK, hours=Decimal(0))
            )
        elif roll < 0.09:
            shift.attendance.append(
                Attendance(
                    employee=employee,
                    status=AttendanceStatus.ABSENT,
                    notified=True,
                    hours=Decimal(0),
                )
            )
        else:
            shift.attendance.append(
                Attendance(employee=employee, status=AttendanceStatus.PRESENT, hours=shift.hours)
            )


def _visits(
    session: Session,
    rng: random.Random,
    walk_list: WalkList,
    stops: list[Address],
    members: list[Employee],
    day: date,
) -> list[tuple[Address, Outcome]]:
    coaches = session.scalars(
        select(User).where(User.employee_id.in_([m.id for m in members]))
    ).all()
    if not coaches:
        return []
    outcomes_at = []
    start = clock.at(day, VISITS_FROM)
    outcomes = list(OUTCOME_WEIGHTS)
    weights = list(OUTCOME_WEIGHTS.values())
    for n, address in enumerate(stops):
        outcome = rng.choices(outcomes, weights=weights)[0]
        visit = Visit(
            uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
            address=address,
            walk_list=walk_list,
            recorded_by=coaches[n % len(coaches)],
            visited_at=start + timedelta(minutes=7 * n + rng.randint(0, 3)),
            outcome=outcome,
            coaches=[VisitCoach(employee_id=m.id) for m in members],
        )
        # Recorded when it happened: the 24-hour correction window runs from then, not from
        # the moment the demo was loaded.
        visit.created_at = visit.updated_at = visit.visited_at
        if outcome is Outcome.CONVERSATION:
            _conversation(visit, address, rng)
        if outcome is Outcome.DO_NOT_VISIT:
            address.do_not_visit = True
        session.add(visit)
        outcomes_at.append((address, outcome))
    return outcomes_at


DEMO_MEASURES = ("cavity_wall", "floor", "roof",
                 "hybrid_heat_pump", "solar_pv", "glazing")  # fmt: skip
DEMO_LEVELS = (Interest.INTERESTED, Interest.MAYBE, Interest.MAYBE, Interest.NO)


def _conversation(visit: Visit, address: Address, rng: random.Random) -> None:
    # Interest from a generator of its own: the rest of the demo draws the same numbers as before.
    own = random.Random(visit.uuid.int)
    visit.interests = [VisitInterest(measure_key=key, level=own.choice(DEMO_LEVELS))
                       for key in own.sample(DEMO_MEASURES, own.randint(1, 3))]  # fmt: skip
    visit.tenure = address.tenure
    visit.dwelling_type = address.dwelling_type
    visit.energy_label = address.energy_label
    visit.occupants = rng.randint(1, 5)
    visit.gas_m3_per_year = rng.randrange(700, 2200, 10)
    visit.kwh_per_year = rng.randrange(1500, 4200, 50)
    visit.language = rng.choice(["nl", "nl", "nl", "en", "ar", "tr"])
    visit.consents = [
        VisitConsent(
            kind=ConsentKind.ADVICE_LETTER,
            given=rng.random() < 0.8,
            wording_version=WORDING_VERSION,
        ),
        VisitConsent(
            kind=ConsentKind.FOLLOW_UP_CONTACT, given=False, wording_version=WORDING_VERSION
        ),
    ]


def _letters_sent(session: Session, lead: User, today: date) -> None:
    """The letters of the last walked day but one were printed and sent the next afternoon;
    the last walked day's are in the lead's register, waiting to be printed."""
    walked = sorted(set(session.scalars(select(WalkList.date).where(WalkList.date < today))))
    if len(walked) < 2:
        return
    day = walked[-2]
    sent_on = day + timedelta(days=1)
    for visit in letters.visits_with_letter_consent(session, day):
        letter, _pdf = letters.letter_for(session, visit, letters.language_for(visit), sent_on)
        letters.mark_sent(letter, lead.id)
        letter.sent_at = clock.at(sent_on, time(14, 0))
    session.flush()
