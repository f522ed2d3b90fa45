"""Issue 16, review of the social activities: every euro of the headline social return traces
to a line of the report. The employer's social activities (Utrecht: € 100 an hour) are a line
of their own in the employment table, so its total is the key figure, and the appendix and the
CSV list each activity with its day, description, hours, rate and amount, in both versions.

The people are test_sroi's (version C, € 186.666,66 together); the activities, by hand:
12,5 h on 5 June (€ 1.250,00) and 0,5 h on 3 November (€ 50,00): 13 h, € 1.300,00;
the social return is € 186.666,66 + € 1.300,00 = € 187.966,66.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from flask_babel import force_locale
from pypdf import PdfReader

from eteams.documents import placement_report as placement_document
from eteams.services import employers, placement, sroi
from tests import hostile
from tests.integration.test_sroi import after_the_year as after_the_year  # autouse
from tests.integration.test_sroi import employer as employer  # the shared fixture

START, END = date(2026, 1, 1), date(2026, 12, 31)
# Markup, an ampersand, right-to-left letters, and 300 characters in all.
HOSTILE = "<b>Buurt & co</b> شركة الخضراء " + "lang " * 60
HOSTILE = HOSTILE[:300].rstrip()


@pytest.fixture
def report(session, employer):  # noqa: ANN001, ANN201
    sroi.add_rule_set(session, "Utrecht", date(2020, 1, 1), *sroi.shipped_version("Utrecht", "C"),
                      actor_id=None)  # fmt: skip
    employers.add_social_activity(session, employer, date(2026, 11, 3), Decimal("0.5"), HOSTILE,
                                  actor_id=None)  # fmt: skip
    return placement.placement_report(session, employer.id, START, END)


def _pdf_text(app, report) -> str:  # noqa: ANN001
    with app.test_request_context(), force_locale("nl"):
        pdf = placement_document.render(report)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split()), pdf


def test_the_figures_hold_each_activity(report) -> None:  # noqa: ANN001
    assert [(a.day, a.hours, a.value) for a in report.activities] == [
        (date(2026, 6, 5), Decimal("12.5"), Decimal("1250.00")),
        (date(2026, 11, 3), Decimal("0.5"), Decimal("50.00")),
    ]
    assert report.activities[1].description == HOSTILE
    assert report.people_sroi == Decimal("186666.66")
    assert report.activity_sroi == Decimal("1300.00")
    assert report.total_sroi == Decimal("187966.66")


@pytest.mark.parametrize("municipal", [False, True])
def test_the_pdf_table_adds_up_to_the_headline(app, report, municipal) -> None:  # noqa: ANN001
    if municipal:
        report = placement.for_municipality(report, initials=True)
    text, pdf = _pdf_text(app, report)
    assert "Social return (SROI), zie bijlage € 187.966,66" in text
    assert "waarvan sociale activiteiten van de werkgever (13 uur) € 1.300,00" in text
    table = text.split("Dienstverband, banenafspraak en social return", 1)[1]
    table = table.split("Werk in de teams", 1)[0]
    assert "Sociale activiteiten van de werkgever, 13 uur" in table and "€ 1.300,00" in table
    # The Totaal row (paid hours, hours worked, jobs, social return) ends on the headline.
    assert "Totaal 8.068,57 0,00 0,94 € 187.966,66" in table
    # Appendix: each activity with its day, what it was, rate × hours and the amount.
    lines = text.split("Social return per medewerker, regel voor regel", 1)[1]
    assert ("Sociale activiteit of steun aan een lokaal initiatief (per uur), 5-6-2026: "
            "Workshop energie besparen in het buurthuis € 100,00 × 12,5 uur € 1.250,00") in lines  # fmt: skip
    assert "€ 100,00 × 0,5 uur € 50,00" in lines and "3-11-2026:" in lines
    assert "Totaal € 187.966,66" in lines
    assert hostile.printed(HOSTILE.split(" شركة")[0], text)  # markup and & as typed
    assert hostile.printed(HOSTILE[-100:], text)  # all 300 characters, wrapped in its cell
    hostile.assert_printed_as_typed(pdf, "شركة الخضراء")


@pytest.mark.parametrize("municipal", [False, True])
def test_the_csv_lists_each_activity(app, report, municipal) -> None:  # noqa: ANN001
    if municipal:
        report = placement.for_municipality(report, initials=False)
    with app.test_request_context():
        body = placement.report_csv(report, "nl")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    at = rows.index(["Sociale activiteiten van de werkgever"])
    assert rows[at + 1] == ["Dag", "Omschrijving", "Uren", "Regel", "Tarief (€)", "Bedrag (€)"]
    rule = "Sociale activiteit of steun aan een lokaal initiatief (per uur)"
    assert rows[at + 2 : at + 5] == [
        ["2026-06-05", "Workshop energie besparen in het buurthuis", "12,5", rule, "100,00",
         "1250,00"],
        ["2026-11-03", HOSTILE, "0,5", rule, "100,00", "50,00"],  # as typed, one cell
        ["Totaal", "", "13,0", "", "", "1300,00"],
    ]  # fmt: skip
    # Each amount recomputes from its own row: rate × hours.
    for day, _what, hours, _rule, rate, amount in rows[at + 2 : at + 4]:
        as_number = [Decimal(x.replace(",", ".")) for x in (hours, rate, amount)]
        assert as_number[0] * as_number[1] == as_number[2], day
    # The line-by-line section names the activity too, and its total is the headline.
    assert ["Werkgever", rule, "100,00 × 0,5", "50,00", f"2026-11-03: {HOSTILE}"] in rows
    assert ["Totaal", "", "", "187966,66", ""] in rows
    assert ["Social return (€)", "187966,66"] in rows  # the totals: the same figure
    assert ["waarvan sociale activiteiten van de werkgever (€)", "1300,00"] in rows


def test_the_realised_lines_name_each_activity(app, session, employer, report) -> None:  # noqa: ANN001
    """The municipality's "Gerealiseerd" appendix and CSV: the activities by day and text."""
    employers.add_sroi_contract(session, employer, employers.ContractData(
        reference="UTR-9", contract_value=Decimal(400000), starts_on=date(2026, 1, 1),
        obligation_percent=Decimal(5)), actor_id=None)  # fmt: skip
    report = placement.placement_report(session, employer.id, START, END)
    municipal = placement.for_municipality(report, initials=True)
    assert municipal.contract.realised == Decimal("187966.66")
    text, _pdf = _pdf_text(app, municipal)
    realised = text.split("Gerealiseerd onder contract UTR-9", 1)[1]
    assert "Werkgever 5-6-2026 5-6-2026 Sociale activiteit" in realised
    assert "Workshop energie besparen in het buurthuis € 100,00 12,5 uur € 1.250,00" in realised
    with app.test_request_context():
        body = placement.report_csv(municipal, "nl")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    rule = "Sociale activiteit of steun aan een lokaal initiatief (per uur)"
    assert ["Werkgever", "2026-11-03", "2026-11-03", f"{rule}: {HOSTILE}", "100,00", "", "", "",
            "0,5", "50,00"] in rows  # fmt: skip


@pytest.mark.parametrize("value", hostile.CORPUS)
def test_every_hostile_description_prints_as_typed(app, session, employer, value) -> None:  # noqa: ANN001
    """Markup, "&", right-to-left text, 300 characters: the PDF prints it as typed (no link,
    no markup, no missing glyph) and the CSV keeps it as one text cell."""
    sroi.add_rule_set(session, "Utrecht", date(2020, 1, 1), *sroi.shipped_version("Utrecht", "C"),
                      actor_id=None)  # fmt: skip
    activity = employers.add_social_activity(session, employer, date(2026, 11, 3), Decimal(2),
                                             value, actor_id=None)  # fmt: skip
    report = placement.placement_report(session, employer.id, START, END)
    for version in (report, placement.for_municipality(report, initials=True)):
        _text, pdf = _pdf_text(app, version)
        hostile.assert_printed_as_typed(pdf, value)
        with app.test_request_context():
            body = placement.report_csv(version, "nl")
        rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
        at = rows.index(["Sociale activiteiten van de werkgever"])
        assert rows[at + 3][:3] == ["2026-11-03", placement.safe_cell(activity.description), "2,0"]


@pytest.mark.parametrize("typed", ["3,25", "0.15", "NaN"])
def test_activity_hours_are_kept_as_typed_or_refused(
    client, session, employer, make_user, typed
) -> None:  # noqa: ANN001
    """The column holds one decimal: 3,25 hours would be stored as 3,2 on one database and
    3,3 on another (€ 320 or € 330), so it is refused beside the field and nothing is kept."""
    from sqlalchemy import func, select

    from eteams.models import SocialActivity
    from tests.conftest import login

    token = login(client, make_user("admin"))
    before = session.scalar(select(func.count(SocialActivity.id)))
    answer = client.post(f"/admin/employers/{employer.id}/activities", data={
        "csrf_token": token, "activity-day": "2026-06-05", "activity-hours": typed,
        "activity-description": "Workshop"})  # fmt: skip
    assert answer.status_code == 422
    page = answer.get_data(as_text=True)
    if typed != "NaN":  # (NaN: the field's own "not a number")
        assert "Uren met hoogstens één decimaal (3,5)." in page
    assert session.scalar(select(func.count(SocialActivity.id))) == before


@pytest.mark.parametrize("typed", ["0,1", "0.1", "1000"])
def test_the_bounds_of_activity_hours_are_accepted(
    client, session, employer, make_user, typed
) -> None:  # noqa: ANN001
    """0,1 and 1.000 hours are what the field's own message allows ("0,1 tot en met 1.000")."""
    from sqlalchemy import func, select

    from eteams.models import SocialActivity
    from tests.conftest import login

    token = login(client, make_user("admin"))
    before = session.scalar(select(func.count(SocialActivity.id)))
    answer = client.post(f"/admin/employers/{employer.id}/activities", data={
        "csrf_token": token, "activity-day": "2026-06-05", "activity-hours": typed,
        "activity-description": "Workshop"})  # fmt: skip
    assert answer.status_code == 302, answer.get_data(as_text=True)[-600:]
    assert session.scalar(select(func.count(SocialActivity.id))) == before + 1
