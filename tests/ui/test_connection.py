"""The database dialog and a server out of reach: said in Thai (the driver's words only behind รายละเอียด), a
server kept on this PC only once it answered, and Cancel back to the login on the database that worked."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox

from otop_desktop.paths import CONNECTION_FILE, save_database_url, saved_database_url
from otop_desktop.store import database as database_module
from otop_desktop.ui.connection import ConnectionDialog
from otop_desktop.ui.login import LoginDialog
from otop_desktop.ui.tasks import wait_for_background
from tests.loopback import CLOSED_PORT, loopback_server
from tests.ui.test_login import press_ok


@pytest.fixture(autouse=True)
def no_pgpass(tmp_path, monkeypatch):
    """No password from this machine's ~/.pgpass or environment reaches the servers of these tests."""
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no.pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)


def only_thai(message: str, url: str) -> bool:
    """Whether the message is Thai but for the server's URL and the name PostgreSQL."""
    return not re.search("[A-Za-z]", message.replace(url, "").replace("PostgreSQL", ""))


def try_server(qtbot, dialog, port: int) -> None:
    dialog.server_choice.setChecked(True)
    dialog.host_edit.setText("127.0.0.1")
    dialog.port_box.setValue(port)
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog._probing is None, timeout=15000)


@pytest.mark.parametrize(
    "kind, driver_words, reason",
    [
        ("closed", "Connection refused", "ไม่รับการเชื่อมต่อที่พอร์ต"),
        ("garbage", "received invalid response to SSL negotiation", "ไม่ใช่ PostgreSQL"),
    ],
)
def test_a_server_that_does_not_answer_is_said_in_thai_and_not_kept(kind, driver_words, reason, qtbot, tmp_path):
    dialog = ConnectionDialog(tmp_path / "otop.db", tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    if kind == "closed":
        try_server(qtbot, dialog, CLOSED_PORT)
        port = CLOSED_PORT
    else:
        with loopback_server(kind) as port:
            try_server(qtbot, dialog, port)
    said, url = dialog.error_label.text(), f"postgresql://otop@127.0.0.1:{port}/otop"
    assert said.startswith(f"เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล {url} ไม่ได้") and reason in said and "ยังไม่ได้เปลี่ยน" in said
    assert only_thai(said, url) and "psycopg" not in said
    QApplication.processEvents()
    assert all(  # the dialog grew with the reason: the fields above keep their height (they were squeezed)
        edit.height() >= edit.sizeHint().height() for edit in (dialog.host_edit, dialog.database_edit, dialog.role_edit)
    )
    assert dialog.detail_button.isVisible() and dialog.detail_button.text() == "รายละเอียด"
    assert not dialog.detail_label.isVisible() and driver_words in dialog.detail_label.text()
    qtbot.mouseClick(dialog.detail_button, Qt.MouseButton.LeftButton)
    assert dialog.detail_label.isVisible()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert not (tmp_path / CONNECTION_FILE).exists() and saved_database_url(tmp_path) is None


def test_a_whole_url_pasted_as_the_servers_name_is_refused_and_its_password_kept_nowhere(qtbot, tmp_path):
    """An officer pastes the URL their IT gave, password and all, into เครื่องเซิร์ฟเวอร์: it was saved on the PC
    and shown in the password prompt at every start. Now the field says what goes in it, and nothing is kept."""
    dialog = ConnectionDialog(tmp_path / "otop.db", tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server_choice.setChecked(True)
    dialog.host_edit.setText("postgresql://otop:Secr3tPw9@127.0.0.1:5439/otopdemo")
    press_ok(qtbot, dialog)
    said = dialog.error_label.text()
    assert said.startswith("เครื่องเซิร์ฟเวอร์: ใส่เฉพาะชื่อหรือที่อยู่ IP ของเครื่อง") and "Secr3tPw9" not in said
    assert dialog.isVisible() and dialog._probing is None
    assert not (tmp_path / CONNECTION_FILE).exists() and saved_database_url(tmp_path) is None


def test_a_saved_choice_hiding_a_password_is_not_taken(tmp_path):
    """A file saved by the version that took such a field (the password hidden in the server's name) is refused
    as unreadable, without saying the password, and the PC chooses again."""
    from otop_desktop.core.errors import SavedChoiceUnreadable

    (tmp_path / CONNECTION_FILE).write_text(
        '{"database_url": "postgresql://otop@[postgresql://otop:Secr3tPw9@127.0.0.1:5439/otopdemo]:5439/otopdemo"}',
        encoding="utf-8",
    )
    with pytest.raises(SavedChoiceUnreadable) as refused:
        saved_database_url(tmp_path)
    assert "Secr3tPw9" not in refused.value.message and "รหัสผ่าน" in refused.value.message


def test_a_silent_server_is_given_up_in_seconds_and_cancel_keeps_nothing(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(database_module, "PROBE_TIMEOUT_S", 2)
    dialog = ConnectionDialog(tmp_path / "otop.db", tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    with loopback_server("silent") as port:
        dialog.server_choice.setChecked(True)
        dialog.host_edit.setText("127.0.0.1")
        dialog.port_box.setValue(port)
        press_ok(qtbot, dialog)
        assert "กำลังติดต่อเซิร์ฟเวอร์" in dialog.error_label.text()
        dialog.reject()  # Cancel while it is being tried
        wait_for_background()
        assert saved_database_url(tmp_path) is None
        dialog.show()
        try_server(qtbot, dialog, port)
    assert "ไม่ตอบภายในเวลาที่รอ" in dialog.error_label.text() and "timeout" in dialog.detail_label.text()
    assert saved_database_url(tmp_path) is None


@pytest.fixture
def local_office(world, tmp_path):
    """This PC's file (with its users) in the data folder tmp_path, closed for run_gui to open."""
    world.database.close()
    return world.path


@pytest.mark.sqlite_only("the fallback is this PC's file, which run_gui opens from the data folder")
def test_a_saved_server_out_of_reach_is_said_and_cancel_comes_back_to_this_pcs_file(
    qtbot, local_office, tmp_path, monkeypatch
):
    from otop_desktop.ui import app

    server = f"postgresql://otop@127.0.0.1:{CLOSED_PORT}/otop"
    save_database_url(server, tmp_path)  # it answered once; today it does not
    boxes, offered, logins = [], [], []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append((box.text(), box.detailedText())))
    monkeypatch.setattr(
        ConnectionDialog, "exec", lambda self: offered.append(self.url()) or QDialog.DialogCode.Rejected
    )
    monkeypatch.setattr(
        LoginDialog, "exec", lambda self: logins.append(self.place_label.text()) or QDialog.DialogCode.Rejected
    )
    assert app.run_gui(tmp_path) == 0  # the officer cancelled the login on this PC's file
    ((text, detail),) = boxes
    assert text.startswith(f"เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล {server} ไม่ได้") and only_thai(text, server)
    assert "Connection refused" in detail and "Connection refused" not in text
    assert offered == [server]  # the database dialog, filled in with the server that failed
    assert logins == [f"ฐานข้อมูล: ไฟล์ในเครื่องนี้ {local_office}"]


@pytest.mark.sqlite_only("the database that worked is this PC's file, which run_gui opens from the data folder")
def test_cancel_comes_back_to_the_database_that_worked(qtbot, local_office, tmp_path, monkeypatch):
    from otop_desktop.ui import app

    logins = []

    def log_in(self):  # first on this PC's file: ฐานข้อมูล… the server; then, back on the file, cancel
        logins.append(self.place_label.text())
        if len(logins) == 1:
            self.change_database(local_office, tmp_path)
        return QDialog.DialogCode.Rejected

    def choose_server(self):
        self.server_choice.setChecked(True)
        self.host_edit.setText("127.0.0.1")
        self.port_box.setValue(port)
        self.accept()
        qtbot.waitUntil(lambda: self.result() == QDialog.DialogCode.Accepted, timeout=15000)
        return self.result()

    monkeypatch.setattr(LoginDialog, "exec", log_in)
    monkeypatch.setattr(ConnectionDialog, "exec", choose_server)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("", False))  # no password: cancelled
    with loopback_server("password") as port:
        assert app.run_gui(tmp_path) == 0
    assert saved_database_url(tmp_path) == f"postgresql://otop@127.0.0.1:{port}/otop"  # it answered: kept
    assert logins == [f"ฐานข้อมูล: ไฟล์ในเครื่องนี้ {local_office}"] * 2


def test_with_no_file_on_this_pc_the_login_says_so_instead_of_making_one(qtbot, tmp_path, monkeypatch):
    from otop_desktop.ui import app

    save_database_url(f"postgresql://otop@127.0.0.1:{CLOSED_PORT}/otop", tmp_path)
    problems = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: None)
    monkeypatch.setattr(ConnectionDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(
        LoginDialog,
        "exec",
        lambda self: (
            problems.append((self.error_label.text(), self.username_edit.isEnabled())) or QDialog.DialogCode.Rejected
        ),
    )
    assert app.run_gui(tmp_path) == 1
    assert problems == [
        ("ยังไม่ได้เปิดฐานข้อมูลใด และเครื่องนี้ยังไม่มีไฟล์ข้อมูล กรุณาเลือกฐานข้อมูลที่ปุ่ม ฐานข้อมูล… หรือกดยกเลิกเพื่อปิดโปรแกรม", False)
    ]
    assert sorted(path.name for path in tmp_path.iterdir()) == [CONNECTION_FILE]  # no empty otop.db made
