"""A lead imports a neighbourhood's addresses through the browser and finds them on the map."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD
from tests.e2e.conftest import LiveServer

CSV = (
    "Straat;Huisnummer;Postcode;Woonplaats;Bouwjaar;Woningtype;lat;lon\n"
    "Kanaalstraat;12;3531ca;Utrecht;1912;bovenwoning;52,09147;5,10254\n"
    "Kanaalstraat;12-2;3531 CA;Utrecht;1912;bovenwoning;52,09148;5,10255\n"
    "Damstraat;3;3531 EA;Utrecht;1905;tussenwoning;52,09201;5,10100\n"
)


def test_lead_creates_a_campaign_imports_addresses_and_sees_the_map(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    page.goto(f"{live_server.url}/login")
    page.get_by_label("E-mailadres").fill(live_server.users["lead"])
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.goto(f"{live_server.url}/lead/campaigns/new")
    name = f"Lombok {page.viewport_size['width']}"
    page.get_by_label("Naam").fill(name)
    page.get_by_label("Wijk").fill("Lombok")
    page.get_by_label("Begint op").fill("2026-09-01")
    page.get_by_label("Eindigt op").fill("2026-12-31")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name=name)).to_be_visible()

    page.get_by_role("link", name="Adressen importeren").click()
    csv = tmp_path / "lombok.csv"
    csv.write_bytes(CSV.encode("cp1252"))
    page.get_by_label("Adressenbestand (CSV)").set_input_files(str(csv))
    page.get_by_role("button", name="Uploaden en controleren").click()
    expect(page.get_by_role("heading", name="Import controleren")).to_be_visible()
    expect(page.get_by_label("Straat *")).to_have_value("0")
    expect(page.get_by_label("Breedtegraad")).to_have_value("6")
    page.get_by_role("button", name="3 rijen importeren").click()
    expect(page.get_by_role("heading", name="3 adressen geïmporteerd")).to_be_visible()

    page.get_by_role("link", name="Naar de campagne").click()
    expect(page.get_by_role("link", name="Kanaalstraat 12-2")).to_be_visible()
    page.get_by_role("link", name="Kaart", exact=True).click()
    map_element = page.locator("#campaign-map")
    expect(map_element).to_have_attribute("data-markers", "3")
    expect(page.locator("path.leaflet-interactive")).to_have_count(3)
