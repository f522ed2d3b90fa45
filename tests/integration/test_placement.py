"""Placement figures equal what we work out by hand from the fixture below."""

from __future__ import annotations

import base64
import io
import re
import uuid
from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest
from flask_babel import force_locale
from pypdf import PdfReader
from sqlalchemy import func, select

from eteams.documents import placement_report as placement_document
from eteams.extensions import db
from eteams.models import (
    AdviceLetter,
    Attendance,
    AuditEvent,
    Measure,
    Shift,
    TrainingRecord,
    Visit,
    VisitCoach,
    VisitInterest,
)
from eteams.models.enums import (
    AttendanceStatus,
    ContractType,
    EndReason,
    Interest,
    Language,
    Outcome,
    TargetGroup,
)
from eteams.services import placement
from tests import factories, hostile
from tests.conftest import frozen, login

START, END = date(2026, 1, 1), date(2026, 3, 31)


@pytest.fixture
def employer(session):  # noqa: ANN001, ANN201
    employer = factories.EmployerFactory(name="Groen Werk")
    anna = factories.EmployeeFactory(
        employer=employer,
        first_name="Anna",
        last_name="A",
        hired_on=date(2026, 1, 5),
        hours_per_week=Decimal(32),
    )
    # Bram is in the doelgroepregister and left mid-period; Cas too, on an unpaid trial placement.
    bram = factories.EmployeeFactory(employer=employer, first_name="Bram", last_name="B", hired_on=date(2025, 10, 1), hours_per_week=Decimal("25.5"),
                                     ended_on=date(2026, 2, 28), end_reason=EndReason.REGULAR_JOB,
                                     target_group=TargetGroup.BANENAFSPRAAK)  # fmt: skip
    factories.EmployeeFactory(employer=employer, first_name="Cas", last_name="C", hired_on=date(2026, 3, 2), hours_per_week=Decimal(20),
                              ended_on=date(2026, 4, 30), end_reason=EndReason.HEALTH,
                              target_group=TargetGroup.BANENAFSPRAAK,
                              contract_type=ContractType.TRIAL_PLACEMENT)  # fmt: skip
    factories.EmployeeFactory(first_name="Dina")  # another employer's
    team = factories.TeamFactory()
    shifts = {
        d: Shift(team=team, date=d, start_time=time(9, 30), end_time=time(12, 30))
        for d in (date(2026, 2, 2), date(2026, 2, 9), date(2026, 3, 2))
    }
    session.add_all(shifts.values())
    session.flush()
    session.add_all([
        Attendance(shift=shifts[date(2026, 2, 2)], employee=anna, status=AttendanceStatus.PRESENT, hours=Decimal(3)),
        Attendance(shift=shifts[date(2026, 2, 2)], employee=bram, status=AttendanceStatus.PRESENT, hours=Decimal("2.5")),
        Attendance(shift=shifts[date(2026, 2, 9)], employee=anna, status=AttendanceStatus.SICK, hours=Decimal(0)),
        Attendance(shift=shifts[date(2026, 2, 9)], employee=bram, status=AttendanceStatus.ABSENT, notified=True, hours=Decimal(0)),
        Attendance(shift=shifts[date(2026, 3, 2)], employee=anna, status=AttendanceStatus.PRESENT, hours=Decimal(3)),
        TrainingRecord(employee=anna, course="Energiecoach", completed_on=date(2026, 2, 15), certificate=True),
    ])  # fmt: skip
    session.add(
        Measure(key="radiator_foil", name_nl="Radiatorfolie", name_en="Foil", category="small")
    )
    a1, a2, a3 = (factories.AddressFactory() for _ in range(3))
    coach = factories.user("coach", employee=anna)

    def visit(address, outcome, when, crew, **extra):  # noqa: ANN001, ANN202
        v = Visit(uuid=uuid.uuid4(), address=address, recorded_by=coach, outcome=outcome, visited_at=when,
                  coaches=[VisitCoach(employee_id=e.id) for e in crew], **extra)  # fmt: skip
        session.add(v)
        return v

    feb, mar = datetime(2026, 2, 2, 10, tzinfo=UTC), datetime(2026, 3, 2, 10, tzinfo=UTC)
    visit(a1, Outcome.NOT_HOME, feb, [anna, bram])
    talked = visit(
        a2,
        Outcome.CONVERSATION,
        feb,
        [anna, bram],
        interests=[VisitInterest(measure_key="radiator_foil", level=Interest.INTERESTED)],
    )
    visit(a3, Outcome.CONVERSATION, feb, [anna, bram])
    visit(a1, Outcome.NOT_HOME, mar, [anna])
    session.flush()
    session.add(
        AdviceLetter(
            visit_id=talked.id,
            reference="EB-1",
            language=Language.NL,
            figures_snapshot={},
            sha256="a" * 64,
            sent_at=datetime(2026, 2, 5, tzinfo=UTC),
        )
    )
    session.flush()
    return employer


def test_figures_per_employee(session, employer) -> None:  # noqa: ANN001
    report = placement.placement_report(session, employer.id, START, END)
    rows = {e.name.split()[0]: e for e in report.employees}
    assert set(rows) == {"Anna", "Bram", "Cas"}  # never another employer's Dina
    anna, bram, cas = rows["Anna"], rows["Bram"], rows["Cas"]
    # Anna: 5 Jan – 31 Mar = 2 months + 27 days; 3 + 3 hours; sick once.
    assert (anna.months_employed, anna.hours_worked) == (Decimal("2.9"), Decimal("6.00"))
    assert (anna.shifts_present, anna.shifts_absent, anna.shifts_sick) == (2, 0, 1)
    assert (
        anna.doors_visited,
        anna.conversations,
        anna.letters_sent,
        anna.households_interested,
    ) == (3, 2, 1, 1)
    # Banenafspraak (UWV): 25.5 paid hours a week is a job, for the doelgroepregister only. Anna
    # (Participatiewet) is paid 32 × 86 days / 7 = 393.14 hours and counts no job.
    assert (anna.trainings_completed, anna.paid_hours, anna.jobs) == (
        1, Decimal("393.14"), Decimal("0.00"))  # fmt: skip
    # Bram: 1 Jan – 28 Feb = 2 whole calendar months (January and all of February); 2.5 hours;
    # absent once (with notice).
    assert (bram.months_employed, bram.hours_worked, bram.shifts_absent) == (
        Decimal("2.0"),
        Decimal("2.50"),
        1,
    )
    # Bram: 25.5 × 59 days / 7 = 214.93 paid hours; over the 90 days (12.86 weeks) of the
    # period: 214.93 / (25.5 × 90 / 7) = 0.66 of a job, not 1 (he left on 28 February).
    assert (bram.doors_visited, bram.conversations) == (3, 2)
    assert (bram.paid_hours, bram.jobs) == (Decimal("214.93"), Decimal("0.66"))
    # Cas: 2 – 31 March = 30 days = 1.0 month; no shifts yet.
    # Cas: an unpaid trial placement has no paid hours: no job, registered or not.
    assert (cas.months_employed, cas.hours_worked, cas.paid_hours, cas.jobs) == (
        Decimal("1.0"), Decimal("0.00"), Decimal("0.00"), Decimal("0.00"))  # fmt: skip


def test_totals_retention_and_outflow(session, employer) -> None:  # noqa: ANN001
    report = placement.placement_report(session, employer.id, START, END)
    assert report.total_hours == Decimal("8.50")
    assert report.total_jobs == Decimal("0.66")
    # Each visit once: Anna and Bram stood at the same three doors in February (6 per person
    # summed), Anna alone at the first again in March: 3 doors, 2 conversations, 1 letter.
    assert report.visits == {"doors": 3, "conversations": 2, "letters": 1, "interested": 1}
    retention = {r.months: (r.retained, r.eligible, r.percent) for r in report.retention}
    # Bram, hired 1 October 2025, completed 3 months on 31 December (before the period) and 6
    # on 31 March (in it); he had left for a regular job before: good outflow, no loss.
    assert retention == {3: (0, 0, None), 6: (1, 1, Decimal("100.0")), 12: (0, 0, None)}
    assert report.outflow_to_work == 1  # Bram left for a regular job; Cas's health does not count


def test_csv_opens_in_dutch_excel(app, session, employer) -> None:  # noqa: ANN001
    """Issue 16: Dutch headers and labels, a header block saying whose report it is, for which
    period and when it was made, the totals apart from the people, and no "1/1" that Excel
    reads as 1 January."""
    report = placement.placement_report(session, employer.id, START, END)
    with app.test_request_context(), frozen(datetime(2026, 4, 2, 9, tzinfo=UTC)):
        text = placement.report_csv(report)
        english = placement.report_csv(report, "en")
    lines = text.removeprefix("\ufeff").splitlines()
    assert lines[0] == "Plaatsingsrapportage;Groen Werk"
    assert lines[1] == f"KvK-nummer;{employer.kvk_number}"
    assert lines[2] == "Periode;2026-01-01;2026-03-31" and lines[3] == "Gemaakt op;2026-04-02"
    header = lines[lines.index("") + 1]
    assert header.startswith("Naam;Doelgroep;Contract;Uren per week;In dienst sinds;Uit dienst;")
    assert "_" not in header  # no snake_case
    anna = next(line for line in lines if line.startswith("Anna"))
    assert anna.startswith(
        "Anna A;Participatiewet (bijstand);Tijdelijk contract;32;2026-01-05;;;2,9;6,00;"
    )
    assert anna.endswith(";2;0;1;3;2;1;1;1;393,14;nee;0,00;;")  # not registered: no job
    totals = lines[lines.index("Totalen") :]
    assert "Gewerkte uren;8,50" in totals and "Verloonde uren (contract);608,07" in totals
    assert "Banen (banenafspraak);0,66" in totals
    assert "Deuren (elk bezoek één keer);3" in totals  # not 6: two colleagues, one door
    assert "Behoud na 6 maanden;1 van 1;100,0 %" in totals
    assert not any(re.fullmatch(r".*;\d+/\d+(;.*)?", line) for line in lines)
    en = english.removeprefix("\ufeff").splitlines()
    assert en[0] == "Placement report,Groen Werk"
    assert any(line.startswith("Name,Target group,Contract,Hours a week,") for line in en)
    assert "Jobs (banenafspraak),0.66" in en and "Retained after 6 months,1 of 1,100.0 %" in en


def test_month_arithmetic() -> None:
    assert placement.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert placement.months_between(date(2026, 1, 1), date(2026, 1, 31)) == Decimal("1.0")
    assert placement.months_between(date(2026, 3, 1), date(2026, 2, 1)) == Decimal(0)


URL = "/api/v1/employers/{}/placement-report.csv?from=2026-01-01&to=2026-03-31"


def test_employer_downloads_own_report_and_never_anothers(client, session, employer, make_user):  # noqa: ANN001
    own = make_user("employer", employer=employer)
    login(client, own)
    response = client.get(URL.format(employer.id))
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert "Anna" in text and "Dina" not in text
    other = factories.EmployeeFactory(first_name="Dina2").employer
    refused = client.get(URL.format(other.id))
    assert refused.status_code == 404
    assert "Dina2" not in refused.get_data(as_text=True)
    # The audit log says who downloaded which employer's report, without names.
    event = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "placement_report_downloaded")
    ).one()
    assert (event.actor_user_id, event.object_id) == (own.id, str(employer.id))
    assert "Anna" not in str(event.details)


def test_a_lead_sees_only_the_members_of_their_teams(client, session, employer, make_user):  # noqa: ANN001
    lead = make_user("lead")
    anna = next(p for p in employer.employees if p.first_name == "Anna")
    factories.MembershipFactory(team=factories.TeamFactory(lead_user_id=lead.id), employee=anna)
    login(client, lead)
    text = client.get(URL.format(employer.id)).get_data(as_text=True)
    assert "Anna" in text and "Bram" not in text and "Cas" not in text


def test_a_period_that_ends_before_it_starts_is_refused(client, employer, make_user):  # noqa: ANN001
    login(client, make_user("admin"))
    url = f"/api/v1/employers/{employer.id}/placement-report.csv?from=2026-04-01&to=2026-03-01"
    response = client.get(url)
    assert response.status_code == 422
    assert "De periode begint na het einde." in response.get_data(as_text=True)
    bad = client.get(f"/api/v1/employers/{employer.id}/placement-report.csv?from=gisteren")
    assert bad.status_code == 422


def test_a_name_never_becomes_a_spreadsheet_formula(session, employer) -> None:  # noqa: ANN001
    factories.EmployeeFactory(employer=employer, first_name="=HYPERLINK(1)", last_name="X",
                              hired_on=date(2026, 1, 1))  # fmt: skip
    session.flush()
    text = placement.report_csv(placement.placement_report(session, employer.id, START, END))
    assert "\n'=HYPERLINK(1) X;" in text.replace("\r\n", "\n")


def test_the_employer_page_offers_the_report_for_the_chosen_period(client, employer, make_user):  # noqa: ANN001
    login(client, make_user("employer", employer=employer))
    html = client.get("/employer/?from=2026-01-01&to=2026-03-31").get_data(as_text=True)
    period = '<input type="hidden" name="from" value="2026-01-01"><input type="hidden" name="to" value="2026-03-31">'
    assert period in html and f'name="employer_id" value="{employer.id}"' in html
    html = client.get("/employer/?from=2026-04-01&to=2026-03-01").get_data(as_text=True)
    assert "De periode begint na het einde." in html  # and the buttons fall back to this year
    assert 'name="from" value="2026-04-01"' not in html


def test_the_pdf_reads_back_with_the_hand_worked_figures(client, employer, make_user):  # noqa: ANN001
    login(client, make_user("employer", employer=employer))
    response = client.get(URL.format(employer.id).replace(".csv", ".pdf"))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.data)).pages)
    text = " ".join(text.split())
    assert "Plaatsingsrapportage Groen Werk" in text
    assert "Periode 1-1-2026 t/m 31-3-2026" in text
    assert "Gewerkte uren (uit de presentie) 8,50" in text
    assert "Verloonde uren (volgens contract, zie bijlage) 608,07" in text
    assert ("Banen volgens de banenafspraak (25,5 verloonde uren per week = 1 baan, alleen "
            "doelgroepregister) 0,66") in text  # fmt: skip
    assert "Behoud na 6 maanden 100,0 % (1 van 1)" in text
    assert "Anna A" in text and "Dina" not in text
    assert "Bijlage: zo zijn de cijfers berekend" in text and "Kennisdocument Banenafspraak" in text
    pages = len(PdfReader(io.BytesIO(response.data)).pages)
    assert f"pagina 1 van {pages}" in text and f"pagina {pages} van {pages}" in text
    # Invariant: the same report twice is the same file.
    again = client.get(URL.format(employer.id).replace(".csv", ".pdf"))
    assert again.data == response.data
    other = factories.EmployerFactory()
    assert client.get(URL.format(other.id).replace(".csv", ".pdf")).status_code == 404


def test_flask_placement_report_writes_pdf_and_csv(app, employer, tmp_path) -> None:  # noqa: ANN001
    runner = app.test_cli_runner()
    args = ["placement-report", "--employer", str(employer.id), "--from", "2026-01-01",
            "--to", "2026-03-31", "--out"]  # fmt: skip
    result = runner.invoke(args=[*args, str(tmp_path / "r.pdf")])
    assert result.exit_code == 0 and "3 employees, 0.66 jobs" in result.output
    pdf = PdfReader(tmp_path / "r.pdf")
    assert "Plaatsingsrapportage Groen Werk" in pdf.pages[0].extract_text()
    result = runner.invoke(args=[*args, str(tmp_path / "r.csv")])
    assert "Gewerkte uren;8,50" in (tmp_path / "r.csv").read_text(encoding="utf-8").splitlines()
    wrong = runner.invoke(args=[*args, str(tmp_path / "r.txt")])
    assert wrong.exit_code != 0 and "must end in .pdf or .csv" in wrong.output
    english = runner.invoke(args=[*args, str(tmp_path / "e.csv"), "--lang", "en"])
    assert english.exit_code == 0
    assert "Hours worked,8.50" in (tmp_path / "e.csv").read_text(encoding="utf-8").splitlines()
    # A file that cannot be written: a message, no traceback, and no version kept for it.
    from eteams.models import PlacementReportVersion

    with app.app_context():
        before = db.session.scalar(select(func.count(PlacementReportVersion.id)))
    gone = runner.invoke(args=[*args[:-1], "--for", "municipality", "--out",
                               str(tmp_path / "no-such-folder" / "r.pdf")])  # fmt: skip
    assert gone.exit_code == 1 and "cannot write" in gone.output and "Traceback" not in gone.output
    with app.app_context():
        after = db.session.scalar(select(func.count(PlacementReportVersion.id)))
    assert after == before
    assert not (tmp_path / "r.txt").exists()
    missing = runner.invoke(args=[*args[:2], "999999", *args[3:], str(tmp_path / "x.pdf")])
    assert missing.exit_code != 0 and "no employer with id 999999" in missing.output


def test_the_employer_page_shows_the_figures_and_the_chart(client, employer, make_user):  # noqa: ANN001
    login(client, make_user("employer", employer=employer))
    html = client.get("/employer/?from=2026-01-01&to=2026-03-31").get_data(as_text=True)
    assert '<dt>Gewerkte uren</dt><dd><span class="figure">8,50</span></dd>' in html  # as the PDF
    assert (
        '<dt>Verloonde uren (volgens contract)</dt><dd><span class="figure">608,07</span></dd>'
        in html
    )
    assert "<dt>Deuren en gesprekken van de groep (elk bezoek één keer)</dt><dd>3 / 2</dd>" in html
    assert (
        '<dt>Banen volgens de banenafspraak (25,5 verloonde uren per week is één baan, alleen het doelgroepregister)</dt><dd><span class="figure">0,66</span></dd>'
        in html
    )
    assert "100,0 % (1/1)" in html  # as the PDF
    uri = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)"', html).group(1)
    svg = base64.b64decode(uri).decode()
    assert "Anna A" in svg and "Deuren" in svg and "Gesprekken" in svg
    # Okabe-Ito blue and orange (#0072B2, #E69F00): colour-blind-safe series.
    assert "rgb(0%,44%,69%)" in svg and "rgb(90%,62%,0%)" in svg


def test_a_large_employer_gets_a_pdf_with_charts_on_every_page(session, employer) -> None:  # noqa: ANN001
    """A chart cannot split over pages: 50 people must not break the PDF (it did once)."""
    for n in range(47):
        factories.EmployeeFactory(employer=employer, first_name=f"Extra{n:02d}", last_name="Z",
                                  hired_on=date(2026, 1, 1))  # fmt: skip
    session.flush()
    report = placement.placement_report(session, employer.id, START, END)
    with force_locale("nl"):
        pdf = PdfReader(io.BytesIO(placement_document.render(report)))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert len(report.employees) == 50
    assert text.count("Deuren en gesprekken per medewerker") == 4  # 16 + 16 + 16 + 2
    assert "Extra46 Z" in text


def test_a_coordinator_chooses_one_employer_at_a_time(client, session, employer, make_user) -> None:  # noqa: ANN001
    other = factories.EmployeeFactory(first_name="Olga", last_name="O").employer
    login(client, make_user("admin"))
    html = client.get("/employer/?from=2026-01-01&to=2026-03-31").get_data(as_text=True)
    assert '<select id="report-employer" name="employer">' in html
    assert html.count('<section class="panel">') == 1  # one report per page, not one per employer
    chosen = client.get(f"/employer/?employer={other.id}&from=2026-01-01&to=2026-03-31")
    text = chosen.get_data(as_text=True)
    assert "Olga O" in text and "Anna A" not in text
    assert f'<option value="{other.id}" selected>' in text
    # An HR user has one employer: no choice to make, and asking for another shows their own.
    hr = client.application.test_client()
    login(hr, make_user("employer", employer=employer))
    own = hr.get(f"/employer/?employer={other.id}").get_data(as_text=True)
    assert "report-employer" not in own and "Olga" not in own and employer.name in own


@pytest.mark.parametrize("value", hostile.CORPUS)
def test_every_hostile_text_prints_as_typed_in_the_placement_report(
    client, session, employer, make_user, value
) -> None:  # noqa: ANN001
    """Issue 14, finding 1: an employee's or employer's name with markup made the report a
    500; the municipality's auditor must read the names as typed."""
    anna = next(p for p in employer.employees if p.first_name == "Anna")
    anna.first_name, employer.name = value[:100], value[:200]
    session.flush()
    login(client, make_user("admin"))
    response = client.get(URL.format(employer.id).replace(".csv", ".pdf"))
    assert response.status_code == 200
    hostile.assert_printed_as_typed(response.data, value)


def test_names_with_a_prefix_sort_on_the_name_itself(session) -> None:  # noqa: ANN001
    """Dutch sorting (taaladvies.net): "van der Heijden" under H (Heij before Hend), not V."""
    employer = factories.EmployerFactory()
    for last in ("van der Heijden", "Hendriks", "de Vries", "Aydın", "ten Brink"):
        factories.EmployeeFactory(employer=employer, first_name="X", last_name=last)
    session.flush()
    report = placement.placement_report(session, employer.id, START, END)
    assert [e.name.removeprefix("X ") for e in report.employees] == [
        "Aydın", "ten Brink", "van der Heijden", "Hendriks", "de Vries"]  # fmt: skip


def test_retention_counts_the_period_s_cohort_and_good_outflow_is_no_loss(session) -> None:  # noqa: ANN001
    """Issue 16: retention was counted over everyone ever employed, and leaving for a regular
    job before N months counted as not retained."""
    employer = factories.EmployerFactory()
    for hired, ended, reason in (
        (date(2025, 10, 15), None, None),  # 3-month mark 15 Jan: retained
        (date(2025, 11, 1), date(2026, 1, 10), EndReason.REGULAR_JOB),  # left for work: retained
        (date(2025, 11, 1), date(2026, 1, 10), EndReason.OTHER),  # left before the mark: lost
        (date(2024, 1, 1), None, None),  # mark long before the period: not in this cohort
    ):  # fmt: skip
        factories.EmployeeFactory(employer=employer, hired_on=hired, ended_on=ended,
                                  end_reason=reason)  # fmt: skip
    session.flush()
    report = placement.placement_report(session, employer.id, START, END)
    three = next(r for r in report.retention if r.months == 3)
    assert (three.retained, three.eligible, three.percent) == (2, 3, Decimal("66.7"))


def test_a_six_month_contract_served_to_its_end_is_retained_at_six_months(session) -> None:  # noqa: ANN001
    """Eighth review: Bram worked a six-month contract, 1 January – 30 June 2025, and counted
    as not retained at 6 months (the mark was taken as 1 July, the day after it ended)."""
    employer = factories.EmployerFactory()
    factories.EmployeeFactory(employer=employer, hired_on=date(2025, 1, 1),
                              ended_on=date(2025, 6, 30), end_reason=EndReason.OTHER)  # fmt: skip
    factories.EmployeeFactory(employer=employer, hired_on=date(2025, 1, 1),
                              ended_on=date(2025, 6, 29), end_reason=EndReason.OTHER)  # fmt: skip
    session.flush()
    report = placement.placement_report(session, employer.id, date(2025, 1, 1), date(2025, 12, 31))
    six = next(r for r in report.retention if r.months == 6)
    assert (six.retained, six.eligible) == (1, 2)  # the day before the end: not six months


def test_the_employer_page_lists_people_as_the_report_sorts_them(
    client, session, make_user
) -> None:  # noqa: ANN001
    """By surname without its prefix, accents aside (taaladvies.net): Çelik, van Dijk,
    de Vries, Yıldız — the table under the chart in the same order as the chart and PDF."""
    import re

    employer = factories.EmployerFactory(name="Volgorde B.V.")
    for first, last in (("Eva", "Yıldız"), ("Jan", "de Vries"), ("Ali", "Çelik"),
                        ("Piet", "van Dijk")):  # fmt: skip
        factories.EmployeeFactory(employer=employer, first_name=first, last_name=last,
                                  hired_on=date(2026, 1, 5))  # fmt: skip
    session.flush()
    login(client, make_user("employer", employer=employer))
    page = client.get("/employer/?from=2026-01-01&to=2026-03-31").get_data(as_text=True)
    found = [m for m in re.findall(r"Yıldız|de Vries|Çelik|van Dijk", page)]
    order = list(dict.fromkeys(found))
    assert order == ["Çelik", "van Dijk", "de Vries", "Yıldız"]
