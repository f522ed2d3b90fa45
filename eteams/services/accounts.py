"""Users, passwords (argon2id) and API tokens."""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from zxcvbn import zxcvbn

from eteams.models import ApiToken, Employee, Employer, User
from eteams.models.base import utcnow
from eteams.models.enums import Language, Role
from eteams.services import audit
from eteams.services.errors import ValidationError
from eteams.services.text import clean

PASSWORD_MIN_LENGTH = 12
PASSWORD_MIN_SCORE = 3  # zxcvbn: 3 is "safely unguessable" (about 10^8 guesses or more)
PASSWORD_MAX_LENGTH = 128
TOKEN_PREFIX = "et_"  # noqa: S105 - a visible prefix, not a secret

_hasher = PasswordHasher()
# Verifying against this keeps the time of "unknown e-mail" equal to "wrong password".
_DUMMY_HASH = _hasher.hash("not-a-real-password-at-all")


def configure_hashing(fast: bool) -> None:
    """Tests use cheap argon2 parameters; production keeps the library's defaults."""
    global _hasher, _DUMMY_HASH
    _hasher = (
        PasswordHasher(time_cost=1, memory_cost=64, parallelism=1) if fast else PasswordHasher()
    )
    _DUMMY_HASH = _hasher.hash("not-a-real-password-at-all")


# Dutch name particles (tussenvoegsels): "Kees van Dijk" may use the word "caravan".
NAME_PARTICLES = frozenset({
    "van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in",
    "la", "le", "du", "da", "dos", "del", "von", "bin", "ben", "al", "el",
})  # fmt: skip
LEET = str.maketrans("0134579@$!|", "oieastgasil")


def _letters(text: str) -> str:
    """Lower-case letters only, accents dropped: "Zoë Müller" → "zoemuller"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if c.isalpha() and not unicodedata.combining(c))


def password_problems(password: str, personal: tuple[str, ...] = ()) -> list[str]:
    """Length, then strength as zxcvbn estimates it (offline; score 3 of 4 or better), and
    none of the user's own name or e-mail in it. ``personal``: e-mail and names."""
    if len(password) < PASSWORD_MIN_LENGTH:
        return [str(_l("Use at least %(n)d characters.", n=PASSWORD_MIN_LENGTH))]
    if len(password) > PASSWORD_MAX_LENGTH:
        return [str(_l("Use at most %(n)d characters.", n=PASSWORD_MAX_LENGTH))]
    # The e-mail's own part (not the domain: "example", "gmail") and the names, in pieces;
    # "van", "der" and the like are part of many names, not a name of their own.
    own = [p.split("@", 1)[0] for p in personal]
    words = {_letters(w) for p in own for w in re.split(r"[.\s_+-]+", p)} - NAME_PARTICLES
    words = {w for w in words if len(w) >= 3}
    # Also spelled with accents dropped, digits for letters, separators between the letters
    # or backwards ("Pr1ya.R4md1n", "P-r-i-y-a", "nidmaR").
    seen = _letters(password.translate(LEET))
    if any(w in seen or w in seen[::-1] for w in words):
        return [str(_l("Do not use your own name or e-mail address in the password."))]
    if zxcvbn(password[:72], user_inputs=sorted(words))["score"] < PASSWORD_MIN_SCORE:  # its limit
        return [str(_l("This password is too easy to guess. Use three or four words that do "
                       "not belong together, or a longer sentence."))]  # fmt: skip
    return []


def normalise_email(email: str) -> str:
    """Validated, lower-cased e-mail; raises ValidationError on nonsense."""
    try:
        valid = validate_email(email.strip(), check_deliverability=False)
    except EmailNotValidError:
        raise ValidationError({"email": [_l("Enter a valid e-mail address.")]}) from None
    return valid.normalized.lower()


def hash_password(password: str, personal: tuple[str, ...] = ()) -> str:
    problems = password_problems(password, personal)
    if problems:
        raise ValidationError({"password": problems})
    return _hasher.hash(password)


def create_user(
    session: Session,
    *,
    email: str,
    role: Role,
    password: str,
    employer_id: int | None = None,
    employee_id: int | None = None,
    locale: Language = Language.NL,
    actor_id: int | None,
) -> User:
    """A new login. A coach is tied to their employee record, an employer user to its employer.
    Audited here, so the form, the API and the CLI (``actor_id`` None) record the same."""
    email = normalise_email(email)
    problems: dict[str, list[str]] = {}
    if session.scalar(select(User.id).where(User.email == email)):
        problems["email"] = [str(_l("A user with this e-mail address already exists."))]
    problems.update(_link_problems(session, role, employer_id, employee_id, exclude_user=None))
    personal = (email, *_names(session, employee_id if role is Role.COACH else None))
    if password_problems(password, personal):
        problems["password"] = password_problems(password, personal)
    if problems:
        raise ValidationError(problems)
    user = User(
        email=email,
        role=role,
        password_hash=_hasher.hash(password),
        employer_id=employer_id if role is Role.EMPLOYER else None,
        employee_id=employee_id if role is Role.COACH else None,
        locale=locale,
        active=True,
    )
    session.add(user)
    session.flush()
    _audit_saved(session, actor_id, user, None)
    return user


def update_user(
    session: Session,
    user: User,
    *,
    email: str,
    role: Role,
    active: bool,
    employer_id: int | None,
    employee_id: int | None,
    locale: Language,
    password: str | None = None,
    actor_id: int | None,
) -> User:
    """Audited here (role and active flag before and after), whichever door it came by."""
    email = normalise_email(email)
    problems = _link_problems(session, role, employer_id, employee_id, exclude_user=user.id)
    if session.scalar(select(User.id).where(User.email == email, User.id != user.id)):
        problems["email"] = [str(_l("A user with this e-mail address already exists."))]
    # The names of the employee the login is (or becomes) tied to.
    linked = {user.employee_id, employee_id if role is Role.COACH else None}
    personal = (email, *(name for e in linked for name in _names(session, e)))
    if password and password_problems(password, personal):
        problems["password"] = password_problems(password, personal)
    if problems:
        raise ValidationError(problems)
    before = (user.role, user.active)
    if user.role != role or user.active != active or password:
        user.session_epoch += 1  # changed rights or credentials end the user's open sessions
    user.email = email
    user.role = role
    user.active = active
    user.employer_id = employer_id if role is Role.EMPLOYER else None
    user.employee_id = employee_id if role is Role.COACH else None
    user.locale = locale
    if password:
        user.password_hash = _hasher.hash(password)
    session.flush()
    _audit_saved(session, actor_id, user, before)
    if password:
        audit.record(session, "password_changed", actor_id=actor_id, obj=user)
    if before[1] and not active:
        # Made inactive: their tokens are revoked, not only paused, so making the account
        # active again (to end its sessions, or a returning employee) revives no script.
        for token in user.tokens:
            if token.revoked_at is None:
                revoke_token(session, token, actor_id=actor_id)
    return user


def _names(session: Session, employee_id: int | None) -> tuple[str, ...]:
    person = session.get(Employee, employee_id) if employee_id is not None else None
    return (person.first_name, person.last_name) if person is not None else ()


def _audit_saved(
    session: Session, actor_id: int | None, user: User, before: tuple[Role, bool] | None
) -> None:
    """Audit a saved login (ids and codes only): the role and the active flag as they were."""
    audit.record(session, "user_saved", actor_id=actor_id, obj=user, role=user.role.value)
    if before and before[0] is not user.role:
        audit.record(session, "role_changed", actor_id=actor_id, obj=user,
                     old=before[0].value, new=user.role.value)  # fmt: skip
    if before and before[1] != user.active:
        action = "user_activated" if user.active else "user_deactivated"
        audit.record(session, action, actor_id=actor_id, obj=user)


def _link_problems(
    session: Session,
    role: Role,
    employer_id: int | None,
    employee_id: int | None,
    exclude_user: int | None,
) -> dict[str, list[str]]:
    # A link to nothing is refused whatever the role (the role decides which link is kept).
    if employer_id is not None and session.get(Employer, employer_id) is None:
        return {"employer_id": [str(_l("This employer does not exist."))]}
    if employee_id is not None and session.get(Employee, employee_id) is None:
        return {"employee_id": [str(_l("This employee does not exist."))]}
    # A link the role does not use is refused rather than dropped without a word: a coach
    # made team lead keeps no hidden employee link, and the admin sees why.
    if role is not Role.COACH and employee_id is not None:
        return {"employee_id": [str(_l("Only a coach is linked to an employee record; "
                                       "remove the link to give this role."))]}  # fmt: skip
    if role is not Role.EMPLOYER and employer_id is not None:
        return {"employer_id": [str(_l("Only an employer user is linked to an employer; "
                                       "remove the link to give this role."))]}  # fmt: skip
    if role is Role.EMPLOYER and (
        employer_id is None or session.get(Employer, employer_id) is None
    ):
        return {"employer_id": [str(_l("An employer user needs an employer."))]}
    if role is Role.COACH:
        if employee_id is None or session.get(Employee, employee_id) is None:
            return {"employee_id": [str(_l("A coach needs their employee record."))]}
        taken = session.scalar(
            select(User.id).where(User.employee_id == employee_id, User.id != exclude_user)
        )
        if taken:
            return {"employee_id": [str(_l("This employee already has a login."))]}
    return {}


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with this e-mail and password, or None. Rehashes outdated hashes."""
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        _verify(_DUMMY_HASH, password)
        return None
    if not _verify(user.password_hash, password) or not user.active:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.last_login_at = utcnow()
    return user


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


TOKEN_MIN_DAYS = 1
TOKEN_DAYS = 90  # how long a new token lives unless its creator chose otherwise
TOKEN_MAX_DAYS = 366
TOKEN_TOUCH_EVERY = timedelta(minutes=10)  # last use is kept to this precision


def create_token(
    session: Session,
    user: User,
    label: str = "",
    *,
    days: int = TOKEN_DAYS,
    actor_id: int | None,
    now: datetime | None = None,
) -> str:
    """A new API token for ``user`` that works for ``days`` days; audited. The plaintext is
    returned once and only its SHA-256 is kept. ``actor_id`` is who made it (None: the CLI)."""
    problems: dict[str, list[str]] = {}
    if not user.active:
        problems["user"] = [str(_l("This user is not active."))]
    if not TOKEN_MIN_DAYS <= days <= TOKEN_MAX_DAYS:
        wording = _l("A token lives from %(low)d to %(high)d days.")
        problems["days"] = [str(wording) % {"low": TOKEN_MIN_DAYS, "high": TOKEN_MAX_DAYS}]
    label = clean(label)
    if len(label) > 100:
        problems["label"] = [str(_l("Use at most %(n)d characters.", n=100))]
    if problems:
        raise ValidationError(problems)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    api_token = ApiToken(
        user=user, token_hash=_token_digest(token), label=label,
        expires_at=(now or utcnow()) + timedelta(days=days), created_by_id=actor_id,
    )  # fmt: skip
    session.add(api_token)
    session.flush()
    # Ids and numbers only: a label is free text.
    audit.record(session, "token_created", actor_id=actor_id, obj=user, token_id=api_token.id,
                 days=days)  # fmt: skip
    return token


def revoke_token(session: Session, api_token: ApiToken, *, actor_id: int | None) -> bool:
    """Stop a token working at once; audited. False when it was already revoked."""
    if api_token.revoked_at is not None:
        return False
    api_token.revoked_at = utcnow()
    audit.record(session, "token_revoked", actor_id=actor_id, obj=api_token.user,
                 token_id=api_token.id)  # fmt: skip
    session.flush()
    return True


def tokens(session: Session, user: User | None = None) -> list[ApiToken]:
    """Tokens, newest first: the user's own, or everyone's."""
    stmt = (
        select(ApiToken).options(selectinload(ApiToken.user))  # the lists show each owner
        .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    )  # fmt: skip
    if user is not None:
        stmt = stmt.where(ApiToken.user_id == user.id)
    return list(session.scalars(stmt))


def token_for(session: Session, token: str) -> ApiToken | None:
    """The stored token a bearer token is, whatever its state."""
    return session.scalar(select(ApiToken).where(ApiToken.token_hash == _token_digest(token)))


def user_for_token(session: Session, token: str, now: datetime | None = None) -> User | None:
    """The active user of a token that is neither revoked nor expired. Its last use is
    recorded (to TOKEN_TOUCH_EVERY: a script calling every second writes once in ten minutes);
    the caller commits."""
    now = now or utcnow()
    api_token = token_for(session, token)
    if api_token is None or api_token.state(now) != "active" or not api_token.user.active:
        return None
    if api_token.last_used_at is None or now - api_token.last_used_at >= TOKEN_TOUCH_EVERY:
        api_token.last_used_at = now
    return api_token.user
