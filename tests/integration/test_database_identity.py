"""A database is taken only when it is this program's: another application's database (tables that are not
ours) and one a newer version of the program has upgraded are refused in Thai, and nothing in them changes."""

import sqlite3

import pytest

from otop_desktop.cli import main
from otop_desktop.core.errors import ForeignDatabase, NewerDatabase
from otop_desktop.store.database import open_database
from tests.engines import execute, location, target, value


@pytest.mark.migrates  # the refusal is of what a migration left in the file
def test_a_database_a_newer_version_upgraded_is_refused_and_left_as_it_is(database, capsys):
    execute(database, "UPDATE alembic_version SET version_num = '0099_from_the_future'")
    database.close()
    with pytest.raises(NewerDatabase, match="รุ่นที่ใหม่กว่า"):
        open_database(target(database))
    assert main([*location(database), "user", "list", "--as", "admin"]) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and "ติดตั้งโปรแกรมรุ่นล่าสุด" in said and "Error" not in said
    assert value(database, "SELECT version_num FROM alembic_version") == "0099_from_the_future"


def another_programs_file(path, revision: str | None = None) -> bytes:
    """A SQLite file of another application (a customers table; an Alembic revision of its own if given)."""
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO customers (name) VALUES ('ร้านค้า')")
        if revision:
            con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
            con.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    con.close()
    return path.read_bytes()


@pytest.mark.parametrize("revision", [None, "ae1027a6acf"], ids=["plain", "with Alembic of its own"])
def test_another_programs_sqlite_file_is_refused_and_not_touched(revision, tmp_path, capsys):
    path = tmp_path / "otop.db"
    before = another_programs_file(path, revision)
    with pytest.raises(ForeignDatabase, match="โปรแกรมอื่น"):
        open_database(path)
    assert main(["--data-dir", str(tmp_path), "user", "list", "--as", "admin"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["otop.db"]  # not even a -wal


def test_an_empty_sqlite_file_is_still_set_up(tmp_path):
    (tmp_path / "otop.db").write_bytes(b"")
    open_database(tmp_path / "otop.db").close()
    with sqlite3.connect(tmp_path / "otop.db") as con:
        assert con.execute("SELECT count(*) FROM province").fetchone() == (77,)
    con.close()
