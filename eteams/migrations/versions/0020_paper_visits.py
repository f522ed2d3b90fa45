"""visits typed in from the paper walk sheet

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04 10:00:00

When the tablet fails, the team writes on the paper walk sheet and the lead types it in
afterwards. Such a visit says so (``from_paper``), and so does a consent given on the sheet
and signed there (``on_paper``): it is always known how someone agreed. A door that has a
visit on the tablet and one from paper the same day is a doubt for the lead
("already_logged"). Existing visits and consents came from the tablet.
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

OLD_REASONS = ("not_on_list", "list_done", "list_replanned", "date_passed", "outside_shift",
               "do_not_visit", "not_on_team", "clock_ahead")  # fmt: skip
NEW_REASONS = (*OLD_REASONS, "already_logged")


def _reasons_check(reasons: tuple[str, ...]) -> None:
    listed = ", ".join(f"'{r}'" for r in reasons)
    with op.batch_alter_table("visit_reviews") as batch_op:
        batch_op.drop_constraint(op.f("ck_visit_reviews_review_reason"), type_="check")
        batch_op.create_check_constraint("review_reason", f"reason IN ({listed})")


def upgrade():
    with op.batch_alter_table("visits") as batch_op:
        batch_op.add_column(
            sa.Column("from_paper", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table("visit_consents") as batch_op:
        batch_op.add_column(
            sa.Column("on_paper", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    _reasons_check(NEW_REASONS)


def downgrade():
    op.execute("DELETE FROM visit_reviews WHERE reason = 'already_logged'")
    _reasons_check(OLD_REASONS)
    with op.batch_alter_table("visit_consents") as batch_op:
        batch_op.drop_column("on_paper")
    with op.batch_alter_table("visits") as batch_op:
        batch_op.drop_column("from_paper")
