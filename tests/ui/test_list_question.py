"""The question before a province lock with districts incomplete: ไม่ใช่ is the answer Enter gives."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from otop_desktop.ui.list_question import ListQuestion


def test_enter_answers_no_whatever_has_the_focus_first(qtbot):
    """Enter on the question locked the whole province with 25 districts incomplete: the ใช่ button took the focus
    as the dialog showed, and a focused button in a dialog is the one Enter presses."""
    rows = [[f"34{n:02d}", "อำเภอ", "0/10"] for n in range(1, 26)]
    dialog = ListQuestion(None, "ล็อกทั้งจังหวัด", "มี 25 อำเภอที่ยังกรอกไม่ครบ", ["รหัส", "อำเภอ", "กรอกแล้ว"], rows, "ล็อก?")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    assert dialog.focusWidget() is dialog.no_button, dialog.focusWidget()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
