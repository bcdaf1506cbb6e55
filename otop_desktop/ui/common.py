"""Small pieces every window uses: a read-only table view and Thai save/cancel buttons."""

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableView


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
