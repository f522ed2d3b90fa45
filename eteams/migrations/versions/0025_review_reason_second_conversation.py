"""review reason: a second conversation at the same door on the same day

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-04 18:30:00

Two conversations at one door on one day would give the household two letters: only the
latest gets one, both stay stored, and the later is put before the lead
("second_conversation").
"""

from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

OLD_REASONS = ("not_on_list", "list_done", "list_replanned", "date_passed", "outside_shift",
               "do_not_visit", "not_on_team", "clock_ahead", "already_logged",
               "outside_campaign", "appointment_at_night", "appointment_far_ahead")  # fmt: skip
NEW_REASONS = (*OLD_REASONS, "second_conversation")


def _reasons_check(reasons: tuple[str, ...]) -> None:
    listed = ", ".join(f"'{r}'" for r in reasons)
    with op.batch_alter_table("visit_reviews") as batch_op:
        batch_op.drop_constraint(op.f("ck_visit_reviews_review_reason"), type_="check")
        batch_op.create_check_constraint("review_reason", f"reason IN ({listed})")


def upgrade():
    _reasons_check(NEW_REASONS)


def downgrade():
    op.execute("DELETE FROM visit_reviews WHERE reason = 'second_conversation'")
    _reasons_check(OLD_REASONS)
