"""The catalogue of measures and financing, and dated price books for reproducible letters."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from eteams.models.base import Base, TimestampMixin, enum_column
from eteams.models.enums import FinancingKind


class Measure(TimestampMixin, Base):
    __tablename__ = "measures"
    __table_args__ = (
        CheckConstraint(
            "invest_min_eur IS NULL OR invest_max_eur IS NULL OR invest_max_eur >= invest_min_eur",
            name="invest_range",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name_nl: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32))
    is_small: Mapped[bool] = mapped_column(Boolean, default=False)
    unit: Mapped[str] = mapped_column(String(64), default="")
    # Missing figures stay NULL: a letter never shows an invented number.
    invest_min_eur: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    invest_max_eur: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    gas_m3_saved_per_year: Mapped[Decimal | None] = mapped_column(Numeric(10, 1))
    kwh_saved_per_year: Mapped[Decimal | None] = mapped_column(Numeric(10, 1))
    lifetime_years: Mapped[int | None]
    # Which dwellings it suits; an empty list means any.
    suits_dwelling_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    suits_building_year_classes: Mapped[list[str]] = mapped_column(
        JSON, default=list, server_default="[]"
    )
    suits_heating: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    source: Mapped[str] = mapped_column(Text, default="")
    source_year: Mapped[int | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The advice catalogue's entry: figures per dwelling type, each with its source
    # (eteams/data/catalogue.json); empty for the rows kept only for older visits.
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")


class FinancingOption(TimestampMixin, Base):
    __tablename__ = "financing_options"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[FinancingKind] = mapped_column(enum_column(FinancingKind, "financing_kind"))
    name_nl: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    description_nl: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    rules: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    source: Mapped[str] = mapped_column(Text, default="")
    source_year: Mapped[int | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PriceBook(TimestampMixin, Base):
    """Energy prices and emission factors valid from a date."""

    __tablename__ = "price_books"
    __table_args__ = (
        CheckConstraint("gas_eur_per_m3 IS NULL OR gas_eur_per_m3 > 0", name="gas_price"),
        CheckConstraint(
            "electricity_eur_per_kwh IS NULL OR electricity_eur_per_kwh > 0",
            name="electricity_price",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    valid_from: Mapped[date] = mapped_column(Date, unique=True)
    gas_eur_per_m3: Mapped[Decimal | None] = mapped_column(Numeric(8, 4))
    electricity_eur_per_kwh: Mapped[Decimal | None] = mapped_column(Numeric(8, 4))
    co2_kg_per_m3_gas: Mapped[Decimal | None] = mapped_column(Numeric(8, 4))
    co2_kg_per_kwh: Mapped[Decimal | None] = mapped_column(Numeric(8, 4))
    # What exported solar power earns net (feed-in minus feed-in costs), once saldering ended.
    export_eur_per_kwh: Mapped[Decimal | None] = mapped_column(Numeric(8, 4))
    source: Mapped[str] = mapped_column(Text, default="")
