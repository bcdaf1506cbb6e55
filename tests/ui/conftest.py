"""UI fixtures: the app's fonts and translations on pytest-qt's QApplication, and every dialog recorded."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox

from benchmarks.generate import generate
from otop_desktop.ui import file_dialogs
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


@pytest.fixture(scope="session")
def country_built(tmp_path_factory):
    """A country of 8,000 entrepreneurs (benchmarks.generate), made once per run (3-4 s); a module copies it."""
    path = tmp_path_factory.mktemp("country-built") / "otop.db"
    generate(path, entrepreneurs=8_000, years=1)
    return path


@pytest.fixture(autouse=True)
def user_settings(tmp_path):
    """What the program remembers on the PC (the file dialogs' folders) goes to the test's own folder."""
    folder = tmp_path / "user-settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


class UnexpectedDialog(AssertionError):
    """A dialog the test did not arrange for: an unexpected error, or a modal window that would wait forever."""


class DialogRecorder:
    """Every message box the program shows, recorded instead of shown; `answer` is what a question returns.

    The generic 'unexpected error' box (ui/errors.show_error builds it with QMessageBox(...).exec()) and
    any other modal dialog the test did not replace fail the test at once instead of waiting for a click:
    a broken tab makes its test fail in seconds, not at the CI's time-out."""

    answer = QMessageBox.StandardButton.Discard

    def __init__(self):
        self.shown: list[tuple[str, str, str]] = []
        self.unexpected: list[str] = []

    def record(self, kind):
        def show(parent, title, text, *args, **kwargs):
            self.shown.append((kind, title, text))
            if kind == "critical":
                self.fail(f"critical message: {title}: {text}")
            return self.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return show

    def fail(self, what: str) -> None:
        self.unexpected.append(what)
        raise UnexpectedDialog(what)

    def box_exec(self, box):
        self.shown.append(("box", box.windowTitle(), box.text()))
        if box.icon() == QMessageBox.Icon.Critical:
            self.fail(f"unexpected error: {box.text()}\n{box.detailedText()}")
        return QMessageBox.StandardButton.Ok

    def dialog_exec(self, dialog):
        self.fail(f"a modal {type(dialog).__name__} ({dialog.windowTitle()}) the test did not arrange for")

    def unplanned(self, name):
        def refuse(*args, **kwargs):
            self.fail(f"{name} was called but the test gave no answer for it")

        return refuse


@pytest.fixture(autouse=True)
def messages(monkeypatch):
    """Every UI test records its dialogs (see DialogRecorder); a test sets `messages.answer` for questions
    and monkeypatches QInputDialog/QFileDialog where it expects them."""
    recorder = DialogRecorder()
    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, recorder.record(kind))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: recorder.box_exec(box))
    monkeypatch.setattr(QDialog, "exec", lambda dialog: recorder.dialog_exec(dialog))
    for owner, names in (
        (QInputDialog, ("getText", "getInt", "getItem", "getDouble", "getMultiLineText")),
        (file_dialogs, ("get_open_file_name", "get_open_file_names", "get_save_file_name", "get_existing_directory")),
    ):
        for name in names:
            monkeypatch.setattr(owner, name, recorder.unplanned(f"{owner.__name__}.{name}"))
    yield recorder
    assert not recorder.unexpected, recorder.unexpected


def open_window(qtbot, database, user, today=TODAY, tab: str | None = None) -> MainWindow:
    """The main window shown and settled; `tab` (an attribute's name, "locks_tab") turned to as the window opens,
    as an officer who goes there at once: the dashboard then reads and draws nothing (0.08 s of every test that
    never looks at it)."""
    window = MainWindow(AppContext(database, user, DataBus()), today=today)
    qtbot.addWidget(window)
    window.show()
    if tab is not None:
        window.tabs.setCurrentWidget(getattr(window, tab))
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


def ui_lines_with(words: str, *, outside: str) -> list[str]:
    """'file.py:line' of every line of the window's code (otop_desktop/ui) holding `words`, the module `outside` left
    out: where a rule says one module alone does something."""
    ui = Path(file_dialogs.__file__).parent
    return [
        f"{path.name}:{number}"
        for path in sorted(ui.glob("*.py"))
        if path.name != outside
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if words in line
    ]
