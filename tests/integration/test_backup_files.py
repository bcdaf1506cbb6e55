"""The backup taken before an import is named only once it is whole and checked: a backup killed midway
(SIGKILL at points spread over it) leaves no file under a backup's name, and `backups` lists only whole ones."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from otop_desktop.store.database import open_database

BACKER = """
import sys
from otop_desktop.services.exchange.batch import backup_database
from otop_desktop.store.database import open_database
database = open_database(sys.argv[1])
print("ready", flush=True)
backup_database(database)
"""
TRIALS = 6


@pytest.fixture(scope="module")
def big_office(tmp_path_factory, file_template) -> Path:
    """An office's database file of about 60 MB."""
    path = file_template.fresh(tmp_path_factory.mktemp("big") / "otop.db")
    open_database(path).close()
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE ballast (data BLOB)")
        con.executemany("INSERT INTO ballast VALUES (randomblob(1000000))", [()] * 60)
    return path


def whole_copy(path: Path) -> bool:
    """Whether SQLite finds the file intact and holding this program's tables."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
            return con.execute("PRAGMA integrity_check").fetchall() == [("ok",)] and con.execute(
                "SELECT count(*) FROM sqlite_master WHERE name='alembic_version'"
            ).fetchone() == (1,)
    except sqlite3.DatabaseError:
        return False


def run_backup(path: Path, kill_after: float | None = None) -> tuple[int, float]:
    process = subprocess.Popen(
        [sys.executable, "-c", BACKER, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert process.stdout.readline().strip() == "ready", process.stderr.read()
    started = time.perf_counter()
    if kill_after is not None:
        time.sleep(kill_after)
        os.kill(process.pid, signal.SIGKILL)
    _, errors = process.communicate(timeout=300)
    assert process.returncode in (0, -signal.SIGKILL), errors
    return process.returncode, time.perf_counter() - started


def named_backups(path: Path) -> list[Path]:
    return sorted((path.parent / "backups").glob(f"{path.stem}-before-import-*.db"))


def test_a_killed_backup_leaves_no_file_under_a_backups_name(big_office):
    code, took = run_backup(big_office)
    assert code == 0 and [whole_copy(p) for p in named_backups(big_office)] == [True]
    for p in named_backups(big_office):
        p.unlink()
    killed = 0
    for trial in range(TRIALS):
        code, _ = run_backup(big_office, kill_after=took * (trial + 0.5) / TRIALS)
        killed += code == -signal.SIGKILL
        found = named_backups(big_office)
        assert all(whole_copy(p) for p in found), (trial, code, [(p.name, p.stat().st_size) for p in found])
        listed = _listed(big_office)
        assert listed == {p.name for p in found}
        for p in (big_office.parent / "backups").iterdir():
            p.unlink()
    assert killed  # the kills did land inside backups


def _listed(path: Path) -> set[str]:
    from otop_desktop.core.users import UserInfo
    from otop_desktop.services.exchange.batch import list_backups

    database = open_database(path)
    try:
        return {backup.path.name for backup in list_backups(database, UserInfo("prov", "province", "34", "", ""))}
    finally:
        database.close()


@pytest.mark.sqlite_only("the backups are copies of the SQLite file; a server keeps its own")
def test_a_backup_cut_short_is_not_listed_and_a_whole_one_is(world, tmp_path, monkeypatch, capsys):
    from otop_desktop.cli import main
    from otop_desktop.services.exchange.batch import backup_database
    from tests.conftest import PASSWORD
    from tests.engines import location

    whole = backup_database(world.database)
    cut = whole.with_name(whole.name.replace("before-import-", "before-import-0"))
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    assert main([*location(world.database), "backups", "--user", "prov"]) == 0
    out = capsys.readouterr().out
    assert str(whole) in out and str(cut) not in out
