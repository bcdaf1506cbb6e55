"""The grid's save, handed what the grid showed of each row (saving._save_as_seen): it writes without reading the
month's rows first, each row only if it still holds what was shown; a row that does not sends the save back to
reading the month, so that every refusal and every figure in the log is what the save that reads would give."""

import pytest

from otop_desktop.core.errors import MonthLocked, PermissionDenied
from otop_desktop.services import entry, history, locks, saving
from otop_desktop.services.audit import list_audit
from otop_desktop.services.reports import summary
from tests.conftest import save
from tests.engines import connect
from tests.integration.test_exchange import offices  # noqa: F401 - the fixture

AUGUST = {"fiscal_year": 2569, "month": 8}


def shown(world, user, **period):
    """The month as the grid shows it, and the usual months it reads beside it: what it hands its save (the
    window's dashboard has brought the monthly summary up to date, whose mark vouches for the usual months)."""
    period = period or AUGUST
    with world.database.unit_of_work() as uow:
        summary.refresh(uow)
    with world.database.unit_of_work() as uow:
        sheet = entry.load_month(uow=uow, user=user, **period)
        usual = entry.usual_months(uow=uow, user=user, **period)
    return {row.entrepreneur_id: row for row in sheet.rows}, usual


def edited(row, amounts) -> saving.SaleChange:
    """A row the officer changed, as the grid's model hands it (sales_model.changes)."""
    return saving.SaleChange(row.entrepreneur_id, amounts, row.revision, (row.amounts, row.import_id))


@pytest.fixture
def reads(monkeypatch) -> list:
    """Each time a save reads the month's rows (saving._area_month), the user whose area it read."""
    read, calls = saving._area_month, []

    def counted(session, user, *args):
        calls.append(user.username)
        return read(session, user, *args)

    monkeypatch.setattr(saving, "_area_month", counted)
    return calls


def save_shown(world, user, changes, usual, unusual_ok=True, **period):
    with world.database.unit_of_work() as uow:
        return saving.save_month(
            uow=uow, user=user, changes=changes, usual=usual, unusual_ok=unusual_ok, **(period or AUGUST)
        )


def month_rows(world, month=8) -> dict:
    with connect(world.database) as con:
        return {
            row[0]: tuple(row[1:])
            for row in con.execute(
                "SELECT entrepreneur_id, domestic_offline, domestic_online, export_offline, export_online, revision,"
                " updated_by, origin, import_id FROM monthly_sale WHERE fiscal_year = 2569 AND month = ?",
                (month,),
            )
        }


def logged(world, key) -> list[tuple]:
    with world.database.unit_of_work() as uow:
        lines = list_audit(uow=uow, entity="monthly_sale", entity_key_prefix=key)
    return [(line.action, line.field, line.old_value, line.new_value) for line in lines if line.entity_key == key]


def test_the_grids_save_writes_without_reading_the_month_and_logs_what_it_showed(world, reads):
    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]
    rows, usual = shown(world, world.mueang)
    before = month_rows(world)
    result = save_shown(
        world,
        world.mueang,
        [edited(rows[silk], (1_000_001, 200_000, 5, None)), edited(rows[rice], (1, 0, 100_000, 2))],
        usual,
    )
    assert reads == []  # nothing read of the month's rows: the write itself checked them
    assert (result.rows_changed, result.cells_changed) == (2, 4)
    after = month_rows(world)
    assert after[silk] == (1_000_001, 200_000, 5, None, before[silk][4] + 1, "mueang", "3401", None)
    assert after[rice] == (1, 0, 100_000, 2, before[rice][4] + 1, "mueang", "3401", None)
    assert {i: r for i, r in after.items() if i not in (silk, rice)} == {
        i: r for i, r in before.items() if i not in (silk, rice)
    }
    saves = [line for line in logged(world, f"2569/08/{silk}") if line[0] == "save"]
    assert ("save", "domestic_offline", "10000.00", "10000.01") in saves
    assert ("save", "export_offline", None, "0.05") in saves
    assert ("save", "domestic_offline", "5000.50", "0.01") in logged(world, f"2569/08/{rice}")


def test_a_province_correcting_a_files_figure_from_the_grid_clears_the_import_and_names_the_file(offices, reads):
    world, _, _ = offices
    silk = world.ids["ไหม"]
    rows, usual = shown(world, world.province)
    reads.clear()  # the fixture's own saves
    assert rows[silk].import_id is not None  # the figure came from the district's file
    save_shown(world, world.province, [edited(rows[silk], (1_000_000, 200_000, None, 7))], usual)
    assert reads == []
    assert month_rows(world)[silk][-1] is None  # typed here now
    with world.database.unit_of_work() as uow:
        steps = history.figure_history(uow=uow, user=world.province, entrepreneur_id=silk, year=2569, month=8).steps
    assert steps[-1].detail == f"แทนยอดจากไฟล์ baseline.otop (นำเข้าครั้งที่ {rows[silk].import_id})"
    assert [c.text() for c in steps[-1].changes] == ["ต่างประเทศ ออนไลน์ — → 0.07"]


def test_a_row_saved_by_someone_else_since_the_grid_showed_it_refuses_the_whole_save(world, reads):
    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]
    rows, usual = shown(world, world.mueang)
    save(world.database, world.province, 2569, 8, {silk: (7, 7, 7, 7)})  # the province corrects a figure meanwhile
    before, _ = month_rows(world), reads.clear()
    with pytest.raises(saving.SavedMeanwhile) as refused:  # the row that was not as shown comes first in the list
        save_shown(world, world.mueang, [edited(rows[rice], (2, 2, 2, 2)), edited(rows[silk], (1, 1, 1, 1))], usual)
    assert "กลุ่มทอผ้าไหมบ้านในเมือง" in refused.value.message and "(โดย นางสมศรี ใจดี เมื่อ" in refused.value.message
    assert month_rows(world) == before  # not even the row still as shown
    assert reads == ["mueang"]  # the save went back to reading the month, and named who saved meanwhile


def test_a_figure_changed_under_the_same_revision_is_logged_as_it_really_was(world, reads):
    """A row whose figure moved while its revision did not (a district's file taken in with the revision its
    office gave it): the save as seen leaves it and takes back the row it did write, and the save that reads
    writes both, logging the figure it really replaced."""
    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]
    rows, usual = shown(world, world.mueang)
    with connect(world.database) as con:
        con.execute(
            "UPDATE monthly_sale SET domestic_offline = 1234500 WHERE entrepreneur_id = ? AND fiscal_year = 2569"
            " AND month = 8",
            (silk,),
        )
    changes = [edited(rows[rice], (1, 0, 100_000, None)), edited(rows[silk], (1_000_001, 200_000, None, None))]
    save_shown(world, world.mueang, changes, usual)
    assert reads == ["mueang"]
    assert month_rows(world)[silk][:5] == (1_000_001, 200_000, None, None, rows[silk].revision + 1)
    assert month_rows(world)[rice][:5] == (1, 0, 100_000, None, rows[rice].revision + 1)  # raised once, not twice
    assert ("save", "domestic_offline", "12345.00", "10000.01") in logged(world, f"2569/08/{silk}")


def test_the_grids_save_keeps_every_refusal(world, reads):
    silk, warin = world.ids["ไหม"], world.ids["วาริน"]
    rows, usual = shown(world, world.mueang)
    before = month_rows(world)
    province_rows, _ = shown(world, world.province)
    with pytest.raises(PermissionDenied, match=f"ไม่พบผู้ประกอบการเลขที่ {warin} ในพื้นที่ของท่าน"):
        save_shown(world, world.mueang, [edited(province_rows[warin], (1, 1, 1, 1))], usual)
    with pytest.raises(saving.UnusualAmounts) as unusual:
        save_shown(world, world.mueang, [edited(rows[silk], (99_000_000, 200_000, None, None))], usual, False)
    assert "กลุ่มทอผ้าไหมบ้านในเมือง" in unusual.value.message
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", incomplete_ok=True, **AUGUST)
    with pytest.raises(MonthLocked):
        save_shown(world, world.mueang, [edited(rows[silk], (1, 1, 1, 1))], usual)
    assert month_rows(world) == before and reads == []


def test_an_unusual_figure_confirmed_from_the_grid_is_logged_with_its_confirmation(world, reads):
    silk = world.ids["ไหม"]
    rows, usual = shown(world, world.mueang)
    save_shown(world, world.mueang, [edited(rows[silk], (99_000_000, 200_000, None, None))], usual)
    assert reads == [] and month_rows(world)[silk][0] == 99_000_000
    confirmed = [line for line in logged(world, f"2569/08/{silk}") if line[0] == "confirm_unusual"]
    assert confirmed == [("confirm_unusual", "total", "12000.00", "992000.00")]


def test_a_grid_save_whose_usual_months_no_longer_hold_reads_the_month(world, reads):
    """The history changed since the grid read it (a save of July meanwhile): the usual months are read again,
    and the month with them."""
    silk = world.ids["ไหม"]
    rows, usual = shown(world, world.mueang)
    save(world.database, world.province, 2569, 7, {silk: (1, 1, 1, 1)})
    reads.clear()
    save_shown(world, world.mueang, [edited(rows[silk], (1_000_001, 200_000, None, None))], usual)
    assert reads == ["mueang"] and month_rows(world)[silk][0] == 1_000_001


def test_a_save_after_other_writes_in_the_same_transaction_never_rolls_them_back(world, reads):
    """A caller that wrote before saving, in the same unit of work: the save reads the month rather than write
    as seen, since going back on a row not as shown would take the caller's writes back too."""
    from otop_desktop.models import Setting

    silk = world.ids["ไหม"]
    rows, usual = shown(world, world.mueang)
    with connect(world.database) as con:  # a figure moved under the same revision: the save as seen would go back
        con.execute(
            "UPDATE monthly_sale SET domestic_offline = 1234500 WHERE entrepreneur_id = ? AND fiscal_year = 2569"
            " AND month = 8",
            (silk,),
        )
    with world.database.unit_of_work() as uow:
        uow.session.add(Setting(key="written_before_the_save", value="kept"))
        uow.session.flush()
        saving.save_month(
            uow=uow,
            user=world.mueang,
            changes=[edited(rows[silk], (1, 2, 3, 4))],
            usual=usual,
            unusual_ok=True,
            **AUGUST,
        )
    with connect(world.database) as con:
        assert con.execute("SELECT value FROM setting WHERE key = 'written_before_the_save'").fetchall() == [("kept",)]
    assert month_rows(world)[silk][:4] == (1, 2, 3, 4) and reads == ["mueang"]


def test_a_province_saving_as_seen_is_refused_in_its_locked_district_and_not_in_another(world, reads):
    """The save as seen reads the locks of the user's whole area with its other questions (at once, on a server):
    a province's save of a row in a locked district is refused, one of a row in another district is not."""
    silk, warin = world.ids["ไหม"], world.ids["วาริน"]  # in อำเภอเมือง (3401), and in another district
    rows, usual = shown(world, world.province)
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", incomplete_ok=True, **AUGUST)
    before, _ = month_rows(world), reads.clear()
    with pytest.raises(MonthLocked, match="อำเภอเมืองอุบลราชธานี"):
        save_shown(world, world.province, [edited(rows[warin], (1, 1, 1, 1)), edited(rows[silk], (1, 1, 1, 1))], usual)
    assert month_rows(world) == before
    save_shown(world, world.province, [edited(rows[warin], (1, 1, 1, 1))], usual)
    assert month_rows(world)[warin][:4] == (1, 1, 1, 1) and reads == []


def test_the_grids_save_waits_for_another_writer_before_it_reads(world, reads, monkeypatch):
    """The save as seen takes the database's write lock with its first reads (on a server, asked in the same
    round trip), so that a lock of the month, or another save, cannot fall between what it read and what it
    writes: while another program holds the lock, the save waits and is refused as busy, changing nothing."""
    from otop_desktop.core.errors import DatabaseBusy
    from otop_desktop.store import database as database_module
    from tests.engines import write_lock_held

    silk = world.ids["ไหม"]
    rows, usual = shown(world, world.mueang)
    before, _ = month_rows(world), reads.clear()
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 100)
    world.database.close()  # the next connection takes the short wait
    with write_lock_held(world.database), pytest.raises(DatabaseBusy):
        save_shown(world, world.mueang, [edited(rows[silk], (1, 1, 1, 1))], usual)
    assert month_rows(world) == before and reads == []
    save_shown(world, world.mueang, [edited(rows[silk], (1, 1, 1, 1))], usual)
    assert month_rows(world)[silk][:4] == (1, 1, 1, 1)


def test_a_table_held_by_another_program_makes_the_grids_save_busy_on_a_server(world, monkeypatch):
    """On a server the save writes through the driver's own connection (store.bulk): a table another program
    holds (a migration, an administrator's LOCK TABLE) makes it wait, then be refused as busy in Thai, as every
    other wait is, not with the driver's English error; nothing is written."""
    from otop_desktop.core.errors import DatabaseBusy
    from otop_desktop.store import database as database_module

    if not world.database.on_server:
        pytest.skip("a table lock of its own is a server's (a file has one lock, write_lock_held's)")
    import psycopg

    silk = world.ids["ไหม"]
    rows, usual = shown(world, world.mueang)
    before = month_rows(world)
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 100)
    world.database.close()  # the next connection takes the short wait
    with psycopg.connect(world.database.url) as holder:
        holder.execute("LOCK TABLE monthly_sale IN ACCESS EXCLUSIVE MODE")
        with pytest.raises(DatabaseBusy):
            save_shown(world, world.mueang, [edited(rows[silk], (1, 1, 1, 1))], usual)
    assert month_rows(world) == before


def test_questions_asked_together_answer_as_asked_one_by_one(world):
    """store.together: the save's three questions (sent in one pipeline on a server) answer what each answers
    alone, in the order given."""
    from otop_desktop.services.sales_guard import locked_question
    from otop_desktop.store.together import read_together

    _, usual = shown(world, world.province)
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", incomplete_ok=True, **AUGUST)
        uow.commit()
    questions = [
        saving._tambons_question("34"),
        locked_question("34", 2569, 8),
        entry.mark_question("34", 2569, 8),
        locked_question("3415", 2569, 8),
    ]
    with world.database.unit_of_work() as uow:
        together = read_together(uow.session, questions)
        alone = [uow.session.connection().execute(statement, parameters).all() for statement, parameters in questions]
    assert [sorted(map(tuple, rows)) for rows in together] == [sorted(map(tuple, rows)) for rows in alone]
    tambons, locked, (mark,), elsewhere = together
    assert dict(tambons)[world.ids["วาริน"]].startswith("34") and locked == [("3401",)] and elsewhere == []
    assert entry.mark_of(mark) == usual.mark
