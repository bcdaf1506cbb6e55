"""Whose database this is, decided before anything is written to it: empty (ours to set up), ours at a
revision this program knows (migrated), ours from a newer version of the program, or another application's.
The last two are refused: migrating would fail half-way, or fill someone else's database with our tables."""

import sqlite3
from contextlib import closing
from pathlib import Path

from otop_desktop.core.errors import DatabaseProblem, ForeignDatabase, NewerDatabase

# Tables every version of the schema has had: with an Alembic revision we do not know, they say the database
# is ours from a newer version rather than another program's that also uses Alembic.
OUR_TABLES = frozenset({"province", "district", "tambon", "entrepreneur", "monthly_sale", "app_user"})
MIGRATIONS = Path(__file__).parent.parent / "migrations"

_SERVER_TABLES = (
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')"
    " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%%'"
)  # %% : psycopg's placeholders


# SQLite's failures of the disk rather than of the data (its primary result codes), in Thai: told apart from a
# damaged file, which sent an office with a full disk or a file-size limit towards a restore it did not need.
_DISK_WORDS = {
    13: "พื้นที่ในดิสก์เต็ม",  # SQLITE_FULL
    10: "ดิสก์อ่านเขียนผิดพลาด หรือระบบไม่ยอมให้เขียนไฟล์ขนาดนี้",  # SQLITE_IOERR
    8: "ดิสก์หรือไฟล์นี้เขียนไม่ได้ (อ่านได้อย่างเดียว)",  # SQLITE_READONLY
    14: "เปิดหรือสร้างไฟล์ในโฟลเดอร์นี้ไม่ได้ (สิทธิ์ หรือโฟลเดอร์ไม่มีอยู่)",  # SQLITE_CANTOPEN
}


def disk_failure(error: BaseException) -> str | None:
    """The Thai words for a SQLite failure of the disk (full, I/O, read-only, cannot open), raw or as SQLAlchemy
    wraps it; None for anything else (a damaged file among them)."""
    code = getattr(getattr(error, "orig", error), "sqlite_errorcode", None)
    return None if code is None else _DISK_WORDS.get(code & 0xFF)


def disk_problem(error: BaseException) -> DatabaseProblem | None:
    """A SQLite failure of the disk as the refusal the officer reads, in the window and on the command line alike
    (a transaction that failed kept nothing); None for anything else."""
    words = disk_failure(error)
    if words is None:
        return None
    return DatabaseProblem(f"ทำงานต่อไม่ได้: {words} สิ่งที่ทำค้างไว้ไม่ได้บันทึก กรุณาแก้ที่ดิสก์แล้วลองอีกครั้ง")


def check_identity(revision: str | None, tables: set[str], place: str) -> None:
    """Refuse (in Thai) a database that is another program's or was made by a newer version of this one."""
    if revision is None:
        if tables - {"alembic_version"}:
            raise ForeignDatabase(place)
        return
    if is_known_revision(revision):
        return
    raise NewerDatabase(place) if OUR_TABLES <= tables else ForeignDatabase(place)


def is_known_revision(revision: str) -> bool:
    """Whether a revision is one of this program's migrations."""
    from alembic.script import ScriptDirectory
    from alembic.script.revision import RevisionError
    from alembic.util import CommandError

    try:
        return ScriptDirectory(str(MIGRATIONS)).get_revision(revision) is not None
    except (RevisionError, CommandError):
        return False


def file_state(path: Path) -> tuple[str | None, set[str]]:
    """(Alembic revision or None, names of the tables and views) of a SQLite file, read only."""
    if not path.exists():
        return None, set()
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
            tables = {
                name
                for (name,) in con.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', "
                    "'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                )
            }
            found = (
                con.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
            return (found[0] if found else None), tables
    except sqlite3.DatabaseError as exc:
        if words := disk_failure(exc):
            raise DatabaseProblem(
                f"เปิดไฟล์ฐานข้อมูล {path} ไม่ได้: {words} ไฟล์ไม่ได้ถูกเปลี่ยน กรุณาแก้ที่ดิสก์ก่อน (ไม่ต้องกู้คืนข้อมูล)"
            ) from exc
        raise DatabaseProblem(f"เปิดไฟล์ฐานข้อมูล {path} ไม่ได้: ไฟล์เสียหายหรือไม่ใช่ฐานข้อมูลของโปรแกรม") from exc


def server_state(connection) -> tuple[str | None, set[str]]:
    """(Alembic revision or None, names of the tables and views in every schema) of a server's database."""
    tables = {name for (name,) in connection.exec_driver_sql(_SERVER_TABLES)}
    if not connection.exec_driver_sql("SELECT to_regclass('alembic_version') IS NOT NULL").scalar():
        return None, tables
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar(), tables
