"""Alembic migrations of the otop-desktop schema, applied at start-up.

HEAD names the newest revision so start-up can skip loading Alembic when the file is current;
tests/integration/test_migrations.py checks it against the scripts.
"""

HEAD = "0022"
