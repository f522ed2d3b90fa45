"""advice letters: when a letter left the system (printed or downloaded), and its bytes

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 08:00:00

A letter that was printed or downloaded may be on paper in someone's hands even before it is
marked as sent: a correction afterwards makes a new version under its own reference, so two
different papers never carry the same number. The PDF itself is kept as it was made: a letter
comes out again byte for byte, whatever the code that renders letters has become since.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("advice_letters") as batch:
        batch.add_column(sa.Column("issued_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("pdf", sa.LargeBinary(), nullable=True))
    # Letters sent before this revision were issued when they were sent.
    op.execute("UPDATE advice_letters SET issued_at = sent_at WHERE sent_at IS NOT NULL")


def downgrade():
    with op.batch_alter_table("advice_letters") as batch:
        batch.drop_column("pdf")
        batch.drop_column("issued_at")
