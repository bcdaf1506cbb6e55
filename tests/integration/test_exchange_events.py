"""Ordinary events around district files: work done before trust (memory), races with a province
correction and with another program holding the database, receipts out of order, undo twice, missing
paths, retired keys, pruned backups, and wrong passwords."""

import io
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from otop_desktop.core.errors import InvalidInput, LoginFailed, LoginThrottled
from otop_desktop.services import auth, locks
from otop_desktop.services.exchange import batch, keys, merge, receipts, undo
from otop_desktop.store import database as database_module
from otop_desktop.store.database import open_database
from tests.conftest import PASSWORD, save
from tests.engines import connect, target, write_lock_held
from tests.exchange_helpers import export, sales_dump
from tests.integration.test_cli_exchange import run  # noqa: F401 - the fixture
from tests.integration.test_exchange import offices  # noqa: F401 - the fixture

# --- work before trust ---------------------------------------------------------------------------------------
MEASURE = """
import resource, sys
from otop_desktop.core.users import UserInfo
from otop_desktop.services.exchange.batch import import_files
from otop_desktop.store.database import open_database
database = open_database(sys.argv[1])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
outcomes = import_files(database, UserInfo("prov", "province", "34", "", ""), sys.argv[2:])
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print([str(o.status) for o in outcomes], (after - before) // 1024)
"""


def crafted_bomb(good: bytes) -> bytes:
    """The genuine file with its sales part swapped for JSON that compresses just under the bomb ratio and
    would parse into tens of millions of objects (about 2 GB), its digest fixed in an unsigned manifest."""
    import hashlib
    import json
    import random

    rng = random.Random(1)
    pieces, size = [], 0
    while size < 110_000_000:  # empty lists, with a little noise so it does not compress past 100:1
        piece = "[]," * 400 + f"{rng.random()},"
        pieces.append(piece)
        size += len(piece)
    body = ("[" + "".join(pieces) + "[]]").encode()
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    manifest = json.loads(entries["manifest.json"])
    manifest["parts"]["sales.json"] = hashlib.sha256(body).hexdigest()
    entries["manifest.json"] = json.dumps(manifest).encode()
    entries["sales.json"] = body
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_an_unsigned_or_oversized_file_costs_little_memory_before_it_is_refused(offices, tmp_path):
    world, district, folder = offices
    good = export(district, world.mueang, folder / "good.otop")
    bomb = folder / "bomb.otop"
    bomb.write_bytes(crafted_bomb(good))
    huge = folder / "huge.otop"
    with huge.open("wb") as handle:  # 600 MB on disk (sparse): refused before it is read
        handle.truncate(600 * 1024 * 1024)
    with zipfile.ZipFile(bomb) as archive:
        assert archive.getinfo("sales.json").file_size > 100_000_000 and bomb.stat().st_size < 2_000_000
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, target(world.database), str(bomb), str(huge)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )
    statuses, grown_mb = result.stdout.strip().rsplit(" ", 1)
    assert statuses == "['refused', 'refused']", result.stderr
    assert int(grown_mb) < 200, f"the importer grew by {grown_mb} MB"
    with world.database.unit_of_work() as uow:
        reasons = [entry.details for entry in batch.list_ledger(uow=uow)[:2]]
    assert "ใหญ่เกินกว่าที่รับได้" in reasons[0] and "ลายมือชื่อ" in reasons[1]


# --- races -------------------------------------------------------------------------------------------------------
def test_a_province_correction_between_preview_and_write_is_never_lost(offices, monkeypatch):
    world, district, folder = offices
    silk = world.ids["ไหม"]
    save(district, world.mueang, 2569, 8, {silk: (222, 0, None, None)})
    path = folder / "3401.otop"
    export(district, world.mueang, path)
    other = open_database(target(world.database))  # another window of the program on the same file
    real_preview, corrections = merge.preview, []

    def preview(**kwargs):
        result = real_preview(**kwargs)
        if not corrections:  # the officer saves a correction right now, from the other window
            worker = threading.Thread(target=save, args=(other, world.province, 2569, 8, {silk: (111, 0, None, None)}))
            worker.start()
            worker.join(timeout=1)
            corrections.append(worker)
        return result

    monkeypatch.setattr(merge, "preview", preview)
    outcome = batch.import_files(world.database, world.province, [path])[0]
    corrections[0].join(timeout=10)
    other.close()
    assert outcome.status == "applied"
    with connect(world.database) as con:
        assert con.execute(
            "SELECT domestic_offline FROM monthly_sale WHERE entrepreneur_id=? AND fiscal_year=2569 AND month=8",
            (silk,),
        ).fetchone() == (111,)  # the later correction stands


def test_a_busy_database_is_said_in_thai_and_nothing_changes(offices, run, tmp_path, monkeypatch):
    world, district, folder = offices
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (5, 5, 5, 5)})
    path = folder / "3401.otop"
    export(district, world.mueang, path)
    world.database.close()
    before = sales_dump(world.database)
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 100)
    with write_lock_held(world.database):
        for args in (
            (
                "entry",
                "set",
                "--user",
                "prov",
                "--year",
                "2569",
                "--month",
                "8",
                str(world.ids["ไหม"]),
                "1",
                "",
                "",
                "",
            ),
            ("lock", "--user", "prov", "--year", "2569", "--month", "8", "--district", "3401"),
            ("import", str(path), "--user", "prov"),
        ):
            code, out, err = run(world.database, *args)
            assert code == 2 and "ฐานข้อมูลกำลังถูกใช้งาน" in out + err and "Traceback" not in out + err, (args, out, err)
    assert sales_dump(world.database) == before
    code, out, _ = run(world.database, "import", str(path), "--user", "prov")  # free again: it goes through
    assert code == 0 and "นำเข้าแล้ว" in out


# --- receipts and undo -------------------------------------------------------------------------------------------
def receipt(world, folder, name: str) -> Path:
    with world.database.unit_of_work() as uow:
        return receipts.write_receipt(
            uow=uow, user=world.province, district_code="3401", fiscal_year=2569, months=[7, 8], path=folder / name
        )


def read(district, world, path: Path) -> str:
    with district.unit_of_work() as uow:
        return receipts.read_receipt(uow=uow, user=world.mueang, data=path.read_bytes(), file_name=path.name)


def test_an_older_receipt_read_after_a_newer_one_never_reopens_a_locked_month(offices):
    world, district, folder = offices
    older = receipt(world, folder, "older.otop")  # nothing locked yet
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=8)
    newer = receipt(world, folder, "newer.otop")
    assert "เดือนที่ล็อกแล้ว 1 เดือน" in read(district, world, newer)
    with pytest.raises(InvalidInput, match="เก่ากว่าใบที่รับไว้แล้ว"):
        read(district, world, older)
    with connect(district) as con:
        assert con.execute("SELECT locked FROM district_lock WHERE district_code='3401' AND month=8").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM import_ledger WHERE kind='receipt'").fetchone() == (1,)
    assert "นำเข้าไว้แล้ว" in read(district, world, newer)


def test_two_batches_can_be_undone_one_after_the_other_and_the_logs_stay_whole(offices):
    world, district, folder = offices
    before = sales_dump(world.database)
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (1, 1, 1, 1)})
    first = folder / "first.otop"
    export(district, world.mueang, first)
    batch.import_files(world.database, world.province, [first])
    after_first = sales_dump(world.database)
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (2, 2, 2, 2)})
    second = folder / "second.otop"
    export(district, world.mueang, second)
    batch.import_files(world.database, world.province, [second])
    with connect(world.database) as con:
        audit_before_undo = con.execute("SELECT id, action, note, entity FROM audit_log ORDER BY id").fetchall()
    undo.undo_last_import(world.database, world.province)
    assert sales_dump(world.database) == after_first
    undo.undo_last_import(world.database, world.province)
    assert sales_dump(world.database) == before
    with connect(world.database) as con:
        audit = con.execute("SELECT id, action, note, entity FROM audit_log ORDER BY id").fetchall()
        outcomes = [row[0] for row in con.execute("SELECT outcome FROM import_ledger ORDER BY id")]
    assert audit[: len(audit_before_undo)] == audit_before_undo  # nothing of the history was lost
    undos = audit[len(audit_before_undo) :]  # each file's, and each sales row's it changed (its figure's history)
    assert [row[1] for row in undos if row[3] == "file"] == ["undo", "undo"]
    assert {(row[1], row[3]) for row in undos} == {("undo", "file"), ("undo", "monthly_sale")}
    assert outcomes[-2:] == ["undone", "undone"]


def test_changes_elsewhere_do_not_stop_an_undo_and_a_change_to_its_rows_does(offices):
    world, district, folder = offices
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (1, 1, 1, 1)})
    path = folder / "3401.otop"
    export(district, world.mueang, path)
    batch.import_files(world.database, world.province, [path])
    with pytest.raises(LoginFailed):
        with world.database.unit_of_work() as uow:
            auth.authenticate(uow=uow, username="prov", password="wrong")
    with world.database.unit_of_work() as uow:
        keys.register_key(uow=uow, user=world.province, area_code="3415", fingerprint="AB" * 10)
    save(world.database, world.province, 2569, 8, {world.ids["วาริน"]: (5, 5, 5, 5)})  # another district's row
    save(world.database, world.province, 2569, 7, {world.ids["ไหม"]: (5, 5, 5, 5)})  # a row the file left as it was
    kept = [row for row in sales_dump(world.database) if row[2] != 8 or row[0] != uid_of(world, "ไหม")]
    undo.undo_last_import(world.database, world.province)
    assert [row for row in sales_dump(world.database) if row[2] != 8 or row[0] != uid_of(world, "ไหม")] == kept
    batch.import_files(world.database, world.province, [path])
    save(world.database, world.province, 2569, 8, {world.ids["ไหม"]: (7, 7, 7, 7)})
    with pytest.raises(InvalidInput, match="ถูกแก้ไขโดย นางสมศรี ใจดี"):
        undo.undo_last_import(world.database, world.province)


def uid_of(world, short: str) -> str:
    with connect(world.database) as con:
        return con.execute("SELECT uid FROM entrepreneur WHERE id = ?", (world.ids[short],)).fetchone()[0]


# --- paths, keys, backups, passwords -----------------------------------------------------------------------
def test_missing_files_and_folders_are_refused_in_thai(offices, run):
    world, district, folder = offices
    for args in (
        ("import", str(folder / "missing.otop"), "--user", "prov", "--dry-run"),
        ("import", str(folder), "--user", "prov", "--dry-run"),
        ("import", str(folder / "missing.otop"), "--user", "prov"),
    ):
        code, out, err = run(world.database, *args)
        assert code == 2 and ("ไม่พบไฟล์" in out or "เป็นโฟลเดอร์" in out) and "Traceback" not in out + err, (
            args,
            out,
            err,
        )
    code, out, err = run(district, "receipt", "--user", "mueang", "--read", str(folder / "missing.otop"))
    assert code == 2 and "ไม่พบไฟล์" in err


def test_a_retired_key_signs_nothing_that_is_taken(offices, run):
    world, district, folder = offices
    old_file = folder / "old-key.otop"
    export(district, world.mueang, old_file)
    code, out, _ = run(district, "keys", "new", "--user", "mueang")
    assert code == 0 and "สร้างกุญแจใหม่" in out
    with world.database.unit_of_work() as uow:
        old = next(k for k in keys.list_keys(uow=uow) if k.area_code == "3401")
    code, out, _ = run(
        world.database,
        "keys",
        "retire",
        "--user",
        "prov",
        "--area",
        "3401",
        "--fingerprint",
        keys.spoken(old.fingerprint),
    )
    assert code == 0 and "ยกเลิกกุญแจ" in out
    code, out, _ = run(world.database, "import", str(old_file), "--user", "prov")
    assert code == 2 and "ยกเลิกไปแล้ว" in out
    new_file = folder / "new-key.otop"
    export(district, world.mueang, new_file)  # signed with the new key, not registered yet
    code, out, _ = run(world.database, "import", str(new_file), "--user", "prov")
    assert code == 2 and "ไม่ได้ลงทะเบียน" in out
    run(district, "keys", "show", "--user", "mueang", "--out", str(folder / "3401-new.key"))
    code, _, _ = run(world.database, "keys", "register", "--user", "prov", "--file", str(folder / "3401-new.key"))
    code, out, _ = run(world.database, "import", str(new_file), "--user", "prov")
    assert code == 0, out
    code, out, _ = run(world.database, "keys", "list", "--user", "prov")
    assert "ยกเลิกแล้วเมื่อ" in out


@pytest.mark.sqlite_only("the backups are copies of the SQLite file; a server keeps its own")
def test_backups_are_pruned_to_what_the_province_sets(offices, run):
    world, district, folder = offices
    code, out, _ = run(world.database, "backups", "--user", "prov", "--keep", "2")
    assert code == 0 and "2 ไฟล์ล่าสุด" in out
    for number in range(4):
        save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (number, 1, 1, 1)})
        path = folder / f"{number}.otop"
        export(district, world.mueang, path)
        batch.import_files(world.database, world.province, [path])
    assert len(list((world.path.parent / "backups").glob("*.db"))) == 2
    code, _, err = run(world.database, "backups", "--user", "mueang", "--keep", "1")
    assert code == 2 and "เฉพาะเจ้าหน้าที่ระดับจังหวัด" in err


def test_on_a_server_the_backups_command_says_none_are_made(offices, run):
    """A server's imports run in one transaction, with no copy made before: the command says so (it answered as if
    it kept ten)."""
    world, _, _ = offices
    if not world.database.on_server:
        pytest.skip("about an office's server; the file's copies are kept and pruned (the test above)")
    code, out, err = run(world.database, "backups", "--user", "prov", "--keep", "5")
    assert code == 2 and "ไม่ทำสำเนาก่อนนำเข้า" in err and "pg_dump" in err and out == ""


@pytest.mark.sqlite_only("the backups are copies of the SQLite file; a server keeps its own")
def test_only_a_batch_that_writes_takes_a_backup_and_refused_files_push_none_out(offices):
    world, district, folder = offices
    backups = world.path.parent / "backups"
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (5, 1, 1, 1)})
    good = folder / "3401.otop"
    export(district, world.mueang, good)
    not_ours = folder / "notes.otop"
    not_ours.write_text("ไม่ใช่ไฟล์ข้อมูลอำเภอ", encoding="utf-8")
    outcomes = batch.import_files(world.database, world.province, [not_ours, folder / "missing.otop"])
    assert [o.status for o in outcomes] == ["refused", "refused"] and not list(backups.glob("*.db"))
    outcomes = batch.import_files(world.database, world.province, [not_ours, good, good])
    assert [o.status for o in outcomes] == ["refused", "applied", "already"]
    (taken,) = backups.glob("*.db")  # one for the batch, taken before the file that wrote
    with connect(taken) as con:  # the copy is the database as it was: the file's figures are not in it
        assert con.execute(
            "SELECT count(*) FROM monthly_sale WHERE entrepreneur_id = ? AND month = 8 AND domestic_offline = 5",
            (world.ids["ไหม"],),
        ).fetchone() == (0,)
    for _ in range(3):
        batch.import_files(world.database, world.province, [not_ours, good])
    assert list(backups.glob("*.db")) == [taken]  # refused and repeated files took none and pushed none out


def test_repeated_wrong_passwords_are_audited_and_slowed(world, run):
    for _ in range(auth.FREE_FAILURES):
        with world.database.unit_of_work() as uow, pytest.raises(LoginFailed):
            auth.authenticate(uow=uow, username="prov", password="guess")
    with world.database.unit_of_work() as uow, pytest.raises(LoginThrottled, match="กรุณารอ"):
        auth.authenticate(uow=uow, username="prov", password=PASSWORD)  # even the right one waits now
    code, _, err = run(world.database, "locks", "--user", "prov", "--year", "2569", "--month", "8")
    assert code == 2 and "กรุณารอ" in err
    with connect(world.database) as con:
        assert con.execute(
            "SELECT count(*) FROM audit_log WHERE action='login_failed' AND entity_key='prov'"
        ).fetchone() == (5,)
    assert auth.seconds_to_wait(auth.FREE_FAILURES) == auth.FIRST_WAIT_SECONDS
    assert auth.seconds_to_wait(auth.FREE_FAILURES + 1) == 2 * auth.FIRST_WAIT_SECONDS
    assert auth.seconds_to_wait(100) == auth.LONGEST_WAIT_SECONDS
