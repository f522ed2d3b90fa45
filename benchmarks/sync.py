"""Sync load: 50 simulated tablets each sending 200 visits (PUT /api/v1/visits/<uuid>)
against a running server (gunicorn, 4 workers), beside the floor — the same load on a
trivial endpoint of the same app (GET /healthz) — in one run. Ends with a count check:
every acknowledged visit is in the database exactly once.

    .venv/bin/python benchmarks/sync.py [--tablets 50] [--visits 200] [--database sqlite|postgresql://…]
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path

from livesync import (
    Crew,
    create_postgres_database,
    free_port,
    latency_line,
    prepare,
    serve,
    sqlite_url,
    stop,
    stored_visits,
    visit_body,
)


def run(
    port: int, crews: list[Crew], per_tablet: int, visits: bool
) -> tuple[list[float], int, set[str], float]:
    latencies: list[float] = []
    errors = [0]
    acknowledged: set[str] = set()
    lock = threading.Lock()

    def tablet(crew: Crew) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, errs, acks = [], 0, []
        for i in range(per_tablet):
            visit_uuid = str(uuid.uuid4())
            if visits:
                request = ("PUT", f"/api/v1/visits/{visit_uuid}", visit_body(crew, i),
                           {"Authorization": f"Bearer {crew.token}", "Content-Type": "application/json"})  # fmt: skip
            else:
                request = ("GET", "/healthz", None, {})
            started = time.perf_counter()
            try:
                connection.request(request[0], request[1], body=request[2], headers=request[3])
                response = connection.getresponse()
                response.read()
                ok = response.status in (200, 201)
            except OSError:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                ok = False
            mine.append(time.perf_counter() - started)
            errs += not ok
            if ok and visits:
                acks.append(visit_uuid)
        with lock:
            latencies.extend(mine)
            errors[0] += errs
            acknowledged.update(acks)

    threads = [threading.Thread(target=tablet, args=(crew,)) for crew in crews]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0], acknowledged, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tablets", type=int, default=50)
    parser.add_argument("--visits", type=int, default=200)
    parser.add_argument("--database", default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        drop = None
        if args.database == "sqlite":
            url = sqlite_url(Path(tmp))
        else:
            url, drop = create_postgres_database(args.database, "eteams_sync")
        crews = prepare(url, args.tablets, args.visits)
        port = free_port()
        server = serve(url, port)
        try:
            print(
                f"Sync load: {args.tablets} tablets × {args.visits} visits, gunicorn 4 workers, {args.database.split(':')[0]}"
            )
            floor = run(port, crews, args.visits, visits=False)
            latency_line("floor: GET /healthz", len(floor[0]), floor[0], floor[1], floor[3])
            load = run(port, crews, args.visits, visits=True)
            latency_line("PUT /api/v1/visits/<uuid>", len(load[0]), load[0], load[1], load[3])
        finally:
            stop(server)
        stored, distinct = stored_visits(url)
        print(
            f"   acknowledged {len(load[2])}, stored {stored}, distinct {len(distinct)}: "
            f"{'nothing lost or doubled' if stored == len(distinct) and load[2] <= distinct else 'MISMATCH'}"
        )
        print(
            f"   ratio: visits take {statistics.median(load[0]) / statistics.median(floor[0]):.1f}× the floor's median latency"
        )
        if drop:
            drop()


if __name__ == "__main__":
    main()
