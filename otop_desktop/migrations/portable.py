"""What the migrations write differently on SQLite and on PostgreSQL: triggers (SQLite's inline bodies,
PostgreSQL's functions), in one place so each migration states what it wants once."""

from alembic import op


def on_sqlite() -> bool:
    """Whether the migration runs on a SQLite file (else an office's PostgreSQL server)."""
    return op.get_bind().dialect.name == "sqlite"


def make_append_only(table: str) -> None:
    """Rows of `table` can be added, never changed or deleted (the audit log)."""
    if on_sqlite():
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
        return
    op.execute(
        "CREATE OR REPLACE FUNCTION otop_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"
    )
    for action in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION otop_refuse_change()"
        )
    op.execute(
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION otop_refuse_change()"
    )


def drop_append_only(table: str) -> None:
    """Undo make_append_only (a migration that must rewrite the table)."""
    on = "" if on_sqlite() else f" ON {table}"
    for action in ("update", "delete") + (() if on_sqlite() else ("truncate",)):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}{on}")
