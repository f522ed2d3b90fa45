"""the advice catalogue: one measure per thing a household can do, what the house has now

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 10:50:00

The catalogue's variant rows (cavity wall per dwelling type, solar per 6/8/10 panels, …) give
way to one measure per thing a household can do; the figures per dwelling type go in
measures.figures (filled by `seed-catalogue`). Interests recorded under the old keys move to
the new ones (the strongest answer wins where two old rows become one); the old rows stay,
inactive, so nothing recorded is lost. Visits learn the language of the household's letter, the glazing and which parts of the house
are already insulated; price books the net value of exported solar power.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

NEW = {
    "cavity_wall": ("Spouwmuurisolatie", "Cavity wall insulation", "insulation"),
    "roof": ("Dakisolatie", "Roof insulation", "insulation"),
    "floor": ("Vloerisolatie", "Floor insulation", "insulation"),
    "glazing": ("HR++ glas", "HR++ double glazing", "insulation"),
    "ventilation": ("Goede ventilatie", "Good ventilation", "ventilation"),
    "hybrid_heat_pump": ("Hybride warmtepomp", "Hybrid heat pump", "heating"),
    "heat_pump": ("Warmtepomp (volledig elektrisch)", "Heat pump (all-electric)", "heating"),
    "solar_pv": ("Zonnepanelen", "Solar panels", "solar"),
}
# Kept in step with eteams/data/catalogue.json "aliases" (a migration does not import the app).
ALIASES = {
    "cavity_wall_terraced": "cavity_wall", "cavity_wall_corner": "cavity_wall",
    "cavity_wall_semi": "cavity_wall", "cavity_wall_detached": "cavity_wall",
    "roof_insulation_terraced_corner": "roof", "roof_insulation_detached": "roof",
    "floor_insulation_avg": "floor", "floor_insulation_per_m2": "floor",
    "ground_insulation_per_m2": "floor",
    "hr_glass_from_double_corner": "glazing", "hr_glass_from_single_corner": "glazing",
    "hr_glass_by_type": "glazing", "single_to_hr_glass_co2": "glazing", "triple_glass": "glazing",
    "hybrid_heat_pump_fieldtest": "hybrid_heat_pump", "hybrid_heat_pump_monitor": "hybrid_heat_pump",
    "air_water_heat_pump": "heat_pump", "ground_source_heat_pump": "heat_pump",
    "solar_pv_6": "solar_pv", "solar_pv_8": "solar_pv", "solar_pv_10": "solar_pv",
    "solar_pv_per_panel": "solar_pv", "balanced_ventilation_hr": "ventilation",
}  # fmt: skip
STRENGTH = {"has_it": 3, "interested": 2, "maybe": 1, "no": 0}


def upgrade():
    with op.batch_alter_table("measures") as batch:
        batch.add_column(sa.Column("figures", sa.JSON(), server_default="{}", nullable=False))
    with op.batch_alter_table("price_books") as batch:
        batch.add_column(sa.Column("export_eur_per_kwh", sa.Numeric(8, 4), nullable=True))
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("glazing", sa.Enum("single", "double", "hr", name="glazing",
                                                      native_enum=False, create_constraint=True,
                                                      length=32), nullable=True))  # fmt: skip
        batch.add_column(sa.Column("letter_language", sa.Enum("nl", "en", name="language",
                                                              native_enum=False,
                                                              create_constraint=True, length=32),
                                   nullable=True))  # fmt: skip
        batch.add_column(sa.Column("wall_insulated", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("roof_insulated", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("floor_insulated", sa.Boolean(), nullable=True))
    _move_to_new_keys(op.get_bind())


def _move_to_new_keys(bind):
    measures = sa.table(
        "measures", sa.column("id"), sa.column("key"), sa.column("name_nl"), sa.column("name_en"),
        sa.column("category"), sa.column("is_small"), sa.column("unit"), sa.column("source"),
        sa.column("active"), sa.column("figures", sa.JSON), sa.column("suits_dwelling_types", sa.JSON),
        sa.column("suits_building_year_classes", sa.JSON), sa.column("suits_heating", sa.JSON),
        sa.column("created_at"),
    )  # fmt: skip
    known = {row.key for row in bind.execute(sa.select(measures.c.key))}
    if not known:
        return  # a new database: seed-catalogue fills it
    for key, (nl, en, category) in NEW.items():
        if key in known:
            bind.execute(measures.update().where(measures.c.key == key).values(
                name_nl=nl, name_en=en, category=category, is_small=False, active=True))  # fmt: skip
        else:
            bind.execute(measures.insert().values(
                key=key, name_nl=nl, name_en=en, category=category, is_small=False, unit="",
                source="", active=True, figures={}, suits_dwelling_types=[],
                suits_building_year_classes=[], suits_heating=[],
                created_at=sa.func.now()))  # fmt: skip
    interests = sa.table("visit_interests", sa.column("id"), sa.column("visit_id"),
                         sa.column("measure_key"), sa.column("level"))  # fmt: skip
    rows = bind.execute(sa.select(interests).where(interests.c.measure_key.in_(list(ALIASES))))
    existing = {
        (r.visit_id, r.measure_key): r.level
        for r in bind.execute(sa.select(interests).where(interests.c.measure_key.in_(list(NEW))))
    }
    for row in rows.all():
        target = (row.visit_id, ALIASES[row.measure_key])
        level = existing.get(target)
        if level is not None and STRENGTH[level] >= STRENGTH[row.level]:
            bind.execute(interests.delete().where(interests.c.id == row.id))
            continue
        if level is not None:
            bind.execute(interests.delete().where(
                interests.c.visit_id == target[0], interests.c.measure_key == target[1]))  # fmt: skip
        bind.execute(interests.update().where(interests.c.id == row.id).values(
            measure_key=target[1]))  # fmt: skip
        existing[target] = row.level
    bind.execute(measures.update().where(measures.c.key.in_(list(ALIASES))).values(active=False))


def downgrade():
    with op.batch_alter_table("visits") as batch:
        batch.drop_constraint("glazing", type_="check")
        batch.drop_constraint("language", type_="check")
        batch.drop_column("floor_insulated")
        batch.drop_column("roof_insulated")
        batch.drop_column("wall_insulated")
        batch.drop_column("glazing")
        batch.drop_column("letter_language")
    with op.batch_alter_table("price_books") as batch:
        batch.drop_column("export_eur_per_kwh")
    with op.batch_alter_table("measures") as batch:
        batch.drop_column("figures")
