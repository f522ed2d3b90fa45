"""Sync load: 50 simulated tablets each sending 200 visits (PUT /api/v1/visits/<uuid>)
against a running server (gunicorn, 4 workers), beside the floor — the same load on a
trivial endpoint of the same app (GET /healthz) — in one run. Ends with a count check:
every acknowledged visit is in the database exactly once.

    .venv/bin/python benchmarks/sync.py [--tablets 50] [--visits 200] [--database sqlite|postgresql://…]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, date, datetime
from datetime import time as clock
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from eteams import create_app
from eteams.extensions import db
from eteams.models import (
    Address,
    Campaign,
    Employee,
    Employer,
    Team,
    TeamMembership,
    Visit,
    WalkList,
    WalkListStop,
)
from eteams.models.enums import ContractType, Role, TargetGroup, WalkListStatus
from eteams.services import accounts, shifts

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(url: str, tablets: int, visits: int) -> list[tuple[str, int, list[int]]]:
    """A campaign with a published walk list of ``visits`` doors per tablet; one coach each."""
    app = create_app(
        {"DATABASE_URL": url, "SECRET_KEY": "benchmark-only", "PASSWORD_HASH_FAST": True}
    )
    crews = []
    with app.app_context():
        upgrade()
        session = db.session
        employer = Employer(name="Benchmark B.V.", kvk_number="12345678")
        campaign = Campaign(
            name="Benchmark",
            municipality="Utrecht",
            starts_on=date(2026, 1, 1),
            ends_on=date(2027, 12, 31),
        )
        session.add_all([employer, campaign])
        session.flush()
        for t in range(tablets):
            employee = Employee(
                employer=employer,
                first_name=f"Coach{t}",
                last_name="Test",
                target_group=TargetGroup.WW,
                hired_on=date(2026, 1, 5),
                contract_type=ContractType.TEMPORARY,
                hours_per_week=32,
            )
            team = Team(
                name=f"Team {t}",
                memberships=[TeamMembership(employee=employee, from_date=date(2026, 1, 5))],
            )
            session.add_all([employee, team])
            session.flush()
            user = accounts.create_user(
                session,
                email=f"coach{t}@bench.example.nl",
                role=Role.COACH,
                password="benchmark-password",  # noqa: S106 - a throwaway database
                employee_id=employee.id,
            )
            shift = shifts.schedule_shift(
                session, shifts.ShiftData(team.id, date.today(), clock(0, 0), clock(23, 59))
            )
            doors = [
                Address(
                    campaign=campaign,
                    street=f"Straat {t}",
                    house_number=t * 1000 + n + 1,
                    postcode="3531 CA",
                    city="Utrecht",
                    lat=52.09,
                    lon=5.10,
                )
                for n in range(visits)
            ]
            session.add_all(doors)
            session.flush()
            walk_list = WalkList(
                campaign_id=campaign.id,
                shift=shift,
                date=date.today(),
                status=WalkListStatus.PUBLISHED,
                stops=[WalkListStop(address_id=d.id, seq=n + 1) for n, d in enumerate(doors)],
            )
            session.add(walk_list)
            session.flush()
            crews.append(
                (
                    accounts.create_token(session, user, "benchmark"),
                    walk_list.id,
                    [d.id for d in doors],
                )
            )
        session.commit()
        db.engine.dispose()
    return crews


def serve(url: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "ETEAMS_DATABASE_URL": url, "ETEAMS_SECRET_KEY": "benchmark-only"}
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "--workers",
        "4",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        "wsgi:app",
    ]
    process = subprocess.Popen(command, env=env, cwd=ROOT)
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def run(
    port: int, crews: list, per_tablet: int, make_request
) -> tuple[list[float], int, int, float]:
    latencies: list[float] = []
    errors = [0]
    acknowledged = [0]
    lock = threading.Lock()

    def tablet(n: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, errs, acks = [], 0, 0
        for i in range(per_tablet):
            method, path, body, headers = make_request(crews[n], i)
            started = time.perf_counter()
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status in (200, 201)
            except OSError:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                ok = False
            mine.append(time.perf_counter() - started)
            errs += not ok
            acks += ok
        with lock:
            latencies.extend(mine)
            errors[0] += errs
            acknowledged[0] += acks

    threads = [threading.Thread(target=tablet, args=(n,)) for n in range(len(crews))]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0], acknowledged[0], time.perf_counter() - started


def visit_request(crew, i):  # noqa: ANN001, ANN201
    token, walk_list_id, doors = crew
    body = json.dumps(
        {
            "address_id": doors[i],
            "walklist_id": walk_list_id,
            "outcome": "not_home" if i % 4 else "no_answer",
            "visited_at": datetime.now(UTC).isoformat(),
        }
    )
    return (
        "PUT",
        f"/api/v1/visits/{uuid.uuid4()}",
        body,
        {"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )


def floor_request(crew, i):  # noqa: ANN001, ANN201
    return "GET", "/healthz", None, {}


def report(label: str, latencies: list[float], errors: int, seconds: float) -> None:
    ordered = sorted(latencies)
    p99 = ordered[int(len(ordered) * 0.99) - 1]
    print(
        f"   {label:34} {len(latencies) / seconds:8.0f} req/s   p50 {1000 * statistics.median(ordered):6.1f} ms   p99 {1000 * p99:7.1f} ms   errors {errors}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tablets", type=int, default=50)
    parser.add_argument("--visits", type=int, default=200)
    parser.add_argument("--database", default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.database == "sqlite":
            url = f"sqlite:///{Path(tmp) / 'sync.sqlite'}"
        else:
            base = make_url(args.database).set(drivername="postgresql+psycopg")
            name = f"eteams_sync_{time.time_ns()}"
            admin = create_engine(base, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            url = base.set(database=name).render_as_string(hide_password=False)
        crews = prepare(url, args.tablets, args.visits)
        port = free_port()
        server = serve(url, port)
        try:
            print(
                f"Sync load: {args.tablets} tablets × {args.visits} visits, gunicorn 4 workers, {args.database.split(':')[0]}"
            )
            floor = run(port, crews, args.visits, floor_request)
            report("floor: GET /healthz", floor[0], floor[1], floor[3])
            load = run(port, crews, args.visits, visit_request)
            report("PUT /api/v1/visits/<uuid>", load[0], load[1], load[3])
        finally:
            server.terminate()
            server.wait(timeout=30)
        engine = create_engine(url)
        with engine.connect() as conn:
            stored = conn.execute(select(func.count(Visit.id))).scalar()
            distinct = conn.execute(select(func.count(func.distinct(Visit.uuid)))).scalar()
        engine.dispose()
        print(
            f"   acknowledged {load[2]}, stored {stored}, distinct {distinct}: "
            f"{'nothing lost or doubled' if stored == distinct == load[2] else 'MISMATCH'}"
        )
        print(
            f"   ratio: visits take {statistics.median(load[0]) / statistics.median(floor[0]):.1f}× the floor's median latency"
        )
        if args.database != "sqlite":
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    main()
