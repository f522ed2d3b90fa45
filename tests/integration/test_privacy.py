"""The household's rights: export everything held; erase it so nothing personal remains."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from eteams.models import (
    Address,
    AdviceLetter,
    AuditEvent,
    Base,
    Campaign,
    Measure,
    Visit,
    VisitConsent,
    VisitInterest,
)
from eteams.models.enums import ConsentKind, Interest, Language, Outcome
from eteams.services import privacy
from tests import factories
from tests.conftest import login

PERSONAL = (
    "Jansen-Oukili",
    "jan.oukili@example.nl",
    "0612345678",
    "hond blaft",
    "Bo-Ex Utrecht",
    "Tamazight",
)


@pytest.fixture
def household(session) -> Address:  # noqa: ANN001
    campaign = Campaign(
        name="Lombok", municipality="Utrecht", starts_on=date(2025, 1, 1), ends_on=date(2025, 3, 31)
    )
    address = Address(
        campaign=campaign,
        street="Kanaalstraat",
        house_number=12,
        postcode="3531 CA",
        city="Utrecht",
    )
    measure = Measure(
        key="radiator_foil", name_nl="Radiatorfolie", name_en="Radiator foil", category="small"
    )
    coach = factories.user("coach")
    visit = Visit(
        uuid=uuid.uuid4(), address=address, recorded_by=coach, outcome=Outcome.CONVERSATION,
        visited_at=datetime(2025, 2, 3, 10, 15, tzinfo=UTC),
        contact_name=PERSONAL[0], contact_email=PERSONAL[1], contact_phone=PERSONAL[2],
        notes=PERSONAL[3], landlord=PERSONAL[4], language=PERSONAL[5], occupants=4,
        gas_m3_per_year=1432, kwh_per_year=2875,
    )  # fmt: skip
    visit.consents = [
        VisitConsent(kind=ConsentKind.ADVICE_LETTER, given=True, wording_version="2025-01"),
        VisitConsent(kind=ConsentKind.FOLLOW_UP_CONTACT, given=True, wording_version="2025-01"),
    ]
    visit.interests = [VisitInterest(measure_key="radiator_foil", level=Interest.INTERESTED)]
    session.add_all([campaign, address, measure, visit])
    session.flush()
    session.add(
        AdviceLetter(visit_id=visit.id, reference="L-2025-0001", language=Language.NL, sha256="a" * 64,
                     figures_snapshot={"recipient": PERSONAL[0], "gas_m3_per_year": 1432},
                     pdf=f"%PDF-1.4 letter for {PERSONAL[0]}".encode())
    )  # fmt: skip
    # Files kept on background jobs: the day's letters and the campaign's walk sheets hold
    # the household too (a placement report of an employer does not).
    from eteams.models import Job
    from eteams.models.enums import JobKind, JobState

    for kind, campaign_id in ((JobKind.LETTERS, None), (JobKind.WALK_SHEETS, campaign.id)):
        session.add(Job(kind=kind, scope=f"{kind.value}:x", campaign_id=campaign_id,
                        day=date(2025, 2, 3), params={}, state=JobState.DONE, language="nl",
                        summary={}, result=f"%PDF-1.4 {PERSONAL[0]} {PERSONAL[4]}".encode()))  # fmt: skip
    session.flush()
    return address


def _everything_in_the_database(session) -> str:  # noqa: ANN001
    dump = []
    for table in Base.metadata.sorted_tables:
        for row in session.execute(table.select()):
            dump.append(" ".join(str(v) for v in row))
    return "\n".join(dump)


def test_export_holds_everything_about_the_household(client, session, household, make_user) -> None:  # noqa: ANN001
    login(client, make_user("admin"))
    export = client.get(f"/api/v1/addresses/{household.id}/export").json
    assert export["address"]["postcode"] == "3531 CA"
    visit = export["visits"][0]
    assert (visit["contact_name"], visit["contact_email"], visit["notes"]) == PERSONAL[:2] + (
        PERSONAL[3],
    )
    assert visit["consents"]["follow_up_contact"]["wording_version"] == "2025-01"
    assert visit["interests"] == {"radiator_foil": "interested"}
    assert export["advice_letters"][0]["figures"]["recipient"] == PERSONAL[0]
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "household_exported"))
    assert event.object_id == str(household.id)


def test_erase_leaves_no_personal_field_anywhere(client, session, household, make_user) -> None:  # noqa: ANN001
    assert PERSONAL[0] in _everything_in_the_database(session)
    headers = {"X-CSRFToken": login(client, make_user("admin"))}
    response = client.post(f"/api/v1/addresses/{household.id}/erase", headers=headers)
    assert response.status_code == 200
    session.expire_all()
    dump = _everything_in_the_database(session)
    for value in PERSONAL:
        assert value not in dump, value
    # The household's own energy use, as whole numbers (a timestamp's "…05.143211" is not it).
    assert not re.search(r"\b(1432|2875)\b", dump)
    api = client.get(f"/api/v1/addresses/{household.id}/export").get_data(as_text=True)
    assert not any(value in api for value in PERSONAL)
    # Anonymous counts stay: the visit, its outcome and the interest per measure.
    visit = session.scalar(select(Visit))
    assert visit.outcome is Outcome.CONVERSATION and visit.interests[0].level is Interest.INTERESTED
    address = session.get(Address, household.id)
    assert address.do_not_visit and address.erased_at is not None
    audit = session.scalar(select(AuditEvent).where(AuditEvent.action == "household_erased"))
    assert not any(value in str(audit.details) for value in PERSONAL)


def test_only_the_admin_may_export_or_erase(client, household, make_user) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, make_user("lead"))}
    assert client.get(f"/api/v1/addresses/{household.id}/export").status_code == 404
    assert (
        client.post(f"/api/v1/addresses/{household.id}/erase", headers=headers).status_code == 404
    )
    assert client.get(f"/api/v1/addresses/{household.id}").status_code == 200


def test_purge_expired_erases_after_the_retention_period(app, session, household) -> None:  # noqa: ANN001
    counts = privacy.purge_expired(session, date(2025, 12, 31), retention_days=365)
    assert counts["households"] == 0  # the campaign ended 2025-03-31: not yet
    counts = privacy.purge_expired(session, date(2026, 4, 1), retention_days=365)
    assert counts["households"] == 1
    session.expire_all()
    assert PERSONAL[0] not in _everything_in_the_database(session)
    again = app.test_cli_runner().invoke(args=["purge-expired"])
    assert again.exit_code == 0 and "erased 0 households" in again.output
