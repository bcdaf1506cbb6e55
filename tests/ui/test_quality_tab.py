"""The ตรวจสอบข้อมูล tab, clicked as an officer does: the month's findings, a double-click opening the cell in
the entry tab, marking a line checked with a note, and the lock question counting what is still unchecked."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from otop_desktop.core.users import UserInfo
from otop_desktop.store.database import open_database
from otop_desktop.ui import file_dialogs
from otop_desktop.ui.sales_model import FIRST_AMOUNT
from tests.conftest import save
from tests.ui.conftest import open_window, settle
from tests.ui.test_responsive import country, ticks_while  # noqa: F401 - the fixture

YEAR, MONTH = 2569, 8  # the month the window opens on (tests/ui/conftest.py's TODAY)


def plant_outlier(world):
    save(world.database, world.province, YEAR, MONTH, {world.ids["ไหม"]: (20_000_000, 4_000_000, None, None)})


def open_quality(qtbot, window, period=(YEAR, MONTH)):
    """The tab opened on `period` (it opens on the month due for confirmation: the fixture confirms none)."""
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.quality_tab)).center())
    settle()
    if period is not None:
        window.quality_tab.picker.set_period(*period)
        settle()
    return window.quality_tab


def cell_point(view, row, column):
    return view.visualRect(view.model().index(row, column)).center()


def test_findings_are_listed_and_a_double_click_opens_the_cell(qtbot, world):
    plant_outlier(world)
    window = open_window(qtbot, world.database, world.province)
    tab = open_quality(qtbot, window)
    assert [row[0] for row in tab.model.rows] == ["ยอดสูงผิดปกติ", "เลิกกิจการแต่มียอด"]
    assert tab.model.rows[0][3] == "กลุ่มทอผ้าไหมบ้านในเมือง" and "สูงกว่าเดือนปกติ 20.0 เท่า" in tab.model.rows[0][5]
    assert "ยอดสูงผิดปกติ 1 · เลิกกิจการแต่มียอด 1 · รวม 2 รายการ (ยังไม่ตรวจ 2)" in tab.summary.text()
    point = cell_point(tab.view, 0, 5)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=point)  # Qt's double-click follows a click
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    settle()
    entry = window.entry_tab
    assert window.tabs.currentWidget() is entry
    assert entry.picked_period() == (YEAR, MONTH, "3401", None)
    current = entry.view.currentIndex()
    assert entry.model.entrepreneur_id(current.row()) == world.ids["ไหม"] and current.column() == FIRST_AMOUNT


def test_a_line_marked_checked_with_a_note_leaves_the_list_and_the_lock_question_counts_the_rest(
    qtbot, world, messages, monkeypatch
):
    plant_outlier(world)
    window = open_window(qtbot, world.database, world.province)
    tab = open_quality(qtbot, window)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=cell_point(tab.view, 0, 0))
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: asked.append(args[2]) or ("โทรถามอำเภอแล้ว", True))
    qtbot.mouseClick(tab.mark_button, Qt.MouseButton.LeftButton)
    settle()
    assert "หมายเหตุการตรวจ 1 รายการ" in asked[0]
    assert [row[0] for row in tab.model.rows] == ["เลิกกิจการแต่มียอด"]
    assert "(ยังไม่ตรวจ 1)" in tab.summary.text()
    qtbot.mouseClick(tab.show_checked, Qt.MouseButton.LeftButton)
    assert tab.model.rows[0][6].startswith("ตรวจแล้ว: โทรถามอำเภอแล้ว (นางสมศรี ใจดี ")
    window.tabs.setCurrentWidget(window.locks_tab)
    settle()
    messages.answer = messages.answer.No
    window.locks_tab.select_district("3401")
    qtbot.mouseClick(window.locks_tab.lock_district_button, Qt.MouseButton.LeftButton)
    kind, _, text = messages.shown[-1]
    assert kind == "question" and text.startswith("มีรายการจากการตรวจสอบข้อมูลที่ยังไม่ได้ตรวจ 1 รายการ")


def test_a_district_sees_its_own_findings_and_may_not_mark_them(qtbot, world):
    plant_outlier(world)
    window = open_window(qtbot, world.database, world.warin)
    tab = open_quality(qtbot, window)
    assert tab.model.rows == [] and "ไม่พบรายการที่ควรตรวจสอบ" in tab.summary.text()
    assert not tab.mark_button.isEnabled() and "จังหวัด" in tab.mark_button.toolTip()


def test_the_list_prints_as_a_pdf_and_saves_as_csv_off_the_gui_thread(qtbot, world, monkeypatch, tmp_path):
    plant_outlier(world)
    window = open_window(qtbot, world.database, world.province)
    tab = open_quality(qtbot, window)
    answers = iter([(str(tmp_path / "check"), "PDF (*.pdf)"), (str(tmp_path / "check"), "CSV (*.csv)")])
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *args, **kw: next(answers))
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    settle()
    assert (tmp_path / "check.pdf").read_bytes().startswith(b"%PDF")
    assert "ยอดสูงผิดปกติ,3401,เมืองอุบลราชธานี" in (tmp_path / "check.csv").read_text(encoding="utf-8-sig")
    assert tab.summary.text().startswith("บันทึกไฟล์ ") and tab.summary.text().endswith("check.csv แล้ว")


def test_the_departments_check_of_the_country_runs_while_the_window_stays_alive(qtbot, country):
    database = open_database(country)
    try:
        window = open_window(qtbot, database, UserInfo("dept", "department", "00", "", ""), tab="quality_tab")
        tab = open_quality(qtbot, window)
        tab.result = None
        fired = ticks_while(lambda: tab.picker.set_period(2569, 9), lambda: tab.result is not None)
        assert fired > 0, "the timer never fired while the check ran: it ran on the GUI thread"
        assert tab.result.rows > 7000 and tab.result.area_name == "กรมการพัฒนาชุมชน (ทั้งประเทศ)"
        assert tab.area_box.count() == 78 and tab.mark_button.isEnabled()  # the country and its 77 provinces
    finally:
        database.close()


def test_the_tab_opens_on_the_month_due_for_confirmation(qtbot, world):
    """The province checks a month before it locks it: on 4 December 2569 with October confirmed, November."""
    from datetime import date

    from otop_desktop.services import locks
    from otop_desktop.services.office import Office

    Office(world.database, world.province).run(locks.lock_province, fiscal_year=2570, month=10, incomplete_ok=True)
    window = open_window(qtbot, world.database, world.province, today=date(2026, 12, 4))
    tab = open_quality(qtbot, window, period=None)
    assert (tab.picker.year, tab.picker.month) == (2570, 11)


def test_with_every_ended_month_confirmed_the_tab_opens_on_the_last_ended_one_not_on_the_month_running(qtbot, world):
    """5 December 2569, the district's November confirmed: the month to confirm next is December, which runs
    till its end and would read as nothing entered; the check opens on November, the latest with its figures."""
    from datetime import date

    from otop_desktop.services import locks
    from otop_desktop.services.office import Office

    office = Office(world.database, world.province)
    for month in (10, 11):
        office.run(locks.lock_district, district_code="3401", fiscal_year=2570, month=month, incomplete_ok=True)
    window = open_window(qtbot, world.database, world.mueang, today=date(2026, 12, 5))
    tab = open_quality(qtbot, window, period=None)
    assert (tab.picker.year, tab.picker.month) == (2570, 11)
    window.tabs.setCurrentWidget(window.locks_tab)  # the lock tab still says what is due next, and when
    assert window.locks_tab.picker.month == 12
