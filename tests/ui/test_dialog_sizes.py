"""Dialogs fit a 1366×768 laptop's screen: no taller than the room the taskbar and title bar leave."""

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog

from otop_desktop.ui.common import fit_to_screen


class Laptop:
    """A 1366×768 screen with a 40-pixel taskbar."""

    @staticmethod
    def availableGeometry() -> QRect:
        return QRect(0, 0, 1366, 728)


def test_a_tall_dialog_is_shortened_to_the_laptops_room_and_a_small_one_kept(qtbot, monkeypatch):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "screen", lambda: Laptop())
    fit_to_screen(dialog, 1300, 700)  # the signed copies' register asked for 700: the title bar took it off screen
    assert (dialog.width(), dialog.height()) == (1300, 688)
    fit_to_screen(dialog, 1100, 560)
    assert (dialog.width(), dialog.height()) == (1100, 560)
