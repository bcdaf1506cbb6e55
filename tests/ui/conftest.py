"""UI fixtures: the app's fonts and translations on pytest-qt's QApplication, and message boxes patched."""

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from otop_desktop.ui.app import application
from otop_desktop.ui.bus import DataBus
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.main_window import MainWindow
from otop_desktop.ui.tasks import wait_for_background

TODAY = date(2026, 8, 20)  # fiscal year 2569, August


@pytest.fixture(autouse=True)
def app(qapp):
    yield application()
    wait_for_background()
    QApplication.processEvents()


@pytest.fixture
def messages(monkeypatch):
    """Record message boxes instead of showing them; `answer` is what question() returns."""

    class Recorder:
        answer = QMessageBox.StandardButton.Discard

        def __init__(self):
            self.shown = []

        def record(self, kind):
            def show(parent, title, text, *args, **kwargs):
                self.shown.append((kind, title, text))
                return self.answer if kind == "question" else QMessageBox.StandardButton.Ok
            return show

    recorder = Recorder()
    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, recorder.record(kind))
    return recorder


def open_window(qtbot, database, user, today=TODAY) -> MainWindow:
    window = MainWindow(AppContext(database, user, DataBus()), today=today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return window


def settle():
    wait_for_background()
    QApplication.processEvents()


def type_into_cell(qtbot, view, row, column, text, finish=Qt.Key.Key_Return):
    """Select a cell and type as an officer does: the first key opens the editor, Enter commits."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.setFocus()
    send_text(view, text[0])
    editor = view.indexWidget(index)
    assert editor is not None, "typing did not open an editor"
    send_text(editor, text[1:])
    qtbot.keyClick(editor, finish)


def send_text(widget, text):
    """Key presses carrying text, Thai digits included (QTest's keyClicks handles ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
