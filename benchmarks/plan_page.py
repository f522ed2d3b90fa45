"""The planning screen of a Monday: 40 walk lists, 1,000 doors (960 on lists, 40 not planned).
Time for the whole page through the app (the lead signed in, the page rendered), and its map
data, beside the floor measured in the same run: the campaign's own page, which has none of
the lists. Target: the plan page under 1 s on this machine.

    .venv/bin/python benchmarks/plan_page.py [--database sqlite|postgresql://…] [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import statistics
import time
from pathlib import Path

from flask_migrate import upgrade

from eteams import create_app
from eteams.extensions import db
from eteams.models import Address, Campaign, Employee, Employer, Shift, Team, WalkList, WalkListStop
from eteams.models.enums import ContractType, Role, ShiftStatus, TargetGroup
from eteams.services import accounts

_spec = importlib.util.spec_from_file_location(
    "bench_import", Path(__file__).with_name("import.py")
)
_bench_import = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bench_import)
scratch_database = _bench_import.scratch_database

DAY = dt.date(2026, 12, 14)  # a Monday
TEAMS, DOORS, PER_LIST = 40, 1_000, 24
PASSWORD = "benchmark-only-Pa55-word"  # noqa: S105 (a scratch database)


def _world() -> int:
    """The campaign, 40 teams on shift with a full list each, a lead; returns the campaign."""
    campaign = Campaign(name="Maandag", municipality="Utrecht", starts_on=dt.date(2026, 1, 1),
                        ends_on=dt.date(2026, 12, 31))  # fmt: skip
    db.session.add(campaign)
    employer = Employer(name="Groen Werk", kvk_number="12345678")
    db.session.add(employer)
    db.session.flush()
    doors = []
    for n in range(DOORS):
        street, number = divmod(n, 40)
        doors.append(Address(campaign_id=campaign.id, street=f"Laan {street + 1}",
                             house_number=number + 1, postcode=f"35{street + 10:02d} AB",
                             city="Utrecht", lat=52.08 + street * 0.0009,
                             lon=5.10 + number * 0.0002))  # fmt: skip
    db.session.add_all(doors)
    db.session.flush()
    for t in range(TEAMS):
        team = Team(name=f"Team {t + 1:02d}")
        db.session.add(team)
        db.session.flush()
        shift = Shift(team_id=team.id, date=DAY, start_time=dt.time(9), end_time=dt.time(12),
                      status=ShiftStatus.PLANNED, meeting_point=f"Hoek Laan {t + 1}",
                      meeting_lat=52.08 + (t % 25) * 0.0009, meeting_lon=5.10)  # fmt: skip
        db.session.add(shift)
        db.session.flush()
        mine = doors[t * PER_LIST : (t + 1) * PER_LIST]
        db.session.add(WalkList(campaign_id=campaign.id, shift_id=shift.id, date=DAY,
                                planned_distance_m=1800, planned_minutes=180,
                                stops=[WalkListStop(address_id=a.id, seq=i)
                                       for i, a in enumerate(mine, 1)]))  # fmt: skip
    employee = Employee(employer_id=employer.id, first_name="Lea", last_name="Lead",
                        target_group=TargetGroup.PARTICIPATIEWET, hired_on=dt.date(2026, 1, 5),
                        contract_type=ContractType.TEMPORARY, hours_per_week=32)  # fmt: skip
    db.session.add(employee)
    db.session.flush()
    accounts.create_user(db.session, email="lead@bench.example", role=Role.LEAD,
                         password=PASSWORD, actor_id=None)  # fmt: skip
    db.session.commit()
    return campaign.id


def _median_seconds(client, url: str, runs: int) -> tuple[float, str]:  # noqa: ANN001
    times, body = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        body = response.get_data(as_text=True)
    return statistics.median(times), body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="sqlite")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with scratch_database(args.database) as url:
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "benchmark-only", "TESTING": True,
                          "PASSWORD_HASH_FAST": True, "MAP_TILE_URL": "", "GEOCODER": "none"})  # fmt: skip
        with app.app_context():
            upgrade()
            campaign_id = _world()
        client = app.test_client()
        page = client.get("/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        client.post("/login", data={"email": "lead@bench.example", "password": PASSWORD,
                                    "csrf_token": token})  # fmt: skip
        day = DAY.isoformat()
        floor, _ = _median_seconds(client, f"/lead/campaigns/{campaign_id}", args.runs)
        plan, html = _median_seconds(client, f"/lead/campaigns/{campaign_id}/plan?date={day}",
                                     args.runs)  # fmt: skip
        data, _ = _median_seconds(client, f"/lead/campaigns/{campaign_id}/plan.json?date={day}",
                                  args.runs)  # fmt: skip
    lists = len(re.findall(r'<details class="panel walk-list" id="list-', html))
    tags = len(re.findall(r"<[a-zA-Z]", html))
    print(f"database: {args.database.split(':')[0]}, {lists} lists, {DOORS} doors, "
          f"median of {args.runs} requests")  # fmt: skip
    print(f"plan page:           {plan:6.3f} s  ({len(html) / 1024:.0f} KiB, {tags} elements)"
          f"   target < 1 s")  # fmt: skip
    print(f"map data (plan.json): {data:6.3f} s")
    print(f"floor (campaign page): {floor:6.3f} s")
    print(f"plan page / floor:   {plan / floor:6.1f}×")


if __name__ == "__main__":
    main()
