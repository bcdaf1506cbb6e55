"""Setting up an office's PostgreSQL database: created with the collation that sorts text as SQLite does
(byte order, which the names' sort keys are built for), then migrated like any database."""

import re
import time
import uuid

from sqlalchemy.engine import make_url

from otop_desktop.services.errors import InvalidInput

# A database being set up is made under `name` cut to _NAME_ROOM, UNFINISHED and 8 hex digits (63 bytes at most),
# and renamed to `name` once it is complete.
UNFINISHED = "_unfinished_"
_NAME_ROOM = 40
_EXISTS = "มีฐานข้อมูลชื่อ {name} บนเซิร์ฟเวอร์นี้อยู่แล้ว ไม่ได้เปลี่ยนแปลงข้อมูลใด ๆ"


def set_up_server(admin_url: str, name: str, *, owner: str | None, admin: str, password: str, area_code: str,
                  display_name: str = "") -> str:
    """An office's database, ready: made on the server (as `admin_url`'s role) under an unfinished name, its
    tables made as the program's own role `owner` (SET ROLE: they are that role's), the master data loaded,
    the first admin created, and only then renamed to `name`. Returns the URL the office's PCs connect with.
    Whatever fails, even a kill, no half-made database stands under `name`, and a rerun clears what was left."""
    server = make_url(admin_url)
    owner = owner or server.username
    _check_name(name)
    if _database_exists(admin_url, name):
        raise InvalidInput(_EXISTS.format(name=name))
    clear_unfinished(admin_url, name)
    unfinished = f"{name[:_NAME_ROOM]}{UNFINISHED}{uuid.uuid4().hex[:8]}"
    _create_as_setup(admin_url, unfinished, owner)
    try:
        _fill(server.set(database=unfinished).render_as_string(hide_password=False),
              owner if owner != server.username else None, username=admin, password=password, area_code=area_code,
              display_name=display_name)
        _rename(admin_url, unfinished, name)
    except BaseException:
        drop_server_database(admin_url, unfinished)
        raise
    return server.set(username=owner, database=name).render_as_string(hide_password=True)


def _create_as_setup(admin_url: str, name: str, owner: str | None) -> None:
    import psycopg

    from otop_desktop.store.database import driver_detail

    try:
        create_server_database(admin_url, name, owner)
    except psycopg.errors.UndefinedObject as error:
        raise InvalidInput(f"ไม่พบบทบาท (role) {owner} บนเซิร์ฟเวอร์ กรุณาสร้างก่อนด้วยคำสั่ง createuser --pwprompt {owner}") from error
    except psycopg.Error as error:
        raise InvalidInput(f"สร้างฐานข้อมูลบนเซิร์ฟเวอร์ไม่ได้: {driver_detail(error)}") from error


def _fill(url: str, role: str | None, **first_admin) -> None:
    """Migrate the new database, load the master data and create the first admin (as `role`)."""
    from otop_desktop.services import auth
    from otop_desktop.store.database import open_server

    database = open_server(url, role=role)
    try:
        with database.unit_of_work() as uow:
            auth.create_first_admin(uow=uow, **first_admin)  # it commits
    finally:
        database.close()


def _rename(admin_url: str, unfinished: str, name: str) -> None:
    """The finished database takes its name, in one step; its last connections may take a moment to end."""
    import psycopg
    from psycopg import sql

    with _admin_connection(admin_url) as con:
        for attempt in range(50):
            try:
                con.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(sql.Identifier(unfinished), sql.Identifier(name)))
                return
            except psycopg.errors.ObjectInUse:
                if attempt == 49:
                    raise
                time.sleep(0.1)
            except psycopg.errors.DuplicateDatabase as error:  # made meanwhile by someone else: theirs stays
                raise InvalidInput(_EXISTS.format(name=name)) from error


def clear_unfinished(admin_url: str, name: str) -> list[str]:
    """Drop what setups of `name` killed before they finished left behind (nobody connected); returns them."""
    import psycopg
    from psycopg import sql

    pattern = re.compile(re.escape(name[:_NAME_ROOM] + UNFINISHED) + "[0-9a-f]{8}")
    cleared = []
    with _admin_connection(admin_url) as con:
        for (found,) in con.execute("SELECT datname FROM pg_database").fetchall():
            if pattern.fullmatch(found):
                try:
                    con.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(found)))
                    cleared.append(found)
                except psycopg.errors.ObjectInUse:  # a setup still running
                    pass
    return cleared


def _database_exists(admin_url: str, name: str) -> bool:
    with _admin_connection(admin_url) as con:
        return con.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def _admin_connection(admin_url: str):
    import psycopg

    from otop_desktop.store.database import driver_detail

    try:
        return psycopg.connect(make_url(admin_url).set(drivername="postgresql").render_as_string(hide_password=False),
                               autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as error:
        raise InvalidInput(f"เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูลไม่ได้: {driver_detail(error)}") from error


def _check_name(name: str) -> None:
    if not name.replace("_", "").isalnum() or not name.isascii():
        raise InvalidInput("ชื่อฐานข้อมูลใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข และ _")
    if len(name) > 63:  # PostgreSQL would cut it short, and the office's PCs would look for the long name
        raise InvalidInput("ชื่อฐานข้อมูลยาวได้ไม่เกิน 63 ตัวอักษร")


def create_server_database(admin_url: str, name: str, owner: str | None = None, template: str | None = None) -> str:
    """Create database `name` on the server that `admin_url` reaches (a role allowed to create databases), in
    UTF-8 with C collation, owned by `owner`; returns its URL (same host and user as `admin_url`). With
    `template`, a copy of that database (which nobody may be connected to)."""
    from psycopg import sql

    _check_name(name)
    admin = make_url(admin_url)
    with _admin_connection(admin_url) as con:
        con.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' TEMPLATE {}{}").format(
            sql.Identifier(name), sql.Identifier(template or "template0"),
            sql.SQL(" OWNER {}").format(sql.Identifier(owner)) if owner else sql.SQL("")))
    return admin.set(database=name).render_as_string(hide_password=False)


def drop_server_database(admin_url: str, name: str) -> None:
    """Drop database `name`, closing whatever connections it still has (tests)."""
    import psycopg
    from psycopg import sql

    admin = make_url(admin_url)
    with psycopg.connect(admin.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True) as con:
        con.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
