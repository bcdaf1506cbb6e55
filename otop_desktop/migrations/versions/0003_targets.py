"""Targets: settings of a fiscal year, districts' base-year sales, printed figures kept by choice.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "target_settings",
        sa.Column("province_code", sa.String(length=2), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("base_year", sa.Integer(), nullable=False),
        sa.Column("factor", sa.String(length=20), nullable=False),
        sa.Column("basic_pct", sa.String(length=20), nullable=False),
        sa.Column("standard_pct", sa.String(length=20), nullable=False),
        sa.Column("high_pct", sa.String(length=20), nullable=False),
        sa.Column("changed_by", sa.String(length=80), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["province_code"], ["province.code"], name=op.f("fk_target_settings_province_code_province")
        ),
        sa.PrimaryKeyConstraint("province_code", "fiscal_year", name=op.f("pk_target_settings")),
    )
    op.create_table(
        "district_base",
        sa.Column("district_code", sa.String(length=4), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("base_satang", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("changed_by", sa.String(length=80), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("source IN ('data', 'entered', 'imported')", name=op.f("ck_district_base_source_known")),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_district_base_district_code_district")
        ),
        sa.PrimaryKeyConstraint("district_code", "fiscal_year", name=op.f("pk_district_base")),
    )
    op.create_table(
        "printed_target",
        sa.Column("district_code", sa.String(length=4), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("round_no", sa.Integer(), nullable=False),
        sa.Column("adjusted", sa.BigInteger(), nullable=False),
        sa.Column("round_base", sa.BigInteger(), nullable=False),
        sa.Column("basic", sa.BigInteger(), nullable=False),
        sa.Column("standard", sa.BigInteger(), nullable=False),
        sa.Column("high", sa.BigInteger(), nullable=False),
        sa.Column("source_file", sa.String(length=260), nullable=False),
        sa.Column("changed_by", sa.String(length=80), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("round_no IN (1, 2)", name=op.f("ck_printed_target_round_known")),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_printed_target_district_code_district")
        ),
        sa.PrimaryKeyConstraint("district_code", "fiscal_year", "round_no", name=op.f("pk_printed_target")),
    )


def downgrade() -> None:
    op.drop_table("printed_target")
    op.drop_table("district_base")
    op.drop_table("target_settings")
