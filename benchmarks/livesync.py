"""A live server and simulated tablets, shared by the sync benchmarks and the durability tests.

``prepare`` builds a database with one coach, team, shift and published walk list per tablet;
``serve`` starts gunicorn on it; ``Tablet`` sends visits the way the tablet's outbox does
(PUT /api/v1/visits/<uuid>, the same UUID again when an answer was lost).
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
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
SECRET = "load-test-only-" + "x" * 32


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'live.sqlite'}"


def create_postgres_database(server_url: str, prefix: str) -> tuple[str, callable]:
    """A fresh database on the server; returns its URL and a function that drops it."""
    base = make_url(server_url).set(drivername="postgresql+psycopg")
    name = f"{prefix}_{time.time_ns()}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return base.set(database=name).render_as_string(hide_password=False), drop


@dataclass
class Crew:
    token: str
    walk_list_id: int
    doors: list[int]


def prepare(url: str, tablets: int, doors: int) -> list[Crew]:
    """A campaign with a published walk list of ``doors`` doors per tablet; one coach each."""
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": SECRET, "PASSWORD_HASH_FAST": True})
    crews = []
    with app.app_context():
        upgrade()
        session = db.session
        employer = Employer(name="Load test B.V.", kvk_number="12345678")
        campaign = Campaign(name="Load test", municipality="Utrecht",
                            starts_on=date(2026, 1, 1), ends_on=date(2027, 12, 31))  # fmt: skip
        session.add_all([employer, campaign])
        session.flush()
        for t in range(tablets):
            employee = Employee(employer=employer, first_name=f"Coach{t}", last_name="Test",
                                target_group=TargetGroup.WW, hired_on=date(2026, 1, 5),
                                contract_type=ContractType.TEMPORARY, hours_per_week=32)  # fmt: skip
            team = Team(name=f"Team {t}",
                        memberships=[TeamMembership(employee=employee, from_date=date(2026, 1, 5))])  # fmt: skip
            session.add_all([employee, team])
            session.flush()
            user = accounts.create_user(
                session, email=f"coach{t}@load.example.nl", role=Role.COACH,
                password="vijver paraplu zeventig", employee_id=employee.id, actor_id=None,  # noqa: S106 - throwaway
            )  # fmt: skip
            shift = shifts.schedule_shift(
                session,
                shifts.ShiftData(team.id, date.today(), clock(0, 0), clock(23, 59)),
                actor_id=None,
            )
            addresses = [
                Address(campaign=campaign, street=f"Straat {t}", house_number=n + 1,
                        postcode=f"{3500 + t:04d} AB", city="Utrecht", lat=52.09, lon=5.10)
                for n in range(doors)
            ]  # fmt: skip
            session.add_all(addresses)
            session.flush()
            walk_list = WalkList(
                campaign_id=campaign.id, shift=shift, date=date.today(),
                status=WalkListStatus.PUBLISHED,
                stops=[WalkListStop(address_id=a.id, seq=n + 1) for n, a in enumerate(addresses)],
            )  # fmt: skip
            session.add(walk_list)
            session.flush()
            crews.append(Crew(accounts.create_token(session, user, "load test", actor_id=None), walk_list.id,
                              [a.id for a in addresses]))  # fmt: skip
        session.commit()
        db.engine.dispose()
    return crews


def serve(url: str, port: int, workers: int = 4, **env: str) -> subprocess.Popen:
    """gunicorn on ``url`` in its own process group, so it can be killed as a whole."""
    environment = {**os.environ, "ETEAMS_DATABASE_URL": url, "ETEAMS_SECRET_KEY": SECRET, **env}
    command = [str(Path(sys.executable).parent / "gunicorn"), "--workers", str(workers),
               "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "wsgi:app"]  # fmt: skip
    process = subprocess.Popen(command, env=environment, cwd=ROOT, start_new_session=True)
    for _ in range(200):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.1)
    stop(process)
    raise RuntimeError("the server did not start")


def stop(process: subprocess.Popen, hard: bool = False) -> None:
    """SIGTERM (or SIGKILL: no goodbye, as a power cut) to gunicorn and all its workers."""
    try:
        os.killpg(process.pid, signal.SIGKILL if hard else signal.SIGTERM)
    except ProcessLookupError:
        return
    process.wait(timeout=30)


def visit_body(crew: Crew, i: int) -> str:
    return json.dumps({
        "address_id": crew.doors[i % len(crew.doors)],
        "walklist_id": crew.walk_list_id,
        "outcome": "not_home" if i % 4 else "no_answer",
        "visited_at": datetime.now(UTC).isoformat(),
    })  # fmt: skip


@dataclass
class Tablet:
    """One tablet's outbox: a visit leaves it only when the server acknowledged it."""

    crew: Crew
    ports: list[int]
    acknowledged: set[str] = field(default_factory=set)
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    sent: int = 0
    outbox: dict[str, str] = field(default_factory=dict)  # not yet acknowledged

    def put(self, visit_uuid: str, body: str, port: int) -> bool:
        headers = {"Authorization": f"Bearer {self.crew.token}",
                   "Content-Type": "application/json"}  # fmt: skip
        started = time.perf_counter()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("PUT", f"/api/v1/visits/{visit_uuid}", body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            connection.close()
            ok = response.status in (200, 201)
        except OSError:
            ok = False
        self.latencies.append(time.perf_counter() - started)
        self.sent += 1
        if ok:
            self.acknowledged.add(visit_uuid)
            self.outbox.pop(visit_uuid, None)
        else:
            self.errors += 1
            self.outbox[visit_uuid] = body
        return ok

    def flush(self) -> None:
        """Send what the outbox still holds (after the server is back)."""
        for visit_uuid, body in list(self.outbox.items()):
            self.put(visit_uuid, body, self.ports[0])

    def work(self, until: float, retry_every: int = 10) -> None:
        """Visits until ``until``; every ``retry_every``-th is sent again, as after a lost
        answer, through the other instance when there are two."""
        i = 0
        while time.perf_counter() < until:
            visit_uuid, body = str(uuid.uuid4()), visit_body(self.crew, i)
            port = self.ports[i % len(self.ports)]
            if not self.put(visit_uuid, body, port):
                time.sleep(0.25)  # the tablet backs off while the server does not answer
            elif retry_every and i % retry_every == 0:
                self.put(visit_uuid, body, self.ports[(i + 1) % len(self.ports)])
            i += 1


def stored_visits(url: str) -> tuple[int, set[str]]:
    """How many visit rows there are, and their distinct UUIDs."""
    engine = create_engine(url)
    with engine.connect() as conn:
        count = conn.execute(select(func.count(Visit.id))).scalar()
        uuids = {str(u) for u in conn.execute(select(Visit.uuid)).scalars()}
    engine.dispose()
    return count, uuids


def latency_line(
    label: str, count: int, latencies: list[float], errors: int, seconds: float
) -> float:
    """One line of a load report: rate, median and p99 latency, errors; returns the median."""
    ordered = sorted(latencies)
    p99 = ordered[max(0, int(len(ordered) * 0.99) - 1)]
    p50 = statistics.median(ordered)
    print(f"   {label:38} {count / seconds:7.0f} /s   p50 {1000 * p50:7.1f} ms   "
          f"p99 {1000 * p99:7.1f} ms   errors {errors}")  # fmt: skip
    return p50
