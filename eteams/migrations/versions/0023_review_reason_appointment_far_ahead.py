"""review reason: an appointment more than a year after the visit

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-04 04:15:00

An appointment more than a year after the visit is most likely a slip of the year: it is kept
as recorded and put before the lead ("appointment_far_ahead") instead of being refused.
"""

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

OLD_REASONS = ("not_on_list", "list_done", "list_replanned", "date_passed", "outside_shift",
               "do_not_visit", "not_on_team", "clock_ahead", "already_logged",
               "outside_campaign", "appointment_at_night")  # fmt: skip
NEW_REASONS = (*OLD_REASONS, "appointment_far_ahead")


def _reasons_check(reasons: tuple[str, ...]) -> None:
    listed = ", ".join(f"'{r}'" for r in reasons)
    with op.batch_alter_table("visit_reviews") as batch_op:
        batch_op.drop_constraint(op.f("ck_visit_reviews_review_reason"), type_="check")
        batch_op.create_check_constraint("review_reason", f"reason IN ({listed})")


def upgrade():
    _reasons_check(NEW_REASONS)


def downgrade():
    op.execute("DELETE FROM visit_reviews WHERE reason = 'appointment_far_ahead'")
    _reasons_check(OLD_REASONS)
