"""Load: 100 simulated tablets syncing visits for 60 s against gunicorn — on SQLite (one
instance) and on PostgreSQL with two app instances — each beside the floor (the same tablets
calling GET /healthz) in one run. Every tenth visit is sent again, through the other instance
when there are two, as a tablet does when an answer was lost. Prints throughput, p50/p99,
errors, and checks: lost (acknowledged but not stored) = 0, doubled (one UUID stored twice) = 0.

    .venv/bin/python benchmarks/load.py [--tablets 100] [--seconds 60] [--floor-seconds 15]
        [--postgres postgresql://postgres@127.0.0.1:5432/test] [--only sqlite|postgresql]
"""

from __future__ import annotations

import argparse
import http.client
import tempfile
import threading
import time
from pathlib import Path

from livesync import (
    Tablet,
    create_postgres_database,
    free_port,
    latency_line,
    prepare,
    serve,
    sqlite_url,
    stop,
    stored_visits,
)


def floor(ports: list[int], tablets: int, seconds: float) -> tuple[int, list[float], int]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    until = time.perf_counter() + seconds

    def caller(n: int) -> None:
        mine, errs, i = [], 0, 0
        while time.perf_counter() < until:
            started = time.perf_counter()
            try:
                connection = http.client.HTTPConnection(
                    "127.0.0.1", ports[(n + i) % len(ports)], timeout=30
                )
                connection.request("GET", "/healthz")
                ok = connection.getresponse().status == 200
                connection.close()
            except OSError:
                ok = False
            mine.append(time.perf_counter() - started)
            errs += not ok
            i += 1
        with lock:
            latencies.extend(mine)
            errors[0] += errs

    threads = [threading.Thread(target=caller, args=(n,)) for n in range(tablets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies), latencies, errors[0]


def sync(tablets: list[Tablet], seconds: float) -> None:
    until = time.perf_counter() + seconds
    threads = [threading.Thread(target=t.work, args=(until,)) for t in tablets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def scenario(label: str, url: str, instances: int, workers: int, args: argparse.Namespace) -> bool:
    crews = prepare(url, args.tablets, 400)
    ports = [free_port() for _ in range(instances)]
    servers = [serve(url, port, workers=workers) for port in ports]
    try:
        print(
            f"{label}: {args.tablets} tablets, {instances} instance(s) × gunicorn {workers} workers"
        )
        count, latencies, errors = floor(ports, args.tablets, args.floor_seconds)
        floor_p50 = latency_line(
            "floor: GET /healthz", count, latencies, errors, args.floor_seconds
        )
        tablets = [Tablet(crew, ports[n % instances:] + ports[: n % instances])
                   for n, crew in enumerate(crews)]  # fmt: skip
        sync(tablets, args.seconds)
    finally:
        for server in servers:
            stop(server)
    latencies = [x for t in tablets for x in t.latencies]
    acknowledged = set().union(*(t.acknowledged for t in tablets))
    errors = sum(t.errors for t in tablets)
    sent = sum(t.sent for t in tablets)
    visits_p50 = latency_line(f"PUT /api/v1/visits/<uuid> ({sent:,} sent)", sent, latencies, errors,
                      args.seconds)  # fmt: skip
    stored, uuids = stored_visits(url)
    lost, doubled = len(acknowledged - uuids), stored - len(uuids)
    print(f"   visits acknowledged {len(acknowledged):,} ({len(acknowledged) / args.seconds:.0f}/s), "
          f"stored {stored:,}: lost {lost}, doubled {doubled}, errors {errors}")  # fmt: skip
    print(f"   ratio: a visit takes {visits_p50 / floor_p50:.1f}× the floor's median latency")
    return lost == doubled == errors == 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tablets", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--floor-seconds", type=float, default=15)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    ok = True
    if args.only != "postgresql":
        with tempfile.TemporaryDirectory() as tmp:
            ok &= scenario("SQLite (WAL, synchronous=FULL)", sqlite_url(Path(tmp)), 1, 4, args)
    if args.only != "sqlite":
        url, drop = create_postgres_database(args.postgres, "eteams_load")
        try:
            ok &= scenario("PostgreSQL, two app instances", url, 2, 2, args)
        finally:
            drop()
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
