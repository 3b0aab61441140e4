"""staff users and handovers

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("password_hash", sa.String(512), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email"),
    )
    op.create_table(
        "staff_handover",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("service_ids", sa.JSON(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("recipient_key", sa.String(64), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["staff_user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("staff_handover", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_handover_sent_at"), ["sent_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_staff_handover_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("staff_handover", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_handover_user_id"))
        batch_op.drop_index(batch_op.f("ix_staff_handover_sent_at"))

    op.drop_table("staff_handover")
    op.drop_table("staff_user")
