"""On an office's PostgreSQL server, backup and restore say in Thai that the server's own tools (pg_dump) are the
way."""

import pytest

from otop_desktop.cli import main
from tests.conftest import PASSWORD
from tests.engines import location


@pytest.mark.parametrize(
    "command", [("backup", "--out", "{tmp}/x.otopbackup", "--replace"), ("restore", "{tmp}/x.otopbackup", "--yes")]
)
def test_on_a_server_backup_and_restore_point_to_pg_dump(world, monkeypatch, capsys, tmp_path, command):
    if not world.database.on_server:
        pytest.skip("about an office's server; the file's backups have their own tests (test_backup_restore.py)")
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    (tmp_path / "x.otopbackup").write_bytes(b"")  # what a backup would replace, and what a restore would read
    args = [part.format(tmp=tmp_path) for part in command]
    code = main([*location(world.database), *args, "--user", "admin"])
    err = capsys.readouterr().err
    assert code == 2 and "pg_dump" in err and "Traceback" not in err
    assert (tmp_path / "x.otopbackup").read_bytes() == b""
