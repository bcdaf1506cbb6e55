"""Entrepreneurs' names in Thai dictionary order: a sort key kept beside each name.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from otop_desktop.services.thai import sort_key

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('entrepreneur', sa.Column('name_key', sa.String(length=420), server_default='', nullable=False))
    connection = op.get_bind()
    rows = connection.exec_driver_sql("SELECT id, name FROM entrepreneur").all()
    if rows:
        connection.execute(sa.text("UPDATE entrepreneur SET name_key = :key WHERE id = :id"),
                           [{"key": sort_key(name), "id": id_} for id_, name in rows])


def downgrade() -> None:
    with op.batch_alter_table('entrepreneur') as batch:
        batch.drop_column('name_key')
