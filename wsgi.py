"""WSGI entry point: ``gunicorn wsgi:app`` (see docs/deploy.md)."""

from eteams import create_app

app = create_app()
