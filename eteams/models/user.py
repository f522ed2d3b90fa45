"""Users (logins) and their API tokens."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from eteams.models.base import Base, TimestampMixin, UTCDateTime, enum_column
from eteams.models.enums import Language, Role

if TYPE_CHECKING:
    from eteams.models.employer import Employee, Employer


class User(TimestampMixin, Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(
            "role != 'employer' OR employer_id IS NOT NULL", name="employer_user_has_employer"
        ),
        CheckConstraint("role != 'coach' OR employee_id IS NOT NULL", name="coach_has_employee"),
        CheckConstraint("email = lower(email)", name="email_lowercase"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    employer_id: Mapped[int | None] = mapped_column(
        ForeignKey("employers.id", ondelete="RESTRICT"), index=True
    )
    employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"), unique=True
    )
    locale: Mapped[Language] = mapped_column(enum_column(Language, "language"), default=Language.NL)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Bumped on password change or deactivation; stored in the session so old sessions end.
    session_epoch: Mapped[int] = mapped_column(default=0)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    employer: Mapped[Employer | None] = relationship()
    employee: Mapped[Employee | None] = relationship()
    tokens: Mapped[list[ApiToken]] = relationship(
        back_populates="user", foreign_keys="ApiToken.user_id"
    )

    # Flask-Login protocol, kept here so the model needs no Flask import.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return f"{self.id}:{self.session_epoch}"

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"


class ApiToken(TimestampMixin, Base):
    """A bearer token for scripts; only its SHA-256 is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    user: Mapped[User] = relationship(back_populates="tokens", foreign_keys=[user_id])

    def state(self, now: datetime) -> str:
        """ "active", "expired" or "revoked"."""
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if self.expires_at <= now else "active"


class UserSession(TimestampMixin, Base):
    """One signed-in browser. Signing out ends this one only (the coach's phone stays signed
    in when the shared tablet signs out); a changed password or role, or deactivation, ends
    them all (``User.session_epoch``). The cookie holds a random id; only its SHA-256 is here."""

    __tablename__ = "user_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
