"""Every URL rule × every role against the expected-access table below.

A new route without an entry here fails ``test_every_route_is_in_the_table`` the day it
is added. "Allowed" means the access check let the caller through (the view may still
answer 422 for an empty form); everything else must look like a missing page (404), or a
login prompt for anonymous callers.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from eteams.models import (
    ApiToken,
    ContractChange,
    FinancingOption,
    ImportUpload,
    Job,
    Measure,
    PriceBook,
    Shift,
    SocialActivity,
    SroiContract,
    Visit,
    VisitConsent,
    WalkList,
    WalkListStop,
)
from eteams.models.enums import (
    ConsentKind,
    ContractType,
    FinancingKind,
    JobKind,
    JobState,
    Outcome,
)
from eteams.services import accounts, clock, sroi
from tests import factories
from tests.conftest import csrf_from, login

VISIT_UUID = "0b7f5a4e-9c1d-4f7e-8a52-3c1f2d9e6b10"
ANON, COACH, LEAD, EMPLOYER, ADMIN = "anonymous", "coach", "lead", "employer", "admin"
# The same roles on the other side of a boundary: another employer's HR user, a lead of
# another team, a coach of another team (and employer). The world's objects are not theirs.
OTHER_EMPLOYER, OTHER_LEAD, OTHER_COACH = "other_employer", "other_lead", "other_coach"
ROLES = (ANON, COACH, LEAD, EMPLOYER, ADMIN)
EVERYONE = frozenset(ROLES)
SIGNED_IN = frozenset({COACH, LEAD, EMPLOYER, ADMIN})
# Object-level rules: which URL parameters name something outside the other user's reach.
# Leads plan across teams, so a walk list (and the campaign's visits) is every lead's;
# an employee, a team and its shifts are only their own lead's.
OTHERS: dict[str, tuple[str, frozenset[str]]] = {
    OTHER_EMPLOYER: (EMPLOYER, frozenset({"employer_id", "employee_id", "job_id"})),
    OTHER_LEAD: (LEAD, frozenset({"employee_id", "team_id", "shift_id"})),
    OTHER_COACH: (
        COACH,
        frozenset({"team_id", "shift_id", "walk_list_id", "visit_uuid", "token_id"}),
    ),
}
# A page that names a team's coaches is its own lead's only, even where a walk list is its key.
TEAM_PAGES = frozenset({"lead.paper_visits"})

EXPECTED: dict[str, frozenset[str]] = {
    "static": EVERYONE,
    "main.health": EVERYONE,
    "auth.login": EVERYONE,
    "auth.logout": EVERYONE,
    "api-docs.openapi_json": EVERYONE,
    "main.home": SIGNED_IN,
    "auth.profile": SIGNED_IN,
    # Their own tokens only: the world's token is the coach's, so for anyone else it is a 404.
    "auth.revoke_own_token": frozenset({COACH}),
    "api_me.me": SIGNED_IN,
    "admin.index": frozenset({ADMIN}),
    "admin.employers": frozenset({ADMIN}),
    "admin.employer_form": frozenset({ADMIN}),
    "admin.add_contract": frozenset({ADMIN}),
    "admin.end_contract": frozenset({ADMIN}),
    "admin.add_social_activity": frozenset({ADMIN}),
    "admin.remove_social_activity": frozenset({ADMIN}),
    "admin.employees": frozenset({ADMIN}),
    "admin.employee_form": frozenset({ADMIN}),
    "admin.add_training": frozenset({ADMIN}),
    "admin.add_contract_change": frozenset({ADMIN}),
    "admin.remove_contract_change": frozenset({ADMIN}),
    "admin.teams": frozenset({ADMIN}),
    "admin.team_form": frozenset({ADMIN}),
    "admin.users": frozenset({ADMIN}),
    "admin.user_form": frozenset({ADMIN}),
    "admin.tokens": frozenset({ADMIN}),
    "admin.revoke_token": frozenset({ADMIN}),
    "lead.index": frozenset({LEAD, ADMIN}),
    "coach.index": frozenset({COACH}),
    "coach.service_worker": EVERYONE,
    "coach.offline": EVERYONE,  # names nobody: the tablet shows it when nobody is signed in
    "employer.index": frozenset({EMPLOYER, LEAD, ADMIN}),
    "admin.programme": frozenset({ADMIN}),
    "admin.programme_pdf": frozenset({ADMIN}),
    "admin.programme_csv": frozenset({ADMIN}),
    "sroi.index": frozenset({ADMIN}),
    "audit.index": frozenset({ADMIN}),
    "sroi.new": frozenset({ADMIN}),
    "sroi.confirm": frozenset({ADMIN}),
    "api_employers.list_employers": frozenset({EMPLOYER, LEAD, ADMIN}),
    "api_employers.get_employer": frozenset({EMPLOYER, LEAD, ADMIN}),
    "api_employers.create_employer": frozenset({ADMIN}),
    "api_employers.update_employer": frozenset({ADMIN}),
    "api_employers.placement_report_csv": frozenset({EMPLOYER, LEAD, ADMIN}),
    "api_employers.placement_report_pdf": frozenset({EMPLOYER, LEAD, ADMIN}),
    "api_employees.list_employees": frozenset({EMPLOYER, LEAD, ADMIN}),
    "api_employees.get_employee": frozenset({EMPLOYER, LEAD, ADMIN}),
    "api_employees.create_employee": frozenset({ADMIN}),
    "api_employees.update_employee": frozenset({ADMIN}),
    "api_employees.add_training_record": frozenset({ADMIN}),
    "api_employees.add_contract_change": frozenset({ADMIN}),
    "api_employees.remove_contract_change": frozenset({ADMIN}),
    "api_teams.list_teams": frozenset({COACH, LEAD, ADMIN}),
    "api_teams.get_team": frozenset({COACH, LEAD, ADMIN}),
    "api_teams.create_team": frozenset({ADMIN}),
    "api_teams.update_team": frozenset({ADMIN}),
    "api_users.list_users": frozenset({ADMIN}),
    "api_users.get_user": frozenset({ADMIN}),
    "api_users.create_user": frozenset({ADMIN}),
    "api_users.update_user": frozenset({ADMIN}),
    "api_campaigns.list_campaigns": frozenset({LEAD, ADMIN}),
    "api_campaigns.get_campaign": frozenset({LEAD, ADMIN}),
    "api_campaigns.create_campaign": frozenset({LEAD, ADMIN}),
    "api_campaigns.update_campaign": frozenset({LEAD, ADMIN}),
    "api_campaigns.import_addresses": frozenset({LEAD, ADMIN}),
    "api_campaigns.list_addresses": frozenset({LEAD, ADMIN}),
    "api_campaigns.get_address": frozenset({LEAD, ADMIN}),
    "api_campaigns.export_address": frozenset({ADMIN}),
    "api_campaigns.erase_address": frozenset({ADMIN}),
    "lead.campaign_list": frozenset({LEAD, ADMIN}),
    "lead.campaign_form": frozenset({LEAD, ADMIN}),
    "lead.campaign": frozenset({LEAD, ADMIN}),
    "lead.search": frozenset({LEAD, ADMIN}),
    "lead.geocode": frozenset({LEAD, ADMIN}),
    "lead.unplaced": frozenset({LEAD, ADMIN}),
    "lead.campaign_map": frozenset({LEAD, ADMIN}),
    "lead.campaign_map_data": frozenset({LEAD, ADMIN}),
    "lead.upload": frozenset({LEAD, ADMIN}),
    "lead.import_preview": frozenset({LEAD, ADMIN}),
    "lead.household": frozenset({LEAD, ADMIN}),
    "lead.place": frozenset({LEAD, ADMIN}),
    "lead.do_not_visit": frozenset({LEAD, ADMIN}),
    "admin.household_export": frozenset({ADMIN}),
    "admin.household_erase": frozenset({ADMIN}),
    "lead.schedule": frozenset({LEAD, ADMIN}),
    "lead.new_shift": frozenset({LEAD, ADMIN}),
    "lead.shift": frozenset({LEAD, ADMIN}),
    "lead.cancel_shift": frozenset({LEAD, ADMIN}),
    "lead.attendance": frozenset({LEAD, ADMIN}),
    "api_shifts.list_shifts": frozenset({COACH, LEAD, ADMIN}),
    "api_shifts.get_shift": frozenset({COACH, LEAD, ADMIN}),
    "api_shifts.create_shift": frozenset({LEAD, ADMIN}),
    "api_shifts.create_series": frozenset({LEAD, ADMIN}),
    "api_shifts.update_shift": frozenset({LEAD, ADMIN}),
    "api_shifts.put_attendance": frozenset({LEAD, ADMIN}),
    "api_walklists.create_plan": frozenset({LEAD, ADMIN}),
    "api_walklists.list_walk_lists": frozenset({COACH, LEAD, ADMIN}),
    "api_walklists.get_walk_list": frozenset({LEAD, ADMIN}),
    "api_walklists.patch_walk_list": frozenset({LEAD, ADMIN}),
    "lead.plan": frozenset({LEAD, ADMIN}),
    "lead.plan_data": frozenset({LEAD, ADMIN}),
    "lead.change_walk_list": frozenset({LEAD, ADMIN}),
    "lead.change_doors_of_day": frozenset({LEAD, ADMIN}),
    "lead.change_all_lists": frozenset({LEAD, ADMIN}),
    "lead.all_walk_sheets": frozenset({LEAD, ADMIN}),
    "lead.walk_sheet_pdf": frozenset({LEAD, ADMIN}),
    "lead.paper_visits": frozenset({LEAD, ADMIN}),
    "lead.visit_reviews": frozenset({LEAD, ADMIN}),
    "lead.visit_reviewed": frozenset({LEAD, ADMIN}),
    "api_visits.put_visit": frozenset({COACH, LEAD, ADMIN}),
    "api_visits.list_visits": frozenset({COACH, LEAD, ADMIN}),
    "api_visits.list_measures": frozenset({COACH, LEAD, ADMIN}),
    "api_visits.list_financing_options": frozenset({COACH, LEAD, ADMIN}),
    "api_letters.letter_pdf": frozenset({COACH, LEAD, ADMIN}),
    "api_letters.register": frozenset({LEAD, ADMIN}),
    "lead.letter_register": frozenset({LEAD, ADMIN}),
    "lead.letter_bundle": frozenset({LEAD, ADMIN}),
    "lead.letters_sent": frozenset({LEAD, ADMIN}),
    "lead.letter_bundle_job": frozenset({LEAD, ADMIN}),
    "lead.job": frozenset({LEAD, ADMIN}),
    "lead.job_status": frozenset({LEAD, ADMIN}),
    "lead.retry_job": frozenset({LEAD, ADMIN}),
    "lead.job_result": frozenset({LEAD, ADMIN}),
    "reports.placement_report": frozenset({EMPLOYER, LEAD, ADMIN}),
    "reports.programme_report": frozenset({ADMIN}),
    # A report job and its file are its asker's only (here the employer's HR officer's).
    "reports.job": frozenset({EMPLOYER}),
    "reports.job_status": frozenset({EMPLOYER}),
    "reports.retry_job": frozenset({EMPLOYER}),
    "reports.job_result": frozenset({EMPLOYER}),
    "catalogue.index": frozenset({ADMIN}),
    "catalogue.measure": frozenset({ADMIN}),
    "catalogue.financing": frozenset({ADMIN}),
    "catalogue.add_price_book": frozenset({ADMIN}),
    "catalogue.remove_price_book": frozenset({ADMIN}),
}


@dataclass
class World:
    users: dict[str, object]
    ids: dict[str, Any]  # a route's name: ids of its own


@pytest.fixture
def world(session) -> World:  # noqa: ANN001
    """Employer A with an HR user; an employee of A in the lead's team, with a coach login."""
    employer = factories.EmployerFactory()
    employee = factories.EmployeeFactory(employer=employer)
    campaign = factories.CampaignFactory()
    address = factories.AddressFactory(campaign=campaign)
    upload = ImportUpload(campaign_id=campaign.id, filename="a.csv", content=b"straat;huisnummer\n")
    session.add(upload)
    session.flush()
    lead = factories.user(LEAD)
    team = factories.TeamFactory(lead_user_id=lead.id)
    factories.MembershipFactory(team=team, employee=employee)
    shift = Shift(
        team=team,
        date=clock.today() - timedelta(days=1),
        start_time=time(9, 30),
        end_time=time(12, 30),
    )
    session.add(shift)
    walk_list = WalkList(
        campaign_id=campaign.id,
        shift=shift,
        date=shift.date,
        stops=[WalkListStop(address_id=address.id, seq=1)],
    )
    session.add(walk_list)
    session.flush()
    other_employer = factories.EmployerFactory()
    other_employee = factories.EmployeeFactory(employer=other_employer)
    other_lead = factories.user(LEAD)
    factories.MembershipFactory(
        team=factories.TeamFactory(lead_user_id=other_lead.id), employee=other_employee
    )
    users = {
        ADMIN: factories.user(ADMIN),
        LEAD: lead,
        COACH: factories.user(COACH, employee=employee),
        EMPLOYER: factories.user(EMPLOYER, employer=employer),
        OTHER_EMPLOYER: factories.user(EMPLOYER, employer=other_employer),
        OTHER_LEAD: other_lead,
        OTHER_COACH: factories.user(COACH, employee=other_employee),
    }
    measure = Measure(
        key="radiator_foil", name_nl="Radiatorfolie", name_en="Radiator foil", category="small"
    )
    option = FinancingOption(
        key="isde", kind=FinancingKind.SUBSIDY, name_nl="ISDE", name_en="ISDE", rules={}
    )
    books = [PriceBook(valid_from=date(2026, month, 1), gas_eur_per_m3=Decimal("1.20"),
                       electricity_eur_per_kwh=Decimal("0.25"), source="test")
             for month in (1, 2)]  # fmt: skip
    session.add_all([measure, option, *books])
    change = ContractChange(employee=employee, starts_on=employee.hired_on + timedelta(days=30),
                            contract_type=ContractType.PERMANENT, hours_per_week=Decimal(20))  # fmt: skip
    # a second one for the form's remove button (the API's DELETE removes the first)
    second = ContractChange(employee=employee, starts_on=employee.hired_on + timedelta(days=60),
                            contract_type=ContractType.PERMANENT, hours_per_week=Decimal(24))  # fmt: skip
    activity = SocialActivity(employer=employer, day=date(2026, 3, 2), hours=Decimal(3),
                              description="Workshop")  # fmt: skip
    contract = SroiContract(employer=employer, reference="T-1", contract_value=Decimal(100000),
                            obligation_percent=Decimal(5), starts_on=date(2026, 1, 1))  # fmt: skip
    job = Job(kind=JobKind.PLAN, scope=f"{campaign.id}:{shift.date}", campaign_id=campaign.id,
              day=shift.date, params={}, state=JobState.DONE, language="nl", summary={})  # fmt: skip
    report = Job(kind=JobKind.PLACEMENT_REPORT, scope="r:access", params={
        "employer_id": employer.id, "start": "2026-01-01", "end": "2026-03-31",
        "audience": "employer", "format": "pdf", "filename": "plaatsing.pdf"},
        state=JobState.DONE, language="nl", summary={"people": 1},
        created_by_id=users[EMPLOYER].id)  # fmt: skip
    session.add_all([change, second, activity, contract, job, report])
    session.add(Visit(uuid=uuid.UUID(VISIT_UUID), address=address, walk_list=walk_list,
                      recorded_by=users[COACH], outcome=Outcome.CONVERSATION,
                      visited_at=datetime(2026, 3, 2, 10, tzinfo=UTC),
                      consents=[VisitConsent(kind=ConsentKind.ADVICE_LETTER, given=True, wording_version="2026-01")]))  # fmt: skip
    session.flush()
    ids = {
        "employer_id": employer.id,
        "employee_id": employee.id,
        "change_id": change.id,
        "activity_id": activity.id,
        "contract_id": contract.id,
        "admin.remove_contract_change": {"change_id": second.id},
        "team_id": team.id,
        "user_id": users[COACH].id,
        "campaign_id": campaign.id,
        "address_id": address.id,
        "upload_id": upload.id,
        "shift_id": shift.id,
        "walk_list_id": walk_list.id,
        "job_id": job.id,
        **{f"reports.{name}": {"job_id": report.id}
           for name in ("job", "job_status", "retry_job", "job_result")},
        "visit_uuid": VISIT_UUID,
        "visit_id": session.scalar(select(Visit.id).where(Visit.uuid == uuid.UUID(VISIT_UUID))),
        "filename": "css/app.css",
        "day": "2026-03-02",
        "measure_id": measure.id,
        "option_id": option.id,
        "book_id": books[1].id,
        "token_id": _token_of(session, users[COACH]),
        "rule_set_id": sroi.add_rule_set(session, "Utrecht", None, "bron",
                                         sroi.shipped_version("Utrecht", "C")[1], actor_id=None).id,
    }  # fmt: skip
    return World(users, ids)


def _token_of(session, user) -> int:  # noqa: ANN001
    accounts.create_token(session, user, "script", actor_id=None)
    session.flush()
    return session.scalar(select(ApiToken.id).where(ApiToken.user_id == user.id))


def _cases(app: Flask) -> list[tuple[str, str, str]]:
    cases = []
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            cases.append((rule.endpoint, rule.rule, method))
    # Erasing a household changes what later routes may answer: do it last.
    return sorted(cases, key=lambda case: "erase" in case[0])


def test_every_route_is_in_the_table(app: Flask) -> None:
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints - EXPECTED.keys() == set(), "add the new routes to EXPECTED"
    assert EXPECTED.keys() - endpoints == set(), "EXPECTED names routes that are gone"


def _url(rule: str, ids: dict[str, object]) -> str:
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", lambda m: str(ids[m.group(1)]), rule)


def _is_denied(role: str, response, is_api: bool) -> bool:  # noqa: ANN001
    if role == ANON:
        if is_api:
            return response.status_code == 401
        return response.status_code == 302 and "/login" in response.headers["Location"]
    return response.status_code == 404


def _expected(role: str, endpoint: str, rule: str) -> bool:
    if role in OTHERS:
        base, out_of_reach = OTHERS[role]
        params = set(re.findall(r"<(?:[a-z]+:)?([a-z_]+)>", rule))
        if role == OTHER_LEAD and endpoint in TEAM_PAGES:
            return False
        return base in EXPECTED[endpoint] and not params & out_of_reach
    return role in EXPECTED[endpoint]


@pytest.mark.parametrize("role", [*ROLES, *OTHERS])
def test_access_table(app: Flask, client, world: World, role: str) -> None:  # noqa: ANN001
    token = None if role == ANON else login(client, world.users[role])
    if token is None:
        token = csrf_from(client.get("/login").get_data(as_text=True))
    failures = []
    for endpoint, rule, method in _cases(app):
        if endpoint == "auth.logout":
            continue  # would end this client's session; covered in test_auth
        url = _url(rule, {**world.ids, **world.ids.get(endpoint, {})})
        is_api = url.startswith("/api/")
        kwargs = {"headers": {"X-CSRFToken": token}}
        if method != "GET":
            kwargs["json" if is_api else "data"] = {} if is_api else {"csrf_token": token}
        response = client.open(url, method=method, **kwargs)
        allowed = _expected(role, endpoint, rule)
        denied = _is_denied(role, response, is_api)
        if allowed == denied or response.status_code >= 500:
            failures.append(
                f"{method} {url}: {response.status_code} (expected {'allowed' if allowed else 'denied'})"
            )
    assert failures == []


def test_an_unmarked_view_is_closed(database_url: str, world: World) -> None:
    """Deny by default: a view that forgot its access mark answers 404, even to an admin."""
    from flask_login import login_user
    from werkzeug.exceptions import NotFound

    from eteams.security import _check_access
    from tests.conftest import make_app

    other = make_app(database_url)
    other.add_url_rule("/unmarked", "unmarked", lambda: "secret")
    with other.test_request_context("/unmarked"):
        login_user(world.users[ADMIN])
        with pytest.raises(NotFound):
            _check_access()


def test_placement_page_shows_each_role_only_the_people_in_reach(
    client, session, make_user
) -> None:  # noqa: ANN001
    """A lead sees the members of their own teams only; an employer only its own people."""
    lead = make_user("lead")
    mine = factories.MembershipFactory(team=factories.TeamFactory(lead_user_id=lead.id)).employee
    stranger = factories.EmployeeFactory(last_name="Vreemdeling")
    login(client, lead)
    html = client.get("/employer/").get_data(as_text=True)
    assert mine.first_name in html
    assert stranger.first_name not in html
    employer_client = client.application.test_client()
    login(employer_client, make_user("employer", employer=stranger.employer))
    html = employer_client.get("/employer/").get_data(as_text=True)
    assert stranger.first_name in html
    assert mine.first_name not in html
