"""The same program on an office's PostgreSQL server: the migrations, the master data, the append-only audit
log, logins, typed entry with its revisions and locks, and the summary the dashboard reads, through the same
services the SQLite tests use."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from otop_desktop.core.errors import LoginFailed, MonthLocked
from otop_desktop.migrations import HEAD
from otop_desktop.services import auth, entry, locks
from otop_desktop.services.office import Office
from otop_desktop.services.reports import dashboard
from otop_desktop.store.database import open_database, server_revision
from tests.conftest import PASSWORD, save


def scalar(database, sql: str, **params):
    with database.engine.connect() as connection:
        return connection.execute(text(sql), params).scalar()


def test_a_new_server_database_is_migrated_and_holds_the_master_data(server_database):
    assert server_revision(server_database.engine) == HEAD and server_database.on_server
    assert scalar(server_database, "SELECT count(*) FROM province") == 77
    assert scalar(server_database, "SELECT count(*) FROM tambon") == 7451
    assert scalar(server_database, "SELECT name_th FROM province WHERE code = '34'") == "อุบลราชธานี"
    assert scalar(server_database, "SELECT datcollate FROM pg_database WHERE datname = current_database()") == "C"


def test_opening_it_again_changes_nothing(server_url):
    for _ in range(2):
        database = open_database(server_url)
        assert scalar(database, "SELECT count(*) FROM district") == 929
        database.close()


def test_the_audit_log_refuses_changes_and_deletions(server_world):
    database = server_world.database
    assert scalar(database, "SELECT count(*) FROM audit_log") > 0
    for statement in ("UPDATE audit_log SET username = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with database.engine.begin() as connection:
                connection.execute(text(statement))
    assert scalar(database, "SELECT count(*) FROM audit_log WHERE username = 'x'") == 0


def test_logins_work_and_a_wrong_password_is_refused_in_thai(server_world):
    office = Office(server_world.database)
    assert office.query(auth.authenticate, username="mueang", password=PASSWORD).area_code == "3401"
    with pytest.raises(LoginFailed) as refused:
        office.query(auth.authenticate, username="mueang", password="wrong-password")
    assert "รหัสผ่าน" in str(refused.value.message)


def test_typed_figures_are_exact_to_the_satang_and_each_save_counts_a_revision(server_world):
    world = server_world
    silk = world.ids["ไหม"]
    save(world.database, world.mueang, 2569, 9, {silk: (987_654_321, 1, None, 99)})
    save(world.database, world.mueang, 2569, 9, {silk: (987_654_322, 1, None, 99)})
    with world.database.unit_of_work() as uow:
        sheet = entry.load_month(uow=uow, user=world.mueang, fiscal_year=2569, month=9)
    row = next(r for r in sheet.rows if r.entrepreneur_id == silk)
    assert row.amounts == (987_654_322, 1, None, 99)
    assert (
        scalar(
            world.database,
            "SELECT revision FROM monthly_sale WHERE entrepreneur_id = :id AND fiscal_year = 2569 AND month = 9",
            id=silk,
        )
        >= 2
    )


def test_a_locked_month_refuses_a_save_and_changes_nothing(server_world):
    world = server_world
    silk = world.ids["ไหม"]
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=8)
    before = scalar(
        world.database,
        "SELECT domestic_offline FROM monthly_sale WHERE entrepreneur_id = :id AND fiscal_year = 2569 AND month = 8",
        id=silk,
    )
    with pytest.raises(MonthLocked):
        save(world.database, world.mueang, 2569, 8, {silk: (1, 1, 1, 1)})
    assert (
        scalar(
            world.database,
            "SELECT domestic_offline FROM monthly_sale WHERE entrepreneur_id = :id"
            " AND fiscal_year = 2569 AND month = 8",
            id=silk,
        )
        == before
    )


def test_the_summary_follows_the_detail(server_world):
    world = server_world
    save(world.database, world.mueang, 2569, 9, {world.ids["ข้าว"]: (500_00, 0, 0, 0)})
    assert scalar(world.database, "SELECT count(*) FROM summary_stale WHERE fiscal_year = 2569 AND month = 9") == 1
    with world.database.unit_of_work() as uow:
        figures = dashboard.dashboard(uow=uow, user=world.province, fiscal_year=2569, month=9)
    detail = scalar(
        world.database,
        "SELECT sum(coalesce(domestic_offline, 0) + coalesce(domestic_online, 0)"
        " + coalesce(export_offline, 0) + coalesce(export_online, 0)) FROM monthly_sale s"
        " JOIN entrepreneur e ON e.id = s.entrepreneur_id WHERE s.fiscal_year = 2569 AND e.tambon_code LIKE '34%'",
    )
    assert figures.total.total == detail
    assert scalar(world.database, "SELECT count(*) FROM summary_stale") == 0


def test_the_command_line_works_on_the_server(server_url, monkeypatch, capsys):
    from otop_desktop.cli import main

    monkeypatch.setenv("OTOP_NEW_PASSWORD", PASSWORD)
    assert main(["--database-url", server_url, "user", "add", "admin", "--role", "admin", "--area", "34"]) == 0
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    monkeypatch.setenv("OTOP_DATABASE_URL", server_url)  # the same through the environment
    assert main(["user", "list", "--as", "admin"]) == 0
    assert "admin" in capsys.readouterr().out


def test_a_district_file_merges_into_the_provinces_server(server_world, tmp_path):
    """A district office on its own file, the province on the server: the district's signed file merges there
    by the same rule, once (the same file again changes nothing), and a corrected figure merges as a change."""
    from otop_desktop.services.exchange import merge
    from tests.conftest import make_world
    from tests.exchange_helpers import export, register

    district_database = open_database(tmp_path / "amphoe" / "otop.db")
    district = make_world(district_database)
    register(server_world.database, server_world.province, district_database, district.mueang, tmp_path)

    def take_in(name: str, data: bytes) -> dict:
        with server_world.database.unit_of_work() as uow:
            preview = merge.preview(uow=uow, user=server_world.province, data=data, file_name=name)
            if preview.already:
                return {"already": preview.already}
            merge.apply(uow=uow, user=server_world.province, preview_=preview)
            return preview.counts

    first = take_in("3401.otop", export(district_database, district.mueang, tmp_path / "3401.otop"))
    assert first["new"] > 0
    assert "นำเข้าแล้ว" in take_in("3401.otop", (tmp_path / "3401.otop").read_bytes())["already"]
    save(district_database, district.mueang, 2569, 8, {district.ids["ไหม"]: (5_555, 0, 0, 0)})
    second = take_in("3401-2.otop", export(district_database, district.mueang, tmp_path / "3401-2.otop"))
    assert second["changed"] == 1
    with district_database.unit_of_work() as uow:
        uid = uow.session.execute(
            text("SELECT uid FROM entrepreneur WHERE id = :id"), {"id": district.ids["ไหม"]}
        ).scalar()
    assert (
        scalar(
            server_world.database,
            "SELECT s.domestic_offline FROM monthly_sale s JOIN entrepreneur e"
            " ON e.id = s.entrepreneur_id WHERE e.uid = :uid AND s.fiscal_year = 2569 AND s.month = 8",
            uid=uid,
        )
        == 5_555
    )
    district_database.close()


def test_a_merge_that_outgrows_the_planners_picture_refreshes_it(server_world, tmp_path, monkeypatch):
    """Autovacuum would analyse the grown table only a minute later, and till then the planner misjudges it: a
    merge that has written more rows than the table held when last analysed analyses it at once (the floor
    lowered here so that one file's rows pass it)."""
    from otop_desktop.services.exchange import batch
    from otop_desktop.store import database as database_module
    from tests.conftest import make_world
    from tests.exchange_helpers import export, register

    district_database = open_database(tmp_path / "amphoe" / "otop.db")
    district = make_world(district_database)
    register(server_world.database, server_world.province, district_database, district.mueang, tmp_path)
    export(district_database, district.mueang, tmp_path / "3401.otop")
    district_database.close()
    analysed = "SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'monthly_sale'"
    before = scalar(server_world.database, analysed)
    monkeypatch.setattr(database_module, "ANALYZE_AFTER_ROWS", 1)
    assert (
        batch.import_files(server_world.database, server_world.province, [tmp_path / "3401.otop"])[0].status
        == "applied"
    )
    assert scalar(server_world.database, analysed) == before + 1
