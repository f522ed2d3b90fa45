"""Social return: the report's euros equal euros worked out by hand from a rule table.

The amounts below are test figures, not a municipality's: what is tested is the rule
arithmetic (pro rata by hours and months, yearly and one-off bonuses, versions).
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from flask_babel import force_locale
from pypdf import PdfReader
from sqlalchemy import select

from eteams.documents import placement_report as placement_document
from eteams.models import AuditEvent, SroiRuleSet, TrainingRecord
from eteams.models.enums import TargetGroup
from eteams.services import placement, sroi
from eteams.services.errors import ValidationError
from tests.conftest import login
from tests.integration.test_placement import END, START
from tests.integration.test_placement import employer as employer  # the shared fixture

AMOUNTS = {
    "base.participatiewet": Decimal(30000),
    "base.ww": Decimal(20000),
    "bonus.status_holder": Decimal(6000),
    "bonus.under_27": Decimal(3000),
    "bonus.outflow_to_work": Decimal(2500),
    "bonus.certificate": Decimal(500),
}


@pytest.fixture
def rules(session, employer):  # noqa: ANN001, ANN201
    people = {p.first_name: p for p in employer.employees}
    anna, bram, cas = people["Anna"], people["Bram"], people["Cas"]
    anna.status_holder, anna.birth_year = True, 2001  # 25 in 2026: younger than 27
    bram.target_group, bram.birth_year = TargetGroup.WW, 1970
    cas.target_group = TargetGroup.NO_BENEFIT  # no amount for this group: counts €0
    cas.birth_year = 2004  # younger than 27 and a certificate: still €0 (bonuses need a base)
    cas.training_records.append(
        TrainingRecord(course="VCA", completed_on=date(2026, 3, 20), certificate=True)
    )
    version = sroi.add_rule_set(
        session, "Utrecht", date(2026, 1, 1), "test figures", AMOUNTS, actor_id=None
    )
    session.flush()
    return version


def test_social_return_by_hand(session, employer, rules) -> None:  # noqa: ANN001
    report = placement.placement_report(session, employer.id, START, END)
    rows = {e.name.split()[0]: e for e in report.employees}
    # Anna: 32 h, 2.9 months → factor 32/36 × 2.9/12 = 0.2148148…
    #   base 30,000 × f = 6,444.44; status holder 6,000 × f = 1,288.89;
    #   younger than 27: 3,000 × f = 644.44; one certificate in the period: 500.00
    assert rows["Anna"].sroi_value == Decimal("8877.77")
    assert {line.key: line.value for line in rows["Anna"].sroi_lines} == {
        "base.participatiewet": Decimal("6444.44"),
        "bonus.status_holder": Decimal("1288.89"),
        "bonus.under_27": Decimal("644.44"),
        "bonus.certificate": Decimal("500.00"),
    }
    # Bram: WW, 25.5 h, 1.9 months → 25.5/36 × 1.9/12 = 0.1121527…; 20,000 × f = 2,243.06;
    #   left for a regular job in the period: + 2,500. Born 1970: no 50+ amount in this table.
    assert rows["Bram"].sroi_value == Decimal("4743.06")
    assert rows["Cas"].sroi_value == Decimal(0)
    assert report.total_sroi == Decimal("13620.83")
    assert report.sroi_table.version == 1


def test_the_version_valid_at_the_period_end_applies(session, employer, rules) -> None:  # noqa: ANN001
    raised = {**AMOUNTS, "base.participatiewet": Decimal(36000)}
    v2 = sroi.add_rule_set(
        session, "utrecht", date(2026, 4, 1), "new figures", raised, actor_id=None
    )
    assert (v2.version, v2.municipality) == (2, "Utrecht")
    first_quarter = placement.placement_report(session, employer.id, START, END)
    assert first_quarter.sroi_table.version == 1  # the report of Q1 keeps its euros
    assert first_quarter.total_sroi == Decimal("13620.83")
    april = placement.placement_report(session, employer.id, START, date(2026, 4, 30))
    assert april.sroi_table.version == 2
    # Another municipality's employer gets nothing from Utrecht's table.
    employer.municipality = "Amersfoort"
    session.flush()
    elsewhere = placement.placement_report(session, employer.id, START, END)
    assert elsewhere.sroi_table is None and elsewhere.total_sroi is None
    assert all(e.sroi_value is None for e in elsewhere.employees)


def test_bad_rule_sets_are_refused_and_change_nothing(session) -> None:  # noqa: ANN001
    before = session.scalar(select(SroiRuleSet.id).limit(1))
    with pytest.raises(ValidationError) as error:
        sroi.add_rule_set(
            session, "Utrecht", date(2026, 1, 1), "", {"bonus.certificate": 5}, actor_id=None
        )
    assert "base.participatiewet" in error.value.fields  # no yearly amount at all
    with pytest.raises(ValidationError) as error:
        sroi.add_rule_set(
            session, "Utrecht", date(2026, 1, 1), "", {"base.ww": Decimal(-1)}, actor_id=None
        )
    assert "base.ww" in error.value.fields
    sroi.add_rule_set(
        session, "Utrecht", date(2026, 1, 1), "", {"base.ww": Decimal(1)}, actor_id=None
    )
    with pytest.raises(ValidationError) as error:
        sroi.add_rule_set(
            session, "UTRECHT", date(2026, 1, 1), "", {"base.ww": Decimal(2)}, actor_id=None
        )
    assert "valid_from" in error.value.fields
    assert before is None
    assert session.scalar(select(SroiRuleSet.version)) == 1


def test_the_pdf_and_csv_state_every_rule(app, session, employer, rules) -> None:  # noqa: ANN001
    report = placement.placement_report(session, employer.id, START, END)
    with force_locale("nl"):
        pdf = PdfReader(io.BytesIO(placement_document.render(report)))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Social return (SROI), zie bijlage € 13.620,83" in text
    assert "regeltabel Utrecht versie 1, geldig vanaf 2026-01-01 (bron: test figures)" in text
    assert "uren per week / 36 × maanden in dienst / 12" in text
    assert "Per jaar van 36 uur, doelgroep Participatiewet € 30.000,00" in text
    assert "Bonus per jaar van 36 uur voor een statushouder € 6.000,00" in text
    assert "Eenmalig per opleiding met certificaat, afgerond in de periode € 500,00" in text
    assert "€ 8.877,77" in text  # in euros with thousands separators (a bare 238214,69 overprinted)
    with app.test_request_context():
        csv = placement.report_csv(report)
    anna = next(line for line in csv.splitlines() if line.startswith("Anna"))
    assert anna.endswith(";393,14;0,00;8877,77")  # paid hours; no banenafspraak job; SROI
    assert "Social return (€);13620,83" in csv.splitlines()
    assert "Social return;regeltabel Utrecht versie 1, geldig vanaf 2026-01-01" in csv


def test_without_a_rule_table_the_report_says_so(session, employer) -> None:  # noqa: ANN001
    report = placement.placement_report(session, employer.id, START, END)
    with force_locale("nl"):
        pdf = PdfReader(io.BytesIO(placement_document.render(report)))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Social return (SROI), zie bijlage niet berekend" in text
    assert "geen SROI-regeltabel voor gemeente Utrecht geldig op 2026-03-31" in text


def test_the_admin_adds_a_version_from_the_previous_one(client, session, rules, make_user):  # noqa: ANN001
    admin = make_user("admin")
    token = login(client, admin)
    page = client.get("/admin/sroi/").get_data(as_text=True)
    assert "Utrecht" in page and "versie 1" in page and "30.000,00" in page
    form = client.get("/admin/sroi/new?municipality=Utrecht").get_data(as_text=True)
    assert 'value="30000.00"' in form  # prefilled from version 1
    data = {
        "municipality": "Utrecht",
        "valid_from": "2027-01-01",
        "source": "Raadsbesluit 2026",
        "base__participatiewet": "31.000,00",  # typed the Dutch way
        "bonus__status_holder": "€ 6000",
        "csrf_token": token,
    }
    response = client.post("/admin/sroi/new", data=data, follow_redirects=True)
    assert response.status_code == 200 and "Versie 2 van Utrecht opgeslagen" in response.get_data(
        as_text=True
    )
    v2 = session.scalars(select(SroiRuleSet).where(SroiRuleSet.version == 2)).one()
    assert v2.amount("base.participatiewet") == Decimal(31000)
    assert v2.amount("base.ww") is None  # left empty: that group does not count in v2
    assert rules.amount("base.participatiewet") == Decimal(30000)  # v1 never changes
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "sroi_rules_added").order_by(AuditEvent.id)
    )
    # Version 1 came in through the service with no one signed in (the fixture).
    assert [(e.actor_user_id, e.details["version"]) for e in events] == [(None, 1), (admin.id, 2)]
    # Bad input: a clear message next to the field, nothing saved.
    bad = client.post("/admin/sroi/new", data={**data, "valid_from": "2027-01-01"})
    assert bad.status_code == 422
    assert "Deze gemeente heeft al regels vanaf deze datum." in bad.get_data(as_text=True)
    negative = client.post(
        "/admin/sroi/new", data={**data, "valid_from": "2028-01-01", "base__ww": "-5"}
    )
    assert negative.status_code == 422
    assert session.scalar(select(SroiRuleSet.version).order_by(SroiRuleSet.version.desc())) == 2


@pytest.mark.parametrize("role", ["lead", "coach", "employer"])
def test_only_the_admin_edits_rules(client, make_user, role) -> None:  # noqa: ANN001
    token = login(client, make_user(role))
    assert client.get("/admin/sroi/").status_code == 404
    refused = client.post("/admin/sroi/new", data={"municipality": "X", "csrf_token": token})
    assert refused.status_code == 404


def test_the_employer_page_shows_the_social_return(client, employer, rules, make_user) -> None:  # noqa: ANN001
    login(client, make_user("employer", employer=employer))
    html = client.get("/employer/?from=2026-01-01&to=2026-03-31").get_data(as_text=True)
    assert "<dt>Social return (SROI)</dt><dd>€\xa013.620,83" in html
    assert "regels van Utrecht, versie 1" in html
    html = client.get("/employer/?from=2025-01-01&to=2025-12-31").get_data(as_text=True)
    assert "niet berekend: geen regeltabel voor Utrecht" in html
