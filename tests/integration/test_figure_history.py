"""Each figure's history, on both engines: a save, then a district file, then its undo are three steps in order,
with who, when (Thailand's time, Buddhist era), old → new per channel, which file, and the lock state; the
command line prints the same, one line a step; a district user sees no other district's figures."""

import pytest

from otop_desktop.cli import main
from otop_desktop.core.errors import PermissionDenied
from otop_desktop.services import entry, history, locks, sync
from otop_desktop.services.exchange import batch, undo
from otop_desktop.services.history import StepKind
from otop_desktop.services.thai import format_thai_datetime
from tests.conftest import PASSWORD, save
from tests.engines import connect, location
from tests.exchange_helpers import department_with_province_file, export
from tests.integration.test_exchange import offices  # noqa: F401 - the fixture

SILK_SEPTEMBER = {"year": 2569, "month": 9}


def figure(world, user=None, entrepreneur="ไหม", **period):
    with world.database.unit_of_work() as uow:
        return history.figure_history(
            uow=uow,
            user=user or world.province,
            entrepreneur_id=world.ids[entrepreneur],
            **(period or SILK_SEPTEMBER),
        )


def save_file_undo(world, district, folder) -> int:
    """The province types September's figure, the district's file brings its own (taken over the province's),
    then the province undoes the import; the import's ledger id."""
    silk = world.ids["ไหม"]
    save(world.database, world.province, 2569, 9, {silk: (500_000, None, None, None)})
    save(district, world.mueang, 2569, 9, {silk: (600_000, 100, None, None)})
    path = folder / "3401-กันยายน.otop"
    export(district, world.mueang, path)
    outcome = batch.import_files(world.database, world.province, [path], take_if=lambda row: True)[0]
    assert outcome.status == "applied", outcome.message
    undo.undo_last_import(world.database, world.province)
    return outcome.ledger_id


def test_a_save_a_district_file_and_its_undo_are_three_steps_in_order(offices):
    world, district, folder = offices
    ledger_id = save_file_undo(world, district, folder)
    found = figure(world)
    assert found.current == (500_000, None, None, None)
    assert [step.kind for step in found.steps] == [StepKind.SAVE, StepKind.FILE, StepKind.UNDO]
    saved, taken, undone = found.steps
    assert saved.at < taken.at < undone.at
    assert {step.who for step in found.steps} == {"นางสมศรี ใจดี (prov)"}
    assert all(step.when == format_thai_datetime(step.at) and "2569 เวลา" in step.when for step in found.steps)
    assert [c.text() for c in saved.changes] == ["ในประเทศ ออฟไลน์ — → 5,000.00"]
    assert "เพิ่มในรายการของเดือน" in saved.detail
    assert [c.text() for c in taken.changes] == ["ในประเทศ ออฟไลน์ 5,000.00 → 6,000.00", "ในประเทศ ออนไลน์ — → 1.00"]
    assert taken.file_name == "3401-กันยายน.otop" and taken.import_id == ledger_id
    assert taken.detail == f"ไฟล์ 3401-กันยายน.otop จากอำเภอเมืองอุบลราชธานี (นำเข้าครั้งที่ {ledger_id}) ยกเลิกการนำเข้าแล้ว"
    assert [c.text() for c in undone.changes] == ["ในประเทศ ออฟไลน์ 6,000.00 → 5,000.00", "ในประเทศ ออนไลน์ 1.00 → —"]
    assert undone.detail.startswith(f"ยกเลิกการนำเข้าไฟล์ 3401-กันยายน.otop (นำเข้าครั้งที่ {ledger_id})")
    assert {step.lock_state for step in found.steps} == {"ยังไม่ล็อก"}


def test_the_command_line_prints_one_line_a_step(offices, monkeypatch, capsys):
    world, district, folder = offices
    save_file_undo(world, district, folder)
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    args = ("history", "--user", "prov", "--entrepreneur", str(world.ids["ไหม"]), "--year", "2569", "--month", "9")
    assert main([*location(world.database), *args]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "ประวัติยอดของ กลุ่มทอผ้าไหมบ้านในเมือง (อำเภอเมืองอุบลราชธานี) เดือนกันยายน 2569"
    steps = lines[2:]
    assert len(steps) == 3
    assert "บันทึกยอด" in steps[0] and "นำเข้าไฟล์" in steps[1] and "ยกเลิกการนำเข้า" in steps[2]
    assert all("นางสมศรี ใจดี (prov)" in line for line in steps) and "3401-กันยายน.otop" in steps[1]


def test_a_district_user_sees_only_its_own_district(world):
    assert figure(world, world.mueang, "ไหม", year=2569, month=8).steps
    with pytest.raises(PermissionDenied):
        figure(world, world.mueang, "วาริน", year=2569, month=8)


def test_the_lock_state_at_each_step_and_the_lock_itself(world):
    silk = world.ids["ไหม"]
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=8)
    with world.database.unit_of_work() as uow:
        locks.unlock_district(
            uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=8, reason="แก้ยอดผิด"
        )
    save(world.database, world.mueang, 2569, 8, {silk: (1_000_000, 250_000, None, None)})
    steps = figure(world, year=2569, month=8).steps
    assert [(s.kind, s.lock_state) for s in steps] == [
        (StepKind.SAVE, "ยังไม่ล็อก"),
        (StepKind.LOCK, "อำเภอล็อกแล้ว"),
        (StepKind.LOCK, "ยังไม่ล็อก"),
        (StepKind.SAVE, "ยังไม่ล็อก"),
    ]
    assert steps[2].detail == "ปลดล็อกข้อมูลอำเภอ เหตุผล: แก้ยอดผิด"
    assert [c.text() for c in steps[3].changes] == ["ในประเทศ ออนไลน์ 2,000.00 → 2,500.00"]


def test_a_save_over_a_files_new_row_names_the_file_it_replaced(offices):
    world, district, folder = offices
    silk = world.ids["ไหม"]
    save(district, world.mueang, 2569, 9, {silk: (600_000, None, None, None)})
    path = folder / "3401.otop"
    export(district, world.mueang, path)
    ledger_id = batch.import_files(world.database, world.province, [path])[0].ledger_id
    save(world.database, world.province, 2569, 9, {silk: (650_000, None, None, None)})  # a province correction
    taken, corrected = figure(world).steps
    assert (taken.kind, taken.who, [c.text() for c in taken.changes]) == (
        StepKind.FILE,
        "นางสมศรี ใจดี (prov)",
        ["ในประเทศ ออฟไลน์ — → 6,000.00"],
    )
    assert corrected.kind is StepKind.SAVE and corrected.changes[0].text() == "ในประเทศ ออฟไลน์ 6,000.00 → 6,500.00"
    assert corrected.detail == f"แทนยอดจากไฟล์ 3401.otop (นำเข้าครั้งที่ {ledger_id})"


def test_sync_lists_the_entrepreneur_without_amounts(world):
    with world.database.unit_of_work() as uow:
        sync.sync_month(uow=uow, user=world.mueang, fiscal_year=2569, month=9)
    (listed,) = figure(world, world.mueang).steps
    assert (listed.kind, listed.who, listed.changes, listed.detail) == (
        StepKind.SYNC,
        "mueang",
        (),
        "เพิ่มในรายการของเดือน",
    )


def test_at_the_department_a_province_file_is_a_step_and_confirms_the_month(offices):
    world, _, folder = offices
    with department_with_province_file(world, folder) as (path, _, department, dept):
        batch.import_files(department, dept, [path])
        with department.unit_of_work() as uow:
            (row,) = [
                r
                for r in entry.load_month(uow=uow, user=dept, fiscal_year=2569, month=8).rows
                if r.name == "กลุ่มทอผ้าไหมบ้านในเมือง"
            ]
            found = history.figure_history(uow=uow, user=dept, entrepreneur_id=row.entrepreneur_id, year=2569, month=8)
    taken, confirmed = found.steps
    assert taken.kind is StepKind.FILE and taken.who == "dept"
    assert taken.detail == "ไฟล์ 34.otop จากจังหวัดอุบลราชธานี (นำเข้าครั้งที่ 1)"
    assert [c.text() for c in taken.changes] == ["ในประเทศ ออฟไลน์ — → 10,000.00", "ในประเทศ ออนไลน์ — → 2,000.00"]
    assert confirmed.kind is StepKind.LOCK and confirmed.detail == "จังหวัดยืนยันข้อมูล (ไฟล์ 34.otop)"
    assert taken.lock_state == confirmed.lock_state == "ยืนยันทั้งจังหวัดแล้ว"


def test_figures_and_locks_older_than_the_log_are_read_from_their_rows(world):
    """The demo writes its months and locks straight into the tables: no audit entries."""
    with connect(world.database) as con:
        con.execute(
            "INSERT INTO monthly_sale (entrepreneur_id, fiscal_year, month, domestic_offline, revision, updated_by,"
            f" updated_at, origin, source_revision) VALUES ({world.ids['ไหม']}, 2569, 9, 100000, 1, 'mueang',"
            " '2026-09-29 09:00:00', '3401', 0)"
        )
        con.execute(
            "INSERT INTO district_lock (district_code, fiscal_year, month, locked, changed_by, changed_at, reason)"
            " VALUES ('3401', 2569, 9, TRUE, 'prov', '2026-10-01 03:00:00', '')"
        )
    steps = figure(world).steps
    assert [(s.kind, s.who, s.when, s.lock_state) for s in steps] == [
        (StepKind.EARLIER, "mueang", "29 กันยายน 2569 เวลา 16:00 น.", "ยังไม่ล็อก"),
        (StepKind.LOCK, "นางสมศรี ใจดี (prov)", "1 ตุลาคม 2569 เวลา 10:00 น.", "อำเภอล็อกแล้ว"),
    ]
    assert steps[0].changes[0].text() == "ในประเทศ ออฟไลน์ — → 1,000.00" and steps[1].detail == "ล็อกข้อมูลอำเภอ"
    assert steps[0].detail == "บันทึกก่อนที่โปรแกรมจะเก็บประวัติการแก้ไข ผู้บันทึกและเวลาตามที่แถวข้อมูลระบุ"
