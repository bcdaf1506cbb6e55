"""Choosing the database: the data folder's SQLite file, or an office's PostgreSQL server by --database-url or
$OTOP_DATABASE_URL; a URL carrying a password is refused in Thai (it belongs in PostgreSQL's .pgpass)."""

from pathlib import Path

import pytest

from otop_desktop.cli import main
from otop_desktop.core.errors import InvalidInput, OtopError, SavedChoiceUnreadable
from otop_desktop.paths import CONNECTION_FILE, DATABASE_URL_ENV, database_target, save_database_url
from tests.loopback import CLOSED_PORT


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


def run_cli(argv, capsys) -> tuple[int, str]:
    """The exit code and what the command said on stderr."""
    code = main(argv)
    return code, capsys.readouterr().err


UNREADABLE = {
    "not JSON": b"not json",
    "a list": b"[]",
    "empty": b"",
    "no URL": b"{}",
    "a number as URL": b'{"database_url": 5}',
    "a list as URL": b'{"database_url": ["postgresql://x/y"]}',
    "deeply nested": b'{"database_url": ' + b"[" * 200_000 + b"]" * 200_000 + b"}",
    "not UTF-8": b'{"database_url": "\xff\xfe"}',
    "too big": b'{"database_url": "' + b" " * 100_000 + b'"}',
    "a password": b'{"database_url": "postgresql://otop:secret@server/otop"}',
    "a malformed URL": b'{"database_url": "postgresql://[::1"}',
}


@pytest.mark.parametrize("content", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_an_unreadable_saved_choice_is_said_with_its_file_and_nothing_is_created(
    content, tmp_path, monkeypatch, capsys
):
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    (tmp_path / CONNECTION_FILE).write_bytes(content)
    with pytest.raises(SavedChoiceUnreadable) as refused:
        database_target(tmp_path)
    assert str(tmp_path / CONNECTION_FILE) in refused.value.message and "ฐานข้อมูล…" in refused.value.message
    monkeypatch.setenv("OTOP_PASSWORD", "whatever")
    code, said = run_cli(["--data-dir", str(tmp_path), "user", "list", "--as", "admin"], capsys)
    assert code == 2 and said.count("\n") == 1 and "ลบไฟล์นี้" in said and "secret" not in said
    assert sorted(path.name for path in tmp_path.iterdir()) == [CONNECTION_FILE]  # no otop.db beside it


def test_a_saved_choice_that_cannot_be_opened_is_refused_too(tmp_path, monkeypatch):
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    (tmp_path / CONNECTION_FILE).mkdir()  # a folder where the file should be
    with pytest.raises(SavedChoiceUnreadable):
        database_target(tmp_path)
    (tmp_path / CONNECTION_FILE).rmdir()
    (tmp_path / CONNECTION_FILE).write_text('{"database_url": ""}')  # the program's own "the file on this PC"
    assert database_target(tmp_path) == tmp_path.resolve() / "otop.db"


@pytest.mark.parametrize(
    "url",
    ["postgresql://[::1", "postgresql://h:notaport/db", "postgresql://h:70000/db", "mysql://x", "", "postgresql:/otop"],
)
def test_a_malformed_url_is_said_in_thai_and_nothing_is_created(url, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    with pytest.raises(InvalidInput):
        database_target(tmp_path, url)
    code, said = run_cli(["--data-dir", str(tmp_path), "--database-url", url, "user", "list", "--as", "admin"], capsys)
    assert code == 2 and said.count("\n") == 1 and "Error" not in said and not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "query",
    [
        "password=secret",
        "sslpassword=secret",
        "PASS%57ORD=secret",
        "a=1&password=secret",
        "password%3D=secret",
        "pass_word=secret",
        "options=-c%20password%3Dsecret",
        "application_name=x&application_name=password%3Dsecret",
    ],
)
def test_a_secret_in_the_query_string_is_refused_and_never_echoed(query, tmp_path, capsys):
    url = f"postgresql://otop@server/otop?{query}"
    with pytest.raises(InvalidInput, match="อย่าใส่รหัสผ่าน"):
        database_target(tmp_path, url)
    code, said = run_cli(["--data-dir", str(tmp_path), "--database-url", url, "user", "list", "--as", "admin"], capsys)
    assert code == 2 and "secret" not in said
    with pytest.raises(InvalidInput):
        save_database_url(url, tmp_path)
    assert not (tmp_path / CONNECTION_FILE).exists()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://otop@server/otop?dbname=dbname%3Dotop%20password%3Dsecret",
        "postgresql://otop@server/dbname%3Dotop%20password%3Dsecret",
        "postgresql://otop@server/otop?dbname=postgresql://otop:secret@other/otop",
        "postgresql://otop@server/otop?dbname=a&dbname=password%3Dsecret",
    ],
)
def test_a_database_name_libpq_would_read_as_settings_is_refused_and_never_echoed(url, tmp_path, capsys):
    """libpq takes a database name holding "=" (or a URL) as settings, a password among them: it was shown in the
    refusal that followed (the name was not a secret parameter's)."""
    with pytest.raises(InvalidInput, match="ชื่อฐานข้อมูลใน URL"):
        database_target(tmp_path, url)
    code, said = run_cli(["--data-dir", str(tmp_path), "--database-url", url, "user", "list", "--as", "admin"], capsys)
    assert code == 2 and "secret" not in said and not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u\udcff@localhost/db",
        "postgresql://localhost/d\udcffb",
        "postgresql://localhost/db?application_name=\udcff",
        "postgresql://localhost/db\n",
    ],
)
def test_a_url_with_a_byte_that_is_not_utf8_or_a_control_character_is_said_in_thai(url, tmp_path, capsys, monkeypatch):
    """A byte of another code page in the URL (Python holds it as a lone surrogate) ended in UnicodeEncodeError's
    traceback, from the option and from $OTOP_DATABASE_URL alike."""
    code, said = run_cli(["--data-dir", str(tmp_path), "--database-url", url, "user", "list", "--as", "admin"], capsys)
    assert code == 2 and "อ่านไม่ได้" in said and said.count("\n") == 1 and "Error" not in said
    monkeypatch.setenv(DATABASE_URL_ENV, url.rstrip("\n") + "\x07")
    code, said = run_cli(["--data-dir", str(tmp_path), "user", "list", "--as", "admin"], capsys)
    assert code == 2 and "อ่านไม่ได้" in said and DATABASE_URL_ENV in said
    assert not list(tmp_path.iterdir())


def test_a_shown_url_masks_every_secret():
    from otop_desktop.store.database import shown_url

    shown = shown_url("postgresql://otop:secret@server/otop?sslpassword=secret&PassWord=secret&sslmode=require")
    assert "secret" not in shown and "sslmode=require" in shown and "server/otop" in shown


def test_a_data_folder_that_loops_names_no_home_or_is_a_file_is_said_in_thai(tmp_path, capsys, monkeypatch):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "afile").write_text("x")
    for folder, why in (
        (tmp_path / "a", "วนกลับ"),
        ("~nosuchuser-otop/x", "ไม่พบโฟลเดอร์"),
        (tmp_path / "afile", "เป็นไฟล์ ไม่ใช่โฟลเดอร์"),  # said "Not a directory", and to press a button of the window
    ):
        code, said = run_cli(
            ["--data-dir", str(folder), "entry", "show", "--user", "x", "--year", "2569", "--month", "9"], capsys
        )
        assert code == 2 and why in said and "Traceback" not in said and said.count("\n") == 1
    monkeypatch.setenv("OTOP_DATA_DIR", str(tmp_path / "a"))
    code, said = run_cli(["entry", "show", "--user", "x", "--year", "2569", "--month", "9"], capsys)
    assert code == 2 and "$OTOP_DATA_DIR" in said


def test_a_password_of_bytes_no_encoding_reads_is_said_and_never_shown(world, capsys, monkeypatch):
    from tests.engines import location

    monkeypatch.setenv("OTOP_PASSWORD", "\udcff\udcfe")  # what Python makes of the shell's $'\xff\xfe'
    code, said = run_cli(
        [*location(world.database), "entry", "show", "--user", "prov", "--year", "2569", "--month", "9"], capsys
    )
    assert code == 2 and "OTOP_PASSWORD" in said and "อ่านไม่ได้" in said and "Traceback" not in said


def test_a_refused_url_names_where_it_came_from(tmp_path, capsys, monkeypatch):
    """The option, the environment variable or the file of this PC's choice: the officer looks where it says (a
    password in connection.json was said to be in --database-url)."""
    monkeypatch.setenv("OTOP_DATABASE_URL", "mysql://otop@server/otop")
    with pytest.raises(InvalidInput, match=r"^\$OTOP_DATABASE_URL ต้องขึ้นต้นด้วย postgresql://"):
        database_target(tmp_path)
    monkeypatch.setenv("OTOP_DATABASE_URL", "  ")  # set to nothing: as if unset
    assert database_target(tmp_path) == tmp_path.resolve() / "otop.db"
    monkeypatch.delenv("OTOP_DATABASE_URL")
    (tmp_path / CONNECTION_FILE).write_text('{"database_url": "postgresql://otop:secret@server/otop"}')
    with pytest.raises(OtopError) as refused:
        database_target(tmp_path)
    assert "--database-url" not in refused.value.message and "ไฟล์การตั้งค่านี้" in refused.value.message
    assert "secret" not in refused.value.message


def test_a_setting_the_driver_refuses_is_not_said_to_pass_when_the_server_comes_back(tmp_path, capsys):
    """ "Try again when the server is back" is for a server that did not answer; a setting refused (sslmode=bogus)
    is to be corrected."""
    url = "postgresql://otop@127.0.0.1:5432/otop?sslmode=bogus"
    code, said = run_cli(["--data-dir", str(tmp_path), "--database-url", url, "user", "list", "--as", "admin"], capsys)
    assert code == 2 and "แก้การตั้งค่าการเชื่อมต่อ" in said and "เมื่อเซิร์ฟเวอร์กลับมา" not in said
    url = f"postgresql://otop@127.0.0.1:{CLOSED_PORT}/otop"
    code, said = run_cli(["--data-dir", str(tmp_path), "--database-url", url, "user", "list", "--as", "admin"], capsys)
    assert code == 2 and "เมื่อเซิร์ฟเวอร์กลับมา" in said
