"""Issue 16, auditor's review of the HR page /employer/: the social return's cell held the
rule table's whole source (two URLs) over ~40 lines and broke the amount ("€ 94.592,5" / "8").
The amount stays on one line; the source is a note under the table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from playwright.sync_api import Page, expect

from eteams.extensions import db
from eteams.models.enums import Role
from eteams.services import accounts, sroi
from tests import factories
from tests.conftest import PASSWORD
from tests.e2e.conftest import LiveServer, sign_in

# An inline element has one client rectangle a line it runs over.
LINES = "(el) => el.getClientRects().length"


def _employer_with_a_report(live_server: LiveServer, names: list[str]) -> str:
    """An employer in a municipality of its own (other tests keep theirs), with Utrecht's
    current table and its long source, and an HR user; returns the user's e-mail."""
    tag = factories.tag()
    municipality = f"Lang{tag}"
    with live_server.app.app_context():
        factories.bind(db.session)
        source, table = sroi.shipped_version("Utrecht", "C")
        sroi.add_rule_set(db.session, municipality, date(2020, 1, 1), source, table,
                          actor_id=None)  # fmt: skip
        employer = factories.EmployerFactory(name=f"Werkgever {tag}", municipality=municipality)
        for n, name in enumerate(names):
            factories.EmployeeFactory(employer=employer, first_name=name, last_name=f"N{n}",
                                      hired_on=date(2025, 1, 1), hours_per_week=Decimal(36))  # fmt: skip
        email = f"hr.{tag}@e2e.example.nl"
        accounts.create_user(db.session, email=email, role=Role.EMPLOYER, password=PASSWORD,
                             employer_id=employer.id, actor_id=None)  # fmt: skip
        db.session.commit()
    return email


def test_the_social_return_reads_on_one_line_and_its_source_below(
    page: Page, live_server: LiveServer
) -> None:
    email = _employer_with_a_report(live_server, ["Eva", "Finn", "Gijs"])
    sign_in(page, live_server, email)
    page.goto(f"{live_server.url}/employer/?from=2025-01-01&to=2025-12-31")
    cell = page.locator(".facts dd:has(.figure):has(small)")  # the social return's
    expect(cell.locator(".figure")).to_have_text("€\xa0120.000,00")  # 3 × € 40.000
    for n in range(page.locator(".facts .figure").count()):
        assert page.locator(".facts .figure").nth(n).evaluate(LINES) == 1  # one line each
    assert cell.locator("small").evaluate(LINES) <= 4  # a short note, not the source
    assert "https://" not in cell.inner_text()
    note = page.locator(".source-note")
    expect(note).to_contain_text("Bron: utrecht.nl")
    expect(note.get_by_role("link").first).to_have_attribute("href", "https://www.utrecht.nl/"
                                                            "ondernemen/inkopen-en-aanbesteden/"
                                                            "social-return/social-return-"
                                                            "berekenen-bouwblokken/")  # fmt: skip
    width = page.viewport_size["width"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width


def test_a_100_character_name_wraps_and_keeps_the_columns_on_screen(
    page: Page, live_server: LiveServer
) -> None:
    """A name typed without spaces pushed every other column off-screen; it wraps now (the
    table is as wide as with short names), and the figures beside it stay whole."""
    word = "Lang" + "x" * 96

    def table_width(names: list[str]) -> float:
        page.context.clear_cookies()
        sign_in(page, live_server, _employer_with_a_report(live_server, names))
        page.goto(f"{live_server.url}/employer/?from=2025-01-01&to=2025-12-31")
        return page.locator(".table-wrap table").evaluate(
            "(el) => el.getBoundingClientRect().width"
        )

    usual = table_width(["Eva", "Finn"])
    assert table_width([word, "Finn"]) <= usual + 1  # the long name adds no width
    name = page.locator("td.cell-text", has_text=word[:40])
    expect(name).to_be_visible()
    width = page.locator(".table-wrap").evaluate("(el) => el.clientWidth")
    assert name.evaluate("(el) => el.getBoundingClientRect().width") < 0.45 * width
    for cell in page.locator("td.figure").all():  # hours, doors, conversations: one line
        assert cell.evaluate("(el) => el.getClientRects().length") == 1
        assert cell.evaluate("(el) => el.scrollWidth <= el.clientWidth")
