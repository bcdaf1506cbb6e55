"""Department role: a national database that merges the provinces' confirmed files.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from otop_desktop.migrations.portable import on_sqlite

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _app_user(roles: str) -> sa.Table:
    """app_user as it stands, with the given CHECK on roles (SQLite cannot alter a CHECK in place)."""
    return sa.Table(
        "app_user",
        sa.MetaData(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("area_code", sa.String(length=6), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(f"role IN ({roles})", name=op.f("ck_app_user_role_known")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )


def _roles(roles: str) -> None:
    if not on_sqlite():  # a server alters the CHECK in place
        op.drop_constraint(op.f("ck_app_user_role_known"), "app_user", type_="check")
        op.create_check_constraint(op.f("ck_app_user_role_known"), "app_user", f"role IN ({roles})")
        return
    with op.batch_alter_table("app_user", copy_from=_app_user(roles), recreate="always"):
        pass


def upgrade() -> None:
    _roles("'district', 'province', 'admin', 'department'")


def downgrade() -> None:
    op.execute("DELETE FROM app_user WHERE role = 'department'")
    _roles("'district', 'province', 'admin'")
