"""The login dialog: Thai prompts for empty fields, one message for a wrong password; the first admin."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from otop_desktop.services import auth
from otop_desktop.ui.login import FirstAdminDialog, LoginDialog, Opening
from tests.conftest import PASSWORD
from tests.engines import target
from tests.loopback import loopback_server


def press_ok(qtbot, dialog):
    box = dialog.findChild(QDialogButtonBox)
    button = box.button(QDialogButtonBox.StandardButton.Ok) or box.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


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
    assert dialog.province_box.currentData() is None  # no province chosen for the officer (Krabi came first)
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClicks(dialog.repeat_edit, PASSWORD)
    press_ok(qtbot, dialog)
    assert "กรุณาเลือกจังหวัด" in dialog.error_label.text() and not dialog.isHidden()
    dialog.password_edit.clear()
    dialog.repeat_edit.clear()
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
        assert auth.authenticate(uow=uow, username="admin", password=PASSWORD).area_code == "34"


def test_the_dialog_is_up_before_the_database_has_opened_and_logs_in_once_it_has(qtbot, world):
    world.database.close()
    opening = Opening(target(world.database))
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
    assert app.run_gui(tmp_path) == 1
    assert shown and "Traceback" not in str(shown[0])


@pytest.mark.sqlite_only("reads the SQLite file before SQLAlchemy loads; a server is asked once connected")
def test_has_users_reads_the_file_without_the_database_layer(world):
    from otop_desktop.ui.app import has_users

    assert has_users(world.path) is True
    assert has_users(world.path.parent / "missing.db") is False


def test_this_pc_is_set_to_the_offices_server_and_back_to_its_own_file(qtbot, tmp_path, monkeypatch):
    from otop_desktop.paths import saved_database_url
    from otop_desktop.ui.connection import ConnectionDialog

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no.pgpass"))
    dialog = ConnectionDialog(tmp_path / "otop.db", tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.local_choice.isChecked() and not dialog.server_fields.isEnabled()
    dialog.server_choice.setChecked(True)
    dialog.host_edit.clear()
    press_ok(qtbot, dialog)
    assert dialog.error_label.text() == "กรุณากรอกเครื่องเซิร์ฟเวอร์และชื่อฐานข้อมูล" and saved_database_url(tmp_path) is None
    with loopback_server("password") as port:  # it answers, asking a password .pgpass does not hold: kept
        qtbot.keyClicks(dialog.host_edit, "127.0.0.1")
        dialog.port_box.setValue(port)
        press_ok(qtbot, dialog)
        qtbot.waitUntil(lambda: dialog.result() == ConnectionDialog.DialogCode.Accepted, timeout=10000)
    assert saved_database_url(tmp_path) == f"postgresql://otop@127.0.0.1:{port}/otop"
    again = ConnectionDialog(saved_database_url(tmp_path), tmp_path)
    qtbot.addWidget(again)
    assert (
        again.server_choice.isChecked() and again.host_edit.text() == "127.0.0.1" and again.role_edit.text() == "otop"
    )
    again.local_choice.setChecked(True)
    press_ok(qtbot, again)
    assert saved_database_url(tmp_path) is None


def test_the_login_dialog_says_which_database_and_closes_to_open_another(qtbot, world, tmp_path, monkeypatch):
    from otop_desktop.ui.connection import ConnectionDialog

    dialog = LoginDialog(world.database, where=(tmp_path / "otop.db", tmp_path, False))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.place_label.text() == f"ฐานข้อมูล: ไฟล์ในเครื่องนี้ {tmp_path / 'otop.db'}"
    monkeypatch.setattr(ConnectionDialog, "exec", lambda self: ConnectionDialog.DialogCode.Rejected)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.database_changed  # cancelled: nothing changes

    def choose_server(self):
        self.server_choice.setChecked(True)
        self.host_edit.setText("127.0.0.1")
        self.port_box.setValue(port)
        self.accept()
        qtbot.waitUntil(lambda: self.result() == ConnectionDialog.DialogCode.Accepted, timeout=10000)
        return self.result()

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no.pgpass"))
    monkeypatch.setattr(ConnectionDialog, "exec", choose_server)
    with loopback_server("password") as port:
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert dialog.database_changed and not dialog.isVisible() and dialog.user is None
    fixed = LoginDialog(world.database, where=("postgresql://otop@server/otop", None, True))
    qtbot.addWidget(fixed)
    assert fixed.place_label.text() == "ฐานข้อมูล: เซิร์ฟเวอร์ของสำนักงาน postgresql://otop@server/otop"
    assert not fixed.change_button.isEnabled()


@pytest.mark.parametrize("saved", ['{"database_url": "postgresql://otop:secret@server/otop"}', "{not json", "[]"])
def test_a_saved_choice_the_program_cannot_take_is_said_and_another_can_be_chosen(saved, qtbot, tmp_path, monkeypatch):
    from otop_desktop.paths import CONNECTION_FILE
    from otop_desktop.ui import app
    from otop_desktop.ui.connection import ConnectionDialog

    (tmp_path / CONNECTION_FILE).write_text(saved)  # edited by hand, or broken
    seen, offered = [], []

    def look(dialog):
        seen.append((dialog.error_label.text(), dialog.username_edit.isEnabled(), dialog.change_button.isEnabled()))
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", look)
    monkeypatch.setattr(app, "show_error", lambda parent, error: None)  # not how it is said: in the login dialog
    monkeypatch.setattr(
        ConnectionDialog,
        "exec",  # what it offered (the dialog itself is gone once done with)
        lambda self: offered.append(self.local_choice.isChecked()) or ConnectionDialog.DialogCode.Rejected,
    )
    assert app.run_gui(tmp_path) == 2  # the officer cancelled the choice
    message, can_log_in, can_choose = seen[0]
    assert str(tmp_path / CONNECTION_FILE) in message and "ฐานข้อมูล…" in message and "secret" not in message
    assert not can_log_in and can_choose and offered == [True]
    assert sorted(path.name for path in tmp_path.iterdir()) == [CONNECTION_FILE]  # no empty otop.db beside it

    def choose_this_pcs_file(self):
        self.local_choice.setChecked(True)
        self.accept()
        return self.result()

    monkeypatch.setattr(ConnectionDialog, "exec", choose_this_pcs_file)
    monkeypatch.setattr(app, "log_in", lambda opening, users, where: (opening.wait() and None, False))
    assert app.run_gui(tmp_path) == 0 and (tmp_path / "otop.db").exists()  # chosen: it opens, the officer cancels


@pytest.mark.sqlite_only("a new PC's first start is on its own file")
def test_once_a_new_pc_has_taken_the_offices_backup_the_login_follows(qtbot, tmp_path, monkeypatch):
    """The first-start dialog closes once the backup is in (nobody logged in yet); the login dialog follows on
    the same database, for the office's users."""
    from otop_desktop.ui import app

    opening = Opening(tmp_path / "otop.db")
    asked = []

    def restored(dialog):
        asked.append(type(dialog).__name__)
        dialog.restored = True  # as FirstAdminDialog.restore leaves it
        return 0

    monkeypatch.setattr(FirstAdminDialog, "exec", restored)
    monkeypatch.setattr(LoginDialog, "exec", lambda dialog: asked.append(type(dialog).__name__) or 0)
    assert app.log_in(opening, False) == (None, False)  # the officer closed the login: nobody
    assert asked == ["FirstAdminDialog", "LoginDialog"]
    opening.wait().close()


@pytest.mark.sqlite_only("a new PC's first start is on its own file")
def test_a_new_pc_of_an_office_on_a_server_chooses_the_server_at_its_first_start(qtbot, tmp_path, monkeypatch):
    """A new PC opens on an empty file of its own: the first dialog offers ฐานข้อมูล… as the login does, and the
    server chosen is opened next (before, only a throwaway admin on this PC led to the login and its button)."""
    from PySide6.QtWidgets import QDialog

    from otop_desktop.ui import app
    from otop_desktop.ui.connection import ConnectionDialog

    opening = Opening(tmp_path / "otop.db")
    shown = []

    def chosen(dialog):
        shown.append(dialog.change_button.text())
        dialog.change_button.click()  # the officer picks the office's server
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstAdminDialog, "exec", chosen)
    monkeypatch.setattr(ConnectionDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    assert app.log_in(opening, False, where=(tmp_path / "otop.db", tmp_path, False)) == (None, True)
    assert shown == ["ฐานข้อมูล…"]
    opening.wait().close()


def test_a_first_start_prints_no_line_of_each_migration(qtbot, tmp_path, monkeypatch):
    """The program's log says its warnings on the terminal; a new PC's first start printed alembic's INFO line
    for each of 59 migrations."""
    import logging

    from otop_desktop.ui import app

    asked = []
    monkeypatch.setattr(logging, "basicConfig", lambda **settings: asked.append(settings))
    monkeypatch.setattr(app, "log_in", lambda opening, users, where: (opening.wait() and None, False))
    assert app.run_gui(tmp_path) == 0
    assert asked and all(settings.get("level", logging.WARNING) >= logging.WARNING for settings in asked)


def test_a_long_refusal_shows_whole_and_leaves_the_fields_their_height(qtbot, tmp_path):
    """A frozen server's refusal runs to five lines: the dialog grows to show them (it showed two, over the password
    field, and squashed the fields)."""
    from otop_desktop.store.database import open_database
    from otop_desktop.ui.login import LoginDialog

    database = open_database(tmp_path / "otop.db")
    dialog = LoginDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    said = (
        "เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล postgresql://otop@server/otop ไม่ได้: เครื่อง server ไม่ตอบภายในเวลาที่รอ "
        "กรุณาตรวจสอบเครือข่ายและเครื่องเซิร์ฟเวอร์ ยังไม่ได้ทำรายการใด ๆ (ข้อมูลที่พิมพ์ไว้บนหน้าจอยังอยู่) "
        "กรุณาลองอีกครั้งเมื่อเซิร์ฟเวอร์กลับมา"
    )
    dialog.error_label.setText(said)
    QApplication.processEvents()
    label = dialog.error_label
    assert label.height() >= label.heightForWidth(label.width()) > 3 * label.fontMetrics().height()
    for field in (dialog.username_edit, dialog.password_edit):
        assert field.height() >= field.sizeHint().height()
    database.close()


def test_a_server_database_still_opening_shows_the_login_at_once(qtbot, tmp_path, monkeypatch, messages):
    """A frozen server takes as long as the program waits to fail: the login shows meanwhile (no window came up at
    all for 11 s), and closes with the reason once the opening fails."""
    import threading

    from otop_desktop.core.errors import ServerNotAnswering
    from otop_desktop.ui import app, login

    held = threading.Event()

    def frozen(path, password):
        held.wait(10)
        raise ServerNotAnswering(90)

    monkeypatch.setattr(login, "_open", frozen)
    shown = []

    def exec_(dialog):
        shown.append((type(dialog).__name__, dialog.database.error is None and dialog.database.database is None))
        held.set()  # the server gives up now: the officer is told why once the dialog is gone
        dialog.database.wait()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    place = app.Place(tmp_path, "postgresql://otop@server/otop", fixed=True)
    assert app.sign_in(place) == (None, None, 1)
    assert shown == [("LoginDialog", True)]  # shown while the server was still being waited for
    assert any("ไม่ตอบสนองภายใน 90 วินาที" in text for _, _, text in messages.shown)


def test_every_dialogs_refusal_label_is_the_one_that_grows_its_dialog():
    """A label made by hand for a refusal left its dialog as it was: the entrepreneur dialog squashed its fields
    under a locked month's refusal (ui.errors.error_label grows the dialog)."""
    import re
    from pathlib import Path

    import otop_desktop.ui as ui

    made_by_hand = [
        f"{path.name}:{number}"
        for path in Path(ui.__file__).parent.glob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"error_label\s*=\s*QLabel\(", line)
    ]
    assert not made_by_hand, made_by_hand
