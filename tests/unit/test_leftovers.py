"""What a killed import, backup or restore leaves (the writer's hidden temporary copy of the database, with SQLite's
-wal and -shm beside it: megabytes each time) goes when the database is next opened, once it is old enough not to
be another process's copy still being written."""

import os
import time

import pytest

from otop_desktop.core.files import LEFT_FOR
from otop_desktop.store.database import open_database


@pytest.mark.sqlite_only("the temporaries are copies of the SQLite file beside it")
def test_a_killed_copys_leftovers_go_at_the_next_open_and_nothing_else(database, tmp_path):
    folder = database.path.parent
    database.close()
    backups = folder / "backups"
    backups.mkdir(exist_ok=True)
    old = time.time() - LEFT_FOR - 60
    left = [
        folder / ".otop-wyik7v0w.tmp",
        folder / ".otop-wyik7v0w.tmp-wal",
        folder / ".otop-wyik7v0w.tmp-shm",
        backups / ".otop-3kq1.tmp",
        backups / ".otop-3kq1.tmp-journal",
    ]
    kept = [
        folder / ".otop-writing.tmp",  # another process's, still being written
        folder / ".otop-notes.txt",  # not the writer's
        backups / "before-import-2569-12-06.otopbackup",
    ]
    for path in [*left, *kept]:
        path.write_bytes(b"x" * 1000)
    for path in [*left, *kept[1:]]:
        os.utime(path, (old, old))
    reopened = open_database(folder / "otop.db")
    reopened.close()
    assert [path.exists() for path in left] == [False] * len(left)
    assert [path.exists() for path in kept] == [True] * len(kept)
