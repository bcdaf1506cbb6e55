"""Setting an office up on its server: one command makes the database and the first admin, a PC keeps its
choice of database (never a password), a server that asks for a password gets it typed, and the demo
builds there as on a file."""

import os
import signal
import subprocess
import sys
import uuid

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import make_url

from otop_desktop.cli import main
from otop_desktop.core.errors import InvalidInput, PasswordNeeded
from otop_desktop.demo import build_demo
from otop_desktop.paths import CONNECTION_FILE, database_target, save_database_url, saved_database_url
from otop_desktop.store.database import open_database
from otop_desktop.store.server import UNFINISHED, drop_server_database
from tests.conftest import PASSWORD
from tests.engines import admin_url, connect, execute, rows


@pytest.fixture
def new_name():
    """A database name nobody has yet, dropped afterwards whatever the test made (also what a killed setup left)."""
    admin = admin_url()
    name = f"otop_setup_{uuid.uuid4().hex[:10]}"
    yield admin, name
    drop_server_database(admin, name)
    for left in databases_like(admin, name + UNFINISHED):
        drop_server_database(admin, left)


def databases_like(admin: str, prefix: str) -> list[str]:
    with psycopg.connect(admin) as con:
        return [
            name for (name,) in con.execute("SELECT datname FROM pg_database WHERE starts_with(datname, %s)", (prefix,))
        ]


def test_one_command_makes_the_database_and_its_first_admin(new_name, monkeypatch, capsys, tmp_path):
    admin, name = new_name
    monkeypatch.setenv("OTOP_NEW_PASSWORD", PASSWORD)
    assert (
        main(["server-setup", "--admin-url", admin, "--name", name, "--area", "34", "--display-name", "นายทดสอบ ระบบ"])
        == 0
    )
    out = capsys.readouterr().out
    url = out.split("--database-url ", 1)[1].split()[0]
    assert make_url(url).database == name and ":" not in (make_url(url).username or "")
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    assert main(["--database-url", url, "user", "list", "--as", "admin"]) == 0
    assert "นายทดสอบ ระบบ" in next(line for line in capsys.readouterr().out.splitlines() if line.startswith("admin "))
    assert main(["server-setup", "--admin-url", admin, "--name", name, "--area", "34"]) == 2
    assert f"มีฐานข้อมูลชื่อ {name} บนเซิร์ฟเวอร์นี้อยู่แล้ว" in capsys.readouterr().err


def test_the_tables_belong_to_the_programs_own_role(new_name, monkeypatch, capsys):
    admin, name = new_name
    role = f"otop_owner_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
    try:
        monkeypatch.setenv("OTOP_NEW_PASSWORD", PASSWORD)
        assert main(["server-setup", "--admin-url", admin, "--name", name, "--owner", role, "--area", "34"]) == 0
        printed = make_url(capsys.readouterr().out.split("--database-url ", 1)[1].split()[0])
        assert (printed.username, printed.database, printed.port) == (role, name, make_url(admin).port)
        with psycopg.connect(make_url(admin).set(database=name).render_as_string(hide_password=False)) as con:
            owners = {
                owner
                for (owner,) in con.execute("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
            }
            database_owner = con.execute(
                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = %s", (name,)
            ).fetchone()
        assert owners == {role} and database_owner == (role,)
    finally:
        drop_server_database(admin, name)
        with psycopg.connect(admin, autocommit=True) as con:
            con.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


def test_a_password_too_short_leaves_no_half_made_database(new_name, monkeypatch, capsys):
    admin, name = new_name
    monkeypatch.setenv("OTOP_NEW_PASSWORD", "1")
    assert main(["server-setup", "--admin-url", admin, "--name", name, "--area", "34"]) == 2
    assert "Traceback" not in capsys.readouterr().err
    with psycopg.connect(admin) as con:
        assert con.execute("SELECT count(*) FROM pg_database WHERE datname = %s", (name,)).fetchone() == (0,)


def test_a_pc_keeps_its_choice_of_server_and_the_command_line_takes_it(server_world, tmp_path, monkeypatch, capsys):
    assert saved_database_url(tmp_path) is None and database_target(tmp_path) == tmp_path.resolve() / "otop.db"
    save_database_url(server_world.database.url, tmp_path)
    assert database_target(tmp_path) == server_world.database.url
    assert PASSWORD not in (tmp_path / CONNECTION_FILE).read_text()
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    assert main(["--data-dir", str(tmp_path), "locks", "--user", "prov", "--year", "2569", "--month", "8"]) == 0
    assert "อำเภอ" in capsys.readouterr().out and not (tmp_path / "otop.db").exists()
    with pytest.raises(InvalidInput, match="อย่าใส่รหัสผ่าน"):
        save_database_url("postgresql://otop:secret@server/otop", tmp_path)
    save_database_url(None, tmp_path)
    assert database_target(tmp_path) == tmp_path.resolve() / "otop.db"


@pytest.fixture
def role_with_password(server_url):
    """A role that logs in over TCP with a password (Debian's pg_hba asks one of 127.0.0.1)."""
    role, secret = f"otop_pw_{uuid.uuid4().hex[:8]}", f"pw-{uuid.uuid4().hex}"
    database = make_url(server_url).database
    with psycopg.connect(admin_url(), autocommit=True) as con:
        con.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(role), sql.Literal(secret)))
        con.execute(
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database), sql.Identifier(role))
        )
    with psycopg.connect(server_url, autocommit=True) as con:
        con.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}").format(sql.Identifier(role)))
    port = make_url(server_url).port or 5432  # the tests' server, wherever $OTOP_TEST_POSTGRES puts it
    yield f"postgresql://{role}@127.0.0.1:{port}/{database}", secret
    with psycopg.connect(server_url, autocommit=True) as con:  # its grants go, then the role
        con.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
        con.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


def test_a_server_that_asks_for_a_password_gets_it_typed_and_a_wrong_one_is_said(role_with_password, monkeypatch):
    url, secret = role_with_password
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/.pgpass")
    with pytest.raises(PasswordNeeded, match="ต้องการรหัสผ่าน"):
        open_database(url)
    with pytest.raises(PasswordNeeded, match="รหัสผ่านที่ให้มาไม่ถูกต้อง"):
        open_database(url, "wrong")
    database = open_database(url, secret)
    assert rows(database, "SELECT count(*) FROM province") == [(77,)]
    database.close()


def test_the_demo_builds_on_a_server_as_on_a_file(server_url, tmp_path, capsys):
    on_file = build_demo(tmp_path / "otop.db")
    assert main(["--database-url", server_url, "demo"]) == 0
    assert "สร้างฐานข้อมูลตัวอย่างแล้ว: postgresql" in capsys.readouterr().out
    database = open_database(server_url)
    try:
        per_year = (
            "SELECT fiscal_year, sum(coalesce(domestic_offline, 0) + coalesce(domestic_online, 0)"
            " + coalesce(export_offline, 0) + coalesce(export_online, 0)) FROM monthly_sale GROUP BY 1 ORDER BY 1"
        )
        on_server = [(year, int(total)) for year, total in rows(database, per_year)]
        with connect(on_file.path) as con:
            assert on_server == con.execute(per_year).fetchall()
        assert on_server == sorted(on_file.total_satang_by_year.items())
    finally:
        database.close()
    assert main(["--database-url", server_url, "demo"]) == 2  # a server's data is never overwritten
    assert "มีผู้ใช้งานแล้ว" in capsys.readouterr().err


# Where a setup is killed (SIGKILL: no cleanup runs): right after each step has finished.
KILLED_AFTER = {
    "the database was made": ("otop_desktop.store.server", "create_server_database"),
    "the tables were made": ("otop_desktop.store.database", "upgrade_schema"),
    "the master data loaded": ("otop_desktop.store.master_data", "ensure_master_data"),
    "the first admin was made": ("otop_desktop.services.auth", "create_first_admin"),
}
KILLING_SETUP = """
import importlib, os, signal, sys
module = importlib.import_module(sys.argv[1])
step = getattr(module, sys.argv[2])
def then_killed(*args, **kwargs):
    step(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)
setattr(module, sys.argv[2], then_killed)
from otop_desktop.cli import main
sys.exit(main(sys.argv[3:]))
"""


@pytest.mark.parametrize("step", KILLED_AFTER.values(), ids=KILLED_AFTER.keys())
def test_a_setup_killed_midway_leaves_no_half_made_database_and_a_rerun_finishes(step, new_name, monkeypatch, capsys):
    admin, name = new_name
    command = ["server-setup", "--admin-url", admin, "--name", name, "--area", "34"]
    monkeypatch.setenv("OTOP_NEW_PASSWORD", PASSWORD)
    killed = subprocess.run(
        [sys.executable, "-c", KILLING_SETUP, *step, *command],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert databases_like(admin, name) != [name]  # what it left is not under the office's name
    assert main(command) == 0
    assert databases_like(admin, name) == [name]  # and the rerun cleared it
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    url = capsys.readouterr().out.split("--database-url ", 1)[1].split()[0]
    assert main(["--database-url", url, "user", "list", "--as", "admin"]) == 0
    database = open_database(url)
    try:
        assert rows(database, "SELECT count(*) FROM province") == [(77,)]
    finally:
        database.close()


def test_a_rerun_over_an_offices_database_still_refuses_and_changes_nothing(new_name, monkeypatch, capsys):
    admin, name = new_name
    monkeypatch.setenv("OTOP_NEW_PASSWORD", PASSWORD)
    command = ["server-setup", "--admin-url", admin, "--name", name, "--area", "34"]
    assert main(command) == 0
    url = capsys.readouterr().out.split("--database-url ", 1)[1].split()[0]
    database = open_database(url)
    try:
        execute(database, "INSERT INTO setting (key, value) VALUES ('office', 'ours')")
        before = rows(database, "SELECT username, password_hash FROM app_user ORDER BY 1")
        monkeypatch.setenv("OTOP_NEW_PASSWORD", "another-password")
        assert main([*command[:-1], "10", "--admin", "someone"]) == 2
        assert "อยู่แล้ว" in capsys.readouterr().err
        assert rows(database, "SELECT username, password_hash FROM app_user ORDER BY 1") == before
        assert rows(database, "SELECT value FROM setting WHERE key = 'office'") == [("ours",)]
        assert databases_like(admin, name) == [name]
    finally:
        database.close()


@pytest.mark.parametrize(
    "command",
    [
        ["server-setup", "--admin-url", "postgresql://otop@127.0.0.1:1/postgres", "--area", "34"],
        ["--database-url", "postgresql://otop@127.0.0.1:1/otop", "user", "list", "--as", "admin"],
    ],
    ids=["server-setup", "a command"],
)
def test_a_server_out_of_reach_is_one_thai_line(command, monkeypatch, capsys):
    monkeypatch.setenv("OTOP_NEW_PASSWORD", PASSWORD)
    assert main(command) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and said.startswith("ข้อผิดพลาด: เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล")


def test_server_setup_reaches_the_server_before_asking_for_the_first_admins_password(monkeypatch, capsys):
    """A server out of reach (or a wrong password for it) is said, in Thai with its reason, before the officer types
    the new admin's password: it was asked first, and only the driver's English words came after."""
    from otop_desktop.commands import setup

    monkeypatch.delenv("OTOP_NEW_PASSWORD", raising=False)
    monkeypatch.setattr(setup, "password_from", lambda *a, **k: pytest.fail("the password was asked first"))
    assert main(["server-setup", "--admin-url", "postgresql://otop@127.0.0.1:1/postgres", "--area", "34"]) == 2
    said = capsys.readouterr().err
    assert said.startswith("ข้อผิดพลาด: เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล") and "เครื่อง 127.0.0.1 ไม่รับการเชื่อมต่อที่พอร์ต 1" in said
