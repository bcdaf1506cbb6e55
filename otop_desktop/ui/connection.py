"""Which database this PC works on, chosen at the login dialog (ฐานข้อมูล…): the file on this PC, or the
office's PostgreSQL server. The choice is kept in the data folder (paths.CONNECTION_FILE) and the command
line takes it too; a password never is: PostgreSQL's ~/.pgpass keeps it, or the program asks at start.
A server is kept only once it has answered (tried off the GUI thread, for a few seconds)."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
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
        note = QLabel(self.tr("รหัสผ่านของฐานข้อมูลไม่ถูกบันทึกในโปรแกรม: เก็บในไฟล์ .pgpass ของเครื่องนี้ หรือโปรแกรมจะถามทุกครั้งที่เปิด"))
        note.setWordWrap(True)
        self.error_label = error_label()
        self._probing: str | None = None  # the server being tried; None once answered, refused or cancelled
        self._stop_watching = None  # stops looking at the probe's future (tasks.watch: its timer is this dialog's)
        layout = QVBoxLayout(self)
        layout.addWidget(self.local_choice)
        layout.addWidget(self.server_choice)
        layout.addWidget(self.server_fields)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self._detail_toggle())
        layout.addWidget(self.detail_label)
        self.buttons = save_cancel_buttons(self, self.tr("ใช้ฐานข้อมูลนี้"))
        layout.addWidget(self.buttons)
        self.server_choice.toggled.connect(self.server_fields.setEnabled)
        self.server_fields.setEnabled(self.server_choice.isChecked())
        self.setMinimumWidth(480)

    def url(self) -> str | None:
        """The server's URL as typed, or None for the file on this PC."""
        if self.local_choice.isChecked():
            return None
        return server_url(
            self.host_edit.text().strip(),
            self.port_box.value(),
            self.database_edit.text().strip(),
            self.role_edit.text().strip(),
        )

    def _detail_toggle(self) -> QToolButton:
        """รายละเอียด: what the database driver said (English), hidden until asked for."""
        self.detail_button = QToolButton()
        self.detail_button.setText(self.tr("รายละเอียด"))
        self.detail_button.setCheckable(True)
        self.detail_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.detail_button.setArrowType(Qt.ArrowType.RightArrow)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setStyleSheet("color: #555")
        self.detail_button.toggled.connect(self._show_detail)
        self.detail_button.hide()
        self.detail_label.hide()
        return self.detail_button

    def _show_detail(self, shown: bool) -> None:
        self.detail_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.detail_label.setVisible(shown)
        self.adjustSize()

    def _say(self, message: str, detail: str = "") -> None:
        """A line under the fields, with the driver's words (if any) behind รายละเอียด."""
        self.error_label.setText(message)
        self.detail_label.setText(detail)
        self.detail_button.setChecked(False)
        self.detail_button.setVisible(bool(detail))
        self.adjustSize()  # taller for a reason over three lines: the fields above were squeezed

    def accept(self) -> None:
        if self.server_choice.isChecked() and not (self.host_edit.text().strip() and self.database_edit.text().strip()):
            self._say(self.tr("กรุณากรอกเครื่องเซิร์ฟเวอร์และชื่อฐานข้อมูล"))
            return
        from otop_desktop.core.errors import InvalidInput

        try:
            url = self.url()
        except InvalidInput as refused:  # a field holding more than its part: said, nothing saved or shown
            self._say(refused.message)
            return
        if url is None:
            self._save(None)
            return
        from otop_desktop.services.connection import PROBE_TIMEOUT_S, probe_server, shown_url
        from otop_desktop.ui.tasks import submit, watch

        self._probing = url
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self._say(
            self.tr("กำลังติดต่อเซิร์ฟเวอร์ %1 (รอได้ถึง %2 วินาที)…")
            .replace("%1", shown_url(url))
            .replace("%2", str(PROBE_TIMEOUT_S))
        )
        if self._stop_watching is not None:  # an earlier try's answer is not waited for
            self._stop_watching()
        self._stop_watching = watch(
            self, submit(lambda: probe_server(url)), lambda future: self._answered(url, future.exception())
        )

    def _answered(self, url: str, error: BaseException | None = None) -> None:
        """The server's answer: saved once it has answered (asking for a password counts), else why not, in Thai."""
        if self._probing != url:  # cancelled meanwhile, or another try since
            return
        self._probing = None
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        from otop_desktop.core.errors import OtopError, PasswordNeeded

        if error is None or isinstance(error, PasswordNeeded):
            self._save(url)
        elif isinstance(error, OtopError):
            self._say(error.message + self.tr(" ยังไม่ได้เปลี่ยนฐานข้อมูลที่ใช้"), error.detail)
        else:
            from otop_desktop.ui.operations import report

            self._say("")
            report(self, error)

    def _save(self, url: str | None) -> None:
        from otop_desktop.core.errors import OtopError

        try:
            save_database_url(url, self.data_dir)
        except (OtopError, OSError) as error:
            self._say(getattr(error, "message", None) or self.tr("บันทึกการตั้งค่าไม่ได้: %1").replace("%1", str(error)))
            return
        super().accept()

    def reject(self) -> None:
        self._probing = None  # a server answering after Cancel is not saved
        if self._stop_watching is not None:
            self._stop_watching()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self._say("")
        super().reject()


def ask_password(parent: QWidget | None, url: str, message: str) -> str | None:
    """The server's password, typed for this start only (kept in memory); None when the officer cancels."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("ConnectionDialog", "รหัสผ่านฐานข้อมูล"),
        QCoreApplication.translate("ConnectionDialog", "%1\nรหัสผ่านของ %2 (ใช้ครั้งนี้เท่านั้น ไม่บันทึก):")
        .replace("%1", message)
        .replace("%2", url),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None
