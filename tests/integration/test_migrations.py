"""The schema comes from Alembic migrations; master data loads once with official codes. These tests are about
what migrating makes, so their databases are migrated anew (`migrates`), not copied from the suite's template."""

import re
import sqlite3
from contextlib import closing

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from otop_desktop.core.errors import DatabaseBusy, DatabaseProblem
from otop_desktop.migrations import HEAD
from otop_desktop.store import database as database_module
from otop_desktop.store.database import migration_config, open_database, schema_revision
from tests.engines import FILES, connect, target, write_lock_held

pytestmark = pytest.mark.migrates


def test_head_constant_matches_the_migration_scripts():
    config = migration_config()
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


@pytest.mark.sqlite_only("the file's journal mode and sqlite_master")
def test_new_file_is_migrated_in_wal_mode(database):
    assert schema_revision(database.path) == HEAD
    with sqlite3.connect(database.path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "province",
        "district",
        "tambon",
        "product_type",
        "entrepreneur_type",
        "entrepreneur",
        "monthly_sale",
        "app_user",
        "audit_log",
        "setting",
    } <= tables


def test_master_data_has_official_codes(database):
    with connect(database) as con:
        count = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        assert count("SELECT count(*) FROM province") == 77
        assert count("SELECT count(*) FROM district") == 929
        assert count("SELECT count(*) FROM tambon") == 7451
        assert count("SELECT name_th FROM province WHERE code='34'") == "อุบลราชธานี"
        assert count("SELECT count(*) FROM district WHERE province_code='34'") == 25
        assert count("SELECT count(*) FROM tambon WHERE code LIKE '34%'") == 220
        assert count("SELECT count(*) FROM product_type") == 5
        assert count("SELECT count(*) FROM entrepreneur_type") == 3


def test_reopening_does_not_reload_master_data(database):
    from otop_desktop.store.master_data import ensure_master_data

    assert ensure_master_data(database) is False


def test_audit_log_is_append_only(world):
    with connect(world.database) as con:
        before = con.execute("SELECT count(*), max(id) FROM audit_log").fetchone()
    assert before[0] > 0
    for change in ("UPDATE audit_log SET new_value = 'x'", "DELETE FROM audit_log"):
        with pytest.raises((sqlite3.IntegrityError, DBAPIError), match="append-only"), connect(world.database) as con:
            con.execute(change)
    with connect(world.database) as con:
        assert con.execute("SELECT count(*), max(id) FROM audit_log").fetchone() == before


def test_a_file_that_is_not_a_database_gets_a_thai_message(tmp_path):
    bad = tmp_path / "otop.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseProblem, match="ไฟล์เสียหาย"):
        open_database(bad)


def _alembic(path, target, direction="upgrade"):
    from alembic import command

    from otop_desktop.store.database import create_engine_for

    config = migration_config()
    engine = create_engine_for(path)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, direction)(config, target)
    engine.dispose()


def test_upgrading_a_0001_file_keeps_its_data_and_the_append_only_log(tmp_path):
    path = tmp_path / "old.db"
    _alembic(path, "0001")
    with sqlite3.connect(path) as con:
        con.execute(
            "INSERT INTO audit_log (at, username, action, entity, entity_key, field) "
            "VALUES ('2025-01-01 00:00:00.000000', 'u', 'save', 'monthly_sale', 'k', 'f')"
        )
    database = open_database(path)  # start-up applies 0002
    database.close()
    assert schema_revision(path) == HEAD
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT username, note FROM audit_log").fetchall() == [("u", None)]
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("DELETE FROM audit_log")
    _alembic(path, "0001", "downgrade")
    _alembic(path, "head")
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("UPDATE audit_log SET username = 'x'")


def test_the_models_and_the_migrations_agree(database):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from otop_desktop.models import Base

    with database.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_upgrading_a_0003_file_full_of_data_keeps_every_row(tmp_path):
    path = tmp_path / "old.db"
    _alembic(path, "0003")
    from otop_desktop.store.master_data import master_rows

    provinces, districts, tambons = master_rows()
    with sqlite3.connect(path) as con:
        con.executemany("INSERT INTO province VALUES (:code, :name_th, :name_en)", provinces)
        con.executemany("INSERT INTO district VALUES (:code, :province_code, :name_th, :name_en)", districts)
        con.executemany("INSERT INTO tambon VALUES (:code, :district_code, :name_th, :name_en, :zip_code)", tambons)
        for number in range(1, 4):
            con.execute(
                "INSERT INTO entrepreneur (id, name, tambon_code, product_type_id, entrepreneur_type_id, main_product,"
                " otop_code, active, created_at) VALUES (?, ?, '340101', "
                "1, 1, '', NULL, 1, '2025-01-01 00:00:00.000000')",
                (number, ("กลุ่ม 1", "เกษตร 2", "แม่บ้าน 3")[number - 1]),
            )
            con.execute(
                "INSERT INTO monthly_sale (entrepreneur_id, fiscal_year, month, domestic_offline, revision, updated_by,"
                " updated_at) VALUES (?, 2568, 1, ?, 1, 'x', '2025-01-01 00:00:00.000000')",
                (number, number * 100),
            )
    open_database(path).close()
    with sqlite3.connect(path) as con:
        uids = [uid for (uid,) in con.execute("SELECT uid FROM entrepreneur ORDER BY id")]
        sales = con.execute(
            "SELECT entrepreneur_id, domestic_offline, origin, source_revision FROM monthly_sale ORDER BY 1"
        ).fetchall()
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert len(set(uids)) == 3 and all(len(uid) == 32 for uid in uids)
    assert sales == [(1, 100, "", 0), (2, 200, "", 0), (3, 300, "", 0)]
    with sqlite3.connect(path) as con:  # 0006 fills the Thai sort key of the names already there
        assert [key.split("\x01")[0] for (key,) in con.execute("SELECT name_key FROM entrepreneur ORDER BY id")] == [
            "กลุม 1",
            "กเษตร 2",
            "มแบาน 3",
        ]


def test_0011_marks_every_month_stale_and_confirms_the_province_files_taken_in(tmp_path):
    path = tmp_path / "old.db"
    _alembic(path, "0010")
    with sqlite3.connect(path) as con:
        con.execute("INSERT INTO province (code, name_th, name_en) VALUES ('34', 'อุบลราชธานี', 'Ubon')")
        con.execute(
            "INSERT INTO district (code, province_code, name_th, name_en) VALUES ('3401', '34', 'เมือง', 'Mueang')"
        )
        con.execute(
            "INSERT INTO tambon (code, district_code, name_th, name_en, "
            "zip_code) VALUES ('340101', '3401', 'ในเมือง', 'Nai', '34000')"
        )
        con.execute(
            "INSERT INTO entrepreneur (id, uid, name, tambon_code, product_type_id, entrepreneur_type_id, main_product,"
            " active, created_at) VALUES (1, 'u1', 'กลุ่ม', '340101', 1, 1, '', 1, '2025-01-01 00:00:00')"
        )
        con.execute(
            "INSERT INTO monthly_sale (entrepreneur_id, fiscal_year, month, domestic_offline, revision, updated_by,"
            " updated_at) VALUES (1, 2569, 8, 500, 1, 'x', '2026-08-30 00:00:00')"
        )
        con.execute(
            "INSERT INTO import_ledger (file_digest, file_name, kind, source_area, fiscal_year, months, imported_by,"
            " imported_at, outcome, summary) VALUES ('d', '34.otop', 'province', '34', 2569, '7,8', 'dept',"
            " '2026-09-06 00:00:00', 'applied', '{}')"
        )
    open_database(path).close()
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT fiscal_year, month FROM summary_stale").fetchall() == [(2569, 8)]
        assert con.execute("SELECT province_code, month, locked FROM province_lock ORDER BY month").fetchall() == [
            ("34", 7, 1),
            ("34", 8, 1),
        ]
        con.execute("UPDATE monthly_sale SET domestic_offline = 600")  # the triggers are in place
        con.execute("DELETE FROM summary_stale")
        con.execute("UPDATE monthly_sale SET domestic_offline = 700")
        assert con.execute("SELECT count(*) FROM summary_stale").fetchone() == (1,)


@pytest.mark.sqlite_only("SQLite's query plan (PostgreSQL plans its own)")
def test_0012_makes_the_period_index_cover_a_years_figures(database):
    with sqlite3.connect(database.path) as con:
        columns = [row[2] for row in con.execute("PRAGMA index_info(ix_monthly_sale_period)")]
        plan = " ".join(
            row[3]
            for row in con.execute(
                "EXPLAIN QUERY PLAN SELECT entrepreneur_id, sum(domestic_offline), sum(export_online) FROM monthly_sale"
                " WHERE fiscal_year = 2569 AND month IN (10, 11, 12) GROUP BY entrepreneur_id"
            )
        )
    assert columns == [
        "fiscal_year",
        "month",
        "entrepreneur_id",
        "domestic_offline",
        "domestic_online",
        "export_offline",
        "export_online",
    ]
    assert "COVERING INDEX ix_monthly_sale_period" in plan


def test_0019_makes_the_audit_logs_time_index_brin_on_a_server(database):
    """The log is written in time order: on PostgreSQL its time index is BRIN (an entry costs it nothing);
    SQLite keeps a B-tree of the time. Alembic's comparison of the models does not look at an index's method."""
    with database.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            method = connection.exec_driver_sql(
                "SELECT am.amname FROM pg_class c JOIN pg_am am ON am.oid = c.relam WHERE c.relname = 'ix_audit_log_at'"
            ).scalar()
            assert method == "brin"
        else:
            assert [row[2] for row in connection.exec_driver_sql("PRAGMA index_info(ix_audit_log_at)")] == ["at"]


def test_0020_compares_the_audit_logs_keys_byte_by_byte_on_a_server(database):
    """On PostgreSQL the audit key's collation is "C", so that the history of a month (the keys that start with
    a prefix) is found through the key's index; SQLite compares bytes already (its default, BINARY)."""
    with database.engine.connect() as connection:
        if connection.dialect.name != "postgresql":
            assert (
                "COLLATE"
                not in connection.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'audit_log'").scalar()
            )
            return
        collation = connection.exec_driver_sql(
            "SELECT collation_name FROM information_schema.columns"
            " WHERE table_name = 'audit_log' AND column_name = 'entity_key'"
        ).scalar()
        assert collation == "C"
        connection.exec_driver_sql("SET enable_seqscan = off")
        plan = "\n".join(
            row[0]
            for row in connection.exec_driver_sql("EXPLAIN SELECT id FROM audit_log WHERE entity_key LIKE '2569/08/%%'")
        )
        assert "ix_audit_log_entity_key" in plan


def test_0021_keeps_every_page_taken_in_before_as_counting(database):
    """The pages kept before their QR codes named the page have no place: each still puts its print on file."""
    from alembic import command

    config = migration_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0020")
        for statement in (
            "INSERT INTO print_record (id, code, form, area_code, fiscal_year, months, digest, figures, printed_by,"
            " printed_at) VALUES (1, 'ABCDEFGHJKLM', 'jt2', '3401', 2569, '8', '', '[]', 'mueang', '2026-09-01')",
            "INSERT INTO evidence_file (id, sha256, name, kind, pages, size, content, received_by, received_at)"
            " VALUES (1, 'x', 'a.jpg', 'jpeg', 1, 1, :content, 'province34', '2026-09-02')",
            "INSERT INTO evidence_page (file_id, page, print_record_id, typed, received_by, received_at)"
            " VALUES (1, 1, 1, false, 'province34', '2026-09-02')",
        ):
            connection.execute(text(statement), {"content": b"x"})
        command.upgrade(config, "head")
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT print_page, print_pages FROM evidence_page")).all() == [(None, None)]
        from otop_desktop.models import EvidencePage

        assert connection.execute(select(func.count()).where(EvidencePage.counts)).scalar() == 1


def test_0022_puts_the_month_first_in_the_sale_entries_kept_and_the_log_stays_append_only(database):
    """An entrepreneur's month kept as '12/2569/08' reads '2569/08/12' after the upgrade, and back after a
    downgrade; other entries' keys (a district's lock, a month's list) are left as they are."""
    from alembic import command

    config = migration_config()
    kept = [
        ("monthly_sale", "12/2569/08"),
        ("monthly_sale", "100432/2570/11"),
        ("district_lock", "3401/2569/08"),
        ("month", "34/2569/08"),
    ]
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0021")
        for entity, key in kept:
            connection.execute(
                text(
                    "INSERT INTO audit_log (at, username, action, entity, entity_key, field)"
                    " VALUES ('2026-09-01 10:00:00', 'mueang', 'save', :entity, :key, 'domestic_offline')"
                ),
                {"entity": entity, "key": key},
            )
        command.upgrade(config, "head")
    keys = "SELECT entity_key FROM audit_log WHERE username = 'mueang' ORDER BY id"
    with database.engine.connect() as connection:
        assert connection.execute(text(keys)).scalars().all() == [
            "2569/08/12",
            "2570/11/100432",
            "3401/2569/08",
            "34/2569/08",
        ]
    for change in ("UPDATE audit_log SET new_value = 'x'", "DELETE FROM audit_log"):
        with pytest.raises((sqlite3.IntegrityError, DBAPIError), match="append-only"), connect(database) as con:
            con.execute(change)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0021")
    with database.engine.connect() as connection:
        assert connection.execute(text(keys)).scalars().all() == [key for _, key in kept]


def _revision(database) -> str:
    with closing(connect(database)) as con:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_an_upgrade_that_finds_the_database_busy_says_so_in_thai_and_changes_nothing(database, monkeypatch):
    """An older copy of the program saving (it holds the write lock) while this one opens the database and must
    upgrade it: refused as busy in Thai after the usual wait, the database left as it was; the next opening,
    once the other is done, upgrades it."""
    from alembic import command

    config = migration_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0018")
    database.close()
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 300)
    with write_lock_held(database), pytest.raises(DatabaseBusy):
        open_database(target(database))
    assert _revision(database) == "0018"
    open_database(target(database)).close()
    assert _revision(database) == HEAD


def _clauses(sql: str | None):
    """A CREATE statement's parts: the columns in their order, the named constraints as a set (a batch migration
    rebuilds a table with its constraints in the order Python's hashing gives, which differs from run to run)."""
    if sql is None:
        return None
    parts = [part.strip() for part in re.split(r",\s*\n", sql.removesuffix("\n)"))]
    return [p for p in parts if not p.startswith("CONSTRAINT")], sorted(p for p in parts if p.startswith("CONSTRAINT"))


def _whole_file(path) -> dict:
    """What a SQLite file holds: its settings, its schema, and every table's rows."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        pragmas = {
            name: con.execute(f"PRAGMA {name}").fetchall()
            for name in (
                "journal_mode",
                "user_version",
                "application_id",
                "page_size",
                "auto_vacuum",
                "encoding",
                "integrity_check",
            )
        }
        schema = sorted(
            (
                (type_, name, table, _clauses(sql))
                for type_, name, table, sql in con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
            ),
            key=repr,
        )
        tables = [name for (type_, name, _, _) in schema if type_ == "table" and not name.startswith("sqlite_")]
        return {
            "pragmas": pragmas,
            "schema": schema,
            "rows": {name: sorted(con.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in tables},
        }


@pytest.mark.sqlite_only("the suite's SQLite template is a file; PostgreSQL clones its template on the server")
def test_the_suites_copied_file_holds_exactly_what_migrating_anew_makes(database, file_template, tmp_path):
    """Tests get a copy of one migrated file (tests/engines.py); it must be a fresh database in all but its age."""
    copied = FILES.fresh(tmp_path / "copied" / "otop.db")
    open_database(copied).close()  # as the fixture opens it
    database.close()  # the migrated-anew database, closed as the template was
    fresh, copy = _whole_file(database.path), _whole_file(copied)
    assert sum(len(rows) for rows in fresh["rows"].values()) > 8_000  # master data loaded
    assert copy == fresh
