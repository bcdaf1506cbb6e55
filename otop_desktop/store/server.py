"""Setting up an office's PostgreSQL database: created with the collation that sorts text as SQLite does
(byte order, which the names' sort keys are built for), then migrated like any database."""

from sqlalchemy.engine import make_url

from otop_desktop.services.errors import InvalidInput


def set_up_server(admin_url: str, name: str, *, owner: str | None, admin: str, password: str, area_code: str,
                  display_name: str = "") -> str:
    """An office's database, ready: created on the server (as `admin_url`'s role), its tables made as the
    program's own role `owner` (SET ROLE: they are that role's), the master data loaded, and the first
    admin created. Returns the URL the office's PCs connect with. Whatever fails, no half-made database stays."""
    import psycopg

    from otop_desktop.services import auth
    from otop_desktop.store.database import open_server

    server = make_url(admin_url)
    owner = owner or server.username
    try:
        create_server_database(admin_url, name, owner)
    except psycopg.errors.DuplicateDatabase as error:
        raise InvalidInput(f"มีฐานข้อมูลชื่อ {name} บนเซิร์ฟเวอร์นี้อยู่แล้ว ไม่ได้เปลี่ยนแปลงข้อมูลใด ๆ") from error
    except psycopg.errors.UndefinedObject as error:
        raise InvalidInput(f"ไม่พบบทบาท (role) {owner} บนเซิร์ฟเวอร์ กรุณาสร้างก่อนด้วยคำสั่ง createuser --pwprompt {owner}") from error
    except psycopg.Error as error:
        raise InvalidInput(f"สร้างฐานข้อมูลบนเซิร์ฟเวอร์ไม่ได้: {str(error).strip()[:300]}") from error
    url = server.set(username=owner, database=name).render_as_string(hide_password=True)
    try:
        as_admin = server.set(database=name).render_as_string(hide_password=False)
        database = open_server(as_admin, role=owner if owner != server.username else None)
        try:
            with database.unit_of_work() as uow:
                auth.create_first_admin(uow=uow, username=admin, password=password, area_code=area_code,
                                        display_name=display_name)  # it commits
        finally:
            database.close()
    except BaseException:
        drop_server_database(admin_url, name)
        raise
    return url


def create_server_database(admin_url: str, name: str, owner: str | None = None, template: str | None = None) -> str:
    """Create database `name` on the server that `admin_url` reaches (a role allowed to create databases), in
    UTF-8 with C collation, owned by `owner`; returns its URL (same host and user as `admin_url`). With
    `template`, a copy of that database (which nobody may be connected to)."""
    import psycopg
    from psycopg import sql

    if not name.replace("_", "").isalnum() or not name.isascii():
        raise InvalidInput("ชื่อฐานข้อมูลใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข และ _")
    admin = make_url(admin_url)
    with psycopg.connect(admin.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True) as con:
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
