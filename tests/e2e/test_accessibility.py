"""Accessibility: axe-core finds no violation on any page of any role, and every form can be
filled in and sent with the keyboard alone.

axe runs automatically at every page load in every browser test (tests/e2e/conftest.py); the
tests here make sure each role's pages are all opened at least once.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from tests.conftest import PASSWORD
from tests.e2e.conftest import Accessibility, LiveServer


def _sign_in(page: Page, live_server: LiveServer, role: str) -> None:
    page.goto(f"{live_server.url}/login")
    page.get_by_label("E-mailadres").fill(live_server.users[role])
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def test_the_checker_finds_a_violation(
    page: Page, live_server: LiveServer, request: pytest.FixtureRequest
) -> None:
    """So that "no violations" below means something: an image without a text is caught."""
    checker: Accessibility = request.node.accessibility
    page.goto(f"{live_server.url}/login")
    page.wait_for_function("() => window.__eteamsAxeCheck !== undefined")
    page.wait_for_timeout(1000)  # the page's own check at load is reported
    assert checker.violations == [] and checker.pages_checked == {"/login"}
    page.evaluate("""() => { const img = document.createElement('img');
        img.src = '/static/icons/icon.svg'; document.querySelector('main').append(img); }""")
    checker.check()
    assert any("image-alt" in v for v in checker.violations)
    checker.violations.clear()
    page.reload()  # leave the page clean for the fixture's own check


MENU = "nav[aria-label='Hoofdmenu'] a"


@pytest.mark.parametrize("role", ["admin", "lead", "coach", "employer"])
def test_every_page_in_the_menu_is_accessible(
    page: Page, live_server: LiveServer, role: str
) -> None:
    _sign_in(page, live_server, role)
    links = sorted({a.get_attribute("href") for a in page.locator(MENU).all()})
    assert links, "the menu has links"
    visited, missed = set(), {}
    for href in links:
        page.goto(live_server.url + href)
        page.wait_for_load_state("networkidle")
        visited.add(href)
        missed[href] = _missed_by_tab(page)
        # One level deeper: the first link of each kind in the page's main content.
        for deeper in _detail_links(page)[:4]:
            if deeper not in visited:
                visited.add(deeper)
                page.goto(live_server.url + deeper)
                page.wait_for_load_state("networkidle")
                missed[deeper] = _missed_by_tab(page)
    assert len(visited) >= len(links)
    # Every form control on every page opened can be reached with Tab.
    assert {path: m for path, m in missed.items() if m} == {}


def _detail_links(page: Page) -> list[str]:
    seen, result = set(), []
    for a in page.locator("main a[href^='/']").all():
        href = a.get_attribute("href") or ""
        if any(x in href for x in ("logout", ".pdf", ".csv", "export", "download")):
            continue
        kind = re.sub(r"\d+", "N", href.split("?")[0])
        if kind not in seen:
            seen.add(kind)
            result.append(href)
    return result


CONTROLS = "main input:not([type=hidden]), main select, main textarea, main button"


def _missed_by_tab(page: Page) -> list[str]:
    """The visible, enabled form controls that Tab never reaches."""
    if not page.locator(CONTROLS).count():
        return []
    _tab_through(page)
    return page.evaluate(f"""() => [...document.querySelectorAll('{CONTROLS}')]
        .filter(e => !e.disabled && e.offsetParent !== null && !e.hasAttribute('data-tabbed'))
        // Inside a folded <details> a control is reached once its summary opens it.
        .filter(e => !e.closest('details:not([open])'))
        // A radio group is one Tab stop; the arrow keys choose within it.
        .filter(e => !(e.type === 'radio' && [...document.getElementsByName(e.name)]
                                                 .some(r => r.hasAttribute('data-tabbed'))))
        .map(e => e.id || e.name || e.textContent.trim().slice(0, 40))""")


def _tab_through(page: Page) -> None:
    """Press Tab through the whole page, marking every element the focus reaches."""
    page.locator("body").focus()
    stops = page.evaluate(
        "() => document.querySelectorAll('a, button, input, select, textarea, [tabindex]').length"
    )
    for _ in range(3 * stops + 10):  # a date field takes three presses (day, month, year)
        page.keyboard.press("Tab")
        page.evaluate(
            "() => document.activeElement && document.activeElement.setAttribute('data-tabbed', '1')"
        )


@pytest.mark.parametrize(
    ("role", "path"),
    [("admin", "/admin/employers/new"), ("admin", "/admin/users/new"),
     ("admin", "/admin/sroi/new?municipality=Utrecht"), ("lead", "/lead/campaigns/new"),
     ("admin", "/admin/audit/")],
)  # fmt: skip
def test_every_form_control_is_reached_with_tab(
    page: Page, live_server: LiveServer, role: str, path: str
) -> None:
    _sign_in(page, live_server, role)
    page.goto(live_server.url + path)
    assert page.locator(CONTROLS).count() > 2, f"{path} has a form"
    assert _missed_by_tab(page) == [], f"not reachable by Tab on {path}"


def test_an_employer_is_added_with_the_keyboard_alone(page: Page, live_server: LiveServer) -> None:
    _sign_in(page, live_server, "admin")
    page.goto(f"{live_server.url}/admin/employers/new")
    width = page.viewport_size["width"]  # each browser size adds its own employer
    page.get_by_label("Naam").focus()
    page.keyboard.type(f"Toetsenbord {width} B.V.")
    page.keyboard.press("Tab")
    page.keyboard.type(f"2468{width:04d}")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # Enter in a text field sends the form
    assert "Werkgever opgeslagen." in page.content()
    assert f"Toetsenbord {width} B.V." in page.content()
