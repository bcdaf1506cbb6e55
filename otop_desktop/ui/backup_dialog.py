"""Backing up and restoring from the main window (menu ไฟล์): the folder the officer picks for a backup, the
restore preview (what the backup holds) before anything is replaced, and the reminder banner."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.services import backup
from otop_desktop.ui.errors import show_error
from otop_desktop.ui.file_dialogs import FileKind, existing_folder, open_file_name
from otop_desktop.ui.operations import perform, perform_batch_in_background, read_in_background

BANNER_STYLE = "QFrame#backupBanner { background:#fff4ce; border:1px solid #e0b000; border-radius:4px; }"


class BackupBanner(QFrame):
    """A reminder above the tabs when the file has not been backed up for a month, with a button to do it now."""

    back_up_now = Signal()

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("backupBanner")
        self.setStyleSheet(BANNER_STYLE)
        layout = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("สำรองข้อมูลเดี๋ยวนี้…"))
        self.button.clicked.connect(self.back_up_now)
        later = QPushButton(self.tr("ภายหลัง"))
        later.clicked.connect(self.hide)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        layout.addWidget(later)
        self.setVisible(False)  # until the reminder, read off the GUI thread, says otherwise
        read_in_background(self, backup.backup_reminder, on_done=self._show)

    def refresh(self) -> None:
        """Show the reminder the service gives, or nothing."""
        done = perform(self, backup.backup_reminder)
        self._show(done.result if done is not None else "")

    def _show(self, reminder: str) -> None:
        self.text.setText(reminder)
        self.setVisible(bool(reminder))


def _on_server(window) -> bool:
    """Whether the database is the office's server's, which its own tools back up: said at once, before a folder
    or a file is asked for only to be refused."""
    if not window.context.database.on_server:
        return False
    show_error(window, backup.OnServer())
    return True


def back_up(window) -> None:
    """Ask for a folder (a USB stick) and write a verified backup there, off the GUI thread."""
    if _on_server(window):
        return
    folder = existing_folder(window, FileKind.BACKUP, window.tr("เลือกโฟลเดอร์ที่จะเก็บไฟล์สำรอง (เช่น แฟลชไดรฟ์)"))
    if not folder:
        return

    def done(result) -> None:
        made = result.result
        window.backup_banner.refresh()
        QMessageBox.information(
            window,
            window.tr("สำรองข้อมูล"),
            window.tr("สำรองข้อมูลแล้ว ตรวจความสมบูรณ์ของสำเนาแล้ว:\n{path}\n({size} ไบต์) {advice}").format(
                path=made.path, size=f"{made.size:,}", advice=made.advice
            ),
        )

    perform_batch_in_background(
        window, backup.make_backup, path=folder, on_done=done, progress=window.tr("กำลังสำรองข้อมูล…")
    )


class RestorePreview(QDialog):
    """What a backup holds, and that restoring replaces everything on this PC (the current data kept first)."""

    def __init__(self, contents: backup.BackupContents, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("กู้คืนจากไฟล์สำรอง"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("ไฟล์สำรองนี้ตรวจแล้วว่าสมบูรณ์ และเป็นข้อมูลของโปรแกรมนี้:")))
        self.facts = QLabel("\n".join(contents.lines()))
        self.facts.setWordWrap(True)
        self.facts.setStyleSheet("padding:8px; background:#f5f5f5;")
        layout.addWidget(self.facts)
        warning = QLabel(
            self.tr(
                "ข้อมูลทั้งหมดในเครื่องนี้จะถูกแทนที่ด้วยข้อมูลในไฟล์นี้ ข้อมูลปัจจุบันจะเก็บไว้ในโฟลเดอร์ "
                "backups ก่อน เมื่อกู้คืนแล้ว ทุกคนต้องเข้าสู่ระบบใหม่"
            )
        )
        warning.setWordWrap(True)
        warning.setStyleSheet("color:#b71c1c;")
        layout.addWidget(warning)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("กู้คืน"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("ยกเลิก"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())


def restore(window) -> None:
    """Pick a backup, check it and show what it holds, then (if the officer agrees) restore it and log in again."""
    if _on_server(window) or not window.entry_tab.confirm_leave():
        return

    def restored(result) -> None:
        QMessageBox.information(
            window,
            window.tr("กู้คืนแล้ว"),
            window.tr("กู้คืนข้อมูลจากไฟล์สำรองแล้ว ข้อมูลเดิมเก็บไว้ที่\n{kept}\nกรุณาเข้าสู่ระบบอีกครั้ง").format(kept=result.result.kept),
        )
        window.logged_out = True  # run_gui shows the login again, on the restored file
        window.close()

    pick_and_restore(window, backup.inspect_backup, backup.restore_backup, restored)


def pick_and_restore(owner, inspect, restore_it, restored, office=None) -> None:
    """The one way a backup comes back: the officer picks it, `inspect` checks it off the GUI thread and the
    preview shows what it holds, then, if the officer agrees, `restore_it` puts it in and `restored(result)` runs
    (the window's restore, and a new PC's at its first start, with its own `office`)."""
    path = open_file_name(
        owner,
        FileKind.BACKUP,
        owner.tr("เลือกไฟล์สำรอง"),
        owner.tr("ไฟล์สำรองข้อมูล (*{suffix} *.db)").format(suffix=backup.BACKUP_SUFFIX),
    )
    if not path:
        return

    def checked(result) -> None:
        if RestorePreview(result.result, owner).exec() != QDialog.DialogCode.Accepted:
            return
        perform_batch_in_background(
            owner, restore_it, office=office, path=path, on_done=restored, progress=owner.tr("กำลังกู้คืนข้อมูล…")
        )

    perform_batch_in_background(
        owner, inspect, office=office, path=path, on_done=checked, progress=owner.tr("กำลังตรวจไฟล์สำรอง…")
    )
