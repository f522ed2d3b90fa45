"""A contract that changes: a trial placement that becomes a paid contract, hours that go up, a
temporary contract made permanent. Every report counts each stretch under its own terms.

Worked out by hand from the rules the report's appendix states (paid hours: hours a week × days
/ 7, a stretch at a time; banenafspraak: paid hours / (25.5 × the period's weeks), UWV's
doelgroepregister only; social return: Utrecht's building blocks, version C, 36-hour basis —
../shared/reference/sroi_utrecht_nl.md), over 2026, read on 15 January 2027:

- Lotte, in the doelgroepregister, hired 1 January on an unpaid trial placement of 24 hours;
  from 1 April a temporary contract of 28 hours. Paid: 1 April–31 December is 275 days:
  28 × 275 / 7 = 1,100.00 hours. Jobs: 1,100 / (25.5 × 365 / 7) = 0.827… → 0.83. Social
  return: doelgroepregister € 50,000 × 28/36 × 9.0/12 = 29,166.67 (nothing for the trial).
- Mo, Participatiewet, hired 1 January on a temporary contract of 32 hours; permanent from
  1 July at 32 hours, 36 hours from 1 October. Paid: 32 × 181 / 7 = 827.43, 32 × 92 / 7 =
  420.57, 36 × 92 / 7 = 473.14: 1,721.14. Not in the register: 0 jobs. Social return:
  Participatiewet € 40,000 × 32/36 × 6.0/12 = 17,777.78, × 32/36 × 3.0/12 = 8,888.89,
  × 36/36 × 3.0/12 = 10,000.00; the permanent-contract bonus (€ 10,000) only from July:
  × 32/36 × 3.0/12 = 2,222.22 and × 36/36 × 3.0/12 = 2,500.00. Together 41,388.89 (valued on
  the hiring date's terms alone it was 35,555.56 and no bonus).
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from eteams.models import AuditEvent, ContractChange, Employee
from eteams.models.enums import ContractType, TargetGroup
from eteams.services import clock, employers, placement, sroi
from eteams.services.errors import ValidationError
from tests import factories
from tests.conftest import csrf_from, frozen, login
from tests.html_forms import edit_form, post_forms

START, END = date(2026, 1, 1), date(2026, 12, 31)


@pytest.fixture(autouse=True)
def after_the_year():  # noqa: ANN201
    with frozen(datetime(2027, 1, 15, 10, tzinfo=clock.LOCAL)):
        yield


@pytest.fixture
def people(session):  # noqa: ANN001, ANN201
    employer = factories.EmployerFactory(name="Wissel B.V.", municipality="Utrecht")
    source, table = sroi.shipped_version("Utrecht", "C")
    sroi.add_rule_set(session, "Utrecht", date(2020, 1, 1), source, table, actor_id=None)
    lotte = factories.EmployeeFactory(
        employer=employer, first_name="Lotte", last_name="Test", birth_year=2003,
        target_group=TargetGroup.BANENAFSPRAAK, hired_on=START,
        contract_type=ContractType.TRIAL_PLACEMENT, hours_per_week=Decimal(24),
    )  # fmt: skip
    mo = factories.EmployeeFactory(employer=employer, first_name="Mo", last_name="Test",
                                   birth_year=1990, hired_on=START)  # fmt: skip
    session.flush()
    employers.add_contract_change(session, lotte, date(2026, 4, 1), ContractType.TEMPORARY,
                                  Decimal(28), actor_id=None)  # fmt: skip
    employers.add_contract_change(session, mo, date(2026, 7, 1), ContractType.PERMANENT,
                                  Decimal(32), actor_id=None)  # fmt: skip
    employers.add_contract_change(session, mo, date(2026, 10, 1), ContractType.PERMANENT,
                                  Decimal(36), actor_id=None)  # fmt: skip
    return {"employer": employer, "lotte": lotte, "mo": mo}


def _rows(session, people, start=START, end=END):  # noqa: ANN001, ANN202
    report = placement.placement_report(session, people["employer"].id, start, end)
    return report, {e.name.split()[0]: e for e in report.employees}


def test_paid_hours_jobs_and_social_return_count_each_stretch(session, people) -> None:  # noqa: ANN001
    report, rows = _rows(session, people)
    lotte, mo = rows["Lotte"], rows["Mo"]
    assert [t.paid_hours for t in lotte.terms] == [Decimal("0.00"), Decimal("1100.00")]
    assert lotte.paid_hours == Decimal("1100.00") and lotte.jobs == Decimal("0.83")
    assert {line.key: str(line.value) for line in lotte.sroi_lines} == {
        "doelgroepregister": "29166.67"
    }
    assert [t.paid_hours for t in mo.terms] == [Decimal("827.43"), Decimal("420.57"),
                                                Decimal("473.14")]  # fmt: skip
    assert mo.paid_hours == Decimal("1721.14") and mo.jobs == Decimal("0.00")
    assert [(line.key, str(line.value)) for line in mo.sroi_lines] == [
        ("participatiewet", "17777.78"), ("participatiewet", "8888.89"),
        ("participatiewet", "10000.00"), ("permanent_contract", "2222.22"),
        ("permanent_contract", "2500.00"),
    ]  # fmt: skip
    assert mo.sroi_value == Decimal("41388.89")
    assert report.total_paid_hours == Decimal("2821.14")
    assert report.total_sroi == Decimal("29166.67") + Decimal("41388.89")
    # The terms on the peildatum stand in the person's row; each stretch is kept.
    assert (mo.contract_type, mo.hours_per_week) == ("permanent", Decimal(36))
    assert [t.months for t in mo.terms] == [Decimal("6.0"), Decimal("3.0"), Decimal("3.0")]


def test_a_period_inside_one_stretch_is_that_stretch_alone(session, people) -> None:  # noqa: ANN001
    _report, rows = _rows(session, people, START, date(2026, 3, 31))
    assert not rows["Lotte"].terms_changed
    assert rows["Lotte"].contract_type == "trial_placement"
    assert rows["Lotte"].paid_hours == 0 and rows["Lotte"].sroi_value == 0
    # From the day of the change on: the new terms only (the change's day counts under them).
    _report, rows = _rows(session, people, date(2026, 4, 1), date(2026, 4, 30))
    assert not rows["Lotte"].terms_changed and rows["Lotte"].contract_type == "temporary"
    assert rows["Lotte"].paid_hours == Decimal("120.00")  # 28 × 30 / 7


def test_the_pdf_and_csv_show_each_stretch(app, session, people) -> None:  # noqa: ANN001
    from eteams.documents import placement_report as document

    report = placement.issue(session, placement.placement_report(
        session, people["employer"].id, START, END), None)  # fmt: skip
    with app.test_request_context():  # a reader's request: Dutch
        pdf = document.render(report)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Proefplaatsing → Tijdelijk contract" in text and "24 → 28" in text
    assert "Contractwijzigingen in de periode" in text
    assert "28 × 275 dagen / 7 = 1.100,00" in text
    assert "€ 50.000,00 × 28/36 × 9,0/12 (1-4-2026 t/m 31-12-2026)" in text
    assert "€ 10.000,00 × 32/36 × 3,0/12 (1-7-2026 t/m 30-9-2026)" in text
    with app.test_request_context():
        rows = list(csv.reader(io.StringIO(placement.report_csv(report).lstrip("\ufeff")),
                               delimiter=";"))  # fmt: skip
    header = next(r for r in rows if r and r[0] == "Naam")
    lotte = next(r for r in rows if r and r[0] == "Lotte Test")
    assert lotte[header.index("Contract")] == "Proefplaatsing → Tijdelijk contract"
    assert lotte[header.index("Uren per week")] == "24 → 28"
    start = rows.index(["Contractwijzigingen in de periode"])
    stretches = [r for r in rows[start + 2 : start + 7] if r]
    assert stretches[1] == ["Lotte Test", "2026-04-01", "2026-12-31", "Tijdelijk contract", "28", "9,0",
                            "1100,00"]  # fmt: skip
    assert [r[0] for r in stretches] == ["Lotte Test"] * 2 + ["Mo Test"] * 3


@pytest.mark.parametrize(
    ("starts_on", "kind", "hours", "field", "message"),
    [
        (date(2026, 1, 1), ContractType.PERMANENT, Decimal(32), "starts_on",
         "Een wijziging begint na de datum van indiensttreding"),
        (date(2025, 12, 31), ContractType.PERMANENT, Decimal(32), "starts_on",
         "Een wijziging begint na de datum van indiensttreding"),
        (date(2026, 7, 1), ContractType.TEMPORARY, Decimal(20), "starts_on",
         "Er staat al een wijziging vanaf deze dag"),
        (date(2026, 8, 1), ContractType.PERMANENT, Decimal(32), "contract_type",
         "golden op die dag al"),
        (date(2026, 8, 1), ContractType.PERMANENT, Decimal(0), "hours_per_week", "1 tot en met 40"),
        (date(2026, 8, 1), ContractType.PERMANENT, Decimal(41), "hours_per_week", "1 tot en met 40"),
        (date(2026, 8, 1), ContractType.PERMANENT, Decimal("24.333"), "hours_per_week",
         "hoogstens één decimaal"),
    ],
)  # fmt: skip
def test_a_wrong_change_is_refused_and_changes_nothing(
    app, session, people, starts_on, kind, hours, field, message
) -> None:  # noqa: ANN001
    mo = people["mo"]
    before = (session.scalar(select(func.count(ContractChange.id))),
              session.scalar(select(func.count(AuditEvent.id))))  # fmt: skip
    with app.test_request_context(), pytest.raises(ValidationError) as refused:
        employers.add_contract_change(session, mo, starts_on, kind, hours, actor_id=None)
    assert any(message in m for m in refused.value.fields[field])
    after = (session.scalar(select(func.count(ContractChange.id))),
             session.scalar(select(func.count(AuditEvent.id))))  # fmt: skip
    assert after == before


def test_the_employment_dates_keep_the_changes_inside(client, session, people, make_user) -> None:  # noqa: ANN001
    """Moving the hiring date past a change, or the end before one, is refused with a message
    that says which change; the form keeps what was typed and nothing is saved."""
    login(client, make_user("admin"))
    lotte = people["lotte"]
    url = f"/admin/employees/{lotte.id}"
    form = edit_form(client.get(url).get_data(as_text=True), url).data()
    moved = {**form, "hired_on": ["2026-05-01"]}
    response = client.post(url, data=moved)
    assert response.status_code == 200  # the form again, with the message
    assert "Er staat een contractwijziging vanaf 1 april 2026" in response.get_data(as_text=True)
    ended = {**form, "ended_on": ["2026-03-15"], "end_reason": ["regular_job"]}
    response = client.post(url, data=ended)
    assert "de einddatum kan niet eerder liggen" in response.get_data(as_text=True)
    session.expire_all()
    assert session.get(Employee, lotte.id).hired_on == START
    assert session.get(Employee, lotte.id).ended_on is None
    # Unchanged, the form saves, and the hiring date's terms stay the hiring date's.
    response = client.post(url, data=form)
    assert response.status_code == 302
    session.expire_all()
    saved = session.get(Employee, lotte.id)
    assert (saved.contract_type, saved.hours_per_week) == (ContractType.TRIAL_PLACEMENT, 24)
    assert [c.starts_on for c in saved.contract_changes] == [date(2026, 4, 1)]


def test_the_admin_records_and_removes_a_change_on_the_page(
    client, session, people, make_user
) -> None:  # noqa: ANN001
    login(client, make_user("admin"))
    mo = people["mo"]
    page = client.get(f"/admin/employees/{mo.id}").get_data(as_text=True)
    assert "Contract en uren door de tijd" in page and "1 jul 2026" in page
    token = csrf_from(page)
    url = f"/admin/employees/{mo.id}/contract-changes"
    form = next(f for f in post_forms(page) if f.action == url)  # as the browser sends it
    data = {**form.data(), "change-starts_on": "2026-12-01",
            "change-contract_type": "permanent", "change-hours_per_week": "38"}  # fmt: skip
    assert "change-csrf_token" in data
    response = client.post(url, data=data)
    assert response.status_code == 302
    page = client.get(f"/admin/employees/{mo.id}").get_data(as_text=True)
    assert "Contractwijziging vastgelegd." in page and "1 dec 2026" in page
    # The list of employees shows the terms in force today (15 January 2027).
    listed = client.get("/admin/employees").get_data(as_text=True)
    row = listed[listed.index("Mo Test") :].split("</tr>")[0]
    assert "Vast" in row and "38" in row
    # A wrong one: refused with the message next to the field, nothing saved.
    response = client.post(url, data={**data, "change-starts_on": "2027-12-01",
                                      "change-hours_per_week": "0"})  # fmt: skip
    assert response.status_code == 422
    refused = response.get_data(as_text=True)
    assert 'id="change-hours_per_week-error">Vul de uren per week in: 1 tot en met 40.' in refused
    session.expire_all()
    changes = session.get(Employee, mo.id).contract_changes
    assert [c.starts_on for c in changes] == [
        date(2026, 7, 1),
        date(2026, 10, 1),
        date(2026, 12, 1),
    ]
    # Another employee's change cannot be removed through this one.
    lotte_change = people["lotte"].contract_changes[0]
    gone = client.post(f"/admin/employees/{mo.id}/contract-changes/{lotte_change.id}/delete",
                       data={"csrf_token": token})  # fmt: skip
    assert gone.status_code == 404
    removed = client.post(f"/admin/employees/{mo.id}/contract-changes/{changes[-1].id}/delete",
                          data={"csrf_token": token})  # fmt: skip
    assert removed.status_code == 302
    session.expire_all()
    assert len(session.get(Employee, mo.id).contract_changes) == 2
    assert len(session.get(Employee, people["lotte"].id).contract_changes) == 1
    actions = session.scalars(select(AuditEvent.action).where(
        AuditEvent.object_id == str(mo.id), AuditEvent.action.like("contract_change%"))).all()  # fmt: skip
    assert sorted(actions) == ["contract_change_removed", "contract_changed", "contract_changed",
                               "contract_changed"]  # fmt: skip
    assert all("Mo" not in str(e.details) for e in session.scalars(select(AuditEvent)))


def test_the_api_round_trip_keeps_the_changes(client, session, people, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("admin"))
    headers = {"X-CSRFToken": token}
    mo = people["mo"]
    url = f"/api/v1/employees/{mo.id}"
    read = client.get(url).get_json()
    assert [c["starts_on"] for c in read["contract_changes"]] == ["2026-07-01", "2026-10-01"]
    assert read["current_contract"] == {"since": "2026-10-01", "contract_type": "permanent",
                                        "hours_per_week": 36.0}  # fmt: skip
    assert (read["contract_type"], read["hours_per_week"]) == ("temporary", 32.0)
    # Written back unchanged (the read-only fields with it): nothing changes.
    body = {k: v for k, v in read.items() if k != "id"}
    assert client.patch(url, json=body, headers=headers).status_code == 200
    assert client.get(url).get_json() == read
    # One change added on 29 February of a leap year, then removed.
    added = client.post(f"{url}/contract-changes", headers=headers, json={
        "starts_on": "2028-02-29", "contract_type": "temporary", "hours_per_week": 24})  # fmt: skip
    assert added.status_code == 201, added.get_json()
    again = client.get(url).get_json()
    assert [c["starts_on"] for c in again["contract_changes"]][-1] == "2028-02-29"
    assert again["current_contract"]["contract_type"] == "permanent"  # not yet: it is 2027
    refused = client.post(f"{url}/contract-changes", headers=headers, json={
        "starts_on": "2028-02-29", "contract_type": "permanent", "hours_per_week": 20})  # fmt: skip
    assert refused.status_code == 422
    assert "Er staat al een wijziging" in str(refused.get_json()["fields"])
    change_id = added.get_json()["id"]
    other = people["lotte"].id
    assert client.delete(f"/api/v1/employees/{other}/contract-changes/{change_id}",
                         headers=headers).status_code == 404  # fmt: skip
    assert client.delete(f"{url}/contract-changes/{change_id}", headers=headers).status_code == 204
    assert client.get(url).get_json() == read


def test_a_coach_or_employer_cannot_change_a_contract(client, session, people, make_user) -> None:  # noqa: ANN001
    hr = make_user("employer", employer=people["employer"])
    token = login(client, hr)
    response = client.post(f"/api/v1/employees/{people['mo'].id}/contract-changes",
                           headers={"X-CSRFToken": token}, json={
        "starts_on": "2026-12-01", "contract_type": "temporary", "hours_per_week": 10})  # fmt: skip
    assert response.status_code in (403, 404)
    session.expire_all()
    assert len(session.get(Employee, people["mo"].id).contract_changes) == 2


def test_social_activity_hours_are_recorded_on_the_page_and_valued(
    app, client, session, people, make_user
) -> None:  # noqa: ANN001
    """The hourly line of Utrecht's table (€ 100 an hour of social activity) had no way in:
    the hours are recorded on the employer's page, and the report values them: 12,5 hours ×
    € 100 = € 1.250,00. A wrong entry is refused with its message and changes nothing."""
    from eteams.models import SocialActivity

    login(client, make_user("admin"))
    employer = people["employer"]
    url = f"/admin/employers/{employer.id}"
    page = client.get(url).get_data(as_text=True)
    assert "Maatschappelijke activiteiten" in page
    action = f"{url}/activities"
    form = next(f for f in post_forms(page) if f.action == action).data()
    for bad, message in [
        ({"activity-hours": ["0"]}, "Vul 0,1 tot en met 1.000 uur in."),
        ({"activity-hours": ["12,5"], "activity-description": ["\u200b "]}, "Dit veld is vereist"),
        ({"activity-hours": ["12,5"], "activity-day": ["2027-02-01"]}, "niet na vandaag"),
    ]:
        data = {**form, "activity-day": ["2026-06-05"],
                "activity-description": ["Workshop <b>energie & besparen"], **bad}  # fmt: skip
        response = client.post(action, data=data)
        assert response.status_code == 422 and message in response.get_data(as_text=True), bad
    assert session.scalar(select(func.count(SocialActivity.id))) == 0
    data = {**form, "activity-day": ["2026-06-05"], "activity-hours": ["12,5"],
            "activity-description": ["Workshop <b>energie & besparen"]}  # fmt: skip
    assert client.post(action, data=data).status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "Workshop &lt;b&gt;energie &amp; besparen" in page and "12,5" in page
    report = placement.placement_report(session, employer.id, START, END)
    assert report.activity_hours == Decimal("12.5")
    assert [line.value for line in report.activity_lines] == [Decimal("1250.00")]
    assert report.total_sroi == Decimal("29166.67") + Decimal("41388.89") + Decimal("1250.00")
    activity = session.scalars(select(SocialActivity)).one()
    other = factories.EmployerFactory()
    session.commit()
    assert client.post(f"/admin/employers/{other.id}/activities/{activity.id}/delete",
                       data={"csrf_token": csrf_from(page)}).status_code == 404  # fmt: skip
    assert client.post(f"{url}/activities/{activity.id}/delete",
                       data={"csrf_token": csrf_from(page)}).status_code == 302  # fmt: skip
    assert session.scalar(select(func.count(SocialActivity.id))) == 0
    details = [str(e.details) for e in session.scalars(select(AuditEvent).where(
        AuditEvent.action.like("social_activity%")))]  # fmt: skip
    assert len(details) == 2 and not any("Workshop" in d for d in details)


def test_a_persons_months_add_up_from_the_stretches_over_29_february(session, people) -> None:  # noqa: ANN001
    """Issue 16, ninth review: hired 31 January 2024, permanent from 29 February: the person's
    row said 11,0 months while the stretches (1,0 + 10,1) and the social-return lines used
    11,1. The row is the sum of the stretches."""
    kees = factories.EmployeeFactory(employer=people["employer"], first_name="Kees",
                                     last_name="Schrikkel", hired_on=date(2024, 1, 31))  # fmt: skip
    session.flush()
    employers.add_contract_change(session, kees, date(2024, 2, 29), ContractType.PERMANENT,
                                  Decimal(32), actor_id=None)  # fmt: skip
    report = placement.placement_report(session, people["employer"].id, date(2024, 1, 1),
                                        date(2024, 12, 31))  # fmt: skip
    row = next(e for e in report.employees if e.name == "Kees Schrikkel")
    # 31 January–28 February: 29 days = 0 months + 29/30 → 1,0; 29 February–31 December:
    # 10 months (29 February–28 December) + 3 days / 30 → 10,1.
    assert [t.months for t in row.terms] == [Decimal("1.0"), Decimal("10.1")]
    assert row.months_employed == Decimal("11.1")
    yearly = [line.months for line in row.sroi_lines if line.per == "year"]
    assert sum(yearly[:2]) == row.months_employed  # the category's two lines


def test_a_patch_refuses_contract_changes_instead_of_dropping_them(
    client, session, people, make_user
) -> None:  # noqa: ANN001
    """Issue 16, tenth review: PATCH with ``contract_changes`` answered 200 and changed
    nothing. Sent back as read it is still fine (above); with other values it is refused,
    naming the field and where changes are made, and nothing changes."""
    headers = {"X-CSRFToken": login(client, make_user("admin"))}
    url = f"/api/v1/employees/{people['mo'].id}"
    read = client.get(url).get_json()
    changes = [{"starts_on": "2026-08-01", "contract_type": "permanent", "hours_per_week": 36}]
    for body in ({"contract_changes": changes, "hours_per_week": 30},
                 {"current_contract": {"since": "2026-08-01", "contract_type": "permanent",
                                       "hours_per_week": 36}},
                 {"id": read["id"] + 1}, {"training_records": [{"course": "X"}]}):  # fmt: skip
        refused = client.patch(url, json=body, headers=headers)
        assert refused.status_code == 422, (body, refused.get_data(as_text=True))
        fields = refused.get_json()["fields"]
        assert set(fields) == set(body) - {"hours_per_week"}, fields
        assert client.get(url).get_json() == read  # the hours did not change either
    said = client.patch(url, json={"contract_changes": changes}, headers=headers).get_json()
    assert "/contract-changes" in said["fields"]["contract_changes"][0]
    employer = f"/api/v1/employers/{people['employer'].id}"
    assert client.patch(employer, json={"id": 0}, headers=headers).status_code == 422
