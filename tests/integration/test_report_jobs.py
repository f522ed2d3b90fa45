"""Reports made by a worker (issue 17): the placement report's buttons on the employer's page
and the programme report's on the coordinator's start a job; its page shows progress, then
the file. The file is the asker's only, audited when fetched, and the same as the API's.

Here each job runs inside the request that starts it (JOBS_IMMEDIATE); the worker itself is
tested in tests/integration/test_jobs.py."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from sqlalchemy import func, select

from eteams.models import AuditEvent, Job
from eteams.models.enums import JobKind
from tests.conftest import login
from tests.integration.test_placement import employer as employer  # the shared fixture
from tests.integration.test_placement_versions import _report
from tests.integration.test_programme import year as year  # the programme's fixture

PERIOD = {"from": "2026-01-01", "to": "2026-03-31"}


def _press(client, token: str, employer_id: int, report: str, **extra: str):  # noqa: ANN001, ANN202
    return client.post("/reports/placement", data={
        "csrf_token": token, "employer_id": str(employer_id), "report": report, **PERIOD, **extra,
    })  # fmt: skip


def _file(client, answer):  # noqa: ANN001, ANN202
    assert answer.status_code in (302, 303), answer.get_data(as_text=True)[:300]
    job_url = answer.headers["Location"]
    assert re.fullmatch(r"/reports/jobs/\d+", job_url)
    page = client.get(job_url).get_data(as_text=True)
    return job_url, page, client.get(f"{job_url}/result")


def test_the_hr_officer_presses_a_button_and_gets_the_municipalitys_pdf(
    app, client, session, employer, make_user
) -> None:  # noqa: ANN001
    _report(session, employer)
    hr = make_user("employer", employer=employer)
    session.commit()
    token = login(client, hr)
    page = client.get("/employer/?from=2026-01-01&to=2026-03-31").get_data(as_text=True)
    assert 'action="/reports/placement"' in page and 'value="pdf|municipality|initials|nl"' in page
    job_url, job_page, pdf = _file(client, _press(client, token, employer.id,
                                                  "pdf|municipality|initials|nl"))  # fmt: skip
    assert (
        "Het plaatsingsrapport van Groen Werk, 1 januari 2026 tot en met 31 maart 2026" in job_page
    )
    assert "Versienummer 1." in job_page and "Pdf downloaden" in job_page
    assert pdf.mimetype == "application/pdf" and pdf.headers["Cache-Control"] == "no-store"
    assert "Voor de gemeente, zonder gezondheidsgegevens, met initialen · PDF." in job_page
    filename = f"plaatsing-{employer.id}-gemeente-initialen-20260101-20260331.pdf"
    assert filename in pdf.headers["Content-Disposition"]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Groen Werk" in text and "A. A." in text and "Anna A" not in text  # initials
    fetched = session.scalar(select(AuditEvent).where(
        AuditEvent.action == "placement_report_downloaded").order_by(AuditEvent.id.desc()))  # fmt: skip
    assert fetched.details["version"] == 1 and fetched.details["audience"] == "municipality"
    # The employer page lists it among the reports the officer made, to find it again.
    page = client.get("/employer/?from=2026-01-01&to=2026-03-31").get_data(as_text=True)
    assert "Rapporten die u maakte" in page and f'href="{job_url}"' in page

    # Nobody else reaches the job or its file: another employer's officer, a lead, the admin.
    for other in (make_user("employer"), make_user("lead"), make_user("admin")):
        session.commit()
        stranger = app.test_client()
        login(stranger, other)
        assert stranger.get(job_url).status_code == 404
        assert stranger.get(f"{job_url}/result").status_code == 404
        assert stranger.get(f"{job_url}.json").status_code == 404
        job_id = job_url.rsplit("/", 1)[1]
        assert stranger.get(f"/lead/jobs/{job_id}/result.pdf").status_code == 404


def test_the_csv_from_the_page_holds_the_apis_figures_in_either_language(
    client, session, employer, make_user
) -> None:  # noqa: ANN001
    _report(session, employer)
    hr = make_user("employer", employer=employer)
    session.commit()
    token = login(client, hr)
    _url, _page, dutch = _file(client, _press(client, token, employer.id, "csv|employer|full|nl"))
    assert dutch.mimetype == "text/csv"
    api = client.get(f"/api/v1/employers/{employer.id}/placement-report.csv"
                     "?from=2026-01-01&to=2026-03-31").get_data(as_text=True)  # fmt: skip
    same = [line for line in dutch.get_data(as_text=True).splitlines() if "Versienummer" not in line
            and not line.startswith("Gemaakt")]  # fmt: skip
    assert same == [line for line in api.splitlines() if "Versienummer" not in line
                    and not line.startswith("Gemaakt")]  # fmt: skip
    _url, page, english = _file(client, _press(client, token, employer.id, "csv|employer|full|en"))
    assert (
        "Voor de werkgever: met aanwezigheid en ziekte, niet voor de gemeente · CSV in het "
        "Engels." in page
    )
    assert english.headers["Content-Disposition"].endswith('-20260331-en.csv"')
    assert english.get_data(as_text=True).lstrip("\ufeff").startswith("Placement report")


def test_a_wrong_period_or_a_leads_municipality_version_makes_nothing(
    client, session, employer, make_user
) -> None:  # noqa: ANN001
    lead = make_user("lead")
    session.commit()
    token = login(client, lead)
    before = session.scalar(select(func.count(Job.id)))
    refused = _press(client, token, employer.id, "pdf|municipality|full|nl")
    assert refused.status_code == 302 and refused.headers["Location"].startswith("/employer/")
    page = client.get(refused.headers["Location"]).get_data(as_text=True)
    assert "De versie voor de gemeente gaat over alle medewerkers" in page
    backwards = _press(client, token, employer.id, "csv|employer|full|nl", **{"from": "2026-04-01"})
    page = client.get(backwards.headers["Location"]).get_data(as_text=True)
    assert "De periode begint na het einde." in page
    assert session.scalar(select(func.count(Job.id))) == before
    for odd in (
        "<b>|&|\u202e|" + "x" * 300,
        "xls|employer|full|nl",
        "",
        "csv|employer|full|fr",
        "pdf|employer|initials|nl",
        "pdf|municipality|full|en",
    ):
        refused = _press(client, token, employer.id, odd)  # a made-up button
        assert refused.status_code == 302, odd
        page = client.get(refused.headers["Location"]).get_data(as_text=True)
        assert "Kies een van de rapportknoppen op de pagina." in page
    empty = _press(client, token, employer.id, "csv|employer|full|nl", **{"from": "", "to": ""})
    assert "Vul beide datums van de periode in." in client.get(
        empty.headers["Location"]).get_data(as_text=True)  # fmt: skip
    assert session.scalar(select(func.count(Job.id))) == before


def test_the_coordinator_gets_the_programme_report_from_a_job(
    client, session, year, make_user
) -> None:  # noqa: ANN001
    admin = make_user("admin")
    session.commit()
    token = login(client, admin)
    answer = client.post("/reports/programme", data={"csrf_token": token, **PERIOD,
                                                      "format": "pdf"})  # fmt: skip
    job_url, page, pdf = _file(client, answer)
    assert "Het programmarapport, 1 januari 2026 tot en met 31 maart 2026" in page
    assert pdf.mimetype == "application/pdf"
    assert "programma-20260101-20260331.pdf" in pdf.headers["Content-Disposition"]
    assert session.scalar(select(Job.kind).where(Job.id == int(job_url.rsplit("/", 1)[1]))) is (
        JobKind.PROGRAMME_REPORT
    )
    answer = client.post("/reports/programme", data={"csrf_token": token, **PERIOD,
                                                      "format": "csv-en"})  # fmt: skip
    _url, _page, csv = _file(client, answer)
    assert csv.get_data(as_text=True).lstrip("\ufeff").startswith("Programme report,E-teams")
    wrong = client.post("/reports/programme", data={"csrf_token": token, "from": "2026-13-01",
                                                     "to": "2026-03-31", "format": "pdf"})  # fmt: skip
    assert wrong.status_code == 302 and wrong.headers["Location"] == "/admin/programme"
    assert "echte dagen" in client.get("/admin/programme").get_data(as_text=True)
    made = session.scalar(select(func.count(Job.id)))
    for odd in ("xls", "", "csv-fr"):
        client.post("/reports/programme", data={"csrf_token": token, **PERIOD, "format": odd})
        assert "Kies een van de rapportknoppen" in client.get("/admin/programme").get_data(
            as_text=True)  # fmt: skip
    assert session.scalar(select(func.count(Job.id))) == made


def test_the_file_follows_the_askers_reach_and_is_removed_after_a_day(
    app, client, session, employer, make_user
) -> None:  # noqa: ANN001
    from datetime import timedelta

    from eteams.models import Employer
    from eteams.models.base import utcnow
    from eteams.services import jobs

    _report(session, employer)
    hr = make_user("employer", employer=employer)
    session.commit()
    token = login(client, hr)
    job_url, _page, pdf = _file(client, _press(client, token, employer.id, "pdf|employer|full|nl"))
    assert pdf.status_code == 200
    job_id = int(job_url.rsplit("/", 1)[1])

    # A day later the worker's minutely round removes the file; the page says so and why.
    session.expire_all()
    assert jobs.forget_files(session, utcnow() + timedelta(hours=23), 24) == 0
    assert jobs.forget_files(session, utcnow() + timedelta(hours=25), 24) == 1
    session.commit()
    page = client.get(job_url).get_data(as_text=True)
    assert "Het bestand is verwijderd: bestanden blijven 24 uur bewaard" in page
    assert "Pdf downloaden" not in page
    gone = client.get(f"{job_url}/result")
    assert gone.status_code == 302 and session.get(Job, job_id).result is None

    # An HR officer moved to another employer no longer reaches the old employer's jobs.
    _url, _page, again = _file(client, _press(client, token, employer.id, "pdf|employer|full|nl"))
    assert again.status_code == 200
    hr.employer_id = session.scalar(select(Employer.id).where(Employer.id != employer.id)) or (
        make_user("employer").employer_id
    )
    session.commit()
    assert client.get(_url).status_code == 404
    assert client.get(f"{_url}/result").status_code == 404
