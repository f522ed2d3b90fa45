"""GET /visits/<uuid>/letter.pdf and GET /letters?date= (the register)."""

from __future__ import annotations

import uuid as uuid_module
from typing import Any

import marshmallow as ma
from flask import Response, jsonify, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_smorest import Blueprint

from eteams.extensions import db
from eteams.models import AdviceLetter, Visit
from eteams.permissions import Permission
from eteams.routes.api.pagination import PageArgs
from eteams.routes.api.schemas import Day
from eteams.security import requires
from eteams.services import advice, audit, letters, scoping
from eteams.services.errors import NotFound

bp = Blueprint("api_letters", __name__, description="Advice letters")
blueprints = [bp]


class LetterQuerySchema(PageArgs):
    date = Day(required=True)


class LetterSchema(ma.Schema):
    reference = ma.fields.String()
    language = ma.fields.String()
    created_at = ma.fields.DateTime()
    issued_at = ma.fields.DateTime(
        allow_none=True, metadata={"description": "first printed or downloaded"}
    )
    sent_at = ma.fields.DateTime(allow_none=True)
    sha256 = ma.fields.String()


class RegisterRowSchema(ma.Schema):
    """One household of the day's register, as the lead's page lists it: letter made or not."""

    visit_uuid = ma.fields.UUID()
    language = ma.fields.String(metadata={"description": "the household's"})
    state = ma.fields.String(
        metadata={
            "description": "held (a doubt about the visit waits for the lead's check; not "
            "printed until then), not_made, made, printed, sent, or outdated (printed, then "
            "corrected: a new version is due)"
        }  # fmt: skip
    )
    outdated_because = ma.fields.String(
        allow_none=True, metadata={"description": "visit, prices, catalogue, figures or old"}
    )
    reference = ma.fields.String(allow_none=True)
    created_at = ma.fields.DateTime(allow_none=True)
    issued_at = ma.fields.DateTime(allow_none=True)
    sent_at = ma.fields.DateTime(allow_none=True)
    sha256 = ma.fields.String(allow_none=True)
    versions = ma.fields.List(
        ma.fields.Nested(LetterSchema), metadata={"description": "every letter, oldest first"}
    )


def pdf_response(pdf: bytes, filename: str) -> Response:
    disposition = f'attachment; filename="{filename}"'
    return Response(pdf, mimetype="application/pdf", headers={"Content-Disposition": disposition})


@bp.route("/visits/<uuid:visit_uuid>/letter.pdf", methods=["GET"])
@requires(Permission.LETTERS_READ)
@bp.response(200, description="the letter as PDF (Dutch or English: ?lang=nl|en)")
@bp.alt_response(409, description="held: the team lead has a doubt about the visit to check first")
def letter_pdf(visit_uuid: uuid_module.UUID):  # noqa: ANN201
    stmt = scoping.visible(Visit, current_user).where(Visit.uuid == visit_uuid)
    visit = db.session.scalar(stmt)
    if visit is None:
        raise NotFound("Visit")
    language = request.args.get("lang") or letters.language_for(visit)
    if language not in ("nl", "en"):
        language = letters.language_for(visit)
    wants = advice.has_letter_consent(visit) and visit.erased_at is None  # else: 404 below
    if wants and letters.held(db.session, visit):  # no copy gets out before the lead's check
        message = _l("This letter waits until the team lead has checked the visit; it can be "
                     "printed after that.")  # fmt: skip
        response = jsonify(error="held", fields={}, message=str(message))
        response.status_code = 409
        return response
    try:
        letter, pdf = letters.letter_for(db.session, visit, language)
    except letters.NoConsent:
        message = _l("No letter: the household did not ask for one.")
        response = jsonify(error="not_found", fields={}, message=str(message))
        response.status_code = 404
        return response
    # A look at the letter, by anyone: it is not recorded as printed (a GET is opened by link
    # previews and by a lead checking it). Printing is the register's print job.
    audit.record(db.session, "letter_downloaded", actor_id=current_user.id, obj=letter)
    db.session.commit()
    return pdf_response(pdf, f"{letter.reference}.pdf")


@bp.route("/letters", methods=["GET"])
@requires(Permission.LETTERS_WRITE)
@bp.arguments(LetterQuerySchema, location="query")
@bp.response(200, RegisterRowSchema(many=True))
def register(args: dict[str, Any]):  # noqa: ANN201
    return [_row(row) for row in letters.register(db.session, args["date"])]


def _row(row: letters.RegisterRow) -> dict[str, Any]:
    letter = row.letter
    return {
        "visit_uuid": row.visit.uuid, "language": row.language, "state": row.state,
        "outdated_because": row.why_outdated,
        **{name: getattr(letter, name) if letter else None
           for name in ("reference", "created_at", "issued_at", "sent_at", "sha256")},
        "versions": [_letter(v) for v in row.versions],
    }  # fmt: skip


def _letter(letter: AdviceLetter) -> dict[str, Any]:
    return {"reference": letter.reference, "language": letter.language.value,
            "created_at": letter.created_at, "issued_at": letter.issued_at,
            "sent_at": letter.sent_at, "sha256": letter.sha256}  # fmt: skip
