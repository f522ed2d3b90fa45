"""The team lead's pages: teams, campaigns, addresses and households."""

from flask import Blueprint

bp = Blueprint("lead", __name__, url_prefix="/lead")

from eteams.routes.lead import (  # noqa: E402, F401
    campaigns,
    home,
    households,
    imports,
    jobs,
    letters,
    paper,
    plan_day,
    planning,
    reviews,
    schedule,
    search,
)
