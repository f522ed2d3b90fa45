"""factory_boy factories: a test builds the few rows it needs and says so."""

from __future__ import annotations

import secrets
from datetime import date
from decimal import Decimal

import factory
from factory.alchemy import SQLAlchemyModelFactory

from eteams import models
from eteams.models.enums import ContractType, Role, TargetGroup, WalkListStatus
from eteams.services import accounts

PASSWORD = "correct horse battery"


def tag() -> str:
    """A random tag for names and e-mail addresses that must not clash between tests: digits
    only, so its letters can never spell part of PASSWORD (a random hex tag "e1b2a3" holds
    "eba", which is in "horsebattery", and the account is refused as using one's own name)."""
    return f"{secrets.randbelow(10**8):08d}"


class _Base(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_persistence = "flush"


class EmployerFactory(_Base):
    class Meta:
        model = models.Employer

    name = factory.Sequence(lambda n: f"Werkgever {n} B.V.")
    kvk_number = factory.Sequence(lambda n: f"{10000000 + n:08d}")
    contact_name = "Anna de Boer"
    contact_email = "hr@werkgever.example.nl"
    municipality = "Utrecht"


class EmployeeFactory(_Base):
    class Meta:
        model = models.Employee

    employer = factory.SubFactory(EmployerFactory)
    first_name = factory.Sequence(lambda n: f"Voornaam{n}")
    last_name = "Jansen"
    target_group = TargetGroup.PARTICIPATIEWET
    hired_on = date(2026, 1, 5)
    contract_type = ContractType.TEMPORARY
    hours_per_week = Decimal("32")
    # As the service does: the banenafspraak target group is the doelgroepregister.
    doelgroepregister = factory.LazyAttribute(lambda o: o.target_group is TargetGroup.BANENAFSPRAAK)


class TeamFactory(_Base):
    class Meta:
        model = models.Team

    name = factory.Sequence(lambda n: f"Team {n}")


class MembershipFactory(_Base):
    class Meta:
        model = models.TeamMembership

    team = factory.SubFactory(TeamFactory)
    employee = factory.SubFactory(EmployeeFactory)
    from_date = date(2026, 1, 5)


class CampaignFactory(_Base):
    class Meta:
        model = models.Campaign

    name = factory.Sequence(lambda n: f"Campagne {n}")
    municipality = "Utrecht"
    neighbourhood = "Lombok"
    starts_on = date(2026, 1, 1)
    ends_on = date(2026, 12, 31)


class AddressFactory(_Base):
    class Meta:
        model = models.Address

    campaign = factory.SubFactory(CampaignFactory)
    street = "Kanaalstraat"
    house_number = factory.Sequence(lambda n: n + 1)
    postcode = "3531 CA"
    city = "Utrecht"
    lat = factory.Sequence(lambda n: 52.09 + n * 0.0001)
    lon = factory.Sequence(lambda n: 5.10 + n * 0.0001)


class UserFactory(_Base):
    class Meta:
        model = models.User

    email = factory.Sequence(lambda n: f"user{n}@example.nl")
    password_hash = factory.LazyFunction(lambda: accounts.hash_password(PASSWORD))
    role = Role.ADMIN
    active = True


ALL = (
    EmployerFactory,
    EmployeeFactory,
    TeamFactory,
    MembershipFactory,
    CampaignFactory,
    AddressFactory,
    UserFactory,
)


def bind(session: object) -> None:
    for f in ALL:
        f._meta.sqlalchemy_session = session


def user(role: str, **kwargs: object) -> models.User:
    """A user of ``role`` with what that role needs: an employer, or an employee record."""
    role = Role(role)
    if role is Role.EMPLOYER and "employer" not in kwargs:
        kwargs["employer"] = EmployerFactory()
    if role is Role.COACH and "employee" not in kwargs:
        kwargs["employee"] = EmployeeFactory()
    return UserFactory(role=role, **kwargs)


def published_walk_list(session: object, shift: models.Shift, doors: int) -> models.WalkList:
    """A published list for ``shift`` with ``doors`` new addresses of a campaign of its own."""
    campaign = CampaignFactory()
    addresses = [AddressFactory(campaign=campaign) for _ in range(doors)]
    walk_list = models.WalkList(
        campaign_id=campaign.id, shift=shift, date=shift.date,
        status=WalkListStatus.PUBLISHED,
        stops=[models.WalkListStop(address_id=a.id, seq=n) for n, a in enumerate(addresses, 1)],
    )  # fmt: skip
    session.add(walk_list)
    session.flush()
    return walk_list
