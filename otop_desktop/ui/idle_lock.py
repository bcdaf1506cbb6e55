"""A window left alone is locked: after IDLE_MINUTES with no key pressed and no click anywhere in the program, a
dialog covers it and asks the logged-in officer's password to go on (as DHIS2 ends an idle session), so nobody
else at a shared office PC types or locks a month under the officer's name. What was typed and not saved stays
as it was; with nothing unsaved the dialog also offers to log out, for the next officer."""

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QInputEvent
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from otop_desktop.core.changes import Kind, touched
from otop_desktop.services import auth
from otop_desktop.ui.bus import Notice
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.errors import error_label
from otop_desktop.ui.operations import perform_waiting
from otop_desktop.ui.tasks import every

IDLE_MINUTES = 15
_ACTIVITY = frozenset(
    {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin}
)  # what an officer does at the keyboard and the mouse; a pointer merely passing over counts for nothing


class IdleLock(QObject):
    """Watches the program's input for the window `window` (its log_out and its entry tab's unsaved edits): each key
    or click notes the time; every LOOK_MS the time since is compared with the limit."""

    LOOK_MS = 20_000

    def __init__(self, window, context: AppContext, minutes: float = IDLE_MINUTES):
        super().__init__(window)
        self.window, self.context, self.locked = window, context, False
        self.limit_s, self.last_input = minutes * 60, time.monotonic()
        QApplication.instance().installEventFilter(self)
        every(self, self.LOOK_MS, self.look)

    def stop(self) -> None:
        """The window has closed: its officer's input is no longer watched (every event of the program went through
        each window's watch that was still there: 28 s over the window tests)."""
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt's name
        # Every event of the program passes here: the class is looked at first, as reading an event's type makes a
        # Python enum (2.6 against 1.4 µs an event; a window's test sends some 6,000).
        if isinstance(event, QInputEvent) and event.type() in _ACTIVITY:
            self.last_input = time.monotonic()
        return False

    def look(self) -> None:
        """Lock when the window has had no input for the limit (and is shown, and not locked already)."""
        if not self.locked and self.window.isVisible() and time.monotonic() - self.last_input >= self.limit_s:
            self.lock()

    def lock(self) -> None:
        """Cover the window until its officer's password is typed again, or (nothing unsaved) they log out."""
        self.locked = True
        # Only its owner goes on where something typed would be lost: the grid's edits, or a dialog left open
        # (an entrepreneur's details half-typed); with neither, the next officer may log out.
        nothing_open = QApplication.activeModalWidget() is None
        may_leave = nothing_open and not self.window.entry_tab.model.is_dirty()
        try:
            dialog = UnlockDialog(self.context, may_leave, self.window)
            dialog.exec()
        finally:
            self.locked, self.last_input = False, time.monotonic()
        if dialog.leaving:
            self.window.log_out()


class UnlockDialog(QDialog):
    """The officer's password to go on; ออกจากระบบ when nothing typed would be lost. Escape and the window's close
    button do nothing: the window stays covered."""

    def __init__(self, context: AppContext, may_leave: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.leaving = context, False
        user = context.user
        self.setWindowTitle(self.tr("ล็อกหน้าจอ"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        who = f"{user.display_name} ({user.username})" if user.display_name else user.username
        text = self.tr("ไม่มีการใช้งานเกิน {n} นาที หน้าจอจึงล็อกไว้\nกรุณาใส่รหัสผ่านของ {who} เพื่อใช้งานต่อ").format(
            n=IDLE_MINUTES, who=who
        )
        if not may_leave:
            text += self.tr("\nข้อมูลที่พิมพ์ไว้และยังไม่ได้บันทึกยังอยู่ครบ")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = error_label()
        go_on = QPushButton(self.tr("ใช้งานต่อ"))
        go_on.setDefault(True)
        go_on.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        if may_leave:  # someone else's figures would be lost otherwise: only their owner goes on, or saves
            leave = QPushButton(self.tr("ออกจากระบบ"))
            leave.clicked.connect(self.leave)
            buttons.addWidget(leave)
        buttons.addWidget(go_on)
        layout = QVBoxLayout(self)
        self.text_label = QLabel(text)
        layout.addWidget(self.text_label)
        layout.addWidget(self.password_edit)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        done = perform_waiting(  # scrypt, throttled after a few wrong tries, and audited, as at the login
            self,
            auth.authenticate,
            progress=self.tr("กำลังตรวจรหัสผ่าน…"),
            username=self.context.user.username,
            password=self.password_edit.text(),
            refused=self._refused,
        )
        # The log's entry of each try is this window's own: not "changed elsewhere" (ui.elsewhere)
        self.context.bus.changed.emit(Notice(touched(Kind.USERS), self))
        if done is not None:
            super().accept()

    def leave(self) -> None:
        self.leaving = True
        super().accept()

    def reject(self) -> None:  # Escape: the window stays covered
        pass

    def _refused(self, error) -> None:
        self.error_label.setText(error.message)
        self.password_edit.clear()
        self.password_edit.setFocus()
