"""Fuzzing the API from its own OpenAPI document (schemathesis): whatever is sent, with an
admin's, a lead's, a coach's or an employer's token, the answer is never a server error.
"""

from __future__ import annotations

from datetime import time

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from eteams.extensions import db
from eteams.models import Shift, WalkList, WalkListStop
from eteams.models.enums import WalkListStatus
from eteams.services import accounts, clock
from tests import factories


@pytest.fixture
def api_schema(app, session):  # noqa: ANN001, ANN201
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


@pytest.fixture
def tokens(app, session) -> dict[str, str]:  # noqa: ANN001
    """Some data for the generated ids to hit, and a token per role."""
    employee = factories.EmployeeFactory()
    team = factories.TeamFactory()
    factories.MembershipFactory(team=team, employee=employee)
    campaign = factories.CampaignFactory()
    doors = [factories.AddressFactory(campaign=campaign) for _ in range(3)]
    shift = Shift(team=team, date=clock.today(), start_time=time(9), end_time=time(12))
    session.add(shift)
    session.flush()
    session.add(WalkList(campaign_id=campaign.id, shift=shift, date=shift.date,
                         status=WalkListStatus.PUBLISHED,
                         stops=[WalkListStop(address_id=d.id, seq=n) for n, d in enumerate(doors, 1)]))  # fmt: skip
    session.flush()
    lead = factories.user("lead")
    team.lead_user_id = lead.id
    users = {"admin": factories.user("admin"), "lead": lead,
             "coach": factories.user("coach", employee=employee),
             "employer": factories.user("employer", employer=employee.employer)}  # fmt: skip
    session.flush()
    with app.app_context():
        found = {}
        for role, user in users.items():
            found[role] = accounts.create_token(
                db.session, db.session.merge(user), "fuzz", actor_id=None
            )
        db.session.commit()
    return found


# 10 generated requests per operation, each sent with every role's token.
EXAMPLES = 10


def test_no_input_gives_a_server_error(app, tokens) -> None:  # noqa: ANN001
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 40, "the whole API is fuzzed"
    failures: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        def check(case) -> None:  # noqa: ANN001
            for role, token in tokens.items():
                response = case.call(headers={"Authorization": f"Bearer {token}"})
                if response.status_code >= 500:
                    failures.append(f"{case.method} {case.formatted_path} as {role}: "
                                    f"{response.status_code}\n{case.as_curl_command()}")  # fmt: skip

        check()
    assert failures == [], "\n".join(failures[:10])
