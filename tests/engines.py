"""The database engines the suite runs on: the local SQLite file and an office's PostgreSQL server.

`--engine sqlite|postgresql|both` (default both) picks them. Every test that takes the `database` (or
`world`) fixture runs once per engine; a test about SQLite's file itself (its copy, its locks, its old
schemas) is marked `sqlite_only` with the reason, and its PostgreSQL run is deselected and counted.

Each test gets its own database, copied from one migrated template made once per run (per worker when the run
is split): on SQLite a plain copy of a migrated, closed file (0.001 s, where migrating anew takes 0.3–0.8 s),
on PostgreSQL a clone (CREATE DATABASE … TEMPLATE: 0.06 s, where migrating anew takes 0.7 s). A test about
what migrating makes is marked `migrates` and gets a database migrated anew on either engine. A test of the
world gets a copy of a second template, built from the first by make_world once per run (a test of a module's
fixture registered in conftest's BUILT, a copy of that fixture's): each test saves the 0.06–0.13 s that making
it cost. The server is the local one unless $OTOP_TEST_POSTGRES names another; without one the PostgreSQL runs
skip and say why, except where $OTOP_REQUIRE_POSTGRES is set (./dev.sh test sets it after starting the
server): there they fail."""

import os
import shutil
import sqlite3
import tempfile
import threading
import uuid
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest

ADMIN_ENV, REQUIRED_ENV = "OTOP_TEST_POSTGRES", "OTOP_REQUIRE_POSTGRES"
ENGINES = ("sqlite", "postgresql")


def admin_url() -> str:
    """The server's URL for creating databases, or a skip (a failure where a server is required)."""
    import psycopg

    url = os.environ.get(ADMIN_ENV, "postgresql:///postgres")
    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.OperationalError as error:
        reason = f"no PostgreSQL server at {url} ({str(error).strip()[:200]}); ./dev.sh test starts one"
        if os.environ.get(REQUIRED_ENV):
            pytest.fail(reason)
        pytest.skip(reason)
    return url


class ServerDatabases:
    """Databases for one test run on one server: a migrated template, and clones of it per test. Two threads of the
    run's keep clones ready ahead of the next test and drop finished ones behind it: a CREATE DATABASE takes
    0.1–0.4 s on this machine kind and a DROP 0.1–2 s (it waits for every session on the server to take note),
    which every server test used to wait for in turn."""

    AHEAD = 2  # clones kept ready

    def __init__(self):
        self.admin: str | None = None
        self.template: str | None = None
        self.made: list[str] = []
        self._changed = threading.Condition()
        self._ready: dict[str, list[str]] = {}  # clones ready, by the template they are cloned from
        self._built: dict[str, tuple[str, object]] = {}
        self._file_copy: bool | None = None  # whether the server copies a database by its files (see _copy)
        self._to_drop: list[str] = []
        self._failure: BaseException | None = None
        self._keepers: list[threading.Thread] = []
        self._stopping = False

    def fresh(self, anew: bool = False) -> str:
        """The URL of a new, migrated database with the master data loaded; `anew`: migrated now, not cloned."""
        from otop_desktop.store.database import open_database
        from otop_desktop.store.server import create_server_database

        if self.admin is None:
            self.admin = admin_url()
        if anew:
            name = self._name()
            url = create_server_database(self.admin, name)
            open_database(url, create=True).close()
            return url
        if self.template is None:
            name = self._name("otop_test_template_")
            open_database(create_server_database(self.admin, name), create=True).close()
            with self._changed:
                self.template = name
                self._ready[name] = []
        return self._take_ready(self.template)

    def built(self, name: str, build) -> tuple[str, object]:
        """A second template, made once per run from a clone of the migrated one by `build(database)` (the
        world most tests start from), and what `build` returned; clones of it are then kept ready as well."""
        from sqlalchemy.engine import make_url

        from otop_desktop.store.database import open_database

        if name not in self._built:
            url = self.fresh()
            database = open_database(url)
            try:
                made = build(database)
            finally:
                database.close()  # a template is cloned only while nobody is connected to it
            source = make_url(url).database
            with self._changed:
                self._ready[source] = []
                self._changed.notify_all()
            self._built[name] = (source, made)
        return self._built[name]

    def source(self, name: str) -> str:
        """The database that `built` made under `name` (it must have been made)."""
        return self._built[name][0]

    def fresh_from(self, source: str) -> str:
        """The URL of a new database cloned from the template `source` (one `built` made)."""
        return self._take_ready(source)

    def clone(self, source: str) -> str:
        """The URL of a new database copied from database `source` (which nobody may be connected to)."""
        return self._copy(self._name(), source)

    def drop(self, url: str) -> None:
        """Drop the database behind the tests (the keeper does it; `drop_all` waits for it)."""
        from sqlalchemy.engine import make_url

        with self._changed:
            self._to_drop.append(make_url(url).database)
            self._changed.notify_all()

    def drop_all(self) -> None:
        """Stop the keeper, then drop every database this run made that is still there."""
        from otop_desktop.store.server import drop_server_database

        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        for keeper in self._keepers:
            keeper.join()
        self._keepers.clear()
        for name in list(self.made):
            drop_server_database(self.admin, name)
        self.made.clear()
        self._ready.clear()
        self._built.clear()
        self.template = None
        self._to_drop.clear()

    def _copy(self, name: str, source: str, connection=None) -> str:
        """Database `name`, a copy of `source`, made as create_server_database makes one; on PostgreSQL 15 and
        newer by copying its files (STRATEGY FILE_COPY): half the time of 15's default, which writes every page
        of the copy to the WAL (0.03–0.05 s a clone against 0.04–0.08 s, on a server that runs without fsync)."""
        from otop_desktop.store.server import create_server_database

        if self._file_copy is None:
            import psycopg

            with psycopg.connect(self.admin) as asking:
                self._file_copy = asking.info.server_version >= 150000
        strategy = "FILE_COPY" if self._file_copy else None
        return create_server_database(self.admin, name, template=source, strategy=strategy, connection=connection)

    def _name(self, prefix: str = "otop_test_") -> str:
        name = f"{prefix}{uuid.uuid4().hex[:12]}"
        with self._changed:
            self.made.append(name)
        return name

    def _take_ready(self, source: str) -> str:
        from sqlalchemy.engine import make_url

        with self._changed:
            if not self._keepers:
                for work in (self._clone_ahead, self._drop_behind):
                    keeper = threading.Thread(target=work, name=f"otop-test-{work.__name__}", daemon=True)
                    keeper.start()
                    self._keepers.append(keeper)
            while not self._ready[source]:
                if self._failure is not None:
                    raise RuntimeError("the test databases' keeper failed") from self._failure
                self._changed.wait(1)
            name = self._ready[source].pop(0)
            self._changed.notify_all()
        return make_url(self.admin).set(database=name).render_as_string(hide_password=False)

    def _clone_ahead(self) -> None:
        """Keep AHEAD clones of each template ready, until the run ends."""

        def short() -> str | None:
            return next((source for source, ready in self._ready.items() if len(ready) < self.AHEAD), None)

        connection = self._keepers_connection()
        if connection is None:
            return
        with connection:
            while self._next(lambda: short() is not None) is not None:
                with self._changed:
                    source = short()
                name = self._name()
                if not self._trying(self._copy, name, source, connection):
                    return
                with self._changed:
                    self._ready[source].append(name)
                    self._changed.notify_all()

    def _drop_behind(self) -> None:
        """Drop the finished tests' databases (a DROP waits for every session on the server to take note of it,
        an idle one included: seconds at times), until the run ends."""
        from otop_desktop.store.server import drop_server_database

        connection = self._keepers_connection()
        if connection is None:
            return
        with connection:
            while self._next(lambda: bool(self._to_drop)) is not None:
                with self._changed:
                    name = self._to_drop.pop(0)
                if not self._trying(drop_server_database, self.admin, name, connection):
                    return
                with self._changed:
                    self.made.remove(name)

    def _keepers_connection(self):
        """A keeper's own admin connection for the whole run: a new one for each CREATE and DROP started two server
        processes a test (some 1,600 a run, 5 ms of the server's time each and as much of the test's). None if the
        server refused it: the failure is kept for the waiting test."""
        import psycopg

        try:
            return psycopg.connect(self.admin, autocommit=True)
        except psycopg.Error as error:
            with self._changed:
                self._failure = error
                self._changed.notify_all()
            return None

    def _next(self, due) -> bool | None:
        """Wait until `due()` or the run's end; None at the end."""
        with self._changed:
            while not (self._stopping or due()):
                self._changed.wait()
            return None if self._stopping else True

    def _trying(self, work, *args, **kwargs) -> bool:
        """Run `work(*args, **kwargs)`; on a failure, keep it for the waiting test and say False."""
        try:
            work(*args, **kwargs)
            return True
        except BaseException as error:  # noqa: BLE001 - handed to the test waiting for a database
            with self._changed:
                self._failure = error
                self._changed.notify_all()
            return False


SERVERS = ServerDatabases()  # one template per run; what is left is dropped at the end (conftest)


class FileTemplate:
    """One SQLite file migrated per run, master data loaded, then closed (its WAL checkpointed into the file and
    gone), so that a plain copy of that one file is a database exactly as a fresh open_database makes it."""

    def __init__(self):
        self.folder: Path | None = None  # a folder of the run's (conftest), else a temporary one of its own
        self.path: Path | None = None
        self._built: dict[str, tuple[Path, object]] = {}

    def template(self) -> Path:
        """The run's migrated file (made on first use, read-only after)."""
        from otop_desktop.store.database import open_database

        if self.path is None:
            folder = Path(tempfile.mkdtemp(prefix="otop-template-", dir=self.folder))
            path = folder / "otop.db"
            open_database(path).close()
            others = sorted(p.name for p in folder.iterdir() if p != path)
            assert not others, f"the template's file is not whole once closed: {others}"
            path.chmod(0o444)
            self.path = path
        return self.path

    def built(self, name: str, build) -> tuple[Path, object]:
        """A second template, made once per run from a copy of the migrated one by `build(database)` (the world
        most tests start from), closed as the first; and what `build` returned."""
        from otop_desktop.store.database import open_database

        if name not in self._built:
            path = Path(tempfile.mkdtemp(prefix=f"otop-{name}-", dir=self.folder)) / "otop.db"
            database = open_database(self.fresh(path))
            try:
                made = build(database)
            finally:
                database.close()
            others = sorted(p.name for p in path.parent.iterdir() if p != path)
            assert not others, f"the {name} template's file is not whole once closed: {others}"
            path.chmod(0o444)
            self._built[name] = (path, made)
        return self._built[name]

    def source(self, name: str) -> Path:
        """The file that `built` made under `name` (it must have been made)."""
        return self._built[name][0]

    def fresh(self, target: Path, source: Path | None = None) -> Path:
        """A new migrated file at `target` (a copy of the template, or of `source`, one `built` made); its folder
        is made if need be."""
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source or self.template(), target)
        return target


FILES = FileTemplate()  # one template per run, in the run's temporary folder (conftest)


def copy_of(database, target: Path):
    """A copy of a database, open, on the same engine: the file copied to `target`, or a clone on the server."""
    from sqlalchemy.engine import make_url

    from otop_desktop.store.database import open_database

    if not database.on_server:
        # SQLite's backup API, as the program's copy_file, but not its check of the copy (PRAGMA integrity_check:
        # 0.1 s on the demo's file, 2.5 s of the 25-district round trip); copy_file's own tests check it.
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(database.path)) as origin, closing(sqlite3.connect(target)) as copy:
            origin.backup(copy)
        return open_database(target)
    database.engine.dispose()  # a database is copied only while nobody is connected to it
    return open_database(SERVERS.clone(make_url(database.url).database))


def another_copy(database, name: str, target: Path):
    """Another copy of the template `name` that this run built (see `built`), on `database`'s engine, open: a file at
    `target`, or a clone on the server taken from those kept ready (no wait for a copy of a database in use)."""
    from otop_desktop.store.database import open_database

    if database.on_server:
        return open_database(SERVERS.fresh_from(SERVERS.source(name)))
    return open_database(FILES.fresh(target, FILES.source(name)))


def open_fresh(engine: str, tmp_path: Path, servers: ServerDatabases, anew: bool = False, built=None):
    """A new database on `engine`, and what closes it; `anew`: migrated now rather than copied from the template;
    `built`: (name, build), a copy of the template that `build` made from the migrated one (see `built`)."""
    from otop_desktop.store.database import open_database

    if engine == "sqlite":
        if anew:
            database = open_database(tmp_path / "otop.db")
        else:
            source = FILES.built(*built)[0] if built else None
            database = open_database(FILES.fresh(tmp_path / "otop.db", source))
        return database, database.close
    url = servers.fresh_from(servers.built(*built)[0]) if built and not anew else servers.fresh(anew)
    database = open_database(url)

    def close():
        database.close()
        servers.drop(url)

    return database, close


def location(database) -> list[str]:
    """The command-line options that point the CLI at this database."""
    if database.on_server:
        return ["--database-url", database.url]
    return ["--data-dir", str(database.path.parent)]


def _driver_sql(database, sql: str) -> str:
    if database.engine.dialect.name == "postgresql":
        return sql.replace("%", "%%").replace("?", "%s")
    return sql


def rows(database, sql: str, *params) -> list[tuple]:
    """What a query finds, on either engine, through its own connection (`?` marks the parameters)."""
    with database.engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(_driver_sql(database, sql), tuple(params))]


def contents(database, where: dict[str, str] | None = None) -> dict[str, dict]:
    """Every row of every table (each as a multiset of rows, {row: count}, so that order does not count), read on
    one connection through the driver: what a test compares before and after to show that nothing was stored.
    `where` narrows a table's rows (table: an SQL condition)."""
    from otop_desktop.models import Base

    where = where or {}
    found = {}
    raw = database.engine.raw_connection()
    try:
        cursor = raw.cursor()
        for table in Base.metadata.tables:
            cursor.execute(f"SELECT * FROM {table}" + (f" WHERE {where[table]}" if table in where else ""))
            got = cursor.fetchall()
            try:
                found[table] = dict(Counter(map(tuple, got)))  # a dict compares in C, a Counter row by row
            except TypeError:  # a value the driver gives unhashable (a JSON document): compared as written
                found[table] = dict(Counter(repr(tuple(row)) for row in got))
    finally:
        raw.close()
    return found


def value(database, sql: str, *params):
    """The single value a query finds."""
    found = rows(database, sql, *params)
    return found[0][0] if found else None


def execute(database, sql: str, *params) -> None:
    """Change the database behind the program's back, as a test arranges (committed at once)."""
    with database.engine.begin() as connection:
        connection.exec_driver_sql(_driver_sql(database, sql), tuple(params))


class Connection:
    """A connection to either engine with sqlite3's manners (`execute(sql, params)`, `?` parameters, rows as
    tuples; committed at the end of a `with` block, rolled back on an error), for tests that look into the
    database or change it behind the program's back."""

    def __init__(self, database):
        self._database = database
        self._connection = database.engine.connect()

    def execute(self, sql: str, params=()):
        return _Rows(self._connection.exec_driver_sql(_driver_sql(self._database, sql), tuple(params)))

    def executemany(self, sql: str, params) -> None:
        self._connection.exec_driver_sql(_driver_sql(self._database, sql), [tuple(p) for p in params])

    def commit(self) -> None:
        self._connection.commit()

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, error_type, _error, _traceback) -> None:
        try:
            if error_type is None:
                self._connection.commit()
            else:
                self._connection.rollback()
        finally:
            self._connection.close()


class _Rows:
    def __init__(self, result):
        self._result = result

    def fetchall(self) -> list[tuple]:
        return [tuple(row) for row in self._result] if self._result.returns_rows else []

    def fetchone(self) -> tuple | None:
        row = self._result.fetchone()
        return None if row is None else tuple(row)

    def __iter__(self):
        return iter(self.fetchall())


def connect(database):
    """sqlite3.connect for either engine (see Connection); a path is a SQLite file, opened with sqlite3."""
    if isinstance(database, (str, Path)):
        import sqlite3

        return sqlite3.connect(database)
    return Connection(database)


def target(database) -> str:
    """What open_database takes to open this database again (another process, another window)."""
    return database.url if database.on_server else str(database.path)


class write_lock_held:
    """Another program holding the database's write lock (SQLite's BEGIN IMMEDIATE, the server's advisory
    lock), as while it saves: writers wait for it, then are refused as busy."""

    def __init__(self, database):
        self._database = database

    def __enter__(self):
        if self._database.on_server:
            import psycopg

            from otop_desktop.store.database import WRITE_LOCK

            self._holder = psycopg.connect(self._database.url, autocommit=True)
            self._holder.execute(f"SELECT pg_advisory_lock({WRITE_LOCK})")
        else:
            import sqlite3

            self._holder = sqlite3.connect(self._database.path, isolation_level=None)
            self._holder.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, *_exc) -> None:
        if self._database.on_server:
            from otop_desktop.store.database import WRITE_LOCK

            self._holder.execute(f"SELECT pg_advisory_unlock({WRITE_LOCK})")
        else:
            self._holder.execute("ROLLBACK")
        self._holder.close()


def new_beside(database, target: Path):
    """Another new database on the same engine as `database` (another office): a file at `target`, or a
    fresh database on the server."""
    from otop_desktop.store.database import open_database

    return open_database(SERVERS.fresh() if database.on_server else FILES.fresh(target))
