"""Sign-in throttling, counted in the database: every worker process and every instance sees
the same count (Flask-Limiter's default memory storage counted per process, so two workers
allowed twice the tries).

- From one address: ``limit`` failures per window (any accounts); then wait out the window.
- One account from one address: after ``limit`` failures in the last hour, each further
  failure doubles the wait (2 s, 4 s, 8 s … up to 15 minutes).
- One account from many addresses is never locked as a whole: failures from elsewhere do not
  keep the owner out. Each attacking address meets its own limits, argon2id makes every try
  slow, and weak passwords are refused (zxcvbn).

Keys are keyed digests (``audit.keyed_digest``): the table holds no e-mail and no address.
"""

from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from eteams.models import LoginFailure
from eteams.services.audit import keyed_digest

PAIR_WINDOW = dt.timedelta(hours=1)
MAX_WAIT = dt.timedelta(minutes=15)
KEEP = dt.timedelta(days=1)


def _keys(email: str, address: str) -> tuple[str, str]:
    return keyed_digest("account:" + email.strip().lower()), keyed_digest("address:" + address)


def wait_seconds(
    session: Session,
    email: str,
    address: str,
    now: dt.datetime,
    limit: int,
    window: dt.timedelta,
) -> int:
    """How long this address must wait before it may try this account again (0: now)."""
    account, where = _keys(email, address)
    from_address = session.execute(
        select(func.count(LoginFailure.id), func.min(LoginFailure.at)).where(
            LoginFailure.address_key == where, LoginFailure.at > now - window
        )
    ).one()
    waits = [0.0]
    if from_address[0] >= limit:
        waits.append((from_address[1] + window - now).total_seconds())
    pair = session.execute(
        select(func.count(LoginFailure.id), func.max(LoginFailure.at)).where(
            LoginFailure.account_key == account,
            LoginFailure.address_key == where,
            LoginFailure.at > now - PAIR_WINDOW,
        )
    ).one()
    if pair[0] >= limit:
        backoff = min(2.0 ** (pair[0] - limit + 1), MAX_WAIT.total_seconds())
        waits.append((pair[1] - now).total_seconds() + backoff)
    return max(0, math.ceil(max(waits)))


def record_failure(session: Session, email: str, address: str, now: dt.datetime) -> None:
    account, where = _keys(email, address)
    session.add(LoginFailure(account_key=account, address_key=where, at=now))
    session.execute(delete(LoginFailure).where(LoginFailure.at < now - KEEP))


def forget(session: Session, email: str, address: str) -> None:
    """A successful sign-in from this address clears its failures for the account."""
    account, where = _keys(email, address)
    session.execute(
        delete(LoginFailure).where(
            LoginFailure.account_key == account, LoginFailure.address_key == where
        )
    )
