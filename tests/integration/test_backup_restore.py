"""An office's backup and restore of its database file (CLI backup / restore, services/backup.py): a restore brings
back exactly what was backed up; a damaged, foreign or newer file is refused and the current file stays byte for
byte; an older one is upgraded; on a server both say to use pg_dump; a district officer backs up but cannot restore."""

import hashlib
import sqlite3
from contextlib import closing
from datetime import timedelta

import pytest

from otop_desktop.cli import main
from otop_desktop.core.errors import InvalidInput, PermissionDenied
from otop_desktop.services import backup, locks
from otop_desktop.services.office import Office
from otop_desktop.services.thai import now_utc
from otop_desktop.store.database import open_database, schema_revision
from tests.conftest import PASSWORD, save
from tests.engines import location

pytestmark = pytest.mark.sqlite_only(
    "backups and restores are copies of the SQLite file; a server keeps its own (pg_dump)"
)


@pytest.fixture
def cli(world, monkeypatch, capsys):
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)

    def run(*args):
        code = main([*location(world.database), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def tables(path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, read straight from the file."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        names = [
            n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
        ]
        return {name: sorted(con.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names}


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def change_everything(world) -> None:
    """Figures, a lock, a user and the log all move on after the backup."""
    save(world.database, world.province, 2569, 8, {world.ids["ไหม"]: (9_999_900, 0, None, None)})
    office = Office(world.database, world.province)
    office.query(locks.lock_district, district_code="3401", fiscal_year=2569, month=8)
    from otop_desktop.services import auth

    Office(world.database, world.admin).query(
        auth.create_user, username="newcomer", password=PASSWORD, role="district", area_code="3401"
    )


def test_backup_then_restore_brings_back_exactly_what_was_backed_up(cli, world, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, err = cli("backup", "--user", "mueang", "--out", str(usb))
    assert code == 0, err
    [copy] = usb.iterdir()
    assert copy.name.startswith("otop-ubon-ratchathani-mueang") and copy.name.endswith(".otopbackup")
    assert str(copy) in out and "สำรองข้อมูลแล้ว" in out and "เก็บแฟลชไดรฟ์ไว้นอกสำนักงาน" in out
    beside = world.path.parent / "beside.otopbackup"  # in the database's own folder: said to be no help
    code, out, err = cli("backup", "--user", "mueang", "--out", str(beside))
    assert code == 0 and "โฟลเดอร์เดียวกับข้อมูลของโปรแกรม" in out
    beside.unlink()
    backed_up = tables(copy)
    change_everything(world)
    assert tables(world.path)["monthly_sale"] != backed_up["monthly_sale"]
    world.database.close()  # no other window holds the file
    code, out, err = cli("restore", str(copy), "--user", "admin", "--yes")
    assert code == 0, err
    assert "กู้คืนแล้ว" in out and "จังหวัดอุบลราชธานี" in out
    restored = tables(world.path)
    for name, rows in backed_up.items():
        if name == "audit_log":  # append-only: the restore itself is written after what came back
            assert set(rows) <= set(restored[name])
            assert [r[3] for r in restored[name] if r not in rows] == ["restore"]
        elif name == "setting":  # and the backup reminder counts from the restore: what is here is that backup
            assert [r for r in restored[name] if r[0] != backup.LAST_BACKUP_KEY] == [
                r for r in rows if r[0] != backup.LAST_BACKUP_KEY
            ]
            assert backup.LAST_BACKUP_KEY in dict(restored[name])
        else:
            assert restored[name] == rows, name
    kept = list((world.path.parent / "backups").glob("otop-before-restore-*.db"))
    assert len(kept) == 1 and ("newcomer",) in [(r[1],) for r in tables(kept[0])["app_user"]]


def test_restore_without_yes_shows_what_the_file_holds_and_changes_nothing(cli, world, tmp_path):
    copy = tmp_path / "mine.otopbackup"
    assert cli("backup", "--user", "prov", "--out", str(copy))[0] == 0
    change_everything(world)
    before = tables(world.path)
    code, out, err = cli("restore", str(copy), "--user", "prov")
    assert code == 2
    assert "สำนักงาน: จังหวัดอุบลราชธานี" in out and "ผู้ใช้งาน: 4 คน" in out
    assert "ปีงบประมาณ 2569: ต.ค.–ส.ค." in out and "--yes" in out
    # what the restore would replace, and that the backup is older than what is here (a save came after it)
    assert "ข้อมูลปัจจุบันในเครื่องนี้ (จะถูกแทนที่): บันทึกยอดจำหน่ายล่าสุด " in out
    assert "คำเตือน: ไฟล์สำรองนี้เก่ากว่าข้อมูลปัจจุบัน" in out
    assert tables(world.path) == before
    assert not (world.path.parent / "backups").exists()


def test_the_preview_of_a_restore_does_not_fail_on_a_current_file_it_cannot_read(cli, world, tmp_path, monkeypatch):
    """A damaged file is the very one a restore is for: the backup is still shown, without the comparison."""
    from otop_desktop.services import backup

    copy = tmp_path / "mine.otopbackup"
    assert cli("backup", "--user", "prov", "--out", str(copy))[0] == 0
    reads = []

    def damaged(session, file_name, upgraded_from):
        reads.append(file_name)
        if file_name == world.path.name:  # this office's file, not the scratch copy of the backup
            raise sqlite3.DatabaseError("database disk image is malformed")
        return original(session, file_name, upgraded_from)

    original = backup._contents
    monkeypatch.setattr(backup, "_contents", damaged)
    code, out, err = cli("restore", str(copy), "--user", "prov")
    assert code == 2 and "สำนักงาน: จังหวัดอุบลราชธานี" in out and "ข้อมูลปัจจุบัน" not in out and "Traceback" not in err
    assert world.path.name in reads


def another_programs_file(path) -> None:
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        con.execute("INSERT INTO notes (text) VALUES ('hello')")


def newer_file(path, source) -> None:
    path.write_bytes(source.read_bytes())
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")


def truncated(path, source) -> None:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def with_foreign_code(bad, good, kind) -> None:
    """The office's backup with SQL of someone else's: a trigger that changes every saved figure (and a table of its
    own), the program's own trigger rewritten so, a view, a trigger dropped, a CHECK loosened, statistics, a number
    of the file's own."""
    bad.write_bytes(good.read_bytes())
    with closing(sqlite3.connect(bad)) as con, con:
        if kind == "trigger":
            con.execute("CREATE TABLE extra (x)")
            con.execute(
                "CREATE TRIGGER evil_t AFTER UPDATE ON monthly_sale BEGIN"
                " UPDATE monthly_sale SET domestic_online = 777 WHERE rowid = NEW.rowid; END"
            )
        elif kind == "altered":
            con.execute("DROP TRIGGER monthly_sale_stale_update")
            con.execute(
                "CREATE TRIGGER monthly_sale_stale_update AFTER UPDATE ON monthly_sale BEGIN"
                " UPDATE monthly_sale SET domestic_online = 777 WHERE rowid = NEW.rowid; END"
            )
        elif kind == "view":
            con.execute("CREATE VIEW everyone AS SELECT username, password_hash FROM app_user")
        elif kind == "dropped":  # the log open to edits
            con.execute("DROP TRIGGER audit_log_no_update")
        elif kind == "check":  # a month 13 let in
            con.execute("PRAGMA writable_schema = ON")
            con.execute(
                "UPDATE sqlite_master SET sql = replace(sql, 'BETWEEN 1 AND 12', 'BETWEEN 1 AND 99')"
                " WHERE name = 'monthly_sale'"
            )
        elif kind == "statistics":  # made-up statistics steer every plan
            con.execute("ANALYZE")
        elif kind == "numbered":
            con.execute("PRAGMA user_version = 77")
        else:  # a department's login beside the province's: the department's rule escaped by editing the file
            con.execute(
                "INSERT INTO app_user (username, password_hash, role, area_code, display_name, position, active,"
                " created_at) VALUES ('dept', '-', 'department', '00', '', '', 1, '2026-01-01 00:00:00')"
            )


@pytest.mark.parametrize(
    "kind, said",
    [
        ("garbage", "เสียหาย"),
        ("truncated", "เสียหาย"),
        ("foreign", "โปรแกรมอื่น"),
        ("newer", "ใหม่กว่า"),
        ("empty", "โปรแกรมอื่น"),
        ("missing", "ไม่พบไฟล์สำรอง"),
        ("folder", "เป็นโฟลเดอร์ กรุณาเลือกไฟล์สำรอง"),
        ("trigger", "ไม่ได้สร้าง (table extra, trigger evil_t)"),
        ("altered", "ไม่ได้สร้าง (trigger monthly_sale_stale_update)"),
        ("view", "ไม่ได้สร้าง (view everyone)"),
        ("dropped", "ไม่ได้สร้าง (trigger audit_log_no_update (ไม่มี))"),
        ("check", "ไม่ได้สร้าง (table monthly_sale)"),
        ("statistics", "ไม่ได้สร้าง (table sqlite_stat1)"),
        ("numbered", "ไม่ได้สร้าง (pragma user_version)"),
        ("mixed", "เป็นฐานข้อมูลของกรมฯ แต่มีผู้ใช้ระดับจังหวัดหรืออำเภอ"),
    ],
)
def test_a_bad_file_is_refused_and_the_current_file_stays_byte_for_byte(cli, world, tmp_path, kind, said):
    good = tmp_path / "good.otopbackup"
    assert cli("backup", "--user", "admin", "--out", str(good))[0] == 0
    bad = tmp_path / f"{kind}.otopbackup"
    if kind == "garbage":
        bad.write_bytes(b"\x00garbage, not a database\n" * 4000)
    elif kind == "truncated":
        truncated(bad, good)
    elif kind == "foreign":
        another_programs_file(bad)
    elif kind == "newer":
        newer_file(bad, good)
    elif kind == "empty":
        sqlite3.connect(bad).close()
    elif kind == "folder":  # the USB stick itself, not the file on it
        bad.mkdir()
    elif kind in ("trigger", "altered", "view", "dropped", "check", "statistics", "numbered", "mixed"):
        with_foreign_code(bad, good, kind)
    world.database.close()
    before, contents = digest(world.path), tables(world.path)
    folder = sorted(p.name for p in world.path.parent.iterdir())
    for confirm in ((), ("--yes",)):
        code, out, err = cli("restore", str(bad), "--user", "admin", *confirm)
        assert code == 2 and said in err, err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert digest(world.path) == before and tables(world.path) == contents
    assert sorted(p.name for p in world.path.parent.iterdir()) == folder  # no temporary, no backups/ left


def test_an_older_backup_is_upgraded_when_restored(cli, world, tmp_path):
    from tests.integration.test_migrations import _alembic

    old = tmp_path / "old.otopbackup"
    _alembic(old, "0012")
    with closing(sqlite3.connect(old)) as con, con:
        con.execute(
            "INSERT INTO audit_log (at, username, action, entity, entity_key, field) "
            "VALUES ('2025-01-01 00:00:00.000000', 'old-user', 'save', 'monthly_sale', 'k', 'f')"
        )
    code, out, _ = cli("restore", str(old), "--user", "admin")
    assert code == 2 and "โปรแกรมรุ่นก่อน" in out
    assert schema_revision(old) == "0012"  # looked at on a copy: the officer's file is not changed
    world.database.close()
    code, out, err = cli("restore", str(old), "--user", "admin", "--yes")
    assert code == 0, err
    from otop_desktop.migrations import HEAD

    assert schema_revision(world.path) == HEAD
    assert ("old-user",) in [(r[2],) for r in tables(world.path)["audit_log"]]


def test_a_restore_while_another_window_holds_the_file_is_refused_and_changes_nothing(cli, world, tmp_path):
    copy = tmp_path / "c.otopbackup"
    assert cli("backup", "--user", "admin", "--out", str(copy))[0] == 0
    change_everything(world)
    before = tables(world.path)
    with world.database.engine.connect() as holding:  # another window in the middle of reading
        holding.exec_driver_sql("BEGIN")
        holding.exec_driver_sql("SELECT count(*) FROM monthly_sale").fetchall()
        code, _, err = cli("restore", str(copy), "--user", "admin", "--yes")
    assert code == 2 and "เปิดอยู่ในโปรแกรมอีกหน้าต่างหนึ่ง" in err
    assert tables(world.path) == before
    assert not [p for p in world.path.parent.iterdir() if p.name.startswith(".otop-")]


def test_a_district_officer_backs_up_but_may_not_restore(cli, world, tmp_path):
    copy = tmp_path / "d.otopbackup"
    assert cli("backup", "--user", "warin", "--out", str(copy))[0] == 0
    code, _, err = cli("restore", str(copy), "--user", "warin", "--yes")
    assert code == 2 and "ผู้ดูแลระบบหรือเจ้าหน้าที่ระดับจังหวัด" in err
    with pytest.raises(PermissionDenied):
        Office(world.database, world.warin).query_batch(backup.restore_backup, path=copy)


def test_a_new_pc_restores_the_offices_backup_without_a_login_and_only_a_new_one(cli, world, tmp_path, capsys):
    """A new PC's data folder has no database (or one with nobody in it): `restore` with no --user makes it and
    puts the backup in, and the office's users log in. Where anyone can log in, it wants --user as ever."""
    copy = tmp_path / "office.otopbackup"
    assert cli("backup", "--user", "prov", "--out", str(copy))[0] == 0
    new_pc = tmp_path / "new-pc"
    assert main(["--data-dir", str(new_pc), "restore", str(copy)]) == 2  # what it holds, nothing done
    assert "สำนักงาน: จังหวัดอุบลราชธานี" in capsys.readouterr().out
    assert main(["--data-dir", str(new_pc), "restore", str(copy), "--yes"]) == 0
    assert "กู้คืนแล้ว" in capsys.readouterr().out
    assert tables(new_pc / "otop.db")["monthly_sale"] == tables(world.path)["monthly_sale"]
    assert main(["--data-dir", str(new_pc), "entry", "show", "--user", "mueang", "--year", "2569", "--month", "8"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(new_pc), "restore", str(copy), "--yes"]) == 2
    assert "ฐานข้อมูลนี้มีผู้ใช้งานแล้ว" in capsys.readouterr().err


def test_backup_refuses_a_device_or_missing_folder_and_writes_nothing(cli, world, tmp_path):
    code, _, err = cli("backup", "--user", "prov", "--out", str(tmp_path / "no-such-folder" / "x.otopbackup"))
    assert code == 2 and "ไม่พบโฟลเดอร์" in err
    assert not (tmp_path / "no-such-folder").exists()
    for name in ("mybackup", "b.txt"):  # a name the restore dialog's list would not show
        code, _, err = cli("backup", "--user", "prov", "--out", str(tmp_path / name))
        assert code == 2 and "ต้องลงท้ายด้วย .otopbackup" in err and not (tmp_path / name).exists()


def test_the_reminder_comes_after_a_month_without_a_backup(world, tmp_path):
    office = Office(world.database, world.province)
    assert "ยังไม่เคยสำรองข้อมูล" in office.query(backup.backup_reminder)
    office.query_batch(backup.make_backup, path=tmp_path / "now.otopbackup")
    assert office.query(backup.backup_reminder) == ""
    with world.database.unit_of_work() as uow:
        from otop_desktop.models import Setting

        uow.session.merge(Setting(key=backup.LAST_BACKUP_KEY, value=(now_utc() - timedelta(days=31)).isoformat()))
        uow.commit()
    assert "นานกว่า 1 เดือนแล้ว" in office.query(backup.backup_reminder)


def test_the_backup_is_named_for_the_office_and_thailands_date(world, monkeypatch, tmp_path):
    from datetime import date

    monkeypatch.setattr(backup, "today_in_thailand", lambda: date(2026, 12, 4))
    made = Office(world.database, world.province).query_batch(backup.make_backup, path=tmp_path)
    assert made.path.name == "otop-ubon-ratchathani-2569-12-04.otopbackup"
    assert open_database(made.path).close() is None
    first = made.path.read_bytes()  # a second backup the same day is kept beside the first, never over it
    again = Office(world.database, world.province).query_batch(backup.make_backup, path=tmp_path)
    assert again.path.name == "otop-ubon-ratchathani-2569-12-04-2.otopbackup" and made.path.read_bytes() == first


def test_the_copy_kept_before_a_restore_is_named_by_thailands_date_and_time(world, monkeypatch):
    """Named as the officer looks for it: B.E. year and Thailand's time, whatever the PC's clock zone."""
    from datetime import datetime

    from otop_desktop.services.exchange import batch

    monkeypatch.setattr(batch, "now_utc", lambda: datetime(2026, 12, 4, 17, 49, 26, 5))
    kept = batch.backup_database(world.database, backup.BEFORE_RESTORE)
    assert kept.name == "otop-before-restore-2569-12-05-004926-000005.db"


def test_a_database_file_in_use_is_no_backup_its_newest_saves_being_in_the_log_beside_it(world, tmp_path):
    """A new PC pointed at the office's own otop.db while the office works: the file alone lacks the saves still
    in its -wal beside it, and a restore of it dropped them without a word ("ไฟล์สำรองนี้ตรวจแล้วว่าสมบูรณ์").
    It is refused, saying why and what to use instead; the office's file, once closed, is taken."""
    import shutil

    from sqlalchemy import text

    held = world.database.engine.connect()  # the office's window, working
    try:
        held.execute(text("INSERT INTO setting (key, value) VALUES ('newest', 'in the log')"))
        held.commit()
        office = tmp_path / "office-share"  # the office PC's folder as another PC sees it (not open here)
        office.mkdir()
        for suffix in ("", "-wal"):
            shutil.copyfile(f"{world.path}{suffix}", office / f"otop.db{suffix}")
        assert (office / "otop.db-wal").stat().st_size > 0
        new_pc = open_database(tmp_path / "new-pc" / "otop.db")
        try:
            with pytest.raises(InvalidInput, match="ยังมีข้อมูลล่าสุดอยู่ในไฟล์ otop.db-wal ข้างกัน") as refused:
                backup.inspect_first_backup(new_pc, None, path=office / "otop.db")
            assert ".otopbackup" in refused.value.message
        finally:
            new_pc.close()
    finally:
        held.close()


def _limited(limit: int, *args: str):
    """The command line in a process that may write no file past `limit` bytes (a full USB stick, a quota):
    (exit code, stderr)."""
    import os
    import subprocess
    import sys

    program = (
        f"import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}));"
        " from otop_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "OTOP_PASSWORD": PASSWORD},
        timeout=120,
    )
    return done.returncode, done.stderr


def test_a_backup_or_a_demo_the_disk_cannot_hold_is_said_in_thai_and_leaves_nothing(world, tmp_path):
    """A backup onto a full USB stick ended in sqlite3's English traceback and left each attempt's journal on the
    stick; a demo into a full folder left a half-made otop.db. Both are said in Thai, and nothing is left."""
    stick = tmp_path / "stick"
    stick.mkdir()
    world.database.close()
    code, err = _limited(400_000, *location(world.database), "backup", "--user", "admin", "--out", f"{stick}/")
    assert code == 2 and "ดิสก์อ่านเขียนผิดพลาด" in err and "Traceback" not in err, err
    assert list(stick.iterdir()) == []
    code, err = _limited(400_000, "--data-dir", str(tmp_path / "demo"), "demo")
    assert code == 2 and "ดิสก์อ่านเขียนผิดพลาด" in err and "Traceback" not in err, err
    assert list((tmp_path / "demo").iterdir()) == []
    # A folder where not even SQLite's shared-memory file can be written: the disk's fault, not a damaged file
    # (every command said "เสียหาย", which sends an office to a restore it does not need).
    code, err = _limited(20_000, *location(world.database), "locks", "--user", "prov", "--year", "2569", "--month", "8")
    assert code == 2 and "ดิสก์อ่านเขียนผิดพลาด" in err and "ไม่ต้องกู้คืน" in err and "เสียหาย" not in err, err
