"""social-return contracts and the evidence per employee

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 19:00:00

A contract or tender with a social-return obligation (a share of the contract value or an
amount), which the municipality's report measures realisation and balance against; per
employee, which evidence the employer has on file (contract, pay, target group on hiring).
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "sroi_contracts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(100), nullable=False),
        sa.Column("description", sa.String(300), nullable=False),
        sa.Column("contract_value", sa.Numeric(12, 2), nullable=False),
        sa.Column("obligation_percent", sa.Numeric(5, 2), nullable=True),
        sa.Column("obligation_eur", sa.Numeric(12, 2), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("municipality_contact", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True),
                  server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),  # fmt: skip
        sa.CheckConstraint("contract_value >= 0", name=op.f("ck_sroi_contracts_value_not_negative")),
        sa.CheckConstraint("(obligation_percent IS NULL) <> (obligation_eur IS NULL)",
                           name=op.f("ck_sroi_contracts_one_obligation")),  # fmt: skip
        sa.CheckConstraint(
            "obligation_percent IS NULL OR (obligation_percent > 0 AND obligation_percent <= 100)",
            name=op.f("ck_sroi_contracts_obligation_percent"),
        ),
        sa.CheckConstraint("ends_on IS NULL OR ends_on >= starts_on",
                           name=op.f("ck_sroi_contracts_ends_after_start")),  # fmt: skip
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"], ondelete="CASCADE",
                                name=op.f("fk_sroi_contracts_employer_id_employers")),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sroi_contracts")),
    )
    with op.batch_alter_table("sroi_contracts") as batch:
        batch.create_index(batch.f("ix_sroi_contracts_employer_id"), ["employer_id"])
    with op.batch_alter_table("employees") as batch:
        for name in ("evidence_contract", "evidence_pay", "evidence_target_group"):
            batch.add_column(sa.Column(name, sa.Boolean(), server_default=sa.false(),
                                       nullable=False))  # fmt: skip


def downgrade():
    with op.batch_alter_table("employees") as batch:
        for name in ("evidence_target_group", "evidence_pay", "evidence_contract"):
            batch.drop_column(name)
    with op.batch_alter_table("sroi_contracts") as batch:
        batch.drop_index(batch.f("ix_sroi_contracts_employer_id"))
    op.drop_table("sroi_contracts")
