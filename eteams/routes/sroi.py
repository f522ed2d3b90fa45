"""The admin's social-return rule tables: one versioned table per municipality."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from eteams.extensions import db
from eteams.forms.sroi import SroiRuleSetForm, field_name
from eteams.models import Employer, SroiRuleSet
from eteams.permissions import Permission
from eteams.routes.helpers import show_errors
from eteams.security import requires
from eteams.services import sroi
from eteams.services.errors import ValidationError

bp = Blueprint("sroi", __name__, url_prefix="/admin/sroi")


@bp.route("/")
@requires(Permission.SROI_RULES)
def index() -> Any:
    rule_sets = db.session.scalars(
        select(SroiRuleSet)
        .options(selectinload(SroiRuleSet.rules))
        .order_by(SroiRuleSet.municipality, SroiRuleSet.version.desc())
    ).all()
    by_municipality = [(m, list(sets)) for m, sets in groupby(rule_sets, lambda s: s.municipality)]
    covered = {m.lower() for m, _sets in by_municipality}
    missing = sorted(
        {m for m in db.session.scalars(select(Employer.municipality)) if m.lower() not in covered}
    )
    return render_template(
        "admin/sroi.html", by_municipality=by_municipality, missing=missing, rules=sroi.RULES
    )


@bp.route("/new", methods=["GET", "POST"])
@requires(Permission.SROI_RULES)
def new() -> Any:
    form = SroiRuleSetForm()
    if not form.is_submitted():
        municipality = request.args.get("municipality", "").strip()[:100]
        form.municipality.data = municipality
        previous = sroi.latest(db.session, municipality) if municipality else None
        if previous is not None:
            for rule in previous.rules:
                getattr(form, field_name(rule.key)).data = rule.amount
    if form.validate_on_submit():
        try:
            rule_set = sroi.add_rule_set(
                db.session, form.municipality.data, form.valid_from.data, form.source.data,
                form.amounts(), actor_id=current_user.id,
            )  # fmt: skip
        except ValidationError as error:
            db.session.rollback()
            # The service names rules by key ("base.ww"); the form's fields are "base__ww".
            show_errors(form, ValidationError({field_name(k): v for k, v in error.fields.items()}))
        else:
            db.session.commit()
            flash(_("Version %(v)d of %(m)s saved.", v=rule_set.version, m=rule_set.municipality),
                  "success")  # fmt: skip
            return redirect(url_for("sroi.index"))
    status = 422 if form.is_submitted() else 200
    return render_template("admin/sroi_form.html", form=form), status
