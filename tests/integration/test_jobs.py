"""Background jobs (issue 17) in real huey workers: separate processes on a SQLite database
and a SQLite queue of their own, killed and started again as a server would be.

The rest of the suite runs a page's job inside its request (JOBS_IMMEDIATE); here nothing does.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import time as clock_time
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from pypdf import PdfReader
from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from eteams.extensions import db
from eteams.models import Address, Job, Shift, WalkList
from eteams.models.enums import JobKind, JobState, ShiftStatus
from eteams.services import jobs, shifts
from tests import factories
from tests.conftest import login, make_app, upgrade_to_head
from tests.geocoder_server import GeocoderServer
from tests.integration.test_planning import DAY, _team_on_shift

ROOT = Path(__file__).resolve().parents[2]
SECRET = "test-secret-key-not-for-production"


class Site:
    """A database, a job queue and a geocoder shared by web apps and worker processes."""

    def __init__(self, tmp: Path, geocoder: GeocoderServer) -> None:
        self.db_url = f"sqlite:///{tmp / 'site.sqlite'}"
        self.jobs_url = f"sqlite:///{tmp / 'queue.sqlite'}"
        self.tmp, self.geocoder = tmp, geocoder
        self.config = {"JOBS_IMMEDIATE": False, "JOBS_URL": self.jobs_url, "GEOCODER": "pdok",
                       "GEOCODER_URL": geocoder.url, "GEOCODER_TIMEOUT": 5,
                       "JOBS_STALE_SECONDS": 30, "PLAN_MAX_SECONDS": 2}  # fmt: skip
        self.engine = create_engine(self.db_url)
        self.workers: list[subprocess.Popen] = []

    def web_app(self) -> Flask:
        app = make_app(self.db_url, **self.config)
        app.instance_path = str(self.tmp / "instance")
        return app

    def start_worker(self) -> subprocess.Popen:
        env = {**os.environ, "ETEAMS_DATABASE_URL": self.db_url, "ETEAMS_SECRET_KEY": SECRET,
               **{f"ETEAMS_{k}": str(v).lower() if isinstance(v, bool) else str(v)
                  for k, v in self.config.items()}}  # fmt: skip
        log = (self.tmp / f"worker-{len(self.workers)}.log").open("w")
        worker = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "eteams", "worker"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.workers.append(worker)
        return worker

    def job(self, job_id: int) -> Job:
        with Session(self.engine) as session:
            job = session.get(Job, job_id)
            session.expunge_all()
            return job

    def wait(self, job_id: int, until: Callable[[Job], bool], seconds: float = 120) -> Job:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            job = self.job(job_id)
            if until(job):
                return job
            assert job.state is not JobState.FAILED, (job.error, self.logs())
            assert all(w.poll() is None for w in self.workers if w.returncode is None)
            time.sleep(0.2)
        raise AssertionError(f"job {job_id} still {self.job(job_id).state} after {seconds}s")

    def logs(self) -> str:
        return "".join(p.read_text()[-3000:] for p in sorted(self.tmp.glob("worker-*.log")))

    def close(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(timeout=20)
        self.engine.dispose()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    geocoder = GeocoderServer().start()
    site = Site(tmp_path, geocoder)
    app = site.web_app()
    upgrade_to_head(app)
    with app.app_context():
        db.engine.dispose()
    try:
        yield site
    finally:
        site.close()
        geocoder.shutdown()


def _with_data(site: Site, build: Callable[[Session], Any]) -> Any:
    """Build rows in the site's database and commit them (the workers must see them)."""
    with Session(site.engine) as session:
        factories.bind(session)
        result = build(session)
        session.commit()
        return result


def _lead_client(app: Flask, lead_email: str) -> tuple[Any, str]:
    client = app.test_client()
    return client, login(client, type("Lead", (), {"email": lead_email})())


def test_geocoding_1000_addresses_survives_the_page_the_app_and_a_killed_worker(site) -> None:  # noqa: ANN001
    site.geocoder.known.update({("3531CA", str(n)): (52.09 + n * 1e-5, 5.10, f"Huis {n}")
                                for n in range(1, 1001)})  # fmt: skip
    site.geocoder.delay_seconds = 0.003

    def build(session: Session) -> tuple[int, str]:
        campaign = factories.CampaignFactory()
        session.add_all(Address(campaign_id=campaign.id, street="Kanaalstraat", house_number=n,
                                postcode="3531 CA", city="Utrecht") for n in range(1, 1001))  # fmt: skip
        return campaign.id, factories.user("lead").email

    campaign_id, lead = _with_data(site, build)
    app = site.web_app()
    client, token = _lead_client(app, lead)
    answer = client.post(f"/lead/campaigns/{campaign_id}/geocode", data={"csrf_token": token})
    job_id = int(answer.headers["Location"].rsplit("/", 1)[1])
    assert site.job(job_id).state is JobState.QUEUED and site.job(job_id).total == 1000
    del client  # the lead closes the page; the web app goes away
    with app.app_context():
        db.engine.dispose()

    first = site.start_worker()
    site.wait(job_id, lambda j: j.done >= 300)
    first.send_signal(signal.SIGKILL)  # a crash mid-way: no chance to tidy up
    first.wait(timeout=10)
    stopped = site.job(job_id)
    assert stopped.state is JobState.RUNNING and 300 <= stopped.done < 1000

    # The app restarted meanwhile: a new instance shows the progress saved so far.
    client, _token = _lead_client(site.web_app(), lead)
    status = client.get(f"/lead/jobs/{job_id}.json").json
    assert status["state"] == "running" and status["done"] >= stopped.done

    site.start_worker()  # sees the first worker's process gone and takes the job over
    done = site.wait(job_id, lambda j: j.state is JobState.DONE)
    assert (done.done, done.total, done.attempts) == (1000, 1000, 2)
    assert done.summary == {"found": 1000, "not_found": 0, "errors": 0}
    with Session(site.engine) as session:
        placed = session.scalar(select(func.count(Address.id)).where(
            Address.campaign_id == campaign_id, Address.lat.is_not(None)))  # fmt: skip
    assert placed == 1000
    asked = Counter(path for path in site.geocoder.requests)
    assert len(asked) == 1000  # every address asked
    assert sum(asked.values()) <= 1001  # each once; at most the one in flight at the kill twice
    page = client.get(f"/lead/jobs/{job_id}").get_data(as_text=True)
    assert "Klaar." in page and "1000 gevonden, 0 niet gevonden, 0 fouten." in page


def test_planning_5000_doors_through_the_web_is_a_job_a_worker_finishes(site) -> None:  # noqa: ANN001
    def build(session: Session) -> tuple[int, list[int], str]:
        campaign = factories.CampaignFactory()
        session.add_all(
            Address(campaign_id=campaign.id, street=f"Straat {n // 50}", house_number=n % 50 + 1,
                    postcode=f"{3500 + n // 50:04d} AB", city="Utrecht",
                    lat=52.08 + (n % 50) * 0.0001, lon=5.09 + (n // 50) * 0.0003)
            for n in range(5000)
        )  # fmt: skip
        shift_ids = [_team_on_shift(session, lat=52.08 + k * 0.001).id for k in range(10)]
        return campaign.id, shift_ids, factories.user("lead").email

    campaign_id, shift_ids, lead = _with_data(site, build)
    client, token = _lead_client(site.web_app(), lead)
    form = {"csrf_token": token, "date": DAY.isoformat(), "shift_ids": shift_ids,
            "doors_per_hour": "8"}  # fmt: skip
    url = f"/lead/campaigns/{campaign_id}/plan"
    answer = client.post(url, data=form)
    assert answer.status_code == 302 and "/lead/jobs/" in answer.headers["Location"]
    job_id = int(answer.headers["Location"].rsplit("/", 1)[1])
    with Session(site.engine) as session:  # nothing was planned inside the request
        assert session.scalar(select(func.count(WalkList.id))) == 0
    # A second press while it waits is the same job, not a second planning.
    again = client.post(url, data=form)
    assert again.headers["Location"] == answer.headers["Location"]
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "Dit loopt al" in page and "Wacht op een verwerker" in page
    assert 'http-equiv="refresh"' in page  # without JavaScript the page refreshes itself
    assert "Looproutes plannen voor" in client.get(f"{url}?date={DAY}").get_data(as_text=True)

    site.start_worker()
    done = site.wait(job_id, lambda j: j.state in (JobState.DONE, JobState.FAILED))
    assert done.state is JobState.DONE, done.error
    assert done.summary == {"lists": 10, "unplanned": 5000 - 10 * 24, "no_coordinates": 0}
    with Session(site.engine) as session:
        assert session.scalar(select(func.count(WalkList.id))) == 10
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "10 looproutes gepland." in page and "4760 deuren pasten er niet meer in." in page


def test_a_placement_report_is_made_by_a_worker_for_its_asker(site) -> None:  # noqa: ANN001
    """The HR officer's button queues the report; a worker process makes the PDF with what
    that officer may see, and the file waits on the job."""
    from datetime import date

    from eteams.services import sroi

    def build(session: Session) -> tuple[int, str]:
        sroi.seed(session)
        employer = factories.EmployerFactory(name="Groen & Werk <b>", municipality="Utrecht")
        for n in range(3):
            factories.EmployeeFactory(employer=employer, first_name=f"Mens {n}", last_name="Test",
                                      hired_on=date(2026, 1, 5))  # fmt: skip
        session.flush()
        return employer.id, factories.user("employer", employer=employer).email

    employer_id, hr = _with_data(site, build)
    client, token = _lead_client(site.web_app(), hr)
    answer = client.post("/reports/placement", data={
        "csrf_token": token, "employer_id": employer_id, "report": "pdf|employer|full|nl",
        "from": "2026-01-01", "to": "2026-06-30"})  # fmt: skip
    job_id = int(answer.headers["Location"].rsplit("/", 1)[1])
    assert site.job(job_id).state is JobState.QUEUED  # nothing was made inside the request
    site.start_worker()
    done = site.wait(job_id, lambda j: j.state in (JobState.DONE, JobState.FAILED))
    assert done.state is JobState.DONE, (done.error, site.logs())
    assert done.summary["people"] == 3 and done.summary["version"] == 1
    pdf = client.get(f"/reports/jobs/{job_id}/result")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Groen & Werk <b>" in text and "Mens 2 Test" in text


def _others_wait(site: Site, job_id: int, patience: float) -> tuple[int, int]:
    """While the job runs, another writer (a coach signing in, a sync) takes SQLite's write
    lock again and again, waiting at most ``patience`` seconds: (tries, refused)."""
    import sqlite3

    path = site.db_url.removeprefix("sqlite:///")
    tries = refused = 0
    while (state := site.job(job_id).state) in (JobState.QUEUED, JobState.RUNNING):
        if state is JobState.RUNNING:
            other = sqlite3.connect(path, timeout=patience, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("ROLLBACK")
            except sqlite3.OperationalError:  # "database is locked": the job held the lock
                refused += 1
            finally:
                other.close()
            tries += 1
        time.sleep(0.05)
    return tries, refused


def test_a_planning_job_leaves_the_database_free_while_the_solver_works(site) -> None:  # noqa: ANN001
    """The solver's seconds run with no transaction open: on SQLite's one write lock every
    sign-in, sync and door move would otherwise wait for the whole solve (and fail after the
    busy timeout)."""

    def build(session: Session) -> tuple[int, list[int], str]:
        campaign = factories.CampaignFactory()
        session.add_all(
            Address(campaign_id=campaign.id, street=f"Straat {n // 50}", house_number=n % 50 + 1,
                    postcode=f"{3500 + n // 50:04d} AB", city="Utrecht",
                    lat=52.08 + (n % 50) * 0.0001, lon=5.09 + (n // 50) * 0.0003)
            for n in range(3000)
        )  # fmt: skip
        shift_ids = [_team_on_shift(session, lat=52.08 + k * 0.001).id for k in range(10)]
        return campaign.id, shift_ids, factories.user("lead").email

    campaign_id, shift_ids, lead = _with_data(site, build)
    site.config["PLAN_MAX_SECONDS"] = 4  # a solve longer than anyone's patience below
    client, token = _lead_client(site.web_app(), lead)
    answer = client.post(f"/lead/campaigns/{campaign_id}/plan", data={
        "csrf_token": token, "date": DAY.isoformat(), "shift_ids": shift_ids,
        "doors_per_hour": "8"})  # fmt: skip
    job_id = int(answer.headers["Location"].rsplit("/", 1)[1])
    site.start_worker()
    tries, refused = _others_wait(site, job_id, patience=1.0)
    done = site.job(job_id)
    assert done.state is JobState.DONE, (done.error, site.logs())
    assert tries >= 5 and refused == 0, (tries, refused)


def test_a_geocoding_job_leaves_the_database_free_while_the_geocoder_answers(site) -> None:  # noqa: ANN001
    site.geocoder.delay_seconds = 0.8  # a busy PDOK: each answer takes its time

    def build(session: Session) -> tuple[int, str]:
        campaign = factories.CampaignFactory()
        session.add_all(
            Address(campaign_id=campaign.id, street="Javastraat", house_number=n + 1,
                    postcode="3531 AB", city="Utrecht")
            for n in range(6)
        )  # fmt: skip
        return campaign.id, factories.user("lead").email

    campaign_id, lead = _with_data(site, build)
    client, token = _lead_client(site.web_app(), lead)
    answer = client.post(f"/lead/campaigns/{campaign_id}/geocode", data={"csrf_token": token})
    job_id = int(answer.headers["Location"].rsplit("/", 1)[1])
    site.start_worker()
    tries, refused = _others_wait(site, job_id, patience=0.4)
    done = site.job(job_id)
    assert done.state is JobState.DONE, (done.error, site.logs())
    assert done.done == 6 and tries >= 5 and refused == 0, (tries, refused)


def test_a_download_that_is_audited_never_fails_while_a_job_commits(site) -> None:  # noqa: ANN001
    """A GET that writes (a report's download is audited) began as a read; on SQLite, when a
    job commits in between, its write was refused at once ("database is locked", a 500 for
    the HR officer or the coach's first sync). It is run again with the write lock first."""
    import sqlite3
    import threading

    def build(session: Session) -> tuple[int, str]:
        employer = factories.EmployerFactory()
        hr = factories.user("employer", employer=employer)
        session.flush()
        job = Job(kind=JobKind.PLACEMENT_REPORT, scope="r:test", params={
            "employer_id": employer.id, "start": "2026-01-01", "end": "2026-03-31",
            "audience": "employer", "format": "csv", "filename": "plaatsing.csv"},
            state=JobState.DONE, language="nl", summary={"people": 0}, result=b"a;b\r\n",
            created_by_id=hr.id, done=1, total=1, attempts=1)  # fmt: skip
        session.add(job)
        session.flush()
        return job.id, hr.email

    job_id, hr = _with_data(site, build)
    client, _token = _lead_client(site.web_app(), hr)
    stop = threading.Event()

    def a_busy_worker() -> None:  # commits as often as a geocoding job does, and more
        other = sqlite3.connect(site.db_url.removeprefix("sqlite:///"), timeout=10,
                                isolation_level=None)  # fmt: skip
        while not stop.is_set():
            other.execute("BEGIN IMMEDIATE")
            other.execute("UPDATE jobs SET heartbeat_at = CURRENT_TIMESTAMP WHERE id = ?",
                          (job_id,))  # fmt: skip
            other.execute("COMMIT")
            time.sleep(0.002)
        other.close()

    busy = threading.Thread(target=a_busy_worker, daemon=True)
    busy.start()
    try:
        answers = Counter(client.get(f"/reports/jobs/{job_id}/result").status_code
                          for _ in range(60))  # fmt: skip
    finally:
        stop.set()
        busy.join(timeout=5)
    assert answers == Counter({200: 60})
    with Session(site.engine) as session:  # each download was audited once, none lost
        from eteams.models import AuditEvent

        assert session.scalar(select(func.count(AuditEvent.id)).where(
            AuditEvent.action == "placement_report_downloaded")) == 60  # fmt: skip


# --- the job rows themselves, in the suite's own database ----------------------------------


def test_one_active_job_per_kind_campaign_and_day(session) -> None:  # noqa: ANN001
    campaign = factories.CampaignFactory()
    first, created = jobs.submit(session, JobKind.PLAN, campaign_id=campaign.id, day=DAY,
                                 actor_id=None)  # fmt: skip
    second, again = jobs.submit(session, JobKind.PLAN, campaign_id=campaign.id, day=DAY,
                                actor_id=None)  # fmt: skip
    other_day, _ = jobs.submit(session, JobKind.PLAN, campaign_id=campaign.id,
                               day=DAY.replace(day=11), actor_id=None)  # fmt: skip
    assert (created, again) == (True, False) and first.id == second.id != other_day.id
    # The database itself refuses a second active row (two app instances at the same moment).
    duplicate = Job(kind=JobKind.PLAN, scope=first.scope, campaign_id=campaign.id, day=DAY,
                    params={}, state=JobState.RUNNING, language="nl", summary={})  # fmt: skip
    with pytest.raises(IntegrityError), session.begin_nested():
        session.add(duplicate)
    first.state = JobState.DONE  # once it is done, the next one may start
    session.flush()
    third, created = jobs.submit(session, JobKind.PLAN, campaign_id=campaign.id, day=DAY,
                                 actor_id=None)  # fmt: skip
    assert created and third.id != first.id


def test_a_failed_job_says_why_and_a_retry_runs_it(app, client, session, make_user) -> None:  # noqa: ANN001
    from eteams import worker

    campaign = factories.CampaignFactory()
    for n in range(5):
        factories.AddressFactory(campaign=campaign, lat=52.09 + n * 1e-4, lon=5.10)
    shift = _team_on_shift(session, start=clock_time(9), end=clock_time(12))
    lead = make_user("lead")
    job, _created = jobs.submit(session, JobKind.PLAN, campaign_id=campaign.id, day=DAY,
                                params={"shift_ids": [shift.id], "doors_per_hour": 8},
                                actor_id=lead.id)  # fmt: skip
    shifts.cancel_shift(session, shift, actor_id=None)  # cancelled before the worker came by
    session.commit()
    worker.execute(app, job.id, heartbeat=False)
    session.expire_all()
    assert (job.state, job.error) == (JobState.FAILED, "invalid")
    token = login(client, lead)
    page = client.get(f"/lead/jobs/{job.id}").get_data(as_text=True)
    assert "Mislukt: Elke dienst moet een geplande dienst op die dag zijn." in page
    assert "Traceback" not in page and "Opnieuw proberen" in page

    session.get(Shift, shift.id).status = ShiftStatus.PLANNED  # the lead puts it back
    session.commit()
    answer = client.post(f"/lead/jobs/{job.id}/retry", data={"csrf_token": token})
    assert answer.headers["Location"].endswith(f"/lead/jobs/{job.id}")
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "1 looproute gepland." in page and "Planning openen" in page
    session.expire_all()
    assert (job.state, job.error, job.attempts) == (JobState.DONE, None, 2)
    refused = client.post(f"/lead/jobs/{job.id}/retry", data={"csrf_token": token})
    assert "Alleen een mislukte taak" in client.get(refused.headers["Location"]).get_data(
        as_text=True
    )


def test_the_days_letters_are_a_job_with_a_download(app, client, session, visit, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("lead"))
    day = visit.visited_at.date().isoformat()
    answer = client.post("/lead/letters/bundle", data={"csrf_token": token, "date": day})
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "1 brief in de pdf." in page and "Pdf downloaden" in page
    job_id = answer.headers["Location"].rsplit("/", 1)[1]
    pdf = client.get(f"/lead/jobs/{job_id}/result.pdf")
    assert pdf.mimetype == "application/pdf" and len(PdfReader(io.BytesIO(pdf.data)).pages) >= 2
    other = app.test_client()
    login(other, make_user("coach"))
    assert other.get(f"/lead/jobs/{job_id}/result.pdf").status_code == 404
