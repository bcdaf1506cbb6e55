"""Opening the database: a local SQLite file (WAL mode) or an office's PostgreSQL server, migrations at
start-up, and the unit of work per user action. The same services run on both."""

import errno
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from otop_desktop.core.changes import Changes
from otop_desktop.core.errors import (
    ConnectionLost,
    DatabaseBusy,
    DatabaseProblem,
    PasswordNeeded,
    ServerNotAnswering,
)
from otop_desktop.core.files import clear_leftovers, keep_unread
from otop_desktop.migrations import HEAD
from otop_desktop.paths import BACKUPS_FOLDER
from otop_desktop.store import deadline
from otop_desktop.store.identity import check_identity, disk_failure, disk_problem, file_state, server_state

# How long a statement waits for another program's write to end before the action is refused as busy.
BUSY_TIMEOUT_MS = 5000
# How long a statement may run on a server before it is ended (statement_timeout) and the action refused in
# Thai; a server that does not even say so (frozen) is cut off by the watchdog half as long again later.
SERVER_TIMEOUT_S = 60.0
# TCP keepalives: a server machine or network that has gone is noticed within about a minute and a half.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 6}
# The key of the transaction-scoped advisory lock that stands for SQLite's write lock on a server.
WRITE_LOCK = 0x07_0D_0B
SERVER_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")


# PostgreSQL's SQLSTATEs for "another connection holds what this one needs": lock_not_available (lock_timeout
# ran out), serialization_failure, deadlock_detected.
_SERVER_BUSY = ("55P03", "40001", "40P01")


def is_busy(error: BaseException) -> bool:
    """Whether an error from the database (raw or wrapped by SQLAlchemy) means another connection held the lock."""
    original = getattr(error, "orig", error)
    if getattr(original, "sqlstate", None) in _SERVER_BUSY:
        return True
    return isinstance(original, sqlite3.OperationalError) and any(
        words in str(original) for words in ("database is locked", "database is busy", "database table is locked")
    )


class UnitOfWork:
    """One session for one user action; it rolls back unless the service commits. Services note what they
    write (`note`); `changes` holds what the commits made permanent, for the views to refresh by."""

    def __init__(self, session_factory: sessionmaker[Session], rehearsing: bool = False):
        self._session_factory = session_factory
        self._rehearsing = rehearsing
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
        # is_busy reads the driver's error as SQLAlchemy wraps it, or as raised by work on the driver's own
        # connection (store.together, store.bulk)
        if error is not None and is_busy(error):
            raise DatabaseBusy() from error  # rolled back whole: say so in Thai, not as a traceback
        if error is not None and (problem := disk_problem(error)) is not None:
            raise problem from error  # a full disk, a read-only file: said in Thai in the window as on the command line

    def commit(self) -> None:
        """Make the action's changes permanent."""
        self.session.commit()
        if self.on_commit is not None and self._pending:
            self.on_commit(self._pending)
        self.changes, self._pending = self.changes | self._pending, Changes()

    def begin_write(self) -> None:
        """Take the database's write lock now (BEGIN IMMEDIATE), before reading what the writes depend
        on, so no other program can change those rows between the read and the write (a lost update)."""
        if self._rehearsing:  # nothing it writes will stay: other writers need not wait for it
            return
        connection = self.session.connection()
        if connection.dialect.name == "postgresql":  # one writer at a time, as on SQLite, until the transaction ends
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
        elif not connection.connection.dbapi_connection.in_transaction:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """An open otop-desktop database: a file (`path`) or a PostgreSQL server (`url`, `path` None)."""

    def __init__(self, path: Path | None, engine: Engine, url: str | None = None):
        self.path = path
        self.url = url
        self.engine = engine
        self._session_factory = sessionmaker(engine, expire_on_commit=False)
        self._kept = False  # counted among the files no chosen file may be (keep_unread)

    def unit_of_work(self) -> UnitOfWork:
        """A fresh unit of work; use it in a `with` block."""
        return UnitOfWork(self._session_factory)

    @property
    def on_server(self) -> bool:
        """Whether this is an office's PostgreSQL server rather than a local file."""
        return self.path is None

    @property
    def place(self) -> str:
        """Where the data lives, to show: the file, or the server and database (never a password)."""
        return str(self.path) if self.path is not None else shown_url(self.url)

    def close(self) -> None:
        """Release the file or the server's connections."""
        self.engine.dispose()
        if self._kept:
            self._kept = False
            keep_unread(self.path, opened=False)

    def keep_unread(self) -> None:
        """While this file is open, no file the officer chooses is read if it is this one (files.check_input_path)."""
        if self.path is not None and not self._kept:
            self._kept = True
            keep_unread(self.path)

    @contextmanager
    def rehearsal(self) -> Iterator["Database"]:
        """A stand-in for this database whose units of work commit only into one transaction, rolled back at
        the end: a dry run sees each step's writes, and nothing of them stays."""
        with self.engine.connect() as connection:
            transaction = connection.begin()
            try:
                yield _Rehearsal(self, connection)
            finally:
                transaction.rollback()


class _Rehearsal(Database):
    def __init__(self, database: Database, connection):
        super().__init__(database.path, database.engine, database.url)
        self._session_factory = sessionmaker(
            bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        )

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self._session_factory, rehearsing=True)


# On a server, a merge that has grown the sales table past what the planner last measured of it analyses it
# at once (autovacuum would, a minute later): while the statistics still said the table was nearly empty,
# PostgreSQL read each district's rows by walking the whole year (measured: 0.3 s a file once 200,000 rows
# were in, against 0.1 ms by the primary key). It happens when the rows written since the last ANALYZE pass
# both this floor and the table's size then, so a table growing from empty is analysed a few times, not per file.
ANALYZE_AFTER_ROWS = 2_000
_GROWN = text(
    "SELECT s.n_mod_since_analyze + :rows > greatest(:floor, c.reltuples) FROM pg_stat_user_tables s"
    " JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'monthly_sale'"
)


def keep_statistics(session, rows: int) -> None:
    """After writing `rows` sales rows on a server, ANALYZE the grown tables if the planner's picture of them is
    stale (see ANALYZE_AFTER_ROWS). SQLite keeps no statistics unless asked, and its plans here need none."""
    if session.get_bind().dialect.name != "postgresql" or not rows:
        return
    if session.execute(_GROWN, {"rows": rows, "floor": ANALYZE_AFTER_ROWS}).scalar():
        session.execute(text("ANALYZE monthly_sale, entrepreneur"))


def driver_detail(error: BaseException) -> str:
    """The driver's own words about a failure, on one line and cut short, for a Thai message to quote."""
    return " ".join(str(getattr(error, "orig", error)).split())[:300]


def is_server_url(target) -> bool:
    """Whether a --database-url names a PostgreSQL server."""
    return isinstance(target, str) and target.startswith(SERVER_SCHEMES)


def shown_url(url: str) -> str:
    """The URL with any password masked, in its authority or its query string (paths.SECRET_PARAMETERS)."""
    from sqlalchemy.engine import make_url

    from otop_desktop.paths import is_secret_parameter

    try:
        parsed = make_url(url)
    except ValueError:
        return "(URL ไม่ถูกต้อง)"
    hidden = {name: "***" for name in parsed.query if is_secret_parameter(name)}
    return parsed.update_query_dict(hidden).render_as_string(hide_password=True)


# A frozen server never ends its statement (statement_timeout is the server's own): the watchdog shuts the socket
# at this many times the server's limit, and the officer is told how long was waited.
WATCHDOG_FACTOR = 1.5


def _server_settings(timeout: float):
    def on_server_connect(dbapi_connection, _record) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {BUSY_TIMEOUT_MS}")  # a held lock: refused as busy, as on SQLite
            cursor.execute(f"SET statement_timeout = {int(timeout * 1000)}")
            cursor.execute("SET TIME ZONE 'UTC'")
        dbapi_connection.commit()

    return on_server_connect


def _server_errors_in_thai(timeout: float):
    """handle_error: a statement ended for taking too long, or a connection the server closed, as one Thai line
    (SQLAlchemy still discards the connection, and the pool's others, so the next action connects afresh)."""

    def said_in_thai(context) -> None:
        if context.is_pre_ping:  # the pool reconnects by itself
            return
        fairy = context.connection.connection if context.connection is not None else None
        dbapi_connection = fairy.dbapi_connection if fairy is not None else None
        unsure = context.statement is None  # a commit (or rollback) the server may have carried out
        if deadline.timed_out(dbapi_connection):  # the watchdog's limit, not the server's: what the officer waited
            raise ServerNotAnswering(timeout * WATCHDOG_FACTOR, unsure) from context.original_exception
        if getattr(context.original_exception, "sqlstate", None) == "57014":
            raise ServerNotAnswering(timeout, unsure) from context.original_exception
        if context.is_disconnect and context.connection is not None:
            raise ConnectionLost(unsure) from context.original_exception
        if context.connection is None and isinstance(context.original_exception, Exception):  # connecting afresh
            url = context.engine.url.set(drivername="postgresql").render_as_string(hide_password=True)
            problem = server_problem(context.original_exception, url)
            if isinstance(problem, PasswordNeeded):  # it answered: the password is asked for, as at the start
                raise problem from context.original_exception
            after = _NOTHING_DONE if _server_away(problem.detail) else _NOTHING_DONE_CHECK
            raise DatabaseProblem(problem.message + after, problem.detail) from context.original_exception

    return said_in_thai


_NOTHING_DONE = " ยังไม่ได้ทำรายการใด ๆ (ข้อมูลที่พิมพ์ไว้บนหน้าจอยังอยู่) กรุณาลองอีกครั้งเมื่อเซิร์ฟเวอร์กลับมา"
# A setting the server or libpq refused (sslmode=bogus, a database that is not there): waiting will not help.
_NOTHING_DONE_CHECK = " ยังไม่ได้ทำรายการใด ๆ กรุณาแก้การตั้งค่าการเชื่อมต่อตามที่บอกไว้ แล้วลองอีกครั้ง"


def _server_away(said: str | None) -> bool:
    """Whether the driver's words are of a server that did not answer (refused, timed out, the link lost): one
    that may come back."""
    return any(words in (said or "") for words in (*_REFUSED, *_TIMED_OUT, *_LINK_LOST))


def create_server_engine(
    url: str, password: str | None = None, role: str | None = None, timeout: float | None = None
) -> Engine:
    """An engine on a PostgreSQL server through psycopg 3. The password comes from PostgreSQL's own
    ~/.pgpass or service file (or $PGPASSWORD), or as typed at start (`password`, kept in memory only),
    never from a file of ours. With `role`, every connection acts as that role (SET ROLE), so what it
    creates is that role's (setting up a database as the server's admin)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    timeout = SERVER_TIMEOUT_S if timeout is None else timeout
    connect_args = {"application_name": "otop-desktop", "connect_timeout": 10, **KEEPALIVES}
    if password:
        connect_args["password"] = password
    engine = create_engine(
        parsed,
        pool_pre_ping=True,  # a server out of reach is said within 10 s, not hung on
        connect_args=connect_args,
    )
    event.listen(engine, "connect", _server_settings(timeout))
    event.listen(engine, "handle_error", _server_errors_in_thai(timeout))
    deadline.watch(engine, timeout * WATCHDOG_FACTOR)
    if role:

        def act_as(dbapi_connection, _record) -> None:
            from psycopg import sql

            with dbapi_connection.cursor() as cursor:
                cursor.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(role)))
            dbapi_connection.commit()

        event.listen(engine, "connect", act_as)
    return engine


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
    return file_state(path)[0]


_OBJECTS = "SELECT type, name, sql FROM sqlite_master"  # SQLite's own (autoindexes, statistics) among them
_PRAGMAS = ("user_version", "application_id")


@lru_cache(maxsize=1)
def own_schema() -> frozenset[tuple[str, str, str | None]]:
    """(type, name, SQL) of every table, index, view and trigger this version's migrations make in a new file,
    and the file's user_version and application_id (as ('pragma', name, value))."""
    with tempfile.TemporaryDirectory(prefix="otop-schema-") as folder:
        engine = create_engine_for(Path(folder) / "otop.db")
        try:
            upgrade_schema(engine)
            with engine.connect() as connection:
                return frozenset(_schema_of(connection))
        finally:
            engine.dispose()


def _schema_of(connection) -> list[tuple[str, str, str | None]]:
    found = [(kind, name, _canonical(kind, sql)) for kind, name, sql in connection.exec_driver_sql(_OBJECTS).all()]
    return found + [("pragma", name, str(connection.exec_driver_sql(f"PRAGMA {name}").scalar())) for name in _PRAGMAS]


def _canonical(kind: str, sql: str | None) -> str | None:
    """A table's SQL with its columns and constraints as a sorted list: a table rebuilt by a migration lists its
    constraints in an order of its own (a set's), which says nothing of what the table allows."""
    if sql is None or kind != "table" or "(" not in sql:
        return sql
    head, body = sql[: sql.index("(")], sql[sql.index("(") + 1 : sql.rindex(")")]
    items, depth, start = [], 0, 0
    for at, letter in enumerate(body):
        depth += (letter == "(") - (letter == ")")
        if letter == "," and depth == 0:
            items.append(body[start:at])
            start = at + 1
    items.append(body[start:])
    return " ".join(head.split()) + " (" + ", ".join(sorted(" ".join(item.split()) for item in items)) + ")"


def foreign_objects(connection) -> list[str]:
    """How a file at this version's schema differs from what this program's migrations make, as "type name":
    a table, index, view or trigger added, missing, or of another SQL (a trigger added to a backup changed each
    saved figure; one dropped left the log open to edits; a CHECK or a default changed lets wrong rows in), SQLite
    statistics made up, or the file's own numbers set. `connection`: SQLAlchemy's, on the file."""
    made, found = own_schema(), set(_schema_of(connection))
    present = {(kind, name) for kind, name, _ in found}
    changed = {f"{kind} {name}" for kind, name, _ in found - made}  # added, or of other SQL
    missing = {f"{kind} {name} (ไม่มี)" for kind, name, _ in made - found if (kind, name) not in present}
    return sorted(changed | missing)


def upgrade_schema(engine: Engine) -> None:
    """Apply every pending Alembic migration; DatabaseBusy, with nothing changed, when another program holds a
    table a migration must alter (a backup reading it, an older copy of the program saving) longer than we wait."""
    try:
        _upgrade(engine)
    except (DBAPIError, sqlite3.OperationalError) as error:
        if is_busy(error):
            raise DatabaseBusy() from error
        if getattr(getattr(error, "orig", None), "sqlstate", None) == "42501":  # insufficient_privilege
            raise DatabaseProblem(NO_RIGHT_TO_BUILD, driver_detail(error)) from error
        raise


NO_RIGHT_TO_BUILD = (
    "ผู้ใช้ฐานข้อมูลนี้ไม่มีสิทธิ์สร้างหรือแก้ตารางของโปรแกรมในฐานข้อมูลนี้ จึงยังไม่ได้เปลี่ยนแปลงอะไร"
    " กรุณาตรวจสอบชื่อฐานข้อมูล (ฐานข้อมูลของสำนักงานสร้างด้วย otop-desktop server-setup)"
    " หรือให้ผู้ดูแลเซิร์ฟเวอร์ให้สิทธิ์แก่ผู้ใช้ของโปรแกรม"
)


def migration_config():
    """Alembic's configuration of the program's migrations (their folder); the caller sets the connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent.parent / "migrations"))
    return config


def _upgrade(engine: Engine) -> None:
    from alembic import command

    config = migration_config()
    if engine.dialect.name != "sqlite":  # a server alters tables in place, in one transaction
        with engine.begin() as connection:
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")  # two PCs starting at once
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        return
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


def copy_file(
    source: Path | str,
    target: Path | str,
    finish: Callable[[Path], object] | None = None,
    before_naming: Callable[[], object] | None = None,
    restoring: bool = False,
) -> Path:
    """A consistent copy of a database file, even while it is open and in use (SQLite's backup API), made
    under a temporary name and named only once it is checked whole and holds this program's tables; `finish`
    works on the copy first (a restore upgrades it), `before_naming` runs just before the rename; `restoring`:
    the target is the program's open database (a restore), which no other copy may name."""
    from otop_desktop.core.files import write_output

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_output(
        target, lambda temporary: _copy_into(source, temporary, finish), before_naming, restoring=restoring
    )


def _copy_into(source: Path | str, temporary: Path, finish: Callable[[Path], object] | None = None) -> None:
    """Copy the database into the writer's temporary file (SQLite's backup API), then check the copy."""
    origin = sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        copy = sqlite3.connect(temporary)
        try:
            with copy:
                origin.backup(copy)
        except sqlite3.OperationalError as error:
            if is_busy(error):
                raise DatabaseBusy() from error
            if words := disk_failure(error):  # the writer says so, naming the file, and removes what was begun
                full = error.sqlite_errorcode & 0xFF == sqlite3.SQLITE_FULL
                raise OSError(errno.ENOSPC if full else errno.EIO, words) from error
            raise
        except sqlite3.DatabaseError as error:  # not a database, or a damaged one (SQLITE_NOTADB, SQLITE_CORRUPT)
            raise DatabaseProblem(
                f"อ่านไฟล์ฐานข้อมูล {Path(source).name} ไม่ได้: ไฟล์เสียหายหรือไม่ใช่ฐานข้อมูลของโปรแกรม"
            ) from error
        finally:
            copy.close()
    finally:
        origin.close()
    if finish is not None:
        finish(temporary)
    check_copy(temporary)


def check_copy(path: Path | str) -> None:
    """Refuse a copy that SQLite finds damaged or that lacks this program's tables."""
    con = sqlite3.connect(path)
    try:
        intact = con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        ours = con.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()[0]
    except sqlite3.DatabaseError:
        intact = ours = False
    finally:
        con.close()
    if not (intact and ours):
        raise DatabaseProblem(f"สำเนาฐานข้อมูล {Path(path).name} ไม่สมบูรณ์ จึงไม่ได้เก็บไว้ กรุณาลองอีกครั้ง")


def server_revision(engine: Engine) -> str | None:
    """The Alembic revision of a server's database, or None when it has no schema yet."""
    return _server_state(engine)[0]


def _server_state(engine: Engine, url: str | None = None) -> tuple[str | None, set[str]]:
    try:
        with engine.connect() as connection:
            return server_state(connection)
    except DBAPIError as exc:
        raise server_problem(exc, url or engine.url.set(drivername="postgresql").render_as_string()) from exc


# What a server that could not be reached said, in Thai: (words in the driver's message, the reason).
# The driver's words of a server that did not answer: one that may come back (_server_away).
_REFUSED = ("Connection refused", "actively refused", "No such file or directory")  # the last: no server on the socket
_TIMED_OUT = ("timeout expired", "timed out")
_LINK_LOST = ("closed the connection unexpectedly", "server closed")
_UNREACHED = (
    (
        (
            "Name or service not known",
            "could not translate host name",
            "nodename nor servname",
            "No such host",
            "getaddrinfo",
            "Temporary failure in name resolution",
        ),
        "ไม่พบเครื่องเซิร์ฟเวอร์ {host} ในเครือข่าย กรุณาตรวจสอบชื่อหรือ IP ของเครื่อง",
    ),
    (_REFUSED, "เครื่อง {host} ไม่รับการเชื่อมต่อที่พอร์ต {port} (โปรแกรม PostgreSQL อาจยังไม่เปิด หรือพอร์ตไม่ถูกต้อง)"),
    (_TIMED_OUT, "เครื่อง {host} ไม่ตอบภายในเวลาที่รอ กรุณาตรวจสอบเครือข่ายและเครื่องเซิร์ฟเวอร์"),
    (
        (
            "SSL negotiation",
            "closed the connection unexpectedly",
            "expected authentication request",
            "invalid response",
            "unsupported frontend protocol",
            "lost synchronization",
        ),
        "สิ่งที่ตอบที่พอร์ต {port} ของเครื่อง {host} ไม่ใช่ PostgreSQL กรุณาตรวจสอบพอร์ต",
    ),
    (("does not exist",), "ไม่มีฐานข้อมูล {database} หรือผู้ใช้ฐานข้อมูล {role} บนเซิร์ฟเวอร์นี้ กรุณาตรวจสอบชื่อ"),
    (("no pg_hba.conf entry",), "เซิร์ฟเวอร์ไม่อนุญาตให้เครื่องนี้เชื่อมต่อ กรุณาให้ผู้ดูแลเซิร์ฟเวอร์เพิ่มเครื่องนี้ในไฟล์ pg_hba.conf"),
)


def server_problem(error: BaseException, url: str) -> DatabaseProblem:
    """The one mapping of a failed connection to a server into Thai: PasswordNeeded for a server that asks for a
    password it was not given (it answered), else DatabaseProblem with the reason in Thai and the driver's own
    words as its `detail`. URLs are shown through shown_url (never a password)."""
    from sqlalchemy.engine import make_url

    said = str(getattr(error, "orig", error))
    place = shown_url(url)
    wrong = "password authentication failed" in said  # psycopg says "connection failed" of any failure
    if "no password supplied" in said or wrong:
        return PasswordNeeded(f"เซิร์ฟเวอร์ฐานข้อมูล {place} ต้องการรหัสผ่าน" + (" (รหัสผ่านที่ให้มาไม่ถูกต้อง)" if wrong else ""))
    parsed = make_url(url)
    parts = {
        "host": parsed.host or "localhost",
        "port": parsed.port or 5432,
        "database": parsed.database or "",
        "role": parsed.username or "",
    }
    reason = next(
        (text.format(**parts) for words, text in _UNREACHED if any(w in said for w in words)),
        "กรุณาตรวจสอบชื่อเซิร์ฟเวอร์ ฐานข้อมูล ผู้ใช้ และรหัสผ่านในไฟล์ .pgpass",
    )
    return DatabaseProblem(f"เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล {place} ไม่ได้: {reason}", driver_detail(error))


PROBE_TIMEOUT_S = 5  # how long the database dialog waits for a server to answer before it says it did not


def probe_server(url: str, timeout: float | None = None) -> None:
    """Whether a server answers at `url` (before this PC saves it): returns when it let us in, raises
    server_problem's Thai error when not (PasswordNeeded: it answered, asking a password ~/.pgpass lacks)."""
    import psycopg
    from sqlalchemy.engine import make_url

    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    seconds = max(2, round(PROBE_TIMEOUT_S if timeout is None else timeout))  # libpq waits 2 s at the least
    try:
        psycopg.connect(conninfo, connect_timeout=seconds, application_name="otop-desktop").close()
    except psycopg.Error as error:
        raise server_problem(error, url) from error


def open_server(url: str, password: str | None = None, role: str | None = None, create: bool = False) -> Database:
    """Connect to an office's PostgreSQL database, migrated to the newest schema, master data loaded. An empty
    database is set up only when `create` says so (server-setup, the demo): any command pointed at one (a
    mistyped name, the server's own "postgres") filled it with the program's tables, and then said the login
    was wrong."""
    engine = create_server_engine(url, password, role)
    try:
        revision, tables = _server_state(engine, url)
        if revision is None and not tables and not create:
            raise DatabaseProblem(
                f"ฐานข้อมูล {shown_url(url)} บนเซิร์ฟเวอร์ยังว่าง (ไม่มีข้อมูลของโปรแกรม) จึงไม่ได้สร้างหรือเปลี่ยนสิ่งใดในนั้น"
                " กรุณาตรวจชื่อฐานข้อมูลว่าถูกต้อง หรือให้ผู้ดูแลเซิร์ฟเวอร์ตั้งฐานข้อมูลของสำนักงานด้วยคำสั่ง"
                " otop-desktop server-setup ก่อน (README หัวข้อ An office's shared server)"
            )
        if revision != HEAD:
            check_identity(revision, tables, shown_url(url))  # another program's, or a newer version's: untouched
            upgrade_schema(engine)
    except BaseException:
        engine.dispose()
        raise
    database = Database(None, engine, url)
    from otop_desktop.store.master_data import ensure_master_data

    ensure_master_data(database)
    return database


def open_database(path: Path | str, password: str | None = None, create: bool = False) -> Database:
    """Open (creating if need be) the database file, migrated to the newest schema, master data loaded;
    a postgresql:// URL opens that server's database instead (open_server, with `password` if it needs one
    that ~/.pgpass does not hold; an empty one is set up only if `create`)."""
    if is_server_url(path):
        return open_server(path, password, create=create)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for folder in (path.parent, path.parent / BACKUPS_FOLDER):  # what a killed import, backup or restore left
        clear_leftovers(folder)
    revision, tables = file_state(path)
    if revision != HEAD:
        check_identity(revision, tables, str(path))  # before the engine's first connection sets WAL mode
    engine = create_engine_for(path)
    if revision != HEAD:
        upgrade_schema(engine)
    database = Database(path, engine)
    from otop_desktop.store.master_data import ensure_master_data

    ensure_master_data(database)
    database.keep_unread()
    return database
