"""Writing rows in bulk (store/bulk.py): what goes in comes back exactly, on both engines, by the plain path a save
takes (PostgreSQL's COPY with one dumper a column) as by the general one."""

import gc
import weakref
from datetime import datetime

import pytest

from otop_desktop.core.errors import InvalidInput
from otop_desktop.models import AuditEntry, MonthlySale
from otop_desktop.services.audit import AUDIT_COLUMNS, list_audit, record_rows
from otop_desktop.store import deadline
from otop_desktop.store.bulk import collector_paused, insert_rows, stored_time, update_rows_as_seen
from tests.conftest import add_entrepreneur, save

# What COPY's text format must escape (tab, newline, carriage return, backslash) and what it would read as
# something else if left bare (\N is NULL; a backslash before a letter is an escape), beside Thai.
HOSTILE = [
    "a\tb",
    "line\nnext",
    "cr\rlf\r\n",
    "back\\slash",
    "ends with \\",
    "\\N",
    "\\\\N",
    "\\t is not a tab",
    "",
    " ",
    "กลุ่มทอผ้าไหม\tบ้าน\nใน\\เมือง",
    "null",
    "None",
]


@pytest.mark.parametrize("plain", [True, False])
def test_text_comes_back_exactly(database, plain):
    at = datetime(2026, 12, 4, 3, 4, 5, 678901)
    rows = [
        (stored_time(at), "prov", "save", "test", f"k{i}", "note", text, None, text) for i, text in enumerate(HOSTILE)
    ]
    with database.unit_of_work() as uow:
        insert_rows(uow.session, AuditEntry.__table__, AUDIT_COLUMNS, rows, plain=plain)
        uow.commit()
    with database.unit_of_work() as uow:
        lines = {line.entity_key: line for line in list_audit(uow=uow, entity="test")}
    assert [lines[f"k{i}"].old_value for i in range(len(HOSTILE))] == HOSTILE
    assert [lines[f"k{i}"].note for i in range(len(HOSTILE))] == HOSTILE
    assert {lines[key].new_value for key in lines} == {None}  # NULL, not the text "None" or "\N"
    assert {lines[key].at for key in lines} == {at}


def test_record_rows_keeps_the_text_and_the_time(database):
    at = datetime(2026, 12, 4, 23, 59, 59, 1)
    with database.unit_of_work() as uow:
        record_rows(
            uow.session, [("prov", "save", "test", "k", f, t, t, None) for f, t in zip("abcdefghijklm", HOSTILE)], at
        )
        uow.commit()
    with database.unit_of_work() as uow:
        lines = list_audit(uow=uow, entity="test")
    assert sorted((line.field, line.old_value, line.new_value, line.at) for line in lines) == [
        (f, t, t, at) for f, t in zip("abcdefghijklm", HOSTILE)
    ]


def test_an_upsert_of_plain_rows_writes_numbers_blanks_and_text(world):
    database, silk = world.database, world.ids["ไหม"]
    other = add_entrepreneur(database, world.province, "กลุ่มใหม่ในเดือนนี้", "340101")
    columns = ("entrepreneur_id", "fiscal_year", "month", "domestic_offline", "domestic_online", "export_offline")
    columns += ("export_online", "revision", "updated_by", "updated_at", "origin", "import_id")
    stamp = stored_time(datetime(2026, 12, 4, 1, 2, 3))
    rows = [
        (silk, 2569, 8, 99_999_999_999, 0, None, 1, 7, "a\\N\tb", stamp, "34", None),  # on the list: updated
        (other, 2569, 8, None, None, None, None, 1, "prov", stamp, "", None),  # new: inserted
    ]
    with database.unit_of_work() as uow:
        insert_rows(
            uow.session,
            MonthlySale.__table__,
            columns,
            rows,
            conflict=("entrepreneur_id", "fiscal_year", "month"),
            update=columns[3:],
            plain=True,
        )
        uow.commit()
    with database.engine.connect() as connection:
        found = connection.execute(
            MonthlySale.__table__.select()
            .where(MonthlySale.fiscal_year == 2569, MonthlySale.month == 8)
            .where(MonthlySale.entrepreneur_id.in_([silk, other]))
            .order_by(MonthlySale.entrepreneur_id)
        ).all()
    assert [(*row[:9], row.origin, row.import_id) for row in found] == [
        (silk, 2569, 8, 99_999_999_999, 0, None, 1, 7, "a\\N\tb", "34", None),
        (other, 2569, 8, None, None, None, None, 1, "prov", "", None),
    ]
    assert {row.updated_at for row in found} == {datetime(2026, 12, 4, 1, 2, 3)}


def _sale_rows(world, amount: int) -> tuple[tuple, list[tuple]]:
    columns = ("entrepreneur_id", "fiscal_year", "month", "domestic_offline", "revision", "updated_by", "updated_at")
    stamp = stored_time(datetime(2026, 12, 5))
    return columns, [(i, 2569, 9, amount, 1, "prov", stamp) for i in world.ids.values()]


def _september(database) -> dict[int, int]:
    with database.engine.connect() as connection:
        rows = connection.execute(
            MonthlySale.__table__.select().where(MonthlySale.fiscal_year == 2569, MonthlySale.month == 9)
        ).all()
    return {row.entrepreneur_id: row.domestic_offline for row in rows}


def test_the_work_given_to_an_upsert_runs_while_the_server_upserts_and_its_result_comes_back(world):
    """A save makes its audit entries while the server upserts its rows (insert_rows's `meanwhile`): on
    PostgreSQL the upsert is sent in a pipeline and its answer awaited after the work; on SQLite the work runs
    once the rows are in. Either way it runs once, its result is returned, and the rows are written."""
    database = world.database
    columns, rows = _sale_rows(world, 100)
    seen = []

    def work():
        driver = uow.session.connection().connection.dbapi_connection
        seen.append(getattr(getattr(driver, "pgconn", None), "pipeline_status", None))
        return "made"

    with database.unit_of_work() as uow:
        conflict = ("entrepreneur_id", "fiscal_year", "month")
        made = insert_rows(
            uow.session, MonthlySale.__table__, columns, rows, conflict=conflict, update=columns[3:], meanwhile=work
        )
        nothing = insert_rows(uow.session, MonthlySale.__table__, columns, [], conflict=conflict, meanwhile=work)
        uow.commit()
    assert (made, nothing) == ("made", "made")
    if database.on_server:
        assert seen[0] != 0, "the upsert's answer was awaited before the work ran"  # pq.PipelineStatus.OFF is 0
    assert _september(database) == {i: 100 for i in world.ids.values()}


def test_an_upsert_refused_with_work_given_to_it_is_raised_and_writes_nothing(world):
    """The server's refusal of a pipelined upsert reaches the caller (whether it came before the work ran or
    after), and the transaction writes nothing."""
    database = world.database
    columns, rows = _sale_rows(world, 100)
    rows.append((999_999, 2569, 9, 5, 1, "prov", rows[0][-1]))  # no such entrepreneur: the foreign key refuses it
    with pytest.raises(Exception, match="(?i)foreign key"):
        with database.unit_of_work() as uow:
            conflict = ("entrepreneur_id", "fiscal_year", "month")
            insert_rows(
                uow.session,
                MonthlySale.__table__,
                columns,
                rows,
                conflict=conflict,
                update=columns[3:],
                meanwhile=lambda: None,
            )
            uow.commit()
    assert _september(database) == {}


def test_rows_made_as_they_are_written_go_in_whole_and_none_is_nothing(world):
    database = world.database
    stamp = stored_time(datetime(2026, 12, 5, 1, 2, 3))
    with database.unit_of_work() as uow:
        insert_rows(uow.session, AuditEntry.__table__, AUDIT_COLUMNS, iter(()), plain=True)
        made = ((stamp, "prov", "save", "gen", f"k{i}", "f", str(i), None, None) for i in range(2_000))
        insert_rows(uow.session, AuditEntry.__table__, AUDIT_COLUMNS, made, plain=True)
        uow.commit()
    with database.unit_of_work() as uow:
        lines = list_audit(uow=uow, entity="gen", limit=5_000)
    assert sorted(int(line.old_value) for line in lines) == list(range(2_000))


def test_the_collector_runs_again_after_a_paused_call_even_a_refused_one(world):
    """A save pauses Python's cycle collector while it makes its rows (store.bulk.collector_paused); a refused save
    leaves it running again, and a caller that had paused it keeps it paused."""
    silk = world.ids["ไหม"]
    assert gc.isenabled()
    with pytest.raises(InvalidInput):
        save(world.database, world.province, 2569, 8, {silk: (-1, None, None, None)})
    assert gc.isenabled()
    save(world.database, world.province, 2569, 8, {silk: (1, None, None, None)})
    assert gc.isenabled()
    seen = []
    paused = collector_paused(lambda: seen.append(gc.isenabled()))
    gc.disable()
    try:
        paused()
        assert not gc.isenabled()
    finally:
        gc.enable()
    paused()
    assert seen == [False, False] and gc.isenabled()


def test_a_bulk_write_on_the_server_gives_each_of_its_statements_the_full_deadline(world, monkeypatch):
    """COPY and the upsert behind it go on the driver's own cursor, which SQLAlchemy's statement events do not see:
    each restarts the watchdog's clock (store.deadline), else a long COPY would be timed from the statement before
    it and a healthy connection could be shut in the middle of a merge."""
    if not world.database.on_server:
        pytest.skip("the statement watchdog is the server's (store.deadline); a file has no socket to shut")
    restarts = []
    monkeypatch.setattr(deadline, "restarted", restarts.append)
    stamp = stored_time(datetime(2026, 12, 4))
    with world.database.unit_of_work() as uow:
        driver = uow.session.connection().connection.dbapi_connection
        entry = (stamp, "prov", "save", "t", "k", "f", "1", "2", None)
        insert_rows(uow.session, AuditEntry.__table__, AUDIT_COLUMNS, [entry])
        assert restarts == [driver]  # COPY straight into the table
        columns = ("entrepreneur_id", "fiscal_year", "month", "domestic_offline", "revision", "updated_by")
        columns += ("updated_at",)
        rows = [(i, 2569, 9, 100, 1, "prov", stamp) for i in world.ids.values()]
        conflict = ("entrepreneur_id", "fiscal_year", "month")
        insert_rows(uow.session, MonthlySale.__table__, columns, rows, conflict=conflict, update=columns[3:])
        assert restarts == [driver] * 4  # then the temporary table, the COPY into it, the upsert from it
        update_rows_as_seen(
            uow.session,
            MonthlySale.__table__,
            [(i, 200, 100) for i in world.ids.values()],
            key=("entrepreneur_id",),
            columns=("domestic_offline",),
            seen=("domestic_offline",),
            shared={"fiscal_year": 2569, "month": 9},
            version="revision",
            meanwhile=lambda: None,
        )
        uow.commit()
    assert restarts == [driver] * 7  # and for the update as seen: its temporary table, the COPY, the update


def test_the_watchdog_times_a_restarted_statement_from_its_restart():
    class Connection:  # what the watchdog keeps of a driver's connection: a weak reference to it
        pass

    connection, other = Connection(), Connection()
    deadline._running[id(connection)] = (weakref.ref(connection), 0.0, 5.0)
    try:
        deadline.restarted(connection)
        _, since, limit = deadline._running[id(connection)]
        assert since > 0.0 and limit == 5.0  # from now, with the same limit
        deadline.restarted(other)  # one the watchdog does not watch: nothing to restart
        assert id(other) not in deadline._running
    finally:
        deadline._running.pop(id(connection), None)


def test_an_update_as_seen_writes_only_the_rows_still_as_seen_and_inserts_none(world):
    """update_rows_as_seen: a row holding every seen value (a blank matching a blank) is updated and its version
    raised; a row whose figure or version moved, or that is not there, is left as it is; the count says which."""
    database, ids = world.database, world.ids
    silk, rice = ids["ไหม"], ids["ข้าว"]
    unlisted = add_entrepreneur(database, world.province, "กลุ่มที่ยังไม่อยู่ในรายการ", "340101")
    save(database, world.province, 2569, 8, {silk: (100, None, 5, None), rice: (200, 1, 1, 1)})
    with database.engine.connect() as connection:
        before = {
            row.entrepreneur_id: row
            for row in connection.execute(
                MonthlySale.__table__.select().where(MonthlySale.fiscal_year == 2569, MonthlySale.month == 8)
            )
        }
    stamp = stored_time(datetime(2026, 12, 5, 1, 2, 3))
    seen_silk = (before[silk].revision, 100, None, 5, None, None)
    rows = [
        (silk, 111, None, 6, 0, *seen_silk),  # as seen: written
        (rice, 222, 2, 2, 2, before[rice].revision, 999, 1, 1, 1, None),  # its figure moved since: kept
        (unlisted, 1, 1, 1, 1, 1, None, None, None, None, None),  # not on the month's list: not inserted
    ]
    with database.unit_of_work() as uow:
        count, meanwhile = update_rows_as_seen(
            uow.session,
            MonthlySale.__table__,
            rows,
            key=("entrepreneur_id",),
            columns=("domestic_offline", "domestic_online", "export_offline", "export_online"),
            seen=("revision", "domestic_offline", "domestic_online", "export_offline", "export_online", "import_id"),
            shared={"fiscal_year": 2569, "month": 8, "updated_by": "a\\N\tb", "updated_at": stamp, "origin": "34"},
            version="revision",
            meanwhile=lambda: "made while the server wrote",
        )
        uow.commit()
    assert (count, meanwhile) == (1, "made while the server wrote")
    with database.engine.connect() as connection:
        after = {
            row.entrepreneur_id: row
            for row in connection.execute(
                MonthlySale.__table__.select().where(MonthlySale.fiscal_year == 2569, MonthlySale.month == 8)
            )
        }
    assert after[silk][3:9] == (111, None, 6, 0, before[silk].revision + 1, "a\\N\tb")
    assert (after[silk].updated_at, after[silk].origin) == (datetime(2026, 12, 5, 1, 2, 3), "34")
    assert after[rice] == before[rice] and unlisted not in after
    assert {i: row for i, row in after.items() if i != silk} == {i: row for i, row in before.items() if i != silk}
