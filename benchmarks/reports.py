"""Placement report on a year of data (200 employees, 250,000 visits, 25,000 shifts): the
report for one employer — figures, then the PDF — beside the floor, plain SQL counts over the
same tables (visits per coach, attendance hours), in one run. Target: the report under 2 s.

    .venv/bin/python benchmarks/reports.py [--visits 250000] [--database sqlite|postgresql://…]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import random
import time
import uuid
from decimal import Decimal
from pathlib import Path

from flask_babel import force_locale
from flask_migrate import upgrade
from sqlalchemy import func, insert, select, text

from eteams import create_app
from eteams.documents import placement_report as document
from eteams.extensions import db
from eteams.models import (
    Address,
    AdviceLetter,
    Attendance,
    Campaign,
    Employee,
    Employer,
    Measure,
    Shift,
    Team,
    User,
    Visit,
    VisitCoach,
    VisitInterest,
)
from eteams.models.enums import (
    AttendanceStatus,
    ContractType,
    Interest,
    Language,
    Outcome,
    Role,
    TargetGroup,
)
from eteams.services import placement, programme, sroi

_spec = importlib.util.spec_from_file_location(
    "bench_import", Path(__file__).with_name("import.py")
)
_bench_import = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bench_import)
scratch_database = _bench_import.scratch_database

# The last whole year before today: a report of a running year counts only up to today (its
# peildatum), so a fixed year would time a shorter report once today falls inside it.
_LAST = dt.date.today().year - 1
YEAR = dt.date(_LAST, 1, 1), dt.date(_LAST, 12, 31)
EMPLOYERS, PER_EMPLOYER, DOORS = 4, 50, 25_000
CHUNK = 10_000


def _bulk(model: type, rows: list[dict]) -> None:
    for i in range(0, len(rows), CHUNK):
        db.session.execute(insert(model), rows[i : i + CHUNK])


def populate(visits: int, rng: random.Random) -> int:
    """A year of one programme; returns the id of the employer whose report is timed."""
    s = db.session
    employers = [
        Employer(name=f"Werkgever {n}", kvk_number=f"{n + 1:08d}") for n in range(EMPLOYERS)
    ]
    campaign = Campaign(name="Jaar", municipality="Utrecht", starts_on=YEAR[0], ends_on=YEAR[1])
    s.add_all([*employers, campaign, Measure(key="radiator_foil", name_nl="Radiatorfolie",
                                            name_en="Radiator foil", category="small")])  # fmt: skip
    s.flush()
    people = [
        Employee(employer=employers[n % EMPLOYERS], first_name=f"Coach{n}", last_name="Test",
                 target_group=TargetGroup.PARTICIPATIEWET, contract_type=ContractType.TEMPORARY,
                 hours_per_week=Decimal(rng.choice([24, 28, 32, 36])),
                 hired_on=YEAR[0] - dt.timedelta(days=rng.randrange(0, 400)))
        for n in range(EMPLOYERS * PER_EMPLOYER)
    ]  # fmt: skip
    s.add_all(people)
    # A social-return rule table, so the timed report computes the SROI value too.
    source, table = sroi.shipped_version("Utrecht", "C")
    sroi.add_rule_set(s, "Utrecht", YEAR[0], source, table, actor_id=None)
    s.flush()
    teams = [Team(name=f"Team {n}") for n in range(len(people) // 2)]
    recorder = User(email="bench@example.nl", role=Role.ADMIN, password_hash="!")  # noqa: S106 - nobody logs in
    s.add_all([*teams, recorder])
    s.flush()
    pairs = [(people[2 * n].id, people[2 * n + 1].id) for n in range(len(teams))]
    days = [YEAR[0] + dt.timedelta(days=d) for d in range(365)]
    workdays = [d for d in days if d.weekday() < 5]
    _bulk(Shift, [{"team_id": t.id, "date": d, "start_time": dt.time(9, 30),
                   "end_time": dt.time(12, 30)} for t in teams for d in workdays])  # fmt: skip
    shift_ids = {(team_id, day): shift_id
                 for shift_id, team_id, day in s.execute(select(Shift.id, Shift.team_id, Shift.date))}  # fmt: skip
    statuses = [AttendanceStatus.PRESENT] * 18 + [AttendanceStatus.SICK, AttendanceStatus.ABSENT]
    attendance = []
    for team, pair in zip(teams, pairs, strict=True):
        for day in workdays:
            shift_id = shift_ids[(team.id, day)]
            for employee_id in pair:
                status = rng.choice(statuses)
                hours = Decimal(3) if status is AttendanceStatus.PRESENT else Decimal(0)
                attendance.append({"shift_id": shift_id, "employee_id": employee_id,
                                   "status": status, "hours": hours})  # fmt: skip
    _bulk(Attendance, attendance)
    _bulk(Address, [{"campaign_id": campaign.id, "street": f"Straat {n // 100}",
                     "house_number": n % 100 + 1, "postcode": f"{3500 + n // 100 % 500} AB",
                     "city": "Utrecht"}
                    for n in range(DOORS)])  # fmt: skip
    first_address = s.scalar(select(func.min(Address.id)))
    rows, crews = [], []
    for n in range(visits):
        day = rng.choice(workdays)
        outcome = Outcome.CONVERSATION if rng.random() < 0.25 else Outcome.NOT_HOME
        rows.append({"uuid": uuid.UUID(int=rng.getrandbits(128)), "address_id": first_address + n % DOORS,
                     "recorded_by_id": recorder.id, "outcome": outcome,
                     "visited_at": dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC)})  # fmt: skip
        crews.append(pairs[n % len(pairs)])
    _bulk(Visit, rows)
    first_visit = s.scalar(select(func.min(Visit.id)))
    _bulk(VisitCoach, [{"visit_id": first_visit + n, "employee_id": e}
                       for n, pair in enumerate(crews) for e in pair])  # fmt: skip
    talked = [first_visit + n for n, r in enumerate(rows) if r["outcome"] is Outcome.CONVERSATION]
    _bulk(VisitInterest, [{"visit_id": v, "measure_key": "radiator_foil",
                           "level": Interest.INTERESTED} for v in talked[::3]])  # fmt: skip
    _bulk(AdviceLetter, [{"visit_id": v, "reference": f"EB-{v}", "language": Language.NL,
                          "figures_snapshot": {}, "sha256": "0" * 64,
                          "sent_at": dt.datetime(_LAST, 6, 1, tzinfo=dt.UTC)} for v in talked[::2]])  # fmt: skip
    s.commit()
    return employers[0].id


FLOOR = text("""
    SELECT
      (SELECT count(*) FROM visit_coaches vc JOIN visits v ON v.id = vc.visit_id
         JOIN employees e ON e.id = vc.employee_id
        WHERE e.employer_id = :employer AND v.visited_at >= :since AND v.visited_at < :until),
      (SELECT sum(a.hours) FROM attendances a JOIN shifts s ON s.id = a.shift_id
         JOIN employees e ON e.id = a.employee_id
        WHERE e.employer_id = :employer AND s.date BETWEEN :start AND :end)
""")


PROGRAMME_FLOOR = text("""
    SELECT
      (SELECT count(DISTINCT address_id) FROM visits
        WHERE visited_at >= :since AND visited_at < :until),
      (SELECT count(*) FROM visit_interests vi JOIN visits v ON v.id = vi.visit_id
        WHERE v.visited_at >= :since AND v.visited_at < :until)
""")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=250_000)
    parser.add_argument("--database", default="sqlite")
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings")
    args = parser.parse_args()
    with scratch_database(args.database) as url:
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "benchmark-only"})
        with app.app_context(), app.test_request_context(), force_locale("nl"):
            upgrade()
            started = time.perf_counter()
            employer_id = populate(args.visits, random.Random(7))
            if db.engine.dialect.name == "postgresql":
                db.session.execute(text("ANALYZE"))  # what autovacuum does after a bulk load
                db.session.commit()
            print(f"populated {args.visits:,} visits in {time.perf_counter() - started:.0f} s "
                  f"({db.engine.dialect.name})")  # fmt: skip
            params = {"employer": employer_id, "start": YEAR[0], "end": YEAR[1],
                      "since": dt.datetime(_LAST, 1, 1, tzinfo=dt.UTC),
                      "until": dt.datetime(_LAST + 1, 1, 1, tzinfo=dt.UTC)}  # fmt: skip
            floor, figures, pdf, programme_floor, programme_s = [], [], [], [], []
            for _ in range(args.repeat):
                db.session.expunge_all()
                started = time.perf_counter()
                visits, hours = db.session.execute(FLOOR, params).one()
                floor.append(time.perf_counter() - started)
                started = time.perf_counter()
                report = placement.placement_report(db.session, employer_id, *YEAR)
                figures.append(time.perf_counter() - started)
                started = time.perf_counter()
                document.render(report)
                pdf.append(figures[-1] + time.perf_counter() - started)
                started = time.perf_counter()
                db.session.execute(PROGRAMME_FLOOR, params).one()
                programme_floor.append(time.perf_counter() - started)
                started = time.perf_counter()
                whole = programme.programme_report(db.session, *YEAR)
                programme_s.append(time.perf_counter() - started)
            assert sum(e.hours_worked for e in report.employees) == Decimal(hours)
            assert report.total_sroi and report.total_sroi > 0  # the SROI path was timed too
    floor_s, figures_s, pdf_s = min(floor), min(figures), min(pdf)
    print(
        f"employer report, {len(report.employees)} employees, {visits:,} visit-coach rows, "
        f"social return € {report.total_sroi:,.2f}, best of {args.repeat}"
    )
    print(f"   floor: plain SQL counts (visits, hours)      {floor_s * 1000:8.0f} ms")
    print(
        f"   eteams report figures                        {figures_s * 1000:8.0f} ms  ({figures_s / floor_s:.1f}× the floor)"
    )
    print(
        f"   eteams report figures + PDF                  {pdf_s * 1000:8.0f} ms  (target < 2000 ms)"
    )
    p_floor, p_s = min(programme_floor), min(programme_s)
    print(f"programme report: {whole.households_reached:,} households reached, "
          f"{whole.conversations:,} conversations, {whole.people_employed} people")  # fmt: skip
    print(f"   floor: plain SQL counts (households, interests) {p_floor * 1000:5.0f} ms")
    print(f"   eteams programme report                      {p_s * 1000:8.0f} ms  "
          f"({p_s / p_floor:.1f}× the floor)")  # fmt: skip


if __name__ == "__main__":
    main()
