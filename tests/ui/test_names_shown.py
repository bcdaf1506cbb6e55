"""Where a person reads who did something and for which area, the program names them: the district's name
and the person's display name, with the code or login behind it in a tooltip."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from otop_desktop.ui import file_dialogs
from otop_desktop.ui.bus import DataBus
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.exchange_dialog import ExchangeDialog
from tests.exchange_helpers import copy_database, register
from tests.ui.conftest import open_window, settle


def tip(model, row, column):
    return model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)


def test_a_lock_names_the_person_who_made_it(qtbot, world, messages):
    messages.answer = QMessageBox.StandardButton.Yes
    window = open_window(qtbot, world.database, world.province, tab="locks_tab")
    tab = window.locks_tab
    tab.select_district("3415")
    qtbot.mouseClick(tab.lock_district_button, Qt.MouseButton.LeftButton)
    row = [d.district_code for d in tab.overview.districts].index("3415")
    assert tab.table_model.rows[row][3] == "นางสมศรี ใจดี" and tip(tab.table_model, row, 3) == "ชื่อผู้ใช้: prov"
    assert tab.history_model.rows[0][1] == "นางสมศรี ใจดี" and tip(tab.history_model, 0, 1) == "ชื่อผู้ใช้: prov"


def test_keys_name_the_office_and_who_registered_them(qtbot, world, messages, tmp_path):
    district = copy_database(world.database, tmp_path / "d" / "otop.db")
    register(world.database, world.province, district, world.mueang, tmp_path)
    district.close()
    dialog = ExchangeDialog(AppContext(world.database, world.province, DataBus()))
    qtbot.addWidget(dialog)
    rows = dialog.keys_page.keys_model.rows
    assert [row[0] for row in rows] == ["สำนักงานนี้", "อำเภอเมืองอุบลราชธานี"]
    assert rows[0][2] == "โปรแกรม (สร้างอัตโนมัติ)"  # made by the program itself, not a person called "setup"
    assert rows[1][2] == "นางสมศรี ใจดี" and tip(dialog.keys_page.keys_model, 1, 2) == "รหัส/ชื่อผู้ใช้: prov"
    assert tip(dialog.keys_page.keys_model, 1, 0) == "รหัส/ชื่อผู้ใช้: 3401"


def test_a_verified_print_names_who_printed_it(qtbot, world, messages, monkeypatch, tmp_path):
    window = open_window(qtbot, world.database, world.province, tab="reports_tab")
    tab = window.reports_tab
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(tmp_path / "jt2.pdf"), ""))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    code = tab.status.text().rsplit(" ", 1)[-1]
    tab.code_edit.setFocus()
    qtbot.keyClicks(tab.code_edit, code)
    qtbot.keyClick(tab.code_edit, Qt.Key.Key_Return)
    assert "พิมพ์โดย นางสมศรี ใจดี เมื่อ" in tab.verify_result.text()
    assert "prov" not in tab.verify_result.text() and tab.verify_result.toolTip() == "ชื่อผู้ใช้ที่พิมพ์: prov"
