"""The login dialog: Thai prompts for empty fields, one message for a wrong password; the first admin."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from otop_desktop.services import auth
from otop_desktop.ui.login import FirstAdminDialog, LoginDialog, Opening
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


def test_the_dialog_is_up_before_the_database_has_opened_and_logs_in_once_it_has(qtbot, world):
    world.database.close()
    opening = Opening(world.path)
    dialog = LoginDialog(opening)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username_edit, "mueang")
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        press_ok(qtbot, dialog)  # waits for the opening if it has not finished
    assert dialog.user.area_code == "3401" and opening.database is not None and opening.error is None
    opening.database.close()


def test_a_database_that_cannot_open_closes_the_dialog_and_says_why(qtbot, tmp_path, monkeypatch):
    from otop_desktop.ui import app

    broken = tmp_path / "otop.db"
    broken.write_bytes(b"this is not a database" * 100)
    assert app.has_users(broken) is False
    shown = []
    monkeypatch.setattr(app, "show_error", lambda parent, error: shown.append(error))
    assert app.run_gui(broken) == 1
    assert shown and "Traceback" not in str(shown[0])


def test_has_users_reads_the_file_without_the_database_layer(world):
    from otop_desktop.ui.app import has_users

    assert has_users(world.path) is True
    assert has_users(world.path.parent / "missing.db") is False
