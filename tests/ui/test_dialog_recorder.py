"""The dialog recorder itself: an unexpected error or an unplanned modal dialog fails a UI test at once,
instead of leaving it waiting for a click until the CI's time-out."""

import os
from pathlib import Path

import pytest

from otop_desktop.ui.errors import show_error
from tests.ui.conftest import UnexpectedDialog

ROOT = Path(__file__).resolve().parents[2]

BROKEN_TAB = """
from otop_desktop.services import locks
from tests.ui.conftest import open_window, settle


def test_opens_the_lock_tab(qtbot, world, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("reload is broken")
    monkeypatch.setattr(locks, "lock_overview", broken)
    window = open_window(qtbot, world.database, world.province)
    window.tabs.setCurrentWidget(window.locks_tab)  # a tab reads when it is first shown
    settle()
"""


def test_a_tab_whose_reload_raises_fails_its_test_instead_of_hanging(pytester, monkeypatch):
    """A copy of the UI fixtures runs a test whose lock tab cannot load. Before the recorder the
    generic error box waited for a click; now the inner test fails, naming the error (the operations
    helper hands it to the excepthook, which pytest-qt turns into a failure; the error box, if anything
    still shows it, fails through the recorder)."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT) + ":" + os.environ.get("PYTHONPATH", ""))
    pytester.makeconftest("from tests.conftest import *\nfrom tests.ui.conftest import *\n")
    pytester.makepyfile(test_broken=BROKEN_TAB)
    pytester.makeini("[pytest]\nqt_api = pyside6\n")
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "-p", "pytester", "--engine", "sqlite", timeout=120
    )
    assert result.parseoutcomes().get("failed") == 1  # (and an error at teardown: the recorder's own check)
    result.stdout.fnmatch_lines(["*RuntimeError: reload is broken*"])  # through the excepthook or the error box


def test_the_generic_error_box_raises_in_a_test(messages):
    with pytest.raises(UnexpectedDialog, match="boom"):
        show_error(None, RuntimeError("boom"))
    messages.unexpected.clear()  # this test provoked it on purpose


def test_an_error_the_program_expects_is_recorded_not_raised(messages):
    from otop_desktop.core.errors import InvalidInput

    show_error(None, InvalidInput("ยอดเงินติดลบ"))
    assert messages.shown == [("warning", InvalidInput("x").title, "ยอดเงินติดลบ")]
