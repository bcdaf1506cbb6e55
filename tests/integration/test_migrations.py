"""The schema comes from Alembic migrations; master data loads once with official codes."""

import sqlite3

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from otop_desktop.migrations import HEAD
from otop_desktop.services import database as database_module
from otop_desktop.services.database import open_database, schema_revision
from otop_desktop.services.errors import DatabaseProblem


def test_head_constant_matches_the_migration_scripts():
    config = Config()
    config.set_main_option("script_location", str(database_module.Path(database_module.__file__).parent.parent / "migrations"))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_new_file_is_migrated_in_wal_mode(database):
    assert schema_revision(database.path) == HEAD
    with sqlite3.connect(database.path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"province", "district", "tambon", "product_type", "entrepreneur_type", "entrepreneur",
            "monthly_sale", "app_user", "audit_log", "setting"} <= tables


def test_master_data_has_official_codes(database):
    with sqlite3.connect(database.path) as con:
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
    from otop_desktop.services.master_data import ensure_master_data

    assert ensure_master_data(database) is False


def test_audit_log_is_append_only(world):
    with sqlite3.connect(world.path) as con:
        assert con.execute("SELECT count(*) FROM audit_log").fetchone()[0] > 0
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("UPDATE audit_log SET new_value = 'x'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("DELETE FROM audit_log")


def test_a_file_that_is_not_a_database_gets_a_thai_message(tmp_path):
    bad = tmp_path / "otop.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseProblem, match="ไฟล์เสียหาย"):
        open_database(bad)
