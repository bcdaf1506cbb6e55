"""A window left alone is covered by a dialog that asks its officer's password again; nothing typed is lost, and
with nothing unsaved it also offers to log out."""

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from otop_desktop.ui import idle_lock
from otop_desktop.ui.idle_lock import UnlockDialog
from otop_desktop.ui.sales_model import FIRST_AMOUNT
from tests.conftest import PASSWORD
from tests.ui.conftest import open_window, settle, type_into_cell


def left_alone(window) -> None:
    window.idle_lock.last_input = time.monotonic() - window.idle_lock.limit_s - 1


def answering(monkeypatch, *steps):
    """UnlockDialog.exec as the person at the PC would answer it: each step gets the dialog."""
    seen = []

    def run(dialog):
        seen.append(dialog)
        for step in steps:
            step(dialog)
            if dialog.result() or dialog.leaving:
                break
        return dialog.result()

    monkeypatch.setattr(UnlockDialog, "exec", run)
    return seen


def typed(password):
    def step(dialog):
        dialog.password_edit.setText(password)
        dialog.accept()

    return step


def buttons(dialog) -> list[str]:
    return [b.text() for b in dialog.findChildren(QPushButton)]


def test_a_window_left_alone_asks_the_password_and_goes_on_as_it_was(qtbot, world, monkeypatch):
    window = open_window(qtbot, world.database, world.mueang)
    tab = window.entry_tab
    settle()
    row = next(r for r in range(tab.model.rowCount()) if tab.model.entrepreneur_id(r) == world.ids["ไหม"])
    type_into_cell(qtbot, tab.view, row, FIRST_AMOUNT, "99")
    seen = answering(monkeypatch, lambda d: d.reject(), typed("not-the-password"), typed(PASSWORD))
    window.idle_lock.look()  # typed a moment ago: nothing happens
    assert seen == []
    left_alone(window)
    window.idle_lock.look()
    (dialog,) = seen
    assert "ออกจากระบบ" not in buttons(dialog)  # the unsaved figure is only its owner's to save or leave
    assert "ข้อมูลที่พิมพ์ไว้และยังไม่ได้บันทึกยังอยู่ครบ" in dialog.text_label.text()
    assert dialog.error_label.text()  # the wrong password was refused (Escape did nothing)
    assert dialog.result() and not window.logged_out and tab.model.is_dirty() and window.isVisible()
    seen.clear()
    window.idle_lock.look()  # the time starts again from the unlock
    assert seen == []


def test_with_nothing_unsaved_the_next_officer_may_log_out(qtbot, world, monkeypatch):
    window = open_window(qtbot, world.database, world.mueang)
    settle()
    seen = answering(monkeypatch, lambda d: d.leave())
    left_alone(window)
    window.idle_lock.look()
    assert "ออกจากระบบ" in buttons(seen[0]) and window.logged_out and not window.isVisible()


def test_a_key_or_a_click_keeps_the_window_open(qtbot, world, monkeypatch):
    window = open_window(qtbot, world.database, world.mueang)
    settle()
    seen = answering(monkeypatch, typed(PASSWORD))
    left_alone(window)
    qtbot.keyClick(window.entry_tab.view, Qt.Key.Key_Down)
    window.idle_lock.look()
    left_alone(window)
    qtbot.mouseClick(window.tabs.tabBar(), Qt.MouseButton.LeftButton)
    window.idle_lock.look()
    assert seen == [] and idle_lock.IDLE_MINUTES == 15


def test_a_dialog_left_open_keeps_the_lock_from_offering_to_log_out(qtbot, world, monkeypatch):
    """An entrepreneur's details half-typed in a dialog left open are its owner's too: the lock over it offers no
    logout (it logged out and the dialog went, silently)."""
    from PySide6.QtWidgets import QDialog

    window = open_window(qtbot, world.database, world.province)
    settle()
    seen = answering(monkeypatch, typed(PASSWORD))
    left_open = QDialog(window)
    left_open.setModal(True)
    left_open.show()
    qtbot.waitExposed(left_open)
    left_alone(window)
    window.idle_lock.look()
    assert "ออกจากระบบ" not in buttons(seen[0]) and not window.logged_out
    left_open.close()


def test_the_tries_at_the_lock_are_not_taken_for_a_change_made_elsewhere(qtbot, world, monkeypatch):
    """Each try is logged (as at the login); the bar of changes made elsewhere took the log's new entries for
    another PC's work."""
    window = open_window(qtbot, world.database, world.mueang)
    settle()
    window.elsewhere.look()  # what this window has seen
    settle()
    answering(monkeypatch, typed("not-the-password"), typed("not-it-either"), typed(PASSWORD))
    left_alone(window)
    window.idle_lock.look()
    settle()
    window.elsewhere.look()
    settle()
    assert window.elsewhere.isHidden()
