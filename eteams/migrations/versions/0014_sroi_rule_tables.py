"""social-return rule tables as data; what employee records need for them

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 18:00:00

A rule table gains its basis (36 or 40 hours a week), a title, and lines that carry their own
kind, wording and conditions, so a municipality's own table fits (categories by benefit
duration, learning routes, a permanent-contract bonus, hours for social activities). Lines of
tables made before this revision get the meaning their key had in code. A version may wait for
its valid-from date (published tables carry none). Employees gain the doelgroepregister flag
(set where the target group was "banenafspraak"), a language deficit, the benefit's start date
and a learning route; employers a record of hours given to social activities.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# What the old keys meant (services/sroi.py before this revision), in the new vocabulary.
OLD_GROUPS = {
    "participatiewet": "Participatiewet", "ww": "WW", "banenafspraak": "banenafspraak",
    "wia_wajong": "WIA/Wajong", "no_benefit": "geen uitkering", "other": "andere doelgroep",
}  # fmt: skip
OLD_BONUSES = {
    "bonus.status_holder": ("year", {"status_holder": True}, "Statushouder"),
    "bonus.under_27": ("year", {"age_under": 27}, "Jonger dan 27"),
    "bonus.age_50_plus": ("year", {"age_from": 50}, "50 jaar of ouder"),
    "bonus.outflow_to_work": ("once", {"left_for_work": True},
                              "Uitstroom naar regulier werk of een vast contract"),
    "bonus.certificate": ("certificate", {}, "Opleiding met certificaat"),
}  # fmt: skip


def upgrade():
    with op.batch_alter_table("sroi_rule_sets") as batch:
        batch.add_column(sa.Column("title", sa.String(200), server_default="", nullable=False))
        batch.add_column(sa.Column("basis_hours", sa.Numeric(4, 1), server_default="36",
                                   nullable=False))  # fmt: skip
        batch.alter_column("valid_from", existing_type=sa.Date(), nullable=True)
        batch.create_check_constraint("basis_hours", "basis_hours > 0 AND basis_hours <= 40")
    with op.batch_alter_table("sroi_rules") as batch:
        batch.add_column(sa.Column("kind", sa.String(16), server_default="category",
                                   nullable=False))  # fmt: skip
        batch.add_column(sa.Column("per", sa.String(16), server_default="year", nullable=False))
        batch.add_column(sa.Column("label", sa.Text(), server_default="", nullable=False))
        batch.add_column(sa.Column("conditions", sa.JSON(), server_default="{}", nullable=False))
        batch.add_column(sa.Column("position", sa.Integer(), server_default="0", nullable=False))
        batch.create_check_constraint("kind", "kind IN ('category', 'bonus', 'hourly')")
        batch.create_check_constraint("per", "per IN ('year', 'once', 'certificate', 'hour')")
    with op.batch_alter_table("employees") as batch:
        batch.add_column(sa.Column("doelgroepregister", sa.Boolean(), server_default=sa.false(),
                                   nullable=False))  # fmt: skip
        batch.add_column(sa.Column("language_deficit", sa.Boolean(), server_default=sa.false(),
                                   nullable=False))  # fmt: skip
        batch.add_column(sa.Column("benefit_since", sa.Date(), nullable=True))
        batch.add_column(sa.Column("learning_route", sa.Enum(
            "bbl", "bol", "pro_vso_entree", name="learning_route", native_enum=False,
            create_constraint=True, length=32), nullable=True))  # fmt: skip
        batch.create_check_constraint(
            "benefit_before_hired", "benefit_since IS NULL OR benefit_since <= hired_on"
        )
    op.create_table(
        "social_activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("description", sa.String(300), nullable=False),
        sa.Column("hours", sa.Numeric(7, 1), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True),
                  server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),  # fmt: skip
        sa.CheckConstraint("hours > 0 AND hours <= 10000", name=op.f("ck_social_activities_hours")),
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"], ondelete="CASCADE",
                                name=op.f("fk_social_activities_employer_id_employers")),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name=op.f("pk_social_activities")),
    )
    with op.batch_alter_table("social_activities") as batch:
        batch.create_index(batch.f("ix_social_activities_employer_id"), ["employer_id"])
    _old_meanings(op.get_bind())


def _old_meanings(bind):
    employees = sa.table("employees", sa.column("target_group"), sa.column("doelgroepregister"))
    bind.execute(employees.update().where(employees.c.target_group == "banenafspraak")
                 .values(doelgroepregister=True))  # fmt: skip
    rules = sa.table("sroi_rules", sa.column("id"), sa.column("key"), sa.column("kind"),
                     sa.column("per"), sa.column("label"), sa.column("conditions", sa.JSON),
                     sa.column("position"))  # fmt: skip
    for position, row in enumerate(bind.execute(sa.select(rules.c.id, rules.c.key)).all()):
        if row.key.startswith("base."):
            group = row.key.removeprefix("base.")
            values = {"kind": "category", "per": "year", "conditions": {"target_group": group},
                      "label": OLD_GROUPS.get(group, group)}  # fmt: skip
        elif row.key in OLD_BONUSES:
            per, conditions, label = OLD_BONUSES[row.key]
            values = {"kind": "bonus", "per": per, "conditions": conditions, "label": label}
        else:
            continue
        bind.execute(rules.update().where(rules.c.id == row.id).values(position=position,
                                                                      **values))  # fmt: skip


def downgrade():
    with op.batch_alter_table("social_activities") as batch:
        batch.drop_index(batch.f("ix_social_activities_employer_id"))
    op.drop_table("social_activities")
    with op.batch_alter_table("employees") as batch:
        batch.drop_constraint("benefit_before_hired", type_="check")
        batch.drop_constraint("learning_route", type_="check")
        batch.drop_column("learning_route")
        batch.drop_column("benefit_since")
        batch.drop_column("language_deficit")
        batch.drop_column("doelgroepregister")
    with op.batch_alter_table("sroi_rules") as batch:
        batch.drop_constraint("per", type_="check")
        batch.drop_constraint("kind", type_="check")
        batch.drop_column("position")
        batch.drop_column("conditions")
        batch.drop_column("label")
        batch.drop_column("per")
        batch.drop_column("kind")
    op.execute("DELETE FROM sroi_rule_sets WHERE valid_from IS NULL")
    with op.batch_alter_table("sroi_rule_sets") as batch:
        batch.drop_constraint("basis_hours", type_="check")
        batch.alter_column("valid_from", existing_type=sa.Date(), nullable=False)
        batch.drop_column("basis_hours")
        batch.drop_column("title")
