"""The programme's clock: instants are UTC, days are Europe/Amsterdam days.

"Today" is the day in Amsterdam, not the server's nor UTC's: from midnight to 01:00 (02:00 in
summer) Amsterdam is a day ahead of UTC. Every "today", "now" and day boundary goes through here.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/Amsterdam")


def now() -> dt.datetime:
    """This instant, in UTC."""
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    """The day it is now in Amsterdam."""
    return dt.datetime.now(LOCAL).date()


def local_day(instant: dt.datetime) -> dt.date:
    """The Amsterdam day of ``instant`` (a naive instant is taken as UTC)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.UTC)
    return instant.astimezone(LOCAL).date()


def local_time(instant: dt.datetime) -> dt.time:
    """What Amsterdam clocks show at ``instant`` (a naive instant is taken as UTC)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.UTC)
    return instant.astimezone(LOCAL).time()


def at(day: dt.date, wall_clock: dt.time) -> dt.datetime:
    """The instant (UTC) at which Amsterdam clocks show ``wall_clock`` on ``day``."""
    return dt.datetime.combine(day, wall_clock, tzinfo=LOCAL).astimezone(dt.UTC)


def day_start(day: dt.date) -> dt.datetime:
    """The instant (UTC) the Amsterdam day ``day`` begins."""
    return at(day, dt.time.min)


def days_span(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """From the start of ``start`` to the start of the day after ``end``: both days included."""
    return day_start(start), day_start(end + dt.timedelta(days=1))


def repeated_hour(instant: dt.datetime) -> bool:
    """Whether Amsterdam clocks show this instant's time twice: 02:00–03:00 on the night
    summer time ends (a naive instant is taken as UTC)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.UTC)
    local = instant.astimezone(LOCAL)
    return local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset()
