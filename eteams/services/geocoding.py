"""Geocoding with geopy: PDOK (our own geopy geocoder), Nominatim, or none.

Answers are cached in the database per provider and query, "not found" included, so a
campaign is never geocoded twice. Service errors are not cached: the address is marked as
attempted and listed for the lead, who can retry or place it by hand.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import urlencode, urlsplit

from flask_babel import lazy_gettext as _l
from geopy.adapters import URLLibAdapter
from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from sqlalchemy import select
from sqlalchemy.orm import Session

from eteams.models import Address, Campaign, GeocodeResult
from eteams.models.base import utcnow
from eteams.services import audit
from eteams.services.address_parsing import NL_LAT, NL_LON
from eteams.services.errors import ValidationError

USER_AGENT = "eteams/0.1 (field operations of the E-teams programme)"
PDOK_DOMAIN = "api.pdok.nl"
POINT = re.compile(r"POINT\(\s*([-\d.]+)\s+([-\d.]+)\s*\)")


class PDOKLocatieserver(Geocoder):
    """The Dutch national address geocoder (PDOK Locatieserver, based on the BAG register).

    Queries by postcode and house number, which the BAG keys on, so a street-name spelling
    in the export cannot send a coach to the wrong door.
    """

    geocode_path = "/bzk/locatieserver/search/v3_1/free"

    def __init__(
        self,
        *,
        domain: str = PDOK_DOMAIN,
        scheme: str | None = None,
        timeout: Any = DEFAULT_SENTINEL,
        user_agent: str | None = None,
        adapter_factory: Any = None,
    ) -> None:
        super().__init__(
            scheme=scheme, timeout=timeout, user_agent=user_agent, adapter_factory=adapter_factory
        )
        self.api = f"{self.scheme}://{domain.strip('/')}{self.geocode_path}"

    def geocode(
        self, query: dict[str, Any], *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL
    ) -> Location | list[Location] | None:
        terms = [f"postcode:{query['postcode'].replace(' ', '')}", f"huisnummer:{query['number']}"]
        if query.get("letter"):
            terms.append(f"huisletter:{query['letter']}")
        if query.get("addition"):
            terms.append(f"huisnummertoevoeging:{query['addition']}")
        params = {
            "q": " AND ".join(terms),
            "fq": "type:adres",
            "rows": 1 if exactly_one else 10,
            "fl": "id,weergavenaam,centroide_ll,postcode,huisnummer,type",
        }
        url = f"{self.api}?{urlencode(params)}"
        callback = partial(self._parse, exactly_one=exactly_one)
        return self._call_geocoder(url, callback, timeout=timeout)

    @staticmethod
    def _parse(page: dict[str, Any], exactly_one: bool) -> Location | list[Location] | None:
        docs = (page.get("response") or {}).get("docs") or []
        locations = []
        for doc in docs:
            match = POINT.match(doc.get("centroide_ll", ""))
            if match:
                lon, lat = float(match.group(1)), float(match.group(2))
                locations.append(Location(doc.get("weergavenaam", ""), (lat, lon), doc))
        if not locations:
            return None
        return locations[0] if exactly_one else locations


@dataclass(frozen=True)
class Lookup:
    """A provider's name and a function from an address query to a geopy Location."""

    provider: str
    find: Callable[[dict[str, Any]], Location | None]


def make_lookup(
    provider: str, url: str | None = None, timeout: float = 10, min_delay: float = 1.0
) -> Lookup | None:
    """The configured geocoder, or None for ``none`` (coordinates must come in the CSV)."""
    if provider == "none":
        return None
    scheme, domain = _scheme_and_domain(url)
    if provider == "pdok":
        # The standard library's HTTP client, always: with `requests` installed geopy would
        # switch to it and retry timeouts on its own, asking a slow geocoder twice.
        pdok = PDOKLocatieserver(
            domain=domain or PDOK_DOMAIN, scheme=scheme, timeout=timeout, user_agent=USER_AGENT,
            adapter_factory=URLLibAdapter,
        )  # fmt: skip
        return Lookup("pdok", pdok.geocode)
    if provider == "nominatim":
        nominatim = Nominatim(
            domain=domain or "nominatim.openstreetmap.org",
            scheme=scheme,
            timeout=timeout,
            user_agent=USER_AGENT,
            adapter_factory=URLLibAdapter,
        )
        # Nominatim's usage policy: at most one request a second.
        limited = RateLimiter(
            nominatim.geocode,
            min_delay_seconds=min_delay,
            max_retries=1,
            error_wait_seconds=min_delay,
            swallow_exceptions=False,  # an error is not "not found": it must not be cached
        )
        return Lookup("nominatim", lambda q: limited(_nominatim_query(q), country_codes="nl"))
    raise ValueError(f"unknown geocoder {provider!r} (use pdok, nominatim or none)")


def lookup_from_config(config: Mapping[str, Any]) -> Lookup | None:
    """The geocoder the app's configuration names (GEOCODER, GEOCODER_URL, …)."""
    return make_lookup(
        config["GEOCODER"], config["GEOCODER_URL"], config["GEOCODER_TIMEOUT"],
        config["GEOCODER_MIN_DELAY"],
    )  # fmt: skip


def _scheme_and_domain(url: str | None) -> tuple[str | None, str | None]:
    if not url:
        return None, None
    parts = urlsplit(url if "://" in url else f"https://{url}")
    return parts.scheme, (parts.netloc + parts.path).rstrip("/")


def _nominatim_query(query: dict[str, Any]) -> dict[str, str]:
    house = f"{query['number']}{query.get('letter', '')}"
    if query.get("addition"):
        house += f"-{query['addition']}"
    return {
        "street": f"{query['street']} {house}",
        "city": query["city"],
        "postalcode": query["postcode"],
        "country": "Nederland",
    }


def address_query(address: Address) -> dict[str, Any]:
    return {
        "street": address.street,
        "number": address.house_number,
        "letter": address.house_letter,
        "addition": address.house_number_addition,
        "postcode": address.postcode,
        "city": address.city,
    }


def cache_key(query: dict[str, Any]) -> str:
    return "|".join(
        str(query[k]).strip().lower() for k in ("postcode", "number", "letter", "addition")
    )


@dataclass
class GeocodeProgress:
    done: int = 0
    found: int = 0
    not_found: int = 0
    errors: int = 0
    remaining: int = 0


def pending_addresses(
    campaign_id: int, retry_failed: bool = False, asked_before: dt.datetime | None = None
) -> Any:
    """The addresses still to ask: never asked; with ``retry_failed`` also those asked
    without an answer, but (a retry resumed after a restart) not again those asked since
    ``asked_before``, the retry's start."""
    stmt = select(Address).where(Address.campaign_id == campaign_id, Address.lat.is_(None))
    if not retry_failed:
        stmt = stmt.where(Address.geocode_attempted_at.is_(None))
    elif asked_before is not None:
        stmt = stmt.where(Address.geocode_attempted_at.is_(None)
                          | (Address.geocode_attempted_at < asked_before))  # fmt: skip
    return stmt.order_by(Address.id)


def geocode_campaign(
    session: Session,
    campaign_id: int,
    lookup: Lookup,
    *,
    limit: int | None = None,
    seconds: float | None = None,
    retry_failed: bool = False,
    asked_before: dt.datetime | None = None,
    commit_every: int = 25,
    on_commit: Callable[[GeocodeProgress], None] | None = None,
    actor_id: int | None,
) -> GeocodeProgress:
    """Geocode up to ``limit`` addresses (or for ``seconds``), committing every
    ``commit_every`` (``on_commit`` is called just before, so a job's progress is saved with
    the answers it counts: stopped anywhere, it resumes with the addresses still pending).
    Each batch is audited here, from the background job and the CLI alike."""
    progress = GeocodeProgress()
    started = time.monotonic()
    stmt = pending_addresses(campaign_id, retry_failed, asked_before)
    ids = session.scalars(stmt.with_only_columns(Address.id).limit(limit) if limit
                          else stmt.with_only_columns(Address.id)).all()  # fmt: skip

    def release() -> None:  # what is done so far is saved, with the progress that counts it
        if on_commit is not None:
            on_commit(progress)
        session.commit()

    for address_id in ids:
        if seconds is not None and time.monotonic() - started > seconds:
            break
        address = session.get(Address, address_id)
        if (
            address is None
            or address.lat is not None
            or (address.geocode_attempted_at is not None and not retry_failed)
            or (
                asked_before is not None
                and address.geocode_attempted_at is not None
                and address.geocode_attempted_at >= asked_before
            )  # asked in this retry
        ):
            continue  # placed meanwhile (by hand, or by a worker before this one)
        _geocode_one(session, address, lookup, progress, before_asking=release)
        progress.done += 1
        if progress.done % commit_every == 0:
            if on_commit is not None:
                on_commit(progress)
            session.commit()
    if on_commit is not None:
        on_commit(progress)
    campaign = session.get(Campaign, campaign_id)
    audit.record(session, "geocoded", actor_id=actor_id, obj=campaign, done=progress.done,
                 found=progress.found)  # fmt: skip
    session.commit()
    progress.remaining = len(session.scalars(pending_addresses(campaign_id)).all())
    return progress


def _geocode_one(
    session: Session,
    address: Address,
    lookup: Lookup,
    progress: GeocodeProgress,
    before_asking: Callable[[], None] | None = None,
) -> None:
    """One address from the cache, or asked of the geocoder. ``before_asking`` ends the
    transaction first (it commits what is done so far): no transaction stays open while the
    geocoder is asked, which on SQLite would hold the one write lock for the whole call."""
    query = address_query(address)
    key = cache_key(query)
    cached = _cached(session, lookup.provider, key)
    if cached is None:
        if before_asking is not None:
            before_asking()
        try:
            location = lookup.find(query)
        except GeopyError:
            address.geocode_attempted_at = utcnow()
            progress.errors += 1
            return
        cached = _cached(session, lookup.provider, key)  # another job may have asked meanwhile
        if cached is None:
            cached = GeocodeResult(
                provider=lookup.provider,
                query=key,
                found=location is not None,
                lat=location.latitude if location else None,
                lon=location.longitude if location else None,
            )
            session.add(cached)
        if address.lat is not None:  # placed by hand while the geocoder answered: keep that
            address.geocode_attempted_at = utcnow()
            return
    address.geocode_attempted_at = utcnow()
    if cached.found:
        address.lat, address.lon = cached.lat, cached.lon
        address.geocode_source = lookup.provider
        progress.found += 1
    else:
        progress.not_found += 1


def _cached(session: Session, provider: str, key: str) -> GeocodeResult | None:
    return session.scalar(
        select(GeocodeResult).where(GeocodeResult.provider == provider, GeocodeResult.query == key)
    )


def place_by_hand(
    session: Session, address: Address, lat: float, lon: float, *, actor_id: int | None
) -> None:
    """The lead typed the coordinates or picked the point on the map; audited here."""
    problems = {}
    if not NL_LAT[0] <= lat <= NL_LAT[1]:
        problems["lat"] = [str(_l("This latitude lies outside the Netherlands."))]
    if not NL_LON[0] <= lon <= NL_LON[1]:
        problems["lon"] = [str(_l("This longitude lies outside the Netherlands."))]
    if problems:
        raise ValidationError(problems)
    address.lat, address.lon = lat, lon
    address.geocode_source = "manual"
    audit.record(session, "address_placed", actor_id=actor_id, obj=address)
