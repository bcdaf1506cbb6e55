"""Exchange: entrepreneur uids, merge state on monthly sales, office keys, import ledger, export log.

Revision ID: 0004
Revises: 0003
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "export_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_digest", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("area_code", sa.String(length=6), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=True),
        sa.Column("months", sa.String(length=40), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_log")),
    )
    op.create_table(
        "import_ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_digest", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("source_area", sa.String(length=6), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=True),
        sa.Column("months", sa.String(length=40), nullable=False),
        sa.Column("file_created_at", sa.DateTime(), nullable=True),
        sa.Column("imported_by", sa.String(length=80), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("backup_path", sa.String(length=400), nullable=True),
        sa.Column("last_audit_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_ledger")),
    )
    with op.batch_alter_table("import_ledger", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_ledger_file_digest"), ["file_digest"], unique=False)

    op.create_table(
        "office_key",
        sa.Column("area_code", sa.String(length=6), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=True),
        sa.Column("private_key", sa.LargeBinary(), nullable=True),
        sa.Column("registered_by", sa.String(length=80), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("area_code", "fingerprint", name=op.f("pk_office_key")),
    )
    # Existing entrepreneurs get a fresh uid each before the column becomes required and unique.
    op.add_column("entrepreneur", sa.Column("uid", sa.String(length=32), nullable=True))
    connection = op.get_bind()
    ids = [row[0] for row in connection.execute(sa.text("SELECT id FROM entrepreneur"))]
    if ids:
        connection.execute(
            sa.text("UPDATE entrepreneur SET uid = :uid WHERE id = :id"),
            [{"uid": uuid.uuid4().hex, "id": i} for i in ids],
        )
    with op.batch_alter_table("entrepreneur", schema=None) as batch_op:
        batch_op.alter_column("uid", existing_type=sa.String(length=32), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_entrepreneur_uid"), ["uid"])

    with op.batch_alter_table("monthly_sale", schema=None) as batch_op:
        batch_op.add_column(sa.Column("origin", sa.String(length=6), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("source_revision", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("import_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_monthly_sale_import_id_import_ledger"), "import_ledger", ["import_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("monthly_sale", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_monthly_sale_import_id_import_ledger"), type_="foreignkey")
        batch_op.drop_column("import_id")
        batch_op.drop_column("source_revision")
        batch_op.drop_column("origin")

    with op.batch_alter_table("entrepreneur", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_entrepreneur_uid"), type_="unique")
        batch_op.drop_column("uid")

    op.drop_table("office_key")
    with op.batch_alter_table("import_ledger", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_ledger_file_digest"))

    op.drop_table("import_ledger")
    op.drop_table("export_log")
