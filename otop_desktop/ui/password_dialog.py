"""เปลี่ยนรหัสผ่านของฉัน: the logged-in user types the current password and the new one twice; the check (as at
login, throttled alike) and the audit are services.auth.change_own_password's."""

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from otop_desktop.services import auth
from otop_desktop.ui.common import save_cancel_buttons
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.errors import error_label
from otop_desktop.ui.operations import perform_waiting


class OwnPasswordDialog(QDialog):
    """รหัสผ่านปัจจุบัน, รหัสผ่านใหม่, ยืนยันรหัสผ่านใหม่; a refusal is said under the fields."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("เปลี่ยนรหัสผ่านของฉัน"))
        self.current_edit, self.new_edit, self.repeat_edit = QLineEdit(), QLineEdit(), QLineEdit()
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = error_label()
        form = QFormLayout()
        form.addRow(self.tr("ผู้ใช้งาน"), QLabel(context.user.username))
        form.addRow(self.tr("รหัสผ่านปัจจุบัน"), self.current_edit)
        form.addRow(self.tr("รหัสผ่านใหม่ (อย่างน้อย {n} ตัวอักษร)").format(n=auth.MIN_PASSWORD_LENGTH), self.new_edit)
        form.addRow(self.tr("ยืนยันรหัสผ่านใหม่"), self.repeat_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(save_cancel_buttons(self, self.tr("เปลี่ยนรหัสผ่าน")))
        self.setMinimumWidth(440)

    def accept(self) -> None:
        if self.new_edit.text() != self.repeat_edit.text():
            self.error_label.setText(self.tr("รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน"))
            return
        done = perform_waiting(  # two scrypt runs: off the GUI thread
            self,
            auth.change_own_password,
            progress=self.tr("กำลังเปลี่ยนรหัสผ่าน…"),
            username=self.context.user.username,
            current_password=self.current_edit.text(),
            new_password=self.new_edit.text(),
            refused=self._refused,
        )
        if done is None:
            return
        QMessageBox.information(self, self.windowTitle(), self.tr("เปลี่ยนรหัสผ่านแล้ว ครั้งต่อไปให้เข้าสู่ระบบด้วยรหัสผ่านใหม่"))
        super().accept()

    def _refused(self, error) -> None:
        self.error_label.setText(error.message)
        self.current_edit.clear()
        self.current_edit.setFocus()
