"""Writing many rows at once, by each engine's fastest path behind one function: on SQLite one executemany at
the driver, which SQLAlchemy's per-row parameter processing would slow five-fold (50,000 audit and sales
rows: 0.6 s against 0.15 s); on PostgreSQL COPY."""

import functools
import gc
import zlib
from collections.abc import Callable, Iterable
from datetime import datetime
from operator import itemgetter
from typing import TypeVar

from sqlalchemy import DateTime, Integer, String, Table

from otop_desktop.store import deadline

T = TypeVar("T")
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"  # as SQLAlchemy's SQLite DateTime stores it


def collector_paused(function):
    """Run without Python's cycle collector: rows made or read in bulk are a great many small tuples with no
    cycles among them, and the collector would walk them (and every object the program holds) again and again
    while they are made: a third of a merge's parsing, and at times a full collection of 50-80 ms in the
    middle of a save. It runs again as soon as the call returns."""

    @functools.wraps(function)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused


def stored_time(moment: datetime) -> str:
    """A timestamp as a bulk insert writes it (the text SQLite's DateTime stores; PostgreSQL's COPY reads it)."""
    return moment.strftime(DATETIME_FORMAT)


def _parameters(rows: list[dict], columns: list[str]) -> list[tuple]:
    getter = itemgetter(*columns)
    values = [getter(row) for row in rows]
    stamps = [i for i, column in enumerate(columns) if isinstance(rows[0][column], datetime)]
    if not stamps:
        return values
    formatted: dict[datetime, str] = {}  # a save stamps every row with the same time

    def stored(row: tuple) -> tuple:
        row = list(row)
        for i in stamps:
            row[i] = formatted.get(row[i]) or formatted.setdefault(row[i], row[i].strftime(DATETIME_FORMAT))
        return tuple(row)

    return [stored(row) for row in values]


def insert_rows(
    session,
    table: Table,
    columns,
    rows: Iterable[tuple],
    *,
    conflict: tuple[str, ...] = (),
    update: tuple[str, ...] = (),
    plain: bool = False,
    meanwhile: Callable[[], T] | None = None,
) -> T | None:
    """Insert rows given as tuples in `columns` order (text, numbers, None); with `conflict`, rows whose
    key exists update the `update` columns instead (an upsert). The fastest path: no conversion at all.
    `rows` may be a generator: PostgreSQL's COPY sends the rows a batch at a time as they come, so the server
    stores the first while the caller makes the rest.
    `plain`: the caller vouches that every value is None, an int in an integer column or a str in any other
    (a time as stored_time's text), so PostgreSQL's COPY formats each column by one dumper picked once, not
    by a look-up a value (a value of another type fails the statement, never lands altered).
    `meanwhile`: the caller's next work, run while PostgreSQL works on the upsert (sent without waiting for its
    answer), elsewhere once the rows are in; its result is returned."""
    if isinstance(rows, list) and not rows:
        return meanwhile() if meanwhile else None
    for name in (*columns, *conflict, *update):
        table.c[name]  # a KeyError here means a caller typo, before any SQL is built from names
    connection = session.connection()
    upsert = ""
    if conflict:
        assignments = ", ".join(f"{name} = excluded.{name}" for name in update)
        upsert = f" ON CONFLICT ({', '.join(conflict)}) DO UPDATE SET {assignments}"
    if connection.dialect.name == "postgresql":
        types = _copy_types(table, columns) if plain else None
        return _copy_rows(connection, table, columns, rows, upsert, types, meanwhile)
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    rows = rows if isinstance(rows, list) else list(rows)
    if rows:
        connection.exec_driver_sql(sql + upsert, rows)
    return meanwhile() if meanwhile else None


def _copy_types(table: Table, columns) -> list[str] | None:
    """The dumper of each column for plain rows: integers as int8 (COPY's text reads into any integer column),
    text and times as text; None when a column is of another type (its values go through psycopg's look-up)."""
    types = []
    for name in columns:
        kind = table.c[name].type
        if isinstance(kind, Integer):
            types.append("int8")
        elif isinstance(kind, (String, DateTime)):
            types.append("text")
        else:
            return None
    return types


def _copy_rows(connection, table: Table, columns, rows: Iterable[tuple], upsert: str, types, meanwhile):
    """PostgreSQL's bulk path: COPY (rows stream in as one command), straight into the table, or for an upsert
    into a temporary table first and from there one INSERT … ON CONFLICT, sent in a pipeline with the table's
    emptying (one round trip) while `meanwhile` runs."""
    names = ", ".join(columns)
    driver = connection.connection.dbapi_connection
    with driver.cursor() as cursor:  # unseen by SQLAlchemy: each statement restarts the deadline (store.deadline)
        target = table.name
        if upsert:
            # One per connection and column list, kept (made anew each time, the catalog writes cost a merge of
            # 880 files more than its rows did); emptied after use and at every commit.
            target = f"otop_copy_{table.name}_{zlib.crc32(names.encode()):08x}"
            deadline.restarted(driver)
            cursor.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {target} ON COMMIT DELETE ROWS"
                f" AS SELECT {names} FROM {table.name} WITH NO DATA"
            )
        deadline.restarted(driver)
        with cursor.copy(f"COPY {target} ({names}) FROM STDIN") as copy:
            if types:
                copy.set_types(types)
            for row in rows:
                copy.write_row(row)
        if not upsert:
            return meanwhile() if meanwhile else None
        deadline.restarted(driver)
        with driver.pipeline():  # both sent at once; the answers are awaited as the block ends
            cursor.execute(f"INSERT INTO {table.name} ({names}) SELECT {names} FROM {target}{upsert}")
            cursor.execute(f"DELETE FROM {target}")
            return meanwhile() if meanwhile else None


def update_rows_as_seen(
    session,
    table: Table,
    rows: list[tuple],
    *,
    key: tuple[str, ...],
    columns: tuple[str, ...],
    seen: tuple[str, ...],
    shared: dict[str, object],
    version: str,
    meanwhile: Callable[[], T],
) -> tuple[int, T]:
    """Update rows given as tuples: their `key` columns, the new values of `columns`, then the values of the `seen`
    columns each row must still hold (None matches None), in one statement: a row that no longer holds them is
    left as it is, and none is inserted. `shared` holds what every row has alike, set on each, or matched where it
    is a column of the table's key the rows share (a save's year and month); `version` is raised by one on each.
    Returns how many rows were updated (the caller compares: the optimistic check of a version column, as
    SQLAlchemy's version_id_col does) and `meanwhile`'s result, run while PostgreSQL updates. Every value plain,
    as insert_rows's `plain`."""
    for name in (*key, *columns, *seen, *shared, version):
        table.c[name]  # a KeyError here means a caller typo, before any SQL is built from names
    matched = [name for name in shared if table.c[name].primary_key]
    fixed = [name for name in shared if name not in matched]
    connection = session.connection()
    driver = connection.connection.dbapi_connection
    if connection.dialect.name != "postgresql":
        assignments = [f"{name} = ?" for name in (*columns, *fixed)] + [f"{version} = {version} + 1"]
        where = [f"{name} = ?" for name in (*key, *matched)] + [f"{name} IS ?" for name in seen]
        sql = f"UPDATE {table.name} SET {', '.join(assignments)} WHERE {' AND '.join(where)}"
        same = (tuple(shared[n] for n in fixed), tuple(shared[n] for n in matched))
        return _update_in_file(driver, sql, rows, len(key), len(key) + len(columns), same, meanwhile)
    staged = [(name, name) for name in (*key, *columns)] + [(name, f"seen_{name}") for name in seen]
    target = f"otop_seen_{table.name}_{zlib.crc32(', '.join(n for _, n in staged).encode()):08x}"  # kept
    assignments = [f"{name} = s.{name}" for name in columns] + [f"{name} = %s" for name in fixed]
    where = [f"t.{name} = s.{name}" for name in key] + [f"t.{name} = %s" for name in matched]
    where += [f"t.{name} IS NOT DISTINCT FROM s.seen_{name}" for name in seen]
    update = (
        f"UPDATE {table.name} t SET {', '.join(assignments)}, {version} = t.{version} + 1"
        f" FROM {target} s WHERE {' AND '.join(where)}"
    )
    parameters = [shared[name] for name in (*fixed, *matched)]
    return _update_on_server(driver, table, (target, staged), rows, (update, parameters), meanwhile)


def _update_in_file(driver, sql: str, rows: list[tuple], width: int, split: int, same: tuple, meanwhile):
    """SQLite: one executemany of the UPDATE, each row's SET values, then its key and what it must still hold;
    the count is the rows it changed (triggers' changes not counted)."""
    fixed_values, matched_values = same
    cursor = driver.cursor()
    try:
        cursor.executemany(
            sql, (row[width:split] + fixed_values + row[:width] + matched_values + row[split:] for row in rows)
        )
        return cursor.rowcount, meanwhile()
    finally:
        cursor.close()


def _update_on_server(driver, table: Table, staging: tuple, rows: list[tuple], update: tuple, meanwhile):
    """PostgreSQL: the rows by COPY into a temporary table (`staging`: its name, and each of its columns as
    (the table's column, its name there)), kept as insert_rows's, then the UPDATE … FROM it sent in a pipeline
    with the table's emptying while `meanwhile` runs."""
    (target, staged), (sql, parameters) = staging, update
    names = ", ".join(name for _, name in staged)
    with driver.cursor() as cursor, driver.cursor() as emptying, driver.cursor() as planning:
        deadline.restarted(driver)
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {target} ON COMMIT DELETE ROWS AS SELECT"
            f" {', '.join(f'{column} AS {name}' for column, name in staged)} FROM {table.name} WITH NO DATA"
        )
        deadline.restarted(driver)
        with cursor.copy(f"COPY {target} ({names}) FROM STDIN") as copy:
            kinds = _copy_types(table, [column for column, _ in staged])
            if kinds:
                copy.set_types(kinds)
            for row in rows:
                copy.write_row(row)
        deadline.restarted(driver)
        with driver.pipeline():  # all sent at once; the answers are awaited as the block ends
            # Each row by its key, as an upsert finds it: the planner prices a look-up as a read from disk and
            # would hash the whole table instead (every month of every year: a province's save 26-34 ms
            # against 17-20 ms, and more as the years grow).
            for setting in ("enable_hashjoin", "enable_mergejoin"):
                planning.execute(f"SET LOCAL {setting} = off")
            cursor.execute(sql, parameters)
            for setting in ("enable_hashjoin", "enable_mergejoin"):
                planning.execute(f"RESET {setting}")
            emptying.execute(f"DELETE FROM {target}")
            result = meanwhile()
        return cursor.rowcount, result


def bulk_insert(
    session, table: Table, rows: list[dict], *, conflict: tuple[str, ...] = (), update: tuple[str, ...] = ()
) -> None:
    """Insert rows (dicts with the same keys; datetimes allowed) in the session's transaction; with
    `conflict`, rows whose key exists update the `update` columns instead (an upsert)."""
    if rows:
        columns = list(rows[0])
        insert_rows(session, table, columns, _parameters(rows, columns), conflict=conflict, update=update)
