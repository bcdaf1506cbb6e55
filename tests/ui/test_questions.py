"""Every Yes/No question of the window is asked by common.agrees, No by default: Enter retired the office's key
("สร้างกุญแจใหม่…และยกเลิกกุญแจเดิมหรือไม่?" had ใช่ as its default), closed a login, took back an import."""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from otop_desktop.ui import common
from tests.ui.conftest import ui_lines_with

UI = Path(common.__file__).parent


def test_no_yes_no_question_is_asked_but_through_agrees():
    asking = ui_lines_with("QMessageBox.question(", outside="common.py")
    # but the Save / Discard / Cancel question when leaving unsaved edits (Save by default)
    assert [place.split(":")[0] for place in asking] == ["entry_tab.py"]
    line = int(asking[0].split(":")[1])
    assert "StandardButton.Save," in (UI / "entry_tab.py").read_text(encoding="utf-8").splitlines()[line + 4]


def test_agrees_asks_with_no_as_the_default(monkeypatch, qtbot):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args) or QMessageBox.StandardButton.No)
    assert not common.agrees(None, "ยกเลิกกุญแจ", "ยกเลิกกุญแจหรือไม่?")
    assert asked[0][-1] == QMessageBox.StandardButton.No
