"""Choosing the database: the data folder's SQLite file, or an office's PostgreSQL server by --database-url or
$OTOP_DATABASE_URL; a URL carrying a password is refused in Thai (it belongs in PostgreSQL's .pgpass)."""

from pathlib import Path

import pytest

from otop_desktop.cli import main
from otop_desktop.paths import DATABASE_URL_ENV, database_target
from otop_desktop.services.errors import InvalidInput


def test_without_a_url_the_data_folders_file_is_used(tmp_path, monkeypatch):
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    assert database_target(tmp_path) == Path(tmp_path).resolve() / "otop.db"


def test_a_url_comes_from_the_option_or_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(DATABASE_URL_ENV, "postgresql://otop@server/otop")
    assert database_target(tmp_path) == "postgresql://otop@server/otop"
    assert database_target(tmp_path, "postgresql:///otop") == "postgresql:///otop"


@pytest.mark.parametrize("url", ["postgresql://otop:secret@server/otop", "mysql://otop@server/otop", "server/otop"])
def test_a_password_in_the_url_or_another_engine_is_refused(url):
    with pytest.raises(InvalidInput) as refused:
        database_target(None, url)
    assert ".pgpass" in refused.value.message or "postgresql://" in refused.value.message


def test_the_command_line_says_so_in_thai_and_stops(capsys):
    assert main(["--database-url", "postgresql://otop:secret@server/otop", "user", "list", "--as", "admin"]) == 2
    assert "อย่าใส่รหัสผ่าน" in capsys.readouterr().err
