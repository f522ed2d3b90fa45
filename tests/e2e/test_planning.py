"""A lead plans tomorrow's walk list, checks it on the map, reorders by keyboard, publishes
and prints the walk sheet."""

from __future__ import annotations

from datetime import timedelta

from playwright.sync_api import Page, expect

from eteams.services import clock
from tests.conftest import PASSWORD
from tests.e2e.conftest import LiveServer


def test_lead_plans_reorders_publishes_and_prints(page: Page, live_server: LiveServer) -> None:
    days_ahead = 1 if page.viewport_size["width"] > 500 else 2  # each size plans its own day
    tomorrow = (clock.today() + timedelta(days=days_ahead)).isoformat()
    page.goto(f"{live_server.url}/login")
    page.get_by_label("E-mailadres").fill(live_server.users["lead"])
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.goto(f"{live_server.url}/lead/campaigns")
    page.get_by_role("link", name="Lombok e2e").click()
    page.get_by_role("link", name="Looproutes plannen").click()
    page.get_by_label("Datum").fill(tomorrow)
    page.get_by_role("button", name="Deze dag tonen").click()
    expect(page.get_by_label("Team Kanaal, 18:00–21:00", exact=False)).to_be_checked()
    page.get_by_role("button", name="Looproutes plannen").click()
    expect(page.locator(".flashes")).to_contain_text("1 looproute gepland.")
    expect(page.locator("#plan-map")).to_have_attribute("data-lists", "1")
    expect(page.locator("#plan-map")).to_have_attribute("data-doors", "24")
    expect(page.locator(".wl-marker")).to_have_count(1)  # the list's number at its meeting point

    stops = page.locator(".walk-list .js-stops li label")
    second = stops.nth(1).inner_text()
    page.get_by_label(second, exact=True).focus()  # by keyboard: tick, then the Up button
    page.keyboard.press("Space")
    expect(page.locator(".js-ticked")).to_have_text("1 deur aangevinkt")
    page.get_by_role("button", name="Omhoog").click()
    expect(page.locator(".flashes")).to_contain_text("De loopvolgorde is gewijzigd.")
    expect(page.locator(".walk-list .js-stops li label").first).to_have_text(second)

    page.get_by_role("button", name="Publiceren", exact=True).click()
    expect(page.locator(".walk-list").first).to_contain_text("gepubliceerd")
    with page.expect_download() as download:
        page.get_by_role("link", name="Looplijst (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert download.value.path().read_bytes().startswith(b"%PDF")
