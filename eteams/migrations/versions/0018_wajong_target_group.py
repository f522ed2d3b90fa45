"""Wajong is a target group of its own, apart from WIA/WAO

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03 15:30:00

Until now one target group held "WIA / Wajong". The two are different benefits: WIA/WAO for
people who became ill while working, Wajong for people with a work limitation from a young
age, who, when they can work, are in UWV's doelgroepregister (uwv.nl, "Wie staan er in het
doelgroepregister?"). Utrecht's rule tables value WIA/WAO as a category and the register as
another. The stored value 'wia_wajong' keeps meaning WIA/WAO (saved rule tables name it); a
Wajong person recorded under it stays there until the employer corrects the record — no
migration can tell the two apart. A downgrade puts Wajong back under the shared value.
"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

OLD = ("participatiewet", "ww", "banenafspraak", "wia_wajong", "no_benefit", "other")
NEW = ("participatiewet", "ww", "banenafspraak", "wia_wajong", "wajong", "no_benefit", "other")


def _check(groups: tuple[str, ...]) -> None:
    listed = ", ".join(f"'{g}'" for g in groups)
    with op.batch_alter_table("employees") as batch_op:
        batch_op.drop_constraint(op.f("ck_employees_target_group"), type_="check")
        batch_op.create_check_constraint("target_group", f"target_group IN ({listed})")


def upgrade():
    _check(NEW)


def downgrade():
    op.execute("UPDATE employees SET target_group = 'wia_wajong' WHERE target_group = 'wajong'")
    _check(OLD)
