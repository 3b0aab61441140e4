"""reminders and follow-ups: pending messages (address encrypted, deleted once sent) and the
follow-up answers, kept with no key for the commissioners' take-up figures

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

PENDING = ("reminder", "follow_up")


def upgrade() -> None:
    for name in PENDING:
        op.create_table(
            name,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("channel", sa.String(16), nullable=False),
            sa.Column("key", sa.String(64), nullable=False),
            sa.Column("address", sa.String(512), nullable=False),
            sa.Column("service_id", sa.String(128), nullable=False),
            sa.Column("send_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("attempts", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{name}_key"), ["key"], unique=False)
            batch_op.create_index(batch_op.f(f"ix_{name}_send_at"), ["send_at"], unique=False)
    op.create_table(
        "follow_up_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activities", sa.String(255), nullable=False),
        sa.Column("needs", sa.String(255), nullable=False),
        sa.Column("area", sa.String(64), nullable=False),
        sa.Column("answer", sa.String(8), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("follow_up_answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_up_answer_week"), ["week"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("follow_up_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_answer_week"))
    op.drop_table("follow_up_answer")
    for name in reversed(PENDING):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{name}_send_at"))
            batch_op.drop_index(batch_op.f(f"ix_{name}_key"))
        op.drop_table(name)
