"""Te controleren bezoeken: visits from the field the server accepted with a doubt."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from eteams.extensions import db
from eteams.models import Visit
from eteams.permissions import Permission
from eteams.routes.helpers import get_visible_or_404
from eteams.routes.lead import bp
from eteams.security import requires
from eteams.services import reviews


@bp.route("/reviews")
@requires(Permission.VISITS_WRITE)
def visit_reviews() -> Any:
    rows = reviews.to_check(db.session, current_user)
    return render_template("lead/reviews.html", rows=rows)


@bp.route("/reviews/<int:visit_id>", methods=["POST"])
@requires(Permission.VISITS_WRITE)
def visit_reviewed(visit_id: int) -> Any:
    visit = get_visible_or_404(Visit, visit_id)
    if reviews.mark_reviewed(db.session, visit, current_user):
        flash(_("Visit marked as reviewed."), "success")
    db.session.commit()
    return redirect(url_for("lead.visit_reviews"))
