"""problem reports know who filed them (an HMAC key), so "delete my data" can delete them

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("problem_report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reporter", sa.String(64), nullable=True))
        batch_op.create_index(batch_op.f("ix_problem_report_reporter"), ["reporter"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("problem_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_problem_report_reporter"))
        batch_op.drop_column("reporter")
