"""Signatories: who prepares, certifies and signs each office's forms.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signatory",
        sa.Column("area_code", sa.String(length=6), nullable=False),
        sa.Column("duty", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("changed_by", sa.String(length=80), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("area_code", "duty", name=op.f("pk_signatory")),
    )


def downgrade() -> None:
    op.drop_table("signatory")
