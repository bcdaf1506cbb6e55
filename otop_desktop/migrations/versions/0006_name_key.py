"""Entrepreneurs' names in Thai dictionary order: a sort key kept beside each name.

Revision ID: 0006
Revises: 0005
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# A frozen copy of services.thai.sort_key as it stood at this revision: a migration must not change when the
# service does (a later fix of the key comes as a migration of its own).
_LEADING_VOWEL = re.compile("([เแโใไ])([ก-ฮ])")
_MARKS = str.maketrans("", "", "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d")  # ็ ่ ้ ๊ ๋ ์ ํ


def sort_key(text: str) -> str:
    """The name's key whose binary order is Thai dictionary order (leading vowels under their consonant)."""
    swapped = _LEADING_VOWEL.sub(r"\2\1", text)
    return swapped.translate(_MARKS) + "\x01" + swapped


def upgrade() -> None:
    op.add_column("entrepreneur", sa.Column("name_key", sa.String(length=420), server_default="", nullable=False))
    connection = op.get_bind()
    rows = connection.exec_driver_sql("SELECT id, name FROM entrepreneur").all()
    if rows:
        connection.execute(
            sa.text("UPDATE entrepreneur SET name_key = :key WHERE id = :id"),
            [{"key": sort_key(name), "id": id_} for id_, name in rows],
        )


def downgrade() -> None:
    with op.batch_alter_table("entrepreneur") as batch:
        batch.drop_column("name_key")
