"""Issue 14, finding 1 ("every page that shows user text"): a world in which every name,
street, meeting point, landlord, note and contact holds hostile text, walked through by every
role as a browser would (every link on every page it can reach, from its home page and from
every page the router knows, filled with the world's ids), on SQLite and PostgreSQL.

Nothing answers 500; no hostile string reaches the page as markup (each shows as text, and
the walk finds each one shown somewhere, so the check can fail); every PDF a page links to
opens with no link smuggled into it.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import deque
from datetime import time
from urllib.parse import urljoin, urlsplit

import pytest
from markupsafe import escape
from pypdf import PdfReader

from eteams.models import Visit, VisitCoach, VisitConsent, WalkList, WalkListStop
from eteams.models.enums import ConsentKind, Outcome, Tenure, WalkListStatus
from eteams.services import catalogue, letters, shifts
from tests import factories
from tests.conftest import frozen, login
from tests.hostile import LITERAL, OTHER, RIGHT_TO_LEFT

# The last Sunday of March: Amsterdam's clocks go from 02:00 to 03:00.
NOW = dt.datetime(2026, 3, 29, 9, 30, tzinfo=dt.UTC)
DAY = dt.date(2026, 3, 29)
TEXTS = LITERAL + RIGHT_TO_LEFT + OTHER
# As markup these would do something; as text they are harmless. Raw in a page is a finding.
MARKUP = [v for v in LITERAL if re.search(r"<[a-z/]", v) and v != "<b"] + ["&amp; &lt;tag&gt;"]
PAGE_LIMIT = 700
SKIP = ("/logout", "/static/", "lang=", "/coach/sw.js", "mailto:", "tel:")


def _unit(session, n: int, value: str, lead, coach) -> dict:  # noqa: ANN001
    """One employer, team, campaign, shift, walk list and conversation, all named ``value``."""
    short = value[:95]  # with " <n>" it fits the 100-character name columns
    employer = factories.EmployerFactory(name=f"{short} {n}", contact_name=short,
                                         municipality=short)  # fmt: skip
    employee = factories.EmployeeFactory(employer=employer, first_name=short, last_name=short)
    team = factories.TeamFactory(name=f"{short} {n}", lead_user_id=lead.id)
    factories.MembershipFactory(team=team, employee=employee)
    factories.MembershipFactory(team=team, employee=coach.employee)
    campaign = factories.CampaignFactory(name=f"{short} {n}", neighbourhood=short)
    doors = [factories.AddressFactory(campaign=campaign, street=value[:200], city=short)
             for _ in range(2)]  # fmt: skip
    session.flush()
    start = 6 * 60 + n * 50  # the coach is on every unit's team: one shift after the other
    shift = shifts.schedule_shift(session, shifts.ShiftData(
        team.id, DAY, time(start // 60, start % 60), time((start + 45) // 60, (start + 45) % 60),
        value[:200]), actor_id=None)  # fmt: skip
    walk_list = WalkList(campaign_id=campaign.id, shift=shift, date=DAY,
                         status=WalkListStatus.PUBLISHED,
                         stops=[WalkListStop(address_id=a.id, seq=i) for i, a in enumerate(doors, 1)])  # fmt: skip
    session.add(walk_list)
    session.flush()
    visit = Visit(
        uuid=uuid.uuid4(), address=doors[0], walk_list_id=walk_list.id, recorded_by=coach,
        outcome=Outcome.CONVERSATION, visited_at=NOW - dt.timedelta(minutes=n),
        tenure=Tenure.SOCIAL_RENT, landlord=value[:200], notes=value, contact_name=value[:200],
        contact_phone="0612345678", gas_m3_per_year=1300,
        coaches=[VisitCoach(employee_id=employee.id)],
        consents=[VisitConsent(kind=ConsentKind.ADVICE_LETTER, given=True, wording_version="2026-01"),
                  VisitConsent(kind=ConsentKind.FOLLOW_UP_CONTACT, given=True, wording_version="2026-01")],
    )  # fmt: skip
    session.add(visit)
    session.flush()
    letters.letter_to_send(session, visit, "nl")
    return {"employer": employer, "employee": employee, "team": team, "campaign": campaign,
            "address": doors[0], "shift": shift, "walk_list": walk_list, "visit": visit}  # fmt: skip


@pytest.fixture
def world(app, session, make_user):  # noqa: ANN001, ANN201
    with frozen(NOW), app.app_context():  # the letters are made in Dutch
        catalogue.seed_all(session)
        lead = make_user("lead")
        coach = make_user("coach", employee=factories.EmployeeFactory(
            first_name=LITERAL[0], last_name=LITERAL[2]))  # fmt: skip
        units = [_unit(session, n, value, lead, coach) for n, value in enumerate(TEXTS)]
        users = {
            "admin": make_user("admin"),
            "lead": lead,
            "coach": coach,
            "employer": make_user("employer", employer=units[1]["employer"]),
        }
        session.flush()
    return {"units": units, "users": users}


ARGS = {
    "address_id": "address", "campaign_id": "campaign", "employee_id": "employee",
    "employer_id": "employer", "team_id": "team", "shift_id": "shift",
    "walk_list_id": "walk_list",
}  # fmt: skip


def _router_pages(app, units: list[dict], users: dict) -> list[str]:  # noqa: ANN001
    """Every web page (not the API) the router knows, with each unit's ids filled in."""
    pages = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.rule.startswith(("/api/", "/static")):
            continue
        args = set(rule.arguments)
        if not args:
            pages.append(rule.rule)
        elif args == {"day"}:
            pages.append(rule.rule.replace("<day>", DAY.isoformat()))
        elif args == {"user_id"}:
            pages += [rule.rule.replace("<int:user_id>", str(u.id)) for u in users.values()]
        elif len(args) == 1 and next(iter(args)) in ARGS:
            arg = next(iter(args))
            pages += [rule.rule.replace(f"<int:{arg}>", str(u[ARGS[arg]].id)) for u in units]
    day = f"?date={DAY.isoformat()}"
    return pages + [p + day for p in ("/lead/", "/lead/schedule", "/lead/letters", "/lead/reviews")]


def _walk(client, start: list[str]) -> dict[str, tuple[int, str, bytes]]:  # noqa: ANN001
    seen: dict[str, tuple[int, str, bytes]] = {}
    queue = deque(start)
    while queue and len(seen) < PAGE_LIMIT:
        url = queue.popleft()
        if url in seen or any(s in url for s in SKIP):
            continue
        response = client.get(url)
        seen[url] = (response.status_code, response.mimetype, response.data)
        if response.mimetype != "text/html":
            continue
        for href in re.findall(r'href="([^"#]+)', response.get_data(as_text=True)):
            target = urljoin(url, href.replace("&amp;", "&"))
            parts = urlsplit(target)
            if not parts.netloc and target not in seen:
                queue.append(target)
    return seen


@pytest.mark.parametrize("role", ["admin", "lead", "coach", "employer"])
def test_every_page_shows_hostile_text_as_text(app, client, world, role) -> None:  # noqa: ANN001
    with frozen(NOW):
        login(client, world["users"][role])
        pages = _walk(client, ["/", *_router_pages(app, world["units"], world["users"])])
    assert len(pages) > (40 if role in ("admin", "lead") else 3), sorted(pages)
    failures = [f"{url}: {status}" for url, (status, _, _) in pages.items() if status >= 500]
    assert failures == []
    html = {url: body.decode() for url, (status, kind, body) in pages.items()
            if kind == "text/html" and status == 200}  # fmt: skip
    for url, body in html.items():
        raw = [v for v in MARKUP if v in body]
        assert raw == [], f"{url} shows markup as markup: {raw}"
    for url, (status, kind, body) in pages.items():
        if kind == "application/pdf" and status == 200:
            reader = PdfReader(__import__("io").BytesIO(body))
            assert all("/Annots" not in page for page in reader.pages), url
    if role in ("admin", "lead"):
        everything = "\n".join(html.values())
        # Each hostile text is shown (as text) somewhere: the walk reached the data.
        missing = [v for v in LITERAL if str(escape(v[:95])) not in everything]
        assert missing == []
