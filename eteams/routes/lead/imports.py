"""Address upload: upload → preview with the column mapping → import every row or none."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_login import current_user

from eteams.extensions import db
from eteams.forms.campaigns import UploadForm
from eteams.models import Campaign, ImportUpload
from eteams.permissions import Permission
from eteams.routes.helpers import get_visible_or_404
from eteams.routes.lead import bp
from eteams.security import requires
from eteams.services import importing

PREVIEW_ROWS = 5


@bp.route("/campaigns/<int:campaign_id>/import", methods=["GET", "POST"])
@requires(Permission.CAMPAIGNS_WRITE)
def upload(campaign_id: int) -> Any:
    campaign = get_visible_or_404(Campaign, campaign_id)
    form = UploadForm()
    if form.validate_on_submit():
        file = form.file.data
        stored = ImportUpload(
            campaign_id=campaign.id,
            uploaded_by_id=current_user.id,
            filename=(file.filename or "upload.csv")[:200],
            content=file.read(),
        )
        db.session.add(stored)
        db.session.commit()
        return redirect(url_for("lead.import_preview", upload_id=stored.id))
    return render_template("lead/upload.html", campaign=campaign, form=form)


@bp.route("/imports/<int:upload_id>", methods=["GET", "POST"])
@requires(Permission.CAMPAIGNS_WRITE)
def import_preview(upload_id: int) -> Any:
    stored = get_visible_or_404(ImportUpload, upload_id)
    campaign = db.session.get(Campaign, stored.campaign_id)
    try:
        table = importing.read_table(stored.content)
    except importing.ImportRejected as rejected:
        return _show(stored, campaign, None, {}, rejected)
    mapping = importing.guess_mapping(table.header)
    if request.method == "POST":
        mapping = _mapping_from_form(len(table.header))
        try:
            result = importing.import_addresses(
                db.session, campaign, stored.content, mapping, actor_id=current_user.id
            )
        except importing.ImportRejected as rejected:
            db.session.rollback()
            return _show(stored, campaign, table, mapping, rejected), 422
        db.session.delete(stored)
        db.session.commit()
        n = result.imported
        flash(ngettext("%(n)d address imported.", "%(n)d addresses imported.", n, n=n), "success")
        return render_template("lead/import_done.html", campaign=campaign, result=result)
    return _show(stored, campaign, table, mapping, None)


def _mapping_from_form(columns: int) -> importing.Mapping:
    mapping: importing.Mapping = {}
    for name in importing.FIELDS:
        value = request.form.get(f"map-{name}", "")
        column = int(value) if value.isascii() and value.isdigit() else None
        mapping[name] = column if column is not None and column < columns else None
    return mapping


def _show(stored, campaign, table, mapping, rejected) -> str:  # noqa: ANN001
    return render_template(
        "lead/import_preview.html",
        stored=stored,
        campaign=campaign,
        table=table,
        preview=table.rows[:PREVIEW_ROWS] if table else [],
        mapping=mapping,
        fields=importing.FIELDS,
        required=importing.REQUIRED,
        labels=importing.FIELD_LABELS,
        rejected=rejected,
    )
