"""Which database this PC works on, chosen at the login dialog (ฐานข้อมูล…): the file on this PC, or the
office's PostgreSQL server. The choice is kept in the data folder (paths.CONNECTION_FILE) and the command
line takes it too; a password never is: PostgreSQL's ~/.pgpass keeps it, or the program asks at start."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QInputDialog, QLabel, QLineEdit, QRadioButton, QSpinBox, QVBoxLayout, QWidget,
)

from otop_desktop.paths import save_database_url, server_url, server_url_parts
from otop_desktop.ui.common import save_cancel_buttons
from otop_desktop.ui.errors import error_label

DEFAULT_PORT = 5432


def describe(target: "Path | str") -> str:
    """Where the data lives, as the login dialog says it."""
    if isinstance(target, Path):
        return QCoreApplication.translate("ConnectionDialog", "ฐานข้อมูล: ไฟล์ในเครื่องนี้ %1").replace("%1", str(target))
    # paths.checked_url let no password into it; SQLAlchemy is not loaded yet while the login dialog comes up
    return QCoreApplication.translate("ConnectionDialog", "ฐานข้อมูล: เซิร์ฟเวอร์ของสำนักงาน %1").replace("%1", target)


class ConnectionDialog(QDialog):
    """The file on this PC, or the office's server (host, port, database, the program's role)."""

    def __init__(self, current: "Path | str", data_dir=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("ฐานข้อมูลที่ใช้"))
        self.local_choice = QRadioButton(self.tr("ไฟล์ข้อมูลในเครื่องนี้ (ใช้คนเดียว ส่งข้อมูลด้วยไฟล์)"))
        self.server_choice = QRadioButton(self.tr("เซิร์ฟเวอร์ฐานข้อมูลของสำนักงาน (PostgreSQL: ใช้ร่วมกันหลายเครื่อง)"))
        self.host_edit, self.database_edit, self.role_edit = QLineEdit(), QLineEdit("otop"), QLineEdit("otop")
        self.port_box = QSpinBox()
        self.port_box.setRange(1, 65535)
        self.port_box.setValue(DEFAULT_PORT)
        if isinstance(current, str):
            host, port, database, role = server_url_parts(current)
            self.server_choice.setChecked(True)
            self.host_edit.setText(host)
            self.port_box.setValue(port or DEFAULT_PORT)
            self.database_edit.setText(database)
            self.role_edit.setText(role)
        else:
            self.local_choice.setChecked(True)
        self.server_fields = QWidget()
        form = QFormLayout(self.server_fields)
        form.addRow(self.tr("เครื่องเซิร์ฟเวอร์ (ชื่อหรือ IP)"), self.host_edit)
        form.addRow(self.tr("พอร์ต"), self.port_box)
        form.addRow(self.tr("ชื่อฐานข้อมูล"), self.database_edit)
        form.addRow(self.tr("ชื่อผู้ใช้ฐานข้อมูล"), self.role_edit)
        note = QLabel(self.tr("รหัสผ่านของฐานข้อมูลไม่ถูกบันทึกในโปรแกรม: เก็บในไฟล์ .pgpass ของเครื่องนี้ "
                              "หรือโปรแกรมจะถามทุกครั้งที่เปิด"))
        note.setWordWrap(True)
        self.error_label = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.local_choice)
        layout.addWidget(self.server_choice)
        layout.addWidget(self.server_fields)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(save_cancel_buttons(self, self.tr("ใช้ฐานข้อมูลนี้")))
        self.server_choice.toggled.connect(self.server_fields.setEnabled)
        self.server_fields.setEnabled(self.server_choice.isChecked())
        self.setMinimumWidth(480)

    def url(self) -> str | None:
        """The server's URL as typed, or None for the file on this PC."""
        if self.local_choice.isChecked():
            return None
        return server_url(self.host_edit.text().strip(), self.port_box.value(), self.database_edit.text().strip(),
                          self.role_edit.text().strip())

    def accept(self) -> None:
        if self.server_choice.isChecked() and not (self.host_edit.text().strip() and self.database_edit.text().strip()):
            self.error_label.setText(self.tr("กรุณากรอกเครื่องเซิร์ฟเวอร์และชื่อฐานข้อมูล"))
            return
        from otop_desktop.services.errors import OtopError

        try:
            save_database_url(self.url(), self.data_dir)
        except (OtopError, OSError) as error:
            self.error_label.setText(getattr(error, "message", None) or self.tr("บันทึกการตั้งค่าไม่ได้: %1").replace("%1", str(error)))
            return
        super().accept()


def ask_password(parent: QWidget | None, url: str, message: str) -> str | None:
    """The server's password, typed for this start only (kept in memory); None when the officer cancels."""
    text, ok = QInputDialog.getText(parent, QCoreApplication.translate("ConnectionDialog", "รหัสผ่านฐานข้อมูล"), QCoreApplication.translate("ConnectionDialog", 
        "%1\nรหัสผ่านของ %2 (ใช้ครั้งนี้เท่านั้น ไม่บันทึก):").replace("%1", message).replace("%2", url),
        QLineEdit.EchoMode.Password)
    return text if ok and text else None
