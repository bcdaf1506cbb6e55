"""Retired signing keys: a key an office no longer uses stays listed, and files signed with it are refused.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("office_key", sa.Column("retired_at", sa.DateTime(), nullable=True))
    op.add_column("office_key", sa.Column("retired_by", sa.String(length=80), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("office_key") as batch:
        batch.drop_column("retired_by")
        batch.drop_column("retired_at")
