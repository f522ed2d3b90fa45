"""review reasons: a visit outside its campaign's dates, an appointment at night

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05 10:00:00

Field data is a fact: a visit dated outside its campaign's dates, or with an appointment at
night, is kept and put before the lead ("outside_campaign", "appointment_at_night") instead of
being refused.
"""

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

OLD_REASONS = ("not_on_list", "list_done", "list_replanned", "date_passed", "outside_shift",
               "do_not_visit", "not_on_team", "clock_ahead", "already_logged")  # fmt: skip
NEW_REASONS = (*OLD_REASONS, "outside_campaign", "appointment_at_night")


def _reasons_check(reasons: tuple[str, ...]) -> None:
    listed = ", ".join(f"'{r}'" for r in reasons)
    with op.batch_alter_table("visit_reviews") as batch_op:
        batch_op.drop_constraint(op.f("ck_visit_reviews_review_reason"), type_="check")
        batch_op.create_check_constraint("review_reason", f"reason IN ({listed})")


def upgrade():
    _reasons_check(NEW_REASONS)


def downgrade():
    op.execute(
        "DELETE FROM visit_reviews WHERE reason IN ('outside_campaign', 'appointment_at_night')"
    )
    _reasons_check(OLD_REASONS)
