"""The data-quality check's reviews: a finding marked ตรวจแล้ว (checked) with a note, who and when.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"  # 0016_evidence.py
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quality_review",
        sa.Column("finding_key", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("area_code", sa.String(length=6), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("entrepreneur_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reviewed_by", sa.String(length=80), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("finding_key", name=op.f("pk_quality_review")),
    )
    op.create_index("ix_quality_review_period", "quality_review", ["fiscal_year", "month", "area_code"])


def downgrade() -> None:
    op.drop_index("ix_quality_review_period", table_name="quality_review")
    op.drop_table("quality_review")
