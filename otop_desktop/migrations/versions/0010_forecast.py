"""The province's yearly forecast (attachment 4): twelve months, four channels, a remark per month.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "forecast",
        sa.Column("province_code", sa.String(length=2), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("domestic_offline", sa.BigInteger(), nullable=True),
        sa.Column("domestic_online", sa.BigInteger(), nullable=True),
        sa.Column("export_offline", sa.BigInteger(), nullable=True),
        sa.Column("export_online", sa.BigInteger(), nullable=True),
        sa.Column("remark", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=80), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("province_code", "fiscal_year", "month", name=op.f("pk_forecast")),
    )


def downgrade() -> None:
    op.drop_table("forecast")
