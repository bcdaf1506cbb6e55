"""A fresh database on a PostgreSQL server for each test (tests/engines.py says where the server is, and
why these tests skip or fail without one)."""

import pytest

from otop_desktop.store.database import open_database
from tests.conftest import make_world


@pytest.fixture
def server_url(server_databases):
    url = server_databases.fresh()
    yield url
    server_databases.drop(url)


@pytest.fixture
def server_database(server_url):
    database = open_database(server_url)
    yield database
    database.close()


@pytest.fixture
def server_world(server_database):
    return make_world(server_database)
