"""A server that stops answering ends the statement that waits on it. PostgreSQL's statement_timeout ends a
slow statement on a server that still works, and TCP keepalives notice a machine that has gone; but a frozen
server (or a network device that holds the connection open and carries nothing) is neither: the server's
kernel still acknowledges every packet. So a watchdog thread shuts the socket of a connection whose statement
has run past the limit: the driver fails at once, the connection is discarded, and the caller says so in Thai."""

import os
import socket
import threading
import time
import weakref

_TICK_S = 0.25  # how often the watchdog looks; a statement overruns its limit by at most this
_running: dict[int, tuple[weakref.ref, float, float]] = {}  # id(connection) -> (connection, started, limit)
_timed_out: "weakref.WeakSet" = weakref.WeakSet()
_lock = threading.Lock()
_thread: threading.Thread | None = None


def started(dbapi_connection, limit: float) -> None:
    """A statement (or commit, rollback, ping) starts on this psycopg connection; it may run `limit` seconds."""
    global _thread
    with _lock:
        _running[id(dbapi_connection)] = (weakref.ref(dbapi_connection), time.monotonic(), limit)
        if _thread is None:
            _thread = threading.Thread(target=_watch, name="server-deadline", daemon=True)
            _thread.start()


def restarted(dbapi_connection) -> None:
    """A statement starts that SQLAlchemy does not see (COPY and the upsert behind it, sent on the driver's own
    cursor): it gets the connection's limit from now, not from the statement before it."""
    with _lock:
        entry = _running.get(id(dbapi_connection))
        if entry is not None and entry[0]() is dbapi_connection:
            _running[id(dbapi_connection)] = (entry[0], time.monotonic(), entry[2])


def timed_out(dbapi_connection) -> bool:
    """Whether the watchdog shut this connection because its statement ran past the limit."""
    return dbapi_connection is not None and dbapi_connection in _timed_out


def _watch() -> None:
    from psycopg.pq import TransactionStatus

    while True:
        time.sleep(_TICK_S)
        now = time.monotonic()
        with _lock:
            entries = list(_running.items())
        for key, (ref, since, limit) in entries:
            connection = ref()
            if connection is None or connection.closed:
                with _lock:
                    _running.pop(key, None)
            elif now - since > limit and connection.pgconn.transaction_status == TransactionStatus.ACTIVE:
                _timed_out.add(connection)
                _shut(connection)


def _shut(connection) -> None:
    """Shut the connection's socket under the driver, which is waiting on it in another thread."""
    try:
        with socket.socket(fileno=os.dup(connection.pgconn.socket)) as duplicate:
            duplicate.shutdown(socket.SHUT_RDWR)
    except Exception:  # noqa: BLE001 - closed meanwhile: nothing is waiting any more
        pass


def watch(engine, limit: float) -> None:
    """Give every statement, commit, rollback and ping on `engine`'s connections `limit` seconds."""
    from sqlalchemy import event

    def before_statement(_conn, cursor, *_args) -> None:
        started(cursor.connection, limit)

    def before_end(conn) -> None:
        if not conn.invalidated:  # a discarded connection sends nothing (asking for it would reconnect)
            started(conn.connection.dbapi_connection, limit)

    event.listen(engine, "connect", lambda dbapi_connection, _record: started(dbapi_connection, limit), insert=True)
    event.listen(engine, "before_cursor_execute", before_statement)
    event.listen(engine, "commit", before_end)
    event.listen(engine, "rollback", before_end)
    event.listen(engine, "reset", lambda dbapi_connection, _record, _state: started(dbapi_connection, limit))
    ping = engine.dialect.do_ping

    def timed_ping(dbapi_connection) -> bool:
        started(dbapi_connection, limit)
        return ping(dbapi_connection)

    engine.dialect.do_ping = timed_ping  # the pool's pre-ping runs before any event does
