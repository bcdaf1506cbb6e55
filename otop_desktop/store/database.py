"""Opening the SQLite database: WAL mode, migrations at start-up, and the unit of work per user action."""

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from otop_desktop.migrations import HEAD
from otop_desktop.services.changes import Changes
from otop_desktop.services.errors import DatabaseBusy, DatabaseProblem

# How long a statement waits for another program's write to end before the action is refused as busy.
BUSY_TIMEOUT_MS = 5000


def is_busy(error: BaseException) -> bool:
    """Whether an error from SQLite (raw or wrapped by SQLAlchemy) means another connection held the lock."""
    original = getattr(error, "orig", error)
    return isinstance(original, sqlite3.OperationalError) and any(
        words in str(original) for words in ("database is locked", "database is busy", "database table is locked"))


class UnitOfWork:
    """One session for one user action; it rolls back unless the service commits. Services note what they
    write (`note`); `changes` holds what the commits made permanent, for the views to refresh by."""

    def __init__(self, session_factory: sessionmaker[Session]):
        self._session_factory = session_factory
        self.session: Session
        self.changes = Changes()
        self._pending = Changes()
        self.on_commit = None  # called with what each commit made permanent (Office collects it)

    def note(self, changes: Changes) -> None:
        """Record what the action is writing; it counts once committed."""
        self._pending = self._pending | changes

    def __enter__(self) -> "UnitOfWork":
        self.session = self._session_factory()
        return self

    def __exit__(self, exc_type, error, _traceback) -> None:
        try:
            self.session.rollback()
            self.session.close()
        except OperationalError as closing:
            if not is_busy(closing):
                raise
        if error is not None and isinstance(error, (OperationalError, sqlite3.OperationalError)) and is_busy(error):
            raise DatabaseBusy() from error  # rolled back whole: say so in Thai, not as a traceback

    def commit(self) -> None:
        """Make the action's changes permanent."""
        self.session.commit()
        if self.on_commit is not None and self._pending:
            self.on_commit(self._pending)
        self.changes, self._pending = self.changes | self._pending, Changes()

    def begin_write(self) -> None:
        """Take the database's write lock now (BEGIN IMMEDIATE), before reading what the writes depend
        on, so no other program can change those rows between the read and the write (a lost update)."""
        connection = self.session.connection()
        if not connection.connection.dbapi_connection.in_transaction:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """An open otop-desktop database file."""

    def __init__(self, path: Path, engine: Engine):
        self.path = path
        self.engine = engine
        self._session_factory = sessionmaker(engine, expire_on_commit=False)

    def unit_of_work(self) -> UnitOfWork:
        """A fresh unit of work; use it in a `with` block."""
        return UnitOfWork(self._session_factory)

    def close(self) -> None:
        """Release the file."""
        self.engine.dispose()


def _on_connect(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def create_engine_for(path: Path) -> Engine:
    """An engine on the file with the pragmas every connection needs."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    return engine


def schema_revision(path: Path) -> str | None:
    """The Alembic revision stored in the file, or None for a new or empty file."""
    if not path.exists():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
            row = con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if row is None:
                return None
            found = con.execute("SELECT version_num FROM alembic_version").fetchone()
            return found[0] if found else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem(f"เปิดไฟล์ฐานข้อมูล {path} ไม่ได้: ไฟล์เสียหายหรือไม่ใช่ฐานข้อมูลของโปรแกรม") from exc


def upgrade_schema(engine: Engine) -> None:
    """Apply every pending Alembic migration."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent.parent / "migrations"))
    with engine.connect() as connection:
        # Batch migrations rebuild tables that others reference; SQLite allows that only with foreign
        # keys off, which must be set outside a transaction. They are checked again afterwards.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
    if broken:
        raise DatabaseProblem(f"ปรับรุ่นฐานข้อมูลแล้วพบการอ้างอิงที่ขาดหาย {len(broken)} รายการ กรุณาแจ้งผู้ดูแลระบบ")


def copy_file(source: Path | str, target: Path | str) -> Path:
    """A consistent copy of a database file, even while it is open and in use (SQLite's backup API)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    origin = sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        copy = sqlite3.connect(target)
        try:
            with copy:
                origin.backup(copy)
        except sqlite3.OperationalError as error:
            if is_busy(error):
                raise DatabaseBusy() from error
            raise
        finally:
            copy.close()
    finally:
        origin.close()
    return target


def open_database(path: Path | str) -> Database:
    """Open (creating if need be) the database file, migrated to the newest schema, master data loaded."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    revision = schema_revision(path)
    engine = create_engine_for(path)
    if revision != HEAD:
        upgrade_schema(engine)
    database = Database(path, engine)
    from otop_desktop.store.master_data import ensure_master_data

    ensure_master_data(database)
    return database
