"""Locks: the lock state of each district-month and province-month; a note (reason) on audit entries.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from otop_desktop.migrations.portable import drop_append_only, make_append_only

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "province_lock",
        sa.Column("province_code", sa.String(length=2), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("changed_by", sa.String(length=80), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["province_code"], ["province.code"], name=op.f("fk_province_lock_province_code_province")
        ),
        sa.PrimaryKeyConstraint("province_code", "fiscal_year", "month", name=op.f("pk_province_lock")),
    )
    op.create_table(
        "district_lock",
        sa.Column("district_code", sa.String(length=4), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("changed_by", sa.String(length=80), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_district_lock_district_code_district")
        ),
        sa.PrimaryKeyConstraint("district_code", "fiscal_year", "month", name=op.f("pk_district_lock")),
    )
    # A plain ALTER TABLE ADD COLUMN: batch mode would rebuild audit_log and drop its append-only triggers.
    op.add_column("audit_log", sa.Column("note", sa.Text(), nullable=True))


def downgrade() -> None:
    drop_append_only("audit_log")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("note")
    make_append_only("audit_log")

    op.drop_table("district_lock")
    op.drop_table("province_lock")
