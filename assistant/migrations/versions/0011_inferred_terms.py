"""a service's taxonomy link says whether Dayfinder inferred it (from the listing's words or a
council's audience tags) rather than the feed giving it, so curators can confirm or remove it

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_term", schema=None) as batch_op:
        batch_op.add_column(sa.Column("inferred", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("service_term", schema=None) as batch_op:
        batch_op.drop_column("inferred")
