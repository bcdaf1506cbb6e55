"""The program's own open database chosen as a file to read (a district file, a backup to restore, a scan, a
target table, a key) is refused by name, unread: on Linux and macOS a process that opens and closes it loses
SQLite's locks on it, and the next program to close the database would take it for unused and delete its log
from under this one (see ui/file_dialogs)."""

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from otop_desktop.cli import main
from otop_desktop.core.errors import InvalidInput
from otop_desktop.services import backup
from otop_desktop.services.evidence import scans
from otop_desktop.services.exchange import keys
from otop_desktop.services.exchange.fileformat import read_file_bytes
from otop_desktop.services.targets.printed import read_printed_table
from tests.conftest import PASSWORD
from tests.engines import location

pytestmark = pytest.mark.sqlite_only("SQLite's own file and the files beside it")

OTHER_PROGRAM = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT 1').fetchall(); c.close()"


def test_each_reader_refuses_the_open_database_and_its_log_and_the_window_keeps_its_locks(world, tmp_path):
    database = world.database
    held = database.engine.connect()  # the window's connection
    try:
        held.execute(text("INSERT INTO setting (key, value) VALUES ('probe', '1')"))
        held.commit()
        linked = tmp_path / "otop-link.db"
        linked.symlink_to(database.path)
        readers = {
            "district file": read_file_bytes,
            "scan": lambda path: scans.open_scan(Path(path)),
            "target table": read_printed_table,
            "backup": lambda path: backup.inspect_backup(database, world.admin, path=path),
        }
        for chosen in (database.path, Path(f"{database.path}-wal"), linked):
            for what, read in readers.items():
                with pytest.raises(InvalidInput, match="คือฐานข้อมูลของโปรแกรมที่เปิดใช้อยู่") as refused:
                    read(chosen)
                assert chosen.name in refused.value.message, what
            with database.unit_of_work() as uow, pytest.raises(InvalidInput, match="ฐานข้อมูลของโปรแกรม"):
                keys.register_key_file(uow=uow, user=world.province, path=chosen)
        subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(database.path)], check=True)
        assert Path(f"{database.path}-wal").exists()  # nothing here read the file: the window's locks held
    finally:
        held.close()


def test_a_copy_of_the_database_is_read_as_ever(world, tmp_path):
    """Only the open file itself is refused: a backup copy beside it is inspected as before."""
    made = backup.make_backup(world.database, world.admin, path=tmp_path)
    assert backup.inspect_backup(world.database, world.admin, path=made.path).file_name == made.path.name


def test_the_command_line_refuses_its_own_database_as_a_district_file(world, capsys, monkeypatch):
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    code = main([*location(world.database), "import", "--user", "prov", str(world.database.path)])
    said = capsys.readouterr()
    assert code == 2, said
    assert "คือฐานข้อมูลของโปรแกรมที่เปิดใช้อยู่" in said.out + said.err
    assert "Traceback" not in said.out + said.err


def test_a_device_or_a_pipe_is_refused_by_every_reader_unread(world, tmp_path):
    """/dev/zero chosen as a scan filled the memory until the system killed the program (23 GB); as a target table
    or a key it read without end; a named pipe waited for ever. Each reader refuses them by stat, unopened."""
    import os

    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    zero = tmp_path / "zero.pdf"
    zero.symlink_to("/dev/zero")
    readers = {
        "district file": read_file_bytes,
        "scan": lambda path: scans.open_scan(Path(path)),
        "target table": read_printed_table,
        "backup": lambda path: backup.inspect_backup(world.database, world.admin, path=path),
    }
    for chosen in (pipe, zero, Path("/dev/zero")):
        for what, read in readers.items():
            with pytest.raises(InvalidInput, match="ไม่ใช่ไฟล์ข้อมูล") as refused:
                read(chosen)
            assert chosen.name in refused.value.message, what
        with world.database.unit_of_work() as uow, pytest.raises(InvalidInput, match="ไม่ใช่ไฟล์ข้อมูล"):
            keys.register_key_file(uow=uow, user=world.province, path=chosen)


def test_a_key_file_is_read_no_further_than_a_key_files_size(world, tmp_path):
    """A 300 MB file chosen as a key was read whole (674 MB of memory) before it was refused; JSON that is not an
    object ended in a traceback."""
    big = tmp_path / "big.key"
    big.write_bytes(b'{"kind": "' + b"x" * (keys.KEY_FILE_LIMIT + 10) + b'"}')
    listed = tmp_path / "list.key"
    listed.write_text("[1, 2]", encoding="utf-8")
    for chosen in (big, listed):
        with world.database.unit_of_work() as uow, pytest.raises(InvalidInput, match="อ่านไม่ได้หรือไม่ใช่ไฟล์กุญแจ"):
            keys.register_key_file(uow=uow, user=world.province, path=chosen)
