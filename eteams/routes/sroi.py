"""The admin's social-return rule tables: one versioned table per municipality."""

from __future__ import annotations

import json
from itertools import groupby
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from eteams.extensions import db
from eteams.forms.sroi import ConfirmValidFromForm, SroiRuleSetForm
from eteams.models import Employer, SroiRuleSet
from eteams.permissions import Permission
from eteams.routes.helpers import flash_errors, show_errors
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
    tables = {s.id: sroi.RuleTable.of(s) for s in rule_sets}
    return render_template(
        "admin/sroi.html", by_municipality=by_municipality, missing=missing, tables=tables,
        confirm_form=ConfirmValidFromForm(), per=sroi.PER_NL,
    )  # fmt: skip


@bp.route("/new", methods=["GET", "POST"])
@requires(Permission.SROI_RULES)
def new() -> Any:
    form = SroiRuleSetForm()
    if not form.is_submitted():
        municipality = request.args.get("municipality", "").strip()[:100]
        form.municipality.data = municipality
        previous = sroi.latest(db.session, municipality) if municipality else None
        if previous is not None:
            form.source.data = previous.source
            doc = sroi.document(previous)
        else:
            doc = sroi.shipped_version("Utrecht", "C")[1]  # an example to start from
        form.rules.data = json.dumps(doc, ensure_ascii=False, indent=2)
    if form.validate_on_submit():
        try:
            rule_set = sroi.add_rule_set(
                db.session, form.municipality.data, form.valid_from.data, form.source.data,
                sroi.loads(form.rules.data), actor_id=current_user.id,
            )  # fmt: skip
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Version %(v)d of %(m)s saved.", v=rule_set.version, m=rule_set.municipality),
                  "success")  # fmt: skip
            return redirect(url_for("sroi.index"))
    status = 422 if form.is_submitted() else 200
    return render_template("admin/sroi_form.html", form=form), status


@bp.route("/<int:rule_set_id>/valid-from", methods=["POST"])
@requires(Permission.SROI_RULES)
def confirm(rule_set_id: int) -> Any:
    rule_set = db.session.get(SroiRuleSet, rule_set_id) or abort(404)
    form = ConfirmValidFromForm()
    if not form.validate_on_submit():
        flash_errors(form.errors)
        return redirect(url_for("sroi.index"))
    try:
        sroi.confirm_valid_from(db.session, rule_set, form.valid_from.data,
                                actor_id=current_user.id)  # fmt: skip
    except ValidationError as error:
        db.session.rollback()
        flash_errors(error.fields)
    else:
        db.session.commit()
        flash(_("Version %(v)d of %(m)s applies from the date you confirmed.",
                v=rule_set.version, m=rule_set.municipality), "success")  # fmt: skip
    return redirect(url_for("sroi.index"))
