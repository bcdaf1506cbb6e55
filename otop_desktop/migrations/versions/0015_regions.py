"""The master data's six geographic regions (ภาค) and each province's: the department's dashboard groups the
provinces by region, as the department's own system groups them into zones. Filled when the master data
loads (its version changes with the regions' file), so an upgraded file gets them at its next opening.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "region",
        sa.Column("code", sa.String(2), nullable=False),
        sa.Column("name_th", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_region")),
    )
    op.add_column("province", sa.Column("region_code", sa.String(2), nullable=True))


def downgrade() -> None:
    # Not a batch (which rebuilds the table, refused while districts reference it): both engines drop a column.
    op.drop_column("province", "region_code")
    op.drop_table("region")
