"""geopy against a local server that answers like PDOK and Nominatim: found, not found,
timeouts, errors and garbage — and the database cache."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from eteams.models import Address, Campaign, GeocodeResult
from eteams.services import geocoding
from eteams.services.errors import ValidationError
from tests.geocoder_server import GeocoderServer


@pytest.fixture(scope="module")
def server() -> Iterator[GeocoderServer]:
    server = GeocoderServer().start()
    yield server
    server.shutdown()


@pytest.fixture
def campaign(session) -> Campaign:  # noqa: ANN001
    campaign = Campaign(
        name="Lombok",
        municipality="Utrecht",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
    )
    session.add(campaign)
    rows = [
        ("Kanaalstraat", 12, "3531 CA"),
        ("Kanaalstraat", 14, "3531 CA"),
        ("Damstraat", 3, "3531 EA"),
        ("Nergensstraat", 1, "3531 ZZ"),  # not found
        ("Traagstraat", 1, "9999 ZZ"),  # times out
        ("Kapotstraat", 1, "9999 XX"),  # 500
        ("Rommelstraat", 1, "9999 XY"),  # not JSON
    ]
    for street, number, postcode in rows:
        session.add(
            Address(
                campaign=campaign,
                street=street,
                house_number=number,
                postcode=postcode,
                city="Utrecht",
            )
        )
    session.flush()
    return campaign


def _by_street(session, campaign) -> dict[str, Address]:  # noqa: ANN001
    session.expire_all()
    return {
        a.street: a
        for a in session.scalars(select(Address).where(Address.campaign_id == campaign.id))
    }


@pytest.mark.parametrize("provider", ["pdok", "nominatim"])
def test_geocode_campaign_with_each_provider(session, campaign, server, provider) -> None:  # noqa: ANN001
    server.slow_seconds = 1.5
    lookup = geocoding.make_lookup(provider, server.url, timeout=0.5, min_delay=0)
    progress = geocoding.geocode_campaign(session, campaign.id, lookup, actor_id=None)
    assert (progress.done, progress.found, progress.not_found, progress.errors) == (7, 3, 1, 3)
    assert progress.remaining == 0
    addresses = _by_street(session, campaign)
    kanaal = addresses["Kanaalstraat"]
    assert (round(kanaal.lat, 5), round(kanaal.lon, 5)) in {
        (52.09147, 5.10254),
        (52.09152, 5.10261),
    }
    assert kanaal.geocode_source == provider
    for street in ("Nergensstraat", "Traagstraat", "Kapotstraat", "Rommelstraat"):
        assert addresses[street].lat is None
        assert addresses[street].geocode_attempted_at is not None


def test_answers_are_cached_including_not_found(session, campaign, server) -> None:  # noqa: ANN001
    server.slow_seconds = 1.5
    lookup = geocoding.make_lookup("pdok", server.url, timeout=0.5)
    geocoding.geocode_campaign(session, campaign.id, lookup, actor_id=None)
    cached = session.scalar(
        select(func.count(GeocodeResult.id)).where(GeocodeResult.provider == "pdok")
    )
    assert cached == 4  # three found, one not found; errors are not cached
    asked = len(server.requests)
    progress = geocoding.geocode_campaign(
        session, campaign.id, lookup, retry_failed=True, actor_id=None
    )
    # Only the three that failed with an error are asked again; "not found" comes from the cache.
    assert len(server.requests) - asked == 3
    assert progress.not_found == 1


def test_pdok_asks_by_postcode_and_house_number(server) -> None:  # noqa: ANN001
    lookup = geocoding.make_lookup("pdok", server.url, timeout=2)
    location = lookup.find(
        {
            "street": "Kanaalstraat",
            "number": 12,
            "letter": "",
            "addition": "",
            "postcode": "3531 CA",
            "city": "Utrecht",
        }
    )
    assert (location.latitude, location.longitude) == (52.09147, 5.10254)
    assert "q=postcode%3A3531CA+AND+huisnummer%3A12" in server.requests[-1]
    assert "fq=type%3Aadres" in server.requests[-1]


def test_limit_and_time_budget_leave_the_rest_pending(session, campaign, server) -> None:  # noqa: ANN001
    lookup = geocoding.make_lookup("pdok", server.url, timeout=2)
    progress = geocoding.geocode_campaign(session, campaign.id, lookup, limit=2, actor_id=None)
    assert progress.done == 2
    assert progress.remaining == 5


def test_none_provider_means_no_geocoding() -> None:
    assert geocoding.make_lookup("none") is None
    with pytest.raises(ValueError):
        geocoding.make_lookup("google")


def test_place_by_hand_checks_the_netherlands(session, campaign) -> None:  # noqa: ANN001
    address = session.scalars(select(Address).where(Address.campaign_id == campaign.id)).first()
    with pytest.raises(ValidationError) as error:
        geocoding.place_by_hand(session, address, 5.1, 52.09, actor_id=None)  # swapped
    assert set(error.value.fields) == {"lat", "lon"}
    geocoding.place_by_hand(session, address, 52.09, 5.1, actor_id=None)
    assert address.geocode_source == "manual"


def test_cli_geocode_reports_counts_and_needs_a_geocoder(app, session, campaign, server) -> None:  # noqa: ANN001
    server.slow_seconds = 1.5
    runner = app.test_cli_runner()
    assert (
        runner.invoke(args=["geocode", "--campaign", "Lombok"]).exit_code != 0
    )  # GEOCODER=none in tests
    app.config.update(GEOCODER="pdok", GEOCODER_URL=server.url, GEOCODER_TIMEOUT=0.5)
    try:
        result = runner.invoke(args=["geocode", "--campaign", "Lombok"])
    finally:
        app.config.update(GEOCODER="none", GEOCODER_URL=None)
    assert result.exit_code == 0, result.output
    assert "found 3, not found 1, errors 3" in result.output
