"""The way out: ไฟล์ → ออกจากระบบ back to the login on the same database (unsaved edits asked about first),
ออกจากโปรแกรม (Ctrl+Q) ends the program, and เปลี่ยนรหัสผ่านของฉัน… changes one's own password."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from otop_desktop.core.errors import LoginFailed
from otop_desktop.services import auth
from otop_desktop.ui.main_window import MainWindow
from otop_desktop.ui.password_dialog import OwnPasswordDialog
from otop_desktop.ui.sales_model import FIRST_AMOUNT
from tests.conftest import PASSWORD
from tests.ui.conftest import open_window, type_into_cell


def test_the_file_menu_holds_the_way_out(qtbot, world):
    window = open_window(qtbot, world.database, world.warin)
    files = window.menuBar().actions()[0].menu()
    assert [action.text() for action in files.actions() if not action.isSeparator()] == [
        "แลกเปลี่ยนไฟล์ข้อมูล…",
        "สำรองข้อมูล…",
        "กู้คืนจากไฟล์สำรอง…",
        "เปลี่ยนรหัสผ่านของฉัน…",
        "ออกจากระบบ / เปลี่ยนผู้ใช้",
        "ออกจากโปรแกรม",
    ]
    assert QKeySequence("Ctrl+Q") in window.quit_action.shortcuts()
    window.quit_action.trigger()
    assert not window.isVisible() and not window.logged_out


def test_log_out_asks_about_unsaved_edits_first(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.mueang)
    type_into_cell(qtbot, window.entry_tab.view, 0, FIRST_AMOUNT, "99")
    messages.answer = QMessageBox.StandardButton.Cancel
    window.log_out_action.trigger()
    assert messages.shown[-1][:2] == ("question", "ยังไม่ได้บันทึก")
    assert window.isVisible() and not window.logged_out  # stayed, edits kept
    messages.answer = QMessageBox.StandardButton.Discard
    window.log_out_action.trigger()
    assert not window.isVisible() and window.logged_out


def test_a_user_changes_their_own_password_in_the_dialog(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.warin)
    dialog = OwnPasswordDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.current_edit.setText("not-the-current")
    dialog.new_edit.setText("warin-new-pass")
    dialog.repeat_edit.setText("warin-other-pass")
    dialog.accept()
    assert dialog.error_label.text() == "รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน"
    dialog.repeat_edit.setText("warin-new-pass")
    dialog.accept()
    assert "รหัสผ่านปัจจุบันไม่ถูกต้อง" in dialog.error_label.text() and dialog.current_edit.text() == ""
    dialog.current_edit.setText(PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and "เปลี่ยนรหัสผ่านแล้ว" in messages.shown[-1][2]
    with world.database.unit_of_work() as uow:
        assert auth.authenticate(uow=uow, username="warin", password="warin-new-pass").area_code == "3415"
        with pytest.raises(LoginFailed):
            auth.authenticate(uow=uow, username="warin", password=PASSWORD)


@pytest.mark.sqlite_only("run_gui opens the data folder's file; the loop is the same on a server")
def test_after_a_log_out_the_login_comes_again_on_the_same_database_and_quit_ends(qtbot, world, monkeypatch):
    from otop_desktop.ui import app
    from otop_desktop.ui.login import LoginDialog

    world.database.close()
    logins, windows = [], []

    def log_in_as(dialog):
        logins.append(dialog.database.wait())
        if len(logins) == 3:
            return QDialog.DialogCode.Rejected
        dialog.username_edit.setText(["prov", "warin"][len(logins) - 1])
        dialog.password_edit.setText(PASSWORD)
        dialog.accept()
        return dialog.result()

    def show(window):
        windows.append(window)
        QMainWindowShow(window)
        QTimer.singleShot(0, (window.log_out_action if len(windows) == 1 else window.quit_action).trigger)

    QMainWindowShow = MainWindow.show
    monkeypatch.setattr(LoginDialog, "exec", log_in_as)
    monkeypatch.setattr(MainWindow, "show", show)
    assert app.run_gui(world.path.parent) == 0
    assert [w.context.user.username for w in windows] == ["prov", "warin"] and len(logins) == 2
    assert logins[0] is logins[1] and windows[0].context.database is windows[1].context.database
    assert [w.logged_out for w in windows] == [True, False]
