"""Issue 16, tenth review: the layout at 40 people, looked at with ``pdftoppm -png -r 50``:
page 1 was two-thirds empty (the first chart did not fit under the key figures), a lone
"Totaal" row opened a page, the "Bijlage" heading was left at a page's foot, the Dutch PDF
printed an ISO date for the rule table, and a name repeated in two charts was numbered in one
of them only. Each is checked here on both versions."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from flask_babel import force_locale
from pypdf import PdfReader

from eteams.documents import placement_report as placement_document
from eteams.documents.charts import chart_labels
from eteams.models.enums import ContractType, TargetGroup
from eteams.services import employers, placement, sroi
from tests import factories
from tests.conftest import frozen
from tests.integration.test_placement import employer as employer  # the shared fixture

HEADINGS = ("Bijlage: zo zijn de cijfers berekend", "Werk in de teams", "Bewijsstukken per "
            "medewerker", "Dienstverband, banenafspraak en social return")  # fmt: skip


@pytest.fixture
def forty(session, employer):  # noqa: ANN001, ANN201
    sroi.seed(session)  # with its date confirmed: the appendix names it ("geldig vanaf")
    sroi.confirm_valid_from(session, sroi.latest(session, "Utrecht"), date(2025, 1, 1),
                            actor_id=None)  # fmt: skip
    employers.add_sroi_contract(session, employer, employers.ContractData(
        reference="UTR-2025-7", contract_value=Decimal(400000), starts_on=date(2025, 7, 1),
        obligation_percent=Decimal(5)), actor_id=None)  # fmt: skip
    groups = [TargetGroup.PARTICIPATIEWET, TargetGroup.WW, TargetGroup.WIA, TargetGroup.NO_BENEFIT]
    for n in range(37):  # 3 in the fixture: 40; two of them named alike, far apart in the list
        factories.EmployeeFactory(
            employer=employer, first_name="Anna" if n in (0, 36) else f"Medewerker{n:02d}",
            last_name="A" if n in (0, 36) else f"van der Heijden-Langenaam{n}",
            target_group=groups[n % 4], hired_on=date(2025, 9 + n % 4, 1),
            contract_type=ContractType.PERMANENT if n % 5 == 0 else ContractType.TEMPORARY,
            hours_per_week=Decimal(20 + n % 17))  # fmt: skip
    session.flush()
    with frozen(datetime(2026, 4, 2, 12, tzinfo=UTC)):
        return placement.placement_report(session, employer.id, date(2026, 1, 1),
                                          date(2026, 3, 31))  # fmt: skip


def _pages(app, report) -> list[list[str]]:  # noqa: ANN001
    with app.test_request_context(), force_locale("nl"):
        pdf = PdfReader(io.BytesIO(placement_document.render(report)))
    return [[line for line in page.extract_text().splitlines() if line.strip()]
            for page in pdf.pages]  # fmt: skip


@pytest.mark.parametrize("municipal", [False, True])
def test_forty_people_lay_out_without_orphans(app, forty, municipal) -> None:  # noqa: ANN001
    report = placement.for_municipality(forty, initials=True) if municipal else forty
    assert len(report.employees) == 40
    pages = _pages(app, report)
    assert "Deuren en gesprekken per medewerker" in pages[0]  # page 1 holds the first chart
    for n, lines in enumerate(pages, 1):
        body = [line for line in lines if not line.startswith(("E-teams ·", "pagina "))]
        # A table split over pages repeats its header; a page never opens on its total.
        opening = [line for line in body[:6] if not re.match(r"^(Naam|Medewerker|Doelgroep|"
                   r"Gewerkte|Bewijs|Deuren|Gesprekken|\(presentie\)|team\)|het team\)|register|"
                   r"week|periode|uren)", line)]  # fmt: skip
        assert not (opening and opening[0].startswith(("Totaal", "Gerealiseerd"))), (n, body[:6])
        assert not any(body[-1].startswith(h) for h in HEADINGS), (n, body[-1])  # no orphan
    text = " ".join(" ".join(p) for p in pages)
    assert "regeltabel Utrecht versie 1, geldig vanaf 1-1-2025" in text
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text), re.search(r"\b20\d\d-\d\d-\d\d\b", text)


def test_a_name_reads_the_same_in_every_chart(forty) -> None:  # noqa: ANN001
    """Two "Anna A" (rows 1 and 38: the first and the third chart): as the tables tell
    people apart, the first keeps the name and the later one is numbered, over all charts."""
    names = [e.name for e in forty.employees]
    labels = chart_labels(names)
    annas = [label for name, label in zip(names, labels, strict=True) if name.startswith("Anna A")]
    assert annas == ["Anna A", "Anna A (2)", "Anna A (3)"]  # the fixture's Anna first
    # The report's own names (every table, both versions) are those labels.
    assert [name for name in names if name.startswith("Anna A")] == annas
    assert len(set(labels)) == len(labels)
    chunks = placement_document.chart_chunks(len(names))
    assert chunks == [(0, 8), (8, 24), (24, 40)]  # 8 on page 1, then 16 a page


def test_a_rule_table_that_took_effect_within_the_period_is_named(app, session, employer) -> None:  # noqa: ANN001
    """The report counts the whole period by the table in force on its last day; where
    another version took effect inside the period, the report says so, with its date, so an
    auditor knows part of the period fell under another table."""
    sroi.seed(session)
    first = sroi.latest(session, "Utrecht")
    sroi.confirm_valid_from(session, first, date(2025, 1, 1), actor_id=None)
    sroi.add_rule_set(session, "Utrecht", date(2026, 2, 15), "Utrecht, test", sroi.document(first),
                      actor_id=None)  # fmt: skip
    session.flush()
    with frozen(datetime(2026, 4, 2, 12, tzinfo=UTC)):
        within = placement.placement_report(session, employer.id, date(2026, 1, 1),
                                            date(2026, 3, 31))  # fmt: skip
        after = placement.placement_report(session, employer.id, date(2026, 3, 1),
                                           date(2026, 3, 31))  # fmt: skip
    with app.test_request_context(), force_locale("nl"):
        said = placement.sroi_source(within, lambda d: f"{d.day}-{d.month}-{d.year}")
        clean = placement.sroi_source(after, lambda d: f"{d.day}-{d.month}-{d.year}")
    assert "versie 2, geldig vanaf 15-2-2026" in said
    assert "Let op: versie 2 ging in op 15-2-2026, binnen de periode" in said
    assert "Let op" not in clean  # the March report lies wholly under version 2
    # Eleventh review: the appendix read "… op de laatste dag gold.: Utrecht, bouwblokken …";
    # the table's title and source come first, then the note.
    with app.test_request_context(), force_locale("nl"):
        pdf = PdfReader(io.BytesIO(placement_document.render(within)))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "gold.:" not in text and "gold. :" not in text
    note = text.index("Let op: versie 2 ging in op 15-2-2026")
    assert text.index("(bron: Utrecht, test). Let op: versie 2") == note - len(
        "(bron: Utrecht, test). "
    )
    assert "op de laatste dag gold. Een jaarbedrag geldt" in text
