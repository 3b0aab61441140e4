"""schedule rules: the ORUK month-day list and the first date a schedule counts from

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("schedule", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bymonthday", sa.String(length=64), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("dtstart", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("schedule", schema=None) as batch_op:
        batch_op.drop_column("dtstart")
        batch_op.drop_column("bymonthday")
