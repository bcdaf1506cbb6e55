"""Alembic environment: runs on the connection handed over by services.database."""

from alembic import context

from otop_desktop.models import Base

config = context.config


def run_migrations() -> None:
    """Run the pending migrations on the caller's connection, batch mode only on SQLite (which cannot alter
    most of a table in place)."""
    connection = config.attributes["connection"]
    context.configure(
        connection=connection, target_metadata=Base.metadata, render_as_batch=connection.dialect.name == "sqlite"
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
