"""Never lose a visit: a server killed hard mid-sync keeps every acknowledged visit, and two
app instances on one PostgreSQL store a tablet's outbox once, whichever instance gets it.

These run a real gunicorn in its own process group and real tablets over HTTP.
"""

from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path

import pytest

from benchmarks.livesync import (
    Tablet,
    create_postgres_database,
    free_port,
    prepare,
    serve,
    sqlite_url,
    stop,
    stored_visits,
    visit_body,
)
from tests.conftest import PG_URL


def _sync_for(tablets: list[Tablet], seconds: float) -> list[threading.Thread]:
    until = time.perf_counter() + seconds
    threads = [threading.Thread(target=t.work, args=(until,), kwargs={"retry_every": 7})
               for t in tablets]  # fmt: skip
    for thread in threads:
        thread.start()
    return threads


def test_sigkill_during_sync_loses_no_acknowledged_visit(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    crews = prepare(url, tablets=8, doors=100)
    port = free_port()
    server = serve(url, port, workers=2)
    tablets = [Tablet(crew, [port]) for crew in crews]
    threads = _sync_for(tablets, seconds=8)
    deadline = time.monotonic() + 7.5  # the tablets sync for 8 s: the kill comes while they do
    while time.monotonic() < deadline and sum(len(t.acknowledged) for t in tablets) <= 20:
        time.sleep(0.1)  # a busy machine needs longer before the load is under way
    acknowledged_before_kill = sum(len(t.acknowledged) for t in tablets)
    stop(server, hard=True)  # SIGKILL to gunicorn and its workers, mid-request
    for thread in threads:
        thread.join()
    acknowledged = set().union(*(t.acknowledged for t in tablets))
    unsent = sum(len(t.outbox) for t in tablets)
    assert acknowledged_before_kill > 20, "the load was running when the server died"
    assert unsent > 0, "some visits were refused while the server was down"

    stored, uuids = stored_visits(url)
    assert acknowledged <= uuids  # every acknowledged visit survived the kill
    assert stored == len(uuids)  # and none is stored twice

    # The server comes back; the tablets send what their outboxes still hold.
    server = serve(url, port, workers=2)
    try:
        for tablet in tablets:
            tablet.flush()
    finally:
        stop(server)
    assert all(not t.outbox for t in tablets)
    stored, uuids = stored_visits(url)
    assert uuids == set().union(*(t.acknowledged for t in tablets))
    assert stored == len(uuids)


@pytest.mark.skipif(not PG_URL, reason="needs ETEAMS_TEST_DATABASE_URL (CI always sets it)")
def test_two_instances_store_one_outbox_once() -> None:
    url, drop = create_postgres_database(PG_URL, "eteams_two")
    try:
        crews = prepare(url, tablets=3, doors=40)
        ports = [free_port(), free_port()]
        servers = [serve(url, port, workers=2) for port in ports]
        try:
            outboxes = [
                [(str(uuid.uuid4()), visit_body(crew, i)) for i in range(40)] for crew in crews
            ]
            answers: list[bool] = []

            def send(crew_index: int, port: int) -> None:
                tablet = Tablet(crews[crew_index], [port])
                answers.extend(tablet.put(u, body, port) for u, body in outboxes[crew_index])

            # Each outbox is sent whole through both instances at once, as when a tablet's
            # answers were lost and the load balancer picked the other instance on retry.
            threads = [threading.Thread(target=send, args=(c, port))
                       for c in range(len(crews)) for port in ports]  # fmt: skip
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            for server in servers:
                stop(server)
        assert answers.count(True) == len(answers) == 2 * 3 * 40  # every PUT acknowledged
        stored, uuids = stored_visits(url)
        assert uuids == {u for box in outboxes for u, _body in box}
        assert stored == 3 * 40  # once each
    finally:
        drop()
