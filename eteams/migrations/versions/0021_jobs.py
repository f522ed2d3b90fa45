"""background jobs: planning, geocoding and the day's letters run in a worker

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-10 09:00:00

Long work left the web request: the queue (huey) carries a job's id, this table keeps its
state, progress, failure and result, so a page can show it and a new worker can resume it.
At most one job of a kind is queued or running for the same campaign and day.
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

ACTIVE = "state IN ('queued', 'running')"


def _enum(values, name):
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade():
    op.create_table(
        "jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum(("plan", "geocode", "letters"), "job_kind"), nullable=False),
        sa.Column("scope", sa.String(40), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("state", _enum(("queued", "running", "done", "failed"), "job_state"),
                  nullable=False),  # fmt: skip
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.String(32), nullable=True),
        sa.Column("detail", sa.String(2000), nullable=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("result", sa.LargeBinary(), nullable=True),
        sa.Column("worker", sa.String(100), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True),
                  server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),  # fmt: skip
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"], ondelete="CASCADE",
                                name=op.f("fk_jobs_campaign_id_campaigns")),  # fmt: skip
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], ondelete="SET NULL",
                                name=op.f("fk_jobs_created_by_id_users")),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
    )
    with op.batch_alter_table("jobs") as batch:
        batch.create_index(batch.f("ix_jobs_campaign_id"), ["campaign_id"])
        batch.create_index("uq_jobs_active_scope", ["kind", "scope"], unique=True,
                           sqlite_where=sa.text(ACTIVE), postgresql_where=sa.text(ACTIVE))  # fmt: skip


def downgrade():
    with op.batch_alter_table("jobs") as batch:
        batch.drop_index("uq_jobs_active_scope")
        batch.drop_index(batch.f("ix_jobs_campaign_id"))
    op.drop_table("jobs")
