"""Qt's own texts in Thai: the standard buttons of every question the program asks, the details button,
the file dialog and the edit menus. Qt ships no Thai, so resources/translations/qt_th.ts does; ./dev.sh
compiles it and application() loads it."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from tests.ui.conftest import settle

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "qt_th.ts"
QM = TS.with_suffix(".qm")
Button = QMessageBox.StandardButton
ENGLISH = re.compile(r"[A-Za-z]{2,}")


def english_in(text: str) -> bool:
    """Latin words left in a label, ignoring a mnemonic such as '(&Y)' and file patterns such as '*.otop'."""
    text = re.sub(r"\(&\w\)|\*\.\w+|\(\*\)|\bPDF\b|\bA4\b", "", text)
    return bool(ENGLISH.search(text))


def test_the_thai_translation_is_compiled_and_current(tmp_path):
    """qt_th.qm is kept in git (a wheel built from a checkout must carry it): it must be exactly what
    pyside6-lrelease makes of qt_th.ts today."""
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease, "pyside6-essentials installs pyside6-lrelease beside python"
    fresh = tmp_path / "qt_th.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert QM.exists() and QM.read_bytes() == fresh.read_bytes(), (
        "qt_th.qm is not qt_th.ts compiled: run ./dev.sh (or pyside6-lrelease) and commit qt_th.qm"
    )
    for message in ElementTree.parse(TS).iter("message"):
        translation = message.findtext("translation")
        assert translation and not english_in(re.sub(r"%\d|[KMGT]B", "", translation)), message.findtext("source")


def test_questions_show_thai_buttons():
    for buttons in (Button.Yes | Button.No, Button.Save | Button.Discard | Button.Cancel, Button.Ok):
        box = QMessageBox(QMessageBox.Icon.Question, "ถาม", "ต้องการบันทึกก่อนหรือไม่?", buttons)
        box.setDetailedText("รายละเอียด")
        box.show()
        settle()
        texts = [b.text() for b in box.findChildren(QAbstractButton) if b.isVisible()]
        assert texts and not any(english_in(t) for t in texts), texts
        box.close()
    box = QMessageBox(QMessageBox.Icon.Question, "ถาม", "ข้อความ", Button.Yes | Button.No)
    assert box.button(Button.Yes).text() == "ใช่ (&Y)" and box.button(Button.No).text() == "ไม่ใช่ (&N)"
    box = QMessageBox(QMessageBox.Icon.Question, "ถาม", "ข้อความ", Button.Save | Button.Discard | Button.Cancel)
    assert [box.button(b).text() for b in (Button.Save, Button.Discard, Button.Cancel)] == ["บันทึก", "ไม่บันทึก", "ยกเลิก"]


def test_the_file_dialog_is_thai(tmp_path):
    (tmp_path / "3401.otop").write_bytes(b"x")
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(None, "เลือกไฟล์", str(tmp_path), "ไฟล์ข้อมูล (*.otop)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        dialog.show()
        settle()
        shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
        shown += [button.text() for button in dialog.findChildren(QDialogButtonBox)[0].buttons()]
        for header in dialog.findChildren(QHeaderView):
            model = header.model()
            shown += [
                str(model.headerData(i, header.orientation()))
                for i in range(header.count())
                if not header.isSectionHidden(i)
            ]
        assert any("ชื่อไฟล์" in text for text in shown) and not any(english_in(text) for text in shown), shown
        dialog.close()


def test_edit_menus_are_thai():
    edit = QLineEdit("ข้อความ")
    menu = edit.createStandardContextMenu()
    texts = [action.text().split("\t")[0] for action in menu.actions() if not action.isSeparator()]
    assert "คัดลอก (&C)" in texts and not any(english_in(t) for t in texts), texts
    QApplication.processEvents()


def test_the_print_dialog_is_thai():
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QComboBox, QGroupBox

    printer = QPrinter()  # kept: the dialog does not own it
    dialog = QPrintDialog(printer)
    dialog.show()
    settle()
    shown = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    shown += [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    shown += [g.title() for g in dialog.findChildren(QGroupBox) if g.isVisible()]
    shown += [c.itemText(i) for c in dialog.findChildren(QComboBox) if c.isVisible() for i in range(c.count())]
    shown = [text for text in shown if text not in ("A4", "...")]
    assert any("พิมพ์" in text for text in shown) and not any(english_in(text) for text in shown), shown
    dialog.close()
