"""The register of advice letters for a day: make, print and mark as sent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from eteams.extensions import db
from eteams.permissions import Permission
from eteams.routes.api.letters import pdf_response
from eteams.routes.helpers import NotADay, asked_day, day_to_show, not_a_day_message
from eteams.routes.lead import bp
from eteams.security import requires
from eteams.services import audit, clock, days, letters


def _day() -> dt.date:
    yesterday = clock.today() - dt.timedelta(days=1)
    return day_to_show(request.args.get("date"), yesterday, _("Showing yesterday's letters."))


def _not_a_day() -> None:
    flash(not_a_day_message() + " " + _("Showing yesterday's letters."), "warning")


@bp.route("/letters")
@requires(Permission.LETTERS_WRITE)
def letter_register() -> Any:
    day = _day()
    rows = letters.register(db.session, day)
    no_prices = bool(rows) and not letters.prices_in_force(db.session, day)
    return render_template("lead/letters.html", day=day, rows=rows,
                           outdated=sum(1 for r in rows if r.outdated),
                           sender_gaps=letters.sender_gaps(), no_price_book=no_prices)  # fmt: skip


@bp.route("/letters/<day>.pdf")
@requires(Permission.LETTERS_WRITE)
def letter_bundle(day: str) -> Any:
    try:
        date = days.parse_day(day)
    except ValueError:
        _not_a_day()
        return redirect(url_for("lead.letter_register"))
    # A look at the bundle, not its printing: a link is opened, forwarded and previewed by
    # mail and chat programs. Printing is the register's button (a POST, run as a job).
    reprint = request.args.get("include_sent") == "1"  # the letters already sent too
    pdf, count = letters.day_bundle(db.session, date, actor_id=current_user.id,
                                    include_sent=reprint, printing=False)  # fmt: skip
    db.session.commit()
    if not count:  # no empty PDF: say why
        message = _(
            "There is no letter of this day left to print: every one was sent. To "
            "print them again, choose the button with the letters already sent."
        )
        flash(message, "warning")
        return redirect(url_for("lead.letter_register", date=date.isoformat()))
    return pdf_response(pdf, f"adviesbrieven-{date.isoformat()}.pdf")


@bp.route("/letters/sent", methods=["POST"])
@requires(Permission.LETTERS_WRITE)
def letters_sent() -> Any:
    try:  # the form's own day: a mistyped or missing day never marks yesterday's letters
        day = asked_day(request.form.get("date"), None)
    except NotADay:
        _not_a_day()
        return redirect(url_for("lead.letter_register"))
    count, not_printed, outdated = letters.mark_day_sent(db.session, day, current_user.id)
    audit.record(db.session, "letters_sent", actor_id=current_user.id, letters=count)
    db.session.commit()
    message = ngettext(
        "%(n)d letter marked as sent.", "%(n)d letters marked as sent.", count, n=count
    )
    flash(message, "success")
    if not_printed:
        flash(ngettext("%(n)d letter was not printed yet, so it was not marked as sent: open it "
                       "in the list below and print it.", "%(n)d letters were not printed yet, "
                       "so they were not marked as sent: open them in the list below and print "
                       "them.", not_printed, n=not_printed), "warning")  # fmt: skip
    if outdated:
        flash(ngettext("%(n)d letter was printed before a correction, so it was not marked as "
                       "sent: print the new version (marked in the list below) and post that "
                       "one.", "%(n)d letters were printed before a correction, so they were not "
                       "marked as sent: print the new versions (marked in the list below) and "
                       "post those.", outdated, n=outdated), "warning")  # fmt: skip
    return redirect(url_for("lead.letter_register", date=day.isoformat()))
