"""search events

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("interests", sa.String(), nullable=False),
        sa.Column("needs", sa.String(), nullable=False),
        sa.Column("area", sa.String(64), nullable=False),
        sa.Column("days", sa.String(32), nullable=False),
        sa.Column("parts_of_day", sa.String(32), nullable=False),
        sa.Column("budget_band", sa.String(16), nullable=False),
        sa.Column("must_haves", sa.String(), nullable=False),
        sa.Column("result_count", sa.Integer(), nullable=False),
        sa.Column("relaxed", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("search_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_search_event_area"), ["area"], unique=False)
        batch_op.create_index(batch_op.f("ix_search_event_created_on"), ["created_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("search_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_search_event_created_on"))
        batch_op.drop_index(batch_op.f("ix_search_event_area"))

    op.drop_table("search_event")
