"""Neighbourhood campaigns, their dwellings (addresses) and the geocoding cache."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from eteams.models.base import Base, TimestampMixin, UTCDateTime, enum_column
from eteams.models.enums import DwellingType, EnergyLabel, Language, Tenure


class Campaign(TimestampMixin, Base):
    __tablename__ = "campaigns"
    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="period_in_order"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    neighbourhood: Mapped[str] = mapped_column(String(200), default="")
    municipality: Mapped[str] = mapped_column(String(100))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    letter_language: Mapped[Language] = mapped_column(
        enum_column(Language, "language"), default=Language.NL
    )

    addresses: Mapped[list[Address]] = relationship(back_populates="campaign")

    def __repr__(self) -> str:
        return f"<Campaign {self.id}>"


class Address(TimestampMixin, Base):
    """One dwelling. Letter and addition are '' rather than NULL so uniqueness holds."""

    __tablename__ = "addresses"
    __table_args__ = (
        UniqueConstraint(
            "campaign_id", "postcode", "house_number", "house_letter", "house_number_addition"
        ),
        CheckConstraint("house_number > 0 AND house_number < 100000", name="house_number"),
        CheckConstraint("length(postcode) = 7", name="postcode_format"),
        CheckConstraint("lat IS NULL OR (lat >= -90 AND lat <= 90)", name="lat_range"),
        CheckConstraint("lon IS NULL OR (lon >= -180 AND lon <= 180)", name="lon_range"),
        CheckConstraint(
            "building_year IS NULL OR (building_year >= 1000 AND building_year <= 2100)",
            name="building_year_range",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="RESTRICT"), index=True
    )
    street: Mapped[str] = mapped_column(String(200))
    house_number: Mapped[int]
    house_letter: Mapped[str] = mapped_column(String(1), default="")
    house_number_addition: Mapped[str] = mapped_column(String(10), default="")
    postcode: Mapped[str] = mapped_column(String(7), index=True)
    city: Mapped[str] = mapped_column(String(100))
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    geocode_source: Mapped[str | None] = mapped_column(String(32))
    # Set when a geocoder was asked; with lat still NULL the lead must place it by hand.
    geocode_attempted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    building_year: Mapped[int | None]
    dwelling_type: Mapped[DwellingType | None] = mapped_column(
        enum_column(DwellingType, "dwelling_type")
    )
    energy_label: Mapped[EnergyLabel | None] = mapped_column(
        enum_column(EnergyLabel, "energy_label")
    )
    tenure: Mapped[Tenure] = mapped_column(enum_column(Tenure, "tenure"), default=Tenure.UNKNOWN)
    # Stops that share an entrance (a stairwell of flats) are walked together.
    entrance_key: Mapped[str | None] = mapped_column(String(64))
    do_not_visit: Mapped[bool] = mapped_column(Boolean, default=False)
    # When the household's personal data was erased (AVG request or retention period).
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    campaign: Mapped[Campaign] = relationship(back_populates="addresses")

    @property
    def house_label(self) -> str:
        """'12A-3' style: number, letter, addition as written on the door."""
        label = f"{self.house_number}{self.house_letter}"
        return f"{label}-{self.house_number_addition}" if self.house_number_addition else label

    @property
    def street_line(self) -> str:
        """Street and number for a document that reads left to right. An Arabic or Hebrew
        street name is isolated (FSI … PDI), so its number stays after it, at the right, as
        on the door; left alone, the bidi rules pull "12" into the right-to-left run."""
        street = self.street
        if any("\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc" for ch in street):
            street = f"\u2068{street}\u2069"
        return f"{street} {self.house_label}"

    @property
    def one_line(self) -> str:
        return f"{self.street} {self.house_label}, {self.postcode} {self.city}"


class ImportUpload(TimestampMixin, Base):
    """An uploaded address file waiting for the lead to confirm its column mapping.

    Kept in the database (not on one server's disk) so any app instance can finish the
    import; deleted once imported, and by ``purge-expired`` after a day.
    """

    __tablename__ = "import_uploads"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    filename: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class GeocodeResult(TimestampMixin, Base):
    """Cache of geocoder answers, keyed by the normalised query and provider."""

    __tablename__ = "geocode_results"
    __table_args__ = (UniqueConstraint("provider", "query"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[str] = mapped_column(String(32))
    query: Mapped[str] = mapped_column(String(300))
    found: Mapped[bool] = mapped_column(Boolean)
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    building_year: Mapped[int | None]
