"""login failures, for throttling shared by every worker

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 02:10:00

Counting failed sign-ins in the database means every worker process and every instance sees
the same count (Flask-Limiter's memory storage counted per process). Keyed digests only.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_key", sa.String(length=32), nullable=False),
        sa.Column("address_key", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    with op.batch_alter_table("login_failures") as batch_op:
        batch_op.create_index(batch_op.f("ix_login_failures_account_key"), ["account_key"])
        batch_op.create_index(batch_op.f("ix_login_failures_address_key"), ["address_key"])
        batch_op.create_index(batch_op.f("ix_login_failures_at"), ["at"])


def downgrade():
    with op.batch_alter_table("login_failures") as batch_op:
        batch_op.drop_index(batch_op.f("ix_login_failures_at"))
        batch_op.drop_index(batch_op.f("ix_login_failures_address_key"))
        batch_op.drop_index(batch_op.f("ix_login_failures_account_key"))
    op.drop_table("login_failures")
