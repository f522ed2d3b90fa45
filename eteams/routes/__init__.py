"""Blueprints. Views are thin: parse, call a service, render."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from eteams.routes import (
        admin,
        audit_log,
        auth,
        catalogue,
        coach,
        employer,
        lead,
        main,
        reports,
        sroi,
    )
    from eteams.routes.api import init_api

    for module in (auth, main, admin, audit_log, catalogue, sroi, lead, coach, employer, reports):
        app.register_blueprint(module.bp)
    init_api(app)
