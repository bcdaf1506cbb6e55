"""A print record may come from a district's file: the import that brought it (undo removes it); None for a
print made from this database.

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"  # 0017_quality_reviews.py
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("print_record") as batch:
        batch.add_column(sa.Column("import_id", sa.Integer()))
    op.create_index("ix_print_record_import_id", "print_record", ["import_id"])


def downgrade() -> None:
    op.drop_index("ix_print_record_import_id", table_name="print_record")
    with op.batch_alter_table("print_record") as batch:
        batch.drop_column("import_id")
