"""On a PostgreSQL server, the audit log's time index is BRIN: the log is written in time order, so a range of
pages covers a range of time, and writing an entry costs the index nothing where a B-tree took an entry a row
(a province's month saved writes thousands). SQLite keeps its B-tree.

Revision ID: 0019
Revises: 0018
"""

from alembic import op

revision = "0019"
down_revision = "0018"  # 0018_print_sources.py
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_audit_log_at", table_name="audit_log")
        op.create_index("ix_audit_log_at", "audit_log", ["at"], postgresql_using="brin")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_audit_log_at", table_name="audit_log")
        op.create_index("ix_audit_log_at", "audit_log", ["at"])
