"""One door: what we know of the dwelling, every visit in time order, and its privacy."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from eteams.extensions import db
from eteams.forms.campaigns import LocationForm
from eteams.models import Address, Measure
from eteams.permissions import Permission
from eteams.routes.helpers import get_visible_or_404, show_errors
from eteams.routes.lead import bp
from eteams.security import requires
from eteams.services import addresses, geocoding
from eteams.services.errors import ValidationError


@bp.route("/addresses/<int:address_id>")
@requires(Permission.CAMPAIGNS_READ)
def household(address_id: int) -> Any:
    address = get_visible_or_404(Address, address_id)
    form = LocationForm(obj=address)
    return _render(address, form)


def _render(address: Address, form: LocationForm, status: int = 200) -> Any:
    visits = addresses.household_visits(db.session, address.id)
    dutch = get_locale().language == "nl"
    names = {m.key: m.name_nl if dutch else m.name_en for m in db.session.scalars(select(Measure))}
    page = render_template("lead/household.html", address=address, visits=visits, form=form,
                           measure_names=names)  # fmt: skip
    return page, status


@bp.route("/addresses/<int:address_id>/location", methods=["POST"])
@requires(Permission.CAMPAIGNS_WRITE)
def place(address_id: int) -> Any:
    address = get_visible_or_404(Address, address_id)
    form = LocationForm()
    if form.validate_on_submit():
        try:
            geocoding.place_by_hand(db.session, address, form.lat.data, form.lon.data,
                                    actor_id=current_user.id)  # fmt: skip
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Location saved."), "success")
            return redirect(
                request.form.get("next_step") == "unplaced"
                and url_for("lead.unplaced", campaign_id=address.campaign_id)
                or url_for("lead.household", address_id=address.id)
            )
    return _render(address, form, 422)


@bp.route("/addresses/<int:address_id>/do-not-visit", methods=["POST"])
@requires(Permission.CAMPAIGNS_WRITE)
def do_not_visit(address_id: int) -> Any:
    address = get_visible_or_404(Address, address_id)
    value = request.form.get("value") == "1"
    addresses.set_do_not_visit(db.session, address, value, actor_id=current_user.id)
    db.session.commit()
    flash(_("This address will not be planned again.") if value else
          _("This address can be planned again."), "success")  # fmt: skip
    return redirect(url_for("lead.household", address_id=address.id))
