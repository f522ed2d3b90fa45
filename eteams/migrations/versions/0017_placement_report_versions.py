"""placement report versions: a number per issued report

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 09:00:00

Each time a placement report is handed out (PDF or CSV) with figures that differ from the last
one issued for the same employer, audience and period, it gets the next number: "versie 2".
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "placement_report_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("audience", sa.String(20), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("number >= 1", name=op.f("ck_placement_report_versions_number_positive")),
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"], ondelete="CASCADE",
                                name=op.f("fk_placement_report_versions_employer_id_employers")),  # fmt: skip
        sa.ForeignKeyConstraint(["issued_by_id"], ["users.id"], ondelete="SET NULL",
                                name=op.f("fk_placement_report_versions_issued_by_id_users")),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement_report_versions")),
        sa.UniqueConstraint("employer_id", "audience", "starts_on", "ends_on", "number",
                            name=op.f("uq_placement_report_versions_number")),  # fmt: skip
    )
    with op.batch_alter_table("placement_report_versions") as batch:
        batch.create_index(batch.f("ix_placement_report_versions_employer_id"), ["employer_id"])


def downgrade():
    with op.batch_alter_table("placement_report_versions") as batch:
        batch.drop_index(batch.f("ix_placement_report_versions_employer_id"))
    op.drop_table("placement_report_versions")
