"""The admin's catalogue: measures, financing options and dated price books."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from eteams.extensions import db
from eteams.forms.catalogue import FinancingForm, MeasureForm, PriceBookForm
from eteams.models import FinancingOption, Measure, PriceBook
from eteams.permissions import Permission
from eteams.routes.helpers import flash_errors, show_errors
from eteams.security import requires
from eteams.services import catalogue, clock
from eteams.services.errors import ValidationError

bp = Blueprint("catalogue", __name__, url_prefix="/admin/catalogue")

# What a measure with figures per dwelling type keeps in its figures, not in these fields.
FIGURED = ("unit", "invest_min_eur", "invest_max_eur", "gas_m3_saved_per_year",
           "kwh_saved_per_year", "lifetime_years", "source", "source_year")  # fmt: skip
MEASURE_FIELDS = ("name_nl", "name_en", "unit", "invest_min_eur", "invest_max_eur",
                  "gas_m3_saved_per_year", "kwh_saved_per_year", "lifetime_years", "source",
                  "source_year", "active")  # fmt: skip


@bp.route("/")
@requires(Permission.CATALOGUE_WRITE)
def index() -> Any:
    form = PriceBookForm()
    now = catalogue.price_book_on(db.session, clock.today())
    if now is not None:  # start from the prices in force: a new book changes what changed
        for name in catalogue.PRICE_LIMITS:  # (not the source: new prices need their own)
            getattr(form, name).data = getattr(now, name)
    return _catalogue_page(form)


def _catalogue_page(form: PriceBookForm) -> str:
    return render_template(
        "admin/catalogue.html",
        measures=db.session.scalars(select(Measure).order_by(Measure.category, Measure.key)).all(),
        financing=db.session.scalars(select(FinancingOption).order_by(FinancingOption.key)).all(),
        price_books=db.session.scalars(
            select(PriceBook).order_by(PriceBook.valid_from.desc())
        ).all(),
        form=form,
    )


def _or_404(model: type, object_id: int) -> Any:
    from flask import abort

    found = db.session.get(model, object_id)
    if found is None:
        abort(404)
    return found


@bp.route("/measures/<int:measure_id>", methods=["GET", "POST"])
@requires(Permission.CATALOGUE_WRITE)
def measure(measure_id: int) -> Any:
    item = _or_404(Measure, measure_id)
    form = MeasureForm(obj=item)
    form.measure_key = item.key
    form.big_measure = not item.is_small
    if item.figures:  # the figures hold these: one place to edit them
        for name in FIGURED:
            delattr(form, name)
    if not item.figures:  # say so plainly, not an empty "{}" that reads as saved figures
        form.figures.description = _("This measure has no figures: letters do not reckon with "
                                     "it. Write its figures here to add them.")  # fmt: skip
    if not form.is_submitted():
        form.figures.data = json.dumps(item.figures, indent=2, ensure_ascii=False) if (
            item.figures) else ""  # fmt: skip
    if form.validate_on_submit():
        values = {
            name: (getattr(form, name).data if getattr(form, name).data != "" else None)
            for name in MEASURE_FIELDS if name in form
        }  # fmt: skip
        for name in ("unit", "source"):
            if name in form:
                values[name] = getattr(form, name).data or ""
        sent = isinstance(form.figures.data, str) and form.figures.data.strip()
        if sent:
            values["figures"] = json.loads(form.figures.data)  # absent or empty: unchanged
        try:
            catalogue.save_measure(db.session, item, values, actor_id=current_user.id)
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Measure saved."), "success")
            if not sent:
                flash(_("The figures box was empty: the measure's figures stay as they were.")
                      if item.figures else _("The measure has no figures."), "warning")  # fmt: skip
            return redirect(url_for("catalogue.index"))
    page = render_template(
        "admin/form.html", form=form, title=item.key, back=url_for("catalogue.index")
    )
    return page, 422 if form.is_submitted() else 200


@bp.route("/financing/<int:option_id>", methods=["GET", "POST"])
@requires(Permission.CATALOGUE_WRITE)
def financing(option_id: int) -> Any:
    item = _or_404(FinancingOption, option_id)
    form = FinancingForm(obj=item)
    form.option_key, form.option_kind = item.key, item.kind.value
    if not form.is_submitted():
        form.rules.data = json.dumps(item.rules, indent=2, ensure_ascii=False)
    if form.validate_on_submit():
        fields = ("name_nl", "name_en", "description_nl", "description_en", "source",
                  "source_year", "active")  # fmt: skip
        values = {name: getattr(form, name).data for name in fields}
        values["rules"] = json.loads(form.rules.data)
        catalogue.save_financing(db.session, item, values, actor_id=current_user.id)
        db.session.commit()
        flash(_("Financing option saved."), "success")
        return redirect(url_for("catalogue.index"))
    page = render_template(
        "admin/form.html", form=form, title=item.name_nl, back=url_for("catalogue.index")
    )
    return page, 422 if form.is_submitted() else 200


@bp.route("/price-books", methods=["POST"])
@requires(Permission.CATALOGUE_WRITE)
def add_price_book() -> Any:
    form = PriceBookForm()
    if form.validate_on_submit():
        values = {name: getattr(form, name).data for name in
                  ("valid_from", "gas_eur_per_m3", "electricity_eur_per_kwh", "export_eur_per_kwh",
                   "co2_kg_per_m3_gas", "co2_kg_per_kwh", "source")}  # fmt: skip
        try:
            catalogue.add_price_book(db.session, values, actor_id=current_user.id,
                                     correct=form.correct.data)  # fmt: skip
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Price book saved."), "success")
            _tell_of_printed_letters(values["valid_from"])
            return redirect(url_for("catalogue.index"))
    return _catalogue_page(form), 422


def _tell_of_printed_letters(valid_from: Any) -> None:
    """A book from a day letters were printed for changes what they should say: the lead
    finds them marked in the register, the admin is told how many."""
    from flask_babel import ngettext

    from eteams.services import letters

    count = letters.printed_with_other_prices(db.session, valid_from)
    if count:
        flash(ngettext("%(n)d letter printed and not yet sent was made with other prices: the "
                       "team lead finds it marked in the letter register, to print the new "
                       "version. Letters already sent keep their figures.", "%(n)d letters "
                       "printed and not yet sent were made with other prices: the team lead "
                       "finds them marked in the letter register, to print the new versions. "
                       "Letters already sent keep their figures.", count, n=count),
              "warning")  # fmt: skip


@bp.route("/price-books/<int:book_id>/remove", methods=["POST"])
@requires(Permission.CATALOGUE_WRITE)
def remove_price_book(book_id: int) -> Any:
    book = _or_404(PriceBook, book_id)  # the form's CSRF token is checked for every POST
    try:
        catalogue.remove_price_book(db.session, book, actor_id=current_user.id)
    except ValidationError as error:
        db.session.rollback()
        flash_errors(error.fields)
    else:
        db.session.commit()
        flash(_("Price book removed. Letters not yet sent are made again with the book now in "
                "force."), "success")  # fmt: skip
    return redirect(url_for("catalogue.index"))
