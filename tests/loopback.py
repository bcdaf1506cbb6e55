"""Servers on this machine's loopback that are not (quite) PostgreSQL, for the database dialog's tests: one that
answers garbage, one that asks for a password; and a closed port. Loopback only: a test never reaches another
address."""

import socket
import threading
from contextlib import contextmanager

CLOSED_PORT = 1  # nothing listens on a privileged port of a test machine
_SSL_OR_GSS = (80877103, 80877104)  # SSLRequest, GSSENCRequest: libpq's first packet


def _read(connection: socket.socket, count: int) -> bytes:
    data = b""
    while len(data) < count:
        chunk = connection.recv(count - len(data))
        if not chunk:
            raise ConnectionError
        data += chunk
    return data


def _garbage(connection: socket.socket) -> None:
    _read(connection, 8)
    connection.sendall(b"HTTP/1.0 400 Bad Request\r\n\r\n")


def _asks_password(connection: socket.socket) -> None:
    """Say no to SSL (and GSS), take the startup packet, ask for a cleartext password."""
    while True:
        length = int.from_bytes(_read(connection, 4), "big")
        body = _read(connection, length - 4)
        if int.from_bytes(body[:4], "big") not in _SSL_OR_GSS:
            break
        connection.sendall(b"N")
    connection.sendall(b"R" + (8).to_bytes(4, "big") + (3).to_bytes(4, "big"))
    connection.recv(1024)  # libpq gives up (no password) and closes


def _silent(connection: socket.socket, stop: threading.Event) -> None:
    """Take the connection and say nothing (a frozen machine, a firewall that swallows packets)."""
    while not stop.wait(0.05):
        pass


@contextmanager
def loopback_server(kind: str):
    """A port on 127.0.0.1 where `kind` ("garbage", "password" or "silent") answers every connection; yields the
    port."""
    answer = {"garbage": _garbage, "password": _asks_password, "silent": None}[kind]
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            with connection:
                try:
                    answer(connection) if answer else _silent(connection, stop)
                except (ConnectionError, OSError):
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(5)
        listener.close()
