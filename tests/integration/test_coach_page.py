"""The coach's page: what it weighs, what it shows, and that a lead sees visits arrive."""

from __future__ import annotations

import gzip
import re
import uuid
from datetime import UTC, datetime

from tests.conftest import login


def test_coach_pages_weigh_under_150_kb_compressed(client, door) -> None:  # noqa: ANN001
    login(client, door["coach"])
    html = client.get("/coach/")
    assert html.status_code == 200
    page = html.get_data(as_text=True)
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page) + ["/coach/sw.js"]
    sizes = {"/coach/": len(gzip.compress(html.data))}
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        sizes[asset] = len(gzip.compress(response.data))
        response.close()
    total = sum(sizes.values())
    assert total < 150 * 1024, sizes
    assert "/static/js/coach.js" in sizes and "/static/vendor/leaflet/leaflet.js" in sizes


def test_coach_page_has_the_outcome_buttons_and_the_form(client, door) -> None:  # noqa: ANN001
    login(client, door["coach"])
    page = client.get("/coach/?lang=en").get_data(as_text=True)
    for name in (
        "Not home",
        "No answer",
        "Refused",
        "Come back later",
        "Conversation",
        "Moved",
        "No access",
        "Do not visit",
        "Save visit",
        "Next door",
    ):
        assert name in page, name
    assert 'name="csrf-token"' in page and "2026-01" in page
    assert "Cavity wall" in page  # interest per measure from the catalogue


def test_service_worker_is_served_uncached_for_the_coach_scope(client) -> None:  # noqa: ANN001
    response = client.get("/coach/sw.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    assert b'"/coach/"' in response.data


def test_only_the_coach_page_may_be_kept_offline_and_only_for_its_coach(client, door) -> None:  # noqa: ANN001
    """Issue 14, finding 2: the service worker keeps a page only when the server names whose
    it is; it stays out of the HTTP cache, and the API's answers are marked for nobody."""
    coach = door["coach"]
    login(client, coach)
    page = client.get("/coach/")
    assert page.headers["X-Eteams-Offline-User"] == str(coach.id)
    assert page.headers["Cache-Control"] == "no-store"
    lists = client.get("/api/v1/walklists?per_page=50")
    assert lists.status_code == 200 and "X-Eteams-Offline-User" not in lists.headers
    assert lists.headers["Cache-Control"] == "no-store"
    # The page shown offline when nobody is signed in names nobody, even when fetched by a
    # signed-in coach (the worker fetches it while the coach is signed in).
    offline = client.get("/coach/offline").get_data(as_text=True)
    assert coach.email not in offline and "Uitloggen" not in offline
    assert "Geen verbinding" in offline
    assert "csrf" not in offline


def test_the_login_page_clears_what_the_last_coach_kept(client) -> None:  # noqa: ANN001
    page = client.get("/login").get_data(as_text=True)
    """What the clearing does is shown in a real browser (tests/e2e/test_shared_tablet.py)."""
    assert "data-tablet-forget" in page and "/static/js/tablet.js" in page


def test_lead_sees_the_logged_outcome_on_the_walk_list(client, session, door, make_user) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, door["coach"])}
    body = {
        "address_id": door["address"].id,
        "walklist_id": door["walk_list"].id,
        "visited_at": datetime.now(UTC).isoformat(),
        "outcome": "not_home",
    }
    assert (
        client.put(f"/api/v1/visits/{uuid.uuid4()}", json=body, headers=headers).status_code == 201
    )
    lead = client.application.test_client()
    login(lead, make_user("lead"))
    wl = door["walk_list"]
    page = lead.get(f"/lead/campaigns/{wl.campaign_id}/plan?date={wl.date.isoformat()}").get_data(
        as_text=True
    )
    assert "✓ Niet thuis" in page
    listed = lead.get(f"/api/v1/walklists/{wl.id}").json
    assert listed["stops"][0]["outcome"] == "not_home"
    on_map = lead.get(f"/lead/campaigns/{wl.campaign_id}/plan.json?date={wl.date.isoformat()}").json
    assert on_map["lists"][0]["stops"][0]["outcome"] == "not_home"  # the map ticks it off
    assert on_map["lists"][0]["stops"][1]["outcome"] is None
