"""?page=&per_page= on every list; the list is the body, the totals go in a header."""

from __future__ import annotations

import json
import math
from typing import Any

import marshmallow as ma
from flask import Response
from sqlalchemy import Select, func, select

from eteams.extensions import db


class PageArgs(ma.Schema):
    page = ma.fields.Integer(load_default=1, validate=ma.validate.Range(min=1, max=100_000))
    per_page = ma.fields.Integer(load_default=50, validate=ma.validate.Range(min=1, max=500))


def paginate(stmt: Select[Any], args: dict[str, int]) -> tuple[list[Any], dict[str, str]]:
    """One page of ``stmt`` and the ``X-Pagination`` header describing all pages."""
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    page, per_page = args["page"], args["per_page"]
    items = list(db.session.scalars(stmt.limit(per_page).offset((page - 1) * per_page)))
    return items, _header(total or 0, page, per_page)


def with_headers(response: Response, headers: dict[str, str]) -> Response:
    response.headers.update(headers)
    return response


def paginate_rows(stmt: Select[Any], args: dict[str, int]) -> tuple[list[Any], dict[str, str]]:
    """Like ``paginate`` for a multi-column SELECT: returns the result rows."""
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    page, per_page = args["page"], args["per_page"]
    rows = list(db.session.execute(stmt.limit(per_page).offset((page - 1) * per_page)))
    return rows, _header(total or 0, page, per_page)


def _header(total: int, page: int, per_page: int) -> dict[str, str]:
    meta = {
        "total": total,
        "page": page,
        "per_page": per_page,
        "total_pages": max(1, math.ceil(total / per_page)),
    }
    return {"X-Pagination": json.dumps(meta)}
