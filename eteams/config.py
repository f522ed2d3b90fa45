"""Configuration defaults.

Load order (later wins): these defaults, ``instance/config.py``, then environment
variables ``ETEAMS_<KEY>`` (``DATABASE_URL`` is honoured as well). A missing
``SECRET_KEY`` is generated once into the instance folder, never a built-in default.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

# Database: SQLite file in the instance folder unless DATABASE_URL says otherwise.
DATABASE_URL: str | None = None

# Sessions: signed cookies, so any app instance can serve any request.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = False  # set ETEAMS_SESSION_COOKIE_SECURE=true behind TLS
SESSION_COOKIE_NAME = "eteams_session"
PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
# A session ends after this long without a request (a tablet left on a counter) and, however
# busy, this long after login (one working day). A coach's unsent visits stay on the tablet.
SESSION_IDLE_MINUTES = 60
SESSION_ABSOLUTE_HOURS = 12
REMEMBER_COOKIE_DURATION = timedelta(days=0)

# Forms and CSRF: checked explicitly in one before_request (bearer-token API calls are exempt).
WTF_CSRF_CHECK_DEFAULT = False
WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
WTF_I18N_ENABLED = True

# Number of reverse proxies in front of the app whose X-Forwarded-For/-Proto to trust
# (0 = none). Set to 1 behind one proxy, so login throttling sees the real client address.
TRUSTED_PROXIES = 0

# Uploads (CSV imports) are size-limited.
MAX_CONTENT_LENGTH = 16 * 1024 * 1024

# i18n: Dutch first, English second.
BABEL_DEFAULT_LOCALE = "nl"
BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
LANGUAGES = ("nl", "en")

# Failed sign-ins per address per window, counted in the database (shared by every worker
# and instance); one account from one address then waits longer after each failure.
LOGIN_RATE_LIMIT = "10 per minute"

# Passwords: argon2id. Tests lower the cost; production keeps the library's defaults.
PASSWORD_HASH_FAST = False
PASSWORD_MIN_LENGTH = 12
PASSWORD_MAX_LENGTH = 128

# Geocoding (used by the address import): pdok | nominatim | none.
GEOCODER = "pdok"
GEOCODER_URL: str | None = None
GEOCODER_TIMEOUT = 10  # seconds per request
GEOCODER_MIN_DELAY = 1.0  # seconds between Nominatim requests (its usage policy)

# Maps: background tiles (PDOK's BRT base map by default; "" draws markers without tiles).
MAP_TILE_URL = (
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
)
MAP_ATTRIBUTION = "Kaartgegevens &copy; Kadaster"
MAP_CENTER = (52.0907, 5.1214)  # Utrecht

# Walk-list planning: doors a team does in an hour, and the longest the solver may take
# (it uses 10 s per 1,000 doors up to this, and stops sooner once it stops improving).
DOORS_PER_HOUR = 8
PLAN_MAX_SECONDS = 60
# Walk order within a list: metres a team would rather walk than leave a street side it must
# come back to (each extra block); math.inf walks every side in one go.
# 100: km within 5 % of the solver's order in benchmarks/walk_order.py --sweep (125: +9.6 % once).
WALK_SIDE_CHANGE_M = 100.0

# Background jobs (planning, geocoding, the day's letters): the queue the web app and the
# workers (`flask --app eteams worker`) share. Empty: a SQLite file in the instance folder
# (one machine; "sqlite:////path/jobs.sqlite" names another); "redis://host:6379/0" for
# several machines. A running job whose worker has
# not said it is alive for JOBS_STALE_SECONDS is taken over by another worker.
JOBS_URL = ""
JOBS_STALE_SECONDS = 60
JOBS_IMMEDIATE = False  # run each job inside the request that starts it (the test suite)
# A finished job's file (the day's letters, walk sheets, a report) holds personal data: the
# workers remove it this many hours after it was made (the job can be run again).
JOB_FILE_HOURS = 24

# Privacy: households of a campaign are erased this many days after the campaign ended
# (flask purge-expired, run daily from cron).
HOUSEHOLD_RETENTION_DAYS = 365

# The advice letter's sender block (a household must see who writes and how to reach them):
# postal address lines separated by "|", a named person ("Name, role") who signs, an optional
# logo (PNG or JPG file) and an optional line naming the municipality the programme works for.
LETTER_SENDER_NAME = "E-teams"
LETTER_SENDER_ADDRESS = ""
LETTER_SENDER_PHONE = ""
LETTER_SENDER_EMAIL = "info@e-teams.example.nl"
LETTER_SENDER_WEBSITE = ""
LETTER_SENDER_KVK = ""
LETTER_SIGNATORY = ""
LETTER_LOGO = ""
LETTER_MUNICIPALITY_LINE = ""

# JSON API / OpenAPI (flask-smorest).
API_TITLE = "eteams API"
API_VERSION = "v1"
OPENAPI_VERSION = "3.1.0"
OPENAPI_URL_PREFIX = "/api/v1"
OPENAPI_JSON_PATH = "openapi.json"
API_SPEC_OPTIONS = {
    "info": {
        "description": (
            "An optional field may be sent as null: where its value can be empty (an end date, "
            "a team lead) null clears it; elsewhere null counts as not given (the default, and "
            "in a PATCH: unchanged). Fields marked read-only may be sent back as read; they are "
            "ignored."
        )
    },
    "components": {
        "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer"},
            "session": {"type": "apiKey", "in": "cookie", "name": "eteams_session"},
        }
    },
    "security": [{"bearer": []}, {"session": []}],
}


def load_secret_key(instance_path: str | os.PathLike[str]) -> str:
    """Read the instance's secret key, creating it (mode 0600) on first start."""
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


def database_uri(url: str | None, instance_path: str) -> str:
    """Normalise a database URL to the driver we ship (psycopg 3), defaulting to SQLite."""
    if not url:
        return f"sqlite:///{Path(instance_path) / 'eteams.sqlite'}"
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url
