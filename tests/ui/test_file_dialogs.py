"""Every file dialog opens where the officer keeps that kind of file: Documents at first, then the folder used
last for the kind (PDFs, workbooks, district files), also after the program is started again."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QMessageBox
from sqlalchemy import text

from otop_desktop.ui import file_dialogs
from otop_desktop.ui.bus import DataBus
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.exchange_dialog import ExchangeDialog
from tests.ui.conftest import open_window, settle, ui_lines_with


def documents() -> str:
    return file_dialogs.documents_folder()  # Documents, or the home folder where there is none


class SaveDialog:
    """file_dialogs.get_save_file_name as the officer answers it: records where it opened, saves into `folder`."""

    def __init__(self, folder: Path):
        self.folder, self.opened_in = folder, []

    def __call__(self, parent, caption, start, filters, *args, **kwargs):
        self.opened_in.append(Path(start))
        return str(self.folder / Path(start).name), ""


def test_each_kind_of_file_opens_where_the_last_one_went_across_sessions(qtbot, world, messages, monkeypatch, tmp_path):
    pdfs, workbooks = tmp_path / "แบบพิมพ์", tmp_path / "รายงาน"
    pdfs.mkdir(), workbooks.mkdir()
    window = open_window(qtbot, world.database, world.mueang, tab="reports_tab")
    tab = window.reports_tab
    dialog = SaveDialog(pdfs)
    monkeypatch.setattr(file_dialogs, "get_save_file_name", dialog)
    for _ in range(2):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
        settle()
    assert [path.parent for path in dialog.opened_in] == [Path(documents()), pdfs]
    assert dialog.opened_in[1].name.startswith("จต2-3401") and len(list(pdfs.glob("*.pdf"))) == 1

    panel = tab.export_panel
    tab.sections.setCurrentWidget(panel)
    workbook_dialog = SaveDialog(workbooks)
    monkeypatch.setattr(file_dialogs, "get_save_file_name", workbook_dialog)
    qtbot.mouseClick(panel.xlsx_button, Qt.MouseButton.LeftButton)  # a workbook: not where the PDFs went
    settle()
    assert workbook_dialog.opened_in[0].parent == Path(documents())
    window.close()

    again = open_window(qtbot, world.database, world.mueang, tab="reports_tab")  # the program started again
    qtbot.mouseClick(again.reports_tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    again.reports_tab.sections.setCurrentWidget(again.reports_tab.export_panel)
    qtbot.mouseClick(again.reports_tab.export_panel.csv_button, Qt.MouseButton.LeftButton)
    settle()
    assert dialog.opened_in[-1].parent == pdfs and workbook_dialog.opened_in[-1].parent == workbooks


def test_district_files_open_where_the_last_was_picked(qtbot, world, messages, monkeypatch, tmp_path):
    incoming = tmp_path / "ไฟล์จากอำเภอ"
    incoming.mkdir()
    opened_in = []

    def pick(parent, caption, start, filters, *args, **kwargs):
        opened_in.append(start)
        return [], ""  # the officer looks, then cancels

    monkeypatch.setattr(file_dialogs, "get_open_file_names", pick)
    dialog = ExchangeDialog(AppContext(world.database, world.province, DataBus()))
    qtbot.addWidget(dialog)
    add = next(b for b in dialog.findChildren(type(dialog.import_button)) if b.text() == "เพิ่มไฟล์…")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    (incoming / "3401.otop").write_bytes(b"not a district file")
    monkeypatch.setattr(file_dialogs, "get_open_file_names", lambda *a, **k: ([str(incoming / "3401.otop")], ""))
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    settle()
    assert "ไม่รับ" in dialog.files_model.rows[0][8]  # not a district file: refused, but its folder is kept
    monkeypatch.setattr(file_dialogs, "get_open_file_names", pick)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert opened_in == [documents(), str(incoming)]


def test_no_window_asks_for_a_file_but_through_the_one_helper():
    """A dialog that called QFileDialog itself opened in the program's folder and remembered nothing."""
    assert ui_lines_with("QFileDialog", outside="file_dialogs.py") == []


def test_a_dialog_opens_where_it_can_and_a_save_suggests_its_file_name(qtbot, tmp_path, monkeypatch):
    """A save suggests the file's name in its folder; a folder since gone opens the nearest one still there, with no
    name typed (a missing Documents opened its parent with "Documents" as the file's name)."""
    saving = file_dialogs.file_dialog(None, "บันทึก", str(tmp_path / "จต2-3401.pdf"), "PDF (*.pdf)", save=True)
    qtbot.addWidget(saving)
    assert saving.width() >= 900 and saving.height() >= 540  # Qt's 648×424 cut sizes, types and dates short
    assert saving.directory().absolutePath() == str(tmp_path) and saving.selectedFiles()[0].endswith("จต2-3401.pdf")
    gone = file_dialogs.file_dialog(None, "เลือกโฟลเดอร์", str(tmp_path / "usb" / "backups"), "")
    qtbot.addWidget(gone)
    assert gone.directory().absolutePath() == str(tmp_path) and not gone.selectedFiles()[0].endswith("backups")
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda kind: str(tmp_path / "Documents"))
    assert file_dialogs.documents_folder() == str(Path.home())


def accepted_asking(dialog) -> list[str]:
    """Press the save dialog's Save (accept) as the officer does; the questions Qt asks meanwhile (whether to replace
    a file), each read and answered No."""
    asked, looking = [], QTimer()

    def answer():
        question = QApplication.activeModalWidget()
        if isinstance(question, QMessageBox):
            asked.append(question.text())
            question.reject()

    looking.timeout.connect(answer)
    looking.start(20)
    dialog.accept()
    looking.stop()
    return asked


def test_a_name_typed_with_another_suffix_is_saved_and_asked_about_with_the_kinds_own(qtbot, tmp_path):
    """ "otop.db" typed in a workbook's save dialog is otop.db.xlsx before Qt looks for a file to replace: Qt asked
    whether to replace the database otop.db beside it, and the program then wrote another name. A name with the
    kind's suffix, in any case, stays as typed; a folder typed is opened, not given a suffix."""
    (tmp_path / "otop.db").write_bytes(b"the office's data")
    (tmp_path / "ส่งจังหวัด").mkdir()

    def save_dialog():
        dialog = file_dialogs.file_dialog(None, "บันทึก", str(tmp_path / "x.xlsx"), "Excel (*.xlsx)", save=True)
        qtbot.addWidget(dialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)  # as get_save_file_name
        return dialog

    for typed, chosen in (("otop.db", "otop.db.xlsx"), ("สรุป.XLSX", "สรุป.XLSX"), ("ยอดขาย", "ยอดขาย.xlsx")):
        dialog = save_dialog()
        dialog.selectFile(typed)
        assert accepted_asking(dialog) == []
        assert dialog.result() == QFileDialog.DialogCode.Accepted
        assert dialog.selectedFiles() == [str(tmp_path / chosen)]
    assert (tmp_path / "otop.db").read_bytes() == b"the office's data"
    (tmp_path / "otop.db.xlsx").write_bytes(b"last month's")  # asked about under the name it will be written as
    again = save_dialog()
    again.selectFile("otop.db")
    assert len(asked := accepted_asking(again)) == 1 and "otop.db.xlsx" in asked[0]
    assert again.result() != QFileDialog.DialogCode.Accepted
    folder = save_dialog()
    folder.selectFile(str(tmp_path / "ส่งจังหวัด"))
    folder.accept()
    assert folder.result() != QFileDialog.DialogCode.Accepted
    assert folder.directory().absolutePath() == str(tmp_path / "ส่งจังหวัด")


# Another program's run: it opens the database, reads the probe and closes (the last one out folds the log).
OTHER_PROGRAM = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
    " print(c.execute(\"SELECT value FROM setting WHERE key = 'probe'\").fetchone()[0]); c.close()"
)


@pytest.mark.sqlite_only("POSIX locks on the database's own file")
def test_a_dialog_listing_the_database_folder_leaves_sqlites_locks_to_the_window(qtbot, database, tmp_path):
    """A dialog opened on the folder of the database lists otop.db, -wal and -shm without opening them: Qt's own
    icons read each file's first bytes, which dropped the window's locks, so that the command line's next run
    took the database for unused, folded its log and deleted it, and the window's saves went into the deleted
    file (seen by no other program, lost at a crash)."""
    folder = database.path.parent
    held = database.engine.connect()  # the window's connection, kept open as its pool keeps one
    try:
        held.execute(text("INSERT INTO setting (key, value) VALUES ('probe', 'before')"))
        held.commit()
        dialog = file_dialogs.file_dialog(None, "เลือกไฟล์", str(folder), "ทุกไฟล์ (*)")
        qtbot.addWidget(dialog)
        dialog.show()
        listed = dialog.findChild(QFileSystemModel)
        qtbot.waitUntil(lambda: listed.rowCount(listed.index(str(folder))) >= 3)
        root = listed.index(str(folder))
        names = [listed.index(row, 0, root) for row in range(listed.rowCount(root))]
        for index in names:  # what the dialog draws: each file's icon and type
            listed.data(index, Qt.ItemDataRole.DecorationRole), listed.type(index)
        qtbot.waitUntil(lambda: all(listed.data(i, Qt.ItemDataRole.DecorationRole) is not None for i in names))
        settle()
        dialog.close()
        subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(database.path)], check=True)  # the command line
        assert Path(f"{database.path}-wal").exists()  # still in use: the window's log stays
        held.execute(text("UPDATE setting SET value = 'after' WHERE key = 'probe'"))
        held.commit()
        shown = subprocess.run(
            [sys.executable, "-c", OTHER_PROGRAM, str(database.path)], check=True, capture_output=True, text=True
        )
        assert shown.stdout.strip() == "after"  # what the window saved, another program reads
    finally:
        held.close()
