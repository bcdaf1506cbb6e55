"""Each kept page of a signed จต.๒ notes the page of the print it shows and the print's pages, as the page's QR
code names them from now on (verify.qr_text), or as typed with the code from its footer: a print counts as
received once its page with the signatures (the last) is on file, not with any page of it. Pages kept before
have none (None): they count as before.

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"  # 0020_audit_key_bytewise.py
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("evidence_page") as table:
        table.add_column(sa.Column("print_page", sa.Integer(), nullable=True))
        table.add_column(sa.Column("print_pages", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("evidence_page") as table:
        table.drop_column("print_pages")
        table.drop_column("print_page")
