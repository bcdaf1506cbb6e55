"""Showing errors: an OtopError's Thai message as it is; anything unexpected in a dialog and the log."""

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from otop_desktop.core.errors import OtopError

log = logging.getLogger("otop_desktop")
ERROR_STYLE = "color:#b71c1c;"


class _ErrorLabel(QLabel):
    """A label whose text may wrap onto several lines: its dialog grows to show them. A top-level window does not
    grow for a wrapped label by itself (Qt does not carry height-for-width up to it): a server's five-line refusal
    showed two lines over the password field."""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        window = self.window()
        layout = window.layout() if isinstance(window, QDialog) and window.isVisible() else None
        if layout is None:
            return
        layout.activate()
        width = window.width()
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if needed > window.height():
            window.resize(window.width(), needed)


def error_label() -> QLabel:
    """A red, wrapping label under a form, for the reason a typed entry was refused."""
    label = _ErrorLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


def show_error(parent: QWidget | None, error: Exception) -> None:
    """Tell the user what went wrong: the service's own Thai message, or a generic one for a bug."""
    if isinstance(error, OtopError) and error.detail:  # another program's words, behind แสดงรายละเอียด
        box = QMessageBox(QMessageBox.Icon.Warning, error.title, error.message, parent=parent)
        box.setDetailedText(error.detail)
        box.exec()
        return
    if isinstance(error, OtopError):
        QMessageBox.warning(parent, error.title, error.message)
        return
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    text = QCoreApplication.translate(
        "errors", "เกิดข้อผิดพลาดที่ไม่คาดคิด ข้อมูลที่บันทึกแล้วไม่เสียหาย กรุณาแจ้งผู้ดูแลระบบพร้อมข้อความด้านล่าง"
    )
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("errors", "ข้อผิดพลาด"), text, parent=parent)
    box.setDetailedText("".join(traceback.format_exception(error)))
    box.exec()


def install_excepthook() -> None:
    """Route uncaught exceptions in Qt slots to the log and a dialog instead of a silent crash."""

    def hook(kind, value, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        show_error(None, value.with_traceback(tb))

    sys.excepthook = hook
