"""A fresh database on a PostgreSQL server for each test. The server is the local one (Unix socket, the
current user's role) unless $OTOP_TEST_POSTGRES names another. Without a server these tests skip and say
why, except where $OTOP_REQUIRE_POSTGRES is set (./dev.sh test sets it after starting the server): there a
missing server fails them."""

import os
import uuid

import pytest

from otop_desktop.store.database import open_database
from otop_desktop.store.server import create_server_database, drop_server_database
from tests.conftest import make_world

ADMIN_ENV, REQUIRED_ENV = "OTOP_TEST_POSTGRES", "OTOP_REQUIRE_POSTGRES"


def _admin_url() -> str:
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


@pytest.fixture
def server_url():
    admin = _admin_url()
    name = f"otop_test_{uuid.uuid4().hex[:12]}"
    url = create_server_database(admin, name)
    yield url
    drop_server_database(admin, name)


@pytest.fixture
def server_database(server_url):
    database = open_database(server_url)
    yield database
    database.close()


@pytest.fixture
def server_world(server_database):
    return make_world(server_database)
