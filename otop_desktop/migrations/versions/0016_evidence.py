"""The signed จต.๒ the province receives back: each scanned file kept whole under its SHA-256 (in the database,
so a server keeps it too), and each page matched to the print record whose code it carries.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("received_by", sa.String(80), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_file")),
        sa.UniqueConstraint("sha256", name=op.f("uq_evidence_file_sha256")),
    )
    op.create_table(
        "evidence_page",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("print_record_id", sa.Integer(), nullable=False),
        sa.Column("typed", sa.Boolean(), nullable=False),
        sa.Column("received_by", sa.String(80), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["file_id"], ["evidence_file.id"], name=op.f("fk_evidence_page_file_id_evidence_file")),
        sa.ForeignKeyConstraint(
            ["print_record_id"], ["print_record.id"], name=op.f("fk_evidence_page_print_record_id_print_record")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_page")),
        sa.UniqueConstraint("file_id", "page", "print_record_id", name=op.f("uq_evidence_page_file_id")),
    )
    op.create_index("ix_evidence_page_print_record_id", "evidence_page", ["print_record_id"])


def downgrade() -> None:
    op.drop_index("ix_evidence_page_print_record_id", table_name="evidence_page")
    op.drop_table("evidence_page")
    op.drop_table("evidence_file")
