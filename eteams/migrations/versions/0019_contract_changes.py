"""contract changes: an employee's contract and hours from a date on

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03 20:00:00

Until now an employee had one contract and one number of hours for the whole employment, so a
trial placement that became a paid contract was valued either as unpaid throughout or as paid
from the first day. The employee's own columns stay the terms on the hiring date; each row
here is a change from a date on. Existing employees keep their terms (no rows: no changes).
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

CONTRACT_TYPES = ("trial_placement", "temporary", "permanent", "work_learning")


def upgrade():
    op.create_table(
        "contract_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("contract_type", sa.Enum(*CONTRACT_TYPES, name="contract_type", native_enum=False,
                                           create_constraint=True, length=32), nullable=False),  # fmt: skip
        sa.Column("hours_per_week", sa.Numeric(4, 1), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True),
                  server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),  # fmt: skip
        sa.CheckConstraint("hours_per_week > 0 AND hours_per_week <= 40",
                           name=op.f("ck_contract_changes_hours_per_week")),  # fmt: skip
        sa.ForeignKeyConstraint(["employee_id"], ["employees.id"], ondelete="CASCADE",
                                name=op.f("fk_contract_changes_employee_id_employees")),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_changes")),
        sa.UniqueConstraint("employee_id", "starts_on", name="uq_contract_changes_day"),
    )
    with op.batch_alter_table("contract_changes") as batch:
        batch.create_index(batch.f("ix_contract_changes_employee_id"), ["employee_id"])


def downgrade():
    with op.batch_alter_table("contract_changes") as batch:
        batch.drop_index(batch.f("ix_contract_changes_employee_id"))
    op.drop_table("contract_changes")
