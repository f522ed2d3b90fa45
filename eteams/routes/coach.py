"""The coach's tablet: one page that works offline, and its service worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, current_app, make_response, render_template, send_file
from flask_babel import get_locale
from flask_login import AnonymousUserMixin, current_user
from sqlalchemy import select

from eteams import security
from eteams.extensions import db
from eteams.labels import choices, label
from eteams.models import Team, TeamMembership
from eteams.models.enums import (
    BuildingYearClass,
    DwellingType,
    EnergyLabel,
    Glazing,
    Heating,
    Outcome,
    Tenure,
)
from eteams.permissions import Permission
from eteams.security import public, requires
from eteams.services import advice, catalogue, clock, progress, shifts
from eteams.services.consents import CONSENT_TEXTS, WORDING_VERSION

bp = Blueprint("coach", __name__, url_prefix="/coach")

OFFLINE_USER_HEADER = "X-Eteams-Offline-User"  # read by static/js/sw.js

OUTCOME_ICONS = {
    "not_home": "🚪", "no_answer": "🔕", "refused": "✋", "come_back_later": "🕓",
    "conversation": "💬", "moved": "📦", "no_access": "🔒", "do_not_visit": "⛔",
}  # fmt: skip


@bp.route("/")
@requires(Permission.OWN_WALK_LISTS)
def index() -> Any:
    coming = shifts.coming_shifts(db.session, current_user.employee_id, clock.today())
    own_teams = db.session.scalars(
        select(Team).join(TeamMembership, TeamMembership.team_id == Team.id)
        .where(TeamMembership.employee_id == current_user.employee_id).distinct()
    ).all()  # fmt: skip
    locale = get_locale().language
    measures = catalogue.active_measures(db.session)
    page = render_template(
        "coach/index.html",
        employee=current_user.employee,
        shifts=coming,
        milestones=progress.milestones(db.session, list(own_teams), clock.today()),
        outcomes=[(o.value, OUTCOME_ICONS[o.value]) for o in Outcome],
        measures=measures,
        locale=locale,
        consent_texts={kind: texts[locale] for kind, texts in CONSENT_TEXTS.items()},
        wording_version=WORDING_VERSION,
        session_limits=security.session_limits(),
        outcome_labels={o.value: str(label(Outcome, o)) for o in Outcome},
        choice_lists={
            "tenure": choices(Tenure),
            "dwelling_type": choices(DwellingType),
            "building_year_class": choices(BuildingYearClass),
            "heating": choices(Heating),
            "energy_label": [(e.value, e.value) for e in EnergyLabel],
            "glazing": choices(Glazing),
        },
        suitability=advice.form_suitability(tuple(m.key for m in measures if not m.is_small)),
    )
    response = make_response(page)
    # The one page the service worker may keep for working offline, in this user's own cache
    # (never served to anyone else; removed at sign-out). It stays out of the HTTP cache.
    response.headers[OFFLINE_USER_HEADER] = str(current_user.id)
    return response


@bp.route("/offline")
@public
def offline() -> Any:
    """What the tablet shows without network when nobody is signed in on it. The service
    worker keeps it in its shell cache, so it names nobody, whoever's tablet fetched it."""
    return render_template("coach/offline.html", current_user=AnonymousUserMixin())


@bp.route("/sw.js")
@public
def service_worker() -> Any:
    """Served from /coach/ so its scope is the coach's pages; never cached by the browser."""
    path = Path(current_app.static_folder) / "js" / "sw.js"
    response = send_file(path, mimetype="text/javascript", max_age=0)
    response.headers["Cache-Control"] = "no-cache"
    return response
