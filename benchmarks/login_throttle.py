"""How many password guesses an attacker gets per minute, by how the app is deployed.

Issue 14, finding 8: the throttle counted per worker process, so 2 gunicorn workers let 18-20
wrong passwords a minute through instead of 10. It now counts in the database every worker
and instance shares. This script sends 40 wrong passwords for one account, as fast as it
can, round-robin over every instance of three set-ups, and counts the guesses the server
actually checked (an answer that says "not correct" rather than 429 "too many attempts"):

- baseline: one instance with one worker (a per-process count is right here);
- one instance with 4 workers (the count must not grow with the workers);
- two instances with 2 workers each on one PostgreSQL (nor with the instances).

Then the account's owner signs in from another address (through a trusted proxy's
X-Forwarded-For): the attacker's failures must not lock them out.

    .venv/bin/python benchmarks/login_throttle.py [postgresql://postgres@127.0.0.1:5432/test]

Prints the checked guesses per set-up, the ratio to the baseline and whether the owner got in.
"""

from __future__ import annotations

import http.client
import re
import sys
import tempfile
import urllib.parse
from pathlib import Path

from flask_migrate import upgrade

sys.path.insert(0, str(Path(__file__).resolve().parent))

from livesync import SECRET, create_postgres_database, free_port, serve, sqlite_url, stop  # noqa: E402

from eteams import create_app  # noqa: E402
from eteams.extensions import db  # noqa: E402
from eteams.models.enums import Role  # noqa: E402
from eteams.services import accounts  # noqa: E402

EMAIL = "coordinator@throttle.example.nl"
PASSWORD = "een lang en goed wachtwoord"  # noqa: S105 - a throwaway database
GUESSES = 40


def prepare(url: str) -> None:
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": SECRET})
    with app.app_context():
        upgrade()
        accounts.create_user(db.session, email=EMAIL, role=Role.ADMIN, password=PASSWORD,
                             actor_id=None)  # fmt: skip
        db.session.commit()
        db.engine.dispose()


def attempt(port: int, password: str, address: str) -> int:
    """One sign-in through the form (CSRF and cookie as a browser sends them): its status."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"X-Forwarded-For": address}
    connection.request("GET", "/login", headers=headers)
    page = connection.getresponse()
    body = page.read().decode()
    cookie = page.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', body).group(1)
    form = urllib.parse.urlencode({"email": EMAIL, "password": password, "csrf_token": token})
    connection.request("POST", "/login", body=form, headers={
        **headers, "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
    answer = connection.getresponse()
    answer.read()
    connection.close()
    return answer.status


def run(url: str, instances: int, workers: int) -> tuple[int, bool]:
    prepare(url)
    ports = [free_port() for _ in range(instances)]
    servers = [serve(url, port, workers=workers, ETEAMS_TRUSTED_PROXIES="1") for port in ports]
    try:
        answers = [attempt(ports[n % instances], "wrong guess", "198.51.100.7")
                   for n in range(GUESSES)]  # fmt: skip
        checked = answers.count(200)  # the form again with "not correct"; 429: not checked
        owner = attempt(ports[-1], PASSWORD, "203.0.113.20") == 302
    finally:
        for server in servers:
            stop(server)
    return checked, owner


def main() -> None:
    postgres = sys.argv[1] if len(sys.argv) > 1 else "postgresql://postgres@127.0.0.1:5432/test"
    rows = []
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as four:
        baseline = run(sqlite_url(Path(one)), instances=1, workers=1)
        rows.append(("1 instance x 1 worker (SQLite, baseline)", *baseline))
        rows.append(("1 instance x 4 workers (SQLite)",
                     *run(sqlite_url(Path(four)), instances=1, workers=4)))  # fmt: skip
    url, drop = create_postgres_database(postgres, "eteams_throttle")
    try:
        rows.append(("2 instances x 2 workers (PostgreSQL)", *run(url, instances=2, workers=2)))
    finally:
        drop()
    print(f"{GUESSES} wrong passwords for one account from one address, as fast as possible;")
    print("guesses the server checked (the limit is 10 a minute):")
    for name, checked, owner in rows:
        print(f"  {name:42} {checked:3d}   ratio to baseline {checked / baseline[0]:.2f}   "
              f"owner from another address signed in: {'yes' if owner else 'NO'}")  # fmt: skip


if __name__ == "__main__":
    main()
