"""job kinds: the day's walk sheets as one PDF, and the reports, made by a worker

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-04 18:30:00

Forty walk sheets with their sketches and conversation pages take longer to lay out than a
web request should wait (about 11 s on the build machine): the planning screen's "every walk
sheet of the day" now runs as a job like the day's letters, and the file is kept on the job.
So do the placement and programme reports the pages hand out: a report over several years
counts hundreds of thousands of visits.
"""

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

OLD_KINDS = ("plan", "geocode", "letters")
NEW_KINDS = (*OLD_KINDS, "walk_sheets", "placement_report", "programme_report")


def _kinds_check(kinds: tuple[str, ...]) -> None:
    listed = ", ".join(f"'{k}'" for k in kinds)
    with op.batch_alter_table("jobs") as batch_op:
        batch_op.drop_constraint(op.f("ck_jobs_job_kind"), type_="check")
        batch_op.create_check_constraint("job_kind", f"kind IN ({listed})")


def upgrade():
    _kinds_check(NEW_KINDS)


def downgrade():
    op.execute("DELETE FROM jobs WHERE kind IN ('walk_sheets', 'placement_report', "
               "'programme_report')")
    _kinds_check(OLD_KINDS)
