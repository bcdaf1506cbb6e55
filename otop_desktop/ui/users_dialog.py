"""ผู้ใช้งาน (admins only): the province's users, adding one with a role and an area, setting a new
password for one who forgot theirs, closing the login of one who left and opening it again for one who came
back (closed logins are listed greyed). The rules (who may manage whom, where) live in services.auth."""

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.core.users import ROLE_NAMES
from otop_desktop.services import auth
from otop_desktop.ui.common import agrees, read_only_view
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.errors import error_label
from otop_desktop.ui.operations import perform, perform_waiting
from otop_desktop.ui.plain_table import PlainTableModel


class UsersDialog(QDialog):
    """The users an admin manages: list, add, set a password, close a login, open a closed one again."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.user = context, context.user
        self.setWindowTitle(self.tr("ผู้ใช้งาน"))
        self.users_model = PlainTableModel(
            [
                self.tr("ชื่อผู้ใช้งาน"),
                self.tr("บทบาท"),
                self.tr("พื้นที่"),
                self.tr("ชื่อ-สกุล"),
                self.tr("ตำแหน่ง"),
                self.tr("สถานะ"),
            ],
            self,
        )
        self.users_view = read_only_view(self.users_model, (130, 140, 250, 160, 130))
        self.active_rows: list[bool] = []
        self.password_button = QPushButton(self.tr("ตั้งรหัสผ่านใหม่ให้ผู้ใช้ที่เลือก…"))
        self.password_button.clicked.connect(self.reset_password)
        self.disable_button = QPushButton(self.tr("ปิดบัญชีผู้ใช้ที่เลือก…"))
        self.disable_button.clicked.connect(self.deactivate)
        self.enable_button = QPushButton(self.tr("เปิดบัญชีที่ปิดไว้อีกครั้ง…"))
        self.enable_button.clicked.connect(self.reactivate)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.password_button, self.disable_button, self.enable_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.users_view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self._add_form())
        self.resize(980, 620)
        self.users_view.selectionModel().selectionChanged.connect(self._enable_buttons)
        self.refresh()

    def _add_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("เพิ่มผู้ใช้งาน"))
        self.role_box = QComboBox()
        for role in auth.roles_to_create(self.user):
            self.role_box.addItem(ROLE_NAMES[role], role)
        self.area_box = QComboBox()
        self.username_edit, self.password_edit, self.repeat_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.name_edit, self.position_edit = QLineEdit(), QLineEdit()
        for edit in (self.password_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = error_label()
        add = QPushButton(self.tr("เพิ่มผู้ใช้งาน"))
        add.clicked.connect(self.add_user)
        self.role_box.currentIndexChanged.connect(self._fill_areas)
        form = QFormLayout(box)
        form.addRow(self.tr("บทบาท"), self.role_box)
        form.addRow(self.tr("พื้นที่"), self.area_box)
        form.addRow(self.tr("ชื่อผู้ใช้งาน"), self.username_edit)
        form.addRow(self.tr("รหัสผ่าน (อย่างน้อย {n} ตัวอักษร)").format(n=auth.MIN_PASSWORD_LENGTH), self.password_edit)
        form.addRow(self.tr("ยืนยันรหัสผ่าน"), self.repeat_edit)
        form.addRow(self.tr("ชื่อ-สกุล (ช่องลงนาม)"), self.name_edit)
        form.addRow(self.tr("ตำแหน่ง (ช่องลงนาม)"), self.position_edit)
        row = QHBoxLayout()
        row.addWidget(self.error_label, 1)
        row.addWidget(add)
        form.addRow(row)
        self._fill_areas()
        return box

    def _fill_areas(self) -> None:
        """The areas the chosen role can have: a district of the province, the province, or the country."""
        self.area_box.clear()
        done = perform(self, auth.areas_for_role, role=self.role_box.currentData())
        for code, name in done.result if done else []:
            self.area_box.addItem(name, code)

    def refresh(self) -> None:
        """Show the users this admin manages, the closed logins greyed after the open ones."""
        done = perform(self, auth.user_lines)
        lines = done.result if done else []
        closed, grey = self.tr("ปิดบัญชีแล้ว"), QBrush(QColor("#9e9e9e"))
        self.active_rows = [line.active for line in lines]
        self.users_model.set_rows(
            [
                [
                    line.user.username,
                    line.user.role_name,
                    line.area_name,
                    line.user.display_name,
                    line.user.position,
                    self.tr("ใช้งาน") if line.active else closed,
                ]
                for line in lines
            ],
            foregrounds=[None if line.active else grey for line in lines],
        )
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        """An open login can get a password or be closed; a closed one can be opened again."""
        selected = self.users_view.selectionModel().selectedRows()
        active = self.active_rows[selected[0].row()] if selected else None
        self.password_button.setEnabled(active is not False)
        self.disable_button.setEnabled(active is not False)
        self.enable_button.setEnabled(active is not True)

    def add_user(self) -> None:
        """Add the user in the form; a refusal says why and adds nothing."""
        if self.password_edit.text() != self.repeat_edit.text():
            self.error_label.setText(self.tr("รหัสผ่านทั้งสองช่องไม่ตรงกัน"))
            return
        done = perform_waiting(  # the password hashed by scrypt, off the GUI thread
            self,
            auth.create_user,
            progress=self.tr("กำลังเพิ่มผู้ใช้งาน…"),
            username=self.username_edit.text(),
            password=self.password_edit.text(),
            role=self.role_box.currentData(),
            area_code=self.area_box.currentData() or "",
            display_name=self.name_edit.text(),
            position=self.position_edit.text(),
            refused=lambda error: self.error_label.setText(error.message),
        )
        if done is None:
            return
        created = done.result
        self.error_label.setText("")
        for edit in (self.username_edit, self.password_edit, self.repeat_edit, self.name_edit, self.position_edit):
            edit.clear()
        self.refresh()
        QMessageBox.information(
            self,
            self.tr("เพิ่มผู้ใช้งาน"),
            self.tr("เพิ่มผู้ใช้งาน {name} ({role}) แล้ว").format(name=created.username, role=created.role_name),
        )

    def _selected_username(self, title: str) -> str | None:
        selected = self.users_view.selectionModel().selectedRows()
        if not selected:
            QMessageBox.information(self, title, self.tr("กรุณาเลือกผู้ใช้งานในตารางก่อน"))
            return None
        return self.users_model.rows[selected[0].row()][0]

    def deactivate(self) -> None:
        """Close the selected login after asking; the name stays in the history."""
        title = self.tr("ปิดบัญชีผู้ใช้งาน")
        username = self._selected_username(title)
        if username is None or not agrees(
            self, title, self.tr("ปิดบัญชี {name}? ผู้ใช้นี้จะเข้าสู่ระบบไม่ได้อีก ชื่อยังคงอยู่ในประวัติการแก้ไข").format(name=username)
        ):
            return
        if perform(self, auth.deactivate_user, username=username) is None:
            return
        self.refresh()
        QMessageBox.information(self, title, self.tr("ปิดบัญชี {name} แล้ว").format(name=username))

    def reactivate(self) -> None:
        """Open the selected closed login again, after asking; it keeps the password it had."""
        title = self.tr("เปิดบัญชีผู้ใช้งานอีกครั้ง")
        username = self._selected_username(title)
        if username is None or not agrees(
            self,
            title,
            self.tr("เปิดบัญชี {name} อีกครั้ง? ผู้ใช้นี้จะเข้าสู่ระบบได้ด้วยรหัสผ่านเดิม (หากจำไม่ได้ ให้ตั้งรหัสผ่านใหม่หลังเปิดบัญชี)").format(
                name=username
            ),
        ):
            return
        if perform(self, auth.reactivate_user, username=username) is None:
            return
        self.refresh()
        QMessageBox.information(self, title, self.tr("เปิดบัญชี {name} อีกครั้งแล้ว").format(name=username))

    def reset_password(self) -> None:
        """Set a new password for the selected user, typed twice."""
        username = self._selected_username(self.tr("ตั้งรหัสผ่านใหม่"))
        if username is None:
            return
        first, ok = QInputDialog.getText(
            self,
            self.tr("ตั้งรหัสผ่านใหม่"),
            self.tr("รหัสผ่านใหม่ของ {name}:").format(name=username),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        second, ok = QInputDialog.getText(
            self, self.tr("ตั้งรหัสผ่านใหม่"), self.tr("พิมพ์รหัสผ่านใหม่อีกครั้ง:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return
        if first != second:
            QMessageBox.warning(self, self.tr("ตั้งรหัสผ่านใหม่"), self.tr("รหัสผ่านทั้งสองครั้งไม่ตรงกัน ยังไม่ได้เปลี่ยนรหัสผ่าน"))
            return
        progress = self.tr("กำลังตั้งรหัสผ่าน…")  # scrypt, off the GUI thread
        if perform_waiting(self, auth.set_password, progress=progress, username=username, password=first) is None:
            return
        QMessageBox.information(self, self.tr("ตั้งรหัสผ่านใหม่"), self.tr("ตั้งรหัสผ่านใหม่ให้ {name} แล้ว").format(name=username))
