"""Setting up an office's PostgreSQL database: created with the collation that sorts text as SQLite does
(byte order, which the names' sort keys are built for), made under an unfinished name and renamed when
complete. services/server_setup.py runs the steps (migrating, the first admin) in order."""

import re
import time
from contextlib import contextmanager

from sqlalchemy.engine import make_url

from otop_desktop.core.errors import InvalidInput

# A database being set up is made under `name` cut to NAME_ROOM, UNFINISHED and 8 hex digits (63 bytes at most),
# and renamed to `name` once it is complete.
UNFINISHED = "_unfinished_"
NAME_ROOM = 40
EXISTS = "มีฐานข้อมูลชื่อ {name} บนเซิร์ฟเวอร์นี้อยู่แล้ว ไม่ได้เปลี่ยนแปลงข้อมูลใด ๆ"


def create_owned_database(admin_url: str, name: str, owner: str | None) -> None:
    """Create database `name` owned by `owner`, each failure worded in Thai."""
    import psycopg

    from otop_desktop.store.database import driver_detail

    try:
        create_server_database(admin_url, name, owner)
    except psycopg.errors.UndefinedObject as error:
        raise InvalidInput(
            f"ไม่พบบทบาท (role) {owner} บนเซิร์ฟเวอร์ กรุณาสร้างก่อนด้วยคำสั่ง createuser --pwprompt {owner}"
        ) from error
    except psycopg.Error as error:
        raise InvalidInput(f"สร้างฐานข้อมูลบนเซิร์ฟเวอร์ไม่ได้: {driver_detail(error)}") from error


def rename_database(admin_url: str, unfinished: str, name: str) -> None:
    """The finished database takes its name, in one step; its last connections may take a moment to end."""
    import psycopg
    from psycopg import sql

    with _admin_connection(admin_url) as con:
        for attempt in range(50):
            try:
                con.execute(
                    sql.SQL("ALTER DATABASE {} RENAME TO {}").format(sql.Identifier(unfinished), sql.Identifier(name))
                )
                return
            except psycopg.errors.ObjectInUse:
                if attempt == 49:
                    raise
                time.sleep(0.1)
            except psycopg.errors.DuplicateDatabase as error:  # made meanwhile by someone else: theirs stays
                raise InvalidInput(EXISTS.format(name=name)) from error


def clear_unfinished(admin_url: str, name: str) -> list[str]:
    """Drop what setups of `name` killed before they finished left behind (nobody connected); returns them."""
    import psycopg
    from psycopg import sql

    pattern = re.compile(re.escape(name[:NAME_ROOM] + UNFINISHED) + "[0-9a-f]{8}")
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


def database_exists(admin_url: str, name: str) -> bool:
    """Whether the server holds a database called `name`."""
    with _admin_connection(admin_url) as con:
        return con.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def _admin_connection(admin_url: str):
    import psycopg

    from otop_desktop.store.database import server_problem

    try:
        return psycopg.connect(
            make_url(admin_url).set(drivername="postgresql").render_as_string(hide_password=False),
            autocommit=True,
            connect_timeout=10,
        )
    except psycopg.OperationalError as error:  # why, in Thai (the driver's English words behind the detail)
        raise server_problem(error, admin_url) from error


@contextmanager
def _admin(admin_url: str, connection):
    """`connection` where one is given (left open), else a new admin connection, closed after."""
    if connection is not None:
        yield connection
        return
    with _admin_connection(admin_url) as con:
        yield con


def check_name(name: str) -> None:
    """Refuse, in Thai, a database name PostgreSQL would change or cut short."""
    if not name.replace("_", "").isalnum() or not name.isascii():
        raise InvalidInput("ชื่อฐานข้อมูลใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข และ _")
    if len(name) > 63:  # PostgreSQL would cut it short, and the office's PCs would look for the long name
        raise InvalidInput("ชื่อฐานข้อมูลยาวได้ไม่เกิน 63 ตัวอักษร")


def create_server_database(
    admin_url: str,
    name: str,
    owner: str | None = None,
    template: str | None = None,
    strategy: str | None = None,
    connection=None,
) -> str:
    """Create database `name` on the server that `admin_url` reaches (a role allowed to create databases), in
    UTF-8 with C collation, owned by `owner`; returns its URL (same host and user as `admin_url`). With
    `template`, a copy of that database (which nobody may be connected to); `strategy` (PostgreSQL 15 and newer:
    "FILE_COPY" or "WAL_LOG") how the server copies it, else the server's default. `connection`: an open admin
    connection to the same server, used instead of a new one (the tests make a database for each test)."""
    from psycopg import sql

    check_name(name)
    if strategy not in (None, "FILE_COPY", "WAL_LOG"):
        raise ValueError(f"not a strategy of CREATE DATABASE: {strategy!r}")
    admin = make_url(admin_url)
    with _admin(admin_url, connection) as con:
        con.execute(
            sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'{} TEMPLATE {}{}").format(
                sql.Identifier(name),
                sql.SQL(f" STRATEGY {strategy}" if strategy else ""),
                sql.Identifier(template or "template0"),
                sql.SQL(" OWNER {}").format(sql.Identifier(owner)) if owner else sql.SQL(""),
            )
        )
    return admin.set(database=name).render_as_string(hide_password=False)


def drop_server_database(admin_url: str, name: str, connection=None) -> None:
    """Drop database `name`, closing whatever connections it still has (tests); `connection` as in
    create_server_database."""
    from psycopg import sql

    with _admin(admin_url, connection) as con:
        con.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
