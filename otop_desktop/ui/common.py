"""Small pieces every window uses: a read-only table view, Thai save/cancel buttons, and a tab's first load
when it is first shown."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableView,
    QWidget,
)

from otop_desktop.ui.tasks import after_drawing


def agrees(parent: QWidget | None, title: str, text: str, yes_first: bool = False) -> bool:
    """A Yes/No question answered Yes; No is the default (Enter) unless `yes_first`."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    return QMessageBox.question(parent, title, text, yes | no, yes if yes_first else no) == yes


def read_only_view(model, widths=(), parent=None) -> QTableView:
    """A table of rows to read and select, not to edit, with the given column widths."""
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


def save_cancel_buttons(dialog: QDialog, save_text: str) -> QDialogButtonBox:
    """บันทึก/ยกเลิก buttons wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("ยกเลิก"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def fit_to_screen(window, width: int, height: int) -> None:
    """Resize a dialog to width × height, no taller than the screen has room for (its title bar and the taskbar
    left out): a 1366×768 laptop's screen holds about 690 pixels of a dialog's own height. Every width asked for
    fits 1366."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    if room is not None and room.height() > 0:
        height = min(height, room.height() - 40)
    window.resize(width, height)


class FirstShow(QObject):
    """Calls `load` the first time `widget` is shown, so a tab the user has not opened reads nothing: the main
    window draws at once and each tab fills (off the GUI thread) when it is first looked at. Until then
    `pending` is True, and a tab skips the refreshes that other tabs' changes ask of it. A tab that reads in the
    background starts once the window is drawn (`deferred`), so the read does not slow the drawing, and not at
    all if the tab was left by then (an officer who turns to another tab as the window opens): it reads when next
    shown. One that waits for its read (the event loop turning) reads at once."""

    def __init__(self, widget: QWidget, load: Callable[[], None], deferred: bool = False):
        super().__init__(widget)
        self._widget, self._load, self._deferred = widget, load, deferred
        self.pending = True
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if self.pending and event.type() == QEvent.Type.Show:
            self.pending = False
            watched.removeEventFilter(self)
            if self._deferred:
                after_drawing(watched, self._load_if_shown)
            else:
                self._load()
        return False

    def _load_if_shown(self) -> None:
        if self._widget.isVisible():
            self._load()
        else:  # left before its read began: not looked at after all
            self.pending = True
            self._widget.installEventFilter(self)


def code_tips(records, columns: dict[int, str], tip: str, skip=()) -> dict[tuple[int, int], str]:
    """Each cell of a table that shows a name for a code or a login (the records' attribute of each column), with
    `tip` ('… {code}', in the caller's words) naming the code or login; none for a value in `skip`."""
    return {
        (row, column): tip.format(code=getattr(record, attribute))
        for row, record in enumerate(records)
        for column, attribute in columns.items()
        if getattr(record, attribute) and getattr(record, attribute) not in skip
    }
