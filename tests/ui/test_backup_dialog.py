"""Backing up and restoring from the main window: the reminder banner and its button, the menu's backup to a picked
folder, the restore preview (what the backup holds) and the way back to the login; a bad file is said and changes
nothing."""

import sqlite3
from contextlib import closing

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from otop_desktop.core.errors import PermissionDenied
from otop_desktop.services import backup
from otop_desktop.services.office import Office
from otop_desktop.ui import backup_dialog, file_dialogs
from tests.conftest import save
from tests.ui.conftest import open_window, settle

pytestmark = pytest.mark.sqlite_only(
    "backups and restores are copies of the SQLite file; a server keeps its own (pg_dump)"
)


def silk(path) -> int:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        return con.execute(
            "SELECT domestic_offline FROM monthly_sale WHERE entrepreneur_id = 1 AND month = 8"
        ).fetchone()[0]


def test_the_banner_reminds_and_backs_up_now(qtbot, world, messages, monkeypatch, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    window = open_window(qtbot, world.database, world.mueang)
    banner = window.backup_banner
    assert banner.isVisible() and "ยังไม่เคยสำรองข้อมูล" in banner.text.text()
    window.resize(1100, 700)
    window.grab().save("/tmp/h-reminder.png")
    monkeypatch.setattr(file_dialogs, "get_existing_directory", lambda *a, **k: str(usb))
    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(kind == "information" for kind, *_ in messages.shown), timeout=10000)
    [made] = usb.iterdir()
    assert made.suffix == ".otopbackup" and "ubon-ratchathani-mueang" in made.name
    assert str(made) in messages.shown[-1][2]
    assert not banner.isVisible()


def test_restore_shows_what_the_backup_holds_and_goes_back_to_the_login(qtbot, world, messages, monkeypatch, tmp_path):
    copy = tmp_path / "office.otopbackup"
    Office(world.database, world.province).query_batch(backup.make_backup, path=copy)
    save(world.database, world.province, 2569, 8, {world.ids["ไหม"]: (9_999_900, 0, None, None)})
    window = open_window(qtbot, world.database, world.admin)
    assert window.restore_action.isEnabled()
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(copy), ""))
    shown = []

    def preview(dialog):
        shown.append(dialog.facts.text())
        dialog.grab().save("/tmp/h-restore-preview.png")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(backup_dialog.RestorePreview, "exec", preview)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: window.logged_out, timeout=20000)
    assert "สำนักงาน: จังหวัดอุบลราชธานี" in shown[0] and "ผู้ใช้งาน: 4 คน" in shown[0]
    assert messages.shown[-1][1] == "กู้คืนแล้ว" and "เข้าสู่ระบบอีกครั้ง" in messages.shown[-1][2]
    assert not window.isVisible()
    assert silk(world.path) == 1_000_000  # the figure as backed up, not the one saved after


def test_a_bad_file_is_said_and_nothing_changes(qtbot, world, messages, monkeypatch, tmp_path):
    bad = tmp_path / "bad.otopbackup"
    bad.write_bytes(b"not a database" * 1000)
    window = open_window(qtbot, world.database, world.province)
    before = silk(world.path)
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(bad), ""))
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: any(kind == "warning" for kind, *_ in messages.shown), timeout=10000)
    assert "bad.otopbackup" in messages.shown[-1][2] and "เสียหาย" in messages.shown[-1][2]
    settle()
    assert window.isVisible() and not window.logged_out and silk(world.path) == before


def test_a_district_officer_may_back_up_but_not_restore(qtbot, world):
    window = open_window(qtbot, world.database, world.warin)
    assert window.backup_action.isEnabled()
    assert not window.restore_action.isEnabled()
    assert "ผู้ดูแลระบบหรือเจ้าหน้าที่ระดับจังหวัด" in window.restore_action.toolTip()


def test_a_new_pc_takes_the_offices_backup_at_its_first_start_and_its_users_log_in(
    qtbot, world, messages, monkeypatch, tmp_path
):
    """The PC broke; on the new one the program starts on an empty database, with nobody to log in as. The first
    dialog offers the backup: what it holds is shown, it is put in, and the office's own users log in as before.
    Where there are users, restoring without logging in is refused."""
    from otop_desktop.services import auth
    from otop_desktop.store.database import open_database
    from otop_desktop.ui.login import FirstAdminDialog
    from tests.conftest import PASSWORD

    copy = tmp_path / "office.otopbackup"
    Office(world.database, world.province).query_batch(backup.make_backup, path=copy)
    new_pc = open_database(tmp_path / "new-pc" / "otop.db")
    dialog = FirstAdminDialog(new_pc)  # deleted below on this thread, as log_in does (its closures make cycles that
    try:  # the collector could otherwise break on a worker thread, where Qt crashes destroying a widget)
        dialog.show()
        monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(copy), ""))
        shown = []
        monkeypatch.setattr(
            backup_dialog.RestorePreview, "exec", lambda preview: shown.append(preview.facts.text()) or 1
        )
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.restored, timeout=20000)
        assert "สำนักงาน: จังหวัดอุบลราชธานี" in shown[0] and dialog.isHidden()
        with new_pc.unit_of_work() as uow:
            assert auth.authenticate(uow=uow, username="mueang", password=PASSWORD).area_code == "3401"
        assert silk(new_pc.path) == silk(world.path)
        with new_pc.unit_of_work() as uow:  # what is here is that backup: no "never backed up" over it
            mueang = auth.authenticate(uow=uow, username="mueang", password=PASSWORD)
            assert backup.backup_reminder(uow=uow, user=mueang) == ""
        with pytest.raises(PermissionDenied, match="ฐานข้อมูลนี้มีผู้ใช้งานแล้ว"):
            backup.restore_first_backup(new_pc, None, path=copy)
    finally:
        shiboken6.delete(dialog)
        new_pc.close()
