"""The lead's campaign pages: create, upload and map columns, filters, household, geocoding."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from eteams.models import Address, Campaign, ImportUpload, Job, Measure, Visit, VisitInterest
from eteams.models.enums import Interest, Language, Outcome
from eteams.services import catalogue
from tests import factories
from tests.conftest import login
from tests.geocoder_server import GeocoderServer


def _visit(session, address, outcome, when) -> None:  # noqa: ANN001
    session.add(
        Visit(
            uuid=uuid.uuid4(),
            address=address,
            recorded_by=factories.user("coach"),
            outcome=outcome,
            visited_at=when,
        )
    )


def test_lead_creates_a_campaign_and_bad_dates_are_refused(client, session, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("lead"))
    bad = {
        "csrf_token": token,
        "name": "Zuilen",
        "municipality": "Utrecht",
        "starts_on": "2026-05-01",
        "ends_on": "2026-04-01",
        "letter_language": "nl",
    }
    html = client.post("/lead/campaigns/new", data=bad).get_data(as_text=True)
    assert "De einddatum kan niet voor de startdatum liggen." in html
    assert session.scalar(select(func.count(Campaign.id))) == 0
    response = client.post("/lead/campaigns/new", data={**bad, "ends_on": "2026-06-30"})
    assert response.status_code == 302
    assert "Zuilen" in client.get("/lead/campaigns").get_data(as_text=True)


def test_upload_preview_mapping_and_import(client, session, make_user) -> None:  # noqa: ANN001
    campaign = factories.CampaignFactory()
    token = login(client, make_user("lead"))
    csv = b"Adres;Nr;PC;Plaats;Iets\nDamstraat;3;3531EA;Utrecht;x\nDamstraat;5;3531EA;Utrecht;y\n"
    response = client.post(
        f"/lead/campaigns/{campaign.id}/import",
        data={"csrf_token": token, "file": (io.BytesIO(csv), "adressen.csv")},
    )
    assert response.status_code == 302
    preview_url = response.headers["Location"]
    html = client.get(preview_url).get_data(as_text=True)
    assert "Damstraat" in html and "adressen.csv" in html
    assert '<option value="0" selected>Adres</option>' in html  # "adres" recognised as street
    mapping = {"map-street": "0", "map-house_number": "1", "map-postcode": "2", "map-city": "3"}
    done = client.post(preview_url, data={"csrf_token": token, **mapping})
    assert done.status_code == 200
    assert "2 adressen geïmporteerd" in done.get_data(as_text=True)
    assert session.scalar(select(func.count(Address.id))) == 2
    assert session.scalar(select(func.count(ImportUpload.id))) == 0  # the upload is not kept


def test_rejected_import_lists_rows_and_changes_nothing(client, session, make_user) -> None:  # noqa: ANN001
    campaign = factories.CampaignFactory()
    token = login(client, make_user("lead"))
    csv = b"straat;huisnummer;postcode;woonplaats\nDamstraat;3;3531EA;Utrecht\nDamstraat;x;3531EA;Utrecht\n"
    preview_url = client.post(
        f"/lead/campaigns/{campaign.id}/import",
        data={"csrf_token": token, "file": (io.BytesIO(csv), "a.csv")},
    ).headers["Location"]
    response = client.post(
        preview_url,
        data={
            "csrf_token": token,
            "map-street": "0",
            "map-house_number": "1",
            "map-postcode": "2",
            "map-city": "3",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert (
        "Er is niets geïmporteerd." in html
        and "<td>3</td><td>&#39;x&#39; is geen huisnummer.</td>" in html
    )
    assert session.scalar(select(func.count(Address.id))) == 0


def test_filters_count_and_list_doors_by_status(client, session, make_user) -> None:  # noqa: ANN001
    campaign = factories.CampaignFactory()
    never, once, thrice, talked, refused, blocked = (
        factories.AddressFactory(campaign=campaign, street=s)
        for s in ("Astraat", "Bstraat", "Cstraat", "Dstraat", "Estraat", "Fstraat")
    )
    t0 = datetime(2026, 3, 2, 10, tzinfo=UTC)
    _visit(session, once, Outcome.NOT_HOME, t0)
    for n in range(3):
        _visit(
            session, thrice, Outcome.NO_ANSWER if n else Outcome.NOT_HOME, t0 + timedelta(days=n)
        )
    _visit(session, talked, Outcome.NOT_HOME, t0)
    _visit(session, talked, Outcome.CONVERSATION, t0 + timedelta(days=1))
    _visit(session, refused, Outcome.REFUSED, t0)
    blocked.do_not_visit = True
    session.flush()
    login(client, make_user("lead"))

    def streets(status: str) -> list[str]:
        rows = client.get(f"/api/v1/campaigns/{campaign.id}/addresses?status={status}").json
        return [r["street"] for r in rows]

    assert streets("never_visited") == ["Astraat"]
    assert streets("not_home_1") == ["Bstraat"]
    assert streets("not_home_3") == ["Cstraat"]
    assert streets("conversation") == ["Dstraat"]
    assert streets("refused") == ["Estraat"]
    assert streets("do_not_visit") == ["Fstraat"]
    html = client.get(f"/lead/campaigns/{campaign.id}?status=not_home_3").get_data(as_text=True)
    assert "Cstraat" in html and "Astraat" not in html
    assert "Drie keer of vaker niet thuis (1)" in html
    assert client.get(f"/lead/campaigns/{campaign.id}?status=bogus").status_code == 404


def test_household_page_shows_visits_in_time_order(client, session, make_user) -> None:  # noqa: ANN001
    address = factories.AddressFactory()
    t0 = datetime(2026, 3, 2, 10, tzinfo=UTC)
    _visit(session, address, Outcome.CONVERSATION, t0 + timedelta(days=2))
    _visit(session, address, Outcome.NOT_HOME, t0)
    session.flush()
    login(client, make_user("lead"))
    html = client.get(f"/lead/addresses/{address.id}").get_data(as_text=True)
    assert (
        html.index("Niet thuis") < html.index("Gesprek</p>")
        if "Gesprek</p>" in html
        else html.index("Niet thuis") < html.rindex("Gesprek")
    )


def test_household_page_names_the_measures_in_the_reader_s_language(
    client, session, make_user
) -> None:  # noqa: ANN001
    """Issue 13 review: the lead saw the catalogue keys ("cavity_wall_terraced")."""
    catalogue.seed_all(session)
    measure = session.scalar(select(Measure).order_by(Measure.key))
    address = factories.AddressFactory()
    visit = Visit(uuid=uuid.uuid4(), address=address, recorded_by=factories.user("coach"),
                  outcome=Outcome.CONVERSATION, visited_at=datetime(2026, 3, 2, 10, tzinfo=UTC),
                  interests=[VisitInterest(measure_key=measure.key, level=Interest.INTERESTED)])  # fmt: skip
    session.add(visit)
    lead = make_user("lead")
    session.flush()
    login(client, lead)
    html = client.get(f"/lead/addresses/{address.id}").get_data(as_text=True)
    assert f"<dt>{measure.name_nl}</dt>" in html and f"<dt>{measure.key}</dt>" not in html
    lead.locale = Language.EN
    session.commit()
    html = client.get(f"/lead/addresses/{address.id}").get_data(as_text=True)
    assert f"<dt>{measure.name_en}</dt>" in html


def test_do_not_visit_toggle_and_manual_location(client, session, make_user) -> None:  # noqa: ANN001
    address = factories.AddressFactory(lat=None, lon=None)
    token = login(client, make_user("lead"))
    client.post(
        f"/lead/addresses/{address.id}/do-not-visit", data={"csrf_token": token, "value": "1"}
    )
    session.refresh(address)
    assert address.do_not_visit
    bad = client.post(
        f"/lead/addresses/{address.id}/location",
        data={"csrf_token": token, "lat": "5.1", "lon": "52.1"},
    )
    assert bad.status_code == 422
    session.refresh(address)
    assert address.lat is None
    client.post(
        f"/lead/addresses/{address.id}/location",
        data={"csrf_token": token, "lat": "52.0912", "lon": "5.1021"},
    )
    session.refresh(address)
    assert (address.lat, address.lon, address.geocode_source) == (52.0912, 5.1021, "manual")


def test_geocode_button_starts_a_job_and_shows_its_progress(
    app, client, session, make_user
) -> None:  # noqa: ANN001
    """The button hands the work to a background job (run in the request here: the suite's
    JOBS_IMMEDIATE; tests/integration/test_jobs.py runs it in a real worker)."""
    server = GeocoderServer().start()
    app.config.update(GEOCODER="pdok", GEOCODER_URL=server.url, GEOCODER_TIMEOUT=2)
    try:
        campaign = factories.CampaignFactory()
        factories.AddressFactory(
            campaign=campaign, lat=None, lon=None, house_number=12, postcode="3531 CA"
        )
        factories.AddressFactory(
            campaign=campaign, lat=None, lon=None, house_number=99, postcode="3531 CA"
        )
        token = login(client, make_user("lead"))
        response = client.post(f"/lead/campaigns/{campaign.id}/geocode", data={"csrf_token": token})
        # Done before the redirect (run in the request here): back to the campaign, with counts.
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        assert "1 gevonden, 1 niet gevonden, 0 fouten." in page
        job = session.scalar(select(Job))
        status = client.get(f"/lead/jobs/{job.id}.json").json
        assert status["state"] == "done" and (status["done"], status["total"]) == (2, 2)
        html = client.get(f"/lead/campaigns/{campaign.id}/unplaced").get_data(as_text=True)
        assert "Kanaalstraat 99" in html and "Kanaalstraat 12" not in html
    finally:
        app.config.update(GEOCODER="none", GEOCODER_URL=None)
        server.shutdown()


def test_map_data_has_no_household_data(client, session, make_user) -> None:  # noqa: ANN001
    address = factories.AddressFactory()
    visit = Visit(
        uuid=uuid.uuid4(),
        address=address,
        recorded_by=factories.user("coach"),
        outcome=Outcome.CONVERSATION,
        visited_at=datetime(2026, 3, 2, tzinfo=UTC),
        contact_name="Fam. Yilmaz",
        notes="spreekt Turks",
    )
    session.add(visit)
    session.flush()
    login(client, make_user("lead"))
    data = client.get(f"/lead/campaigns/{address.campaign_id}/map.json")
    assert data.json["features"][0]["properties"]["status"] == "conversation"
    assert "Yilmaz" not in data.get_data(as_text=True) and "Turks" not in data.get_data(
        as_text=True
    )


def test_admin_erases_from_the_household_page(client, session, make_user) -> None:  # noqa: ANN001
    address = factories.AddressFactory()
    session.add(
        Visit(
            uuid=uuid.uuid4(),
            address=address,
            recorded_by=factories.user("coach"),
            outcome=Outcome.CONVERSATION,
            visited_at=datetime(2026, 3, 2, tzinfo=UTC),
            contact_phone="0687654321",
        )
    )
    session.flush()
    token = login(client, make_user("admin"))
    assert "0687654321" in client.get(f"/admin/addresses/{address.id}/export").get_data(
        as_text=True
    )
    unconfirmed = client.post(f"/admin/addresses/{address.id}/erase", data={"csrf_token": token})
    assert unconfirmed.status_code == 302
    assert "0687654321" in client.get(f"/lead/addresses/{address.id}").get_data(as_text=True)
    client.post(
        f"/admin/addresses/{address.id}/erase", data={"csrf_token": token, "confirm": "yes"}
    )
    html = client.get(f"/lead/addresses/{address.id}").get_data(as_text=True)
    assert "0687654321" not in html and "Persoonsgegevens gewist op" in html


def test_do_not_visit_and_refusals_that_ask_for_it_are_never_planned(session) -> None:  # noqa: ANN001
    from eteams.services.addresses import plannable_addresses

    campaign = factories.CampaignFactory()
    keep, marked, said_so, refused_for_good, refused_once = (
        factories.AddressFactory(campaign=campaign) for _ in range(5)
    )
    marked.do_not_visit = True
    when = datetime(2026, 3, 2, 10, tzinfo=UTC)
    _visit(session, said_so, Outcome.DO_NOT_VISIT, when)
    _visit(session, refused_once, Outcome.REFUSED, when)
    _visit(session, refused_for_good, Outcome.REFUSED, when)
    session.flush()
    session.scalars(
        select(Visit).where(Visit.address_id == refused_for_good.id)
    ).one().do_not_return = True
    session.flush()
    plannable = set(session.scalars(plannable_addresses(campaign.id)))
    assert plannable == {keep, refused_once}


def test_a_geocoder_that_never_answers_fails_the_job_with_why_and_a_retry_asks_again(
    app, client, session, make_user
) -> None:  # noqa: ANN001
    """Every address an error and none an answer is no "Klaar.": the job fails, says the
    geocoder did not answer, and a retry (once it answers) asks those addresses again."""
    import socket

    from eteams.models.enums import JobState

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        silent = f"http://127.0.0.1:{probe.getsockname()[1]}"
    app.config.update(GEOCODER="pdok", GEOCODER_URL=silent, GEOCODER_TIMEOUT=1)
    server = GeocoderServer().start()
    try:
        campaign = factories.CampaignFactory()
        factories.AddressFactory(
            campaign=campaign, lat=None, lon=None, house_number=12, postcode="3531 CA"
        )
        factories.AddressFactory(
            campaign=campaign, lat=None, lon=None, house_number=14, postcode="3531 CA"
        )
        token = login(client, make_user("lead"))
        response = client.post(f"/lead/campaigns/{campaign.id}/geocode", data={"csrf_token": token})
        job = session.scalar(select(Job))
        session.refresh(job)
        assert (job.state, job.error) == (JobState.FAILED, "geocoder_silent")
        page = client.get(f"/lead/jobs/{job.id}").get_data(as_text=True)
        assert "De geocoder gaf voor geen enkel adres antwoord" in page
        assert "Opnieuw proberen" in page and "Klaar." not in page
        app.config.update(GEOCODER_URL=server.url)  # the connection is back
        client.post(f"/lead/jobs/{job.id}/retry", data={"csrf_token": token})
        session.refresh(job)
        # The retry is a run of its own: 2 of 2 done, its summary without the first run's errors.
        assert job.state is JobState.DONE and (job.done, job.total) == (2, 2)
        assert job.summary == {"found": 2, "not_found": 0, "errors": 0}
        del response
    finally:
        app.config.update(GEOCODER="none", GEOCODER_URL=None)
        server.shutdown()


def test_a_retried_geocoding_resumed_after_a_restart_asks_nothing_twice(
    app, session, make_user
) -> None:  # noqa: ANN001
    """A retry stopped half-way (its worker killed) and taken up again counts on from where
    it was: what it asked already is not asked again, and it ends at its total, not above."""
    from datetime import timedelta

    from eteams import worker
    from eteams.models.base import utcnow
    from eteams.models.enums import JobKind, JobState
    from eteams.services import jobs

    server = GeocoderServer().start()
    app.config.update(GEOCODER="pdok", GEOCODER_URL=server.url, GEOCODER_TIMEOUT=2)
    try:
        campaign = factories.CampaignFactory()
        asked = [factories.AddressFactory(campaign=campaign, lat=None, lon=None, house_number=n,
                                          postcode="3531 CA",
                                          geocode_attempted_at=utcnow() - timedelta(days=1))
                 for n in (12, 14, 99)]  # fmt: skip
        lead = make_user("lead")
        job, _ = jobs.submit(session, JobKind.GEOCODE, campaign_id=campaign.id, total=3,
                             actor_id=lead.id)  # fmt: skip
        job.state, job.error = JobState.FAILED, "geocoder_silent"
        jobs.retry(session, job, actor_id=lead.id)
        assert (job.done, job.total, job.summary) == (0, 3, {})
        # The retry's worker asked the first address (not found), then died.
        asked[2].geocode_attempted_at = utcnow()
        job.state, job.done = JobState.RUNNING, 1
        job.summary = {"found": 0, "not_found": 1, "errors": 0}
        session.commit()
        worker.execute(app, job.id, heartbeat=False)  # another worker takes it over
        session.refresh(job)
        assert job.state is JobState.DONE
        assert (job.done, job.total) == (3, 3)
        assert job.summary == {"found": 2, "not_found": 1, "errors": 0}
        assert not any("huisnummer:99" in r for r in server.requests)  # not asked twice
    finally:
        app.config.update(GEOCODER="none", GEOCODER_URL=None)
        server.shutdown()
