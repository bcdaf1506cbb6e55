"""On a PostgreSQL server, the audit log's key is compared byte by byte (collation "C"): keys are codes, digits
and slashes, which sort the same either way, but the database's own collation compares each pair through the
C library (an entry costs its index more: about 0.6 ms of a province's 2,564-entry save) and cannot search its
index for the keys that start with a prefix (the history of a month, of an entrepreneur), which "C" can.
SQLite compares bytes already.

Revision ID: 0020
Revises: 0019
"""

from alembic import op

revision = "0020"
down_revision = "0019"  # 0019_audit_time_brin.py
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute('ALTER TABLE audit_log ALTER COLUMN entity_key TYPE VARCHAR(80) COLLATE "C"')


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute('ALTER TABLE audit_log ALTER COLUMN entity_key TYPE VARCHAR(80) COLLATE "default"')
