"""What each import changed, so it can be undone on either engine without a copy of the database file: the
sales rows it overwrote or marked seen, as they were before (rows it added are those still carrying its id
with no such record), the province confirmations it wrote, and the entrepreneurs it added. Imports are
grouped into the batch they were taken in with.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_sale_before",
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("entrepreneur_id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("written", sa.Boolean(), nullable=False),
        sa.Column("domestic_offline", sa.BigInteger()),
        sa.Column("domestic_online", sa.BigInteger()),
        sa.Column("export_offline", sa.BigInteger()),
        sa.Column("export_online", sa.BigInteger()),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(80), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(6), nullable=False),
        sa.Column("source_revision", sa.Integer(), nullable=False),
        sa.Column("prior_import_id", sa.Integer()),
        sa.ForeignKeyConstraint(
            ["import_id"], ["import_ledger.id"], name=op.f("fk_import_sale_before_import_id_import_ledger")
        ),
        sa.ForeignKeyConstraint(
            ["entrepreneur_id"], ["entrepreneur.id"], name=op.f("fk_import_sale_before_entrepreneur_id_entrepreneur")
        ),
        sa.PrimaryKeyConstraint(
            "import_id", "entrepreneur_id", "fiscal_year", "month", name=op.f("pk_import_sale_before")
        ),
    )
    op.create_table(
        "import_lock_before",
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("province_code", sa.String(2), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("existed", sa.Boolean(), nullable=False),
        sa.Column("locked", sa.Boolean()),
        sa.Column("changed_by", sa.String(80)),
        sa.Column("changed_at", sa.DateTime()),
        sa.Column("reason", sa.Text()),
        sa.ForeignKeyConstraint(
            ["import_id"], ["import_ledger.id"], name=op.f("fk_import_lock_before_import_id_import_ledger")
        ),
        sa.PrimaryKeyConstraint(
            "import_id", "province_code", "fiscal_year", "month", name=op.f("pk_import_lock_before")
        ),
    )
    # Plain columns (no foreign key): SQLite would rebuild the entrepreneur table, and its triggers with it.
    op.add_column("entrepreneur", sa.Column("import_id", sa.Integer()))
    op.create_index(op.f("ix_entrepreneur_import_id"), "entrepreneur", ["import_id"])
    op.add_column("import_ledger", sa.Column("batch", sa.String(32)))
    op.add_column("import_ledger", sa.Column("rows_written", sa.Integer()))
    op.create_index(op.f("ix_monthly_sale_import_id"), "monthly_sale", ["import_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_monthly_sale_import_id"), table_name="monthly_sale")
    op.drop_column("import_ledger", "rows_written")
    op.drop_column("import_ledger", "batch")
    op.drop_index(op.f("ix_entrepreneur_import_id"), table_name="entrepreneur")
    op.drop_column("entrepreneur", "import_id")
    op.drop_table("import_lock_before")
    op.drop_table("import_sale_before")
