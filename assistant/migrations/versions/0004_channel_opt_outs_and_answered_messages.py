"""channel opt outs and answered messages

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "channel_message",
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("message_id", sa.String(64), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("answer", sa.String(), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("channel", "message_id"),
    )
    with op.batch_alter_table("channel_message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_channel_message_expires_at"), ["expires_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_channel_message_key"), ["key"], unique=False)

    op.create_table(
        "channel_opt_out",
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("opted_out_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("channel", "key"),
    )


def downgrade() -> None:
    op.drop_table("channel_opt_out")
    with op.batch_alter_table("channel_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_channel_message_key"))
        batch_op.drop_index(batch_op.f("ix_channel_message_expires_at"))

    op.drop_table("channel_message")
