"""The login dialog, and the first-run dialog that creates the first admin of an empty database."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.core.users import NATIONAL
from otop_desktop.ui.errors import error_label
from otop_desktop.ui.tasks import finish_waiting, submit, watch

if TYPE_CHECKING:  # the services load after the dialog is on screen (Opening)
    from otop_desktop.core.users import UserInfo
    from otop_desktop.services.connection import Database


def _open(path: "Path | str", password: str | None) -> "Database":
    from otop_desktop.services.connection import open_database  # SQLAlchemy and the models load here, off the GUI

    return open_database(path, password)


class Opening:
    """The database opening on the worker pool of ui/tasks.py (importing SQLAlchemy and the models, migrating,
    loading the master data) while the login dialog is already on screen. It holds no Qt object: the timer that
    looks for a failure belongs to the dialog and dies with it on the GUI thread (a QTimer destroyed on another
    thread, the opening's or one the garbage collector ran on, crashed the event loop)."""

    def __init__(self, path: "Path | str", password: str | None = None):
        self.target = path
        self._future = submit(lambda: _open(path, password))

    @property
    def error(self) -> BaseException | None:
        """Why the database did not open (None while it opens, and once it has)."""
        return self._future.exception() if self._future.done() else None

    @property
    def database(self) -> "Database | None":
        """The open database (None while it opens, or when it failed)."""
        return self._future.result() if self._future.done() and self.error is None else None

    def on_failure(self, owner: QWidget, hook) -> None:
        """Call `hook` on the GUI thread if the database fails to open while `owner` (the login dialog) is there."""
        watch(owner, self._future, lambda future: future.exception() is not None and hook())

    def wait(self) -> "Database | None":
        """The open database, or None if it failed (see `error`); the event loop turns meanwhile, the user's
        input waiting (it is seldom more than a moment: the user is still typing)."""
        finish_waiting(self._future)
        return self.database

    def over_within(self, seconds: float) -> bool:
        """Whether the opening has ended (opened or failed) within `seconds`, the event loop turning meanwhile."""
        return finish_waiting(self._future, seconds)


class Opened:
    """A database already open (the login again after a log out), as the login dialog takes an Opening."""

    def __init__(self, database: "Database", target: "Path | str"):
        self.target, self.database, self.error = target, database, None

    def on_failure(self, owner: QWidget, hook) -> None:
        """It has opened: nothing can fail."""

    def wait(self) -> "Database":
        """The open database."""
        return self.database

    def over_within(self, seconds: float) -> bool:
        """It has opened."""
        return True


def _database(source: "Database | Opening") -> "Database | None":
    return source.wait() if isinstance(source, (Opening, Opened)) else source


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("LoginDialog", "ยกเลิก"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class _ChoosesDatabase:
    """ฐานข้อมูล…: the database this PC uses, and a button to choose another (the office's server); once chosen,
    `database_changed` is set and the dialog closes, for the caller to open it."""

    database_changed = False

    def _database_row(self, target, data_dir, fixed: bool) -> QHBoxLayout:
        from otop_desktop.ui.connection import describe

        self.place_label = QLabel(describe(target))
        self.place_label.setWordWrap(True)
        self.place_label.setStyleSheet("color: #555")
        self.change_button = QPushButton(self.tr("ฐานข้อมูล…"))
        self.change_button.clicked.connect(lambda: self.change_database(target, data_dir))
        if fixed:
            self.change_button.setEnabled(False)
            self.change_button.setToolTip(self.tr("กำหนดด้วย --database-url หรือ OTOP_DATABASE_URL"))
        row = QHBoxLayout()
        row.addWidget(self.place_label, 1)
        row.addWidget(self.change_button)
        return row

    def change_database(self, target, data_dir) -> None:
        """Choose another database for this PC; the dialog closes and the caller opens it."""
        from otop_desktop.ui.connection import ConnectionDialog

        if ConnectionDialog(target, data_dir, self).exec() == QDialog.DialogCode.Accepted:
            self.database_changed = True
            self.reject()


class LoginDialog(_ChoosesDatabase, QDialog):
    """ชื่อผู้ใช้งาน and รหัสผ่าน; on success `user` holds who logged in. `where` (data folder, or None) adds
    the database this PC uses and ฐานข้อมูล… to choose another: then `database_changed` is set and the
    dialog closes, for the caller to open the new one. With `problem` (no database: the saved choice could not
    be taken) it says why and offers only ฐานข้อมูล…."""

    def __init__(
        self,
        database: "Database | Opening | None",
        parent: QWidget | None = None,
        where=None,
        problem: str | None = None,
    ):
        super().__init__(parent)
        self.database = database
        self.user: UserInfo | None = None
        self.database_changed = False
        self.setWindowTitle(self.tr("เข้าสู่ระบบ - รายงานยอดจำหน่ายผลิตภัณฑ์ OTOP"))
        self.username_edit, self.password_edit = QLineEdit(), QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_prompt, self.password_prompt, self.error_label = error_label(), error_label(), error_label()
        form = QFormLayout()
        form.addRow(self.tr("ชื่อผู้ใช้งาน"), self.username_edit)
        form.addRow("", self.username_prompt)
        form.addRow(self.tr("รหัสผ่าน"), self.password_edit)
        form.addRow("", self.password_prompt)
        title = QLabel(self.tr("<h3>ระบบรายงานยอดจำหน่ายผลิตภัณฑ์ OTOP</h3>"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        if where is not None:
            layout.addLayout(self._database_row(*where))
        layout.addWidget(_buttons(self, self.tr("เข้าสู่ระบบ")))
        self.username_prompt.hide()
        self.password_prompt.hide()
        self.setMinimumWidth(420)
        if problem is not None:
            self._refuse_login(problem)

    def _refuse_login(self, problem: str) -> None:
        """No database to log in to: say why, and leave only ฐานข้อมูล… (and cancel)."""
        self.error_label.setText(problem)
        if hasattr(self, "place_label"):  # it would name the file on this PC, which is not what failed
            self.place_label.hide()
        for widget in (
            self.username_edit,
            self.password_edit,
            self.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
        ):
            widget.setEnabled(False)

    def accept(self) -> None:
        username, password = self.username_edit.text().strip(), self.password_edit.text()
        self.username_prompt.setText(self.tr("กรุณากรอกชื่อผู้ใช้งาน !"))
        self.password_prompt.setText(self.tr("กรุณากรอกรหัสผ่าน !"))
        self.username_prompt.setVisible(not username)
        self.password_prompt.setVisible(not password)
        self.error_label.clear()
        if not username or not password:
            return
        database = _database(self.database)
        if database is None:  # it did not open: the caller says why
            self.reject()
            return
        from otop_desktop.services import auth
        from otop_desktop.services.office import Office
        from otop_desktop.ui.operations import perform_waiting

        done = perform_waiting(  # scrypt takes a moment: off the GUI thread, the dialog drawing meanwhile
            self,
            auth.authenticate,
            progress=self.tr("กำลังตรวจสอบรหัสผ่าน…"),
            office=Office(database),
            username=username,
            password=password,
            refused=self._refused,
        )
        if done is None:
            return
        self.user = done.result
        super().accept()

    def _refused(self, error) -> None:
        self.error_label.setText(error.message)
        self.password_edit.clear()
        self.password_edit.setFocus()


class FirstAdminDialog(_ChoosesDatabase, QDialog):
    """On a database with no users: create the first admin, for one province."""

    def __init__(self, database: "Database", parent: QWidget | None = None, where=None):
        from otop_desktop.services import areas
        from otop_desktop.services.office import Office
        from otop_desktop.ui.operations import read

        super().__init__(parent)
        self.database = database
        self.user: UserInfo | None = None
        self.setWindowTitle(self.tr("ตั้งค่าครั้งแรก: สร้างผู้ดูแลระบบ"))
        self.province_box = QComboBox()
        # No province chosen for the officer: the office's province cannot be changed once its admin exists.
        self.province_box.addItem(self.tr("— เลือกจังหวัดของสำนักงาน —"), None)
        for province in read(self, areas.list_provinces, office=Office(database)) or []:
            self.province_box.addItem(province.name, province.code)
        self.province_box.addItem(self.tr("กรมการพัฒนาชุมชน (ฐานข้อมูลระดับกรมฯ รวมทุกจังหวัด)"), NATIONAL)
        self.username_edit, self.password_edit, self.repeat_edit = QLineEdit("admin"), QLineEdit(), QLineEdit()
        self.name_edit, self.position_edit = QLineEdit(), QLineEdit()
        for edit in (self.password_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = error_label()
        intro = QLabel(
            # A line a sentence: wrapped, the line broke "ผู้ดูแล|ระบบ" (a word break, but one term).
            self.tr(
                "ฐานข้อมูลนี้ยังไม่มีผู้ใช้งาน กรุณาเลือกสำนักงานและสร้างผู้ดูแลระบบคนแรก\nผู้ดูแลระบบจะเพิ่มผู้ใช้งานคนอื่นของสำนักงานได้ภายหลัง"
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("สำนักงาน"), self.province_box)  # a province's, or the department's (กรมฯ)
        form.addRow(self.tr("ชื่อผู้ใช้งาน"), self.username_edit)
        form.addRow(self.tr("รหัสผ่าน"), self.password_edit)
        form.addRow(self.tr("ยืนยันรหัสผ่าน"), self.repeat_edit)
        form.addRow(self.tr("ชื่อ-สกุล"), self.name_edit)
        form.addRow(self.tr("ตำแหน่ง"), self.position_edit)
        self.restored = False  # the office's backup was put in instead: its users log in
        replacing = QLabel(  # a line a sentence, as the intro: wrapped, Qt broke "ผู้|ใช้งาน"
            self.tr("เครื่องใหม่แทนเครื่องเดิมที่เสีย? กู้คืนจากไฟล์สำรองของสำนักงานได้\nข้อมูลและผู้ใช้งานเดิมจะกลับมาทั้งหมด")
        )
        replacing.setStyleSheet("margin-top:8px;")
        self.restore_button = QPushButton(self.tr("กู้คืนจากไฟล์สำรอง…"))
        self.restore_button.clicked.connect(self.restore)
        layout = QVBoxLayout(self)
        if where is not None:  # a PC of an office whose data is on its server: choose it, not a new admin here
            layout.addLayout(self._database_row(*where))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(replacing)
        layout.addWidget(self.restore_button)
        layout.addWidget(_buttons(self, self.tr("สร้างผู้ดูแลระบบ")))
        self.setMinimumWidth(460)

    def restore(self) -> None:
        """Put the office's backup in this new database, with nobody logged in (there is nothing here yet), after
        showing what it holds; then the dialog closes for its users to log in."""
        from otop_desktop.services import backup
        from otop_desktop.services.office import Office
        from otop_desktop.ui.backup_dialog import pick_and_restore

        def restored(_result) -> None:
            self.restored = True
            self.reject()  # no one has logged in yet: the login dialog follows, on the restored file

        pick_and_restore(
            self, backup.inspect_first_backup, backup.restore_first_backup, restored, office=Office(self.database)
        )

    def accept(self) -> None:
        if self.province_box.currentData() is None:
            self.error_label.setText(self.tr("กรุณาเลือกจังหวัดของสำนักงาน (เปลี่ยนภายหลังไม่ได้)"))
            return
        if self.password_edit.text() != self.repeat_edit.text():
            self.error_label.setText(self.tr("รหัสผ่านทั้งสองช่องไม่ตรงกัน"))
            return
        from otop_desktop.services import auth
        from otop_desktop.services.office import Office
        from otop_desktop.ui.operations import perform_waiting

        done = perform_waiting(  # the password hashed by scrypt, off the GUI thread
            self,
            auth.create_first_admin,
            progress=self.tr("กำลังสร้างผู้ดูแลระบบ…"),
            office=Office(self.database),
            username=self.username_edit.text(),
            password=self.password_edit.text(),
            area_code=self.province_box.currentData(),
            display_name=self.name_edit.text(),
            position=self.position_edit.text(),
            refused=lambda error: self.error_label.setText(error.message),
        )
        if done is None:
            return
        self.user = done.result
        super().accept()
