"""walk list downloads; the not-on-team and clock-ahead review reasons

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 00:28:14

A visit to a list the coach's tablet received is accepted even when the coach's team
membership was ended or removed, or the list planned anew, before the tablet synced; the lead
sees it as "not_on_team" or "list_replanned". A visit from a tablet whose clock runs ahead is
kept at the server's time as "clock_ahead". The download names the list without a foreign
key, so the proof outlives the list.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

OLD_REASONS = ("not_on_list", "list_done", "list_replanned", "date_passed", "outside_shift",
               "do_not_visit")  # fmt: skip
NEW_REASONS = (*OLD_REASONS, "not_on_team", "clock_ahead")


def _reasons_check(reasons: tuple[str, ...]) -> None:
    listed = ", ".join(f"'{r}'" for r in reasons)
    with op.batch_alter_table("visit_reviews") as batch_op:
        batch_op.drop_constraint(op.f("ck_visit_reviews_review_reason"), type_="check")
        batch_op.create_check_constraint("review_reason", f"reason IN ({listed})")


def upgrade():
    op.create_table(
        "walk_list_downloads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("walk_list_id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("downloaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_walk_list_downloads_user_id_users"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"],
                                name=op.f("fk_walk_list_downloads_campaign_id_campaigns"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_walk_list_downloads")),
        sa.UniqueConstraint("walk_list_id", "user_id",
                            name=op.f("uq_walk_list_downloads_walk_list_id_user_id")),
    )  # fmt: skip
    with op.batch_alter_table("walk_list_downloads") as batch_op:
        batch_op.create_index(batch_op.f("ix_walk_list_downloads_user_id"), ["user_id"])
        batch_op.create_index(batch_op.f("ix_walk_list_downloads_walk_list_id"), ["walk_list_id"])
    _reasons_check(NEW_REASONS)


def downgrade():
    op.execute("DELETE FROM visit_reviews WHERE reason IN ('not_on_team', 'clock_ahead')")
    _reasons_check(OLD_REASONS)
    with op.batch_alter_table("walk_list_downloads") as batch_op:
        batch_op.drop_index(batch_op.f("ix_walk_list_downloads_walk_list_id"))
        batch_op.drop_index(batch_op.f("ix_walk_list_downloads_user_id"))
    op.drop_table("walk_list_downloads")
