"""Signing in through a real browser, at tablet and phone size, by mouse and by keyboard."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD
from tests.e2e.conftest import LiveServer


def _sign_in(page: Page, server: LiveServer, role: str) -> None:
    page.goto(f"{server.url}/login")
    page.get_by_label("E-mailadres").fill(server.users[role])
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def _no_sideways_scrolling(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"


def test_admin_signs_in_and_sees_the_programme(page: Page, live_server: LiveServer) -> None:
    _sign_in(page, live_server, "admin")
    expect(page).to_have_url(f"{live_server.url}/admin/")
    expect(page.get_by_role("heading", name="Overzicht van het programma")).to_be_visible()
    _no_sideways_scrolling(page)
    page.get_by_role("link", name="EN", exact=True).click()
    expect(page.get_by_role("heading", name="Programme overview")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_wrong_password_shows_a_message_and_stays_signed_out(
    page: Page, live_server: LiveServer
) -> None:
    page.goto(f"{live_server.url}/login")
    page.get_by_label("E-mailadres").fill(live_server.users["lead"])
    page.get_by_label("Wachtwoord").fill("dit is niet het wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Het e-mailadres of wachtwoord klopt niet.")
    page.goto(f"{live_server.url}/lead/")
    expect(page).to_have_url(f"{live_server.url}/login?next=/lead/")


def test_coach_signs_in_with_the_keyboard_alone(page: Page, live_server: LiveServer) -> None:
    page.goto(f"{live_server.url}/login")
    page.keyboard.press("Tab")  # skip link
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Naar de inhoud"
    page.get_by_label("E-mailadres").focus()
    page.keyboard.type(live_server.users["coach"])
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Hallo Samira")).to_be_visible()
    _no_sideways_scrolling(page)


def test_admin_form_shows_the_error_next_to_the_field(page: Page, live_server: LiveServer) -> None:
    _sign_in(page, live_server, "admin")
    page.goto(f"{live_server.url}/admin/employers/new")
    page.get_by_label("Naam").fill("Buurtkracht B.V.")
    page.get_by_label("KvK-nummer").fill("1234")
    page.get_by_role("button", name="Opslaan").click()
    field = page.get_by_label("KvK-nummer")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#kvk_number-error")).to_have_text(
        "Een KvK-nummer heeft precies 8 cijfers."
    )
    _no_sideways_scrolling(page)
