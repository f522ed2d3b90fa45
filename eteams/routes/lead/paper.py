"""The paper walk sheet typed in by the lead: every door of a list on one page, saved whole."""

from __future__ import annotations

import uuid as uuid_module
from typing import Any

import marshmallow as ma
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from eteams.extensions import db
from eteams.forms.base import Form
from eteams.forms.paper import (
    DoorForm,
    conversation_typed,
    defaults,
    door_form,
    show_visit_errors,
    visit_body,
)
from eteams.models import Shift, WalkList
from eteams.permissions import Permission
from eteams.routes.api import field_messages
from eteams.routes.api.schemas import VisitSchema
from eteams.routes.api.visits import visit_input
from eteams.routes.helpers import get_visible_or_404
from eteams.routes.lead import bp
from eteams.security import requires
from eteams.services import advice, catalogue, paper_entry


def _team_list_or_404(walk_list_id: int) -> WalkList:
    """The page names the team's coaches: a list of another lead's team is out of reach."""
    walk_list = get_visible_or_404(WalkList, walk_list_id)
    get_visible_or_404(Shift, walk_list.shift_id)
    return walk_list


@bp.route("/walklists/<int:walk_list_id>/paper", methods=["GET", "POST"])
@requires(Permission.VISITS_WRITE)
def paper_visits(walk_list_id: int) -> Any:
    walk_list = _team_list_or_404(walk_list_id)
    doors = paper_entry.sheet_doors(db.session, walk_list)
    measures = catalogue.active_measures(db.session)
    forms = _door_forms(walk_list, doors, door_form(measures))
    page = Form()
    if not page.validate_on_submit():
        return _render(walk_list, doors, forms, measures, page)
    entries = [e for e in (_entry(walk_list, d, f) for d, f in zip(doors, forms, strict=True)) if e]
    if any(f.errors or f.door_errors for f in forms):
        return _render(walk_list, doors, forms, measures, page)
    if not entries:
        page.form_errors.append(_("Choose an outcome for at least one door."))
        return _render(walk_list, doors, forms, measures, page)
    try:
        paper_entry.save_sheet(db.session, walk_list, entries, current_user)
    except paper_entry.SheetErrors as errors:
        db.session.rollback()
        by_address = {d.address.id: f for d, f in zip(doors, forms, strict=True)}
        for address_id, fields in errors.doors.items():
            show_visit_errors(by_address[address_id], fields)
        return _render(walk_list, doors, forms, measures, page)
    db.session.commit()
    n = len(entries)
    flash(ngettext("%(n)d visit typed in from the sheet.", "%(n)d visits typed in from the sheet.",
                   n, n=n), "success")  # fmt: skip
    return redirect(url_for("lead.paper_visits", walk_list_id=walk_list.id))


def _door_forms(walk_list: WalkList, doors: list, form_class: type[DoorForm]) -> list[DoorForm]:
    walkers = [SelectChoice(e.id, e.full_name) for e in paper_entry.walkers(walk_list)]
    likely = paper_entry.likely_walkers(walk_list)
    forms = []
    for door in doors:
        form = form_class(prefix=f"a{door.address.id}-",
                          data=defaults(door.default_time, likely, door.prefill))  # fmt: skip
        form.coaches.choices = walkers
        form.uuid.data = form.uuid.data or str(uuid_module.uuid4())
        forms.append(form)
    return forms


def _entry(walk_list: WalkList, door: paper_entry.PaperDoor, form: DoorForm) -> Any:
    """The door's visit as the tablet would send it, checked by the tablet's own schema."""
    if not form.validate() or not form.outcome.data:
        if not form.outcome.data and conversation_typed(form, door.prefill):
            form.outcome.errors = [*form.outcome.errors, _("Choose the outcome of this door.")]
        return None
    if form.outcome.data != "conversation" and conversation_typed(form, door.prefill):
        form.outcome.errors = [_("Only a conversation has household answers: choose Conversation, "
                                 "or empty the household form.")]  # fmt: skip
        return None
    try:
        visit_uuid = uuid_module.UUID(form.uuid.data)
        data = VisitSchema().load(visit_body(form, walk_list.id, door.address.id, walk_list.date))
    except ValueError:
        form.door_errors.append(_("This form is out of date: reload the page."))
        return None
    except ma.ValidationError as error:
        show_visit_errors(form, field_messages(error.messages))
        return None
    data = visit_input(data)
    data.coach_ids, data.on_paper = list(form.coaches.data or []), True
    return paper_entry.PaperVisit(door.address.id, visit_uuid, data)


def _render(
    walk_list: WalkList, doors: list, forms: list[DoorForm], measures: list, page: Form
) -> Any:
    failed = page.errors or any(f.errors or f.door_errors for f in forms)
    html = render_template("lead/paper.html", walk_list=walk_list, doors=doors, forms=forms,
                           measures={m.key: m for m in measures}, page=page,
                           fits=paper_entry.fits,
                           suitability=advice.form_suitability(tuple(
                               m.key for m in measures if not m.is_small)))  # fmt: skip
    return html, 422 if failed else 200
