"""each listing records its source (a feed file name or an ORUK API base URL), so a sync archives
only what disappeared from that same source

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=255), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_service_source"), ["source"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_source"))
        batch_op.drop_column("source")
