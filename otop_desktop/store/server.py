"""Setting up an office's PostgreSQL database: created with the collation that sorts text as SQLite does
(byte order, which the names' sort keys are built for), then migrated like any database."""

from sqlalchemy.engine import make_url

from otop_desktop.services.errors import InvalidInput


def create_server_database(admin_url: str, name: str, owner: str | None = None) -> str:
    """Create database `name` on the server that `admin_url` reaches (a role allowed to create databases), in
    UTF-8 with C collation, owned by `owner`; returns its URL (same host and user as `admin_url`)."""
    import psycopg
    from psycopg import sql

    if not name.replace("_", "").isalnum() or not name.isascii():
        raise InvalidInput("ชื่อฐานข้อมูลใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข และ _")
    admin = make_url(admin_url)
    with psycopg.connect(admin.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True) as con:
        con.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' TEMPLATE template0{}").format(
            sql.Identifier(name), sql.SQL(" OWNER {}").format(sql.Identifier(owner)) if owner else sql.SQL("")))
    return admin.set(database=name).render_as_string(hide_password=False)


def drop_server_database(admin_url: str, name: str) -> None:
    """Drop database `name`, closing whatever connections it still has (tests)."""
    import psycopg
    from psycopg import sql

    admin = make_url(admin_url)
    with psycopg.connect(admin.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True) as con:
        con.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
