"""The login dialog: Thai prompts for empty fields, one message for a wrong password; the first admin."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from otop_desktop.services import auth
from otop_desktop.ui.login import FirstAdminDialog, LoginDialog
from tests.conftest import PASSWORD


def press_ok(qtbot, dialog):
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_empty_fields_get_the_prompts_of_the_letter(qtbot, world):
    dialog = LoginDialog(world.database)
    qtbot.addWidget(dialog)
    dialog.show()
    press_ok(qtbot, dialog)
    assert dialog.username_prompt.isVisible() and dialog.username_prompt.text() == "กรุณากรอกชื่อผู้ใช้งาน !"
    assert dialog.password_prompt.isVisible() and dialog.password_prompt.text() == "กรุณากรอกรหัสผ่าน !"
    assert dialog.user is None and dialog.isVisible()


def test_wrong_password_says_so_and_nothing_else(qtbot, world):
    dialog = LoginDialog(world.database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username_edit, "mueang")
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    press_ok(qtbot, dialog)
    assert dialog.error_label.text() == "ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง"
    assert dialog.password_edit.text() == "" and dialog.user is None


def test_right_password_logs_in_with_the_users_area(qtbot, world):
    dialog = LoginDialog(world.database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username_edit, "mueang")
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        press_ok(qtbot, dialog)
    assert dialog.user.area_code == "3401" and dialog.user.role == "district"


def test_first_run_creates_the_first_admin(qtbot, database):
    dialog = FirstAdminDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.province_box.setCurrentIndex(dialog.province_box.findData("34"))
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClicks(dialog.repeat_edit, "different1")
    press_ok(qtbot, dialog)
    assert "ไม่ตรงกัน" in dialog.error_label.text()
    dialog.repeat_edit.clear()
    qtbot.keyClicks(dialog.repeat_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        press_ok(qtbot, dialog)
    with database.unit_of_work() as uow:
        assert auth.authenticate(uow=uow, username="admin", password=PASSWORD).role == "admin"
