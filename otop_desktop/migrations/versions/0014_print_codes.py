"""Each print its own code: the print record keeps the period its paper is for (a จต.๑'s month, not its
reference figures' month) and the completeness its paper stated, and the digest is indexed, so a code names
its print and the other prints of the same figures. Old records keep their codes (the digest's first ten
letters) and verify as before; the new columns stay empty for them.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("print_record") as batch:
        batch.add_column(sa.Column("paper_fiscal_year", sa.Integer()))
        batch.add_column(sa.Column("paper_months", sa.String(40)))
        batch.add_column(sa.Column("completeness", sa.String(400)))
    op.create_index("ix_print_record_digest", "print_record", ["digest"])


def downgrade() -> None:
    op.drop_index("ix_print_record_digest", table_name="print_record")
    with op.batch_alter_table("print_record") as batch:
        batch.drop_column("completeness")
        batch.drop_column("paper_months")
        batch.drop_column("paper_fiscal_year")
