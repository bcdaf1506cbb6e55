"""ผู้ใช้งาน: an admin lists the province's users, adds a district officer who can then log in, is told why
a bad entry is refused (nothing added), and sets a new password; only admins see the menu."""

import pytest
from PySide6.QtWidgets import QInputDialog

from otop_desktop.core.errors import LoginFailed
from otop_desktop.services import auth
from otop_desktop.ui.bus import DataBus
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.users_dialog import UsersDialog
from tests.conftest import PASSWORD
from tests.ui.conftest import open_window


def dialog_for(qtbot, world, user):
    dialog = UsersDialog(AppContext(world.database, user, DataBus()))
    qtbot.addWidget(dialog)
    return dialog


def fill(dialog, role, area, username, password, repeat=None, name=""):
    dialog.role_box.setCurrentIndex(dialog.role_box.findData(role))
    dialog.area_box.setCurrentIndex(dialog.area_box.findData(area))
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    dialog.repeat_edit.setText(password if repeat is None else repeat)
    dialog.name_edit.setText(name)


def test_admin_adds_a_district_officer_who_can_log_in(qtbot, world, messages):
    dialog = dialog_for(qtbot, world, world.admin)
    assert [row[0] for row in dialog.users_model.rows] == ["admin", "prov", "mueang", "warin"]
    assert dialog.area_box.count() == 25 and dialog.area_box.itemData(0) == "3401"  # the province's districts
    fill(dialog, "district", "3407", "det", "det-secret-1", name="นายเดช อุดม")
    dialog.add_user()
    assert "det" in [row[0] for row in dialog.users_model.rows]
    assert "เพิ่มผู้ใช้งาน det" in messages.shown[-1][2]
    with world.database.unit_of_work() as uow:
        user = auth.authenticate(uow=uow, username="det", password="det-secret-1")
    assert (user.role, user.area_code, user.display_name) == ("district", "3407", "นายเดช อุดม")

    dialog.role_box.setCurrentIndex(dialog.role_box.findData("province"))
    assert [dialog.area_box.itemData(i) for i in range(dialog.area_box.count())] == ["34"]


@pytest.mark.parametrize(
    "username, password, repeat, expected",
    [
        ("det", "det-secret-1", "det-secret-2", "ไม่ตรงกัน"),
        ("det", "short", None, "อย่างน้อย 8"),
        ("mueang", "det-secret-1", None, "มีชื่อผู้ใช้งาน mueang อยู่แล้ว"),
        ("", "det-secret-1", None, "ไม่ว่าง"),
    ],
)
def test_a_refused_entry_says_why_and_adds_nothing(qtbot, world, messages, username, password, repeat, expected):
    dialog = dialog_for(qtbot, world, world.admin)
    fill(dialog, "district", "3407", username, password, repeat)
    dialog.add_user()
    assert expected in dialog.error_label.text()
    with world.database.unit_of_work() as uow:
        assert [u.username for u in auth.list_users(uow=uow)] == ["admin", "prov", "mueang", "warin"]


def test_admin_sets_a_new_password(qtbot, world, messages, monkeypatch):
    dialog = dialog_for(qtbot, world, world.admin)
    dialog.users_view.selectRow([row[0] for row in dialog.users_model.rows].index("warin"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("warin-new-pass", True))
    dialog.reset_password()
    assert "ตั้งรหัสผ่านใหม่ให้ warin แล้ว" in messages.shown[-1][2]
    with world.database.unit_of_work() as uow:
        assert auth.authenticate(uow=uow, username="warin", password="warin-new-pass").username == "warin"
        with pytest.raises(LoginFailed):
            auth.authenticate(uow=uow, username="warin", password=PASSWORD)


def test_only_admins_see_the_users_menu(qtbot, world):
    assert hasattr(open_window(qtbot, world.database, world.admin), "users_action")
    assert not hasattr(open_window(qtbot, world.database, world.province), "users_action")
    assert not hasattr(open_window(qtbot, world.database, world.mueang), "users_action")


def test_admin_closes_a_login_after_asking(qtbot, world, messages):
    from PySide6.QtWidgets import QMessageBox

    dialog = dialog_for(qtbot, world, world.admin)
    dialog.users_view.selectRow([row[0] for row in dialog.users_model.rows].index("warin"))
    messages.answer = QMessageBox.StandardButton.No
    dialog.deactivate()
    assert "warin" in [row[0] for row in dialog.users_model.rows]  # answered No: nothing changed
    messages.answer = QMessageBox.StandardButton.Yes
    dialog.deactivate()
    assert dialog.users_model.rows[-1][0] == "warin" and dialog.users_model.rows[-1][-1] == "ปิดบัญชีแล้ว"  # listed, last
    with world.database.unit_of_work() as uow, pytest.raises(LoginFailed):
        auth.authenticate(uow=uow, username="warin", password=PASSWORD)
    dialog.users_view.selectRow([row[0] for row in dialog.users_model.rows].index("admin"))
    dialog.deactivate()
    assert "ปิดบัญชีของตนเองไม่ได้" in messages.shown[-1][2]


def test_a_closed_login_is_listed_greyed_and_the_admin_opens_it_again(qtbot, world, messages):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    with world.database.unit_of_work() as uow:
        auth.deactivate_user(uow=uow, user=world.admin, username="mueang")
    dialog = dialog_for(qtbot, world, world.admin)
    rows = dialog.users_model.rows
    assert [(row[0], row[-1]) for row in rows] == [
        ("admin", "ใช้งาน"),
        ("prov", "ใช้งาน"),
        ("warin", "ใช้งาน"),
        ("mueang", "ปิดบัญชีแล้ว"),
    ]
    closed = dialog.users_model.index(3, 0)
    assert dialog.users_model.data(closed, Qt.ItemDataRole.ForegroundRole).color().name() == "#9e9e9e"
    assert dialog.users_model.data(dialog.users_model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    dialog.users_view.selectRow(3)
    assert dialog.enable_button.isEnabled()
    assert not dialog.disable_button.isEnabled() and not dialog.password_button.isEnabled()
    dialog.users_view.selectRow(2)
    assert not dialog.enable_button.isEnabled() and dialog.disable_button.isEnabled()
    dialog.users_view.selectRow(3)
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.enable_button, Qt.MouseButton.LeftButton)
    assert "เปิดบัญชี mueang อีกครั้งแล้ว" in messages.shown[-1][2]
    assert [row[-1] for row in dialog.users_model.rows] == ["ใช้งาน"] * 4
    with world.database.unit_of_work() as uow:
        assert auth.authenticate(uow=uow, username="mueang", password=PASSWORD).area_code == "3401"
