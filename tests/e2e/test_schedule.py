"""A lead schedules a shift that repeats for two weeks, then records attendance."""

from __future__ import annotations

from datetime import timedelta

from playwright.sync_api import Page, expect

from eteams.services import clock
from tests.conftest import PASSWORD
from tests.e2e.conftest import LiveServer

DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def test_lead_schedules_two_weeks_and_records_attendance(
    page: Page, live_server: LiveServer
) -> None:
    # Tablet and phone runs share the server: each books its own hours.
    start, end = ("08:00", "11:00") if page.viewport_size["width"] > 500 else ("13:00", "16:00")
    today = clock.today()
    page.goto(f"{live_server.url}/login")
    page.get_by_label("E-mailadres").fill(live_server.users["lead"])
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.get_by_role("link", name="Rooster").click()
    page.get_by_role("link", name="Nieuwe dienst").click()
    page.get_by_label("Team", exact=True).select_option(label="Team Kanaal")
    page.get_by_label("Datum").fill(today.isoformat())
    page.get_by_label("Begin").fill(start)
    page.get_by_label("Einde").fill(end)
    page.get_by_label("Verzamelpunt", exact=True).fill("Buurtcentrum Oase")
    page.get_by_label("Elke week herhalen").check()
    other_day = (today.weekday() + 2) % 7
    page.get_by_label(DAYS[today.weekday()]).check()
    page.get_by_label(DAYS[other_day]).check()
    page.get_by_label("Tot en met (laatste dag)").fill((today + timedelta(days=13)).isoformat())
    page.get_by_role("button", name="Inplannen").click()
    expect(page.get_by_role("status")).to_contain_text("4 diensten ingepland.")

    chip = page.get_by_role("link", name=f"{start}–{end}").first
    expect(chip).to_contain_text("aanwezigheid invullen")
    chip.click()
    expect(page.get_by_role("heading", name="Aanwezigheid")).to_be_visible()
    page.get_by_role("group", name="Aanwezigheid van Joris Verhoeven").get_by_label("Ziek").check()
    page.get_by_label("Gewerkte uren van Joris Verhoeven").fill("")
    page.get_by_label("Gewerkte uren van Samira Bouzid").fill("2,5")
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Aanwezigheid opgeslagen.")
    expect(page.get_by_label("Gewerkte uren van Samira Bouzid")).to_have_value("2,5")
    expect(
        page.get_by_role("group", name="Aanwezigheid van Joris Verhoeven").get_by_label("Ziek")
    ).to_be_checked()
