"""Issue 16: two versions of one report. The employer's own names people and counts
attendance and sickness; the municipality's (for its social-return officer) holds no health
data — no sickness or absence, no "health" as a reason for leaving, no WIA/Wajong benefit per
person — with names or initials, from the same figures."""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime
from decimal import Decimal

from flask_babel import force_locale
from pypdf import PdfReader

from eteams.documents import placement_report as placement_document
from eteams.models.enums import ContractType, TargetGroup
from eteams.services import placement, sroi
from tests import factories
from tests.conftest import dutch, login
from tests.integration.test_placement import END, START
from tests.integration.test_placement import employer as employer  # the shared fixture

HEALTH = re.compile(r"ziek|gezondheid|wia|wajong|wao|sick|health", re.IGNORECASE)


def _report(session, employer):  # noqa: ANN001, ANN202
    sroi.seed(session)  # Utrecht's current table
    factories.EmployeeFactory(employer=employer, first_name="Wim", last_name="van der Wal",
                              target_group=TargetGroup.WIA, hired_on=date(2026, 1, 5),
                              contract_type=ContractType.TEMPORARY, hours_per_week=Decimal(20))  # fmt: skip
    factories.EmployeeFactory(employer=employer, first_name="Yara", last_name="de Zwart",
                              target_group=TargetGroup.WAJONG, doelgroepregister=True,
                              hired_on=date(2026, 1, 5), contract_type=ContractType.TEMPORARY,
                              hours_per_week=Decimal(18))  # fmt: skip
    factories.EmployeeFactory(employer=employer, first_name="Wanda", last_name="Visser",
                              hired_on=date(2026, 2, 2))  # fmt: skip
    factories.EmployeeFactory(employer=employer, first_name="Willem", last_name="Vos",
                              hired_on=date(2026, 2, 2))  # "W. V." as well  # fmt: skip
    session.flush()
    return placement.placement_report(session, employer.id, START, END)


def _pdf_text(app, report) -> str:  # noqa: ANN001
    with app.test_request_context(), force_locale("nl"):  # as the download renders it
        pdf = PdfReader(io.BytesIO(placement_document.render(report)))
    return " ".join(" ".join(page.extract_text() for page in pdf.pages).split())


def test_the_municipalitys_version_holds_no_health_data(app, session, employer) -> None:  # noqa: ANN001
    report = _report(session, employer)
    own = _pdf_text(app, report)
    assert "Ziek" in own and "Gezondheid" in own and "WIA / WAO" in own  # the employer's
    assert "Wajong" in own.replace("WIA / WAO", "")  # its own group since 2026-12-03
    municipal = placement.for_municipality(report, initials=False)
    text = _pdf_text(app, municipal)
    # The municipality's own published rule table may name its categories; no person's line may.
    assert placement_document.MUNICIPAL_NOTICE in text  # says what it leaves out, and why
    shown = text.replace(placement_document.MUNICIPAL_NOTICE, "")
    people = shown.split("Regel Telt Bedrag")[0]  # up to the rule table
    lines = shown.split("Medewerker Regel Berekening", 1)[1]  # each person's lines
    assert not HEALTH.search(people), HEALTH.search(people)
    assert not HEALTH.search(lines), HEALTH.search(lines)
    assert "Wim van der Wal" in text and "Categorie met een jaarbedrag van € 40.000" in lines
    with app.test_request_context():
        for language in ("nl", "en"):
            csv = placement.report_csv(municipal, language)
            assert not HEALTH.search(csv.replace("without health data", "")
                                     .replace("zonder gezondheidsgegevens", "")), language  # fmt: skip


def test_a_category_amount_never_points_to_a_disability_benefit(app, session, employer) -> None:  # noqa: ANN001
    """Issue 16, ninth review: a table where WIA/WAO is worth € 45.000 (no other category is):
    the person's line said "Categorie met een jaarbedrag van € 45.000" and the appendix's rule
    table said "WIA- of WAO-uitkering … € 45.000,00": together they named the benefit. In the
    municipality's version the rule table names no disability benefit either."""
    source, table = sroi.shipped_version("Utrecht", "C")
    table = json.loads(json.dumps(table))
    for rule in table["rules"]:
        if rule["key"] == "wia_wao":
            rule["amount"] = 45000
    sroi.add_rule_set(session, "Utrecht", date(2025, 1, 1), source, table, actor_id=None)
    report = _report(session, employer)
    own = _pdf_text(app, report)
    assert "WIA- of WAO-uitkering" in own  # the employer's own version names it
    text = _pdf_text(app, placement.for_municipality(report, initials=True))
    shown = text.replace(placement_document.MUNICIPAL_NOTICE, "")
    assert not HEALTH.search(shown), HEALTH.search(shown)
    assert "Categorie met een jaarbedrag van € 45.000 — de voorwaarde is een bijzonder" in shown
    assert "staat niet in deze versie; het bewijs ligt bij de werkgever" in shown


def test_both_versions_come_from_the_same_figures(app, session, employer) -> None:  # noqa: ANN001
    report = _report(session, employer)
    municipal = placement.for_municipality(report, initials=True)
    assert municipal.total_sroi == report.total_sroi and municipal.total_sroi > 0
    assert municipal.total_jobs == report.total_jobs
    assert municipal.total_paid_hours == report.total_paid_hours
    assert municipal.visits == report.visits
    assert [e.sroi_value for e in municipal.employees] == [e.sroi_value for e in report.employees]
    # Initials, in the report's order (Dutch sorting: "van der Wal" under W); two "W. V." apart.
    assert [e.name for e in municipal.employees] == ["A. A.", "B. B.", "C. C.", "W. V.",
                                                     "W. V. (2)", "W. v. d. W.", "Y. d. Z."]  # fmt: skip
    text = _pdf_text(app, municipal)
    assert "Anna A" not in text and "Bram" not in text and "van der Wal" not in text
    assert "€ 20.000,00 × 20/36" not in text  # Wim's category is named by its amount only


def test_the_employer_downloads_either_version(client, session, employer, make_user) -> None:  # noqa: ANN001
    _report(session, employer)
    session.commit()
    login(client, make_user("employer", employer=employer))
    base = f"/api/v1/employers/{employer.id}/placement-report"
    own = client.get(f"{base}.csv?from=2026-01-01&to=2026-03-31")
    assert own.status_code == 200 and "ziek" in own.get_data(as_text=True).lower()
    municipal = client.get(
        f"{base}.csv?from=2026-01-01&to=2026-03-31&for=municipality&names=initials"
    )
    body = municipal.get_data(as_text=True)
    assert municipal.status_code == 200 and "ziek" not in body.lower() and "A. A." in body
    assert "gemeente" in municipal.headers["Content-Disposition"]
    assert client.get(f"{base}.pdf?for=town-hall").status_code == 422  # a clear refusal
    page = client.get("/employer/?from=2026-01-01&to=2026-03-31").get_data(as_text=True)
    assert 'value="pdf|municipality|initials|nl"' in page  # the button for that version


def test_the_municipalitys_version_carries_what_it_asks_for(app, session, employer) -> None:  # noqa: ANN001
    """KvK, contact, peildatum and the day it was made, a declaration to sign and room for the
    municipality's approval. On 31 December 23:30 in Amsterdam (22:30 UTC) the report of the
    year stands on that day, not on 1 January."""
    from datetime import UTC, datetime

    from tests.conftest import frozen

    # 00:30 in Amsterdam (summer time) on 1 April, 22:30 UTC on 31 March: the period is
    # over, so not provisional (issue 16, tenth and eleventh review: a period ending on the
    # day it is made or later has no declaration).
    with frozen(datetime(2026, 3, 31, 22, 30, tzinfo=UTC)):
        report = placement.placement_report(session, employer.id, START, END)
    assert (report.made_on, report.peildatum) == (date(2026, 4, 1), date(2026, 3, 31))
    assert not report.provisional
    text = _pdf_text(app, placement.for_municipality(report, initials=True))
    assert (
        f"peildatum 31-3-2026 · gemaakt op 1-4-2026 · 3 medewerkers · KvK {employer.kvk_number}"
        in text
    )
    assert "contactpersoon Anna de Boer · hr@werkgever.example.nl" in text
    assert "naar waarheid is opgesteld" in text and "Voor akkoord, gemeente Utrecht" in text
    own = _pdf_text(app, report)
    assert "naar waarheid" not in own  # the employer's own copy is not for signing
    with frozen(datetime(2026, 12, 31, 22, 30, tzinfo=UTC)):  # 23:30 on New Year's Eve
        year = placement.placement_report(
            session, employer.id, date(2026, 1, 1), date(2026, 12, 31)
        )
    assert year.peildatum == date(2026, 12, 31) and year.provisional  # its last day runs on
    with app.test_request_context():
        csv = placement.report_csv(year)
    assert (
        "Peildatum;2026-12-31" in csv
        and "Contactpersoon;Anna de Boer hr@werkgever.example.nl" in csv
    )


def test_realisation_and_balance_against_the_contract_by_hand(app, session, employer) -> None:  # noqa: ANN001
    """A € 500,000 contract with a 5 % obligation (€ 25,000) from 1 January: what the
    employer's people realised from then to the peildatum, and what is left."""
    from datetime import UTC, datetime

    from eteams.services import employers
    from tests.conftest import frozen

    sroi.seed(session)
    employers.add_sroi_contract(session, employer, employers.ContractData(
        reference="UTR-2026-0042", contract_value=Decimal(500000), starts_on=date(2026, 1, 1),
        obligation_percent=Decimal(5), description="Groenonderhoud <b>wijk & zo",
        municipality_contact="J. de Adviseur"), actor_id=None)  # fmt: skip
    anna = next(p for p in employer.employees if p.first_name == "Anna")
    anna.evidence_contract = anna.evidence_pay = True
    session.flush()
    with frozen(datetime(2026, 3, 31, 12, tzinfo=UTC)):
        report = placement.placement_report(session, employer.id, date(2026, 3, 1), END)
        year = placement.placement_report(session, employer.id, date(2026, 1, 1), END,
                                          with_contract=False)  # fmt: skip
    c = report.contract
    assert (c.reference, c.obligation) == ("UTR-2026-0042", Decimal("25000.00"))
    assert c.realised == year.total_sroi  # from the contract's start, not the report's period
    assert c.balance == Decimal("25000.00") - year.total_sroi
    text = _pdf_text(app, placement.for_municipality(report, initials=False))
    assert "Contract- of aanbestedingsnummer UTR-2026-0042" in text
    assert "Groenonderhoud <b>wijk & zo" in text  # as typed, not as markup
    assert "Social-returnverplichting € 25.000,00 (5,00 % van de contractwaarde)" in text
    assert (
        f"Gerealiseerd van 1-1-2026 t/m de peildatum 31-3-2026 {placement_document._euro(year.total_sroi)}"
        in text
    )
    assert "Anna A aanwezig aanwezig ontbreekt" in text
    # Anna and Cas are in March (Bram left in February): 2 × 3 items, Anna has 2 of hers.
    assert "Nog 4 bewijsstukken op te vragen bij de werkgever." in text  # ngettext
    with app.test_request_context():
        csv = placement.report_csv(placement.for_municipality(report, initials=False))
    assert (
        "Verplichting (€);25000,00" in csv and "Anna A;ja;ja;nee;0" in csv
    )  # her certificate was in February


def test_a_contract_needs_one_obligation_and_sane_dates(
    client, session, employer, make_user
) -> None:  # noqa: ANN001
    from eteams.models import SroiContract

    token = login(client, make_user("admin"))
    url = f"/admin/employers/{employer.id}/contracts"
    good = {"csrf_token": token, "reference": "T-1", "contract_value": "100000",
            "starts_on": "2026-01-01", "obligation_percent": "5"}  # fmt: skip
    for bad, says in (
        ({"obligation_eur": "5000"}, "niet allebei"),  # both
        ({"obligation_percent": ""}, "een percentage van de waarde, of een bedrag hieronder"),
        ({"ends_on": "2025-12-31"}, "kan niet eindigen voordat het begint"),
        ({"contract_value": "0"}, "heeft de waarde nodig"),  # 5 % of nothing
        ({"obligation_percent": "120"}, "Een percentage van 0 tot 100."),
    ):
        response = client.post(url, data={**good, **bad})
        page = response.get_data(as_text=True)
        # Beside the field, on the form again with what was typed (issue 16, ninth review).
        assert response.status_code == 422 and says in page, bad
        assert 'value="T-1"' in page
    assert session.query(SroiContract).count() == 0
    # Amounts as a Dutch admin types them: one contract of € 1.200.000 at 5 %.
    dutch = {**good, "contract_value": "1.200.000", "obligation_percent": "5,0"}
    page = client.post(url, data=dutch, follow_redirects=True).get_data(as_text=True)
    assert "Contract toegevoegd." in page and "T-1" in page and "60.000,00" in page
    # A second contract running at the same time is refused: a report measures its hires
    # against one (issue 16, ninth review: the second's obligation disappeared).
    overlap = {**good, "reference": "T-2", "starts_on": "2026-06-01", "ends_on": "2027-05-31"}
    response = client.post(url, data=overlap)
    assert response.status_code == 422
    assert "Contract T-1 loopt in dezelfde tijd" in response.get_data(as_text=True)
    assert session.query(SroiContract).count() == 1
    # T-1 gets its end date; then T-2 may start after it.
    first = session.query(SroiContract).one()
    end = f"/admin/employers/{employer.id}/contracts/{first.id}/end"
    early = client.post(end, data={"csrf_token": token, "ends_on": "2025-06-30"},
                        follow_redirects=True).get_data(as_text=True)  # fmt: skip
    assert "kan niet eindigen voordat het begint" in early
    client.post(end, data={"csrf_token": token, "ends_on": "2026-05-31"})
    assert client.post(url, data=overlap).status_code == 302
    assert session.query(SroiContract).count() == 2
    # T-1 can no longer be stretched over T-2.
    late = client.post(end, data={"csrf_token": token, "ends_on": "2026-12-31"},
                       follow_redirects=True).get_data(as_text=True)  # fmt: skip
    assert "Contract T-2 begint op 1 juni 2026" in late
    session.refresh(first)
    assert first.ends_on == date(2026, 5, 31)


def test_each_issued_report_carries_its_version_number(
    app, client, session, employer, make_user
) -> None:  # noqa: ANN001
    """The municipality tells "versie 2" from the one before: the same figures keep their number
    (downloaded again, as PDF or CSV, on another day); changed figures get the next one; the
    employer's own version and another period count on their own."""
    from sqlalchemy import select

    from eteams.models import PlacementReportVersion
    from eteams.services import clock
    from tests.conftest import frozen

    _report(session, employer)
    session.commit()
    login(client, make_user("employer", employer=employer))
    base = f"/api/v1/employers/{employer.id}/placement-report"
    period = "from=2026-01-01&to=2026-03-31&for=municipality"

    def csv_version(query: str) -> str:
        body = client.get(f"{base}.csv?{query}").get_data(as_text=True)
        return next(line for line in body.splitlines() if line.startswith("Versienummer"))

    assert csv_version(period) == "Versienummer;1"
    pdf = PdfReader(io.BytesIO(client.get(f"{base}.pdf?{period}").data))
    assert "versie 1" in " ".join(pdf.pages[0].extract_text().split())
    with frozen(datetime(2027, 2, 28, 23, 30, tzinfo=clock.LOCAL)), app.app_context():  # later
        again = placement.issue(session, placement.for_municipality(
            placement.placement_report(session, employer.id, START, END), initials=False), None)  # fmt: skip
    assert again.version == 1
    assert csv_version("from=2026-01-01&to=2026-03-31") == "Versienummer;1"  # the employer's
    # A correction of someone's hours: new figures, the next number.
    person = employer.employees[0]
    person.hours_per_week = Decimal(24)
    session.commit()
    assert csv_version(period) == "Versienummer;2"
    assert csv_version(period + "&names=initials") == "Versienummer;2"  # the same figures
    assert csv_version(period) == "Versienummer;2"  # and back: still the same
    assert csv_version("from=2026-01-01&to=2026-02-28&for=municipality") == "Versienummer;1"
    # A new surname moves the person's row (rows are sorted by name): the figures are the same.
    person.last_name = "Zzz"
    session.commit()
    assert csv_version(period) == "Versienummer;2"
    numbers = session.scalars(
        select(PlacementReportVersion.number)
        .where(
            PlacementReportVersion.audience == "municipality",
            PlacementReportVersion.ends_on == date(2026, 3, 31),
        )
        .order_by(PlacementReportVersion.number)
    ).all()
    assert numbers == [1, 2]


def test_a_leads_report_is_partial_and_never_the_municipalitys(
    client, session, employer, make_user
) -> None:  # noqa: ANN001
    """A lead sees only the members of their own teams: their download says so, carries no
    version number, and the municipality's version (which a declaration signs) is refused."""
    from tests.conftest import login as sign_in

    _report(session, employer)
    session.commit()
    sign_in(client, make_user("lead"))
    base = f"/api/v1/employers/{employer.id}/placement-report"
    refused = client.get(f"{base}.csv?from=2026-01-01&to=2026-03-31&for=municipality")
    assert refused.status_code == 422
    assert (
        "De versie voor de gemeente gaat over alle medewerkers" in refused.json["fields"]["for"][0]
    )
    own = client.get(f"{base}.csv?from=2026-01-01&to=2026-03-31").get_data(as_text=True)
    assert "Bereik;alleen de medewerkers in de teams van de lezer" in own
    assert "Versienummer" not in own
    # Nor does the lead's page offer it (the button saved the 422 as a file named .pdf).
    page = client.get("/employer/?from=2026-01-01&to=2026-03-31")
    assert page.status_code == 200 and 'value="pdf|employer|full|nl"' in page.get_data(as_text=True)
    assert "municipality" not in page.get_data(as_text=True)


def test_nothing_is_counted_after_the_peildatum(session, employer) -> None:  # noqa: ANN001
    """Seventh review: a report for the running year counted the months still to come, so its
    social return disagreed with its own contract block; a future period showed a full year.
    On 15 February 2026 the year so far is counted: Anna from 5 January, 1 month and 11 days
    (1.4); Bram 1 January – 15 February, 1.5."""
    from eteams.services import clock
    from tests.conftest import frozen

    with frozen(datetime(2026, 2, 15, 12, tzinfo=clock.LOCAL)):
        report = placement.placement_report(session, employer.id, date(2026, 1, 1),
                                            date(2026, 12, 31))  # fmt: skip
        future = placement.placement_report(session, employer.id, date(2027, 1, 1),
                                            date(2027, 12, 31))  # fmt: skip
    rows = {e.name.split()[0]: e for e in report.employees}
    assert report.peildatum == date(2026, 2, 15) and set(rows) == {"Anna", "Bram"}  # Cas: March
    assert (rows["Anna"].months_employed, rows["Bram"].months_employed) == (
        Decimal("1.4"), Decimal("1.5"))  # fmt: skip
    # Bram: 25.5 × 46 days / 7 = 167.57 paid hours over 46 days: 1.00 job so far.
    assert (rows["Bram"].paid_hours, rows["Bram"].jobs) == (Decimal("167.57"), Decimal("1.00"))
    assert future.employees == [] and future.total_jobs == 0
    assert all(r.eligible == 0 for r in future.retention)


def test_a_contract_that_ended_in_the_period_is_reported_on(app, session, employer) -> None:  # noqa: ANN001
    """Its realisation runs from its start to its end; a reference like "3-12" and a KvK
    number with a leading zero stay text in a spreadsheet; a balance beyond the obligation
    says so, not "-65.729"."""
    from eteams.services import employers

    sroi.seed(session)
    employer.kvk_number = "01234567"
    employers.add_sroi_contract(session, employer, employers.ContractData(
        reference="3-12", contract_value=Decimal(10000), starts_on=date(2025, 7, 1),
        ends_on=date(2026, 2, 28), obligation_eur=Decimal(100), description="Kort",
        municipality_contact="J. de Vries"), actor_id=None)  # fmt: skip
    session.flush()
    report = placement.placement_report(session, employer.id, START, END)
    assert report.contract is not None and report.contract.reference == "3-12"
    with app.test_request_context():
        until_end = placement.placement_report(session, employer.id, date(2025, 7, 1),
                                               date(2026, 2, 28), with_contract=False)  # fmt: skip
        assert report.contract.realised == until_end.total_sroi
        csv = placement.report_csv(placement.for_municipality(report, initials=True))
    assert "Contract- of aanbestedingsnummer;'3-12" in csv and "KvK-nummer;'01234567" in csv
    assert "Waar het contract over gaat;Kort" in csv
    assert "Adviseur social return van de gemeente;J. de Vries" in csv
    over = until_end.total_sroi - Decimal(100)
    assert f"Meer gerealiseerd dan de verplichting (€);{placement.decimal_comma(over)}" in csv
    text = _pdf_text(app, placement.for_municipality(report, initials=True))
    assert "Gerealiseerd van 1-7-2025 t/m het einde van het contract 28-2-2026" in text


def test_the_municipalitys_notes_name_no_benefit(app, session, employer) -> None:  # noqa: ANN001
    """Table B splits the Participatiewet by how long the benefit ran; with the start unknown
    the note named both benefit categories per person."""
    source, table = sroi.shipped_version("Utrecht", "B")
    sroi.add_rule_set(session, "Utrecht", date(2020, 1, 1), source, table, actor_id=None)
    report = placement.placement_report(session, employer.id, START, END)
    own = dutch(app, [n for e in report.employees for n in e.sroi_notes])
    assert any("Participatiewet" in n for n in own)
    municipal = placement.for_municipality(report, initials=True)
    notes = dutch(app, [n for e in municipal.employees for n in e.sroi_notes])
    assert notes and not any("Participatiewet" in n for n in notes)
    assert any("Categorie met een jaarbedrag van" in n for n in notes)


def test_the_english_csv_explains_in_english(app, session, employer) -> None:  # noqa: ANN001
    """A note is read in the reader's language: the English CSV's notes, source line and the
    municipality's category names are English, the Dutch CSV's Dutch."""
    source, table = sroi.shipped_version("Utrecht", "B")
    sroi.add_rule_set(session, "Utrecht", date(2020, 1, 1), source, table, actor_id=None)
    report = placement.placement_report(session, employer.id, START, END)
    municipal = placement.for_municipality(report, initials=True)
    with app.test_request_context():
        english = placement.report_csv(municipal, "en")
        dutch_csv = placement.report_csv(municipal, "nl")
    assert "When the benefit started is not recorded" in english
    assert "Category with a yearly amount of € 40,000" in english
    assert "rule table Utrecht version 1, in force from 2020-01-01" in english
    for word in ("Sinds wanneer", "Categorie met", "regeltabel", "telt"):
        assert word not in english, word
    assert "Sinds wanneer de uitkering liep is niet vastgelegd" in dutch_csv
    assert "Categorie met een jaarbedrag van € 40.000" in dutch_csv
    assert "regeltabel Utrecht versie 1, geldig vanaf 2020-01-01" in dutch_csv


def test_an_unknown_birth_year_is_named_as_such(app, session) -> None:  # noqa: ANN001
    """No birth year: the age bonus cannot be checked, and the note does not print "(None)"."""
    source, shipped = sroi.shipped_version("Utrecht", "C")
    table = sroi.RuleTable.of(sroi.add_rule_set(session, "Utrecht", date(2020, 1, 1), source,
                                                shipped, actor_id=None))  # fmt: skip
    person = sroi.Person(target_group=TargetGroup.PARTICIPATIEWET,
                         contract_type=ContractType.TEMPORARY, hours_per_week=Decimal(36),
                         months_employed=Decimal(12), hired_on=date(2026, 1, 5), birth_year=None)  # fmt: skip
    notes = dutch(app, sroi.value(table, person).notes)
    assert any(n.startswith("Het geboortejaar is niet vastgelegd") for n in notes), notes
    assert not any("None" in n for n in notes)


def test_someone_hired_on_the_last_day_is_explained(app, session) -> None:  # noqa: ANN001
    """Eighth review: hired on 31 December, the report showed "0,0" months and € 0,00 for her
    category with no word why (0.0 months: a day is a thirtieth, rounded away)."""
    source, shipped = sroi.shipped_version("Utrecht", "C")
    table = sroi.RuleTable.of(sroi.add_rule_set(session, "Utrecht", date(2020, 1, 1), source,
                                                shipped, actor_id=None))  # fmt: skip
    person = sroi.Person(target_group=TargetGroup.PARTICIPATIEWET,
                         contract_type=ContractType.TEMPORARY, hours_per_week=Decimal(32),
                         months_employed=placement.months_between(date(2025, 12, 31),
                                                                  date(2025, 12, 31)),
                         hired_on=date(2025, 12, 31), birth_year=1990)  # fmt: skip
    assert person.months_employed == 0
    valued = sroi.value(table, person)
    assert valued.value == 0
    assert any("Minder dan een twintigste maand in dienst" in n for n in dutch(app, valued.notes))


def test_names_or_initials_never_burn_a_version_number(
    client, session, employer, make_user
) -> None:  # noqa: ANN001
    """Issue 16, eleventh review: with a social-return contract in the period, downloading the
    municipality's version with full names, then with initials, then again, numbered them
    1, 2, 3, 4: the digest hid the names of the report's people but not those of the
    contract's "Gerealiseerd" lines. The number stands for the figures (and the people's
    ids), not for how their names are printed."""
    from eteams.services import employers

    _report(session, employer)
    employers.add_sroi_contract(session, employer, employers.ContractData(
        reference="UTR-2026-9", contract_value=Decimal(400000), starts_on=date(2025, 7, 1),
        obligation_percent=Decimal(5)), actor_id=None)  # fmt: skip
    session.commit()
    login(client, make_user("employer", employer=employer))
    base = f"/api/v1/employers/{employer.id}/placement-report"
    period = "from=2026-01-01&to=2026-03-31&for=municipality"

    def version(kind: str, query: str) -> str:
        response = client.get(f"{base}.{kind}?{query}")
        assert response.status_code == 200
        if kind == "csv":
            body = response.get_data(as_text=True)
            return next(line for line in body.splitlines() if line.startswith("Versienummer"))
        text = " ".join(PdfReader(io.BytesIO(response.data)).pages[0].extract_text().split())
        return re.search(r"versie \d+", text).group(0)

    seen = [version("csv", period), version("pdf", period + "&names=initials"),
            version("csv", period), version("csv", period + "&names=initials"),
            version("pdf", period)]  # fmt: skip
    assert seen == ["Versienummer;1", "versie 1", "Versienummer;1", "Versienummer;1", "versie 1"]


def test_a_rule_table_given_as_python_numbers_is_refused_in_words_not_a_crash(app) -> None:  # noqa: ANN001
    """A script (the CLI, a benchmark) that hands a table of the wrong shape with amounts as
    Decimal gets the schema's sentences, as an admin typing JSON does; printing the wrong
    value used to crash (a Decimal is no JSON)."""
    wrong = {"base.participatiewet": Decimal("30000"), "bonus.certificate": Decimal("500")}
    with app.test_request_context(), force_locale("nl"):
        found = sroi.problems(wrong)
    assert "title ontbreekt" in found and any("hoort hier niet" in s for s in found)
