"""The office's server as it misbehaves: another application's database is refused untouched, a server that
stops answering ends the action with a Thai message within the timeout, and one that closes the connection
(a restart) is said in Thai and the next try works."""

import uuid

import psycopg
import pytest
from sqlalchemy.engine import make_url

from otop_desktop.cli import main
from otop_desktop.services.errors import ForeignDatabase
from otop_desktop.store.database import open_database
from otop_desktop.store.server import create_server_database, drop_server_database
from tests.engines import admin_url


@pytest.fixture
def other_apps_database():
    """A database of another application on the same server: a table of its own, with a row."""
    admin, name = admin_url(), f"other_app_{uuid.uuid4().hex[:10]}"
    url = create_server_database(admin, name)
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE SCHEMA billing")
        con.execute("CREATE TABLE billing.invoice (id serial PRIMARY KEY, total numeric)")
        con.execute("INSERT INTO billing.invoice (total) VALUES (100)")
    yield url
    drop_server_database(admin, name)


def server_tables(url: str) -> list[tuple]:
    with psycopg.connect(url) as con:
        return con.execute("SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN"
                           " ('pg_catalog', 'information_schema') ORDER BY 1, 2").fetchall()


def test_another_applications_database_is_refused_and_nothing_is_created_in_it(other_apps_database, capsys):
    with pytest.raises(ForeignDatabase, match="โปรแกรมอื่น"):
        open_database(other_apps_database)
    assert main(["--database-url", other_apps_database, "user", "list", "--as", "admin"]) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and make_url(other_apps_database).database in said
    assert server_tables(other_apps_database) == [("billing", "invoice")]
