"""Undoing an import from what it recorded, on both engines: exactly the rows it changed come back, the
entrepreneurs and confirmations it brought go, any earlier import can be undone while its rows are untouched,
and a later change, a later import or a lock over its rows refuses the undo with the reason, changing nothing."""

import pytest

from otop_desktop.core.errors import InvalidInput, MonthLocked
from otop_desktop.services import entrepreneurs, locks
from otop_desktop.services.entrepreneurs import EntrepreneurInfo
from otop_desktop.services.exchange import batch, undo
from tests.conftest import add_entrepreneur, save
from tests.engines import connect
from tests.exchange_helpers import copy_database, department_with_province_file, export, register, sales_dump
from tests.integration.test_exchange import offices  # noqa: F401 - the fixture


def people(database) -> list[tuple]:
    with connect(database) as con:
        return con.execute("SELECT uid, name, tambon_code FROM entrepreneur ORDER BY uid").fetchall()


def undo_is_refused(world, match: str, error=InvalidInput, ledger_id: int | None = None) -> None:
    """The undo (of the last batch, or of one import) is refused with a message matching `match`, and no sales
    row and no entrepreneur changed."""
    before = sales_dump(world.database), people(world.database)
    with pytest.raises(error, match=match):
        if ledger_id is None:
            undo.undo_last_import(world.database, world.province)
        else:
            undo.undo_import(world.database, world.province, ledger_id=ledger_id)
    assert (sales_dump(world.database), people(world.database)) == before


def import_one(world, office, user, path):
    """The office's file of fiscal 2569, taken in at the province; its ledger id."""
    export(office, user, path)
    outcome = batch.import_files(world.database, world.province, [path])[0]
    assert outcome.status == "applied", outcome.message
    return outcome.ledger_id


def test_undo_removes_the_rows_and_entrepreneurs_a_file_brought_and_puts_back_what_it_overwrote(offices):
    world, district, folder = offices
    before, listed = sales_dump(world.database), people(world.database)
    newcomer = add_entrepreneur(district, world.province, "กลุ่มจักสานบ้านใหม่", "340101", 2)
    save(district, world.mueang, 2569, 8, {newcomer: (300, None, None, None), world.ids["ไหม"]: (9, 9, 9, 9)})
    save(district, world.mueang, 2569, 7, {world.ids["ข้าว"]: (7, 0, 0, 0)})
    import_one(world, district, world.mueang, folder / "3401.otop")
    assert len(people(world.database)) == len(listed) + 1 and sales_dump(world.database) != before
    undo.undo_last_import(world.database, world.province)
    assert sales_dump(world.database) == before and people(world.database) == listed
    with connect(world.database) as con:  # nothing of its record is left behind
        assert con.execute(
            "SELECT count(*) FROM import_sale_before WHERE import_id = (SELECT max(id) FROM import_ledger"
            " WHERE outcome = 'undone')"
        ).fetchone() == (0,)


def test_an_earlier_import_is_undone_alone_while_a_later_one_stands(offices, tmp_path):
    world, district, folder = offices
    warin = copy_database(world.database, tmp_path / "warin" / "otop.db")
    register(world.database, world.province, warin, world.warin, tmp_path)
    before = by_key(sales_dump(world.database))
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (1, 1, 1, 1)})
    first = import_one(world, district, world.mueang, folder / "mueang.otop")
    save(warin, world.warin, 2569, 9, {world.ids["วาริน"]: (2, 2, 2, 2)})  # a new row: taken as it is
    import_one(world, warin, world.warin, folder / "warin.otop")
    after_both = by_key(sales_dump(world.database))
    message = undo.undo_import(world.database, world.province, ledger_id=first)
    assert message == "ยกเลิกการนำเข้าไฟล์ mueang.otop แล้ว ข้อมูลกลับเป็นเหมือนก่อนนำเข้า"
    warin_uid = next(uid for uid, name, _ in people(world.database) if name == "กลุ่มปลาร้าวารินชำราบ")
    expected = {key: row for key, row in before.items() if key[0] != warin_uid}
    expected.update({key: row for key, row in after_both.items() if key[0] == warin_uid})
    assert by_key(sales_dump(world.database)) == expected
    assert after_both[(warin_uid, 2569, 9)][3:7] == (2, 2, 2, 2)  # the later file's figures stand
    with world.database.unit_of_work() as uow:
        assert [entry.outcome for entry in batch.list_ledger(uow=uow)[:2]] == ["applied", "undone"]
    warin.close()


def by_key(dump: list[tuple]) -> dict:
    return {row[:3]: row for row in dump}


def test_an_import_overwritten_by_a_later_one_waits_for_that_one_to_be_undone(offices):
    world, district, folder = offices
    before = sales_dump(world.database)
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (1, 1, 1, 1)})
    first = import_one(world, district, world.mueang, folder / "first.otop")
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (2, 2, 2, 2)})
    second = import_one(world, district, world.mueang, folder / "second.otop")
    undo_is_refused(
        world,
        r"ยอดของ กลุ่มทอผ้าไหมบ้านในเมือง เดือนสิงหาคม 2569 ถูกนำเข้าทับด้วยไฟล์ second\.otop "
        r"\(ยกเลิกการนำเข้าไฟล์นั้นก่อน\)",
        ledger_id=first,
    )
    undo.undo_import(world.database, world.province, ledger_id=second)
    undo.undo_import(world.database, world.province, ledger_id=first)
    assert sales_dump(world.database) == before


def test_a_kept_conflict_gets_its_seen_revision_back(offices):
    world, district, folder = offices
    silk = world.ids["ไหม"]
    save(world.database, world.province, 2569, 8, {silk: (5, 5, 5, 5)})  # corrected at the province
    save(district, world.mueang, 2569, 8, {silk: (6, 6, 6, 6)})  # and changed at the district
    before = sales_dump(world.database)
    path = folder / "3401.otop"
    export(district, world.mueang, path)
    outcome = batch.import_files(world.database, world.province, [path])[0]
    assert outcome.counts["conflict"] == 1
    kept = sales_dump(world.database)
    assert kept != before  # the province's figures stay; its row now records the district's version as seen
    assert [r[3:7] for r in kept if r[2] == 8 and r[3] == 5] == [(5, 5, 5, 5)]
    undo.undo_last_import(world.database, world.province)
    assert sales_dump(world.database) == before


def newcomer_taken_in(offices) -> int:
    """A district's new entrepreneur with August's figure, taken in at the province: its id there."""
    world, district, folder = offices
    newcomer = add_entrepreneur(district, world.province, "กลุ่มจักสานบ้านใหม่", "340101", 2)
    save(district, world.mueang, 2569, 8, {newcomer: (300, None, None, None)})
    import_one(world, district, world.mueang, folder / "3401.otop")
    with connect(world.database) as con:
        return con.execute("SELECT id FROM entrepreneur WHERE name = 'กลุ่มจักสานบ้านใหม่'").fetchone()[0]


def test_figures_typed_later_for_an_entrepreneur_the_file_brought_stop_the_undo(offices):
    world, _, _ = offices
    here = newcomer_taken_in(offices)
    save(world.database, world.province, 2569, 7, {here: (1, 1, 1, 1)})
    undo_is_refused(world, "ยอดของ กลุ่มจักสานบ้านใหม่ เดือนกรกฎาคม 2569 ถูกแก้ไขโดย นางสมศรี ใจดี")


def test_an_entrepreneur_the_file_brought_and_edited_since_stops_the_undo(offices):
    world, _, _ = offices
    here = newcomer_taken_in(offices)
    with world.database.unit_of_work() as uow:
        entrepreneurs.save_entrepreneur(
            uow=uow,
            user=world.province,
            info=EntrepreneurInfo(here, "กลุ่มจักสานบ้านใหม่ (แก้ชื่อ)", "340101", 2, 1, "", None, True),
        )
        uow.commit()
    undo_is_refused(world, r"ข้อมูลผู้ประกอบการ กลุ่มจักสานบ้านใหม่ \(แก้ชื่อ\) ที่มากับไฟล์นี้ ถูกแก้ไขโดย นางสมศรี ใจดี")


def test_a_locked_month_refuses_the_undo_until_it_is_unlocked(offices):
    world, district, folder = offices
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (1, 1, 1, 1)})
    import_one(world, district, world.mueang, folder / "3401.otop")
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=8)
    undo_is_refused(
        world, "ยกเลิกการนำเข้าไฟล์ 3401.otop ไม่ได้: ข้อมูลเดือนสิงหาคม 2569 ของอำเภอเมืองอุบลราชธานี ถูกล็อก", MonthLocked
    )
    # what the undo did not do, not what an import does with a locked month's rows
    undo_is_refused(world, "จึงยังไม่ได้ยกเลิก ข้อมูลทุกเดือนยังเป็นตามที่นำเข้า", MonthLocked)
    with pytest.raises(MonthLocked) as refused:
        undo.undo_last_import(world.database, world.province)
    assert "รับตามปกติ" not in refused.value.message


def test_an_import_from_before_the_record_was_kept_is_refused_with_the_way_out(offices):
    world, district, folder = offices
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (1, 1, 1, 1)})
    import_one(world, district, world.mueang, folder / "3401.otop")
    with connect(world.database) as con:  # as an import made by the program before migration 0013 looks
        con.execute("UPDATE import_ledger SET rows_written = NULL, batch = NULL")
    undo_is_refused(world, "โปรแกรมรุ่นก่อน.*ไฟล์สำรองในโฟลเดอร์ backups")


def test_undoing_a_provinces_file_at_the_department_takes_its_confirmation_back(offices):
    world, district, folder = offices
    with department_with_province_file(world, folder) as (path, _, department, dept):
        empty = sales_dump(department)
        assert batch.import_files(department, dept, [path])[0].status == "applied"
        with connect(department) as con:
            assert con.execute("SELECT count(*) FROM province_lock WHERE locked").fetchone() == (1,)
        undo.undo_last_import(department, dept)
        assert sales_dump(department) == empty and people(department) == []
        with connect(department) as con:
            assert con.execute("SELECT count(*) FROM province_lock").fetchone() == (0,)
