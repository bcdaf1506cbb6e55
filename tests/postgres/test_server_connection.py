"""The office's server as it misbehaves: another application's database is refused untouched, a server that
stops answering ends the action with a Thai message within the timeout, and one that closes the connection
(a restart) is said in Thai and the next try works."""

import os
import signal
import time
import uuid

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from otop_desktop.cli import main
from otop_desktop.core.errors import ConnectionLost, ForeignDatabase, ServerNotAnswering
from otop_desktop.store import database as database_module
from otop_desktop.store.database import open_database
from otop_desktop.store.server import create_server_database, drop_server_database
from tests.engines import admin_url


@pytest.fixture
def other_apps_database():
    """A database of another application on the same server: a table of its own, with a row."""
    admin, name = admin_url(), f"other_app_{uuid.uuid4().hex[:10]}"
    url = create_server_database(admin, name)
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE SCHEMA billing")
        con.execute("CREATE TABLE billing.invoice (id serial PRIMARY KEY, total numeric)")
        con.execute("INSERT INTO billing.invoice (total) VALUES (100)")
    yield url
    drop_server_database(admin, name)


def server_tables(url: str) -> list[tuple]:
    with psycopg.connect(url) as con:
        return con.execute(
            "SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN"
            " ('pg_catalog', 'information_schema') ORDER BY 1, 2"
        ).fetchall()


def test_another_applications_database_is_refused_and_nothing_is_created_in_it(other_apps_database, capsys):
    with pytest.raises(ForeignDatabase, match="โปรแกรมอื่น"):
        open_database(other_apps_database)
    assert main(["--database-url", other_apps_database, "user", "list", "--as", "admin"]) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and make_url(other_apps_database).database in said
    assert server_tables(other_apps_database) == [("billing", "invoice")]


@pytest.fixture
def quick_timeout(monkeypatch):
    """A one-second statement limit, so a test of a server that stops answering is quick."""
    monkeypatch.setattr(database_module, "SERVER_TIMEOUT_S", 1.0)


def backend(uow) -> int:
    """The server process serving this unit of work's connection."""
    return uow.session.execute(text("SELECT pg_backend_pid()")).scalar()


def works(database) -> bool:
    """Whether a fresh unit of work reads the database."""
    with database.unit_of_work() as uow:
        return uow.session.execute(text("SELECT count(*) FROM province")).scalar() == 77


def test_a_server_that_freezes_mid_action_ends_it_in_thai_and_the_next_try_works(server_url, quick_timeout):
    database = open_database(server_url)
    try:
        # the watchdog's limit, half as long again as the server's (which a frozen server never applies): what the
        # officer waited, where it said the server's limit (60 s after a wait of 90 to 110)
        with pytest.raises(ServerNotAnswering, match="ไม่ตอบสนองภายใน 1.5 วินาที"):
            with database.unit_of_work() as uow:
                frozen = backend(uow)
                os.kill(frozen, signal.SIGSTOP)  # the server process stops, its machine still answers TCP
                try:
                    began = time.monotonic()
                    uow.session.execute(text("SELECT count(*) FROM entrepreneur"))
                finally:
                    waited = time.monotonic() - began
                    os.kill(frozen, signal.SIGCONT)
        assert 1.5 <= waited < 5.0
        assert works(database)
    finally:
        database.close()


def test_a_statement_past_the_servers_limit_is_ended_in_thai(server_url, quick_timeout):
    database = open_database(server_url)
    try:
        with pytest.raises(ServerNotAnswering, match="ไม่ตอบสนองภายใน 1 วินาที"):  # the server's own limit
            with database.unit_of_work() as uow:
                uow.session.execute(text("SELECT pg_sleep(30)"))
        assert works(database)
    finally:
        database.close()


def test_a_connection_the_server_closes_is_said_in_thai_and_the_next_try_works(server_url):
    database = open_database(server_url)
    try:
        with pytest.raises(ConnectionLost, match="ลองใหม่"):
            with database.unit_of_work() as uow:
                with psycopg.connect(admin_url(), autocommit=True) as admin:  # as a restart does
                    admin.execute("SELECT pg_terminate_backend(%s)", (backend(uow),))
                uow.session.execute(text("SELECT count(*) FROM entrepreneur"))
        assert works(database)
        with psycopg.connect(admin_url(), autocommit=True) as admin:  # between actions: the pool reconnects by itself
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (make_url(server_url).database,),
            )
        assert works(database)
    finally:
        database.close()


def test_a_server_gone_when_an_action_connects_is_said_in_thai_with_nothing_done(server_url):
    """The server stopped while a PC had its window open: the next action connects afresh, fails, and says so in
    Thai, that nothing was done and the screen's figures are still there (it was the generic unexpected error,
    with the driver's English traceback). Here the office's server as the PC knew it moves to a closed port."""
    from otop_desktop.core.errors import DatabaseProblem
    from otop_desktop.services import entry
    from otop_desktop.services.office import Office
    from otop_desktop.store.database import Database, create_server_engine
    from tests.loopback import CLOSED_PORT

    gone = make_url(server_url).set(host="127.0.0.1", port=CLOSED_PORT).render_as_string(hide_password=False)
    database = Database(None, create_server_engine(gone), gone)
    try:
        with pytest.raises(DatabaseProblem) as refused:
            Office(database).query(entry.list_fiscal_years, today_fiscal_year=2570)
        said = refused.value.message
        assert f"ไม่รับการเชื่อมต่อที่พอร์ต {CLOSED_PORT}" in said and "ยังไม่ได้ทำรายการใด ๆ" in said
        assert "Connection refused" in refused.value.detail  # the driver's words, behind แสดงรายละเอียด
    finally:
        database.close()


def test_server_connections_keep_alive_and_carry_the_statement_limit(server_url, quick_timeout):
    database = open_database(server_url)
    try:
        with database.unit_of_work() as uow:
            assert uow.session.execute(text("SHOW statement_timeout")).scalar() == "1s"
            assert uow.session.connection().connection.dbapi_connection.info.get_parameters().get("keepalives") == "1"
    finally:
        database.close()


def test_a_connection_lost_at_commit_says_the_save_may_or_may_not_have_happened(server_url):
    database = open_database(server_url)
    try:
        with pytest.raises(ConnectionLost, match="ไม่ทราบว่าเซิร์ฟเวอร์บันทึก"):
            with database.unit_of_work() as uow:
                uow.session.execute(text("INSERT INTO setting (key, value) VALUES ('probe', 'x')"))
                with psycopg.connect(admin_url(), autocommit=True) as admin:
                    admin.execute("SELECT pg_terminate_backend(%s)", (backend(uow),))
                uow.commit()
        with database.unit_of_work() as uow:  # here the server had not committed it
            assert uow.session.execute(text("SELECT count(*) FROM setting WHERE key = 'probe'")).scalar() == 0
    finally:
        database.close()


def test_a_database_the_programs_role_may_not_build_in_is_said_in_thai_and_left_as_it_was():
    """The PC pointed at the server's own database (postgres), or at one made by hand, where the program's role may
    not create tables: said in Thai, with how the office's database is made (it was the driver's English
    traceback, "permission denied for schema public")."""
    from otop_desktop.core.errors import DatabaseProblem

    suffix = uuid.uuid4().hex[:8]
    name, role = f"otop_norights_{suffix}", f"otop_nr_{suffix}"
    with psycopg.connect(admin_url(), autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'pw-{suffix}'")
        admin.execute(f"CREATE DATABASE {name}")  # the admin's: on PostgreSQL 15 others may not create in public
    url = make_url(admin_url()).set(database=name, username=role, host="127.0.0.1").render_as_string()
    try:
        with pytest.raises(DatabaseProblem, match="ไม่มีสิทธิ์สร้างหรือแก้ตารางของโปรแกรม") as refused:
            open_database(url, password=f"pw-{suffix}", create=True)  # as server-setup or the demo would
        assert "permission denied" in refused.value.detail
        with psycopg.connect(make_url(admin_url()).set(database=name).render_as_string(), autocommit=True) as look:
            assert look.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0
    finally:
        drop_server_database(admin_url(), name)
        with psycopg.connect(admin_url(), autocommit=True) as admin:
            admin.execute(f"DROP ROLE {role}")


def test_an_empty_database_is_set_up_by_server_setup_alone_not_by_any_command_pointed_at_it(capsys):
    """Any command pointed at an empty server database (a mistyped name, the server's own "postgres") filled it
    with the program's thirty tables and the country's tambons, then said the login was wrong: an empty database
    is left as it is, said in Thai with what to check; server-setup and the demo set one up."""
    from otop_desktop.cli import main
    from otop_desktop.core.errors import DatabaseProblem

    name = f"otop_empty_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    url = make_url(admin_url()).set(database=name).render_as_string(hide_password=False)
    try:
        with pytest.raises(DatabaseProblem, match="บนเซิร์ฟเวอร์ยังว่าง"):
            open_database(url)
        code = main(["--database-url", url, "locks", "--user", "nobody", "--year", "2569", "--month", "8"])
        err = capsys.readouterr().err
        assert code == 2 and "ยังว่าง" in err and "server-setup" in err and "Traceback" not in err
        with psycopg.connect(url, autocommit=True) as look:
            assert look.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0
        open_database(url, create=True).close()
        open_database(url).close()  # set up: opened as any office's
    finally:
        drop_server_database(admin_url(), name)
